// The validation stage: SEC business days, each rule of validateFiling on records made by
// parsing real fixtures and changing one thing, and the holdings chain across filings.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parse, Issue, type OwnershipRecord, type Source } from '../src/index.ts';
import { issueCodes } from '../src/record/issues.ts';
import {
  addBusinessDays,
  businessDaysBetween,
  federalHolidays,
  isBusinessDay,
} from '../src/validate/business-days.ts';
import { checkHoldingsHistory } from '../src/validate/holdings-history.ts';
import { fiscalYearEndFor } from '../src/validate/rules/late-filing.ts';
import { validateFiling } from '../src/validate/validate-filing.ts';

const fixtures = new URL('./fixtures/', import.meta.url);

function read(path: string): { record: OwnershipRecord; source: Source } {
  const result = parse(readFileSync(new URL(path, fixtures)), { fileName: path });
  assert.ok(result.record, `${path} gave no record`);
  return { record: structuredClone(result.record), source: structuredClone(result.source) };
}

/** AMD, Lisa Su, filed 2023-06-08 for trades of 2023-06-06: ten Table I rows, one Table II row. */
const amd = () => read('cli/amd-su-2023-06-08.txt');

const codes = (issues: readonly Issue[]) => issues.map((i) => i.code);
const only = (issues: readonly Issue[], code: string) => issues.filter((i) => i.code === code);

function row(record: OwnershipRecord, index: number) {
  const r = record.nonDerivativeTransactions[index];
  assert.ok(r, `no Table I row ${index}`);
  return r;
}

describe('SEC business days', () => {
  const dates = (year: number) => federalHolidays(year).map((h) => h.date);

  test('Christmas 2021 on a Saturday is observed on Friday 2021-12-24, and New Year 2022 on Friday 2021-12-31', () => {
    assert.ok(dates(2021).includes('2021-12-24'));
    assert.ok(dates(2021).includes('2021-12-31'));
    assert.equal(isBusinessDay('2021-12-24'), false);
    assert.equal(isBusinessDay('2021-12-31'), false);
    assert.ok(!dates(2022).some((d) => d.endsWith('-01-01') || d === '2022-12-31'));
  });

  test('Christmas 2022 on a Sunday is observed on Monday 2022-12-26, New Year 2023 on Monday 2023-01-02', () => {
    assert.equal(isBusinessDay('2022-12-26'), false);
    assert.equal(isBusinessDay('2023-01-02'), false);
    assert.equal(isBusinessDay('2023-01-03'), true);
  });

  test('Juneteenth is a holiday from 2021 on, observed 2021-06-18 and 2022-06-20, and not before', () => {
    assert.equal(isBusinessDay('2023-06-19'), false);
    assert.equal(isBusinessDay('2021-06-18'), false);
    assert.equal(isBusinessDay('2022-06-20'), false);
    assert.equal(isBusinessDay('2020-06-19'), true);
  });

  test('Veterans Day 2023 on a Saturday is observed on Friday 2023-11-10; Thanksgiving is the fourth Thursday', () => {
    assert.equal(isBusinessDay('2023-11-10'), false);
    assert.equal(isBusinessDay('2023-11-23'), false);
    assert.equal(isBusinessDay('2023-11-24'), true);
  });

  test('the Monday holidays fall on the right Mondays of 2024', () => {
    for (const d of ['2024-01-15', '2024-02-19', '2024-05-27', '2024-09-02', '2024-10-14']) {
      assert.ok(dates(2024).includes(d), d);
    }
  });

  test('Inauguration Day is not an SEC holiday', () => {
    assert.equal(isBusinessDay('2017-01-20'), true);
    assert.equal(isBusinessDay('2021-01-20'), true);
  });

  test('national days of mourning close the SEC: 2018-12-05 and 2025-01-09', () => {
    assert.equal(isBusinessDay('2018-12-05'), false);
    assert.equal(isBusinessDay('2025-01-09'), false);
    assert.equal(isBusinessDay('2018-12-06'), true);
  });

  test('weekends are never business days', () => {
    assert.equal(isBusinessDay('2023-06-17'), false);
    assert.equal(isBusinessDay('2023-06-18'), false);
  });

  test('adding business days skips weekends and observed holidays', () => {
    assert.equal(addBusinessDays('2023-06-15', 2), '2023-06-20'); // Juneteenth Monday
    assert.equal(addBusinessDays('2021-12-23', 1), '2021-12-27');
    assert.equal(addBusinessDays('2022-12-22', 2), '2022-12-27');
    assert.equal(addBusinessDays('2022-12-30', 2), '2023-01-04');
    assert.equal(addBusinessDays('2023-04-01', 2), '2023-04-04'); // a Saturday vesting
    assert.equal(addBusinessDays('2023-01-03', -1), '2022-12-30');
    assert.equal(addBusinessDays('2023-06-17', 0), '2023-06-20');
  });

  test('business days between two dates count the days after the first up to the second', () => {
    assert.equal(businessDaysBetween('2023-01-04', '2023-01-06'), 2);
    assert.equal(businessDaysBetween('2023-01-06', '2023-01-04'), -2);
    assert.equal(businessDaysBetween('2023-06-16', '2023-06-20'), 1);
    assert.equal(businessDaysBetween('2023-06-16', '2023-06-16'), 0);
  });

  test('counting back the business days that were added gives the same number, across years', () => {
    for (let d = Date.UTC(2020, 11, 1); d < Date.UTC(2022, 1, 1); d += 86_400_000) {
      const date = new Date(d).toISOString().slice(0, 10);
      for (const n of [1, 2, 5]) assert.equal(businessDaysBetween(date, addBusinessDays(date, n)), n, `${date} + ${n}`);
    }
  });

  test('a string that is not a calendar date is refused', () => {
    assert.throws(() => isBusinessDay('2023-02-30'), RangeError);
    assert.throws(() => addBusinessDays('June 1', 1), RangeError);
  });
});

describe('validateFiling on clean real filings', () => {
  for (const path of [
    'cli/amd-su-2023-06-08.txt',
    'cli/amd-su-2023-06-08.xml',
    'sgml/modern-six-owners.txt',
    'sgml/tag-style-header.sgml',
    'sgml/form3-with-exhibit.txt',
    'xml/six-owners-derivative-only.xml',
    'xml/holdings-only-x0407.xml',
    'xml/x0508.xml',
    'xml/x0609.xml',
  ]) {
    test(`${path} gives no issue`, () => {
      const { record, source } = read(path);
      assert.deepEqual(validateFiling(record, source, { issuerFiscalYearEnd: '1231' }), []);
    });
  }

  test('every issue is a valid Issue whose code is in the catalogue', () => {
    const { record, source } = amd();
    row(record, 0).transactionCode = 'Q';
    row(record, 1).sharesOwnedFollowingTransaction = 1;
    row(record, 2).footnotes['shares'] = ['F99'];
    source.filingDate = '2023-07-01';
    const issues = validateFiling(record, source);
    assert.ok(issues.length > 0);
    for (const issue of issues) {
      Issue.parse(issue);
      assert.ok(issueCodes.includes(issue.code as never), issue.code);
    }
  });
});

describe('transaction code against acquired/disposed', () => {
  test('an open-market purchase reported as a disposition is flagged and kept as reported', () => {
    const { record, source } = amd();
    row(record, 0).transactionCode = 'P';
    const issues = only(validateFiling(record, source), 'CHECK_TRANSACTION_CODE_DIRECTION');
    assert.equal(issues.length, 1);
    assert.deepEqual(issues[0]?.path, ['nonDerivativeTransactions', 0, 'acquiredDisposedCode']);
    assert.equal(issues[0]?.severity, 'warning');
    assert.equal(row(record, 0).acquiredDisposedCode, 'D');
  });

  test('a sale reported as an acquisition is flagged', () => {
    const { record, source } = amd();
    row(record, 2).acquiredDisposedCode = 'A';
    assert.ok(codes(validateFiling(record, source)).includes('CHECK_TRANSACTION_CODE_DIRECTION'));
  });

  test('a gift may go either way', () => {
    const { record, source } = amd();
    row(record, 0).acquiredDisposedCode = 'A';
    assert.ok(!codes(validateFiling(record, source)).includes('CHECK_TRANSACTION_CODE_DIRECTION'));
  });

  test('an exercise acquires on Table I and disposes on Table II', () => {
    const { record, source } = amd();
    assert.equal(row(record, 1).transactionCode, 'M');
    const option = record.derivativeTransactions[0];
    assert.ok(option);
    option.acquiredDisposedCode = 'A';
    const issues = only(validateFiling(record, source), 'CHECK_TRANSACTION_CODE_DIRECTION');
    assert.deepEqual(issues.map((i) => i.path), [['derivativeTransactions', 0, 'acquiredDisposedCode']]);
  });

  test('a code the SEC does not define is flagged', () => {
    const { record, source } = amd();
    row(record, 3).transactionCode = 'Q';
    const issues = only(validateFiling(record, source), 'CHECK_TRANSACTION_CODE_UNKNOWN');
    assert.equal(issues.length, 1);
    assert.match(issues[0]?.message ?? '', /"Q"/);
  });
});

describe('holdings arithmetic within a filing', () => {
  test('a balance that does not follow from the previous row names both numbers and the row', () => {
    const { record, source } = amd();
    // The last row, F 204046 from 3366116, leaves 3162070; report 3163070 instead.
    row(record, 9).sharesOwnedFollowingTransaction = 3163070;
    const issues = only(validateFiling(record, source), 'CHECK_HOLDINGS_ARITHMETIC');
    assert.equal(issues.length, 1);
    assert.deepEqual(issues[0]?.path, ['nonDerivativeTransactions', 9, 'sharesOwnedFollowingTransaction']);
    assert.match(issues[0]?.message ?? '', /3366116/);
    assert.match(issues[0]?.message ?? '', /3162070/);
    assert.match(issues[0]?.message ?? '', /3163070/);
  });

  test('rounding within half a share passes', () => {
    const { record, source } = amd();
    row(record, 9).sharesOwnedFollowingTransaction = 3162070.4;
    assert.deepEqual(only(validateFiling(record, source), 'CHECK_HOLDINGS_ARITHMETIC'), []);
  });

  test('a row is not checked when the previous balance is unknown', () => {
    const { record, source } = amd();
    row(record, 8).sharesOwnedFollowingTransaction = null;
    row(record, 9).sharesOwnedFollowingTransaction = 1;
    assert.deepEqual(only(validateFiling(record, source), 'CHECK_HOLDINGS_ARITHMETIC'), []);
  });

  test('rows of another ownership form start their own chain', () => {
    const { record, source } = amd();
    Object.assign(row(record, 9), { directOrIndirectOwnership: 'I', natureOfOwnership: 'By Trust', sharesOwnedFollowingTransaction: 5 });
    assert.deepEqual(only(validateFiling(record, source), 'CHECK_HOLDINGS_ARITHMETIC'), []);
  });

  test('direct rows of a joint filing are not chained, since each owner has its own', () => {
    const { record, source } = amd();
    const owner = record.reportingOwners[0];
    assert.ok(owner);
    record.reportingOwners.push(structuredClone(owner));
    row(record, 9).sharesOwnedFollowingTransaction = 1;
    assert.deepEqual(only(validateFiling(record, source), 'CHECK_HOLDINGS_ARITHMETIC'), []);
  });
});

describe('footnote references', () => {
  test('a reference to a footnote the filing does not give is flagged where it is made', () => {
    const { record, source } = amd();
    row(record, 2).footnotes['shares'] = ['F1', 'F99'];
    const issues = only(validateFiling(record, source), 'CHECK_FOOTNOTE_UNDEFINED');
    assert.equal(issues.length, 1);
    assert.deepEqual(issues[0]?.path, ['nonDerivativeTransactions', 2, 'footnotes', 'shares']);
    assert.match(issues[0]?.message ?? '', /F99/);
  });

  test('a footnote no value refers to is noted as info', () => {
    const { record, source } = amd();
    const option = record.derivativeTransactions[0];
    assert.ok(option);
    option.footnotes = {};
    const issues = only(validateFiling(record, source), 'CHECK_FOOTNOTE_UNUSED');
    assert.equal(issues.length, 1);
    assert.equal(issues[0]?.severity, 'info');
    assert.deepEqual(issues[0]?.path, ['footnotes', 9]);
  });
});

describe('impossible dates', () => {
  test('a transaction after the filing date is flagged', () => {
    const { record, source } = amd();
    row(record, 4).transactionDate = '2023-06-09';
    const issues = only(validateFiling(record, source), 'CHECK_DATE_AFTER_FILING');
    assert.deepEqual(issues.map((i) => i.path), [['nonDerivativeTransactions', 4, 'transactionDate']]);
    assert.match(issues[0]?.message ?? '', /filing date 2023-06-08/);
  });

  test('without a submission header the latest signature date stands in, and the message says so', () => {
    const { record, source } = read('cli/amd-su-2023-06-08.xml');
    row(record, 4).transactionDate = '2023-06-09';
    const issues = only(validateFiling(record, source), 'CHECK_DATE_AFTER_FILING');
    assert.equal(issues.length, 1);
    assert.match(issues[0]?.message ?? '', /latest signature date 2023-06-08/);
  });

  test('a period of report after the filing date is flagged', () => {
    const { record, source } = amd();
    record.periodOfReport = '2023-06-10';
    assert.ok(
      only(validateFiling(record, source), 'CHECK_DATE_AFTER_FILING').some((i) => i.path?.[0] === 'periodOfReport'),
    );
  });

  test('a transaction before the period of report is flagged, since box 3 is the earliest transaction', () => {
    const { record, source } = amd();
    row(record, 6).transactionDate = '2023-06-05';
    const issues = only(validateFiling(record, source), 'CHECK_TRANSACTION_BEFORE_PERIOD');
    assert.deepEqual(issues.map((i) => i.path), [['nonDerivativeTransactions', 6, 'transactionDate']]);
  });

  test('a period of report earlier than every transaction is noted', () => {
    const { record, source } = amd();
    record.periodOfReport = '2023-06-01';
    assert.deepEqual(codes(validateFiling(record, source)), ['CHECK_PERIOD_NOT_EARLIEST']);
  });

  test('an expiration before the date exercisable is flagged', () => {
    const { record, source } = amd();
    const option = record.derivativeTransactions[0];
    assert.ok(option);
    option.exerciseDate = '2024-01-01';
    const issues = only(validateFiling(record, source), 'CHECK_EXPIRATION_BEFORE_EXERCISE');
    assert.deepEqual(issues.map((i) => i.path), [['derivativeTransactions', 0, 'expirationDate']]);
  });

  test('dates before 1990 or a century after the filing are implausible', () => {
    const { record, source } = amd();
    const option = record.derivativeTransactions[0];
    assert.ok(option);
    option.expirationDate = '2203-07-26';
    row(record, 0).transactionDate = '1023-06-06';
    const issues = only(validateFiling(record, source), 'CHECK_DATE_IMPLAUSIBLE');
    assert.deepEqual(
      issues.map((i) => i.path),
      [
        ['nonDerivativeTransactions', 0, 'transactionDate'],
        ['derivativeTransactions', 0, 'expirationDate'],
      ],
    );
  });

  test('a deemed execution date before the trade, or past the third business day after it, is flagged', () => {
    const { record, source } = amd();
    row(record, 2).deemedExecutionDate = '2023-06-05';
    row(record, 3).transactionDate = '2023-06-01';
    row(record, 3).deemedExecutionDate = '2023-06-07';
    record.periodOfReport = '2023-06-01';
    const issues = validateFiling(record, source);
    assert.deepEqual(only(issues, 'CHECK_DEEMED_DATE_BEFORE_TRANSACTION').map((i) => i.path), [
      ['nonDerivativeTransactions', 2, 'deemedExecutionDate'],
    ]);
    assert.deepEqual(only(issues, 'CHECK_DEEMED_DATE_TOO_LATE').map((i) => i.path), [
      ['nonDerivativeTransactions', 3, 'deemedExecutionDate'],
    ]);
  });
});

describe('price outliers', () => {
  test('a sale price a hundred times the others is flagged with their median', () => {
    const { record, source } = amd();
    row(record, 4).pricePerShare = 12060; // 120.60 typed without the point
    const issues = only(validateFiling(record, source), 'CHECK_PRICE_OUTLIER');
    assert.deepEqual(issues.map((i) => i.path), [['nonDerivativeTransactions', 4, 'pricePerShare']]);
    // The other six sale prices run 118.42 to 124.14: their median is (121.55 + 122.47) / 2.
    assert.match(issues[0]?.message ?? '', /price 12060 .* median 122\.01 of the 6 other/);
  });

  test('prices of other codes (gifts at $0, option exercises) are not compared with sales', () => {
    const { record, source } = amd();
    assert.equal(row(record, 0).pricePerShare, 0);
    assert.equal(row(record, 1).pricePerShare, 6.98);
    assert.deepEqual(only(validateFiling(record, source), 'CHECK_PRICE_OUTLIER'), []);
  });

  test('with only two open-market prices nothing is flagged, since either could be off', () => {
    const { record, source } = amd();
    record.nonDerivativeTransactions = record.nonDerivativeTransactions.slice(2, 4);
    const second = record.nonDerivativeTransactions[1];
    assert.ok(second);
    second.pricePerShare = 11932;
    assert.deepEqual(only(validateFiling(record, source), 'CHECK_PRICE_OUTLIER'), []);
  });
});

describe('late filing', () => {
  test('a Form 4 filed on the second business day after the trade is on time', () => {
    const { record, source } = amd();
    assert.deepEqual(codes(validateFiling(record, source)).filter((c) => c.startsWith('CHECK_FILED_LATE')), []);
  });

  test('a Form 4 filed a day late flags every transaction row, in calendar and business days', () => {
    const { record, source } = amd();
    source.filingDate = '2023-06-09';
    const issues = only(validateFiling(record, source), 'CHECK_FILED_LATE');
    assert.equal(issues.length, record.nonDerivativeTransactions.length + record.derivativeTransactions.length);
    assert.deepEqual(issues[0]?.path, ['nonDerivativeTransactions', 0, 'transactionDate']);
    assert.match(issues[0]?.message ?? '', /by 2023-06-08; the filing date is 2023-06-09, 1 calendar day and 1 business day late/);
  });

  test('the deadline skips Juneteenth: a trade of 2023-06-15 is due 2023-06-20', () => {
    const { record, source } = amd();
    for (const r of record.nonDerivativeTransactions) r.transactionDate = '2023-06-15';
    record.derivativeTransactions = [];
    record.periodOfReport = '2023-06-15';
    source.filingDate = '2023-06-20';
    assert.deepEqual(only(validateFiling(record, source), 'CHECK_FILED_LATE'), []);
    source.filingDate = '2023-06-21';
    const issues = only(validateFiling(record, source), 'CHECK_FILED_LATE');
    assert.equal(issues.length, 10);
    assert.match(issues[0]?.message ?? '', /by 2023-06-20; the filing date is 2023-06-21, 1 calendar day and 1 business day late/);
  });

  test('the deadline runs from the deemed execution date when there is one', () => {
    const { record, source } = amd();
    source.filingDate = '2023-06-09';
    for (const r of record.nonDerivativeTransactions) r.deemedExecutionDate = '2023-06-07';
    const issues = only(validateFiling(record, source), 'CHECK_FILED_LATE');
    assert.deepEqual(issues.map((i) => i.path), [['derivativeTransactions', 0, 'transactionDate']]);
  });

  test('a row the filer marked late is reported as info under its own code', () => {
    const { record, source } = amd();
    source.filingDate = '2023-06-09';
    row(record, 0).transactionTimeliness = 'L';
    const declared = only(validateFiling(record, source), 'CHECK_FILED_LATE_DECLARED');
    assert.equal(declared.length, 1);
    assert.equal(declared[0]?.severity, 'info');
  });

  test('a Form 5 transaction reported early on a Form 4 has no two-day deadline', () => {
    const { record, source } = amd();
    source.filingDate = '2023-06-09';
    for (const r of [...record.nonDerivativeTransactions, ...record.derivativeTransactions]) r.transactionFormType = '5';
    assert.deepEqual(only(validateFiling(record, source), 'CHECK_FILED_LATE'), []);
  });

  test('an amendment is not late on its own filing date', () => {
    const { record, source } = amd();
    source.filingDate = '2023-07-20';
    record.documentType = '4/A';
    assert.deepEqual(codes(validateFiling(record, source)).filter((c) => c.startsWith('CHECK_FILED_LATE')), []);
  });

  test('a Form 3 is due 10 days after the event, moved off a weekend to the next business day', () => {
    const { record, source } = read('sgml/form3-with-exhibit.txt');
    assert.equal(record.periodOfReport, '2020-04-29'); // + 10 days = Saturday 2020-05-09
    source.filingDate = '2020-05-11';
    assert.deepEqual(validateFiling(record, source), []);
    source.filingDate = '2020-05-12';
    const issues = only(validateFiling(record, source), 'CHECK_FILED_LATE');
    assert.deepEqual(issues.map((i) => i.path), [['periodOfReport']]);
    assert.match(issues[0]?.message ?? '', /by 2020-05-11; the filing date is 2020-05-12, 1 calendar day and 1 business day late/);
  });

  test('a Form 5 is checked against the fiscal year end only when it is given', () => {
    const { record, source } = read('xml/form5-transactions-reported-holding-with-coding.xml');
    // Its one transaction is a Form 4 transaction reported late on this Form 5, by definition.
    assert.deepEqual(codes(validateFiling(record, source)), ['CHECK_FILED_LATE_DECLARED']);
    assert.deepEqual(codes(validateFiling(record, source, { issuerFiscalYearEnd: '1231' })), ['CHECK_FILED_LATE_DECLARED']);
    const signature = record.signatures[0];
    assert.ok(signature);
    signature.date = '2020-02-18'; // due 2020-02-14, a Friday; Monday 02-17 is Washington's Birthday
    assert.deepEqual(only(validateFiling(record, source), 'CHECK_FILED_LATE'), []);
    const issues = only(validateFiling(record, source, { issuerFiscalYearEnd: '1231' }), 'CHECK_FILED_LATE');
    assert.deepEqual(issues.map((i) => i.path), [['periodOfReport']]);
    assert.match(issues[0]?.message ?? '', /fiscal year end 2019-12-31.*by 2020-02-14; the latest signature date is 2020-02-18, 4 calendar days and 1 business day late/);
  });

  test('the fiscal year end of a date is the next MMDD, with a week of slack for 52/53-week years', () => {
    assert.equal(fiscalYearEndFor('2019-12-31', '1231'), '2019-12-31');
    assert.equal(fiscalYearEndFor('2023-06-15', '1231'), '2023-12-31');
    assert.equal(fiscalYearEndFor('2023-01-28', '0131'), '2023-01-31');
    assert.equal(fiscalYearEndFor('2023-02-02', '0131'), '2023-01-31');
    assert.equal(fiscalYearEndFor('2023-02-15', '0229'), '2023-02-28');
    assert.equal(fiscalYearEndFor('2024-02-15', '0229'), '2024-02-29');
    assert.equal(fiscalYearEndFor('2023-02-15', 'Dec'), null);
  });
});

describe('holdings history across filings', () => {
  /** A later Form 4 of the same owner with one sale of `shares` leaving `after`. */
  function laterSale(shares: number, after: number, filed = '2023-06-20') {
    const { record, source } = amd();
    const sale = structuredClone(row(record, 2));
    Object.assign(sale, { transactionDate: '2023-06-15', shares, sharesOwnedFollowingTransaction: after });
    record.nonDerivativeTransactions = [sale];
    record.derivativeTransactions = [];
    record.periodOfReport = '2023-06-15';
    source.filingDate = filed;
    return { record, source };
  }

  test('a sale that continues from the previous filing\'s balance is not flagged', () => {
    assert.deepEqual(checkHoldingsHistory([{ key: 'A', ...amd() }, { key: 'B', ...laterSale(1000, 3161070) }]), []);
  });

  test('a break is reported as info on the later filing, with both numbers and what may explain it', () => {
    const found = checkHoldingsHistory([{ key: 'A', ...amd() }, { key: 'B', ...laterSale(1000, 3000000) }]);
    assert.equal(found.length, 1);
    assert.equal(found[0]?.key, 'B');
    assert.equal(found[0]?.issue.code, 'CHECK_HISTORY_BREAK');
    assert.equal(found[0]?.issue.severity, 'info');
    assert.deepEqual(found[0]?.issue.path, ['nonDerivativeTransactions', 0, 'sharesOwnedFollowingTransaction']);
    assert.match(found[0]?.issue.message ?? '', /3162070.*3161070.*3000000/);
    assert.match(found[0]?.issue.message ?? '', /split/);
  });

  test('filings are taken in filing order whatever order they are given in', () => {
    const found = checkHoldingsHistory([{ key: 'B', ...laterSale(1000, 3000000) }, { key: 'A', ...amd() }]);
    assert.deepEqual(found.map((f) => f.key), ['B']);
  });

  test('a Form 3\'s holdings are the baseline of the chain', () => {
    const form3 = amd();
    Object.assign(form3.record, { documentType: '3', nonDerivativeTransactions: [], derivativeTransactions: [], periodOfReport: '2023-06-01' });
    form3.record.nonDerivativeHoldings = [
      { securityTitle: 'Common Stock', transactionFormType: null, sharesOwnedFollowingTransaction: 3163070, valueOwnedFollowingTransaction: null, directOrIndirectOwnership: 'D', natureOfOwnership: null, footnotes: {} },
    ];
    form3.source.filingDate = '2023-06-05';
    assert.deepEqual(checkHoldingsHistory([{ key: '3', ...form3 }, { key: 'B', ...laterSale(1000, 3162070) }]), []);
    const found = checkHoldingsHistory([{ key: '3', ...form3 }, { key: 'B', ...laterSale(1000, 3161070) }]);
    assert.deepEqual(found.map((f) => [f.key, f.issue.code]), [['B', 'CHECK_HISTORY_BREAK']]);
  });

  test('a transaction dated before the known balance, and an amendment, are not checked', () => {
    const early = laterSale(1000, 3000000);
    const sale = early.record.nonDerivativeTransactions[0];
    assert.ok(sale);
    sale.transactionDate = '2023-06-01';
    assert.deepEqual(checkHoldingsHistory([{ key: 'A', ...amd() }, { key: 'B', ...early }]), []);
    const amendment = laterSale(1000, 3000000);
    amendment.record.documentType = '4/A';
    assert.deepEqual(checkHoldingsHistory([{ key: 'A', ...amd() }, { key: 'B', ...amendment }]), []);
  });
});
