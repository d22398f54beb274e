// Cluster buying: several insiders of one issuer buying on the open market (code P) within
// a few weeks of each other, a pattern followed as a signal. Windows are found greedily,
// earliest purchase first, per issuer:
//
//   purchases  d0   d1   d2        d3   d4                     (by date)
//   window     [d0 ............ d0 + windowDays]               ≥ minInsiders? a cluster; the next
//                                  starts after it. Otherwise the window moves to d1.
//
// An insider is a filing's first reporting owner (by CIK, or name without one), so that a
// joint filing by a fund and its general partner counts once.
import { z } from 'zod';
import type { Store } from '../store/store.ts';
import { issuerNames } from './names.ts';
import { clustersParams, completeOptions, type ClustersQuery } from './query-params.ts';
import { ISSUER_SYMBOL_KEY, Where, addIssuerFilter, addRange, dollars, emptyPage, shares, type Page } from './sql.ts';

export const ClusterMember = z.object({
  ownerCik: z.string().nullable(),
  ownerName: z.string().nullable(),
  purchases: z.number().int(),
  shares: z.number(),
  value: z.number().describe('dollars, from rows that give a price'),
  firstDate: z.string(),
  lastDate: z.string(),
  filingIds: z.array(z.number().int()),
});

export const ClusterRow = z.object({
  issuerCik: z.string().nullable(),
  issuerName: z.string().nullable(),
  ticker: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  insiders: z.number().int(),
  purchases: z.number().int(),
  shares: z.number(),
  value: z.number(),
  members: z.array(ClusterMember).describe('each insider of the cluster, by first purchase date'),
});
export type ClusterRow = z.infer<typeof ClusterRow>;

type Purchase = {
  issuer_cik: string | null;
  issuer_symbol: string | null;
  issuer_name: string | null;
  transaction_date: string;
  shares: number | null;
  price_per_share: number | null;
  filing_id: number;
  owner_cik: string | null;
  owner_name: string | null;
};

const DAY = 86_400_000;
const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY;

/** Clusters, newest first. */
export async function clusterBuying(store: Store, options: ClustersQuery = {}): Promise<Page<ClusterRow>> {
  const q = completeOptions(clustersParams, options);
  const where = new Where().add('f.ok = ?', true).add('t.transaction_code = ?', 'P').add('t.transaction_date IS NOT NULL');
  if (!q.asFiled) where.add('t.current = ?', true);
  if (!(await addIssuerFilter(store, where, q))) return emptyPage(q);
  addRange(where, 't.transaction_date', q.since, q.until);
  const purchases = await store.all<Purchase>(
    `SELECT f.issuer_cik, ${ISSUER_SYMBOL_KEY} AS issuer_symbol, f.issuer_name, t.transaction_date, t.shares, t.price_per_share, f.id AS filing_id,
       o.cik AS owner_cik, o.name AS owner_name
     FROM nonderiv_transactions t JOIN filings f ON f.id = t.filing_id LEFT JOIN reporting_owners o ON o.filing_id = f.id AND o.idx = 0
     WHERE ${where.sql}
     ORDER BY t.transaction_date, f.id, t.idx`,
    where.params,
  );
  const byIssuer = new Map<string, Purchase[]>();
  for (const p of purchases) {
    const key = p.issuer_cik ?? `symbol:${p.issuer_symbol ?? ''}`;
    const list = byIssuer.get(key) ?? [];
    list.push(p);
    byIssuer.set(key, list);
  }
  const clusters: Array<{ issuerKey: string; list: Purchase[] }> = [];
  for (const [issuerKey, list] of byIssuer) {
    for (let i = 0; i < list.length; ) {
      const start = dayOf((list[i] as Purchase).transaction_date);
      let j = i;
      while (j + 1 < list.length && dayOf((list[j + 1] as Purchase).transaction_date) - start <= q.windowDays) j++;
      const window = list.slice(i, j + 1);
      if (new Set(window.map(insiderKey)).size >= q.minInsiders) {
        clusters.push({ issuerKey, list: window });
        i = j + 1;
      } else {
        i++;
      }
    }
  }
  clusters.sort((a, b) => {
    const da = (a.list[0] as Purchase).transaction_date;
    const db = (b.list[0] as Purchase).transaction_date;
    return da < db ? 1 : da > db ? -1 : a.issuerKey < b.issuerKey ? -1 : a.issuerKey > b.issuerKey ? 1 : 0;
  });
  const page = clusters.slice(q.offset, q.offset + q.limit);
  const names = await issuerNames(store, page.map((c) => (c.list[0] as Purchase).issuer_cik));
  return { total: clusters.length, limit: q.limit, offset: q.offset, rows: page.map((c) => clusterRow(c.list, names)) };
}

function insiderKey(p: Purchase): string {
  return p.owner_cik ?? `name:${p.owner_name ?? ''}`;
}

function clusterRow(list: Purchase[], names: Awaited<ReturnType<typeof issuerNames>>): ClusterRow {
  const first = list[0] as Purchase;
  const members = new Map<string, z.infer<typeof ClusterMember> & { rawShares: number; rawValue: number }>();
  for (const p of list) {
    const key = insiderKey(p);
    let m = members.get(key);
    if (!m) {
      m = { ownerCik: p.owner_cik, ownerName: p.owner_name, purchases: 0, shares: 0, value: 0, firstDate: p.transaction_date, lastDate: p.transaction_date, filingIds: [], rawShares: 0, rawValue: 0 };
      members.set(key, m);
    }
    m.purchases++;
    m.rawShares += p.shares ?? 0;
    if (p.shares !== null && p.price_per_share !== null) m.rawValue += p.shares * p.price_per_share;
    m.lastDate = p.transaction_date;
    if (!m.filingIds.includes(Number(p.filing_id))) m.filingIds.push(Number(p.filing_id));
  }
  const out = [...members.values()].map(({ rawShares, rawValue, ...m }) => ({ ...m, shares: shares(rawShares), value: dollars(rawValue) }));
  const issuer = first.issuer_cik === null ? undefined : names.get(first.issuer_cik);
  return {
    issuerCik: first.issuer_cik,
    issuerName: issuer?.name ?? first.issuer_name,
    ticker: issuer?.ticker ?? first.issuer_symbol,
    startDate: first.transaction_date,
    endDate: (list[list.length - 1] as Purchase).transaction_date,
    insiders: out.length,
    purchases: list.length,
    shares: shares(out.reduce((n, m) => n + m.shares, 0)),
    value: dollars(out.reduce((n, m) => n + m.value, 0)),
    members: out,
  };
}
