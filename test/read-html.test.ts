// The HTML reader gives the same record as the filing's XML on every field a page shows,
// and every value it sets points back at the text it was read from.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from '../src/index.ts';
import { compareRecords } from '../src/read/compare-records.ts';
import { readHtml } from '../src/read/html/read-html.ts';
import { edgarCodeOf as stateCodeOf } from '../src/record/edgar-codes.ts';
import { toNumber } from '../src/read/values.ts';
import { Positions } from '../src/util/positions.ts';

const dir = new URL('./fixtures/html/', import.meta.url).pathname;
const cases = readdirSync(dir)
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((f) => f.replace(/\.html$/, ''));

function read(name: string) {
  const html = readFileSync(join(dir, name + '.html'), 'utf8');
  const result = readHtml(html, new Positions(html));
  const xml = parse(readFileSync(join(dir, name + '.xml')));
  assert.ok(result.record, `${name}: the page gives a record`);
  assert.ok(xml.record, `${name}: the XML gives a record`);
  return { html, result, record: result.record, expected: xml.record };
}

test('the fixtures cover the shapes of the printed forms', () => {
  assert.ok(cases.length >= 8);
  const records = cases.map((c) => read(c).record);
  assert.ok(records.some((r) => r.reportingOwners.length >= 2), 'several owners');
  assert.ok(records.some((r) => r.documentType === '3'), 'Form 3');
  assert.ok(records.some((r) => r.documentType === '5'), 'Form 5');
  assert.ok(records.some((r) => r.documentType === '4/A'), '4/A');
  assert.ok(records.some((r) => r.derivativeTransactions.length > 0 && r.nonDerivativeTransactions.length === 0 && r.nonDerivativeHoldings.length === 0), 'derivative-only');
  assert.ok(records.some((r) => r.nonDerivativeHoldings.length > 0 && r.nonDerivativeTransactions.length === 0 && r.derivativeTransactions.length === 0), 'holdings-only');
  assert.ok(records.some((r) => r.derivativeTransactions.some((t) => t.footnotes.exerciseDate && t.exerciseDate === null)), 'a footnote on a date');
});

for (const name of cases) {
  test(`${name}: the page gives the XML's record on every shown field`, () => {
    const { record, expected } = read(name);
    const { compared, mismatches } = compareRecords(expected, record);
    assert.ok(compared > 20);
    assert.deepEqual(mismatches, []);
    assert.equal(record.schemaVersion, null);
    assert.equal(record.issuer.cik, null);
  });

  test(`${name}: every provenance span points at the printed value`, () => {
    const { html, result, record } = read(name);
    const entries = Object.entries(result.provenance);
    assert.ok(entries.length > 10);
    for (const [path, { span, confidence }] of entries) {
      const value = valueAt(record, path);
      assert.notEqual(value, undefined, `${path} is a path into the record`);
      assert.ok(span.start.offset <= span.end.offset && span.end.offset <= html.length, `${path}: span inside the input`);
      const printed = decode(html.slice(span.start.offset, span.end.offset));
      if (value === null || typeof value === 'boolean' || confidence < 1) continue;
      if (Array.isArray(value)) {
        // A row's footnote ids point at the value their marks follow.
        const qualified = result.provenance[path.replace('.footnotes.', '.')];
        if (qualified) assert.deepEqual(span, qualified.span, `${path}: the span of the value it qualifies`);
      } else if (typeof value === 'number') {
        assert.ok(Math.abs((toNumber(printed.replace(/\$/g, '')).value ?? NaN) - value) < 1e-9, `${path}: "${printed}" prints ${value}`);
      } else if (typeof value !== 'string') {
        assert.fail(`${path}: a value of an unexpected type`);
      } else if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
        const [y, m, d] = value.split('-');
        assert.match(printed, new RegExp(`^0?${Number(m)}/0?${Number(d)}(?:[+-]\\d\\d:\\d\\d)?/${y}$`), `${path}: "${printed}" prints ${value}`);
      } else if (path.endsWith('.address.state')) {
        assert.equal(stateCodeOf(printed), value, `${path}: "${printed}" names ${value}`);
      } else {
        assert.ok(squash(printed).includes(squash(value).replace(/\/A$/, '')), `${path}: "${printed}" holds "${value}"`);
      }
    }
  });
}

test('a footnote mark beside a value is kept under that value\'s field', () => {
  const { record } = read('0000002488-23-000114__2488_4_2023-06-08_0000002488-23-000114.txt');
  assert.deepEqual(record.nonDerivativeTransactions[2]?.footnotes, { shares: ['F1'], pricePerShare: ['F2'] });
  assert.equal(record.derivativeTransactions[0]?.exerciseDate, null);
  assert.deepEqual(record.derivativeTransactions[0]?.footnotes, { exerciseDate: ['F10'] });
  assert.equal(record.aff10b5One, true);
});

test('an amendment is read from the date the original was filed, and says so', () => {
  const { record, result } = read('8f2526364482__form4a');
  assert.equal(record.documentType, '4/A');
  assert.ok(record.dateOfOriginalSubmission);
  assert.ok(result.issues.some((i) => i.code === 'HTML_AMENDMENT_INFERRED' && i.span !== null));
  assert.ok((result.provenance.documentType?.confidence ?? 1) < 1);
});

test('a page that is not a Form 3, 4 or 5 gives no record and an error', () => {
  const text = '<html><body><table><tr><td>Quarterly report</td></tr></table></body></html>';
  const result = readHtml(text, new Positions(text));
  assert.equal(result.record, null);
  assert.deepEqual(result.issues.map((i) => i.code), ['HTML_NOT_OWNERSHIP_FORM']);
});

function valueAt(record: unknown, path: string): unknown {
  let v: unknown = record;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

function decode(s: string): string {
  return s
    .replace(/<[^>]*>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&#160;|&nbsp;/g, ' ')
    .trim();
}

function squash(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
