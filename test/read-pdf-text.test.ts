// The rules the text reader follows for pdftotext's two readings of a PDF of EDGAR's page: each
// line laid out on its own character grid (-layout), or each cell on its own line in drawing
// order (plain), pages separated by form feeds.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from '../src/index.ts';
import { closedTitles, continuedStarts, isHeadLine, natureStarts, repeatedStarts, splitChain } from '../src/read/text/layout-table.ts';

const dir = join(import.meta.dirname, 'fixtures', 'converted');
const read = (converter: string, page: string) => parse(readFileSync(join(dir, converter, page + '.txt'), 'utf8'), { fileName: page + '.txt' });
const CORBIN = '0000895345-23-000411__1860871_4_2023-07-18_0000895345-23-000411.txt';

test('a row going on past a page break starts at its main line, not centred on it', () => {
  // Row A: main line 0, lines 0-1 on one page and 2-3 on the next (a page starts at 2); row B:
  // main line 5, one line either side. Centred on whole rows, A could not keep lines 2 and 3.
  assert.deepEqual(splitChain(0, 6, [0, 5], () => 0, { oneMoreBelow: 40, pageStarts: [2] }), [
    [0, 3],
    [4, 6],
  ]);
  assert.deepEqual(splitChain(0, 6, [0, 5]), [
    [0, 1],
    [2, 6],
  ]);
});

test('pdftotext -layout: a price and the amount owned after it, one space apart, are two cells', () => {
  // "$" over "10.68 0" over "(1)": the price is stacked with its dollar sign and mark; the 0 stands alone.
  const row = read('pdftotext-layout', CORBIN).record?.nonDerivativeTransactions[0];
  assert.equal(row?.shares, 603200);
  assert.equal(row?.acquiredDisposedCode, 'D');
  assert.equal(row?.pricePerShare, 10.68);
  assert.deepEqual(row?.footnotes.pricePerShare, ['F1']);
  assert.equal(row?.sharesOwnedFollowingTransaction, 0);
});

test('pdftotext -layout: a footnote cut by a page break keeps the lines on the next page', () => {
  const footnotes = read('pdftotext-layout', CORBIN).record?.footnotes ?? [];
  assert.match(footnotes[0]?.text ?? '', /full information regarding the number of shares sold at each separate price within the range set forth in this footnote\.$/);
  assert.match(footnotes[1]?.text ?? '', /^Held directly by Corbin Opportunity Fund/);
});

test('pdftotext -layout: Table II rows on a page without the heads are placed in order, and say so', () => {
  const result = read('pdftotext-layout', '0001567619-23-004845__865752_4_2023-03-10_0001567619-23-004845.txt');
  const holding = result.record?.derivativeHoldings[0];
  // A holding prints its exercise dates: no transaction code, so not a transaction.
  assert.equal(holding?.expirationDate, '2028-03-14');
  assert.deepEqual(holding?.footnotes.exerciseDate, ['F3']);
  assert.equal(holding?.sharesOwnedFollowingTransaction, 50000);
  assert.ok(result.issues.some((i) => i.code === 'TEXT_ROWS_OFF_HEADS_PAGE'));
});

test('plain pdftotext: owners are read in drawing order, only the first owner with the relationship box 5 prints', () => {
  const result = read('pdftotext-raw', CORBIN);
  const owners = result.record?.reportingOwners ?? [];
  assert.deepEqual(
    owners.map((o) => o.name),
    ['Corbin Capital Partners, L.P.', 'Corbin ERISA Opportunity Fund, Ltd.', 'Corbin Capital Partners GP, LLC'],
  );
  assert.equal(owners[0]?.relationship?.isTenPercentOwner, true);
  // The table's marks keep no trace of their column: the other owners' relationships are not read.
  assert.equal(owners[1]?.relationship, null);
  assert.ok(result.issues.some((i) => i.code === 'TEXT_OWNERS_READ_IN_ORDER'));
});

test('plain pdftotext: box 3 written before its label, and signature dates written after all the names', () => {
  // The header's only date is box 3's: box 4 holds the only other one, and only on an amendment.
  const period = read('pdftotext-raw', '0000014930-23-000103__14930_4_2023-05-02_0000014930-23-000103.txt');
  assert.equal(period.record?.periodOfReport, '2023-04-28');
  assert.equal(period.provenance?.periodOfReport?.confidence, 0.8);
  const signatures = read('pdftotext-raw', CORBIN).record?.signatures ?? [];
  assert.equal(signatures.length, 3);
  assert.match(signatures[1]?.name ?? '', /^Corbin Capital Partners, L\.P\., By: \/s\/ Daniel Friedman/);
  assert.deepEqual(
    signatures.map((s) => s.date),
    ['2023-07-18', '2023-07-18', '2023-07-18'],
  );
});

test('pdftotext -layout: owners X on a later page than the heads stand in the columns the owners above use, in order', () => {
  // Page 1: the heads, and X's under "10% Owner"; the next page, on a grid of its own, sets the
  // same column's X's under "Director" of page 1's grid.
  const result = read('pdftotext-layout', '0001104659-23-005474__1718405_4_2023-01-20_0001104659-23-005474.txt');
  const owners = result.record?.reportingOwners ?? [];
  assert.equal(owners.length, 10);
  for (const o of owners) {
    assert.equal(o.relationship?.isTenPercentOwner, true, o.name ?? '');
    assert.equal(o.relationship?.isDirector, false, o.name ?? '');
  }
  assert.ok(result.issues.some((i) => i.code === 'TEXT_OWNER_MARKS_OFF_HEADS_PAGE'));
});

test('pdftotext -layout: a row whose title starts with the last line of the title above costs more', () => {
  // "(right to buy)" ends the row above's "Non-qualified / Stock Option / (right to buy)"; a title starts with a capital.
  const t = (text: string) => ({ text, x: 0 });
  const texts = [[t('(right to buy)')], [t('Non-qualified')], [], [t('Stock Option')]];
  assert.equal(continuedStarts(texts, 0, 3, [true]), 1);
  assert.equal(continuedStarts(texts, 1, 3, [true]), 0);
  // A nature of ownership may start lowercase ("by Trust"): only title columns count.
  assert.equal(continuedStarts([[t('by Trust')]], 0, 0, [false]), 0);
});

test('pdftotext -layout: a title column whose first lines come again starts the next row there', () => {
  const t = (text: string) => ({ text, x: 0 });
  // "Employee / Stock / Option / (right to / buy)" then the next row's "Employee / Stock".
  const texts = [[t('Employee')], [t('Stock')], [t('Option')], [t('(right to')], [t('buy)')], [t('Employee')], [t('Stock')]];
  assert.equal(repeatedStarts(texts, 0, 5, [true]), 1);
  assert.equal(repeatedStarts(texts, 0, 4, [true]), 0);
  // A title ending with its first word ("LLC Units of ... Capital LLC") is one title: the next row starts "LLC / Units of" again.
  const llc = [[t('LLC')], [t('Units of')], [t('Capital')], [t('LLC')], [t('LLC')], [t('Units of')]];
  assert.equal(repeatedStarts(llc, 0, 3, [true]), 0);
  assert.equal(repeatedStarts(llc, 0, 4, [true]), 1);
});

test('pdftotext -layout: a nature of ownership line starting "By", "See" or "Held" below the first starts the next row', () => {
  const t = (text: string) => ({ text, x: 0 });
  const texts = [[t('By Fredrick D. Schaufeld')], [t('Rev. Trust')], [t('By FDS')]];
  assert.equal(natureStarts(texts, 0, 1, [true]), 0);
  assert.equal(natureStarts(texts, 0, 2, [true]), 1);
  // Lowercase "held by" goes on within a nature.
  assert.equal(natureStarts([[t('interest in shares')], [t('held by Rankin')]], 0, 1, [true]), 0);
});

test('pdftotext -layout: a title ended by a bracket of lowercase words does not go on with a capitalised line', () => {
  const t = (text: string) => ({ text, x: 0 });
  const texts = [[t('Stock')], [t('Option')], [t('(right to')], [t('buy)')], [t('Employee')]];
  assert.equal(closedTitles(texts, 0, 3, [true]), 0);
  assert.equal(closedTitles(texts, 0, 4, [true]), 1);
  // A footnote mark is no such bracket.
  assert.equal(closedTitles([[t('Common Stock (1)')], [t('Class A')]], 0, 1, [true]), 0);
});

test('pdftotext -layout: a row whose price stands under the row above\'s price is two rows', () => {
  // "$" over row 2's main line over "495.85", then row 3's "$" over "496.25 30,066": the 495.85 is row 2's price
  // (row 3's 30,066 stands right of it, in a column its heads give otherwise).
  const row = read('pdftotext-layout', '0000892251-23-000084__723254_4_2023-07-18_0000892251-23-000084.txt').record?.nonDerivativeTransactions;
  assert.equal(row?.[1]?.pricePerShare, 495.85);
  assert.equal(row?.[2]?.pricePerShare, 496.25);
  assert.equal(row?.[2]?.sharesOwnedFollowingTransaction, 30066);
});

test('pdftotext -layout: a line of dollar amounts and marks above a row is the row\'s, not a head line', () => {
  assert.equal(isHeadLine('          $            (1)'), false);
  assert.equal(isHeadLine('                  $0'), false);
  assert.equal(isHeadLine('   $ 6.98   (2)'), false);
  assert.equal(isHeadLine('(Instr. 3, 4 and 5)'), true);
  assert.equal(isHeadLine('    Code   V   Amount  (D)  Price'), true);
});
