// Turns the text of one value into the record's type, saying when it cannot.
// Shared by every reader: a number, date or flag means the same whatever the format.

export type Converted<T> = { value: T | null; problem: null | 'invalid' | 'precision' | 'impossible' };

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
const LOOSE_NUMBER = /^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$/;

/** `13,750` → 13750, `$0` → 0, `4.6667` → 4.6667; `''` → null. */
export function toNumber(raw: string): Converted<number> {
  let s = raw.trim();
  if (s === '') return { value: null, problem: null };
  if (!PLAIN_NUMBER.test(s)) {
    s = s.replace(/[$,\s]/g, '');
    if (!LOOSE_NUMBER.test(s)) return { value: null, problem: 'invalid' };
  }
  const value = Number(s);
  return { value, problem: s.length > 15 && significantDigits(s) > 15 ? 'precision' : null };
}

function significantDigits(s: string): number {
  const mantissa = s.replace(/[eE].*$/, '').replace(/[-+.]/g, '').replace(/^0+/, '');
  return mantissa.replace(/0+$/, '').length;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:Z|[+-]\d{2}:\d{2}|T[\d:.]+(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** `2003-10-22` and `2021-09-30-05:00` → the date; anything else is invalid. */
export function toDate(raw: string): Converted<string> {
  const s = raw.trim();
  if (s === '') return { value: null, problem: null };
  const m = ISO_DATE.exec(s);
  if (!m) return { value: null, problem: 'invalid' };
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  return { value: date, problem: isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3])) ? null : 'impossible' };
}

export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] as number;
  return day <= days;
}

/** `1`/`0`/`true`/`false` (any case) → boolean. */
export function toBoolean(raw: string): Converted<boolean> {
  const s = raw.trim().toLowerCase();
  if (s === '') return { value: null, problem: null };
  if (s === '1' || s === 'true') return { value: true, problem: null };
  if (s === '0' || s === 'false') return { value: false, problem: null };
  return { value: null, problem: 'invalid' };
}

/** Trimmed text; empty is null. */
export function toText(raw: string): string | null {
  const s = raw.trim();
  return s === '' ? null : s;
}

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** `10/22/2003` and `5/7/2004` (month/day/year, as the printed forms write dates) → `2003-10-22`. */
export function toUsDate(raw: string): Converted<string> {
  const s = raw.trim();
  if (s === '') return { value: null, problem: null };
  const m = US_DATE.exec(s);
  if (!m) return { value: null, problem: 'invalid' };
  const month = Number(m[1]);
  const day = Number(m[2]);
  const date = `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { value: date, problem: isCalendarDate(Number(m[3]), month, day) ? null : 'impossible' };
}

const GROUPED = /^[-+]?\$?\s*(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/**
 * Whether the thousands separators of a printed number sit where they belong:
 * `13,750` and `4.6667` do, `10,00` (a number cut in two by text extraction) does not.
 */
export function isWellGrouped(raw: string): boolean {
  return GROUPED.test(raw.trim());
}
