// What the rules share: walking a record's rows with their paths, the keys that say two
// rows hold the same position, and the date the filing was made.
import type {
  FootnoteMap,
  DerivativeHolding,
  DerivativeTransaction,
  NonDerivativeHolding,
  NonDerivativeTransaction,
  OwnershipRecord,
  Source,
} from '../record/schema.ts';

export type Path = (string | number)[];
export type TransactionTable = 'nonDerivativeTransactions' | 'derivativeTransactions';
export type HoldingTable = 'nonDerivativeHoldings' | 'derivativeHoldings';

export type TransactionRow =
  | { table: 'nonDerivativeTransactions'; index: number; row: NonDerivativeTransaction }
  | { table: 'derivativeTransactions'; index: number; row: DerivativeTransaction };
export type HoldingRow =
  | { table: 'nonDerivativeHoldings'; index: number; row: NonDerivativeHolding }
  | { table: 'derivativeHoldings'; index: number; row: DerivativeHolding };

/** Every transaction row, Table I first, each in document order. */
export function transactionRows(record: OwnershipRecord): TransactionRow[] {
  return [
    ...record.nonDerivativeTransactions.map((row, index) => ({ table: 'nonDerivativeTransactions' as const, index, row })),
    ...record.derivativeTransactions.map((row, index) => ({ table: 'derivativeTransactions' as const, index, row })),
  ];
}

export function holdingRows(record: OwnershipRecord): HoldingRow[] {
  return [
    ...record.nonDerivativeHoldings.map((row, index) => ({ table: 'nonDerivativeHoldings' as const, index, row })),
    ...record.derivativeHoldings.map((row, index) => ({ table: 'derivativeHoldings' as const, index, row })),
  ];
}

/** "Common Stock, $.01 par value" and "common stock $.01 par value" are one title. */
export function normaliseTitle(title: string | null): string {
  return (title ?? '').toLowerCase().replace(/[^a-z0-9$.%]+/g, ' ').replace(/\s+/g, ' ').trim();
}

type Owned = {
  securityTitle: string | null;
  directOrIndirectOwnership: string | null;
  natureOfOwnership: string | null;
  footnotes: FootnoteMap;
};
type DerivativeTerms = { conversionOrExercisePrice: number | null; exerciseDate: string | null; expirationDate: string | null };
type AnyRow = (TransactionRow | HoldingRow)['row'];

/**
 * The position a row's "owned following" amount counts: security title, direct or indirect,
 * and the nature of indirect ownership ("By Trust" is a different pile than "By 401(k)"),
 * with the footnotes on that nature.
 * Derivative rows also need their terms: two option grants with different strikes, vesting
 * or expiration dates are reported as separate lines, each with its own balance.
 */
export function positionKey(table: TransactionTable | HoldingTable, row: Owned & Partial<DerivativeTerms>): string {
  const parts = [
    table.startsWith('derivative') ? 'II' : 'I',
    normaliseTitle(row.securityTitle),
    (row.directOrIndirectOwnership ?? '').trim().toUpperCase(),
    normaliseTitle(row.natureOfOwnership),
    // "See Footnote" names a different entity per footnote: the ids tell the piles apart.
    (row.footnotes['natureOfOwnership'] ?? []).join(' '),
  ];
  if (table.startsWith('derivative')) {
    // A footnote on the exercise date usually says which grant's vesting schedule it is.
    parts.push(
      String(row.conversionOrExercisePrice ?? ''),
      row.exerciseDate ?? '',
      row.expirationDate ?? '',
      (row.footnotes['exerciseDate'] ?? []).join(' '),
    );
  }
  return parts.join('|');
}

/**
 * Whether a row's balance can be chained with its neighbours'. Table II reports a balance
 * per grant, and grants of RSUs or PSUs share title, a null or zero price and a null (or
 * vesting-day) expiration while each tranche keeps its own balance: chaining them flags
 * every filing that vests two tranches. Only derivatives with a positive strike and an
 * expiration (options, warrants) are chained.
 */
export function chainable(
  record: OwnershipRecord,
  table: TransactionTable | HoldingTable,
  row: AnyRow,
): boolean {
  // In a joint filing every owner's direct holding is "D" with no nature: rows of different
  // owners cannot be told apart, so they are not chained.
  if (record.reportingOwners.length > 1 && (row.directOrIndirectOwnership ?? '').trim().toUpperCase() !== 'I') return false;
  if (!('conversionOrExercisePrice' in row)) return true;
  return row.conversionOrExercisePrice !== null && row.conversionOrExercisePrice > 0 && row.expirationDate !== null;
}

/** "Common Stock (D)" or "Common Stock (I, By Trust)", for messages. */
export function positionLabel(row: Owned & Partial<DerivativeTerms>): string {
  const form = (row.directOrIndirectOwnership ?? '?').trim().toUpperCase();
  const nature = row.natureOfOwnership ? `, ${row.natureOfOwnership}` : '';
  const terms =
    row.conversionOrExercisePrice != null || row.expirationDate
      ? ` at ${row.conversionOrExercisePrice ?? '?'} expiring ${row.expirationDate ?? '?'}`
      : '';
  return `${row.securityTitle ?? 'untitled security'}${terms} (${form}${nature})`;
}

/** The form a record is: "4", "4/A", ... from the document, else from the submission header. */
export function formOf(record: OwnershipRecord, source: Source): string | null {
  const type = (record.documentType ?? source.formType ?? '').trim().toUpperCase();
  return type === '' ? null : type;
}

export interface FiledOn {
  date: string;
  /** Said in messages, so a reader knows how far to trust the date. */
  basis: 'filing date' | 'latest signature date';
}

/**
 * When the filing was made: the FILED AS OF DATE of the submission header; for a bare XML
 * document, which carries no filing date, the latest signature date (a lower bound: a
 * filing is never made before it is signed, but may be made later).
 */
export function filedOn(record: OwnershipRecord, source: Source): FiledOn | null {
  if (source.filingDate) return { date: source.filingDate, basis: 'filing date' };
  let latest: string | null = null;
  for (const s of record.signatures) if (s.date && (latest === null || s.date > latest)) latest = s.date;
  return latest ? { date: latest, basis: 'latest signature date' } : null;
}

/** Formats a number for a message without float noise (0.1 + 0.2 → 0.3). */
export function fmt(n: number): string {
  return String(Number(n.toPrecision(12)));
}
