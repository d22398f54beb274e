// The search box: issuers by ticker, name or CIK and insiders by name or CIK, best match
// first (exact ticker, ticker or CIK prefix, name prefix, a word of the name, anywhere in
// the name), then the most filings. Names and tickers shown are the latest filing's; an
// old name still finds the company. Issuers and insiders read from renderings, which print
// no CIK, are found too: an issuer by its ticker, an insider by name.
import { z } from 'zod';
import type { Store } from '../store/store.ts';
import { issuerNames, ownerNames } from './names.ts';
import { completeOptions, searchParams, type SearchQuery } from './query-params.ts';
import { ESCAPE, FILED, containsPattern, paged, prefixPattern, textOrder, type Page } from './sql.ts';

export const SearchRow = z.object({
  kind: z.enum(['issuer', 'insider']),
  cik: z
    .string()
    .nullable()
    .describe('null for an issuer or insider known only from renderings, which print no CIK: find the issuer by its ticker, the insider by name (filings?owner=)'),
  name: z.string().nullable(),
  ticker: z.string().nullable().describe('issuers only'),
  filings: z.number().int(),
  lastFiled: z.string().nullable(),
  match: z.enum(['ticker', 'cik', 'name']).describe('what matched best'),
});
export type SearchRow = z.infer<typeof SearchRow>;

const MATCH = ['ticker', 'ticker', 'cik', 'name', 'name', 'name'] as const;

export async function search(store: Store, options: SearchQuery): Promise<Page<SearchRow>> {
  const q = completeOptions(searchParams, options);
  const text = q.q.toLowerCase();
  const cik = /^\d{1,10}$/.test(q.q) ? q.q.padStart(10, '0') : '';
  const anywhere = containsPattern(text);
  const prefix = prefixPattern(text);
  const word = `% ${prefix}`;
  // rank: 0 exact ticker, 1 ticker prefix, 2 CIK, 3 name prefix, 4 a word of the name, 5 anywhere in the name
  const nameRank = (column: string) =>
    `WHEN LOWER(${column}) LIKE ? ${ESCAPE} THEN 3 WHEN LOWER(${column}) LIKE ? ${ESCAPE} THEN 4 WHEN LOWER(${column}) LIKE ? ${ESCAPE} THEN 5`;
  const select = `SELECT kind, cik, MIN(rank) AS rank, COUNT(DISTINCT filing_id) AS n FROM (
      SELECT 'issuer' AS kind, COALESCE(f.issuer_cik, 'ticker:' || UPPER(TRIM(f.issuer_trading_symbol))) AS cik, f.id AS filing_id,
        CASE WHEN LOWER(TRIM(f.issuer_trading_symbol)) = ? THEN 0 WHEN LOWER(f.issuer_trading_symbol) LIKE ? ${ESCAPE} THEN 1
             WHEN f.issuer_cik = ? THEN 2 ${nameRank('f.issuer_name')} ELSE 9 END AS rank
      FROM filings f
      WHERE f.ok = ? AND (f.issuer_cik IS NOT NULL OR TRIM(f.issuer_trading_symbol) <> '')
        AND (LOWER(f.issuer_trading_symbol) LIKE ? ${ESCAPE} OR f.issuer_cik = ? OR LOWER(f.issuer_name) LIKE ? ${ESCAPE})
      UNION ALL
      SELECT 'insider' AS kind, COALESCE(o.cik, 'name:' || UPPER(TRIM(o.name))) AS cik, o.filing_id,
        CASE WHEN o.cik = ? THEN 2 ${nameRank('o.name')} ELSE 9 END AS rank
      FROM reporting_owners o JOIN filings f ON f.id = o.filing_id
      WHERE f.ok = ? AND (o.cik IS NOT NULL OR TRIM(o.name) <> '') AND (o.cik = ? OR LOWER(o.name) LIKE ? ${ESCAPE})
    ) hits GROUP BY kind, cik`;
  const params = [
    text, prefix, cik, prefix, word, anywhere, true, prefix, cik, anywhere,
    cik, prefix, word, anywhere, true, cik, anywhere,
  ];
  const { total, rows } = await paged<{ kind: 'issuer' | 'insider'; cik: string; rank: number; n: number }>(
    store,
    select,
    params,
    `rank, n DESC, kind, ${textOrder(store, 'cik')}`,
    q,
  );
  // Issuers known only from renderings are keyed by their ticker ("ticker:SONS").
  const byTicker = rows.filter((r) => r.kind === 'issuer' && r.cik.startsWith('ticker:')).map((r) => r.cik.slice(7));
  const issuers = await issuerNames(store, rows.filter((r) => r.kind === 'issuer' && !r.cik.startsWith('ticker:')).map((r) => r.cik));
  const tickerNames = new Map<string, { name: string | null; lastFiled: string | null }>();
  for (const ticker of byTicker) {
    const [latest] = await store.all<{ issuer_name: string | null; filed: string | null }>(
      `SELECT issuer_name, COALESCE(filing_date, period_of_report) AS filed FROM filings
       WHERE ok = ? AND issuer_cik IS NULL AND UPPER(TRIM(issuer_trading_symbol)) = ? ORDER BY filed DESC, id DESC LIMIT 1`,
      [true, ticker],
    );
    tickerNames.set(ticker, { name: latest?.issuer_name ?? null, lastFiled: latest?.filed ?? null });
  }
  // Insiders known only from renderings are keyed by their name ("name:JONES PAUL R"), shown as their latest filing spells it.
  const nameKeyed = new Map<string, { name: string | null; lastFiled: string | null }>();
  for (const r of rows) {
    if (r.kind !== 'insider' || !r.cik.startsWith('name:')) continue;
    const [latest] = await store.all<{ name: string | null; filed: string | null }>(
      `SELECT o.name, ${FILED} AS filed FROM reporting_owners o JOIN filings f ON f.id = o.filing_id
       WHERE f.ok = ? AND o.cik IS NULL AND UPPER(TRIM(o.name)) = ? ORDER BY filed DESC NULLS LAST, f.id DESC LIMIT 1`,
      [true, r.cik.slice(5)],
    );
    nameKeyed.set(r.cik, { name: latest?.name?.trim() ?? null, lastFiled: latest?.filed ?? null });
  }
  const owners = await ownerNames(store, rows.filter((r) => r.kind === 'insider' && !r.cik.startsWith('name:')).map((r) => r.cik));
  return {
    total,
    limit: q.limit,
    offset: q.offset,
    rows: rows.map((r) => {
      const match = MATCH[Number(r.rank)] ?? 'name';
      if (r.kind === 'issuer' && r.cik.startsWith('ticker:')) {
        const ticker = r.cik.slice(7);
        const t = tickerNames.get(ticker);
        return { kind: r.kind, cik: null, name: t?.name ?? null, ticker, filings: Number(r.n), lastFiled: t?.lastFiled ?? null, match };
      }
      if (r.kind === 'issuer') {
        const i = issuers.get(r.cik);
        return { kind: r.kind, cik: r.cik, name: i?.name ?? null, ticker: i?.ticker ?? null, filings: i?.filings ?? Number(r.n), lastFiled: i?.lastFiled ?? null, match };
      }
      const byName = nameKeyed.get(r.cik);
      if (byName) return { kind: r.kind, cik: null, name: byName.name, ticker: null, filings: Number(r.n), lastFiled: byName.lastFiled, match };
      const o = owners.get(r.cik);
      return { kind: r.kind, cik: r.cik, name: o?.name ?? null, ticker: null, filings: o?.filings ?? Number(r.n), lastFiled: o?.lastFiled ?? null, match };
    }),
  };
}
