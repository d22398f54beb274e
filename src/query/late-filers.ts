// Late filers: per reporting owner and issuer, the filings the validator found filed after
// their Section 16(a) deadline (CHECK_FILED_LATE; lateness the filer declared itself,
// CHECK_FILED_LATE_DECLARED, is left out), and how late the worst was. Every reporting owner
// of a late filing is counted: each has the obligation to file.
import { z } from 'zod';
import type { Store } from '../store/store.ts';
import { issuerNames, ownerNames } from './names.ts';
import { completeOptions, lateParams, type LateQuery } from './query-params.ts';
import { FILED, ISSUER_SYMBOL_KEY, Where, addIssuerFilter, addOwnerFilter, addRange, emptyPage, placeholders, type Page } from './sql.ts';

export const LateFilerRow = z.object({
  ownerCik: z.string().nullable(),
  ownerName: z.string().nullable(),
  issuerCik: z.string().nullable(),
  issuerName: z.string().nullable(),
  ticker: z.string().nullable(),
  lateFilings: z.number().int(),
  lateTransactions: z.number().int().describe('late rows: one filing may report several late transactions'),
  filings: z.number().int().describe("the owner's filings for this issuer in the same dates, late or not"),
  worstDaysLate: z.number().int().describe('the most calendar days any of its rows was filed past its deadline'),
  worstBusinessDaysLate: z.number().int(),
  lastLateFiled: z.string().nullable().describe('when the most recent late filing was made: its filing date, or its latest signature date without one'),
  lateFilingIds: z.array(z.number().int()),
});
export type LateFilerRow = z.infer<typeof LateFilerRow>;

/**
 * How late, from the issue's message: the figures are not stored apart from it. The
 * wording is made in one place (lateDeadline in src/record/issues.ts); the tests pin it.
 */
const DAYS_LATE = /is (\d{4}-\d{2}-\d{2}), (\d+) calendar days? and (\d+) business days? late/;

/** Owners with the most late filings first, then the latest. */
export async function lateFilers(store: Store, options: LateQuery = {}): Promise<Page<LateFilerRow>> {
  const q = completeOptions(lateParams, options);
  const where = new Where().add('i.code = ?', 'CHECK_FILED_LATE').add('f.ok = ?', true);
  if (!(await addIssuerFilter(store, where, q))) return emptyPage(q);
  addOwnerFilter(where, q.owner);
  addRange(where, FILED, q.since, q.until);
  const issues = await store.all<{ filing_id: number; message: string; filed: string | null; issuer_cik: string | null; issuer_symbol: string | null; issuer_name: string | null; owner_cik: string | null; owner_name: string | null }>(
    `SELECT i.filing_id, i.message, ${FILED} AS filed, f.issuer_cik, ${ISSUER_SYMBOL_KEY} AS issuer_symbol, f.issuer_name, o.cik AS owner_cik, o.name AS owner_name
     FROM issues i JOIN filings f ON f.id = i.filing_id JOIN reporting_owners o ON o.filing_id = f.id
     WHERE ${where.sql}
     ORDER BY i.filing_id, i.idx, o.idx`,
    where.params,
  );
  type Group = Omit<LateFilerRow, 'ownerName' | 'issuerName' | 'ticker' | 'filings'> & { ownerNameAsFiled: string | null; issuerSymbol: string | null; issuerNameAsFiled: string | null };
  const groups = new Map<string, Group>();
  for (const issue of issues) {
    const key = `${issue.owner_cik ?? `name:${issue.owner_name}`}|${issue.issuer_cik ?? `symbol:${issue.issuer_symbol}`}`;
    let g = groups.get(key);
    if (!g) {
      g = {
        ownerCik: issue.owner_cik,
        ownerNameAsFiled: issue.owner_name,
        issuerCik: issue.issuer_cik,
        issuerSymbol: issue.issuer_symbol,
        issuerNameAsFiled: issue.issuer_name,
        lateFilings: 0,
        lateTransactions: 0,
        worstDaysLate: 0,
        worstBusinessDaysLate: 0,
        lastLateFiled: null,
        lateFilingIds: [],
      };
      groups.set(key, g);
    }
    const id = Number(issue.filing_id);
    if (!g.lateFilingIds.includes(id)) {
      g.lateFilingIds.push(id);
      g.lateFilings++;
    }
    g.lateTransactions++;
    const m = DAYS_LATE.exec(issue.message);
    if (m) {
      g.worstDaysLate = Math.max(g.worstDaysLate, Number(m[2]));
      g.worstBusinessDaysLate = Math.max(g.worstBusinessDaysLate, Number(m[3]));
    }
    // The date the validator judged by: the filing date, or the latest signature date without one.
    const filed = m?.[1] ?? issue.filed;
    if (filed !== null && (g.lastLateFiled === null || filed > g.lastLateFiled)) g.lastLateFiled = filed;
  }
  const sorted = [...groups.entries()].sort(([ka, a], [kb, b]) => b.lateFilings - a.lateFilings || b.worstDaysLate - a.worstDaysLate || (ka < kb ? -1 : ka > kb ? 1 : 0));
  const page = sorted.slice(q.offset, q.offset + q.limit).map(([, g]) => g);
  const issuers = await issuerNames(store, page.map((g) => g.issuerCik));
  const owners = await ownerNames(store, page.map((g) => g.ownerCik));
  const filed = await filingCounts(store, page, q);
  return {
    total: sorted.length,
    limit: q.limit,
    offset: q.offset,
    rows: page.map(({ ownerNameAsFiled, issuerSymbol, issuerNameAsFiled, ...g }) => {
      const issuer = g.issuerCik === null ? undefined : issuers.get(g.issuerCik);
      return {
        ownerCik: g.ownerCik,
        ownerName: g.ownerCik === null ? ownerNameAsFiled : (owners.get(g.ownerCik)?.name ?? ownerNameAsFiled),
        issuerCik: g.issuerCik,
        issuerName: issuer?.name ?? issuerNameAsFiled,
        ticker: issuer?.ticker ?? issuerSymbol,
        lateFilings: g.lateFilings,
        lateTransactions: g.lateTransactions,
        filings: filed.get(`${g.ownerCik}|${g.issuerCik}`) ?? g.lateFilings,
        worstDaysLate: g.worstDaysLate,
        worstBusinessDaysLate: g.worstBusinessDaysLate,
        lastLateFiled: g.lastLateFiled,
        lateFilingIds: g.lateFilingIds.sort((a, b) => a - b),
      };
    }),
  };
}

/** Filings per owner and issuer (both with CIKs) in the query's dates, late or not. */
async function filingCounts(store: Store, page: Array<{ ownerCik: string | null; issuerCik: string | null }>, q: { since?: string | undefined; until?: string | undefined }): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const pairs = page.filter((g) => g.ownerCik !== null && g.issuerCik !== null);
  if (pairs.length === 0) return out;
  const owners = [...new Set(pairs.map((p) => p.ownerCik))];
  const issuers = [...new Set(pairs.map((p) => p.issuerCik))];
  const where = new Where().add('f.ok = ?', true).add(`o.cik IN (${placeholders(owners)})`, ...owners).add(`f.issuer_cik IN (${placeholders(issuers)})`, ...issuers);
  addRange(where, FILED, q.since, q.until);
  for (const r of await store.all<{ cik: string; issuer_cik: string; n: number }>(
    `SELECT o.cik, f.issuer_cik, COUNT(DISTINCT f.id) AS n FROM reporting_owners o JOIN filings f ON f.id = o.filing_id WHERE ${where.sql} GROUP BY o.cik, f.issuer_cik`,
    where.params,
  )) {
    out.set(`${r.cik}|${r.issuer_cik}`, Number(r.n));
  }
  return out;
}
