// Text conversions of EDGAR's rendered page, made by common tools (pandoc, html2text, lynx, w3m,
// Chromium + pdftotext, and our seed-style converter), are recognised as text renderings and read
// to the record of the same filing's XML on every field the page shows. What the page itself
// cannot show is allowed below, each with its reason; anything else a converter still gets wrong
// is listed in fixtures/converted/known-mismatches.json, so that an improvement or a regression
// shows in the diff (UPDATE=1 rewrites the list), and the converters the reader reads exactly
// must have an empty list there. No converter tool is needed here.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CONVERTERS } from '../scripts/convert/converters.ts';
import { parse } from '../src/index.ts';
import { compareRecords, type Mismatch } from '../src/read/compare-records.ts';

const dir = join(import.meta.dirname, 'fixtures', 'converted');
const knownFile = join(dir, 'known-mismatches.json');
const known = (existsSync(knownFile) ? JSON.parse(readFileSync(knownFile, 'utf8')) : {}) as Record<string, Record<string, string[]>>;
const seen: Record<string, Record<string, string[]>> = {};

/** Converters whose values must each carry a span in the input. */
const EXACT = new Set(['seed-style']);

/** Converters read to the XML record on every shown field: their known list must stay empty. */
const READ_EXACTLY = new Set(['seed-style', 'w3m', 'html2text']);

/**
 * What no rendering of the page can show, whatever the converter, beyond what compareRecords
 * already reads as the SEC stylesheet prints it (given the XML: a Section 16 box written `true`). Each entry: the page, the
 * field, and why the page prints it otherwise than the XML has it.
 */
const ALLOWED: { page: string; path: string; why: string }[] = [
  {
    page: '0000002488-23-000114__2488_4_2023-06-08_0000002488-23-000114.txt',
    path: 'reportingOwners.0.address.street1',
    why: 'the XML gives street2 with an empty street1; the page prints the one street line alike either way',
  },
  {
    page: '0000002488-23-000114__2488_4_2023-06-08_0000002488-23-000114.txt',
    path: 'reportingOwners.0.address.street2',
    why: 'the same street line, read as street1',
  },
];

function allowed(page: string, m: Mismatch): boolean {
  return ALLOWED.some((a) => a.page === page && a.path === m.path);
}

for (const conv of CONVERTERS) {
  const files = readdirSync(join(dir, conv.name)).filter((f) => f.endsWith('.txt')).sort();
  for (const file of files) {
    const page = file.slice(0, -4);
    test(`${conv.name}: ${page} reads as text to its XML record on the shown fields`, () => {
      const text = readFileSync(join(dir, conv.name, file), 'utf8');
      const result = parse(text, { fileName: file });
      assert.equal(result.source.format, 'text');
      assert.ok(result.record, 'a record is read');
      const xmlBytes = readFileSync(join(dir, 'xml', page + '.xml'));
      const xml = parse(xmlBytes);
      assert.ok(xml.record);
      const cmp = compareRecords(xml.record, result.record, { notShown: new Set(conv.notShown), expectedXml: xmlBytes.toString('latin1') });
      assert.ok(cmp.compared > 0, 'the shown fields are compared');
      const paths = cmp.mismatches.filter((m) => !allowed(page, m)).map((m) => m.path).sort();
      (seen[conv.name] ??= {})[page] = paths;
      if (EXACT.has(conv.name)) {
        // Every value read has a span in the input.
        for (const key of ['periodOfReport', 'issuer.name', 'reportingOwners.0.name', 'signatures.0.name']) {
          assert.ok(result.provenance?.[key], `${key} has provenance`);
        }
      }
      if (READ_EXACTLY.has(conv.name)) assert.deepEqual(paths, [], 'every shown field as in the XML');
      if (process.env['UPDATE'] !== '1') assert.deepEqual(paths, known[conv.name]?.[page] ?? [], 'mismatches as recorded in known-mismatches.json');
    });
  }
}

test('every allowed mismatch names a fixture page and says why', () => {
  const pages = new Set(readdirSync(join(dir, 'xml')).map((f) => f.replace(/\.xml$/, '')));
  for (const a of ALLOWED) {
    assert.ok(pages.has(a.page), `${a.page} is a fixture`);
    assert.ok(a.why.length > 20, 'the reason is given');
  }
});

test('known-mismatches.json is rewritten with UPDATE=1', { skip: process.env['UPDATE'] !== '1' }, () => {
  writeFileSync(knownFile, JSON.stringify(seen, null, 2) + '\n');
});

test('pandoc plain: the owners cell is rejoined from box 1 where it can be, and a join on line length alone is reported', () => {
  const page = '0000902664-23-000043__1848097_4_2023-01-05_0000902664-23-000043.txt';
  const result = parse(readFileSync(join(dir, 'pandoc-plain', page + '.txt'), 'utf8'), { fileName: page });
  const owners = result.record?.reportingOwners ?? [];
  // Box 1 printed the first owner's lines: its cell is cut where box 1 breaks, with nothing guessed.
  assert.equal(owners[0]?.name, 'Owl Creek Asset Management, L.P.');
  assert.equal(owners[0]?.address?.street1, '640 FIFTH AVENUE');
  assert.equal(owners[0]?.address?.street2, '20TH FLOOR');
  // The second owner's street is on no line box 1 printed: its wrapped lines are joined, and that is said.
  assert.equal(owners[1]?.address?.street1, '640 FIFTH AVENUE, 20TH FLOOR');
  const joined = result.issues.filter((i) => i.code === 'TEXT_OWNER_LINES_JOINED');
  assert.deepEqual(joined.map((i) => i.path?.join('.')), ['reportingOwners.1.name']);
  assert.match(joined[0]?.message ?? '', /"640 FIFTH AVENUE, 20TH FLOOR"/);
});

test('a rendered page read whole reports no lines of its closing blocks as unread, nor a symbol box 2 missed', () => {
  const page = '0000002488-23-000114__2488_4_2023-06-08_0000002488-23-000114.txt';
  for (const conv of ['w3m', 'html2text', 'lynx', 'pandoc-plain']) {
    const text = readFileSync(join(dir, conv, page + '.txt'), 'utf8');
    const result = parse(text, { fileName: page });
    assert.equal(result.record?.footnotes.length, 10, `${conv}: the footnotes are read`);
    assert.equal(result.record?.issuer.tradingSymbol, 'AMD');
    const signaturesLine = text.split('\n').findIndex((l) => /^\W*Signatures\W*$/.test(l)) + 1;
    const below = result.issues.filter((i) => i.code === 'TEXT_FRAGMENT_UNREAD' && (i.span?.start.line ?? 0) > signaturesLine);
    assert.deepEqual(below.map((i) => i.message), [], `${conv}: nothing below the signatures is left unread`);
    assert.ok(!result.issues.some((i) => i.code === 'TEXT_SYMBOL_MISSING'), `${conv}: the symbol is not missing`);
  }
});

test('every value read from a converted page carries the span it was read from', () => {
  const missing: string[] = [];
  for (const conv of CONVERTERS) {
    for (const file of readdirSync(join(dir, conv.name)).filter((f) => f.endsWith('.txt'))) {
      const result = parse(readFileSync(join(dir, conv.name, file), 'utf8'), { fileName: file });
      const walk = (v: unknown, path: string): void => {
        if (v === null || v === false) return;
        if (Array.isArray(v)) return v.forEach((x, i) => walk(x, `${path}.${i}`));
        if (typeof v === 'object') {
          // Footnote ids are marks in the text; the footnote maps are checked by the comparisons.
          for (const [k, x] of Object.entries(v as object)) if (k !== 'footnotes' || path === '') walk(x, path === '' ? k : `${path}.${k}`);
          return;
        }
        if (!result.provenance?.[path]) missing.push(`${conv.name}/${file}: ${path}`);
      };
      walk(result.record, '');
    }
  }
  assert.deepEqual(missing, []);
});
