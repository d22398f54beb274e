// Text conversions of EDGAR's rendered page, made by common tools (pandoc, html2text, lynx, w3m,
// Chromium + pdftotext, and our seed-style converter), are recognised as text renderings and read
// to the record of the same filing's XML on every field the page shows. Fields a converter still
// gets wrong are listed in fixtures/converted/known-mismatches.json, so that an improvement or a
// regression shows in the diff (UPDATE=1 rewrites the list). No converter tool is needed here.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CONVERTERS } from '../scripts/convert/converters.ts';
import { parse } from '../src/index.ts';
import { compareRecords } from '../src/read/compare-records.ts';

const dir = join(import.meta.dirname, 'fixtures', 'converted');
const knownFile = join(dir, 'known-mismatches.json');
const known = (existsSync(knownFile) ? JSON.parse(readFileSync(knownFile, 'utf8')) : {}) as Record<string, Record<string, string[]>>;
const seen: Record<string, Record<string, string[]>> = {};

/** Converters whose values must each carry a span in the input. */
const EXACT = new Set(['seed-style']);

for (const conv of CONVERTERS) {
  const files = readdirSync(join(dir, conv.name)).filter((f) => f.endsWith('.txt')).sort();
  for (const file of files) {
    const page = file.slice(0, -4);
    test(`${conv.name}: ${page} reads as text to its XML record on the shown fields`, () => {
      const text = readFileSync(join(dir, conv.name, file), 'utf8');
      const result = parse(text, { fileName: file });
      assert.equal(result.source.format, 'text');
      assert.ok(result.record, 'a record is read');
      const xml = parse(readFileSync(join(dir, 'xml', page + '.xml')));
      assert.ok(xml.record);
      const cmp = compareRecords(xml.record, result.record, { notShown: new Set(conv.notShown) });
      assert.ok(cmp.compared > 0, 'the shown fields are compared');
      const paths = cmp.mismatches.map((m) => m.path).sort();
      (seen[conv.name] ??= {})[page] = paths;
      if (EXACT.has(conv.name)) {
        // Every value read has a span in the input.
        for (const key of ['periodOfReport', 'issuer.name', 'reportingOwners.0.name', 'signatures.0.name']) {
          assert.ok(result.provenance?.[key], `${key} has provenance`);
        }
      }
      if (process.env['UPDATE'] !== '1') assert.deepEqual(paths, known[conv.name]?.[page] ?? [], 'mismatches as recorded in known-mismatches.json');
    });
  }
}

test('known-mismatches.json is rewritten with UPDATE=1', { skip: process.env['UPDATE'] !== '1' }, () => {
  writeFileSync(knownFile, JSON.stringify(seen, null, 2) + '\n');
});
