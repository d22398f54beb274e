// Flattens a record into one row per transaction or holding, with the filing's
// columns repeated on each row: the shape spreadsheets and data frames want.
import type { OwnershipRecord, Source } from '../record/schema.ts';

export type Cell = string | number | boolean | null;

export const ROW_COLUMNS = [
  'file', 'format', 'accessionNumber', 'filingDate', 'documentType', 'periodOfReport', 'dateOfOriginalSubmission',
  'issuerCik', 'issuerName', 'issuerTradingSymbol',
  'reportingOwnerCik', 'reportingOwnerName', 'isDirector', 'isOfficer', 'isTenPercentOwner', 'isOther',
  'officerTitle', 'otherText', 'aff10b5One', 'notSubjectToSection16',
  'table', 'row', 'securityTitle', 'transactionDate', 'deemedExecutionDate', 'transactionFormType',
  'transactionCode', 'equitySwapInvolved', 'transactionTimeliness', 'shares', 'totalValue', 'pricePerShare',
  'acquiredDisposedCode', 'conversionOrExercisePrice', 'exerciseDate', 'expirationDate',
  'underlyingSecurityTitle', 'underlyingSecurityShares', 'underlyingSecurityValue',
  'sharesOwnedFollowingTransaction', 'valueOwnedFollowingTransaction', 'directOrIndirectOwnership',
  'natureOfOwnership', 'footnotes',
] as const;

export type RowColumn = (typeof ROW_COLUMNS)[number];
export type Row = Record<RowColumn, Cell>;

const TABLES = [
  ['nonDerivativeTransactions', 'nonDerivativeTransaction'],
  ['nonDerivativeHoldings', 'nonDerivativeHolding'],
  ['derivativeTransactions', 'derivativeTransaction'],
  ['derivativeHoldings', 'derivativeHolding'],
] as const;

/** Several reporting owners share one cell, separated by " | ", in document order. */
function joined(values: Cell[]): Cell {
  if (values.length === 0) return null;
  if (values.length === 1) return values[0] ?? null;
  return values.every((v) => v === null) ? null : values.map((v) => (v === null ? '' : String(v))).join(' | ');
}

/**
 * The rows of one filing. A filing with no row at all (a Form 3 with no securities
 * owned) still gives one row, its table column empty, so that no filing vanishes.
 */
export function recordRows(record: OwnershipRecord, source: Source): Row[] {
  const owners = record.reportingOwners;
  const filing = {
    file: source.file,
    format: source.format,
    accessionNumber: source.accessionNumber,
    filingDate: source.filingDate,
    documentType: record.documentType,
    periodOfReport: record.periodOfReport,
    dateOfOriginalSubmission: record.dateOfOriginalSubmission,
    issuerCik: record.issuer.cik,
    issuerName: record.issuer.name,
    issuerTradingSymbol: record.issuer.tradingSymbol,
    reportingOwnerCik: joined(owners.map((o) => o.cik)),
    reportingOwnerName: joined(owners.map((o) => o.name)),
    isDirector: joined(owners.map((o) => o.relationship?.isDirector ?? null)),
    isOfficer: joined(owners.map((o) => o.relationship?.isOfficer ?? null)),
    isTenPercentOwner: joined(owners.map((o) => o.relationship?.isTenPercentOwner ?? null)),
    isOther: joined(owners.map((o) => o.relationship?.isOther ?? null)),
    officerTitle: joined(owners.map((o) => o.relationship?.officerTitle ?? null)),
    otherText: joined(owners.map((o) => o.relationship?.otherText ?? null)),
    aff10b5One: record.aff10b5One,
    notSubjectToSection16: record.notSubjectToSection16,
  };
  const rows: Row[] = [];
  for (const [key, table] of TABLES) {
    record[key].forEach((r, i) => {
      const get = (field: string): Cell => (field in r ? ((r as Record<string, unknown>)[field] as Cell) : null);
      rows.push({
        ...filing,
        table,
        row: i,
        securityTitle: r.securityTitle,
        transactionDate: get('transactionDate'),
        deemedExecutionDate: get('deemedExecutionDate'),
        transactionFormType: r.transactionFormType,
        transactionCode: get('transactionCode'),
        equitySwapInvolved: get('equitySwapInvolved'),
        transactionTimeliness: get('transactionTimeliness'),
        shares: get('shares'),
        totalValue: get('totalValue'),
        pricePerShare: get('pricePerShare'),
        acquiredDisposedCode: get('acquiredDisposedCode'),
        conversionOrExercisePrice: get('conversionOrExercisePrice'),
        exerciseDate: get('exerciseDate'),
        expirationDate: get('expirationDate'),
        underlyingSecurityTitle: get('underlyingSecurityTitle'),
        underlyingSecurityShares: get('underlyingSecurityShares'),
        underlyingSecurityValue: get('underlyingSecurityValue'),
        sharesOwnedFollowingTransaction: r.sharesOwnedFollowingTransaction,
        valueOwnedFollowingTransaction: r.valueOwnedFollowingTransaction,
        directOrIndirectOwnership: r.directOrIndirectOwnership,
        natureOfOwnership: r.natureOfOwnership,
        footnotes: footnoteCell(r.footnotes),
      });
    });
  }
  if (rows.length === 0) {
    const empty = Object.fromEntries(ROW_COLUMNS.map((c) => [c, null])) as Row;
    rows.push({ ...empty, ...filing });
  }
  return rows;
}

/** `{shares: ['F1'], pricePerShare: ['F2', 'F3']}` → `shares=F1;pricePerShare=F2 F3`. */
function footnoteCell(map: Record<string, string[]>): string | null {
  const parts = Object.entries(map).map(([field, ids]) => `${field}=${ids.join(' ')}`);
  return parts.length === 0 ? null : parts.join(';');
}
