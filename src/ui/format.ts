// How the UI writes numbers, money and dates. Null stays visibly empty: a missing value
// is never shown as 0.

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });
const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 4 });
const compactMoney = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export const EMPTY = '—';

export function fmtShares(n: number | null | undefined): string {
  if (n === null || n === undefined) return EMPTY;
  return Number.isInteger(n) ? integer.format(n) : decimal.format(n);
}

export function fmtPrice(n: number | null | undefined): string {
  return n === null || n === undefined ? EMPTY : money.format(n);
}

export function fmtMoney(n: number | null | undefined): string {
  if (n === null || n === undefined) return EMPTY;
  return (n < 0 ? '-$' : '$') + integer.format(Math.abs(Math.round(n)));
}

export function fmtCompactMoney(n: number): string {
  return compactMoney.format(n);
}

export function fmtCompact(n: number): string {
  return compact.format(n);
}

export function fmtCount(n: number): string {
  return integer.format(n);
}

export function fmtDate(d: string | null | undefined): string {
  return d === null || d === undefined || d === '' ? EMPTY : d;
}

/** `2023-06-08` → milliseconds since the epoch (UTC midnight), or null. */
export function dateValue(d: string | null | undefined): number | null {
  if (!d) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(d);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function plural(n: number, one: string, many = one + 's'): string {
  return `${fmtCount(n)} ${n === 1 ? one : many}`;
}
