// Who bought and sold: shares and dollars acquired and disposed per insider (at each
// issuer) and per issuer, by category of transaction, so that open-market purchases (P)
// and sales (S) — the trades insiders choose to make — stand apart from grants, option
// exercises, tax withholding and gifts. Table I (non-derivative) transactions only: an
// option exercise shows there as the shares it brought in.
import { z } from 'zod';
import type { Store } from '../store/store.ts';
import { issuerNames, ownerNames } from './names.ts';
import { activityParams, completeOptions, type ActivityQuery } from './query-params.ts';
import {
  ISSUER_SYMBOL_KEY,
  OWNER_NAME_KEY,
  Where,
  addAnyOwnerFilter,
  addIssuerFilter,
  addOwnerFilter,
  addRange,
  dollars,
  emptyPage,
  paged,
  placeholders,
  shares,
  textOrder,
  type Page,
} from './sql.ts';

/** Transaction codes by category, in the order categories are listed. */
export const CATEGORIES = [
  { category: 'open-market-purchase', codes: ['P'] },
  { category: 'open-market-sale', codes: ['S'] },
  { category: 'grant', codes: ['A'] },
  { category: 'exercise-conversion', codes: ['M', 'C', 'X', 'O'] },
  { category: 'tax-withholding', codes: ['F'] },
  { category: 'gift', codes: ['G'] },
  { category: 'other', codes: [] },
] as const;

export const Category = z.enum(CATEGORIES.map((c) => c.category) as [string, ...string[]]).describe(
  'open-market-purchase (P), open-market-sale (S), grant (A), exercise-conversion (M, C, X, O), tax-withholding (F), gift (G), other (every other code)',
);
export type Category = (typeof CATEGORIES)[number]['category'];

/** The category of a transaction code. */
export function categoryOf(code: string | null): Category {
  return CATEGORIES.find((c) => (c.codes as readonly string[]).includes(code ?? ''))?.category ?? 'other';
}

const CATEGORY_SQL = `CASE ${CATEGORIES.filter((c) => c.codes.length)
  .map((c) => `WHEN t.transaction_code IN (${c.codes.map((code) => `'${code}'`).join(', ')}) THEN '${c.category}'`)
  .join(' ')} ELSE 'other' END`;
const CATEGORY_ORDER = `CASE category ${CATEGORIES.map((c, i) => `WHEN '${c.category}' THEN ${i}`).join(' ')} END`;

const Totals = {
  category: Category,
  transactions: z.number().int(),
  filings: z.number().int(),
  sharesAcquired: z.number().describe('shares of rows coded A (acquired)'),
  sharesDisposed: z.number().describe('shares of rows coded D (disposed)'),
  netShares: z.number().describe('acquired minus disposed'),
  valueAcquired: z.number().describe('dollars: shares × price per share of acquired rows that give a price'),
  valueDisposed: z.number(),
  netValue: z.number(),
  unpriced: z.number().int().describe('rows without a price per share, left out of the dollar values'),
  firstDate: z.string().nullable().describe('earliest transaction date'),
  lastDate: z.string().nullable(),
};

export const InsiderActivityRow = z.object({
  ownerCik: z.string().nullable(),
  ownerName: z.string().nullable().describe("the name on the owner's latest filing"),
  issuerCik: z.string().nullable(),
  issuerName: z.string().nullable(),
  ticker: z.string().nullable(),
  ...Totals,
});
export type InsiderActivityRow = z.infer<typeof InsiderActivityRow>;

export const IssuerActivityRow = z.object({
  issuerCik: z.string().nullable(),
  issuerName: z.string().nullable(),
  ticker: z.string().nullable(),
  insiders: z.number().int().describe('distinct reporting owners (the first owner of each filing)'),
  ...Totals,
});
export type IssuerActivityRow = z.infer<typeof IssuerActivityRow>;

type TotalsDb = {
  category: string;
  transactions: number;
  filings: number;
  shares_acquired: number | null;
  shares_disposed: number | null;
  value_acquired: number | null;
  value_disposed: number | null;
  unpriced: number;
  first_date: string | null;
  last_date: string | null;
};

const AGGREGATES = `COUNT(*) AS transactions, COUNT(DISTINCT filing_id) AS filings,
  SUM(CASE WHEN ad = 'A' THEN shares ELSE 0 END) AS shares_acquired,
  SUM(CASE WHEN ad = 'D' THEN shares ELSE 0 END) AS shares_disposed,
  SUM(CASE WHEN ad = 'A' THEN shares * price ELSE 0 END) AS value_acquired,
  SUM(CASE WHEN ad = 'D' THEN shares * price ELSE 0 END) AS value_disposed,
  SUM(CASE WHEN price IS NULL THEN 1 ELSE 0 END) AS unpriced,
  MIN(transaction_date) AS first_date, MAX(transaction_date) AS last_date`;

const ROW_COLUMNS = `t.filing_id, t.transaction_date, t.shares, t.price_per_share AS price, UPPER(t.acquired_disposed_code) AS ad, ${CATEGORY_SQL} AS category,
  f.issuer_cik, ${ISSUER_SYMBOL_KEY} AS issuer_symbol`;

function totals(r: TotalsDb) {
  const acquired = shares(r.shares_acquired);
  const disposed = shares(r.shares_disposed);
  const valueAcquired = dollars(r.value_acquired);
  const valueDisposed = dollars(r.value_disposed);
  return {
    category: r.category as Category,
    transactions: Number(r.transactions),
    filings: Number(r.filings),
    sharesAcquired: acquired,
    sharesDisposed: disposed,
    netShares: shares(acquired - disposed),
    valueAcquired,
    valueDisposed,
    netValue: dollars(valueAcquired - valueDisposed),
    unpriced: Number(r.unpriced),
    firstDate: r.first_date,
    lastDate: r.last_date,
  };
}

async function transactionFilter(store: Store, q: ReturnType<typeof complete>): Promise<Where | null> {
  const where = new Where().add('f.ok = ?', true);
  if (!q.asFiled) where.add('t.current = ?', true);
  if (!(await addIssuerFilter(store, where, q))) return null;
  addRange(where, 't.transaction_date', q.since, q.until);
  if (q.code !== undefined) where.add(`t.transaction_code IN (${placeholders(q.code)})`, ...q.code);
  return where;
}

const complete = (options: ActivityQuery) => completeOptions(activityParams, options);

/**
 * Per reporting owner and issuer, per category. A transaction in a filing with several
 * reporting owners (a fund and its general partner) counts for each of them, as each
 * reports it as its own beneficial ownership. Largest dollar amounts first.
 */
export async function insiderActivity(store: Store, options: ActivityQuery = {}): Promise<Page<InsiderActivityRow>> {
  const q = complete(options);
  const where = await transactionFilter(store, q);
  if (!where) return emptyPage(q);
  addOwnerFilter(where, q.owner);
  const select = `SELECT owner_cik, owner_name, issuer_cik, issuer_symbol, category, ${AGGREGATES},
      SUM(CASE WHEN price IS NULL THEN 0 ELSE shares * price END) AS gross
    FROM (SELECT ${ROW_COLUMNS}, o.cik AS owner_cik, ${OWNER_NAME_KEY} AS owner_name
          FROM nonderiv_transactions t JOIN filings f ON f.id = t.filing_id JOIN reporting_owners o ON o.filing_id = f.id
          WHERE ${where.sql}) x
    GROUP BY owner_cik, owner_name, issuer_cik, issuer_symbol, category`;
  const order = `gross DESC, ${textOrder(store, 'owner_cik')} NULLS LAST, ${textOrder(store, 'owner_name')} NULLS LAST, ${textOrder(store, 'issuer_cik')} NULLS LAST, ${textOrder(store, 'issuer_symbol')} NULLS LAST, ${CATEGORY_ORDER}`;
  const { total, rows } = await paged<TotalsDb & { owner_cik: string | null; owner_name: string | null; issuer_cik: string | null; issuer_symbol: string | null }>(
    store,
    select,
    where.params,
    order,
    q,
  );
  const issuers = await issuerNames(store, rows.map((r) => r.issuer_cik));
  const owners = await ownerNames(store, rows.map((r) => r.owner_cik));
  return {
    total,
    limit: q.limit,
    offset: q.offset,
    rows: rows.map((r) => {
      const issuer = r.issuer_cik === null ? undefined : issuers.get(r.issuer_cik);
      return {
        ownerCik: r.owner_cik,
        ownerName: r.owner_cik === null ? r.owner_name : (owners.get(r.owner_cik)?.name ?? null),
        issuerCik: r.issuer_cik,
        issuerName: issuer?.name ?? null,
        ticker: issuer?.ticker ?? r.issuer_symbol,
        ...totals(r),
      };
    }),
  };
}

/** Per issuer, per category; each transaction counted once. Largest dollar amounts first. */
export async function issuerActivity(store: Store, options: ActivityQuery = {}): Promise<Page<IssuerActivityRow>> {
  const q = complete(options);
  const where = await transactionFilter(store, q);
  if (!where) return emptyPage(q);
  addAnyOwnerFilter(where, q.owner);
  const select = `SELECT issuer_cik, issuer_symbol, category, ${AGGREGATES}, COUNT(DISTINCT filer) AS insiders,
      SUM(CASE WHEN price IS NULL THEN 0 ELSE shares * price END) AS gross
    FROM (SELECT ${ROW_COLUMNS}, COALESCE(o.cik, o.name) AS filer
          FROM nonderiv_transactions t JOIN filings f ON f.id = t.filing_id LEFT JOIN reporting_owners o ON o.filing_id = f.id AND o.idx = 0
          WHERE ${where.sql}) x
    GROUP BY issuer_cik, issuer_symbol, category`;
  const order = `gross DESC, ${textOrder(store, 'issuer_cik')} NULLS LAST, ${textOrder(store, 'issuer_symbol')} NULLS LAST, ${CATEGORY_ORDER}`;
  const { total, rows } = await paged<TotalsDb & { issuer_cik: string | null; issuer_symbol: string | null; insiders: number }>(store, select, where.params, order, q);
  const issuers = await issuerNames(store, rows.map((r) => r.issuer_cik));
  return {
    total,
    limit: q.limit,
    offset: q.offset,
    rows: rows.map((r) => {
      const issuer = r.issuer_cik === null ? undefined : issuers.get(r.issuer_cik);
      return { issuerCik: r.issuer_cik, issuerName: issuer?.name ?? null, ticker: issuer?.ticker ?? r.issuer_symbol, insiders: Number(r.insiders), ...totals(r) };
    }),
  };
}
