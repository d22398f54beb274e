// The rules the text reader follows for pdftotext's two readings of a PDF of EDGAR's page: each
// line laid out on its own character grid (-layout), or each cell on its own line in drawing
// order (plain), pages separated by form feeds.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from '../src/index.ts';
import { blockStarts, cellGaps, cellsOffCentre, closedTitles, continuedStarts, isHeadLine, knownStarts, natureStarts, openEnds, repeatedStarts, splitChain } from '../src/read/text/layout-table.ts';
import { isPageNoteLine } from '../src/read/text/pdf-flow-row.ts';
import { joinLines } from '../src/read/text/read-page.ts';

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

test('pdftotext -layout: a block of rows of one shape, main lines evenly spaced, splits alike around each', () => {
  // Rows of 4 lines, 2 above the main line and 1 below ("Class B" / marks / main / "Stock"):
  // centring each row alone would give the first row a line of the second.
  const costs = { offCentre: 2, oneMoreBelow: 2.3, unlike: 0.12, shifts: [-2, -1, 1, 2] };
  assert.deepEqual(splitChain(0, 11, [2, 6, 10], () => 0, costs), [
    [0, 3],
    [4, 7],
    [8, 11],
  ]);
  // Unless that split breaks more of the rules the others keep.
  assert.deepEqual(splitChain(0, 11, [2, 6, 10], (a) => (a === 4 ? 1 : 0), costs), splitChain(0, 11, [2, 6, 10], (a) => (a === 4 ? 1 : 0), { ...costs, shifts: [] }));
});

test('pdftotext -layout: rows of one shape by their D/I lines, the first row cut at the block\'s top, split alike', () => {
  // D/I lines 3, 9, 15 (each row: title, underlying, title, values, D/I, title), the first row
  // without its top line; the main lines (the fullest) stand elsewhere in each row.
  const costs = { offCentre: 2, oneMoreBelow: 2.3, unlike: 0.12, shifts: [-2, -1, 1, 2], periodic: [3, 9, 15] };
  assert.deepEqual(splitChain(0, 16, [2, 7, 13], () => 0, costs), [
    [0, 4],
    [5, 10],
    [11, 16],
  ]);
});

test('pdftotext -layout: a cell\'s lines may stand up to two lines apart, other cells\' lines between', () => {
  const t = (text: string) => ({ text, x: 0 });
  const texts = [[t('Phantom')], [], [t('Common')], [], [], [t('Units')]];
  assert.equal(cellGaps(texts, 0, 5, true), 0);
  assert.equal(cellGaps([...texts.slice(0, 5), [], [t('Units')]], 0, 6, true), 1);
  assert.equal(cellGaps(texts, 0, 5, false), 2);
});

test('pdftotext -layout: an amount standing under the (A) head is (A)\'s, whatever its code expects', () => {
  // "S   900" under "(A)", right of "V" and ending before "(D)": a sale code expects (D), the page prints (A).
  const row = read('pdftotext-layout', '0001214659-23-005383__1864032_4_2023-04-13_0001214659-23-005383.txt').record?.derivativeTransactions[0];
  assert.equal(row?.transactionCode, 'S');
  assert.equal(row?.shares, 900);
  assert.equal(row?.acquiredDisposedCode, 'A');
});

test('pdftotext -layout: rows whose cells the layout rules alone split wrongly are read by their titles\' and natures\' words', () => {
  // "Stock" over "Warrant to": a title goes on after "to".
  const warrants = read('pdftotext-layout', '0000899243-23-005904__1816708_4_2023-02-22_0000899243-23-005904.txt').record?.derivativeTransactions ?? [];
  assert.deepEqual(warrants.map((r) => r.securityTitle), ['Series A Convertible Preferred Stock', 'Warrant to Purchase Class A Common Stock']);
  // "By Riverstone" starts a nature, so does not end the row above's; the marks after a page break go to the nature they follow.
  const riverstone = read('pdftotext-layout', '0000899243-23-002786__1844862_4_2023-01-26_0000899243-23-002786.txt').record;
  assert.deepEqual(riverstone?.nonDerivativeHoldings.map((r) => r.natureOfOwnership), ['By REL Batavia Partnership, LP', 'By Riverstone SP Partners, LLC']);
  assert.deepEqual(riverstone?.derivativeTransactions[1]?.footnotes.natureOfOwnership, ['F2', 'F5']);
  // Rows of one shape: "Class B" / marks / main line / "Stock" each, and "Phantom" / ... / "Units" by their D lines.
  const classB = read('pdftotext-layout', '0001062993-20-006195__1219231_4_0001062993-20-006195.txt').record?.derivativeHoldings ?? [];
  assert.deepEqual(classB.slice(0, 2).map((r) => r.underlyingSecurityTitle), ['Class A Common Stock', 'Class B Common Stock']);
  const phantom = read('pdftotext-layout', '0001534701-23-000104__1338065_4_2023-06-16_0001534701-23-000104.txt').record?.derivativeTransactions ?? [];
  assert.deepEqual(phantom.map((r) => r.securityTitle), ['Phantom Common Units', 'Restricted Phantom Units', 'Restricted Phantom Units']);
});

test('pdftotext -layout: a text\'s line set a few characters off its other lines is still its line', () => {
  // "Class A" over "Common" (shifted three characters left of the others) over "Stock".
  const row = read('pdftotext-layout', '0001953718-23-000001__1815849_4_2023-06-21_0001953718-23-000001.txt').record?.derivativeTransactions[0];
  assert.equal(row?.underlyingSecurityTitle, 'Class A Common Stock');
});

test('pdftotext -layout: an amount\'s mark stands with it though set lines off: after the price\'s "$", or after a V', () => {
  // "$   (1)" three lines over "5.0339 20,638": the mark ends the amount owned.
  const sale = read('pdftotext-layout', '0001567619-20-004459__1437402_1_0001567619-20-004459.txt').record?.nonDerivativeTransactions[0];
  assert.deepEqual(sale?.footnotes.sharesOwnedFollowingTransaction, ['F1']);
  // "1,080" over "V (1)", the mark ending where the amount starts: the amount's, not the V's.
  const gift = read('pdftotext-layout', '0001441816-22-000130__wf-form4_165662431604842').record?.nonDerivativeTransactions[1];
  assert.equal(gift?.shares, 1080);
  assert.deepEqual(gift?.footnotes.shares, ['F1']);
});

test('pdftotext -layout: marks go with the cell they end, whichever value they stand after', () => {
  // "Stock (3) (1) (3)": a cell's marks go up, so "(1) (3)" are the amount's (standing under it).
  const option = read('pdftotext-layout', '0001415889-23-005827__1356093_4_2023-04-03_0001415889-23-005827.txt').record?.derivativeHoldings[0];
  assert.deepEqual(option?.footnotes.underlyingSecurityTitle, ['F3']);
  assert.deepEqual(option?.footnotes.underlyingSecurityShares, ['F1', 'F3']);
  // "3,180.9145 (1) (3)" two lines under "$ 10.06": the price's marks, wrapped.
  const units = read('pdftotext-layout', '0001415889-23-010792__1739104_4_2023-07-05_0001415889-23-010792.txt').record?.derivativeTransactions[0];
  assert.deepEqual(units?.footnotes.pricePerShare, ['F1', 'F3']);
  assert.deepEqual(units?.footnotes.underlyingSecurityShares ?? [], []);
  // "35,000 (1)" under a "D" set a line up: the (A)/(D)'s mark.
  const sale = read('pdftotext-layout', '0001628280-23-023530__1819404_4_2023-06-27_0001628280-23-023530.txt').record?.nonDerivativeTransactions[0];
  assert.deepEqual(sale?.footnotes.acquiredDisposedCode, ['F1']);
  assert.deepEqual(sale?.footnotes.shares ?? [], []);
});

test('pdftotext -layout: a year in a text joins the words around it', () => {
  const holding = read('pdftotext-layout', '0001209191-21-003525__doc3').record;
  assert.equal(holding?.nonDerivativeHoldings[0]?.natureOfOwnership, 'By Levchin 2012 Irrevocable Trust');
  assert.equal(holding?.derivativeHoldings[1]?.natureOfOwnership, 'By 2012 MRL Investments LLC');
});

test('pdftotext -layout: a title\'s bracket, par value and words read as one cell', () => {
  // "OPTIONS (RT" / "TO BUY)", "Ordinary Shares [ADS]": brackets of capitals and square brackets go on with the title.
  assert.equal(read('pdftotext-layout', '0001246360-20-001800__1715974_4_0001246360-20-001800.txt').record?.derivativeTransactions[0]?.securityTitle, 'EMPLOYEE STOCK OPTIONS (RT TO BUY)');
  assert.equal(read('pdftotext-layout', '0001920179-23-000006__1872812_4_2023-01-11_0001920179-23-000006.txt').record?.nonDerivativeTransactions[0]?.securityTitle, 'Ordinary Shares [ADS]');
  // "stock, 11,800" over "par value $0.01": the amount stands over the title's par value, not in it.
  const rsu = read('pdftotext-layout', '0000905718-20-000649__1646972_2_0000905718-20-000649.txt').record?.derivativeHoldings[0];
  assert.equal(rsu?.underlyingSecurityTitle, 'Class A common stock, par value $0.01');
  assert.equal(rsu?.underlyingSecurityShares, 11800);
  // "Stock $ 0 (2) (3)": a price under a title's head does not widen the title's column ("Stock" / "Option" are two rows').
  const options = read('pdftotext-layout', '0001062993-23-007391__1104038_4_2023-03-21_0001062993-23-007391.txt').record?.derivativeHoldings ?? [];
  assert.deepEqual(options.slice(0, 2).map((r) => r.securityTitle), ['Restricted Stock Units', 'Stock Option (Right to Buy)']);
});

test('pdftotext -layout: rows read whole where heads, main lines or cell starts mislead', () => {
  // Form 5's sub-heads end at "Amount (D) Price": "Shares / owned / of" below them are a nature's.
  assert.equal(read('pdftotext-layout', '0001104659-20-016112__1203301_1_0001104659-20-016112.txt').record?.nonDerivativeTransactions[0]?.natureOfOwnership, 'Shares owned of record by Gull Global Limited');
  // "Common Stock 41,106 D", then a row whose D stands two lines under its values: the middle line is the second row's.
  const f = read('pdftotext-layout', '0001628280-23-021110__1770141_4_2023-06-06_0001628280-23-021110.txt').record;
  assert.equal(f?.nonDerivativeTransactions[0]?.pricePerShare, 1.7403);
  assert.equal(f?.nonDerivativeHoldings[0]?.sharesOwnedFollowingTransaction, 41106);
  // "PCIH / Common / Units" starts a derivative title: under "7. Title" it starts the next row too.
  const pcih = read('pdftotext-layout', '0000899243-23-010873__1800682_4_2023-04-06_0000899243-23-010873.txt').record?.derivativeTransactions ?? [];
  assert.deepEqual(pcih.slice(1, 3).map((r) => r.underlyingSecurityTitle), ['Class A Common Stock', 'PCIH Common Units/Class B Common Stock']);
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

test('plain pdftotext: a Table I of one row is read from its values, the price told from the amount owned by its blocks', () => {
  // "$ | 32,004 | 78.32": one block, the amount owned (centred) between the price's two lines.
  const between = read('pdftotext-raw', '0000827054-23-000077__827054_4_2023-05-24_0000827054-23-000077.txt');
  const row = between.record?.nonDerivativeTransactions[0];
  assert.equal(between.record?.nonDerivativeTransactions.length, 1);
  assert.equal(row?.shares, 2470);
  assert.equal(row?.acquiredDisposedCode, 'D');
  assert.equal(row?.pricePerShare, 78.32);
  assert.equal(row?.sharesOwnedFollowingTransaction, 32004);
  // "Shares" and "held" are head words too, but no head prints them alone.
  assert.equal(row?.natureOfOwnership, 'Shares held Indirectly, by Trust.');
  assert.ok((between.provenance?.['nonDerivativeTransactions.0.pricePerShare']?.confidence ?? 1) < 1);
  assert.ok(between.issues.some((i) => i.code === 'TEXT_ROWS_READ_IN_ORDER'));
  // "$ | 25.71 || 8,925": the number in the "$"'s block is the price, the next block the amount owned.
  const apart = read('pdftotext-raw', '0001209191-20-001524__1619644_1_0001209191-20-001524.txt').record?.nonDerivativeTransactions[0];
  assert.equal(apart?.pricePerShare, 25.71);
  assert.equal(apart?.sharesOwnedFollowingTransaction, 8925);
});

test('plain pdftotext: a table of several rows that no single reading fits is not read, each of its lines reported', () => {
  const result = read('pdftotext-raw', '0000002488-23-000114__2488_4_2023-06-08_0000002488-23-000114.txt');
  assert.equal(result.record?.nonDerivativeTransactions.length, 0);
  assert.equal(result.record?.nonDerivativeHoldings.length, 0);
  assert.ok(result.issues.some((i) => i.code === 'TEXT_LINE_UNREAD' && /"Common Stock"/.test(i.message)));
});

test('plain pdftotext: signatures among other tables\' cells, and dates written after the explanation', () => {
  // Table II's heads stand between the caption and the date above "Date": they are no second
  // signature, and the date is the first signature's.
  const one = read('pdftotext-raw', '0001562180-23-005300__1650372_4_2023-06-16_0001562180-23-005300.txt');
  assert.deepEqual(one.record?.signatures, [{ name: '/s/ Veena Bhatia, Attorney-in-Fact for Farquhar Scott', date: '2023-06-16' }]);
  assert.ok(one.issues.some((i) => i.code === 'TEXT_FRAGMENT_UNREAD' && i.message.includes('7. Title and')));
  const ten = read('pdftotext-raw', '0000950123-20-007937__1501695_3_0000950123-20-007937.txt').record?.signatures ?? [];
  assert.equal(ten.length, 10);
  assert.ok(ten.every((s) => s.date === '2020-08-07'));
  assert.match(ten[1]?.name ?? '', /^Carlyle Realty III, L\.P\., By:/);
});

test('plain pdftotext: an owner\'s cell written as two blocks is joined', () => {
  const owner = read('pdftotext-raw', '0000314808-23-000095__314808_4_2023-07-20_0000314808-23-000095.txt').record?.reportingOwners[0];
  assert.equal(owner?.name, 'Luca Gilles');
  assert.equal(owner?.address?.street1, '5847 SAN FELIPE STREET');
  assert.equal(owner?.address?.city, 'HOUSTON');
  assert.equal(owner?.address?.zipCode, '77008');
});

test('plain pdftotext: a table of holdings written row after row is read; a nature that may be another row\'s is not', () => {
  // "Common Stock | 660,131 | I | See Footnotes (1) ... | Common Stock | 15,405 | I | See Footnotes (2) ...":
  // a title is the block just before an amount, a nature the block after the row's values.
  const holdings = read('pdftotext-raw', '0000899243-20-028056__1484870_4_0000899243-20-028056.txt').record?.nonDerivativeHoldings ?? [];
  assert.deepEqual(
    holdings.map((h) => [h.securityTitle, h.sharesOwnedFollowingTransaction, h.directOrIndirectOwnership, h.natureOfOwnership]),
    [
      ['Common Stock', 660131, 'I', 'See Footnotes'],
      ['Common Stock', 15405, 'I', 'See Footnotes'],
    ],
  );
  assert.deepEqual(holdings[1]?.footnotes.natureOfOwnership, ['F2', 'F3', 'F5', 'F6', 'F7']);
});

test('plain pdftotext: transactions written row after row are read when each row adds up from the one before', () => {
  // "Common Stock | 02/18/2020 | J | 7.6 | A | $ 0 540.21 | I | 401 (k) Plan | Common Stock |
  // 05/18/2020 | ...": a row starts with the title just before its date; the nature block just
  // before the next title ends the row above.
  const rows = read('pdftotext-raw', '0000318300-20-000201__318300_2_0000318300-20-000201.txt').record?.nonDerivativeTransactions ?? [];
  assert.deepEqual(
    rows.map((r) => [r.transactionDate, r.shares, r.sharesOwnedFollowingTransaction, r.natureOfOwnership]),
    [
      ['2020-02-18', 7.6, 540.21, '401 (k) Plan'],
      ['2020-05-18', 17.66, 557.87, '401 (k) Plan'],
    ],
  );
});

test('plain pdftotext: transactions whose cells are written interleaved are read when one placing alone adds up', () => {
  // "... | M | 96,596 | A | $ | 29.37 | 150,580 (1) | D | ... | S | 129,930 D | 53,984 | D | $ | 59.15": each
  // column's cells in row order, the k-th of a column in the k-th row; the amounts owned add up.
  const rows = read('pdftotext-raw', '0000865752-23-000038__865752_4_2023-05-12_0000865752-23-000038.txt').record?.nonDerivativeTransactions ?? [];
  assert.deepEqual(
    rows.map((r) => [r.transactionCode, r.shares, r.acquiredDisposedCode, r.pricePerShare, r.sharesOwnedFollowingTransaction, r.directOrIndirectOwnership]),
    [
      ['M', 96596, 'A', 29.37, 150580, 'D'],
      ['M', 33334, 'A', 25.75, 183914, 'D'],
      ['S', 129930, 'D', 59.15, 53984, 'D'],
    ],
  );
  assert.deepEqual(rows[0]?.footnotes.sharesOwnedFollowingTransaction, ['F1']);
});

test('plain pdftotext: holdings mixed among a transaction\'s cells are read, their titles the blocks that repeat the transaction\'s', () => {
  // "Common Stock | 07/13/2023 | $ | 31,389 | 65.45 | I | Common Stock | 12,860 | I | Common Stock | 7,830 | I |
  // S | 5,000 D | By Trust (1) | By Trust (2) | By Tust (3)": the "$"'s number is the second of the two
  // lines below it (the amount owned, centred in the row, stands between).
  const record = read('pdftotext-raw', '0001209191-23-042342__1835632_4_2023-07-17_0001209191-23-042342.txt').record;
  const row = record?.nonDerivativeTransactions[0];
  assert.deepEqual([row?.transactionCode, row?.shares, row?.pricePerShare, row?.sharesOwnedFollowingTransaction, row?.natureOfOwnership], ['S', 5000, 65.45, 31389, 'By Trust']);
  assert.deepEqual(
    record?.nonDerivativeHoldings.map((h) => [h.securityTitle, h.sharesOwnedFollowingTransaction, h.directOrIndirectOwnership, h.natureOfOwnership]),
    [
      ['Common Stock', 12860, 'I', 'By Trust'],
      ['Common Stock', 7830, 'I', 'By Tust'],
    ],
  );
});

test('plain pdftotext: an owner\'s state, ZIP and country written apart end its cell', () => {
  // "KAMENSKY ALLAN E | P.O. BOX 120 | COLUMBUS" … other cells … "GEORGIA | 31902 | UNITED STATES".
  const owners = read('pdftotext-raw', '0000018349-23-000043__18349_4_2023-02-17_0000018349-23-000043.txt').record?.reportingOwners ?? [];
  assert.deepEqual(
    owners.map((o) => [o.name, o.address?.city, o.address?.state, o.address?.zipCode]),
    [['KAMENSKY ALLAN E', 'COLUMBUS', 'GA', '31902']],
  );
});

test('plain pdftotext: a country after a ZIP ends an owner\'s cell, the next owner starting on the next line', () => {
  // "… | 94301 | UNITED STATES | Eclipse Early Growth Fund I, L.P. | 514 HIGH STREET, SUITE 4" in one
  // block, its city, state, ZIP and country later.
  const owners = read('pdftotext-raw', '0000899243-23-005904__1816708_4_2023-02-22_0000899243-23-005904.txt').record?.reportingOwners ?? [];
  assert.equal(owners.length, 6);
  assert.deepEqual([owners[1]?.name, owners[1]?.address?.city, owners[1]?.address?.zipCode], ['Eclipse Early Growth Fund I, L.P.', 'PALO ALTO', '94301']);
  // Later owners' relationships stay unread: the text keeps no trace of their marks' columns.
  assert.equal(owners[1]?.relationship, null);
});

test('plain pdftotext: box 5\'s checked items written before its label, and a title written before the owner\'s cell ends', () => {
  const rel = read('pdftotext-raw', '0000899243-18-025227__doc4').record?.reportingOwners[0]?.relationship;
  assert.equal(rel?.isDirector, true);
  assert.equal(rel?.isTenPercentOwner, true);
  // "Luca Gilles | 5847 SAN FELIPE STREET" … the title … "HOUSTON | TEXAS | 77008": box 5 prints the same title.
  const title = read('pdftotext-raw', '0000314808-23-000095__314808_4_2023-07-20_0000314808-23-000095.txt').record?.reportingOwners[0]?.relationship?.officerTitle;
  assert.equal(title, 'Senior Vice President & COO');
});

test('plain pdftotext: the page\'s notes written among Table I\'s cells are left out, the cells after them read', () => {
  assert.ok(isPageNoteLine('Reminder: Report on a separate line for each class of securities'));
  assert.ok(isPageNoteLine('Reminder: Report on a separate line for each class of securities beneficially Persons who respond to the collection of information contained in this form are'));
  assert.ok(isPageNoteLine('number.'));
  assert.ok(isPageNoteLine('SEC 2270 (9-02)'));
  // A nature's words are no note, however short.
  assert.ok(!isPageNoteLine('By Trust'));
  assert.ok(!isPageNoteLine('information'));
  // "11/01/2019 | Reminder: ... | 544 | G | (1) | ... | D | $ 0 370,884.333 (2) | ... | D | Persons who respond ..."
  const row = read('pdftotext-raw', '0000014272-20-000044__1533201_1_0000014272-20-000044.txt').record?.nonDerivativeTransactions[0];
  assert.equal(row?.transactionDate, '2019-11-01');
  assert.equal(row?.shares, 544);
  assert.equal(row?.sharesOwnedFollowingTransaction, 370884.333);
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

test('pdftotext -layout: a nature of ownership starting lowercase ("by Trust") that comes again starts the next row there', () => {
  const t = (text: string) => ({ text, x: 0 });
  // "by Trust" over the main line's "(2)", then the next row's "by Trust" over its "(2)".
  const texts = [[t('by Trust')], [t('(2)')], [t('by Trust')], [t('(2)')]];
  assert.equal(repeatedStarts(texts, 0, 2, [true], [true]), 1);
  assert.equal(repeatedStarts(texts, 0, 1, [true], [true]), 0);
  // A title still starts with a capital.
  assert.equal(repeatedStarts(texts, 0, 2, [true]), 0);
});

test('pdftotext -layout: a line that starts a cell elsewhere in the table, with the line after it, starts the next row', () => {
  const t = (text: string) => ({ text, x: 0 });
  // Block 1: "By estate / planning / vehicle" then the next row's "Sequoia / Capital / ..."; block 2 (lines 5-7) starts "Sequoia / Capital".
  const texts = [[t('By estate')], [t('planning')], [t('vehicle')], [t('Sequoia')], [t('Capital')], [t('Sequoia')], [t('Capital')], [t('Global')]];
  const starts = blockStarts(texts, [[0, 4], [5, 7]], [true]);
  assert.equal(knownStarts(texts, 0, 3, [true], starts), 1);
  assert.equal(knownStarts(texts, 0, 2, [true], starts), 0);
  assert.equal(knownStarts(texts, 3, 4, [true], starts), 0);
});

test('pdftotext -layout: a cell whose own lines stand off the main line by more than one line costs', () => {
  const t = (text: string) => ({ text, x: 0 });
  // "Class B" / (another cell's line) / "Common" on the main line / "Stock": centred, though the row's lines are not.
  const texts = [[t('Class B')], [undefined, t('See Footnotes')], [t('Common'), t('(9)')], [t('Stock')], [t('Class B')]] as { text: string; x: number }[][];
  assert.equal(cellsOffCentre(texts, 0, 3, 2), 0);
  // The next row's "Class B" taken, this row's left: "Common" / "Stock" / "Class B" all on or below the main line.
  assert.equal(cellsOffCentre(texts, 1, 4, 2), 1);
});

test('pdftotext -layout: on a page with a grid of its own the nature stands right of that page\'s D/I', () => {
  // The heads start on one page and end on the next, where the rows stand on a narrower grid:
  // each nature ("By / Sequoia / Capital / ... / L.P. (1)") is centred on its row's D/I line.
  const rows = read('pdftotext-layout', '0000899243-19-009908__doc4').record?.nonDerivativeTransactions ?? [];
  assert.equal(rows[1]?.natureOfOwnership, 'By Sequoia Capital USGF Principals Fund IV, L.P.');
  assert.equal(rows[2]?.natureOfOwnership, 'By Sequoia Capital U.S. Venture 2010 Fund, LP');
  assert.equal(rows[7]?.natureOfOwnership, 'By Sequoia Capital U.S. Venture 2010 Fund, LP');
});

test('pdftotext -layout: Table II amounts standing in two places are (A) on the left and (D) on the right, whatever the code', () => {
  // The heads' (A) and (D) stand on a grid of their own: the (A) amount stands nearer the (D) head.
  const rows = read('pdftotext-layout', '0001209191-12-006885__doc4').record?.derivativeTransactions ?? [];
  assert.equal(rows[0]?.acquiredDisposedCode, 'D');
  assert.equal(rows[1]?.acquiredDisposedCode, 'A');
  assert.equal(rows[1]?.shares, 30717);
});

test('pdftotext -layout: dollar and percent figures between a title\'s words are the title\'s', () => {
  const holdings = read('pdftotext-layout', '0001127602-23-002345__72971_4_2023-01-26_0001127602-23-002345.txt').record?.nonDerivativeHoldings ?? [];
  assert.equal(holdings[0]?.securityTitle, 'Common Stock, $1 2/3 Par Value');
  assert.equal(holdings[0]?.sharesOwnedFollowingTransaction, 100705);
  const preferred = read('pdftotext-layout', '0000899243-20-028056__1484870_4_0000899243-20-028056.txt').record?.derivativeHoldings ?? [];
  assert.equal(preferred[0]?.securityTitle, '4.0% Series C Convertible Preferred Stock');
});

test('pdftotext -layout: a signature name wrapped around its date goes on below it, up to its caption', () => {
  // "Valor Equity Capital IV LLC, ... Attorney-in-fact for" / "08/18/2020" / "Antonio Gracias, Chief Executive Officer" / "**" / caption.
  const signatures = read('pdftotext-layout', '0000899243-20-022867__1495158_3_0000899243-20-022867.txt').record?.signatures ?? [];
  assert.equal(signatures.length, 9);
  assert.match(signatures[1]?.name ?? '', /^Valor Equity Capital IV LLC, .* Attorney-in-fact for Antonio Gracias, Chief Executive Officer$/);
  assert.equal(signatures[2]?.date, '2020-08-18');
  assert.match(signatures[6]?.name ?? '', /Attorney-in-fact for Antonio Gracias$/);
});

test('pdftotext -layout: "(Continued from footnote 1)" after a sentence\'s end starts the centred footnote\'s text', () => {
  const footnotes = read('pdftotext-layout', '0000899243-23-005888__1848959_4_2023-02-22_0000899243-23-005888.txt').record?.footnotes ?? [];
  assert.match(footnotes[0]?.text ?? '', /the "Domestication"\)\.$/);
  assert.match(footnotes[1]?.text ?? '', /^\(Continued from footnote 1\) Pursuant to the Domestication/);
});

test('pdftotext -layout: a footnote\'s text stands as many lines above its centred mark as below', () => {
  // "(1)" beside the middle of three lines; "(2)" alone between its text's two lines above and two below.
  const footnotes = read('pdftotext-layout', '0000899243-23-008384__1869673_4_2023-03-14_0000899243-23-008384.txt').record?.footnotes ?? [];
  assert.match(footnotes[0]?.text ?? '', /^The shares of Class B common stock have no expiration date/);
  assert.match(footnotes[1]?.text ?? '', /^The securities are held directly by the Sponsor\./);
});

test('pdftotext -layout: a mark after a V, under the amount set a line higher, is the amount\'s', () => {
  // "116" over "L  V (2)  A  $ 15.56": the (2) is the amount's footnote.
  const rows = read('pdftotext-layout', '0001062993-23-000060__707179_4_2023-01-03_0001062993-23-000060.txt').record?.nonDerivativeTransactions ?? [];
  assert.equal(rows[0]?.shares, 116);
  assert.deepEqual(rows[0]?.footnotes.shares, ['F2']);
  assert.equal(rows[0]?.transactionFormType, '5');
});

test('pdftotext -layout: box 5\'s "Issuer" one space after the issuer\'s name is not the name\'s', () => {
  const record = read('pdftotext-layout', '0001209191-23-020746__862831_4_2023-03-23_0001209191-23-020746.txt').record;
  assert.equal(record?.issuer.name, 'FINANCIAL INSTITUTIONS INC');
  assert.equal(record?.issuer.tradingSymbol, 'FISI');
});

test('pdftotext -layout: a nature starting as another block\'s nature starts starts the next row', () => {
  // "By estate / planning / vehicle" over "Sequoia / Capital / ...": the next block starts "Sequoia / Capital".
  const record = read('pdftotext-layout', '0001062993-21-001286__form4').record;
  assert.equal(record?.nonDerivativeTransactions[0]?.natureOfOwnership, 'By estate planning vehicle');
  assert.equal(record?.nonDerivativeHoldings[0]?.natureOfOwnership, 'Sequoia Capital Global Growth Fund, L.P.');
});

test('pdftotext -layout: a nature of ownership line starting "By", "See" or "Held" below the first starts the next row', () => {
  const t = (text: string) => ({ text, x: 0 });
  const texts = [[t('By Fredrick D. Schaufeld')], [t('Rev. Trust')], [t('By FDS')]];
  assert.equal(natureStarts(texts, 0, 1, [true]), 0);
  assert.equal(natureStarts(texts, 0, 2, [true]), 1);
  // Lowercase "held by" goes on within a nature.
  assert.equal(natureStarts([[t('interest in shares')], [t('held by Rankin')]], 0, 1, [true]), 0);
});

test('pdftotext -layout: a row whose title or nature ends on a line that cannot end one costs more', () => {
  const t = (text: string) => ({ text, x: 0 });
  // "Series A / Convertible / Preferred / Stock", then the next row's "Warrant to / Purchase / ...".
  const texts = [[t('Series A')], [t('Convertible')], [t('Preferred')], [t('Stock')], [t('Warrant to')], [t('Purchase')]];
  assert.equal(openEnds(texts, 0, 3, [true]), 0);
  assert.equal(openEnds(texts, 0, 4, [true]), 1);
  // A word cut at its hyphen, a nature's lone "By".
  assert.equal(openEnds([[t('Warrant')], [t('Pre-')], [t('Funded')]], 0, 1, [true]), 1);
  assert.equal(openEnds([[t('By')], [t('ICONIQ')]], 0, 0, [true]), 1);
  assert.equal(openEnds([[t('See')], [t('footnote')]], 0, 0, [true]), 1);
  // The column's last line in the block: nothing follows, nothing is cut.
  assert.equal(openEnds([[t('Stock')], [t('Warrant to')]], 0, 1, [true]), 0);
  // A capital ("Class A"), a bracket or a mark ends a cell.
  assert.equal(openEnds([[t('Class A')], [t('Common')]], 0, 0, [true]), 0);
  assert.equal(openEnds([[t('Stock (1)')], [t('Class B')]], 0, 0, [true]), 0);
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

test('a head line is made of whole head words, numbered heads and head words a converter cut in two', () => {
  assert.equal(isHeadLine('1. Title of Security   2A. Deemed Execution Date, if any   12a'), true);
  // "Transact ion", "(Mo nth/Day/Year)": a word cut at a grid cell's wall, with the part after it.
  assert.equal(isHeadLine('3. Transact ion Code (Mo nth/Day/Year)'), true);
  // A head word's start alone, a head word with more letters, a number not a head's: a row's words.
  assert.equal(isHeadLine('Transac'), false);
  assert.equal(isHeadLine('Securities Titles'), false);
  assert.equal(isHeadLine('Title 123'), false);
  assert.equal(isHeadLine('Common Stock'), false);
});

test('pdftotext -layout: a table\'s amounts in one place are (D)\'s when the (A) head stands right after the V', () => {
  // "Code V (A)   (D)": the (A) column holds no amount, so is as narrow as its head. The (D) head
  // stands past group 6's number, so the amount first falls in the exercise date's column.
  const rows = read('pdftotext-layout', '0000899243-23-011753__1838162_4_2023-04-26_0000899243-23-011753.txt').record?.derivativeTransactions ?? [];
  assert.equal(rows[0]?.shares, 5000);
  assert.equal(rows[0]?.acquiredDisposedCode, 'D');
});

test('pdftotext -layout: a table\'s amounts in one place are (A)\'s when the (A) head stands as far from the V as from the (D)', () => {
  // "Code V     (A)    (D)": the (A) column is the wider; the code (M) would have it (D).
  const rows = read('pdftotext-layout', '0001209191-20-061181__1136554_4_0001209191-20-061181.txt').record?.derivativeTransactions ?? [];
  assert.equal(rows[0]?.shares, 1560);
  assert.equal(rows[0]?.acquiredDisposedCode, 'A');
});

test('pdftotext -layout: box 5\'s title places the owners\' titles on the first owner\'s page, a page after the heads', () => {
  // Box 5 checks Other: the first owner's "See Remarks" gives where Other's titles stand on the owners' page.
  const owners = read('pdftotext-layout', '0001193805-23-000690__1704715_4_2023-05-09_0001193805-23-000690.txt').record?.reportingOwners ?? [];
  assert.ok(owners.length > 3);
  for (const o of owners) {
    assert.equal(o.relationship?.isOther, true);
    assert.equal(o.relationship?.otherText, 'See Remarks');
    assert.equal(o.relationship?.isOfficer, false);
  }
});

test('pdftotext -layout: marks alone past a direct holding\'s D are the D\'s, not a nature\'s', () => {
  // "D   (3)": only an indirect holding has a nature of ownership.
  const row = read('pdftotext-layout', '0001213900-23-048563__1825249_4_2023-06-13_0001213900-23-048563.txt').record?.nonDerivativeTransactions[0];
  assert.equal(row?.directOrIndirectOwnership, 'D');
  assert.deepEqual(row?.footnotes.directOrIndirectOwnership, ['F3']);
  assert.equal(row?.natureOfOwnership, null);
  assert.equal(row?.footnotes.natureOfOwnership, undefined);
});

test('pdftotext -layout: a bracket in capitals ends a title too, a value under the title\'s head skipped', () => {
  const t = (text: string) => ({ text, x: 0 });
  const texts = [[t('EMPLOYEE')], [t('OPTIONS (RT')], [t('$ 39.18')], [t('TO BUY)')], [t('RESTRICTED')]];
  assert.equal(closedTitles(texts, 0, 3, [true]), 0);
  assert.equal(closedTitles(texts, 0, 4, [true]), 1);
});

test('a chain split may take its rows as standing alike off their main lines', () => {
  // Rows of 5 lines, each main line the fourth (pdftotext set the D/I line low): centred on them,
  // the rows would take the next row's first line; shifted two lines, each is its own.
  assert.deepEqual(splitChain(0, 9, [3, 8], () => 0, { offCentre: 2, oneMoreBelow: 2.3, shift: -2 }), [
    [0, 4],
    [5, 9],
  ]);
});

test('pdftotext -layout: rows whose D/I lines all stand off their cells\' middle are split alike off them', () => {
  // "Restricted" / marks / "Stock" / D line / "Units", six times: centred on the D lines, each
  // title would take the next row's "Restricted".
  const page = '0000865752-23-000032__865752_4_2023-05-11_0000865752-23-000032.txt';
  const holdings = read('pdftotext-layout', page).record?.derivativeHoldings ?? [];
  const units = holdings.filter((h) => /Units/.test(h.securityTitle ?? ''));
  assert.ok(units.length >= 6);
  for (const h of units) assert.equal(h.securityTitle, 'Restricted Stock Units');
});

test('pdftotext -layout: an owner without a postal code ends with the country after the empty line, the next owner following at once', () => {
  // "ISRAEL" / (empty postal code) / "UNITED STATES" / "SHALEV EDDY": a PDF's table sets no blank line between owners.
  const owners = read('pdftotext-layout', '0000899243-23-009983__1835378_4_2023-03-29_0000899243-23-009983.txt').record?.reportingOwners ?? [];
  assert.deepEqual(
    owners.map((o) => [o.name, o.address?.street1, o.address?.state, o.address?.zipCode]),
    [
      ['GENESIS PARTNERS III LP', '13 BASEL ST.', 'L3', '4666013'],
      ['Kishon Eyal', '13 BASEL ST.', 'L2', null],
      ['SHALEV EDDY', '13 BASEL ST.', 'L2', '4666013'],
    ],
  );
});

test('pdftotext -layout: a one-word code under a state\'s name and above the country is the postal code, however spelled', () => {
  // "IRELAND" / "D2" / "UNITED STATES": the owner ends there, the next one's name follows.
  const owners = read('pdftotext-layout', '0000919574-23-003585__1831481_4_2023-06-02_0000919574-23-003585.txt').record?.reportingOwners ?? [];
  assert.deepEqual(
    owners.map((o) => [o.name, o.address?.city, o.address?.zipCode]),
    [
      ['Pilgrim Global ICAV', 'DUBLIN', 'D2'],
      ['Pilgrim Global Advisors LLC', 'RENO', '89519'],
      ['Maupin Darren', 'RENO', '89519'],
    ],
  );
});

test('pdftotext -layout: an X is Director\'s or 10% Owner\'s, never Officer\'s, however near its head', () => {
  // "X              X       CEO": the second X stands nearer Officer's head than 10% Owner's middle.
  const rel = read('pdftotext-layout', '0000899243-23-004992__doc5').record?.reportingOwners[0]?.relationship;
  assert.equal(rel?.isDirector, true);
  assert.equal(rel?.isTenPercentOwner, true);
  assert.equal(rel?.isOfficer, true);
  assert.equal(rel?.officerTitle, 'CEO');
});

test('pdftotext -layout: a "10% Owner" head wrapped over three lines, and a name wrapped as box 1 prints it', () => {
  // "10%" above, "Owner" below the heads' line; the name takes two lines of the table, box 1 giving its words.
  const owners = read('pdftotext-layout', '0001127602-20-005467__1558832_1_0001127602-20-005467.txt').record?.reportingOwners ?? [];
  assert.equal(owners.length, 1);
  assert.equal(owners[0]?.name, 'Chloe R. Seelbach, Trustee under Claiborne Rankin Trust for Children of Chloe R. Seelbach DTD 12/21/04 FBO Thomas Wilson Seelbach');
  assert.equal(owners[0]?.address?.street1, 'NACCO INDUSTRIES, INC.');
  assert.equal(owners[0]?.address?.street2, '5875 LANDERBROOK DR., SUITE 220');
  assert.equal(owners[0]?.relationship?.otherText, 'Member of a Group');
});

test('a PDF\'s line cut between a rule\'s brackets joins without a space; elsewhere, or in other renderings, with one', () => {
  assert.deepEqual(joinLines(['Pursuant to Rule 16a-1(a)', '(4) under the Act'], true), { text: 'Pursuant to Rule 16a-1(a)(4) under the Act', inferred: true });
  assert.deepEqual(joinLines(['Pursuant to Rule 16a-1(a)', '(4) under the Act']), { text: 'Pursuant to Rule 16a-1(a) (4) under the Act', inferred: false });
  assert.deepEqual(joinLines(['the fund (the "Fund")', '(a) holds'], true), { text: 'the fund (the "Fund") (a) holds', inferred: false });
});

test('the first owner\'s title cell is cut where box 5 prints "title / other" (pdftotext -layout, w3m, html2text)', () => {
  // "Chairman, President & CEO Director of Sub": the Officer and Other columns one space apart; box 5 prints
  // "Chairman, President & CEO / Director of" over "Sub".
  const rel = read('pdftotext-layout', '0001062993-23-013644__753308_4_2023-06-15_0001062993-23-013644.txt').record?.reportingOwners[0]?.relationship;
  assert.equal(rel?.officerTitle, 'Chairman, President & CEO');
  assert.equal(rel?.otherText, 'Director of Sub');
  assert.equal(rel?.isOther, true);
  // w3m sets the two cells one space apart too, html2text with none ("Chairman, President & CEODirector of Sub").
  for (const converter of ['w3m', 'html2text']) {
    const other = read(converter, '0001062993-23-013644__753308_4_2023-06-15_0001062993-23-013644.txt').record?.reportingOwners[0]?.relationship;
    assert.deepEqual([other?.officerTitle, other?.otherText, other?.isOther], ['Chairman, President & CEO', 'Director of Sub', true], converter);
  }
  // Box 5 leaves Other unchecked: the other text ("Wholly Owned Subsidiary") checks nothing.
  const stevens = read('pdftotext-layout', '0000036146-20-000002__1447251_1_0000036146-20-000002.txt').record?.reportingOwners[0]?.relationship;
  assert.equal(stevens?.officerTitle, 'Executive Officer of');
  assert.equal(stevens?.otherText, 'Wholly Owned Subsidiary');
  assert.equal(stevens?.isOther, false);
});

test('pdftotext -layout: the first owner\'s relationship is box 5\'s checks, not the words under Officer', () => {
  // "BancFirst Corp. Director" under Officer; box 5 leaves Officer unchecked.
  const result = read('pdftotext-layout', '0001593968-23-000689__760498_4_2023-04-28_0001593968-23-000689.txt');
  const rel = result.record?.reportingOwners[0]?.relationship;
  assert.equal(rel?.isDirector, true);
  assert.equal(rel?.isOfficer, false);
  assert.equal(rel?.officerTitle, 'BancFirst Corp. Director');
  assert.equal(result.provenance?.['reportingOwners.0.relationship.isOfficer']?.confidence, 1);
});

test('pdftotext -layout: a trading symbol wrapped inside its brackets is read over both lines', () => {
  // "LENNAR CORP /NEW/ [LEN," over "LEN.B]".
  const result = read('pdftotext-layout', '0001209191-20-003075__1210475_1_0001209191-20-003075.txt');
  assert.equal(result.record?.issuer.name, 'LENNAR CORP /NEW/');
  assert.equal(result.record?.issuer.tradingSymbol, 'LEN, LEN.B');
});

test('pdftotext -layout: the issuer box\'s value starts at its label\'s column, not with the label left of it one space apart', () => {
  // Form 3: "Requiring Statement PCM FUND, INC. [PCM]", box 2's label ending one space before box 3's value.
  const record = read('pdftotext-layout', '0001209191-20-021611__1602331_1_0001209191-20-021611.txt').record;
  assert.equal(record?.issuer.name, 'PCM FUND, INC.');
  assert.equal(record?.issuer.tradingSymbol, 'PCM');
});

test('a "Reminder:" after the remarks label is the filer\'s remark: the page prints its own under Table I', () => {
  const record = read('pdftotext-layout', '0000899243-23-015489__1823854_4_2023-06-13_0000899243-23-015489.txt').record;
  assert.equal(record?.remarks, 'Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.');
});

test('a line of dashes in the remarks is the remarks\' own where no table rule is drawn (a PDF, w3m)', () => {
  // "Exhibit List:" / "------------" / "Exhibit 99.1 - ...": pandoc's rules have a run under each of the table's two columns.
  const page = '0001567619-23-002402__846617_4_2023-02-10_0001567619-23-002402.txt';
  for (const converter of ['pdftotext-layout', 'w3m']) {
    assert.match(read(converter, page).record?.remarks ?? '', /^Exhibit List: -{12} Exhibit 99\.1 - Explanation of Responses .*Joint Filers' Signatures$/, converter);
  }
});

test('pdftotext -layout: an X on a later page as wide as the heads\' page goes under the nearest head', () => {
  // Page 2 holds the footnotes, spanning the page as page 1's lines do: its grid is the heads'. Its one X
  // stands under Director, though the owner on the heads' page checks only 10% Owner.
  const owners = read('pdftotext-layout', '0001213900-23-041169__1847416_4_2023-05-18_0001213900-23-041169.txt').record?.reportingOwners ?? [];
  assert.equal(owners[0]?.relationship?.isTenPercentOwner, true);
  assert.equal(owners[1]?.name, 'Huang James');
  assert.equal(owners[1]?.relationship?.isDirector, true);
  assert.equal(owners[1]?.relationship?.isTenPercentOwner, false);
  assert.equal(owners[1]?.relationship?.officerTitle, 'Chief Executive Officer');
});

test('an owner\'s short code between its state\'s name and the country is the postal code, without a digit too', () => {
  // "HSINCHU CITY 300" / "TAIWAN" / "TOC" / "UNITED STATES": the page prints city, state, postal code, country.
  for (const converter of ['pdftotext-layout', 'seed-style']) {
    const address = read(converter, '0001654954-23-008777__1014763_4_2023-07-05_0001654954-23-008777.txt').record?.reportingOwners[0]?.address;
    assert.deepEqual([address?.street2, address?.city, address?.state, address?.zipCode], ['EAST DIST', 'HSINCHU CITY 300', 'F5', 'TOC'], converter);
  }
});

test('an owner\'s empty postal code line, kept by the seed style, holds the place and no value', () => {
  // "HERZELIYA <br/> IRELAND <br/> <br/> UNITED STATES": city, state, empty postal code, country.
  const owner = read('seed-style', '0000899243-23-009983__1835378_4_2023-03-29_0000899243-23-009983.txt').record?.reportingOwners[1];
  assert.deepEqual([owner?.address?.street1, owner?.address?.city, owner?.address?.state, owner?.address?.zipCode], ['13 BASEL ST.', 'HERZELIYA', 'L2', null]);
});

test('pdftotext -layout: a footnote line starting "(4)" in the text column under its mark\'s line goes on with the text', () => {
  // "(4) of the Issuer, ... set forth in this footnote" over "    (4) to this Form 4.": the footnote's own words.
  const footnotes = read('pdftotext-layout', '0001104659-23-071675__1824502_4_2023-06-15_0001104659-23-071675.txt').record?.footnotes ?? [];
  assert.deepEqual(
    footnotes.map((f) => f.id),
    ['F1', 'F2', 'F3', 'F4', 'F5', 'F6'],
  );
  assert.match(footnotes[3]?.text ?? '', /set forth in this footnote \(4\) to this Form 4\.$/);
});

test('pdftotext -layout: a date ending a signature\'s name one space after it is the name\'s own when the date column\'s date stands below', () => {
  const signatures = read('pdftotext-layout', '0001140361-23-004488__1404912_4_2023-02-03_0001140361-23-004488.txt').record?.signatures ?? [];
  assert.match(signatures[4]?.name ?? '', /Chief Financial Officer 02\/03\/2023$/);
  assert.equal(signatures[4]?.date, '2023-02-03');
});

test('pdftotext -layout: a later page\'s one column of X\'s is the column the heads\' page owners with one X use', () => {
  // The first owner checks Director and 10% Owner; the next two only 10% Owner: the four owners on the
  // next page, one X each in one column, are 10% Owners too.
  const owners = read('pdftotext-layout', '0001209191-23-001509__1823466_4_2023-01-04_0001209191-23-001509.txt').record?.reportingOwners ?? [];
  assert.equal(owners.length, 7);
  for (const o of owners.slice(3)) {
    assert.equal(o.relationship?.isTenPercentOwner, true, o.name ?? '');
    assert.equal(o.relationship?.isDirector, false, o.name ?? '');
  }
});

test('pdftotext -layout: a title on a later page takes the column the same words take on the heads\' page', () => {
  // "See Explanation of Responses" stands under Other on the heads' page; the next page, set on a grid of
  // its own, closes up the empty Officer column and sets the same words nearer Officer's head.
  const owners = read('pdftotext-layout', '0000921895-20-001838__1803809_2_0000921895-20-001838.txt').record?.reportingOwners ?? [];
  const titled = owners.filter((o) => o.relationship?.otherText !== null || o.relationship?.officerTitle !== null);
  assert.equal(titled.length, 7);
  for (const o of titled) {
    assert.equal(o.relationship?.otherText, 'See Explanation of Responses', o.name ?? '');
    assert.equal(o.relationship?.isOfficer, false, o.name ?? '');
  }
});

test('w3m: the issuer\'s value starts at its label\'s column, and box 5\'s "Issuer" set one space after its name is no part of it', () => {
  // "... Seelbach DTD 12/21/04 NACCO INDUSTRIES INC [NC]": the owner's long name runs into box 2's column.
  const rankin = read('w3m', '0001127602-20-005467__1558832_1_0001127602-20-005467.txt').record?.issuer;
  assert.deepEqual([rankin?.name, rankin?.tradingSymbol], ['NACCO INDUSTRIES INC', 'NC']);
  // "ZIONS BANCORPORATION, NATIONAL ASSOCIATION /UT/ Issuer" over "[ZION]".
  const zions = read('w3m', '0000109380-23-000111__109380_4_2023-05-04_0000109380-23-000111.txt').record?.issuer;
  assert.deepEqual([zions?.name, zions?.tradingSymbol], ['ZIONS BANCORPORATION, NATIONAL ASSOCIATION /UT/', 'ZION']);
});

test('a line cut before a number\'s lettered subdivision or at a name\'s "&" joins without a space (w3m, html2text)', () => {
  assert.deepEqual(joinLines(['a member of a Section 13', '(d) group']), { text: 'a member of a Section 13(d) group', inferred: true });
  assert.deepEqual(joinLines(['as president of M&', 'T Bank']), { text: 'as president of M&T Bank', inferred: true });
  assert.deepEqual(joinLines(['in M', '&T Bank']), { text: 'in M&T Bank', inferred: true });
  // A list's item after a number, and "A & B", keep their spaces.
  assert.deepEqual(joinLines(['Form 2 of 2', '(1) The securities']), { text: 'Form 2 of 2 (1) The securities', inferred: false });
  assert.deepEqual(joinLines(['Smith &', 'Jones']), { text: 'Smith & Jones', inferred: false });
});
