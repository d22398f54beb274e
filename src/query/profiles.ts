// One issuer or one insider at a glance: who they are (as their latest filing says), how
// many filings, over which dates, and for an insider, the issuers and roles.
import { z } from 'zod';
import type { Store } from '../store/store.ts';
import { FILED, bool, resolveTicker, textOrder } from './sql.ts';
import { issuerNames } from './names.ts';

export const IssuerProfile = z.object({
  cik: z.string().nullable().describe('null for an issuer known only by ticker (a text rendering)'),
  name: z.string().nullable(),
  ticker: z.string().nullable(),
  filings: z.number().int(),
  insiders: z.number().int().describe('distinct reporting owners'),
  firstFiled: z.string().nullable(),
  lastFiled: z.string().nullable(),
});
export type IssuerProfile = z.infer<typeof IssuerProfile>;

/** The issuer a ticker or CIK names, or null when the store has no filing of it. */
export async function issuerProfile(store: Store, tickerOrCik: string): Promise<IssuerProfile | null> {
  let filter: { sql: string; param: string };
  if (/^\d{1,10}$/.test(tickerOrCik)) filter = { sql: 'f.issuer_cik = ?', param: tickerOrCik.padStart(10, '0') };
  else {
    const resolved = await resolveTicker(store, tickerOrCik);
    if (!resolved) return null;
    filter = resolved.cik !== null ? { sql: 'f.issuer_cik = ?', param: resolved.cik } : { sql: 'f.issuer_cik IS NULL AND UPPER(TRIM(f.issuer_trading_symbol)) = ?', param: resolved.symbol };
  }
  const [counts] = await store.all<{ n: number; first_filed: string | null; last_filed: string | null }>(
    `SELECT COUNT(*) AS n, MIN(${FILED}) AS first_filed, MAX(${FILED}) AS last_filed FROM filings f WHERE f.ok = ? AND ${filter.sql}`,
    [true, filter.param],
  );
  if (!counts || Number(counts.n) === 0) return null;
  const [insiders] = await store.all<{ n: number }>(
    `SELECT COUNT(*) AS n FROM (SELECT DISTINCT COALESCE(o.cik, o.name) AS who FROM reporting_owners o JOIN filings f ON f.id = o.filing_id WHERE f.ok = ? AND ${filter.sql}) owners`,
    [true, filter.param],
  );
  const [latest] = await store.all<{ issuer_cik: string | null; issuer_name: string | null; issuer_trading_symbol: string | null }>(
    `SELECT f.issuer_cik, f.issuer_name, f.issuer_trading_symbol FROM filings f WHERE f.ok = ? AND ${filter.sql} ORDER BY ${FILED} DESC NULLS LAST, f.id DESC LIMIT 1`,
    [true, filter.param],
  );
  return {
    cik: latest?.issuer_cik ?? null,
    name: latest?.issuer_name ?? null,
    ticker: latest?.issuer_trading_symbol?.trim() || null,
    filings: Number(counts.n),
    insiders: Number(insiders?.n ?? 0),
    firstFiled: counts.first_filed,
    lastFiled: counts.last_filed,
  };
}

export const InsiderProfile = z.object({
  cik: z.string(),
  name: z.string().nullable(),
  filings: z.number().int(),
  firstFiled: z.string().nullable(),
  lastFiled: z.string().nullable(),
  issuers: z.array(
    z.object({
      cik: z.string().nullable(),
      name: z.string().nullable(),
      ticker: z.string().nullable(),
      filings: z.number().int(),
      lastFiled: z.string().nullable(),
      isDirector: z.boolean().nullable(),
      isOfficer: z.boolean().nullable(),
      isTenPercentOwner: z.boolean().nullable(),
      isOther: z.boolean().nullable(),
      officerTitle: z.string().nullable(),
      otherText: z.string().nullable(),
    }),
  ).describe('the issuers the insider filed for, most recent first, with the roles of the latest filing'),
});
export type InsiderProfile = z.infer<typeof InsiderProfile>;

/** A reporting owner by CIK, or null when the store has no filing of theirs. */
export async function insiderProfile(store: Store, cik: string): Promise<InsiderProfile | null> {
  const padded = cik.padStart(10, '0');
  const rows = await store.all<{
    issuer_cik: string | null; name: string | null; n: number; first_filed: string | null; last_filed: string | null;
    is_director: unknown; is_officer: unknown; is_ten_percent_owner: unknown; is_other: unknown; officer_title: string | null; other_text: string | null;
  }>(
    `SELECT issuer_cik, name, n, first_filed, last_filed, is_director, is_officer, is_ten_percent_owner, is_other, officer_title, other_text FROM (
       SELECT f.issuer_cik, o.name, o.is_director, o.is_officer, o.is_ten_percent_owner, o.is_other, o.officer_title, o.other_text,
         ROW_NUMBER() OVER (PARTITION BY f.issuer_cik ORDER BY ${FILED} DESC NULLS LAST, f.id DESC) AS rn,
         COUNT(*) OVER (PARTITION BY f.issuer_cik) AS n,
         MIN(${FILED}) OVER (PARTITION BY f.issuer_cik) AS first_filed,
         MAX(${FILED}) OVER (PARTITION BY f.issuer_cik) AS last_filed
       FROM reporting_owners o JOIN filings f ON f.id = o.filing_id WHERE f.ok = ? AND o.cik = ?
     ) latest WHERE rn = 1 ORDER BY last_filed DESC NULLS LAST, ${textOrder(store, 'issuer_cik')} NULLS LAST`,
    [true, padded],
  );
  if (rows.length === 0) return null;
  const names = await issuerNames(store, rows.map((r) => r.issuer_cik));
  const first = rows[0] as (typeof rows)[number];
  const dates = rows.flatMap((r) => [r.first_filed, r.last_filed]).filter((d): d is string => d !== null).sort();
  const [total] = await store.all<{ n: number }>('SELECT COUNT(DISTINCT o.filing_id) AS n FROM reporting_owners o JOIN filings f ON f.id = o.filing_id WHERE f.ok = ? AND o.cik = ?', [true, padded]);
  return {
    cik: padded,
    name: first.name,
    filings: Number(total?.n ?? 0),
    firstFiled: dates[0] ?? null,
    lastFiled: dates[dates.length - 1] ?? null,
    issuers: rows.map((r) => {
      const issuer = r.issuer_cik === null ? undefined : names.get(r.issuer_cik);
      return {
        cik: r.issuer_cik,
        name: issuer?.name ?? null,
        ticker: issuer?.ticker ?? null,
        filings: Number(r.n),
        lastFiled: r.last_filed,
        isDirector: bool(r.is_director),
        isOfficer: bool(r.is_officer),
        isTenPercentOwner: bool(r.is_ten_percent_owner),
        isOther: bool(r.is_other),
        officerTitle: r.officer_title,
        otherText: r.other_text,
      };
    }),
  };
}
