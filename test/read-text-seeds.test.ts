// The text reader gives, for each seed rendering, exactly the record written by hand in
// test/fixtures/seeds/<seed>.expected.json, says where every value came from, and refuses
// text that is not a Form 3/4/5.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { OwnershipRecord } from '../src/record/schema.ts';
import { readText } from '../src/read/text/read-text.ts';
import { Positions } from '../src/util/positions.ts';
import { parse, validateFiling } from '../src/index.ts';

const dir = join(import.meta.dirname, 'fixtures', 'seeds');
const seeds = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.slice(0, -4))
  .sort();

/** Issue codes each seed must raise, and no others (what the rendering gets wrong or leaves open). */
const EXPECTED_ISSUES: Record<string, string[]> = {
  '000_35aa284de61378c9': [],
  '001_5029d74124dfc0ce': ['TEXT_ADDRESS_SPLIT_INFERRED'],
  '002_8ddcd668f7a6b10e': [],
  '003_4bd5ad7a14ca31eb': ['TEXT_ADDRESS_SPLIT_INFERRED'],
  '004_c76e068fc8e15405': [
    'TEXT_CELL_UNPLACED',
    'TEXT_FRAGMENT_UNREAD',
    'TEXT_LABEL_DAMAGED',
    'TEXT_NUMBER_SPLIT_JOINED',
    'TEXT_PRICE_LOOKS_TOTAL',
    'TEXT_ROW_ALIGNED_BY_TYPE',
  ],
};

function read(text: string) {
  return readText(text, new Positions(text));
}

function valueAt(record: unknown, path: string): unknown {
  let v: unknown = record;
  for (const key of path.split('.')) v = (v as Record<string, unknown>)[key];
  return v;
}

/** The printed text behind a span, with what renderings add around values taken away. */
function printed(slice: string): string {
  return slice
    .replace(/<[^>]*>/g, ' ')
    .replace(/\\(.)/g, '$1')
    .replace(/[⁽⁾]/g, '')
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/g, (c) => String('⁰¹²³⁴⁵⁶⁷⁸⁹'.indexOf(c)));
}

function assertSliceShows(path: string, value: unknown, slice: string): void {
  const text = printed(slice);
  const squeezed = text.replace(/\s+/g, '');
  const msg = `${path}: ${JSON.stringify(value)} not in ${JSON.stringify(slice)}`;
  assert.ok(squeezed.length > 0, msg);
  if (typeof value === 'number') {
    const digits = text.replace(/[^0-9.]/g, '');
    assert.ok(digits.includes(String(value)) || Number(digits) === value, msg);
  } else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number) as [number, number, number];
    assert.match(squeezed, new RegExp(`0?${m}/0?${d}/${y}`), msg);
  } else if (path === 'documentType') {
    assert.match(text, /FORM\s+4|STATEMENT OF CHANGES/i, msg);
  } else if (/^derivativeTransactions\.\d+\.acquiredDisposedCode$/.test(path)) {
    // Table II prints (A) or (D) as the column the amount stands in: the span is that amount.
    assert.match(squeezed, /^[\d,.]+$/, msg);
  } else if (path.endsWith('.transactionTimeliness')) {
    assert.match(text, /^V$/i, msg);
  } else if (typeof value === 'string') {
    // Footnote ids print as their number; a word broken at a line end is rejoined in the value.
    const want = /^F\d+$/.test(value) ? value.slice(1) : value;
    assert.ok(squeezed.includes(want.replace(/\s+/g, '')), msg);
  } else if (Array.isArray(value)) {
    for (const id of value) assert.ok(text.includes(String(id).slice(1)), msg);
  }
  // Booleans read from a check box: the span is the box's label (and its mark when checked).
}

for (const seed of seeds) {
  test(`seed ${seed} reads to exactly the record written by hand`, () => {
    const text = readFileSync(join(dir, `${seed}.txt`), 'utf8');
    const expected: unknown = JSON.parse(readFileSync(join(dir, `${seed}.expected.json`), 'utf8'));
    const { record } = read(text);
    assert.deepStrictEqual(record, expected);
    assert.ok(OwnershipRecord.safeParse(record).success, 'the record satisfies the schema');
  });

  test(`seed ${seed} reports exactly the problems its rendering has`, () => {
    const text = readFileSync(join(dir, `${seed}.txt`), 'utf8');
    const { issues } = read(text);
    assert.deepStrictEqual(issues.map((i) => i.code).sort(), [...(EXPECTED_ISSUES[seed] ?? [])].sort());
    for (const issue of issues) assert.ok(issue.message.length > 0);
  });

  test(`seed ${seed}: every value read has a span whose text shows it`, () => {
    const text = readFileSync(join(dir, `${seed}.txt`), 'utf8');
    const { record, provenance } = read(text);
    assert.ok(record);
    for (const [path, p] of Object.entries(provenance)) {
      const value = valueAt(record, path);
      assert.notEqual(value, undefined, `${path} is a path of the record`);
      assert.ok(p.confidence > 0 && p.confidence <= 1, `${path} confidence`);
      assertSliceShows(path, value, text.slice(p.span.start.offset, p.span.end.offset));
    }
    // Every non-null scalar of the record (CIKs and such are never printed) has provenance.
    const walk = (v: unknown, path: string): void => {
      if (v === null || path.endsWith('.footnotes') && !path.startsWith('footnotes')) return;
      if (Array.isArray(v)) return v.forEach((x, k) => walk(x, path === '' ? String(k) : `${path}.${k}`));
      if (typeof v === 'object') {
        for (const [k, x] of Object.entries(v as object)) walk(x, path === '' ? k : `${path}.${k}`);
        return;
      }
      assert.ok(provenance[path], `${path} has provenance`);
    };
    walk(record, '');
  });

  test(`seed ${seed}: values placed by inference say so with a confidence below 1`, () => {
    const text = readFileSync(join(dir, `${seed}.txt`), 'utf8');
    const { provenance } = read(text);
    const inferred = Object.entries(provenance).filter(([, p]) => p.confidence < 1).map(([k]) => k);
    if (seed.startsWith('004')) {
      assert.ok(inferred.includes('derivativeTransactions.0.underlyingSecurityShares'));
      assert.ok((provenance['derivativeTransactions.0.underlyingSecurityShares']?.confidence ?? 1) <= 0.6);
    } else {
      for (const k of inferred) assert.match(k, /relationship\.is|equitySwapInvolved|address\.street/);
    }
  });
}

test('a 10-K is not read as a form', () => {
  const tenK = [
    'UNITED STATES SECURITIES AND EXCHANGE COMMISSION',
    'Washington, D.C. 20549',
    'FORM 10-K',
    'ANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934',
    'For the fiscal year ended December 31, 2003',
    'SONUS NETWORKS, INC.',
    'Item 12. Security Ownership of Certain Beneficial Owners and Management',
    'Section 16(a) Beneficial Ownership Reporting Compliance',
    'Name and Address of Beneficial Owner\tAmount and Nature of Beneficial Ownership\tPercent of Class',
    'Hassan M. Ahmed\t4,123,000\t1.7%',
  ].join('\n');
  const r = read(tenK);
  assert.equal(r.record, null);
  assert.deepStrictEqual(r.issues.map((i) => i.code), ['TEXT_NOT_A_FORM']);
  assert.match(r.issues[0]?.message ?? '', /not a rendering of Form 3, 4 or 5/);
});

test('a paragraph of a novel is not read as a form', () => {
  const r = read(
    'It was a bright cold day in April, and the clocks were striking thirteen. Winston Smith, his chin ' +
      'nuzzled into his breast in an effort to escape the vile wind, slipped quickly through the glass doors.',
  );
  assert.equal(r.record, null);
  assert.deepStrictEqual(r.issues.map((i) => i.code), ['TEXT_NOT_A_FORM']);
});

test('an empty or blank text is refused as empty', () => {
  for (const text of ['', '  \n\t\n']) {
    const r = read(text);
    assert.equal(r.record, null);
    assert.deepStrictEqual(r.issues.map((i) => i.code), ['INPUT_EMPTY']);
  }
});

test('a code printed against its usual (A) or (D) is kept as printed, and the checks point at it in the text', () => {
  const name = '002_8ddcd668f7a6b10e';
  const text = readFileSync(new URL(`./fixtures/seeds/${name}.txt`, import.meta.url), 'utf8');
  const result = parse(text);
  assert.equal(result.record!.nonDerivativeTransactions[0]!.transactionCode, 'M');
  assert.equal(result.record!.nonDerivativeTransactions[0]!.acquiredDisposedCode, 'D');
  const issues = validateFiling(result.record!, result.source, { provenance: result.provenance });
  const direction = issues.filter((i) => i.code === 'CHECK_TRANSACTION_CODE_DIRECTION');
  assert.deepEqual(direction.map((i) => i.path?.join('.')), ['nonDerivativeTransactions.0.acquiredDisposedCode', 'derivativeTransactions.0.acquiredDisposedCode']);
  const span = direction[0]!.span!;
  assert.equal(text.slice(span.start.offset, span.end.offset), 'D');
  assert.equal(span.start.line, text.slice(0, span.start.offset).split('\n').length);
});
