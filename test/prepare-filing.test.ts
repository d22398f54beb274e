// Preparing a filing from a hand-written description: the XML EDGAR would accept, and every
// problem EDGAR would reject or a reviewer would question, each with a path into the description.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { parse as parseYaml } from 'yaml';
import { parse } from '../src/index.ts';
import { prepareFiling } from '../src/write/prepare-filing.ts';
import { validate, xmllintMissing } from './fixtures/write/xmllint.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/write/${name}`, import.meta.url));
const yamlText = readFileSync(fixture('description.yaml'), 'utf8');

/** The YAML fixture as an object, to vary in each test. */
function base(): Record<string, any> {
  return parseYaml(yamlText) as Record<string, any>;
}
const prepare = (d: unknown, filingDate?: string) => prepareFiling(stringify(d), filingDate ? { filingDate } : {});
const codes = (r: ReturnType<typeof prepareFiling>) => r.issues.map((i) => i.code);

test('a YAML description becomes ownership XML with the values and footnote marks it gives', () => {
  const r = prepareFiling(yamlText, { fileName: 'description.yaml' });
  assert.equal(r.ok, true, JSON.stringify(r.issues));
  assert.ok(r.xml);
  assert.doesNotMatch(r.xml, /schemaVersion/);
  const record = parse(r.xml).record!;
  assert.equal(record.documentType, '4');
  assert.equal(record.periodOfReport, '2024-03-06');
  assert.equal(record.aff10b5One, true);
  assert.equal(record.issuer.cik, '0000320193');
  const sale = record.nonDerivativeTransactions[0]!;
  assert.equal(sale.pricePerShare, 171.5);
  assert.equal(sale.acquiredDisposedCode, 'D');
  assert.deepEqual(sale.footnotes, { pricePerShare: ['F1'] });
  assert.equal(record.nonDerivativeTransactions[1]!.shares, 1000);
  assert.equal(record.nonDerivativeHoldings[0]!.natureOfOwnership, 'By spouse');
  const rsu = record.derivativeTransactions[0]!;
  assert.equal(rsu.exerciseDate, null);
  assert.deepEqual(rsu.footnotes, { conversionOrExercisePrice: ['F2'], exerciseDate: ['F3'], expirationDate: ['F3'] });
  assert.deepEqual(record.signatures, [{ name: '/s/ Jane Doe, attorney-in-fact', date: '2024-03-08' }]);
});

test('the prepared XML validates against the Form 4 schema', { skip: xmllintMissing ?? false }, () => {
  const r = prepareFiling(yamlText);
  assert.deepEqual(validate([{ documentType: '4', xml: r.xml! }]), [null]);
});

test('the same filing described in JSON and in CSV gives the same record', () => {
  const fromYaml = prepareFiling(yamlText).record;
  const fromJson = prepareFiling(JSON.stringify(base()), { fileName: 'd.json' }).record;
  const fromCsv = prepareFiling(readFileSync(fixture('description.csv'), 'utf8'), { fileName: 'description.csv' });
  assert.equal(fromCsv.ok, true, JSON.stringify(fromCsv.issues));
  assert.deepEqual(fromJson, fromYaml);
  assert.deepEqual(fromCsv.record, fromYaml);
});

test('a transaction code that contradicts (A) or (D) is questioned', () => {
  const d = base();
  d.transactions[0].code = 'P';
  d.transactions[0].ad = 'D';
  const r = prepare(d);
  const issue = r.issues.find((i) => i.code === 'PREP_CODE_DIRECTION');
  assert.ok(issue);
  assert.deepEqual(issue.path, ['transactions', 0, 'ad']);
  assert.equal(issue.severity, 'warning');
});

test('more than 30 rows in a table and more than 10 reporting owners are errors', () => {
  const d = base();
  d.holdings = Array.from({ length: 30 }, (_, i) => ({ security: 'Common Stock', owned: String(i + 1), ownership: 'I', nature: `By trust ${i}` }));
  d.owners = Array.from({ length: 11 }, (_, i) => ({ ...d.owner, cik: String(1000 + i) }));
  delete d.owner;
  const r = prepare(d);
  assert.equal(r.ok, false);
  const tooMany = r.issues.filter((i) => i.code === 'WRITE_TOO_MANY').map((i) => i.message);
  assert.equal(tooMany.length, 2, JSON.stringify(tooMany));
  assert.ok(tooMany.some((m) => m.includes('32 rows in Table I')));
  assert.ok(tooMany.some((m) => m.includes('11 reporting owners')));
});

test('footnotes over 1,000 characters, remarks over 2,000 and titles over 30 are errors', () => {
  const d = base();
  d.footnotes[1] = 'x'.repeat(1001);
  d.remarks = 'r'.repeat(2001);
  d.owner.officer = 'Executive Vice President and Chief Financial Officer';
  const r = prepare(d);
  assert.equal(r.ok, false);
  assert.ok(r.issues.some((i) => i.code === 'PREP_FOOTNOTE_TOO_LONG' && i.message.includes('1001 characters')));
  assert.ok(r.issues.some((i) => i.code === 'WRITE_VALUE_INVALID' && i.path?.join('.') === 'remarks'));
  assert.ok(r.issues.some((i) => i.code === 'WRITE_VALUE_INVALID' && i.path?.join('.') === 'reportingOwners.0.relationship.officerTitle'));
});

test('a Form 4 filed after the second business day is late, holidays and weekends not counted', () => {
  const d = base();
  for (const t of [...d.transactions, ...d.derivatives]) t.date = '2024-07-03';
  // Wednesday 3 July 2024; Independence Day on Thursday: Friday is the first business day after, Monday 8 July the second.
  const onTime = prepare(d, '2024-07-08');
  assert.ok(!codes(onTime).includes('PREP_FILED_LATE'), JSON.stringify(onTime.issues));
  const late = prepare(d, '2024-07-09');
  const issue = late.issues.find((i) => i.code === 'PREP_FILED_LATE');
  assert.ok(issue);
  assert.match(issue.message, /by 2024-07-08; filed on 2024-07-09 it is 1 business day late/);
  assert.deepEqual(issue.path, ['transactions', 0, 'date']);
  assert.equal(late.ok, true, 'lateness is a warning: EDGAR accepts late filings');
});

test('missing required fields and EDGAR business rules are errors with paths into the description', () => {
  const d = base();
  delete d.issuer.symbol;
  delete d.transactions[0].price;
  d.transactions[1].ownership = 'I';
  d.holdings[0].ownership = 'D';
  d.owner.director = 'no';
  d.owner.officer = 'no';
  d.footnotes[4] = 'Never referred to.';
  const r = prepare(d);
  assert.equal(r.ok, false);
  const at = (code: string) => r.issues.filter((i) => i.code === code).map((i) => i.path?.join('.'));
  assert.deepEqual(at('WRITE_REQUIRED_MISSING'), ['issuer.tradingSymbol']);
  assert.deepEqual(at('PREP_REQUIRED_MISSING'), ['transactions.0.price']);
  assert.deepEqual(at('PREP_NATURE_MISSING'), ['transactions.1.nature']);
  assert.deepEqual(at('PREP_NATURE_WITH_DIRECT'), ['holdings.0.nature']);
  assert.deepEqual(at('PREP_NO_RELATIONSHIP'), ['owner']);
  // Footnote 1 was marked on the price that was removed, so it is unused too.
  assert.deepEqual(at('PREP_FOOTNOTE_UNUSED'), ['footnotes.1', 'footnotes.4']);
});

test('a description that is not YAML, JSON or CSV is reported, and unknown fields are named', () => {
  const broken = prepareFiling('form: 4\n  issuer: [', { fileName: 'x.yaml' });
  assert.equal(broken.ok, false);
  assert.equal(broken.xml, null);
  assert.deepEqual(codes(broken), ['PREP_DESCRIPTION_UNREADABLE']);
  const d = base();
  d.transactions[0].prize = '1';
  const r = prepare(d);
  const issue = r.issues.find((i) => i.code === 'PREP_FIELD_UNKNOWN');
  assert.ok(issue);
  assert.deepEqual(issue.path, ['transactions', 0, 'prize']);
});

const cli = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const run = (args: string[], input?: string) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', ...(input === undefined ? {} : { input }) });

test('form4 new exits 0 with the XML, 1 on errors (XML only with --force), 2 on usage errors', () => {
  const ok = run(['new', fixture('description.yaml')]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /<ownershipDocument>/);
  const d = base();
  delete d.issuer.cik;
  const bad = run(['new', '-'], stringify(d));
  assert.equal(bad.status, 1);
  assert.equal(bad.stdout, '');
  assert.match(bad.stderr, /WRITE_REQUIRED_MISSING \(issuer\.cik\)/);
  const forced = run(['new', '--force', '-'], stringify(d));
  assert.equal(forced.status, 1);
  assert.match(forced.stdout, /<ownershipDocument>/);
  assert.equal(run(['new']).status, 2);
  assert.equal(run(['new', '--filed', 'yesterday', fixture('description.yaml')]).status, 2);
});
