// Dates that cannot be right: a transaction after the filing that reports it, an option
// that expires before it can be exercised, a transaction before the period of report
// (box 3 is the date of the earliest transaction), dates outside any plausible range.
import { makeIssue } from '../../record/issues.ts';
import type { Issue, OwnershipRecord, Source } from '../../record/schema.ts';
import { addBusinessDays, addDays, dayNumber } from '../business-days.ts';
import { filedOn, formOf, transactionRows, type Path } from '../rows.ts';

/** Section 16 reporting on EDGAR starts in the 1990s; an earlier date is a typo (2023 → 1023, 0023). */
export const EARLIEST_PLAUSIBLE = '1990-01-01';
/** Expirations run 10 years, warrants sometimes decades; a century past the filing is a typo. */
const FUTURE_YEARS = 100;

export function checkImpossibleDates(record: OwnershipRecord, source: Source): Issue[] {
  const issues: Issue[] = [];
  const filed = filedOn(record, source);
  const form = formOf(record, source);
  const isForm4 = form === '4' || form === '4/A';
  const latestPlausible = filed ? addDays(filed.date, FUTURE_YEARS * 365) : null;

  const plausible = (value: string | null, path: Path, field: string): boolean => {
    if (value === null || dayNumber(value) === null) return false; // the reader reports non-dates
    if (value < EARLIEST_PLAUSIBLE) {
      issues.push(makeIssue('CHECK_DATE_IMPLAUSIBLE', { field, value, bound: `before ${EARLIEST_PLAUSIBLE}` }, path));
      return false;
    }
    if (latestPlausible && value > latestPlausible) {
      issues.push(makeIssue('CHECK_DATE_IMPLAUSIBLE', { field, value, bound: `more than ${FUTURE_YEARS} years after the ${filed?.basis} ${filed?.date}` }, path));
      return false;
    }
    return true;
  };
  /** Reported dates of events that happened by the time of filing. */
  const notAfterFiling = (value: string | null, path: Path, field: string): void => {
    if (!plausible(value, path, field) || value === null || !filed || value <= filed.date) return;
    issues.push(makeIssue('CHECK_DATE_AFTER_FILING', { field, value, basis: filed.basis, filed: filed.date }, path));
  };

  notAfterFiling(record.periodOfReport, ['periodOfReport'], 'periodOfReport');
  plausible(record.dateOfOriginalSubmission, ['dateOfOriginalSubmission'], 'dateOfOriginalSubmission');
  if (filed?.basis === 'filing date') {
    // With no header, the latest signature IS the filing date, so only a header can contradict one.
    record.signatures.forEach((s, i) => notAfterFiling(s.date, ['signatures', i, 'date'], 'signature date'));
  }

  const period = record.periodOfReport !== null && dayNumber(record.periodOfReport) !== null ? record.periodOfReport : null;
  let earliest: string | null = null;
  for (const { table, index, row } of transactionRows(record)) {
    const at = (field: string): Path => [table, index, field];
    notAfterFiling(row.transactionDate, at('transactionDate'), 'transactionDate');
    notAfterFiling(row.deemedExecutionDate, at('deemedExecutionDate'), 'deemedExecutionDate');
    const txDate = row.transactionDate !== null && dayNumber(row.transactionDate) !== null ? row.transactionDate : null;

    // Box 3 of a Form 4 is the earliest transaction required to be reported; a Form 5
    // transaction reported early (form type 5) may precede it, and on a Form 5 the period
    // is the fiscal year end, which every transaction precedes.
    if (isForm4 && txDate && row.transactionFormType?.trim() !== '5') {
      if (earliest === null || txDate < earliest) earliest = txDate;
      if (period && txDate < period) {
        issues.push(makeIssue('CHECK_TRANSACTION_BEFORE_PERIOD', { date: txDate, period }, at('transactionDate')));
      }
    }

    const deemed = row.deemedExecutionDate;
    if (txDate && deemed !== null && dayNumber(deemed) !== null) {
      // Rule 16a-3(g)(2),(3): the deemed date is when the broker tells the insider, never
      // before the trade and no later than the third business day after it.
      if (deemed < txDate) {
        issues.push(makeIssue('CHECK_DEEMED_DATE_BEFORE_TRANSACTION', { deemed, date: txDate }, at('deemedExecutionDate')));
      } else if (deemed > addBusinessDays(txDate, 3)) {
        issues.push(
          makeIssue('CHECK_DEEMED_DATE_TOO_LATE', { deemed, date: txDate, limit: addBusinessDays(txDate, 3) }, at('deemedExecutionDate')),
        );
      }
    }

    if (table === 'derivativeTransactions') {
      const ok = plausible(row.exerciseDate, at('exerciseDate'), 'exerciseDate');
      const ok2 = plausible(row.expirationDate, at('expirationDate'), 'expirationDate');
      if (ok && ok2 && row.exerciseDate !== null && row.expirationDate !== null && row.expirationDate < row.exerciseDate) {
        issues.push(
          makeIssue('CHECK_EXPIRATION_BEFORE_EXERCISE', { expiration: row.expirationDate, exercise: row.exerciseDate }, at('expirationDate')),
        );
      }
    }
  }
  record.derivativeHoldings.forEach((row, index) => {
    const at = (field: string): Path => ['derivativeHoldings', index, field];
    const ok = plausible(row.exerciseDate, at('exerciseDate'), 'exerciseDate');
    const ok2 = plausible(row.expirationDate, at('expirationDate'), 'expirationDate');
    if (ok && ok2 && row.exerciseDate !== null && row.expirationDate !== null && row.expirationDate < row.exerciseDate) {
      issues.push(makeIssue('CHECK_EXPIRATION_BEFORE_EXERCISE', { expiration: row.expirationDate, exercise: row.exerciseDate }, at('expirationDate')));
    }
  });

  if (isForm4 && period && earliest && earliest > period) {
    issues.push(makeIssue('CHECK_PERIOD_NOT_EARLIEST', { period, earliest }, ['periodOfReport']));
  }
  return issues;
}
