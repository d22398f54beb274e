// Who a CIK is: an issuer's name and ticker, an owner's name, as their latest filing gives
// them (companies rename and change tickers; people add a middle initial).
import { placeholders, FILED } from './sql.ts';
import type { Store } from '../store/store.ts';

export interface IssuerNames {
  name: string | null;
  ticker: string | null;
  filings: number;
  firstFiled: string | null;
  lastFiled: string | null;
}

const CHUNK = 500;

async function chunked<R>(keys: string[], run: (chunk: string[]) => Promise<R[]>): Promise<R[]> {
  const unique = [...new Set(keys)];
  const out: R[] = [];
  for (let i = 0; i < unique.length; i += CHUNK) out.push(...(await run(unique.slice(i, i + CHUNK))));
  return out;
}

export async function issuerNames(store: Store, ciks: Array<string | null>): Promise<Map<string, IssuerNames>> {
  const rows = await chunked(ciks.filter((c): c is string => c !== null), (chunk) =>
    store.all<{ issuer_cik: string; issuer_name: string | null; issuer_trading_symbol: string | null; n: number; first_filed: string | null; last_filed: string | null }>(
      `SELECT issuer_cik, issuer_name, issuer_trading_symbol, n, first_filed, last_filed FROM (
         SELECT f.issuer_cik, f.issuer_name, f.issuer_trading_symbol,
           ROW_NUMBER() OVER (PARTITION BY f.issuer_cik ORDER BY ${FILED} DESC NULLS LAST, f.id DESC) AS rn,
           COUNT(*) OVER (PARTITION BY f.issuer_cik) AS n,
           MIN(${FILED}) OVER (PARTITION BY f.issuer_cik) AS first_filed,
           MAX(${FILED}) OVER (PARTITION BY f.issuer_cik) AS last_filed
         FROM filings f WHERE f.ok = ? AND f.issuer_cik IN (${placeholders(chunk)})
       ) latest WHERE rn = 1`,
      [true, ...chunk],
    ),
  );
  return new Map(
    rows.map((r) => [
      r.issuer_cik,
      { name: r.issuer_name, ticker: r.issuer_trading_symbol?.trim() || null, filings: Number(r.n), firstFiled: r.first_filed, lastFiled: r.last_filed },
    ]),
  );
}

export interface OwnerNames {
  name: string | null;
  filings: number;
  lastFiled: string | null;
}

export async function ownerNames(store: Store, ciks: Array<string | null>): Promise<Map<string, OwnerNames>> {
  const rows = await chunked(ciks.filter((c): c is string => c !== null), (chunk) =>
    store.all<{ cik: string; name: string | null; n: number; last_filed: string | null }>(
      `SELECT cik, name, n, last_filed FROM (
         SELECT o.cik, o.name,
           ROW_NUMBER() OVER (PARTITION BY o.cik ORDER BY ${FILED} DESC NULLS LAST, f.id DESC, o.idx) AS rn,
           COUNT(*) OVER (PARTITION BY o.cik) AS n,
           MAX(${FILED}) OVER (PARTITION BY o.cik) AS last_filed
         FROM reporting_owners o JOIN filings f ON f.id = o.filing_id
         WHERE f.ok = ? AND o.cik IN (${placeholders(chunk)})
       ) latest WHERE rn = 1`,
      [true, ...chunk],
    ),
  );
  return new Map(rows.map((r) => [r.cik, { name: r.name, filings: Number(r.n), lastFiled: r.last_filed }]));
}
