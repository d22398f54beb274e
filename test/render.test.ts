// Rendering a record as the printed form: HTML modelled on the SEC's page, and plain text
// with tab-separated table rows; both keep every value and footnote mark of the record.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from '../src/index.ts';
import type { OwnershipRecord } from '../src/record/schema.ts';
import { renderHtml } from '../src/write/render-html.ts';
import { renderText } from '../src/write/render-text.ts';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/write/${name}`, import.meta.url));
function read(name: string): OwnershipRecord {
  const record = parse(readFileSync(fixture(name))).record;
  assert.ok(record);
  return record;
}

test('the text rendering prints each Table I row as tab-separated cells with footnote marks', () => {
  const text = renderText(read('form4-10b5-1-sales.xml'));
  assert.match(text, /^FORM 4$/m);
  assert.match(text, /STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES/);
  assert.ok(text.includes('Common Stock\t06/06/2023\t\tS\t\t16,769 (1)\tD\t$118.42 (2)\t3,649,347\tD\t'), text);
  assert.ok(text.includes('Common Stock\t06/06/2023\t\tG\t\t61,266\tD\t$0\t2,888,902\tD\t'));
  assert.match(text, /\[X\] Check this box to indicate that a transaction was made pursuant to a contract/);
  assert.match(text, /^2\. Issuer Name and Ticker or Trading Symbol: ADVANCED MICRO DEVICES INC \[AMD\]$/m);
  assert.match(text, /^3\. Date of Earliest Transaction \(Month\/Day\/Year\): 06\/06\/2023$/m);
  assert.match(text, /^1\. The sales reported in this Form 4 were effected pursuant to a Rule 10b5-1 trading plan/m);
  assert.match(text, /\/s\/Linda Lam by Power of Attorney for Lisa T\. Su\t06\/08\/2023/);
});

test('the text rendering of Table II puts the amount under (A) or (D) as the row says', () => {
  const text = renderText(read('form4-10b5-1-sales.xml'));
  assert.ok(text.includes('Stock Option Grant\t$6.98\t06/06/2023\t\tM\t\t\t777,214\t(10)\t07/26/2023\tCommon Stock\t777,214\t$0\t0\tD\t'), text);
});

test('the text rendering reads back through the text reader to the same table rows', () => {
  const record = read('form4-10b5-1-sales.xml');
  const back = parse(renderText(record)).record;
  assert.ok(back);
  const rows = (r: OwnershipRecord) =>
    r.nonDerivativeTransactions.map((t) => [t.securityTitle, t.transactionDate, t.transactionCode, t.shares, t.acquiredDisposedCode, t.pricePerShare, t.sharesOwnedFollowingTransaction, t.footnotes]);
  assert.deepEqual(rows(back), rows(record));
});

test('a Form 3 is printed with the columns of Form 3', () => {
  const text = renderText(read('form3.xml'));
  assert.match(text, /^FORM 3$/m);
  assert.match(text, /INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES/);
  assert.match(text, /Table I - Non-Derivative Securities Beneficially Owned\n\n1\. Title of Security \(Instr\. 4\)\t2\. Amount of Securities Beneficially Owned/);
  assert.match(text, /^2\. Date of Event Requiring Statement/m);
});

test('the HTML page is self-contained and shows the boxes, both tables, owners, signatures and footnotes', () => {
  const record = read('form4-10b5-1-sales.xml');
  const html = renderHtml(record);
  assert.match(html, /^<!DOCTYPE html>/);
  assert.doesNotMatch(html, /<script|<link|src=|@import|url\(/i);
  for (const s of ['FORM 4', '1. Name and Address of Reporting Person', '2. Issuer Name and Ticker or Trading Symbol', '3. Date of Earliest Transaction',
    '4. If Amendment, Date Original Filed', '5. Relationship of Reporting Person(s) to Issuer', '6. Individual or Joint/Group Filing',
    'Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned', 'Table II - Derivative Securities Acquired',
    'Reporting Owners', 'Signatures', 'Explanation of Responses:', 'Chair, President &amp; CEO']) {
    assert.ok(html.includes(s), s);
  }
  assert.ok(html.includes('<td>16,769 <a href="#F1"><sup>(1)</sup></a></td>'));
  assert.ok(html.includes('<td id="F10">(10)</td>'));
  // Every footnote mark points at a footnote of the page.
  for (const m of html.matchAll(/href="#(F\d+)"/g)) assert.ok(html.includes(`id="${m[1]}"`), m[1]);
});

test('the HTML page reads back through the HTML reader to the same table rows', () => {
  const record = read('form4-10b5-1-sales.xml');
  const back = parse(renderHtml(record)).record;
  assert.ok(back);
  assert.deepEqual(
    back.nonDerivativeTransactions.map((t) => [t.securityTitle, t.transactionCode, t.shares, t.pricePerShare, t.sharesOwnedFollowingTransaction, t.footnotes]),
    record.nonDerivativeTransactions.map((t) => [t.securityTitle, t.transactionCode, t.shares, t.pricePerShare, t.sharesOwnedFollowingTransaction, t.footnotes]),
  );
});

test('values are escaped in the HTML page', () => {
  const record = read('form4-10b5-1-sales.xml');
  record.remarks = '<script>alert(1)</script> & "x"';
  const html = renderHtml(record);
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;'));
  assert.doesNotMatch(html, /<script>/);
});

const cli = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8' });

test('form4 render writes xml, html and text, and refuses an unknown --to with exit 2', () => {
  const xml = run('render', '--to', 'xml', fixture('form4-10b5-1-sales.xml'));
  assert.equal(xml.status, 0, xml.stderr);
  assert.match(xml.stdout, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<ownershipDocument>/);
  assert.equal(run('render', '--to', 'html', fixture('form3.xml')).status, 0);
  const text = run('render', '--to', 'text', fixture('form5.xml'));
  assert.equal(text.status, 0);
  assert.match(text.stdout, /ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP/);
  assert.equal(run('render', '--to', 'pdf', fixture('form3.xml')).status, 2);
  assert.equal(run('render').status, 2);
});

test('form4 render --to xml exits 1 and prints nothing for a record the schema rejects, unless forced', () => {
  const refused = run('render', fixture('form4-x0306-no-10b5-1.xml'));
  assert.equal(refused.status, 1);
  assert.equal(refused.stdout, '');
  assert.match(refused.stderr, /WRITE_REQUIRED_MISSING \(aff10b5One\)/);
  const forced = run('render', '--force', fixture('form4-x0306-no-10b5-1.xml'));
  assert.equal(forced.status, 1);
  assert.match(forced.stdout, /<ownershipDocument>/);
});
