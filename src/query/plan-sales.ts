// The share of open-market sales (code S) made under a Rule 10b5-1(c) trading plan, from
// the filing's checkbox (aff10b5One). EDGAR added the checkbox in 2023: a filing made on
// an earlier schema has none, and its sales are counted as unknown, never as "not a plan".
import { z } from 'zod';
import type { Store } from '../store/store.ts';
import { issuerNames, ownerNames } from './names.ts';
import { completeOptions, planSalesParams, type PlanSalesQuery } from './query-params.ts';
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
  shares,
  textOrder,
  type Page,
} from './sql.ts';

const Bucket = z.object({ sales: z.number().int().describe('sale rows'), shares: z.number(), value: z.number().describe('dollars, from rows that give a price') });

export const PlanSalesRow = z.object({
  ownerCik: z.string().nullable().describe('by insider only'),
  ownerName: z.string().nullable(),
  issuerCik: z.string().nullable(),
  issuerName: z.string().nullable(),
  ticker: z.string().nullable(),
  all: Bucket,
  plan: Bucket.describe('filings with the 10b5-1 box checked'),
  noPlan: Bucket.describe('filings with the box left unchecked'),
  unknown: Bucket.describe('filings made before the box existed'),
  planShare: z.number().nullable().describe('plan shares / (plan + no-plan shares); null when no sale says'),
});
export type PlanSalesRow = z.infer<typeof PlanSalesRow>;

const bucket = (name: string, condition: string) => `SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END) AS ${name}_sales,
  SUM(CASE WHEN ${condition} THEN shares ELSE 0 END) AS ${name}_shares,
  SUM(CASE WHEN ${condition} THEN shares * price ELSE 0 END) AS ${name}_value`;

type Sums = Record<`${'all' | 'plan' | 'no_plan' | 'unknown'}_${'sales' | 'shares' | 'value'}`, number | null>;

/** Largest sales (in shares) first. */
export async function planSales(store: Store, options: PlanSalesQuery = {}): Promise<Page<PlanSalesRow>> {
  const q = completeOptions(planSalesParams, options);
  const where = new Where().add('f.ok = ?', true).add('t.transaction_code = ?', 'S');
  if (!q.asFiled) where.add('t.current = ?', true);
  if (!(await addIssuerFilter(store, where, q))) return emptyPage(q);
  addRange(where, 't.transaction_date', q.since, q.until);
  const byInsider = q.by === 'insider';
  if (byInsider) addOwnerFilter(where, q.owner);
  else addAnyOwnerFilter(where, q.owner);
  const ownerColumns = byInsider ? `, o.cik AS owner_cik, ${OWNER_NAME_KEY} AS owner_name` : '';
  const ownerJoin = byInsider ? 'JOIN reporting_owners o ON o.filing_id = f.id' : '';
  const ownerKeys = byInsider ? 'owner_cik, owner_name, ' : '';
  const select = `SELECT ${ownerKeys}issuer_cik, issuer_symbol,
      ${bucket('all', '1 = 1')}, ${bucket('plan', 'plan = 1')}, ${bucket('no_plan', 'plan = 0')}, ${bucket('unknown', 'plan IS NULL')}
    FROM (SELECT t.shares, t.price_per_share AS price, CASE WHEN f.aff10b5one IS NULL THEN NULL WHEN f.aff10b5one THEN 1 ELSE 0 END AS plan,
            f.issuer_cik, ${ISSUER_SYMBOL_KEY} AS issuer_symbol${ownerColumns}
          FROM nonderiv_transactions t JOIN filings f ON f.id = t.filing_id ${ownerJoin}
          WHERE ${where.sql}) x
    GROUP BY ${ownerKeys}issuer_cik, issuer_symbol`;
  const keys = [...(byInsider ? ['owner_cik', 'owner_name'] : []), 'issuer_cik', 'issuer_symbol'].map((c) => `${textOrder(store, c)} NULLS LAST`);
  const { total, rows } = await paged<Sums & { owner_cik?: string | null; owner_name?: string | null; issuer_cik: string | null; issuer_symbol: string | null }>(
    store,
    select,
    where.params,
    ['all_shares DESC', ...keys].join(', '),
    q,
  );
  const issuers = await issuerNames(store, rows.map((r) => r.issuer_cik));
  const owners = byInsider ? await ownerNames(store, rows.map((r) => r.owner_cik ?? null)) : new Map();
  return {
    total,
    limit: q.limit,
    offset: q.offset,
    rows: rows.map((r) => {
      const issuer = r.issuer_cik === null ? undefined : issuers.get(r.issuer_cik);
      const b = (name: 'all' | 'plan' | 'no_plan' | 'unknown') => ({
        sales: Number(r[`${name}_sales`] ?? 0),
        shares: shares(r[`${name}_shares`]),
        value: dollars(r[`${name}_value`]),
      });
      const plan = b('plan');
      const noPlan = b('no_plan');
      const known = plan.shares + noPlan.shares;
      const ownerCik = r.owner_cik ?? null;
      return {
        ownerCik,
        ownerName: ownerCik === null ? (r.owner_name ?? null) : (owners.get(ownerCik)?.name ?? null),
        issuerCik: r.issuer_cik,
        issuerName: issuer?.name ?? null,
        ticker: issuer?.ticker ?? r.issuer_symbol,
        all: b('all'),
        plan,
        noPlan,
        unknown: b('unknown'),
        planShare: known > 0 ? Math.round((plan.shares / known) * 1e6) / 1e6 : null,
      };
    }),
  };
}
