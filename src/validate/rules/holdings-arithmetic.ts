// Holdings arithmetic within one filing: each transaction row's "owned following" should be
// the previous row's of the same position, plus the shares acquired or minus those disposed.
import { makeIssue } from '../../record/issues.ts';
import type { Issue, OwnershipRecord } from '../../record/schema.ts';
import { chainable, fmt, positionKey, positionLabel, transactionRows, type Path } from '../rows.ts';

/** Rounding we let pass: half a share, or a relative 1e-6 for large or fractional amounts. */
export function amountsAgree(expected: number, actual: number): boolean {
  return Math.abs(expected - actual) <= Math.max(0.5, 1e-6 * Math.max(Math.abs(expected), Math.abs(actual)));
}

/** The amount a transaction leaves, or null when the row does not say enough to know. */
export function afterTransaction(before: number, shares: number | null, acquiredDisposed: string | null): number | null {
  if (shares === null) return null;
  const ad = acquiredDisposed?.trim().toUpperCase();
  if (ad === 'A') return before + shares;
  if (ad === 'D') return before - shares;
  return null;
}

/**
 * Rows are compared in document order with the previous row of the same position (see
 * `positionKey`), which need not be the row just above. A row whose previous amount is
 * unknown is not checked; it still becomes the previous row of the next one. Table II rows
 * without a strike and an expiration (RSUs, PSUs) are not chained (see `chainable`).
 */
export function checkHoldingsArithmetic(record: OwnershipRecord): Issue[] {
  const issues: Issue[] = [];
  const previous = new Map<string, { following: number | null; path: Path }>();
  for (const { table, index, row } of transactionRows(record)) {
    if (!chainable(record, table, row)) continue;
    const key = positionKey(table, row);
    const path: Path = [table, index, 'sharesOwnedFollowingTransaction'];
    const prev = previous.get(key);
    previous.set(key, { following: row.sharesOwnedFollowingTransaction, path });
    if (!prev || prev.following === null || row.sharesOwnedFollowingTransaction === null) continue;
    const expected = afterTransaction(prev.following, row.shares, row.acquiredDisposedCode);
    if (expected === null || amountsAgree(expected, row.sharesOwnedFollowingTransaction)) continue;
    // A Table II acquisition whose balance is its own amount is a grant reported on a line of
    // its own (an ISO/NSO split of one award, say), which the instructions do not forbid.
    if (table === 'derivativeTransactions' && row.sharesOwnedFollowingTransaction === row.shares) continue;
    issues.push(
      makeIssue(
        'CHECK_HOLDINGS_ARITHMETIC',
        {
          position: positionLabel(row),
          previousPath: prev.path.slice(0, 2).join('.'),
          previous: fmt(prev.following),
          change: `${row.acquiredDisposedCode?.trim().toUpperCase() === 'A' ? '+' : '-'} ${fmt(row.shares ?? 0)}`,
          expected: fmt(expected),
          actual: fmt(row.sharesOwnedFollowingTransaction),
        },
        path,
      ),
    );
  }
  return issues;
}
