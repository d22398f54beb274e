// The SEC's "Insider Transactions Data Sets" (Form 345, eight tab-separated tables per
// quarter) mapped to and from the canonical record, as pure functions: no I/O, no throws.
import { makeIssue } from '../record/issues.ts';
import type {
  DerivativeHolding,
  DerivativeTransaction,
  FootnoteMap,
  Issue,
  NonDerivativeHolding,
  NonDerivativeTransaction,
  OwnershipRecord,
  ReportingOwner,
  Source,
} from '../record/schema.ts';

export { readTsv, writeTsv, type TsvError, type TsvTable } from './tsv.ts';

/**
 * The columns of each table in the SEC's order. Where the readme, the metadata JSON
 * and the published files disagree, the files win: SUBMISSION has 13 columns (the
 * metadata's four CONTACT_* / NOTIFICATION_* columns are not in the files) and spells
 * FORM3_HOLDINGS_REPORTED (the readme: FORM3_HOLDING_REPORTED); the transaction
 * tables name the coding footnote EQUITY_SWAP_TRANS_CD_FN (the metadata:
 * EQUITY_SWAP_INVOLVED_FN); DERIV_TRANS spells EXCERCISE_DATE, DERIV_HOLDING
 * EXERCISE_DATE. REPORTINGOWNER, NONDERIV_TRANS and FOOTNOTES follow the readme,
 * which agrees with the metadata for them.
 */
export const DATASET_TABLES = {
  SUBMISSION: [
    'ACCESSION_NUMBER', 'FILING_DATE', 'PERIOD_OF_REPORT', 'DATE_OF_ORIG_SUB', 'NO_SECURITIES_OWNED',
    'NOT_SUBJECT_SEC16', 'FORM3_HOLDINGS_REPORTED', 'FORM4_TRANS_REPORTED', 'DOCUMENT_TYPE', 'ISSUERCIK',
    'ISSUERNAME', 'ISSUERTRADINGSYMBOL', 'REMARKS',
  ],
  REPORTINGOWNER: [
    'ACCESSION_NUMBER', 'RPTOWNERCIK', 'RPTOWNERNAME', 'RPTOWNER_RELATIONSHIP', 'RPTOWNER_TITLE', 'RPTOWNER_TXT',
    'RPTOWNER_STREET1', 'RPTOWNER_STREET2', 'RPTOWNER_CITY', 'RPTOWNER_STATE', 'RPTOWNER_ZIPCODE',
    'RPTOWNER_STATE_DESC', 'FILE_NUMBER',
  ],
  NONDERIV_TRANS: [
    'ACCESSION_NUMBER', 'NONDERIV_TRANS_SK', 'SECURITY_TITLE', 'SECURITY_TITLE_FN', 'TRANS_DATE', 'TRANS_DATE_FN',
    'DEEMED_EXECUTION_DATE', 'DEEMED_EXECUTION_DATE_FN', 'TRANS_FORM_TYPE', 'TRANS_CODE', 'EQUITY_SWAP_INVOLVED',
    'EQUITY_SWAP_TRANS_CD_FN', 'TRANS_TIMELINESS', 'TRANS_TIMELINESS_FN', 'TRANS_SHARES', 'TRANS_SHARES_FN',
    'TRANS_PRICEPERSHARE', 'TRANS_PRICEPERSHARE_FN', 'TRANS_ACQUIRED_DISP_CD', 'TRANS_ACQUIRED_DISP_CD_FN',
    'SHRS_OWND_FOLWNG_TRANS', 'SHRS_OWND_FOLWNG_TRANS_FN', 'VALU_OWND_FOLWNG_TRANS', 'VALU_OWND_FOLWNG_TRANS_FN',
    'DIRECT_INDIRECT_OWNERSHIP', 'DIRECT_INDIRECT_OWNERSHIP_FN', 'NATURE_OF_OWNERSHIP', 'NATURE_OF_OWNERSHIP_FN',
  ],
  NONDERIV_HOLDING: [
    'ACCESSION_NUMBER', 'NONDERIV_HOLDING_SK', 'SECURITY_TITLE', 'SECURITY_TITLE_FN', 'TRANS_FORM_TYPE',
    'TRANS_FORM_TYPE_FN', 'SHRS_OWND_FOLWNG_TRANS', 'SHRS_OWND_FOLWNG_TRANS_FN', 'VALU_OWND_FOLWNG_TRANS',
    'VALU_OWND_FOLWNG_TRANS_FN', 'DIRECT_INDIRECT_OWNERSHIP', 'DIRECT_INDIRECT_OWNERSHIP_FN', 'NATURE_OF_OWNERSHIP',
    'NATURE_OF_OWNERSHIP_FN',
  ],
  DERIV_TRANS: [
    'ACCESSION_NUMBER', 'DERIV_TRANS_SK', 'SECURITY_TITLE', 'SECURITY_TITLE_FN', 'CONV_EXERCISE_PRICE',
    'CONV_EXERCISE_PRICE_FN', 'TRANS_DATE', 'TRANS_DATE_FN', 'DEEMED_EXECUTION_DATE', 'DEEMED_EXECUTION_DATE_FN',
    'TRANS_FORM_TYPE', 'TRANS_CODE', 'EQUITY_SWAP_INVOLVED', 'EQUITY_SWAP_TRANS_CD_FN', 'TRANS_TIMELINESS',
    'TRANS_TIMELINESS_FN', 'TRANS_SHARES', 'TRANS_SHARES_FN', 'TRANS_TOTAL_VALUE', 'TRANS_TOTAL_VALUE_FN',
    'TRANS_PRICEPERSHARE', 'TRANS_PRICEPERSHARE_FN', 'TRANS_ACQUIRED_DISP_CD', 'TRANS_ACQUIRED_DISP_CD_FN',
    'EXCERCISE_DATE', 'EXCERCISE_DATE_FN', 'EXPIRATION_DATE', 'EXPIRATION_DATE_FN', 'UNDLYNG_SEC_TITLE',
    'UNDLYNG_SEC_TITLE_FN', 'UNDLYNG_SEC_SHARES', 'UNDLYNG_SEC_SHARES_FN', 'UNDLYNG_SEC_VALUE', 'UNDLYNG_SEC_VALUE_FN',
    'SHRS_OWND_FOLWNG_TRANS', 'SHRS_OWND_FOLWNG_TRANS_FN', 'VALU_OWND_FOLWNG_TRANS', 'VALU_OWND_FOLWNG_TRANS_FN',
    'DIRECT_INDIRECT_OWNERSHIP', 'DIRECT_INDIRECT_OWNERSHIP_FN', 'NATURE_OF_OWNERSHIP', 'NATURE_OF_OWNERSHIP_FN',
  ],
  DERIV_HOLDING: [
    'ACCESSION_NUMBER', 'DERIV_HOLDING_SK', 'SECURITY_TITLE', 'SECURITY_TITLE_FN', 'CONV_EXERCISE_PRICE',
    'CONV_EXERCISE_PRICE_FN', 'TRANS_FORM_TYPE', 'TRANS_FORM_TYPE_FN', 'EXERCISE_DATE', 'EXERCISE_DATE_FN',
    'EXPIRATION_DATE', 'EXPIRATION_DATE_FN', 'UNDLYNG_SEC_TITLE', 'UNDLYNG_SEC_TITLE_FN', 'UNDLYNG_SEC_SHARES',
    'UNDLYNG_SEC_SHARES_FN', 'UNDLYNG_SEC_VALUE', 'UNDLYNG_SEC_VALUE_FN', 'SHRS_OWND_FOLWNG_TRANS',
    'SHRS_OWND_FOLWNG_TRANS_FN', 'VALU_OWND_FOLWNG_TRANS', 'VALU_OWND_FOLWNG_TRANS_FN', 'DIRECT_INDIRECT_OWNERSHIP',
    'DIRECT_INDIRECT_OWNERSHIP_FN', 'NATURE_OF_OWNERSHIP', 'NATURE_OF_OWNERSHIP_FN',
  ],
  FOOTNOTES: ['ACCESSION_NUMBER', 'FOOTNOTE_ID', 'FOOTNOTE_TXT'],
  OWNER_SIGNATURE: ['ACCESSION_NUMBER', 'OWNERSIGNATURENAME', 'OWNERSIGNATUREDATE'],
} as const;

export type TableName = keyof typeof DATASET_TABLES;
export const TABLE_NAMES = Object.keys(DATASET_TABLES) as TableName[];
export type Column<T extends TableName> = (typeof DATASET_TABLES)[T][number];
/** One row of table T: every column, as the text the SEC's file holds ('' for empty). */
export type Row<T extends TableName> = Record<Column<T>, string>;
export type DatasetRows = { [T in TableName]: Row<T>[] };
/** Rows as read from files: any table may be missing, any column absent. */
export type DatasetInput = { [T in TableName]?: readonly Readonly<Record<string, string | undefined>>[] };

/**
 * What the data set cannot carry, in one place: a record written with toDatasetRows and
 * read back with fromDatasetRows differs from the original in exactly these fields
 * (`*` is any index; test/sec-dataset.test.ts holds the mapping to this list).
 */
export const NOT_CARRIED = [
  { field: 'schemaVersion', why: 'no column; null' },
  { field: 'aff10b5One', why: 'no column in the 2024 files; null (an AFF10B5ONE column, where a file has one, is read)' },
  { field: 'issuer.foreignTradingSymbol', why: 'no column; null' },
  { field: 'reportingOwners.*.address.country', why: 'no column; null' },
  { field: 'reportingOwners.*.address.nonUSStateTerritory', why: 'no column; null' },
  { field: 'reportingOwners.*.address.nonUSAddress', why: 'no column; null' },
  {
    field: 'reportingOwners.*.relationship.{isDirector,isOfficer,isTenPercentOwner,isOther}',
    why: 'RPTOWNER_RELATIONSHIP lists the roles held, so a flag the document leaves out (null) comes back false',
  },
  { field: 'nonDerivativeTransactions.*.totalValue', why: 'NONDERIV_TRANS has no TRANS_TOTAL_VALUE column; null' },
  {
    field: 'footnotes of a field with no *_FN column',
    why: 'lost; of the reader\'s keys only totalValue of a non-derivative transaction has none',
  },
  {
    field: 'every amount (shares, prices, values)',
    why: 'NUMBER(16,2): rounded half away from zero to two decimals (224.048 → 224.05)',
  },
  {
    field: 'noSecuritiesOwned',
    why: 'filled on Forms 3 and 3/A only: when the document gives none, EDGAR derives it (true when no row is reported)',
  },
  {
    field: 'form3HoldingsReported',
    why: 'filled on Forms 5 and 5/A only: when the document gives none, derived (true when a holding has form type 3)',
  },
  {
    field: 'form4TransactionsReported',
    why: 'filled on Forms 5 and 5/A only: when the document gives none, derived (true when a transaction has form type 4)',
  },
] as const;

/**
 * Text of the SEC's files that rows written from a record cannot reproduce, although
 * the value is the same (test/sec-dataset.test.ts compares everything else byte for byte).
 */
export const NOT_REPRODUCED = [
  {
    columns: ['NONDERIV_TRANS_SK', 'NONDERIV_HOLDING_SK', 'DERIV_TRANS_SK', 'DERIV_HOLDING_SK'],
    why: 'the SEC numbers rows from one global sequence (2232428, ...); ours are 1, 2, ... per filing, in the same order',
  },
  {
    columns: ['NOT_SUBJECT_SEC16', 'EQUITY_SWAP_INVOLVED'],
    why: 'the SEC copies the document\'s spelling, 0/1 or false/true; the record keeps a boolean, written 0/1',
  },
  { columns: ['FILE_NUMBER'], why: 'from the submission header, which the record does not keep; written empty' },
  {
    columns: [],
    why: 'row order in a file: the SEC writes a filing\'s rows in no fixed order (often by descending key); ours follow the document',
  },
] as const;

// ---------------------------------------------------------------------------
// Values: the SEC's text for dates, numbers and flags.

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;

/** `2024-09-30` → `30-SEP-2024`; null → ''. */
export function datasetDate(date: string | null): string {
  if (date === null) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${m[3]}-${month}-${m[1]}` : '';
}

/** `30-SEP-2024` → `2024-09-30`; '' → null; anything else → undefined (invalid). */
export function recordDate(text: string): string | null | undefined {
  if (text === '') return null;
  const m = /^(\d{2})-([A-Za-z]{3})-(\d{4})$/.exec(text);
  if (!m) return undefined;
  const month = MONTHS.indexOf((m[2] as string).toUpperCase() as (typeof MONTHS)[number]);
  return month < 0 ? undefined : `${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]}`;
}

/**
 * Amounts are NUMBER(16,2) in the readme and print like a float: two decimals at most,
 * trailing zeros dropped but one kept (`15905.0`, `224.05`, `0.0`; the XML of 2024 Q3
 * filings gives 15905, 224.048). Ties rounding away from zero is our assumption (the
 * files show no tie); it works on the decimal digits, so 1.005 gives 1.01.
 */
export function datasetNumber(n: number | null): string {
  if (n === null || !Number.isFinite(n)) return '';
  const [whole = '0', fraction = ''] = plainDecimal(Math.abs(n)).split('.');
  let cents = BigInt(whole + fraction.slice(0, 2).padEnd(2, '0'));
  if ((fraction[2] ?? '0') >= '5') cents += 1n;
  const digits = cents.toString().padStart(3, '0');
  const int = digits.slice(0, -2);
  const dec = digits.slice(-2).replace(/0$/, '');
  return (n < 0 && cents !== 0n ? '-' : '') + `${int}.${dec === '' ? '0' : dec}`;
}

/** A non-negative number as plain decimal digits, never in exponent notation. */
function plainDecimal(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  if (n >= 1) return BigInt(n).toString();
  return n.toFixed(20); // below 1e-6: far under a cent, only its first digits matter
}

const flagText = (b: boolean | null): string => (b === null ? '' : b ? '1' : '0');

/** Several footnote ids share one cell, as the SEC writes them: `F3, F1, F2` (document order). */
const footnoteCell = (ids: readonly string[] | undefined): string => (ids ? ids.join(', ') : '');

// ---------------------------------------------------------------------------
// record → tables

export type DatasetError = { code: 'DATASET_NO_ACCESSION_NUMBER'; message: string };
export type ToDatasetResult = { ok: true; tables: DatasetRows } | { ok: false; error: DatasetError };

/** The footnote columns of a row table: our record field → the SEC's *_FN column. */
type FnColumns = Record<string, string>;

const OWNERSHIP_FN: FnColumns = {
  sharesOwnedFollowingTransaction: 'SHRS_OWND_FOLWNG_TRANS_FN',
  valueOwnedFollowingTransaction: 'VALU_OWND_FOLWNG_TRANS_FN',
  directOrIndirectOwnership: 'DIRECT_INDIRECT_OWNERSHIP_FN',
  natureOfOwnership: 'NATURE_OF_OWNERSHIP_FN',
};
const TRANSACTION_FN: FnColumns = {
  transactionDate: 'TRANS_DATE_FN',
  deemedExecutionDate: 'DEEMED_EXECUTION_DATE_FN',
  // A <footnoteId> inside <transactionCoding> qualifies the code (our key transactionCode);
  // the SEC puts it in the equity-swap column, the only footnote column of the coding.
  transactionCode: 'EQUITY_SWAP_TRANS_CD_FN',
  transactionTimeliness: 'TRANS_TIMELINESS_FN',
  shares: 'TRANS_SHARES_FN',
  pricePerShare: 'TRANS_PRICEPERSHARE_FN',
  acquiredDisposedCode: 'TRANS_ACQUIRED_DISP_CD_FN',
};
const DERIVATIVE_FN: FnColumns = {
  conversionOrExercisePrice: 'CONV_EXERCISE_PRICE_FN',
  expirationDate: 'EXPIRATION_DATE_FN',
  underlyingSecurityTitle: 'UNDLYNG_SEC_TITLE_FN',
  underlyingSecurityShares: 'UNDLYNG_SEC_SHARES_FN',
  underlyingSecurityValue: 'UNDLYNG_SEC_VALUE_FN',
};

/** Footnote columns per row table, the one mapping both directions use. */
export const FOOTNOTE_COLUMNS = {
  NONDERIV_TRANS: { securityTitle: 'SECURITY_TITLE_FN', ...TRANSACTION_FN, ...OWNERSHIP_FN },
  NONDERIV_HOLDING: { securityTitle: 'SECURITY_TITLE_FN', transactionFormType: 'TRANS_FORM_TYPE_FN', ...OWNERSHIP_FN },
  DERIV_TRANS: {
    securityTitle: 'SECURITY_TITLE_FN', ...TRANSACTION_FN, totalValue: 'TRANS_TOTAL_VALUE_FN', ...DERIVATIVE_FN,
    exerciseDate: 'EXCERCISE_DATE_FN', ...OWNERSHIP_FN,
  },
  DERIV_HOLDING: {
    securityTitle: 'SECURITY_TITLE_FN', transactionFormType: 'TRANS_FORM_TYPE_FN', ...DERIVATIVE_FN,
    exerciseDate: 'EXERCISE_DATE_FN', ...OWNERSHIP_FN,
  },
} as const satisfies Record<string, FnColumns>;

type RowTable = keyof typeof FOOTNOTE_COLUMNS;

function footnoteCells(table: RowTable, footnotes: FootnoteMap): Record<string, string> {
  const cells: Record<string, string> = {};
  for (const [field, column] of Object.entries(FOOTNOTE_COLUMNS[table] as FnColumns)) {
    cells[column] = footnoteCell(footnotes[field]);
  }
  return cells;
}

function ownershipCells(r: NonDerivativeHolding) {
  return {
    SHRS_OWND_FOLWNG_TRANS: datasetNumber(r.sharesOwnedFollowingTransaction),
    VALU_OWND_FOLWNG_TRANS: datasetNumber(r.valueOwnedFollowingTransaction),
    DIRECT_INDIRECT_OWNERSHIP: r.directOrIndirectOwnership ?? '',
    NATURE_OF_OWNERSHIP: r.natureOfOwnership ?? '',
  };
}

function transactionCells(r: NonDerivativeTransaction) {
  return {
    TRANS_DATE: datasetDate(r.transactionDate),
    DEEMED_EXECUTION_DATE: datasetDate(r.deemedExecutionDate),
    TRANS_FORM_TYPE: r.transactionFormType ?? '',
    TRANS_CODE: r.transactionCode ?? '',
    EQUITY_SWAP_INVOLVED: flagText(r.equitySwapInvolved),
    TRANS_TIMELINESS: r.transactionTimeliness ?? '',
    TRANS_SHARES: datasetNumber(r.shares),
    TRANS_PRICEPERSHARE: datasetNumber(r.pricePerShare),
    TRANS_ACQUIRED_DISP_CD: r.acquiredDisposedCode ?? '',
  };
}

function derivativeCells(r: DerivativeHolding) {
  return {
    CONV_EXERCISE_PRICE: datasetNumber(r.conversionOrExercisePrice),
    EXPIRATION_DATE: datasetDate(r.expirationDate),
    UNDLYNG_SEC_TITLE: r.underlyingSecurityTitle ?? '',
    UNDLYNG_SEC_SHARES: datasetNumber(r.underlyingSecurityShares),
    UNDLYNG_SEC_VALUE: datasetNumber(r.underlyingSecurityValue),
  };
}

/** Orders a row's cells as the table's columns, so that every row prints the same way. */
function ordered<T extends TableName>(table: T, cells: Record<string, string>): Row<T> {
  const row = {} as Record<string, string>;
  for (const column of DATASET_TABLES[table]) row[column] = cells[column] ?? '';
  return row as Row<T>;
}

const RELATIONSHIP_ROLES = [
  ['isDirector', 'Director'],
  ['isOfficer', 'Officer'],
  ['isTenPercentOwner', 'TenPercentOwner'],
  ['isOther', 'Other'],
] as const;

function ownerRow(accession: string, owner: ReportingOwner): Row<'REPORTINGOWNER'> {
  const rel = owner.relationship;
  const a = owner.address;
  return ordered('REPORTINGOWNER', {
    ACCESSION_NUMBER: accession,
    RPTOWNERCIK: owner.cik ?? '',
    RPTOWNERNAME: owner.name ?? '',
    RPTOWNER_RELATIONSHIP: RELATIONSHIP_ROLES.filter(([flag]) => rel?.[flag] === true).map(([, role]) => role).join(','),
    RPTOWNER_TITLE: rel?.officerTitle ?? '',
    RPTOWNER_TXT: rel?.otherText ?? '',
    RPTOWNER_STREET1: a?.street1 ?? '',
    RPTOWNER_STREET2: a?.street2 ?? '',
    RPTOWNER_CITY: a?.city ?? '',
    RPTOWNER_STATE: a?.state ?? '',
    RPTOWNER_ZIPCODE: a?.zipCode ?? '',
    RPTOWNER_STATE_DESC: a?.stateDescription ?? '',
    FILE_NUMBER: '', // the SEC file number is in the submission header, which the record does not keep
  });
}

/**
 * The rows the SEC's data set would hold for one filing. Surrogate keys (*_SK) are the
 * row's 1-based place in its list, so that a re-export is byte-identical and the key
 * (ACCESSION_NUMBER, *_SK) is unique; the SEC's own keys are global sequence numbers
 * that cannot be reproduced. Needs the accession number, which only the submission
 * header (source) gives.
 */
export function toDatasetRows(record: OwnershipRecord, source: Pick<Source, 'accessionNumber' | 'filingDate'>): ToDatasetResult {
  const accession = source.accessionNumber?.trim() ?? '';
  if (accession === '') {
    return {
      ok: false,
      error: {
        code: 'DATASET_NO_ACCESSION_NUMBER',
        message:
          'The filing has no accession number (it is read from the header of a full EDGAR submission); ' +
          'every row of the data set is keyed by one.',
      },
    };
  }
  const form = record.documentType ?? '';
  const isForm3 = form === '3' || form === '3/A';
  const isForm5 = form === '5' || form === '5/A';
  const holdings = [...record.nonDerivativeHoldings, ...record.derivativeHoldings];
  const transactions = [...record.nonDerivativeTransactions, ...record.derivativeTransactions];
  const anyRow = holdings.length + transactions.length > 0;

  const submission = ordered('SUBMISSION', {
    ACCESSION_NUMBER: accession,
    FILING_DATE: datasetDate(source.filingDate),
    PERIOD_OF_REPORT: datasetDate(record.periodOfReport),
    DATE_OF_ORIG_SUB: datasetDate(record.dateOfOriginalSubmission),
    // EDGAR fills these three on Forms 3 (and 5) only, always 0 or 1, derived from the
    // tables (in the 2024 Q3 files every Form 3 has NO_SECURITIES_OWNED 1 exactly when it
    // reports no row). The document's own value is kept when it gives one, so that a
    // record read back from partial tables writes the same text again.
    NO_SECURITIES_OWNED: isForm3 ? flagText(record.noSecuritiesOwned ?? !anyRow) : '',
    NOT_SUBJECT_SEC16: flagText(record.notSubjectToSection16),
    FORM3_HOLDINGS_REPORTED: isForm5
      ? flagText(record.form3HoldingsReported ?? holdings.some((h) => h.transactionFormType === '3'))
      : '',
    FORM4_TRANS_REPORTED: isForm5
      ? flagText(record.form4TransactionsReported ?? transactions.some((t) => t.transactionFormType === '4'))
      : '',
    DOCUMENT_TYPE: form,
    ISSUERCIK: record.issuer.cik ?? '',
    ISSUERNAME: record.issuer.name ?? '',
    ISSUERTRADINGSYMBOL: record.issuer.tradingSymbol ?? '',
    REMARKS: record.remarks ?? '',
  });

  const sk = (i: number) => String(i + 1);
  const tables: DatasetRows = {
    SUBMISSION: [submission],
    REPORTINGOWNER: record.reportingOwners.map((o) => ownerRow(accession, o)),
    NONDERIV_TRANS: record.nonDerivativeTransactions.map((r, i) =>
      ordered('NONDERIV_TRANS', {
        ACCESSION_NUMBER: accession,
        NONDERIV_TRANS_SK: sk(i),
        SECURITY_TITLE: r.securityTitle ?? '',
        ...transactionCells(r),
        ...ownershipCells(r),
        ...footnoteCells('NONDERIV_TRANS', r.footnotes),
      }),
    ),
    NONDERIV_HOLDING: record.nonDerivativeHoldings.map((r, i) =>
      ordered('NONDERIV_HOLDING', {
        ACCESSION_NUMBER: accession,
        NONDERIV_HOLDING_SK: sk(i),
        SECURITY_TITLE: r.securityTitle ?? '',
        TRANS_FORM_TYPE: r.transactionFormType ?? '',
        ...ownershipCells(r),
        ...footnoteCells('NONDERIV_HOLDING', r.footnotes),
      }),
    ),
    DERIV_TRANS: record.derivativeTransactions.map((r, i) =>
      ordered('DERIV_TRANS', {
        ACCESSION_NUMBER: accession,
        DERIV_TRANS_SK: sk(i),
        SECURITY_TITLE: r.securityTitle ?? '',
        ...transactionCells(r),
        TRANS_TOTAL_VALUE: datasetNumber(r.totalValue),
        ...derivativeCells(r),
        EXCERCISE_DATE: datasetDate(r.exerciseDate),
        ...ownershipCells(r),
        ...footnoteCells('DERIV_TRANS', r.footnotes),
      }),
    ),
    DERIV_HOLDING: record.derivativeHoldings.map((r, i) =>
      ordered('DERIV_HOLDING', {
        ACCESSION_NUMBER: accession,
        DERIV_HOLDING_SK: sk(i),
        SECURITY_TITLE: r.securityTitle ?? '',
        TRANS_FORM_TYPE: r.transactionFormType ?? '',
        ...derivativeCells(r),
        EXERCISE_DATE: datasetDate(r.exerciseDate),
        ...ownershipCells(r),
        ...footnoteCells('DERIV_HOLDING', r.footnotes),
      }),
    ),
    FOOTNOTES: record.footnotes.map((f) =>
      ordered('FOOTNOTES', { ACCESSION_NUMBER: accession, FOOTNOTE_ID: f.id, FOOTNOTE_TXT: f.text ?? '' }),
    ),
    OWNER_SIGNATURE: record.signatures.map((s) =>
      ordered('OWNER_SIGNATURE', {
        ACCESSION_NUMBER: accession,
        OWNERSIGNATURENAME: s.name ?? '',
        OWNERSIGNATUREDATE: datasetDate(s.date),
      }),
    ),
  };
  return { ok: true, tables };
}

/** Joins the rows of several filings into one set of tables, in the order given. */
export function concatDatasetRows(parts: readonly DatasetRows[]): DatasetRows {
  const out = Object.fromEntries(TABLE_NAMES.map((t) => [t, [] as unknown[]])) as unknown as DatasetRows;
  for (const part of parts) for (const t of TABLE_NAMES) (out[t] as unknown[]).push(...part[t]);
  return out;
}

// ---------------------------------------------------------------------------
// tables → records

export type DatasetFiling = {
  accessionNumber: string;
  record: OwnershipRecord;
  /**
   * What the data set says of the submission (`format` 'dataset'). The header facts it
   * does not carry are null.
   */
  source: Source;
  /** Cells that could not be read (a date, number or flag in an unknown form); their value is null. */
  issues: Issue[];
};

type InRow = Readonly<Record<string, string | undefined>>;

/** A cell by column name, trying old or alternative spellings of the name in turn. */
const get = (row: InRow, ...columns: string[]): string => {
  for (const c of columns) {
    const v = row[c];
    if (v !== undefined) return v;
  }
  return '';
};

class Reader {
  readonly issues: Issue[] = [];

  text(v: string): string | null {
    return v === '' ? null : v;
  }

  date(v: string, path: (string | number)[]): string | null {
    const d = recordDate(v.trim());
    if (d !== undefined) return d;
    this.issues.push(makeIssue('FORM4_DATE_INVALID', { value: v, field: path.join('.') }, path));
    return null;
  }

  number(v: string, path: (string | number)[]): number | null {
    const s = v.trim();
    if (s === '') return null;
    if (/^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/.test(s)) return Number(s);
    this.issues.push(makeIssue('FORM4_NUMBER_INVALID', { value: v, field: path.join('.') }, path));
    return null;
  }

  flag(v: string, path: (string | number)[]): boolean | null {
    const s = v.trim().toLowerCase();
    if (s === '') return null;
    if (s === '1' || s === 'true') return true;
    if (s === '0' || s === 'false') return false;
    this.issues.push(makeIssue('FORM4_BOOLEAN_INVALID', { value: v, field: path.join('.') }, path));
    return null;
  }

  footnotes(table: RowTable, row: InRow): FootnoteMap {
    const map: FootnoteMap = {};
    for (const [field, column] of Object.entries(FOOTNOTE_COLUMNS[table] as FnColumns)) {
      const alt = column === 'EQUITY_SWAP_TRANS_CD_FN' ? ['EQUITY_SWAP_INVOLVED_FN'] : [];
      const ids = get(row, column, ...alt).split(',').map((s) => s.trim()).filter((s) => s !== '');
      if (ids.length > 0) map[field] = ids;
    }
    return map;
  }
}

/** Digits compare as numbers (SEC keys are 7+ digits, ours start at 1); others keep file order. */
function bySurrogateKey(column: string) {
  return (a: InRow, b: InRow): number => {
    const x = get(a, column);
    const y = get(b, column);
    if (!/^\d+$/.test(x) || !/^\d+$/.test(y)) return 0;
    return x.length !== y.length ? x.length - y.length : x < y ? -1 : x > y ? 1 : 0;
  };
}

function readOwner(row: InRow, r: Reader): ReportingOwner {
  const relationship = get(row, 'RPTOWNER_RELATIONSHIP');
  const title = r.text(get(row, 'RPTOWNER_TITLE'));
  const other = r.text(get(row, 'RPTOWNER_TXT'));
  // Roles are listed as `Director,Officer`; older files run `Other` on without a comma
  // (`TenPercentOwnerOther`), so each role is looked for rather than split out.
  const has = (role: string) => relationship.toLowerCase().includes(role.toLowerCase());
  const addressCells = [
    'RPTOWNER_STREET1', 'RPTOWNER_STREET2', 'RPTOWNER_CITY', 'RPTOWNER_STATE', 'RPTOWNER_ZIPCODE', 'RPTOWNER_STATE_DESC',
  ].map((c) => r.text(get(row, c)));
  const [street1, street2, city, state, zipCode, stateDescription] = addressCells as (string | null)[];
  return {
    cik: r.text(get(row, 'RPTOWNERCIK')),
    name: r.text(get(row, 'RPTOWNERNAME')),
    address: addressCells.every((v) => v === null)
      ? null
      : {
          street1: street1 ?? null,
          street2: street2 ?? null,
          city: city ?? null,
          state: state ?? null,
          zipCode: zipCode ?? null,
          stateDescription: stateDescription ?? null,
          country: null,
          nonUSStateTerritory: null,
          nonUSAddress: null,
        },
    relationship:
      relationship === '' && title === null && other === null
        ? null
        : {
            isDirector: has('Director'),
            isOfficer: has('Officer'),
            isTenPercentOwner: has('TenPercentOwner'),
            isOther: /other/i.test(relationship),
            officerTitle: title,
            otherText: other,
          },
  };
}

function readOwnership(row: InRow, r: Reader, at: (f: string) => (string | number)[]) {
  return {
    sharesOwnedFollowingTransaction: r.number(get(row, 'SHRS_OWND_FOLWNG_TRANS'), at('sharesOwnedFollowingTransaction')),
    valueOwnedFollowingTransaction: r.number(get(row, 'VALU_OWND_FOLWNG_TRANS'), at('valueOwnedFollowingTransaction')),
    directOrIndirectOwnership: r.text(get(row, 'DIRECT_INDIRECT_OWNERSHIP')),
    natureOfOwnership: r.text(get(row, 'NATURE_OF_OWNERSHIP')),
  };
}

function readTransaction(row: InRow, r: Reader, at: (f: string) => (string | number)[]) {
  return {
    transactionDate: r.date(get(row, 'TRANS_DATE'), at('transactionDate')),
    deemedExecutionDate: r.date(get(row, 'DEEMED_EXECUTION_DATE'), at('deemedExecutionDate')),
    transactionFormType: r.text(get(row, 'TRANS_FORM_TYPE')),
    transactionCode: r.text(get(row, 'TRANS_CODE')),
    equitySwapInvolved: r.flag(get(row, 'EQUITY_SWAP_INVOLVED'), at('equitySwapInvolved')),
    transactionTimeliness: r.text(get(row, 'TRANS_TIMELINESS')),
    shares: r.number(get(row, 'TRANS_SHARES'), at('shares')),
    totalValue: r.number(get(row, 'TRANS_TOTAL_VALUE'), at('totalValue')),
    pricePerShare: r.number(get(row, 'TRANS_PRICEPERSHARE'), at('pricePerShare')),
    acquiredDisposedCode: r.text(get(row, 'TRANS_ACQUIRED_DISP_CD')),
  };
}

function readDerivative(row: InRow, r: Reader, at: (f: string) => (string | number)[], exerciseColumn: string) {
  return {
    exerciseDate: r.date(get(row, exerciseColumn), at('exerciseDate')),
    expirationDate: r.date(get(row, 'EXPIRATION_DATE'), at('expirationDate')),
    underlyingSecurityTitle: r.text(get(row, 'UNDLYNG_SEC_TITLE')),
    underlyingSecurityShares: r.number(get(row, 'UNDLYNG_SEC_SHARES'), at('underlyingSecurityShares')),
    underlyingSecurityValue: r.number(get(row, 'UNDLYNG_SEC_VALUE'), at('underlyingSecurityValue')),
  };
}

/**
 * One record per accession number found in the tables (SUBMISSION first, in its order;
 * then any accession that only other tables name). Rows of the four row tables are put
 * back in document order by their surrogate key; owners, footnotes and signatures keep
 * the order of the file. A field the data set does not carry is null.
 */
export function fromDatasetRows(tables: DatasetInput): DatasetFiling[] {
  const groups = new Map<string, { [T in TableName]: InRow[] }>();
  const group = (accession: string) => {
    let g = groups.get(accession);
    if (!g) {
      g = Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as { [T in TableName]: InRow[] };
      groups.set(accession, g);
    }
    return g;
  };
  for (const table of TABLE_NAMES) {
    for (const row of tables[table] ?? []) {
      const accession = get(row, 'ACCESSION_NUMBER').trim();
      if (accession !== '') group(accession)[table].push(row);
    }
  }
  const out: DatasetFiling[] = [];
  for (const [accessionNumber, g] of groups) out.push(readFiling(accessionNumber, g));
  return out;
}

function readFiling(accessionNumber: string, g: { [T in TableName]: InRow[] }): DatasetFiling {
  const r = new Reader();
  const sub: InRow = g.SUBMISSION[0] ?? {};
  const sorted = (table: RowTable, key: string) => [...g[table]].sort(bySurrogateKey(key));

  const record: OwnershipRecord = {
    documentType: r.text(get(sub, 'DOCUMENT_TYPE')),
    schemaVersion: null,
    periodOfReport: r.date(get(sub, 'PERIOD_OF_REPORT'), ['periodOfReport']),
    dateOfOriginalSubmission: r.date(get(sub, 'DATE_OF_ORIG_SUB'), ['dateOfOriginalSubmission']),
    notSubjectToSection16: r.flag(get(sub, 'NOT_SUBJECT_SEC16'), ['notSubjectToSection16']),
    form3HoldingsReported: r.flag(get(sub, 'FORM3_HOLDINGS_REPORTED', 'FORM3_HOLDING_REPORTED'), ['form3HoldingsReported']),
    form4TransactionsReported: r.flag(get(sub, 'FORM4_TRANS_REPORTED'), ['form4TransactionsReported']),
    noSecuritiesOwned: r.flag(get(sub, 'NO_SECURITIES_OWNED'), ['noSecuritiesOwned']),
    aff10b5One: r.flag(get(sub, 'AFF10B5ONE'), ['aff10b5One']),
    issuer: {
      cik: r.text(get(sub, 'ISSUERCIK')),
      name: r.text(get(sub, 'ISSUERNAME')),
      tradingSymbol: r.text(get(sub, 'ISSUERTRADINGSYMBOL')),
      foreignTradingSymbol: null,
    },
    reportingOwners: g.REPORTINGOWNER.map((row) => readOwner(row, r)),
    nonDerivativeTransactions: sorted('NONDERIV_TRANS', 'NONDERIV_TRANS_SK').map((row, i): NonDerivativeTransaction => {
      const at = (f: string) => ['nonDerivativeTransactions', i, f];
      return {
        securityTitle: r.text(get(row, 'SECURITY_TITLE')),
        ...readTransaction(row, r, at),
        ...readOwnership(row, r, at),
        footnotes: r.footnotes('NONDERIV_TRANS', row),
      };
    }),
    nonDerivativeHoldings: sorted('NONDERIV_HOLDING', 'NONDERIV_HOLDING_SK').map((row, i): NonDerivativeHolding => {
      const at = (f: string) => ['nonDerivativeHoldings', i, f];
      return {
        securityTitle: r.text(get(row, 'SECURITY_TITLE')),
        transactionFormType: r.text(get(row, 'TRANS_FORM_TYPE')),
        ...readOwnership(row, r, at),
        footnotes: r.footnotes('NONDERIV_HOLDING', row),
      };
    }),
    derivativeTransactions: sorted('DERIV_TRANS', 'DERIV_TRANS_SK').map((row, i): DerivativeTransaction => {
      const at = (f: string) => ['derivativeTransactions', i, f];
      const { exerciseDate, expirationDate, ...underlying } = readDerivative(row, r, at, 'EXCERCISE_DATE');
      return {
        securityTitle: r.text(get(row, 'SECURITY_TITLE')),
        conversionOrExercisePrice: r.number(get(row, 'CONV_EXERCISE_PRICE'), at('conversionOrExercisePrice')),
        ...readTransaction(row, r, at),
        exerciseDate,
        expirationDate,
        ...underlying,
        ...readOwnership(row, r, at),
        footnotes: r.footnotes('DERIV_TRANS', row),
      };
    }),
    derivativeHoldings: sorted('DERIV_HOLDING', 'DERIV_HOLDING_SK').map((row, i): DerivativeHolding => {
      const at = (f: string) => ['derivativeHoldings', i, f];
      return {
        securityTitle: r.text(get(row, 'SECURITY_TITLE')),
        conversionOrExercisePrice: r.number(get(row, 'CONV_EXERCISE_PRICE'), at('conversionOrExercisePrice')),
        transactionFormType: r.text(get(row, 'TRANS_FORM_TYPE')),
        ...readDerivative(row, r, at, 'EXERCISE_DATE'),
        ...readOwnership(row, r, at),
        footnotes: r.footnotes('DERIV_HOLDING', row),
      };
    }),
    footnotes: g.FOOTNOTES.map((row) => ({ id: get(row, 'FOOTNOTE_ID'), text: r.text(get(row, 'FOOTNOTE_TXT')) })),
    remarks: r.text(get(sub, 'REMARKS')),
    signatures: g.OWNER_SIGNATURE.map((row, i) => ({
      name: r.text(get(row, 'OWNERSIGNATURENAME')),
      date: r.date(get(row, 'OWNERSIGNATUREDATE'), ['signatures', i, 'date']),
    })),
  };

  const source: Source = {
    format: 'dataset',
    file: null,
    accessionNumber,
    filingDate: r.date(get(sub, 'FILING_DATE'), ['source', 'filingDate']),
    acceptanceDateTime: null,
    // The readme calls DOCUMENT_TYPE the submission type.
    formType: r.text(get(sub, 'DOCUMENT_TYPE')),
    periodOfReport: null,
    issuer: null,
    issuerFiscalYearEnd: null,
    reportingOwners: [],
    documents: [],
  };
  return { accessionNumber, record, source, issues: r.issues };
}
