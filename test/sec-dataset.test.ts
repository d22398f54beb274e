import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from '../src/index.ts';
import {
  DATASET_TABLES,
  FOOTNOTE_COLUMNS,
  NOT_CARRIED,
  TABLE_NAMES,
  concatDatasetRows,
  datasetDate,
  datasetNumber,
  fromDatasetRows,
  readTsv,
  recordDate,
  toDatasetRows,
  writeTsv,
  type DatasetInput,
  type DatasetRows,
  type TableName,
} from '../src/dataset/sec-dataset.ts';
import type { OwnershipRecord, Source } from '../src/record/schema.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = join(root, 'test/fixtures/dataset');
const read = (path: string) => readFileSync(path, 'utf8');

/** Writes every table to TSV text and reads it back, as a user of the files would. */
function throughFiles(tables: DatasetRows): DatasetInput {
  const out: DatasetInput = {};
  for (const t of TABLE_NAMES) {
    const parsed = readTsv(writeTsv(DATASET_TABLES[t], tables[t]));
    assert.deepEqual(parsed.errors, []);
    out[t] = parsed.rows;
  }
  return out;
}

function exported(record: OwnershipRecord, source: Pick<Source, 'accessionNumber' | 'filingDate'>): DatasetRows {
  const result = toDatasetRows(record, source);
  assert.ok(result.ok, 'toDatasetRows failed');
  return result.tables;
}

// --- (a) record → tables → record ------------------------------------------------

const NUMBER_FIELDS = new Set([
  'shares', 'totalValue', 'pricePerShare', 'sharesOwnedFollowingTransaction', 'valueOwnedFollowingTransaction',
  'conversionOrExercisePrice', 'underlyingSecurityShares', 'underlyingSecurityValue',
]);

const round2 = (n: number | null) => (n === null ? null : Number(datasetNumber(n)));

const TABLE_OF = {
  nonDerivativeTransactions: 'NONDERIV_TRANS',
  nonDerivativeHoldings: 'NONDERIV_HOLDING',
  derivativeTransactions: 'DERIV_TRANS',
  derivativeHoldings: 'DERIV_HOLDING',
} as const;

/**
 * The record as the data set gives it back: the original with exactly the changes that
 * NOT_CARRIED lists, one function per entry (the type makes the two lists the same).
 */
const LOSSES: Record<(typeof NOT_CARRIED)[number]['field'], (r: OwnershipRecord) => void> = {
  schemaVersion: (r) => void (r.schemaVersion = null),
  aff10b5One: (r) => void (r.aff10b5One = null),
  'issuer.foreignTradingSymbol': (r) => void (r.issuer.foreignTradingSymbol = null),
  'reportingOwners.*.address.country': (r) => r.reportingOwners.forEach((o) => o.address && (o.address.country = null)),
  'reportingOwners.*.address.nonUSStateTerritory': (r) =>
    r.reportingOwners.forEach((o) => o.address && (o.address.nonUSStateTerritory = null)),
  'reportingOwners.*.address.nonUSAddress': (r) =>
    r.reportingOwners.forEach((o) => o.address && (o.address.nonUSAddress = null)),
  'reportingOwners.*.relationship.{isDirector,isOfficer,isTenPercentOwner,isOther}': (r) => {
    for (const o of r.reportingOwners) {
      const rel = o.relationship;
      if (!rel) continue;
      const anyRole = rel.isDirector || rel.isOfficer || rel.isTenPercentOwner || rel.isOther;
      if (!anyRole && rel.officerTitle === null && rel.otherText === null) o.relationship = null;
      else {
        rel.isDirector = rel.isDirector === true;
        rel.isOfficer = rel.isOfficer === true;
        rel.isTenPercentOwner = rel.isTenPercentOwner === true;
        rel.isOther = rel.isOther === true;
      }
    }
  },
  'nonDerivativeTransactions.*.totalValue': (r) => r.nonDerivativeTransactions.forEach((t) => (t.totalValue = null)),
  'footnotes of a field with no *_FN column': (r) => {
    for (const [list, table] of Object.entries(TABLE_OF) as [keyof typeof TABLE_OF, keyof typeof FOOTNOTE_COLUMNS][]) {
      for (const row of r[list]) {
        for (const field of Object.keys(row.footnotes)) if (!(field in FOOTNOTE_COLUMNS[table])) delete row.footnotes[field];
      }
    }
  },
  'every amount (shares, prices, values)': (r) => {
    for (const list of Object.keys(TABLE_OF) as (keyof typeof TABLE_OF)[]) {
      for (const row of r[list] as unknown as Record<string, number | null>[]) {
        for (const field of Object.keys(row)) if (NUMBER_FIELDS.has(field)) row[field] = round2(row[field] ?? null);
      }
    }
  },
  noSecuritiesOwned: (r) => {
    const form3 = r.documentType === '3' || r.documentType === '3/A';
    const rows = r.nonDerivativeTransactions.length + r.nonDerivativeHoldings.length +
      r.derivativeTransactions.length + r.derivativeHoldings.length;
    r.noSecuritiesOwned = form3 ? (r.noSecuritiesOwned ?? rows === 0) : null;
  },
  form3HoldingsReported: (r) => {
    const form5 = r.documentType === '5' || r.documentType === '5/A';
    const derived = [...r.nonDerivativeHoldings, ...r.derivativeHoldings].some((h) => h.transactionFormType === '3');
    r.form3HoldingsReported = form5 ? (r.form3HoldingsReported ?? derived) : null;
  },
  form4TransactionsReported: (r) => {
    const form5 = r.documentType === '5' || r.documentType === '5/A';
    const derived = [...r.nonDerivativeTransactions, ...r.derivativeTransactions].some((t) => t.transactionFormType === '4');
    r.form4TransactionsReported = form5 ? (r.form4TransactionsReported ?? derived) : null;
  },
};

function carriedView(record: OwnershipRecord): OwnershipRecord {
  const copy = structuredClone(record);
  for (const { field } of NOT_CARRIED) LOSSES[field](copy);
  return copy;
}

/** Dotted paths where two values differ, indices shown as `*`. */
function differingFields(a: unknown, b: unknown, path = '', out = new Set<string>()): Set<string> {
  if (a === b) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const p = /^\d+$/.test(k) ? '*' : k;
      differingFields((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${p}` : p, out);
    }
  } else out.add(path);
  return out;
}

const roundTripFixtures = [
  ...readdirSync(join(root, 'test/fixtures/cli')).filter((f) => f.endsWith('.txt')).map((f) => join(root, 'test/fixtures/cli', f)),
  ...readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => join(dir, f)),
];

describe('record → SEC data set tables → record', () => {
  test('there are real submissions to round-trip: Forms 3, 4 and 5, many owners, many footnotes', () => {
    assert.ok(roundTripFixtures.length >= 7);
    const records = roundTripFixtures.map((f) => parse(readFileSync(f), { fileName: f }).record);
    const types = new Set(records.map((r) => r?.documentType));
    for (const t of ['3', '4', '5']) assert.ok(types.has(t), `a Form ${t}`);
    assert.ok(records.some((r) => (r?.reportingOwners.length ?? 0) >= 8), 'a filing with 8+ owners');
    assert.ok(records.some((r) => (r?.footnotes.length ?? 0) >= 20), 'a filing with 20+ footnotes');
    assert.ok(records.some((r) => r && r.derivativeTransactions.length > 0 && r.nonDerivativeTransactions.length > 0));
    assert.ok(records.some((r) => r && r.derivativeHoldings.length > 0 && r.nonDerivativeHoldings.length > 0));
  });

  for (const file of roundTripFixtures) {
    const name = file.slice(root.length);
    test(`${name} comes back with every field the data set carries, and only NOT_CARRIED differs`, () => {
      const parsed = parse(readFileSync(file), { fileName: file });
      assert.ok(parsed.record);
      const [filing, ...more] = fromDatasetRows(throughFiles(exported(parsed.record, parsed.source)));
      assert.equal(more.length, 0);
      assert.ok(filing);
      assert.deepEqual(filing.issues, []);
      assert.equal(filing.accessionNumber, parsed.source.accessionNumber);
      assert.equal(filing.source.filingDate, parsed.source.filingDate);
      assert.equal(filing.source.formType, parsed.record.documentType);
      assert.deepEqual(filing.record, carriedView(parsed.record));
    });
  }

  test('each field NOT_CARRIED lists really is lost when a record has it', () => {
    const parsed = parse(readFileSync(join(dir, 'form4-eight-owners-coding-footnotes.txt')));
    const record = structuredClone(parsed.record as OwnershipRecord);
    record.issuer.foreignTradingSymbol = 'XYZ.L';
    const owner = record.reportingOwners[0];
    assert.ok(owner?.address && owner.relationship);
    Object.assign(owner.address, { country: 'CA', nonUSStateTerritory: 'Ontario', nonUSAddress: true });
    const t = record.nonDerivativeTransactions[0];
    assert.ok(t);
    t.totalValue = 1234.5;
    t.footnotes.totalValue = ['F1'];
    t.shares = 10.125;
    const [filing] = fromDatasetRows(throughFiles(exported(record, parsed.source)));
    assert.ok(filing);
    const lost = differingFields(record, filing.record);
    assert.deepEqual([...lost].sort(), [
      'aff10b5One',
      'issuer.foreignTradingSymbol',
      'nonDerivativeTransactions.*.footnotes.totalValue',
      'nonDerivativeTransactions.*.pricePerShare', // 8.177 → 8.18
      'nonDerivativeTransactions.*.shares', // 10.125 → 10.13
      'nonDerivativeTransactions.*.totalValue',
      'reportingOwners.*.address.country',
      'reportingOwners.*.address.nonUSAddress',
      'reportingOwners.*.address.nonUSStateTerritory',
      'reportingOwners.*.relationship.isDirector', // null in the XML → false
      'reportingOwners.*.relationship.isOfficer',
      'reportingOwners.*.relationship.isOther',
      'schemaVersion',
    ]);
    assert.equal(filing.record.nonDerivativeTransactions[0]?.shares, 10.13);
    assert.deepEqual(filing.record, carriedView(record));
  });

  test('a re-export is byte-identical, surrogate keys included', () => {
    const parsed = parse(readFileSync(join(dir, 'form4-22-footnotes-derivative-holdings.txt')));
    assert.ok(parsed.record);
    const text = (tables: DatasetRows) => TABLE_NAMES.map((t) => writeTsv(DATASET_TABLES[t], tables[t])).join('');
    const first = exported(parsed.record, parsed.source);
    assert.equal(text(exported(parsed.record, parsed.source)), text(first));
    assert.deepEqual(first.DERIV_HOLDING.map((r) => r.DERIV_HOLDING_SK), ['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const [filing] = fromDatasetRows(throughFiles(first));
    assert.ok(filing);
    assert.equal(text(exported(filing.record, filing.source)), text(first));
  });

  test('several filings share one set of tables and come back apart, keyed by accession number', () => {
    const files = ['form3-no-securities-owned.txt', 'form5-transaction-and-holdings.txt'].map((f) => join(dir, f));
    const parsed = files.map((f) => parse(readFileSync(f)));
    const tables = concatDatasetRows(parsed.map((p) => exported(p.record as OwnershipRecord, p.source)));
    const filings = fromDatasetRows(throughFiles(tables));
    assert.deepEqual(filings.map((f) => f.accessionNumber), parsed.map((p) => p.source.accessionNumber));
    filings.forEach((f, i) => assert.deepEqual(f.record, carriedView(parsed[i]?.record as OwnershipRecord)));
    assert.equal(tables.SUBMISSION[0]?.NO_SECURITIES_OWNED, '1');
    assert.equal(tables.SUBMISSION[1]?.NO_SECURITIES_OWNED, '');
  });

  test('a record without an accession number gives an error value, not an exception', () => {
    const parsed = parse(readFileSync(join(dir, '2024q3-0001062993-24-016335.xml')));
    assert.ok(parsed.record);
    assert.equal(parsed.source.accessionNumber, null);
    const result = toDatasetRows(parsed.record, parsed.source);
    assert.equal(result.ok, false);
    assert.ok(!result.ok && result.error.code === 'DATASET_NO_ACCESSION_NUMBER');
  });

  test('footnotes go to the SEC columns of the value they qualify, the coding footnote to EQUITY_SWAP_TRANS_CD_FN', () => {
    const parsed = parse(readFileSync(join(dir, 'form4-eight-owners-coding-footnotes.txt')));
    assert.ok(parsed.record);
    const tables = exported(parsed.record, parsed.source);
    parsed.record.derivativeTransactions.forEach((t, i) => {
      const row = tables.DERIV_TRANS[i];
      assert.ok(row);
      assert.equal(row.EQUITY_SWAP_TRANS_CD_FN, (t.footnotes.transactionCode ?? []).join(', '));
      assert.equal(row.EXCERCISE_DATE_FN, (t.footnotes.exerciseDate ?? []).join(', '));
    });
    assert.ok(tables.NONDERIV_TRANS.some((r) => r.EQUITY_SWAP_TRANS_CD_FN !== ''), 'the fixture has a coding footnote');
  });
});

describe('SEC value formats', () => {
  test('dates are DD-MON-YYYY with the month in capitals', () => {
    assert.equal(datasetDate('2024-09-30'), '30-SEP-2024');
    assert.equal(datasetDate('2024-01-05'), '05-JAN-2024');
    assert.equal(datasetDate(null), '');
    assert.equal(recordDate('30-SEP-2024'), '2024-09-30');
    assert.equal(recordDate(''), null);
    assert.equal(recordDate('2024-09-30'), undefined);
  });

  test('amounts are rounded to two decimals on their digits and keep one decimal at least', () => {
    const cases: [number | null, string][] = [
      [15905, '15905.0'], [0, '0.0'], [224.048, '224.05'], [15258.76, '15258.76'], [36.8567, '36.86'],
      [1.005, '1.01'], [0.125, '0.13'], [4.03, '4.03'], [0.4, '0.4'], [3411495500, '3411495500.0'],
      [0.0000001, '0.0'], [0.995, '1.0'], [null, ''],
    ];
    for (const [n, text] of cases) assert.equal(datasetNumber(n), text, String(n));
  });
});

describe('TSV files as the SEC writes them', () => {
  test('a cell holding a quote is wrapped in quotes with the quote doubled; commas and spaces are not', () => {
    const text = writeTsv(['A', 'B', 'C'], [{ A: 'Block, Inc.', B: 'the ""group""'.replaceAll('""', '"'), C: '' }]);
    assert.equal(text, 'A\tB\tC\nBlock, Inc.\t"the ""group"""\t\n');
    assert.deepEqual(readTsv(text).rows, [{ A: 'Block, Inc.', B: 'the "group"', C: '' }]);
  });

  test('tabs and line breaks inside a cell survive a write and a read', () => {
    const rows = [{ A: 'line one\nline two', B: 'a\tb', C: 'x' }];
    const parsed = readTsv(writeTsv(['A', 'B', 'C'], rows));
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.rows, rows);
  });

  test('a line with the wrong number of cells and an unclosed quote are reported, not thrown', () => {
    const parsed = readTsv('A\tB\nx\ny\tz\t!\n"open\tq\n');
    assert.deepEqual(parsed.errors.map((e) => [e.code, e.line]), [
      ['TSV_FIELD_COUNT', 2],
      ['TSV_FIELD_COUNT', 3],
      ['TSV_UNTERMINATED_QUOTE', 4],
      ['TSV_FIELD_COUNT', 4],
    ]);
    assert.deepEqual(parsed.rows[0], { A: 'x', B: '' });
  });

  for (const t of ['SUBMISSION', 'NONDERIV_HOLDING', 'DERIV_TRANS', 'DERIV_HOLDING', 'OWNER_SIGNATURE'] as const) {
    test(`${t}.tsv of 2024 Q3 reads with the columns of DATASET_TABLES and writes back byte for byte`, () => {
      const text = read(join(dir, `2024q3-${t}.tsv`));
      const parsed = readTsv(text);
      assert.deepEqual(parsed.errors, []);
      assert.deepEqual(parsed.columns, [...DATASET_TABLES[t]]);
      assert.equal(writeTsv(parsed.columns, parsed.rows), text);
    });
  }
});

// --- (b) the SEC's own rows → records → rows -------------------------------------

const GIVEN = ['SUBMISSION', 'NONDERIV_HOLDING', 'DERIV_TRANS', 'DERIV_HOLDING', 'OWNER_SIGNATURE'] as const;
const sec: DatasetInput = Object.fromEntries(GIVEN.map((t) => [t, readTsv(read(join(dir, `2024q3-${t}.tsv`))).rows]));

const SK: Partial<Record<TableName, string>> = {
  NONDERIV_TRANS: 'NONDERIV_TRANS_SK',
  NONDERIV_HOLDING: 'NONDERIV_HOLDING_SK',
  DERIV_TRANS: 'DERIV_TRANS_SK',
  DERIV_HOLDING: 'DERIV_HOLDING_SK',
};

/**
 * The SEC's rows of one filing and table as our export writes them: in key order with
 * keys 1, 2, ... and false/true written 0/1 (the NOT_REPRODUCED list). Counts what it changed.
 */
function expectedText(table: (typeof GIVEN)[number], accession: string, changed: { spelling: number }): string {
  const rows = (sec[table] ?? []).filter((r) => r.ACCESSION_NUMBER === accession).map((r) => ({ ...r }));
  const key = SK[table];
  if (key) {
    rows.sort((a, b) => Number(a[key]) - Number(b[key]));
    rows.forEach((r, i) => (r[key] = String(i + 1)));
  }
  for (const r of rows) {
    for (const c of ['NOT_SUBJECT_SEC16', 'EQUITY_SWAP_INVOLVED']) {
      const v = r[c];
      if (v === 'true' || v === 'false') {
        r[c] = v === 'true' ? '1' : '0';
        changed.spelling++;
      }
    }
  }
  return writeTsv(DATASET_TABLES[table], rows as Record<string, string>[]);
}

describe('the SEC 2024 Q3 rows ↔ records', () => {
  const filings = fromDatasetRows(sec);
  const byAccession = new Map(filings.map((f) => [f.accessionNumber, f]));
  const filing = (accession: string) => {
    const f = byAccession.get(accession);
    assert.ok(f, accession);
    return f;
  };

  test('every accession of SUBMISSION gives one record, in file order, with no issue', () => {
    assert.deepEqual(filings.map((f) => f.accessionNumber), (sec.SUBMISSION ?? []).map((r) => r.ACCESSION_NUMBER));
    for (const f of filings) assert.deepEqual(f.issues, [], f.accessionNumber);
  });

  test('Palantir 0001321655-24-000181: remarks unquoted, holdings in key order with their footnotes', () => {
    const { record, source } = filing('0001321655-24-000181');
    assert.equal(source.filingDate, '2024-09-26');
    assert.equal(record.periodOfReport, '2024-09-24');
    assert.equal(record.documentType, '4');
    assert.equal(record.notSubjectToSection16, false);
    assert.equal(record.noSecuritiesOwned, null);
    assert.deepEqual(record.issuer, { cik: '0001321655', name: 'Palantir Technologies Inc.', tradingSymbol: 'PLTR', foreignTradingSymbol: null });
    assert.match(record.remarks ?? '', /under the heading "Security Ownership Of Certain Beneficial Owners And Management," as well/);
    assert.deepEqual(record.nonDerivativeHoldings.map((h) => [h.sharesOwnedFollowingTransaction, h.footnotes]), [
      [15733625, { sharesOwnedFollowingTransaction: ['F7'], natureOfOwnership: ['F8'] }],
      [20823993, { sharesOwnedFollowingTransaction: ['F7'], natureOfOwnership: ['F9'] }],
      [53487, { sharesOwnedFollowingTransaction: ['F7'], natureOfOwnership: ['F10'] }],
    ]);
    assert.deepEqual(record.signatures, [{ name: '/s/ Justin V. Laubach, under power of attorney', date: '2024-09-26' }]);
    assert.deepEqual(record.reportingOwners, []); // REPORTINGOWNER is not among the five tables given
  });

  test('Microsoft 0001062993-24-016335: an RSU grant with footnotes on values the filing leaves empty', () => {
    const t = filing('0001062993-24-016335').record.derivativeTransactions;
    assert.equal(t.length, 1);
    assert.deepEqual(t[0], {
      securityTitle: 'Restricted Stock Units',
      conversionOrExercisePrice: null,
      transactionDate: '2024-09-06',
      deemedExecutionDate: null,
      transactionFormType: '4',
      transactionCode: 'A',
      equitySwapInvolved: false,
      transactionTimeliness: null,
      shares: 224.05, // the XML says 224.048
      totalValue: null,
      pricePerShare: 0,
      acquiredDisposedCode: 'A',
      exerciseDate: null,
      expirationDate: null,
      underlyingSecurityTitle: 'Common Stock',
      underlyingSecurityShares: 224.05,
      underlyingSecurityValue: null,
      sharesOwnedFollowingTransaction: 15258.76,
      valueOwnedFollowingTransaction: null,
      directOrIndirectOwnership: 'D',
      natureOfOwnership: null,
      footnotes: { conversionOrExercisePrice: ['F1'], exerciseDate: ['F2'], expirationDate: ['F2'] },
    });
  });

  test('Kodiak 0000950170-24-080612: false spelled out, seven footnotes on one value kept in their order', () => {
    const { record } = filing('0000950170-24-080612');
    assert.equal(record.notSubjectToSection16, false);
    const [first, second] = record.derivativeTransactions;
    assert.equal(first?.equitySwapInvolved, false);
    assert.equal(first?.conversionOrExercisePrice, 2.35);
    assert.equal(first?.expirationDate, '2034-06-27');
    assert.deepEqual(first?.footnotes.natureOfOwnership, ['F3', 'F2', 'F6', 'F7', 'F5', 'F4', 'F8']);
    assert.deepEqual(second?.footnotes.natureOfOwnership, ['F2', 'F6', 'F7', 'F5', 'F9', 'F4', 'F8']);
    assert.deepEqual(first?.footnotes.shares, ['F1']);
    assert.equal(record.signatures.length, 6);
  });

  test('Wheeler 0001213900-24-073785: a convertible note bought for a total value, ten derivative holdings', () => {
    const { record } = filing('0001213900-24-073785');
    const [t] = record.derivativeTransactions;
    assert.equal(t?.totalValue, 75000);
    assert.equal(t?.pricePerShare, 195210.6);
    assert.equal(t?.shares, null);
    assert.deepEqual(t?.footnotes.underlyingSecurityShares, ['F6', 'F5']);
    assert.equal(record.derivativeHoldings.length, 10);
    // DERIV_HOLDING_SK 1668782 is the first holding of the document, though not of the file
    assert.equal(record.derivativeHoldings[0]?.underlyingSecurityShares, 4539001);
    assert.equal(record.derivativeHoldings[0]?.valueOwnedFollowingTransaction, 18302425);
    assert.equal(record.derivativeHoldings[3]?.conversionOrExercisePrice, 20352);
    assert.equal(record.derivativeHoldings[3]?.sharesOwnedFollowingTransaction, 405);
    assert.equal(record.derivativeHoldings[6]?.underlyingSecurityShares, 0); // 0.0 stays a zero, not null
  });

  test('Vacasa 0000902664-24-005047: a Form 3 with securities and a quoted security title', () => {
    const { record } = filing('0000902664-24-005047');
    assert.equal(record.documentType, '3');
    assert.equal(record.noSecuritiesOwned, false);
    assert.equal(record.notSubjectToSection16, null);
    const [notes, option] = record.derivativeHoldings;
    assert.equal(notes?.securityTitle, 'Senior Secured Convertible Notes ("Notes")');
    assert.equal(notes?.exerciseDate, null);
    assert.deepEqual(notes?.footnotes.exerciseDate, ['F7']);
    assert.equal(option?.underlyingSecurityTitle, 'Notes');
    assert.deepEqual(option?.footnotes.conversionOrExercisePrice, ['F8', 'F7']);
  });

  test('Healthcare Integrated Technologies 0001493152-24-030500: a Form 5 with its EDGAR flags and Form 3 holdings', () => {
    const { record } = filing('0001493152-24-030500');
    assert.equal(record.documentType, '5');
    assert.equal(record.form3HoldingsReported, true);
    assert.equal(record.form4TransactionsReported, true);
    assert.deepEqual(record.derivativeHoldings.map((h) => [h.transactionFormType, h.exerciseDate, h.conversionOrExercisePrice]), [
      ['3', '2020-09-01', 0.4],
      ['3', '2021-09-01', 0.4],
      ['3', '2022-09-01', 0.4],
      ['3', '2023-09-01', 0.4],
    ]);
  });

  test('written back, every filing reproduces the SEC rows byte for byte except the NOT_REPRODUCED cells', () => {
    const changed = { spelling: 0 };
    for (const f of filings) {
      const tables = exported(f.record, f.source);
      for (const t of GIVEN) {
        assert.equal(writeTsv(DATASET_TABLES[t], tables[t]), expectedText(t, f.accessionNumber, changed), `${f.accessionNumber} ${t}`);
      }
    }
    // Kodiak writes NOT_SUBJECT_SEC16 and both EQUITY_SWAP_INVOLVED as false: the only spelling changed.
    assert.equal(changed.spelling, 3);
  });

  const xmlBacked = ['0001321655-24-000181', '0001062993-24-016335', '0001628280-24-031146'];
  for (const accession of xmlBacked) {
    test(`the XML of ${accession} exports to the SEC's own rows for it`, () => {
      const submission = (sec.SUBMISSION ?? []).find((r) => r.ACCESSION_NUMBER === accession);
      assert.ok(submission);
      const parsed = parse(readFileSync(join(dir, `2024q3-${accession}.xml`)));
      assert.ok(parsed.record);
      // A bare XML document has no header: the accession number and filing date come from SUBMISSION.
      const source = { accessionNumber: accession, filingDate: recordDate(submission.FILING_DATE ?? '') ?? null };
      const tables = exported(parsed.record, source);
      const changed = { spelling: 0 };
      for (const t of GIVEN) {
        assert.equal(writeTsv(DATASET_TABLES[t], tables[t]), expectedText(t, accession, changed), `${accession} ${t}`);
      }
      assert.equal(changed.spelling, 0);
    });
  }
});
