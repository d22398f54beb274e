// The ownership XML writer: values spelled as the reader read them, footnotes back in place,
// and every departure from the X0609 schema reported, checked against xmllint.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from '../src/index.ts';
import type { OwnershipRecord } from '../src/record/schema.ts';
import { formatNumber, plainDecimal } from '../src/write/xml-values.ts';
import { writeOwnership, writeOwnershipXml } from '../src/write/write-ownership-xml.ts';
import { validate, xmllintMissing } from './fixtures/write/xmllint.ts';

function read(name: string): OwnershipRecord {
  const result = parse(readFileSync(new URL(`./fixtures/write/${name}`, import.meta.url)));
  assert.ok(result.record, name);
  return result.record;
}

const sample = () => read('form4-10b5-1-sales.xml');

test('numbers are written as the shortest decimal that reads back, without exponent notation', () => {
  assert.equal(formatNumber(0.25).text, '0.25');
  assert.equal(formatNumber(13750).text, '13750');
  assert.equal(formatNumber(4.6667).text, '4.6667');
  assert.equal(formatNumber(1e21).text, '1000000000000000000000');
  assert.equal(formatNumber(1e-7).text, '0.0000001');
  assert.equal(formatNumber(1.5e-7).text, '0.00000015');
  assert.equal(formatNumber(-0).text, '-0');
  assert.equal(plainDecimal('1.2345e+25'), '12345000000000000000000000');
  for (const n of [0.1, 0.3, 120.6, 999999999999.9999, 1e-7, 123456789.123456]) assert.equal(Number(formatNumber(n).text), n);
});

test('float residue such as 0.1 + 0.2 is written as the decimal it stands for, with a warning', () => {
  const record = sample();
  const row = record.nonDerivativeTransactions[0]!;
  row.pricePerShare = 0.1 + 0.2;
  const { xml, issues } = writeOwnership(record);
  assert.ok(xml.includes('<value>0.3</value>'));
  assert.ok(!xml.includes('0.30000000000000004'));
  const noise = issues.find((i) => i.code === 'WRITE_NUMBER_NOISE');
  assert.ok(noise);
  assert.deepEqual(noise.path, ['nonDerivativeTransactions', 0, 'pricePerShare']);
  assert.equal(noise.severity, 'warning');
});

test('text is escaped, and the written document reads back to the same text', () => {
  const record = sample();
  record.remarks = 'A & B <C> "quoted" \'single\' ]]> end\r\nsecond line';
  record.footnotes[0]!.text = 'Price < $5 & > $1';
  const xml = writeOwnershipXml(record);
  assert.ok(xml.includes('A &amp; B &lt;C&gt; "quoted" \'single\' ]]&gt; end&#13;\nsecond line'));
  const back = parse(xml).record!;
  assert.equal(back.remarks, record.remarks);
  assert.equal(back.footnotes[0]!.text, 'Price < $5 & > $1');
});

test('dates are written as YYYY-MM-DD and flags as 1 and 0', () => {
  const xml = writeOwnershipXml(sample());
  assert.match(xml, /<periodOfReport>2023-06-06<\/periodOfReport>/);
  assert.match(xml, /<aff10b5One>1<\/aff10b5One>/);
  assert.match(xml, /<isDirector>1<\/isDirector>/);
  assert.match(xml, /<equitySwapInvolved>0<\/equitySwapInvolved>/);
});

test('every footnote id goes back on the element it was read from', () => {
  const record = read('form4-10b5-1-sales.xml');
  const xml = writeOwnershipXml(record);
  assert.deepEqual(parse(xml).record!.nonDerivativeTransactions.map((r) => r.footnotes), record.nonDerivativeTransactions.map((r) => r.footnotes));
  // A footnote on the coding of a transaction sits in <transactionCoding>, a value-less date keeps its footnote.
  const golden = parse(readFileSync(new URL('./fixtures/xml/footnotes-on-every-field.xml', import.meta.url))).record!;
  const again = parse(writeOwnershipXml(golden)).record!;
  for (const list of ['nonDerivativeTransactions', 'nonDerivativeHoldings', 'derivativeTransactions', 'derivativeHoldings'] as const) {
    assert.deepEqual(again[list].map((r) => r.footnotes), golden[list].map((r) => r.footnotes), list);
  }
});

test('the schema version is stamped X0609 by default and left out for a submission', () => {
  const record = read('form4-x0306-no-10b5-1.xml');
  assert.equal(record.schemaVersion, 'X0306');
  assert.match(writeOwnershipXml(record), /<schemaVersion>X0609<\/schemaVersion>/);
  assert.doesNotMatch(writeOwnershipXml(record, { schemaVersion: null }), /schemaVersion/);
});

test('a record without the Rule 10b5-1 flag is written without it, and the missing element is an error', () => {
  const record = read('form4-x0306-no-10b5-1.xml');
  assert.equal(record.aff10b5One, null);
  const result = writeOwnership(record);
  assert.equal(result.ok, false);
  assert.doesNotMatch(result.xml, /aff10b5One/);
  const issue = result.issues.find((i) => i.code === 'WRITE_REQUIRED_MISSING');
  assert.ok(issue);
  assert.deepEqual(issue.path, ['aff10b5One']);
  assert.match(issue.message, /Form 4 requires <aff10b5One>/);
});

test('a foreign country code in the state field is reported, as the schema lists U.S. states only', () => {
  const result = writeOwnership(read('form4-foreign-owner-state.xml'));
  const issue = result.issues.find((i) => i.code === 'WRITE_VALUE_INVALID');
  assert.ok(issue);
  assert.deepEqual(issue.path, ['reportingOwners', 0, 'address', 'state']);
});

test('what the schema forbids is reported with a path: lengths, choices, codes, footnotes, counts', () => {
  const record = sample();
  const row = record.nonDerivativeTransactions[0]!;
  row.securityTitle = 'x'.repeat(61);
  row.transactionCode = 'Q';
  row.totalValue = 5;
  row.footnotes.exerciseDate = ['F1'];
  row.footnotes.shares = ['F99'];
  record.reportingOwners[0]!.relationship!.officerTitle = 'Chairman, President and Chief Executive';
  record.remarks = 'r'.repeat(2001);
  const d = record.derivativeTransactions[0]!;
  d.underlyingSecurityValue = 10;
  d.footnotes.acquiredDisposedCode = ['F1'];
  for (let i = 0; i < 30; i++) record.nonDerivativeHoldings.push({ ...record.nonDerivativeHoldings[0]!, footnotes: {} });
  const { ok, issues } = writeOwnership(record);
  assert.equal(ok, false);
  const found = (code: string, path: (string | number)[]) =>
    assert.ok(issues.some((i) => i.code === code && JSON.stringify(i.path) === JSON.stringify(path)), `${code} at ${path.join('.')}: ${JSON.stringify(issues.map((i) => [i.code, i.path]))}`);
  found('WRITE_VALUE_INVALID', ['nonDerivativeTransactions', 0, 'securityTitle']);
  found('WRITE_VALUE_INVALID', ['nonDerivativeTransactions', 0, 'transactionCode']);
  found('WRITE_NOT_IN_FORM', ['nonDerivativeTransactions', 0, 'totalValue']);
  found('WRITE_FOOTNOTE_UNPLACEABLE', ['nonDerivativeTransactions', 0, 'footnotes', 'exerciseDate']);
  found('WRITE_FOOTNOTE_UNDEFINED', ['nonDerivativeTransactions', 0, 'shares']);
  found('WRITE_VALUE_INVALID', ['reportingOwners', 0, 'relationship', 'officerTitle']);
  found('WRITE_VALUE_INVALID', ['remarks']);
  found('WRITE_CHOICE_CONFLICT', ['derivativeTransactions', 0, 'underlyingSecurityShares']);
  found('WRITE_FOOTNOTE_NOT_ALLOWED', ['derivativeTransactions', 0, 'acquiredDisposedCode']);
  found('WRITE_TOO_MANY', ['nonDerivativeTransactions']);
});

test('the writer predicts xmllint: valid documents validate and each reported problem fails', { skip: xmllintMissing ?? false }, () => {
  const valid = sample();
  const broken = sample();
  broken.nonDerivativeTransactions[0]!.securityTitle = 'x'.repeat(61);
  const noTitle = sample();
  noTitle.reportingOwners[0]!.relationship!.officerTitle = 'y'.repeat(31);
  const docs = [valid, broken, noTitle, read('form3.xml'), read('form4a.xml'), read('form4-x0306-no-10b5-1.xml'), read('form5.xml')];
  const written = docs.map((r) => writeOwnership(r));
  const verdicts = validate(docs.map((r, i) => ({ documentType: r.documentType ?? '4', xml: written[i]!.xml })));
  verdicts.forEach((v, i) => assert.equal(v === null, written[i]!.ok, `document ${i}: xmllint says ${v ?? 'valid'}; writer issues ${JSON.stringify(written[i]!.issues)}`));
  assert.equal(verdicts[0], null);
  assert.equal(verdicts[3], null, 'the Form 3 validates');
  assert.equal(verdicts[4], null, 'the Form 4/A validates');
});
