// The holdings chain across one reporting owner's filings for one issuer: the first
// transaction of a position in a filing should continue from the amount the owner's
// previous filings left it at (a Form 3's holdings are the baseline).
import { makeIssue } from '../record/issues.ts';
import type { Issue, OwnershipRecord, Source } from '../record/schema.ts';
import { afterTransaction, amountsAgree } from './rules/holdings-arithmetic.ts';
import { dayNumber } from './business-days.ts';
import { chainable, filedOn, fmt, formOf, holdingRows, positionKey, positionLabel, transactionRows, type Path } from './rows.ts';

export interface HistoryFiling {
  /** The caller's name for the filing (an accession number, a file name); echoed back. */
  key: string;
  record: OwnershipRecord;
  source: Source;
}

interface Known {
  amount: number;
  /** The date the amount holds on: a transaction date, or the period of a holdings report. */
  asOf: string | null;
  key: string;
  form: string;
}

/**
 * Breaks in the chain are info, never warnings, and the message says what usually explains
 * them: much changes a holding without a Form 4 row (dividend reinvestment, 401(k) and ESPP
 * acquisitions, stock splits, a security renamed between filings, transactions reported on
 * a Form 5 or by another owner). To stay conservative it checks only what it can pair up
 * exactly: same position key (title, D/I, nature; for derivatives also strike, exercise and
 * expiration dates, and only derivatives that have a strike and an expiration),
 * a known earlier amount, and a transaction not dated before that amount's date (a late
 * Form 4 filed after a later one would otherwise break the chain twice). Footnote ids in
 * the key ("See Footnote" natures) are numbered per filing, so such positions often find
 * no earlier amount and go unchecked rather than mis-paired.
 *
 * Filings are taken in filing order: sorted by filing date and acceptance time when every
 * filing has a filing date (or signature date), else in the order given. Amendments are
 * left out: they restate single rows of an earlier filing, not the sequence of holdings.
 */
export function checkHoldingsHistory(filings: readonly HistoryFiling[]): Array<{ key: string; issue: Issue }> {
  const out: Array<{ key: string; issue: Issue }> = [];
  const known = new Map<string, Known>();

  for (const filing of inFilingOrder(filings)) {
    const { key, record, source } = filing;
    const form = formOf(record, source);
    if (form === null || form.endsWith('/A')) continue;

    const seen = new Set<string>();
    for (const { table, index, row } of transactionRows(record)) {
      if (!chainable(record, table, row)) continue;
      const position = positionKey(table, row);
      if (seen.has(position)) continue; // later rows are the within-filing rule's business
      seen.add(position);
      const before = known.get(position);
      const actual = row.sharesOwnedFollowingTransaction;
      if (!before || actual === null) continue;
      if (before.asOf && row.transactionDate && dayNumber(row.transactionDate) !== null && row.transactionDate < before.asOf) continue;
      const expected = afterTransaction(before.amount, row.shares, row.acquiredDisposedCode);
      if (expected === null || amountsAgree(expected, actual)) continue;
      const path: Path = [table, index, 'sharesOwnedFollowingTransaction'];
      out.push({
        key,
        issue: makeIssue(
          'CHECK_HISTORY_BREAK',
          {
            position: positionLabel(row),
            previousForm: `Form ${before.form}`,
            previousKey: before.key,
            previous: fmt(before.amount),
            asOf: before.asOf ?? 'an unknown date',
            change: `${row.acquiredDisposedCode?.trim().toUpperCase() === 'A' ? '+' : '-'} ${fmt(row.shares ?? 0)}`,
            expected: fmt(expected),
            actual: fmt(actual),
          },
          path,
        ),
      });
    }

    // What this filing leaves known: its holdings as of its period, then each position's
    // last transaction row in document order.
    const asOfFiling = record.periodOfReport ?? filedOn(record, source)?.date ?? null;
    for (const { table, row } of holdingRows(record)) {
      if (row.sharesOwnedFollowingTransaction === null || !chainable(record, table, row)) continue;
      known.set(positionKey(table, row), { amount: row.sharesOwnedFollowingTransaction, asOf: asOfFiling, key, form });
    }
    for (const { table, row } of transactionRows(record)) {
      if (row.sharesOwnedFollowingTransaction === null || !chainable(record, table, row)) continue;
      known.set(positionKey(table, row), { amount: row.sharesOwnedFollowingTransaction, asOf: row.transactionDate ?? asOfFiling, key, form });
    }
  }
  return out;
}

function inFilingOrder(filings: readonly HistoryFiling[]): HistoryFiling[] {
  const dated = filings.map((f, i) => ({ f, i, date: filedOn(f.record, f.source)?.date ?? null }));
  if (dated.some((d) => d.date === null)) return [...filings];
  // `date` then acceptance time ("YYYY-MM-DDTHH:MM:SS") compare as strings; ties keep input order.
  const sortKey = (d: (typeof dated)[number]) => `${d.date ?? ''} ${d.f.source.acceptanceDateTime ?? ''}`;
  dated.sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : a.i - b.i));
  return dated.map((d) => d.f);
}
