// Golden files for the EDGAR XML reader: test/fixtures/xml/<case>.xml beside <case>.json,
// which holds the `{record, issues}` that parse() gives. `UPDATE=1` rewrites the .json
// files instead of comparing; a reviewer then reads the diff against the XML.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse, type ParseResult } from '../src/index.ts';

const fixtures = new URL('./fixtures/xml/', import.meta.url);
const update = process.env.UPDATE === '1';

const cases = readdirSync(fixtures)
  .filter((f) => f.endsWith('.xml'))
  .map((f) => f.slice(0, -'.xml'.length))
  .sort();

function read(name: string): ParseResult {
  return parse(readFileSync(new URL(`${name}.xml`, fixtures)), { fileName: `${name}.xml` });
}

/** What a golden file holds: the record and the issues, pretty-printed with a final newline. */
function golden(result: ParseResult): string {
  return JSON.stringify({ record: result.record, issues: result.issues }, null, 2) + '\n';
}

test('the golden folder holds a .json beside every .xml', () => {
  assert.ok(cases.length >= 14, `only ${cases.length} golden cases`);
  const json = new Set(readdirSync(fixtures).filter((f) => f.endsWith('.json')));
  if (update) return;
  for (const name of cases) assert.ok(json.has(`${name}.json`), `${name}.json is missing (run with UPDATE=1)`);
  for (const f of json) assert.ok(cases.includes(f.slice(0, -'.json'.length)), `${f} has no .xml`);
});

for (const name of cases) {
  test(`${name}.xml reads to the record and issues in ${name}.json`, () => {
    const result = read(name);
    assert.equal(result.ok, true, JSON.stringify(result.issues));
    const actual = golden(result);
    const file = new URL(`${name}.json`, fixtures);
    if (update) {
      writeFileSync(file, actual);
      return;
    }
    // Compare parsed values first for a readable diff, then the bytes for formatting.
    const expected = readFileSync(file, 'utf8');
    assert.deepEqual(JSON.parse(actual), JSON.parse(expected));
    assert.equal(actual, expected);
  });
}

// Each fixture was chosen for something; these checks keep it there if a golden
// file is ever regenerated carelessly.
const record = (name: string) => {
  const r = read(name).record;
  assert.ok(r, `${name} gave no record`);
  return r;
};

test('a document with six reporting owners keeps all six in order, and its only rows are derivative', () => {
  const r = record('six-owners-derivative-only');
  assert.equal(r.reportingOwners.length, 6);
  assert.equal(r.nonDerivativeTransactions.length + r.nonDerivativeHoldings.length + r.derivativeHoldings.length, 0);
  assert.equal(r.derivativeTransactions.length, 1);
  assert.equal(r.schemaVersion, 'X0306');
});

test('a holdings-only Form 4 gives holdings in both tables and no transactions', () => {
  const r = record('holdings-only-x0407');
  assert.equal(r.nonDerivativeTransactions.length + r.derivativeTransactions.length, 0);
  assert.equal(r.nonDerivativeHoldings.length, 1);
  assert.equal(r.derivativeHoldings.length, 1);
  assert.equal(r.schemaVersion, 'X0407');
});

test('a Form 3 with noSecuritiesOwned gives true and empty tables', () => {
  const r = record('form3-no-securities-owned-x0206');
  assert.equal(r.documentType, '3');
  assert.equal(r.noSecuritiesOwned, true);
  assert.equal(r.schemaVersion, 'X0206');
  assert.deepEqual(r.footnotes, []);
});

test('a Form 5 reads form3HoldingsReported, form4TransactionsReported and a holding with transactionCoding', () => {
  const r = record('form5-transactions-reported-holding-with-coding');
  assert.equal(r.documentType, '5');
  assert.equal(r.form3HoldingsReported, false);
  assert.equal(r.form4TransactionsReported, true);
  assert.equal(r.nonDerivativeTransactions[0]?.transactionFormType, '4');
  assert.equal(r.nonDerivativeTransactions[0]?.pricePerShare, 0);
  assert.equal(r.derivativeHoldings[0]?.transactionFormType, null);
  assert.deepEqual(r.derivativeHoldings[0]?.footnotes, { expirationDate: ['F2'] });
});

test('an amendment gives 4/A, its dateOfOriginalSubmission and its remarks', () => {
  const r = record('amendment-4a-original-submission-remarks');
  assert.equal(r.documentType, '4/A');
  assert.equal(r.dateOfOriginalSubmission, '2021-12-15');
  assert.notEqual(r.remarks, null);
});

test('a checked aff10b5One box is true, and the X0609 schema still reads it', () => {
  assert.equal(record('aff10b5one-checked').aff10b5One, true);
  const x0609 = record('x0609');
  assert.equal(x0609.schemaVersion, 'X0609');
  assert.equal(x0609.aff10b5One, false);
  assert.equal(record('x0508').schemaVersion, 'X0508');
});

test('a footnote on an element with no <value> is kept on a null field', () => {
  const r = record('footnote-without-value');
  const row = r.derivativeHoldings.find((h) => h.footnotes.exerciseDate);
  assert.ok(row, 'no derivative holding carries an exerciseDate footnote');
  assert.equal(row.exerciseDate, null);
});

test('footnotes inside transactionCoding are kept on the transaction code, in every table', () => {
  const r = record('footnotes-on-every-field');
  assert.ok(r.nonDerivativeTransactions.some((t) => t.footnotes.transactionCode));
  assert.ok(r.derivativeTransactions.some((t) => t.footnotes.transactionCode));
  assert.ok(r.derivativeHoldings.some((t) => t.footnotes.exerciseDate && t.footnotes.conversionOrExercisePrice));
  assert.ok(r.nonDerivativeHoldings.some((t) => t.footnotes.natureOfOwnership));
});

test('a footnote inside transactionTimeliness is kept on transactionTimeliness', () => {
  const r = record('synthetic-cdata-entities-comment');
  assert.deepEqual(r.nonDerivativeTransactions[0]?.footnotes.transactionTimeliness, ['F2']);
  assert.equal(r.nonDerivativeTransactions[0]?.transactionTimeliness, 'L');
});

test('injected <script> elements are skipped with a warning, time-zone dates keep their date, true/false are booleans', () => {
  const result = read('script-injected-timezone-dates-true-false');
  const r = result.record;
  assert.ok(r);
  assert.equal(r.periodOfReport, '2021-09-30');
  assert.equal(r.nonDerivativeTransactions[0]?.transactionDate, '2021-09-30');
  assert.equal(r.signatures[0]?.date, '2021-10-26');
  assert.equal(r.notSubjectToSection16, false);
  assert.equal(r.reportingOwners[0]?.relationship?.isDirector, true);
  assert.equal(r.reportingOwners[0]?.cik, null, 'the CIK is commented out');
  assert.deepEqual(r.nonDerivativeTransactions[0]?.footnotes, { transactionCode: ['F1'] });
  const script = result.issues.filter((i) => i.code === 'XML_UNKNOWN_ELEMENT');
  assert.equal(script.length, 1);
  assert.equal(script[0]?.span?.start.line, 2);
  assert.equal(script[0]?.span?.start.column, 1);
  assert.doesNotMatch(JSON.stringify(r), /globalPrivacyControl/);
  const zones = result.issues.filter((i) => i.code === 'FORM4_DATE_TIMEZONE');
  assert.deepEqual(zones.map((i) => [i.severity, i.path?.join('.')]), [
    ['info', 'periodOfReport'],
    ['info', 'nonDerivativeTransactions.0.transactionDate'],
    ['info', 'signatures.0.date'],
  ]);
});

test('X0101 rows straight under the root are read as today’s rows, transactionValue as the price', () => {
  const result = read('synthetic-x0101-legacy-rows');
  const r = result.record;
  assert.ok(r);
  assert.equal(r.nonDerivativeTransactions[0]?.pricePerShare, 0.25);
  assert.equal(r.nonDerivativeHoldings[0]?.natureOfOwnership, 'By Trust');
  assert.equal(r.derivativeTransactions[0]?.pricePerShare, 0);
  assert.deepEqual(r.derivativeTransactions[0]?.footnotes, { exerciseDate: ['F1'] });
  assert.ok(result.issues.every((i) => i.code === 'XML_LEGACY_ELEMENT' && i.severity === 'info'));
});

test('a namespace prefix on every element reads the same as none', () => {
  const r = record('synthetic-namespaced');
  assert.equal(r.issuer.name, 'PREFIXED HOLDINGS CORP');
  assert.equal(r.nonDerivativeTransactions[0]?.pricePerShare, 12.3456);
  assert.deepEqual(r.nonDerivativeTransactions[0]?.footnotes, { shares: ['F1'] });
  assert.deepEqual(r.footnotes, [{ id: 'F1', text: 'Sold under a plan.' }]);
});

test('CDATA, the five entities, character references and comments decode to the text', () => {
  const r = record('synthetic-cdata-entities-comment');
  assert.equal(r.issuer.name, 'Smith & Wesson \u2013 Caf\u00e9 Holdings');
  assert.equal(r.reportingOwners[0]?.name, "O'Brien <Sean>");
  assert.equal(r.reportingOwners[0]?.relationship?.officerTitle, 'EVP & CFO');
  assert.equal(r.nonDerivativeTransactions[0]?.shares, 1000);
  assert.equal(r.footnotes[0]?.text, 'Weighted average price; prices ranged from $4.60 to $4.70 <inclusive> & were paid in cash.');
  assert.equal(r.footnotes[1]?.text, 'Reported late \u2014 see "Remarks".');
  assert.equal(r.remarks, 'Filed <late> & corrected.');
  assert.equal(r.signatures[0]?.name, "/s/ Sean O'Brien");
});
