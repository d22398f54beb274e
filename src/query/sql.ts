// What every query shares: WHERE clauses built with `?` parameters (never string
// interpolation of values), the issuer and owner filters, pagination with a total, and
// turning what each backend returns (0/1 or booleans, numbers) into the same values.
import type { Store } from '../store/store.ts';

/** One page of a query's rows, with how many there are in all. */
export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  rows: T[];
}

export class Where {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];

  add(sql: string, ...params: unknown[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }

  get sql(): string {
    return this.parts.length ? this.parts.join(' AND ') : '1 = 1';
  }
}

/** `?, ?, ?` for a list. */
export const placeholders = (values: readonly unknown[]): string => values.map(() => '?').join(', ');

/** A LIKE pattern matching `text` anywhere, case-insensitively (with `LOWER(column) LIKE ? ESCAPE '\'`). */
export function containsPattern(text: string): string {
  return `%${escapeLike(text.toLowerCase())}%`;
}

export function prefixPattern(text: string): string {
  return `${escapeLike(text.toLowerCase())}%`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

export const ESCAPE = `ESCAPE '\\'`;

/** Text ordered by code point on both backends, whatever PostgreSQL's default collation. */
export function textOrder(store: Store, expression: string): string {
  return store.kind === 'postgres' ? `${expression} COLLATE "C"` : expression;
}

/** The date a filing counts as made: its filing date, or its period of report when it has none (a bare XML file). */
export const FILED = 'COALESCE(f.filing_date, f.period_of_report)';

/** An issuer without a CIK (a text rendering) is known by its trading symbol. */
export const ISSUER_SYMBOL_KEY = 'CASE WHEN f.issuer_cik IS NULL THEN UPPER(TRIM(f.issuer_trading_symbol)) END';
/** An owner without a CIK is known by name. */
export const OWNER_NAME_KEY = 'CASE WHEN o.cik IS NULL THEN o.name END';

export interface IssuerFilter {
  ticker?: string | undefined;
  cik?: string | undefined;
}

/**
 * Adds the issuer filter on filings aliased `f`. A ticker names the issuer of the latest
 * filing that gives it (tickers move between companies over the years). Returns false when
 * no filing has the ticker: the query has no rows.
 */
export async function addIssuerFilter(store: Store, where: Where, filter: IssuerFilter): Promise<boolean> {
  if (filter.cik !== undefined) where.add('f.issuer_cik = ?', filter.cik);
  if (filter.ticker === undefined) return true;
  const issuer = await resolveTicker(store, filter.ticker);
  if (issuer === null) return false;
  if (issuer.cik !== null) where.add('f.issuer_cik = ?', issuer.cik);
  else where.add('f.issuer_cik IS NULL AND UPPER(TRIM(f.issuer_trading_symbol)) = ?', issuer.symbol);
  return true;
}

/** The issuer a ticker names: the CIK of the latest filing giving that symbol (null CIK: a filing without one). */
export async function resolveTicker(store: Store, ticker: string): Promise<{ cik: string | null; symbol: string } | null> {
  const symbol = ticker.trim().toUpperCase();
  const latest = `ORDER BY COALESCE(filing_date, period_of_report) DESC NULLS LAST, id DESC LIMIT 1`;
  // The symbol as filings usually write it uses the index; a symbol written in lower case or
  // with spaces around it is found by the slower comparison.
  let rows = await store.all<{ issuer_cik: string | null }>(
    `SELECT issuer_cik FROM filings WHERE ok = ? AND issuer_trading_symbol IN (?, ?) ${latest}`,
    [true, symbol, symbol.toLowerCase()],
  );
  if (rows.length === 0) {
    rows = await store.all(`SELECT issuer_cik FROM filings WHERE ok = ? AND UPPER(TRIM(issuer_trading_symbol)) = ? ${latest}`, [true, symbol]);
  }
  const row = rows[0];
  return row ? { cik: row.issuer_cik, symbol } : null;
}

/** The owner filter on reporting owners aliased `o`: a CIK, or part of a name. */
export function addOwnerFilter(where: Where, owner: string | undefined, alias = 'o'): void {
  if (owner === undefined) return;
  if (/^\d{1,10}$/.test(owner)) where.add(`${alias}.cik = ?`, owner.padStart(10, '0'));
  else where.add(`LOWER(${alias}.name) LIKE ? ${ESCAPE}`, containsPattern(owner));
}

/** The same, for a query on filings `f` that does not join owners: any of the filing's owners. */
export function addAnyOwnerFilter(where: Where, owner: string | undefined): void {
  if (owner === undefined) return;
  const inner = new Where();
  addOwnerFilter(inner, owner, 'ro');
  where.add(`EXISTS (SELECT 1 FROM reporting_owners ro WHERE ro.filing_id = f.id AND ${inner.sql})`, ...inner.params);
}

export function addRange(where: Where, column: string, since: string | undefined, until: string | undefined): void {
  if (since !== undefined) where.add(`${column} >= ?`, since);
  if (until !== undefined) where.add(`${column} <= ?`, until);
}

/**
 * Runs `select` for one page and counts all its rows in the same pass (a window count);
 * only a page past the end needs a query of its own to know the total. `orderBy` may name
 * only columns of `select`.
 */
export async function paged<R>(
  store: Store,
  select: string,
  params: unknown[],
  orderBy: string,
  page: { limit: number; offset: number },
): Promise<{ total: number; rows: R[] }> {
  const rows = await store.all<R & { total__: number | string }>(
    `SELECT paged.*, COUNT(*) OVER () AS total__ FROM (${select}) paged ORDER BY ${orderBy} LIMIT ? OFFSET ?`,
    [...params, page.limit, page.offset],
  );
  const first = rows[0];
  if (first === undefined) {
    if (page.offset === 0) return { total: 0, rows: [] };
    const [count] = await store.all<{ n: number | string }>(`SELECT COUNT(*) AS n FROM (${select}) counted`, params);
    return { total: Number(count?.n ?? 0), rows: [] };
  }
  const total = Number(first.total__);
  for (const row of rows) delete (row as { total__?: unknown }).total__;
  return { total, rows };
}

export function emptyPage<T>(page: { limit: number; offset: number }): Page<T> {
  return { total: 0, limit: page.limit, offset: page.offset, rows: [] };
}

/** SQLite gives 0/1, PostgreSQL true/false. */
export function bool(v: unknown): boolean | null {
  if (v === null || v === undefined) return null;
  return v === true || v === 1 || v === '1' || v === 't';
}

export function num(v: unknown): number | null {
  if (v === null || v === undefined) return null;
  return Number(v);
}

/**
 * Sums of floating-point numbers depend on the order they are added in, which the two
 * databases do not share: shares are given to 6 decimals and dollars to the cent, so both
 * backends give the same figures.
 */
export function shares(v: unknown): number {
  return Math.round(Number(v ?? 0) * 1e6) / 1e6;
}

export function dollars(v: unknown): number {
  return Math.round(Number(v ?? 0) * 100) / 100;
}

export function text(v: unknown): string | null {
  return v === null || v === undefined ? null : String(v);
}
