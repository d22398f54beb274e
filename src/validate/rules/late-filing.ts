// Late filing under Section 16(a) and Rule 16a-3:
// - Form 4: before the end of the second business day after the transaction was executed
//   (for 10b5-1 and discretionary trades, after the deemed execution date of Rule 16a-3(g)).
// - Form 3: within 10 days after the event that made the owner an insider (box 3).
// - Form 5: within 45 days after the issuer's fiscal year end.
// Calendar-day deadlines that end on a weekend or holiday move to the next business day
// (Exchange Act Rule 0-3(a)). Amendments are not late on their own filing date: skipped.
import { makeIssue } from '../../record/issues.ts';
import type { Issue, OwnershipRecord, Source } from '../../record/schema.ts';
import { addBusinessDays, addDays, businessDaysBetween, dateOfDay, dayNumber, daysBetween, nextBusinessDayOnOrAfter } from '../business-days.ts';
import { filedOn, formOf, transactionRows, type FiledOn, type Path } from '../rows.ts';

export interface LateFilingOptions {
  /** The issuer's fiscal year end as the EDGAR header writes it, `MMDD` (e.g. `1231`). */
  issuerFiscalYearEnd?: string;
}

/**
 * The fiscal year end a date belongs to: the first `MMDD` on or after it, allowing a week
 * of slack because 52/53-week fiscal years end a few days either side of the `MMDD` the
 * header gives. A Form 5's box 3 is the fiscal year end itself, so it maps to itself.
 */
export function fiscalYearEndFor(date: string, mmdd: string): string | null {
  const m = /^(\d{2})(\d{2})$/.exec(mmdd.trim());
  const day = dayNumber(date);
  if (!m || day === null) return null;
  const month = Number(m[1]);
  const dom = Number(m[2]);
  if (month < 1 || month > 12 || dom < 1 || dom > 31) return null;
  const year = Number(date.slice(0, 4));
  for (const y of [year - 1, year, year + 1]) {
    // Clamp to the month's last day: "0229" in a common year, "0931" written for September.
    const lastOfMonth = Date.UTC(y, month, 0) / 86_400_000;
    const candidate = Math.min(Date.UTC(y, month - 1, dom) / 86_400_000, lastOfMonth);
    if (candidate >= day - 7) return dateOfDay(candidate);
  }
  return null;
}

export function checkLateFiling(record: OwnershipRecord, source: Source, options: LateFilingOptions = {}): Issue[] {
  const form = formOf(record, source);
  const filed = filedOn(record, source);
  if (!filed || form === null || form.endsWith('/A')) return [];
  switch (form) {
    case '4':
      return lateTransactions(record, filed, '4');
    case '5':
      return [...lateForm5(record, filed, options), ...lateTransactions(record, filed, '5', options)];
    case '3':
      return lateForm3(record, filed);
    default:
      return [];
  }
}

function lateness(due: string, filed: FiledOn): Record<string, string | number> | null {
  if (filed.date <= due) return null;
  return {
    due,
    filed: filed.date,
    basis: filed.basis,
    calendarDays: daysBetween(due, filed.date),
    businessDays: businessDaysBetween(due, filed.date),
  };
}

/**
 * One issue per late transaction row, not one per filing: Item 405 of Regulation S-K asks
 * for the number of late reports AND the number of transactions not reported on time, and
 * a compliance reviewer needs each late row pointed at (a filing often mixes on-time rows
 * with one forgotten trade from weeks earlier). Per-filing figures follow by grouping.
 *
 * On a Form 4, rows of form type 5 are Form 5 transactions reported early and have no
 * two-day deadline. On a Form 5, rows of form type 4 are Form 4 transactions reported late
 * by definition (EDGAR marks them so); they are computed like a Form 4 and reported as
 * declared, as are rows marked "L".
 */
function lateTransactions(record: OwnershipRecord, filed: FiledOn, form: '4' | '5', options: LateFilingOptions = {}): Issue[] {
  const issues: Issue[] = [];
  for (const { table, index, row } of transactionRows(record)) {
    const rowForm = row.transactionFormType?.trim() ?? form;
    const timeliness = row.transactionTimeliness?.trim().toUpperCase() ?? '';
    if (timeliness === 'E') continue;
    const txDate = row.transactionDate !== null && dayNumber(row.transactionDate) !== null ? row.transactionDate : null;
    if (txDate === null) continue;
    const deemed =
      row.deemedExecutionDate !== null && dayNumber(row.deemedExecutionDate) !== null && row.deemedExecutionDate >= txDate
        ? row.deemedExecutionDate
        : null;
    const event = deemed ?? txDate;
    const eventField = deemed ? 'deemedExecutionDate' : 'transactionDate';
    const path: Path = [table, index, eventField];

    if (rowForm === '5') {
      // A Form 5 transaction is due with the Form 5 for its fiscal year; only one marked
      // late, on a Form 5, is checked (it belongs to an earlier year's Form 5).
      if (form !== '5' || timeliness !== 'L' || !options.issuerFiscalYearEnd) continue;
      const fye = fiscalYearEndFor(event, options.issuerFiscalYearEnd);
      if (!fye) continue;
      const late = lateness(nextBusinessDayOnOrAfter(addDays(fye, 45)), filed);
      if (late) issues.push(makeIssue('CHECK_FILED_LATE_DECLARED', { ...late, form: '5', event, eventField, fye }, path));
      continue;
    }
    const late = lateness(addBusinessDays(event, 2), filed);
    if (!late) continue;
    const declared = timeliness === 'L' || form === '5';
    issues.push(makeIssue(declared ? 'CHECK_FILED_LATE_DECLARED' : 'CHECK_FILED_LATE', { ...late, form: '4', event, eventField }, path));
  }
  return issues;
}

function lateForm3(record: OwnershipRecord, filed: FiledOn): Issue[] {
  const event = record.periodOfReport;
  if (event === null || dayNumber(event) === null) return [];
  const late = lateness(nextBusinessDayOnOrAfter(addDays(event, 10)), filed);
  return late ? [makeIssue('CHECK_FILED_LATE', { ...late, form: '3', event, eventField: 'periodOfReport' }, ['periodOfReport'])] : [];
}

/** Skipped without the fiscal year end: the record does not carry it (the EDGAR header does). */
function lateForm5(record: OwnershipRecord, filed: FiledOn, options: LateFilingOptions): Issue[] {
  const period = record.periodOfReport;
  if (!options.issuerFiscalYearEnd || period === null || dayNumber(period) === null) return [];
  const fye = fiscalYearEndFor(period, options.issuerFiscalYearEnd);
  if (!fye) return [];
  const late = lateness(nextBusinessDayOnOrAfter(addDays(fye, 45)), filed);
  return late ? [makeIssue('CHECK_FILED_LATE', { ...late, form: '5', event: period, eventField: 'periodOfReport', fye }, ['periodOfReport'])] : [];
}
