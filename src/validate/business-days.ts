// SEC business days: the calendar that Section 16 deadlines are counted in.
// Dates are `YYYY-MM-DD` strings; all arithmetic is on UTC day numbers, so no time zone
// or daylight-saving change can move a day.
//
// A business day is a weekday on which the SEC (and EDGAR) is open. It is closed on:
// - the federal holidays of 5 U.S.C. 6103, on the day they are observed: a holiday on a
//   Saturday is observed the Friday before (New Year's Day 2022, a Saturday, was observed
//   on Friday 2021-12-31), one on a Sunday the Monday after. Juneteenth counts from 2021
//   (signed into law 2021-06-17; EDGAR closed for it on Friday 2021-06-18).
//   Inauguration Day is a holiday only for federal employees in the Washington area; EDGAR
//   stays open, so it is not an SEC holiday.
// - one-off closures of the federal government (national days of mourning, Christmas Eve
//   by executive order), which the SEC treats "as a federal holiday for filing purposes"
//   (its announcement for 2018-12-05). The list below holds only closures we can source.

export interface Holiday {
  /** The day the SEC is closed (the observed date). */
  date: string;
  name: string;
}

/**
 * One-off closures, each a day EDGAR did not accept filings.
 * Sources: the executive orders closing executive departments (EO 13343 for 2004-06-11,
 * EO 13421 for 2007-01-02, and the Christmas Eve/after-Christmas orders of 2001, 2007,
 * 2012, 2014, 2018, 2019, 2020, 2024 and 2025), and the SEC's EDGAR announcements for
 * 2018-12-05, 2019-12-24, 2020-12-24 and 2025-01-09.
 * Not listed, because we could not confirm how EDGAR treated them: weather closures such
 * as Hurricane Sandy (2012-10-29/30), and 2001-09-11 to 09-14. A deadline that fell on
 * one of them is computed one business day early, which can only over-report lateness.
 */
export const specialClosures: readonly Holiday[] = [
  { date: '2001-12-24', name: 'Christmas Eve (executive order)' },
  { date: '2004-06-11', name: 'National day of mourning for President Reagan' },
  { date: '2007-01-02', name: 'National day of mourning for President Ford' },
  { date: '2007-12-24', name: 'Christmas Eve (executive order)' },
  { date: '2012-12-24', name: 'Christmas Eve (executive order)' },
  { date: '2014-12-26', name: 'Day after Christmas (executive order)' },
  { date: '2018-12-05', name: 'National day of mourning for President George H. W. Bush' },
  { date: '2018-12-24', name: 'Christmas Eve (executive order)' },
  { date: '2019-12-24', name: 'Christmas Eve (executive order)' },
  { date: '2020-12-24', name: 'Christmas Eve (executive order)' },
  { date: '2024-12-24', name: 'Christmas Eve (executive order)' },
  { date: '2025-01-09', name: 'National day of mourning for President Carter' },
  { date: '2025-12-24', name: 'Christmas Eve (executive order)' },
  { date: '2025-12-26', name: 'Day after Christmas (executive order)' },
];

const MS_PER_DAY = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 for a `YYYY-MM-DD` that is a day of the calendar; null otherwise. */
export function dayNumber(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  // Date.UTC rolls 2023-02-30 over to March; a day that does not round-trip is not a day.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t / MS_PER_DAY;
}

/** The `YYYY-MM-DD` of a day number. */
export function dateOfDay(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function requireDay(date: string): number {
  const day = dayNumber(date);
  if (day === null) throw new RangeError(`"${date}" is not a YYYY-MM-DD calendar date`);
  return day;
}

/** `date` plus `n` calendar days (n may be negative). */
export function addDays(date: string, n: number): string {
  return dateOfDay(requireDay(date) + n);
}

/** Calendar days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return requireDay(b) - requireDay(a);
}

/** 0 Sunday ... 6 Saturday. */
function weekday(day: number): number {
  // 1970-01-01 was a Thursday.
  return (((day + 4) % 7) + 7) % 7;
}

function ymd(year: number, month: number, d: number): number {
  return Date.UTC(year, month - 1, d) / MS_PER_DAY;
}

/** The nth (1-based) given weekday of a month; n = -1 for the last. */
function nthWeekday(year: number, month: number, wd: number, n: number): number {
  if (n > 0) {
    const first = ymd(year, month, 1);
    return first + ((wd - weekday(first) + 7) % 7) + (n - 1) * 7;
  }
  const last = ymd(year, month + 1, 1) - 1;
  return last - ((weekday(last) - wd + 7) % 7);
}

/** A fixed-date holiday moved off the weekend: Saturday → Friday, Sunday → Monday. */
function observed(day: number): { day: number; moved: boolean } {
  const wd = weekday(day);
  if (wd === 6) return { day: day - 1, moved: true };
  if (wd === 0) return { day: day + 1, moved: true };
  return { day, moved: false };
}

/** The federal holidays of one year as they fall on the calendar, before observation. */
function statutoryHolidays(year: number): { day: number; name: string; fixed: boolean }[] {
  const list = [
    { day: ymd(year, 1, 1), name: "New Year's Day", fixed: true },
    { day: nthWeekday(year, 2, 1, 3), name: "Washington's Birthday", fixed: false },
    { day: nthWeekday(year, 5, 1, -1), name: 'Memorial Day', fixed: false },
    { day: ymd(year, 7, 4), name: 'Independence Day', fixed: true },
    { day: nthWeekday(year, 9, 1, 1), name: 'Labor Day', fixed: false },
    { day: nthWeekday(year, 10, 1, 2), name: 'Columbus Day', fixed: false },
    { day: ymd(year, 11, 11), name: 'Veterans Day', fixed: true },
    { day: nthWeekday(year, 11, 4, 4), name: 'Thanksgiving Day', fixed: false },
    { day: ymd(year, 12, 25), name: 'Christmas Day', fixed: true },
  ];
  if (year >= 1986) list.push({ day: nthWeekday(year, 1, 1, 3), name: 'Birthday of Martin Luther King, Jr.', fixed: false });
  if (year >= 2021) list.push({ day: ymd(year, 6, 19), name: 'Juneteenth National Independence Day', fixed: true });
  return list;
}

/**
 * The days the SEC is closed in `year` for federal holidays and one-off closures, in date
 * order. Observed dates are what count: 2021 includes 2021-12-24 (Christmas on a Saturday)
 * and 2021-12-31 (New Year's Day 2022 on a Saturday); 2022 has no New Year's holiday.
 */
export function federalHolidays(year: number): Holiday[] {
  const out: { day: number; name: string }[] = [];
  for (const y of [year, year + 1]) {
    for (const h of statutoryHolidays(y)) {
      const o = h.fixed ? observed(h.day) : { day: h.day, moved: false };
      if (new Date(o.day * MS_PER_DAY).getUTCFullYear() !== year) continue;
      out.push({ day: o.day, name: o.moved ? `${h.name} (observed)` : h.name });
    }
  }
  for (const c of specialClosures) {
    if (c.date.startsWith(`${year}-`)) out.push({ day: requireDay(c.date), name: c.name });
  }
  out.sort((a, b) => a.day - b.day);
  return out.map((h) => ({ date: dateOfDay(h.day), name: h.name }));
}

const closedDays = new Map<number, Set<number>>();

function closedIn(year: number): Set<number> {
  let set = closedDays.get(year);
  if (!set) {
    set = new Set(federalHolidays(year).map((h) => requireDay(h.date)));
    closedDays.set(year, set);
  }
  return set;
}

function isBusinessDayNumber(day: number): boolean {
  const wd = weekday(day);
  if (wd === 0 || wd === 6) return false;
  return !closedIn(new Date(day * MS_PER_DAY).getUTCFullYear()).has(day);
}

/** True when the SEC is open on `date`: a weekday that is neither a holiday nor a closure. */
export function isBusinessDay(date: string): boolean {
  return isBusinessDayNumber(requireDay(date));
}

/**
 * The `n`th business day after `date` (before it when n < 0); `date` itself never counts.
 * n = 0 gives `date` when it is a business day, else the next business day.
 * A Form 4 for a trade on `t` is due by `addBusinessDays(t, 2)`.
 */
export function addBusinessDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`${n} is not a whole number of business days`);
  let day = requireDay(date);
  if (n === 0) {
    while (!isBusinessDayNumber(day)) day += 1;
    return dateOfDay(day);
  }
  const step = n > 0 ? 1 : -1;
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (isBusinessDayNumber(day)) left -= 1;
  }
  return dateOfDay(day);
}

/**
 * Business days from `a` to `b`: those d with a < d ≤ b, negative when b is before a.
 * So `businessDaysBetween(a, addBusinessDays(a, n)) === n`, and a filing made on the first
 * business day after its due date is one business day late.
 */
export function businessDaysBetween(a: string, b: string): number {
  const from = requireDay(a);
  const to = requireDay(b);
  if (to === from) return 0;
  const [lo, hi, sign] = to > from ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let d = lo + 1; d <= hi; d++) if (isBusinessDayNumber(d)) count++;
  return sign * count;
}

/** `date` if the SEC is open that day, else the next business day (Exchange Act Rule 0-3(a)). */
export function nextBusinessDayOnOrAfter(date: string): string {
  return addBusinessDays(date, 0);
}
