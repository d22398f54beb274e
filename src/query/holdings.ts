// Holdings over time: for each reporting owner, issuer and security, held directly or
// indirectly, the amount owned after every transaction and as of every holdings report,
// in date order. A point where the chain does not add up (the amount owned does not
// follow from the previous amount plus or minus the shares of the transaction) carries the
// issue the validators stored for it: CHECK_HOLDINGS_ARITHMETIC within a filing,
// CHECK_HISTORY_BREAK across an owner's filings.
import { z } from 'zod';
import type { Store } from '../store/store.ts';
import { completeOptions, holdingsParams, type HoldingsQuery } from './query-params.ts';
import {
  ESCAPE,
  FILED,
  ISSUER_SYMBOL_KEY,
  Where,
  addIssuerFilter,
  addOwnerFilter,
  addRange,
  containsPattern,
  emptyPage,
  num,
  paged,
  placeholders,
  textOrder,
  type Page,
} from './sql.ts';

export const HoldingRow = z.object({
  ownerCik: z.string().nullable(),
  ownerName: z.string().nullable().describe('as this filing gives it'),
  issuerCik: z.string().nullable(),
  issuerName: z.string().nullable(),
  ticker: z.string().nullable(),
  table: z.enum(['nonDerivative', 'derivative']),
  securityTitle: z.string().nullable(),
  directOrIndirect: z.string().nullable().describe('D (direct) or I (indirect): each is a series of its own'),
  natureOfOwnership: z.string().nullable(),
  conversionOrExercisePrice: z.number().nullable().describe('derivatives only'),
  expirationDate: z.string().nullable().describe('derivatives only'),
  kind: z.enum(['transaction', 'holding']).describe('a transaction row, or a holdings row (amount held, no change)'),
  date: z.string().nullable().describe("the transaction date; for a holding, the filing's period of report"),
  transactionCode: z.string().nullable(),
  acquiredDisposed: z.string().nullable(),
  shares: z.number().nullable(),
  pricePerShare: z.number().nullable(),
  sharesOwnedFollowing: z.number().nullable(),
  filingId: z.number().int(),
  accessionNumber: z.string().nullable(),
  filingDate: z.string().nullable(),
  documentType: z.string().nullable(),
  rowIndex: z.number().int().describe("the row's index in its list of the record (nonDerivativeTransactions.N, ...)"),
  break: z.boolean().describe('true when the amount owned does not follow from the one before'),
  breakCode: z.string().nullable().describe('CHECK_HOLDINGS_ARITHMETIC or CHECK_HISTORY_BREAK'),
  breakMessage: z.string().nullable(),
});
export type HoldingRow = z.infer<typeof HoldingRow>;

const SOURCES = [
  { table: 'nonderiv_transactions', list: 'nonDerivativeTransactions', kind: 'transaction', derivative: false },
  { table: 'nonderiv_holdings', list: 'nonDerivativeHoldings', kind: 'holding', derivative: false },
  { table: 'deriv_transactions', list: 'derivativeTransactions', kind: 'transaction', derivative: true },
  { table: 'deriv_holdings', list: 'derivativeHoldings', kind: 'holding', derivative: true },
] as const;

const BREAK_CODES = ['CHECK_HOLDINGS_ARITHMETIC', 'CHECK_HISTORY_BREAK'];

type HoldingDb = {
  owner_cik: string | null;
  owner_name: string | null;
  issuer_cik: string | null;
  issuer_name: string | null;
  issuer_symbol: string | null;
  list: string;
  security_title: string | null;
  direct_or_indirect: string | null;
  nature_of_ownership: string | null;
  exercise_price: number | null;
  expiration_date: string | null;
  date: string | null;
  transaction_code: string | null;
  acquired_disposed_code: string | null;
  shares: number | null;
  price_per_share: number | null;
  shares_owned_following: number | null;
  filing_id: number;
  accession_number: string | null;
  filing_date: string | null;
  document_type: string | null;
  idx: number;
};

/** Points in date order within each owner × issuer × security × direct/indirect series. */
export async function holdingsHistory(store: Store, options: HoldingsQuery = {}): Promise<Page<HoldingRow>> {
  const q = completeOptions(holdingsParams, options);
  const owned = new Where().add('f.ok = ?', true);
  if (!(await addIssuerFilter(store, owned, q))) return emptyPage(q);
  addOwnerFilter(owned, q.owner);
  const branches: string[] = [];
  const params: unknown[] = [];
  for (const s of SOURCES) {
    const where = new Where();
    if (!q.asFiled) where.add('r.current = ?', true);
    const date = s.kind === 'transaction' ? 'r.transaction_date' : 'f.period_of_report';
    addRange(where, date, q.since, q.until);
    if (q.security !== undefined) where.add(`LOWER(r.security_title) LIKE ? ${ESCAPE}`, containsPattern(q.security));
    const tx = s.kind === 'transaction';
    branches.push(`SELECT o.cik AS owner_cik, o.name AS owner_name, COALESCE(o.cik, o.name) AS owner_key, f.issuer_cik, f.issuer_name, f.issuer_trading_symbol AS issuer_symbol,
        '${s.list}' AS list, ${s.derivative ? 1 : 0} AS tbl, ${tx ? 0 : 1} AS kind_order,
        r.security_title, r.direct_or_indirect, r.nature_of_ownership,
        ${s.derivative ? 'r.conversion_or_exercise_price' : 'CAST(NULL AS DOUBLE PRECISION)'} AS exercise_price,
        ${s.derivative ? 'r.expiration_date' : 'CAST(NULL AS DATE)'} AS expiration_date,
        ${date} AS date, ${tx ? 'r.transaction_code' : 'CAST(NULL AS TEXT)'} AS transaction_code,
        ${tx ? 'r.acquired_disposed_code' : 'CAST(NULL AS TEXT)'} AS acquired_disposed_code,
        ${tx ? 'r.shares' : 'CAST(NULL AS DOUBLE PRECISION)'} AS shares, ${tx ? 'r.price_per_share' : 'CAST(NULL AS DOUBLE PRECISION)'} AS price_per_share,
        r.shares_owned_following,
        f.id AS filing_id, f.accession_number, f.filing_date, f.document_type, ${FILED} AS filed, r.idx, ${ISSUER_SYMBOL_KEY} AS issuer_key_symbol
      FROM ${s.table} r JOIN filings f ON f.id = r.filing_id JOIN reporting_owners o ON o.filing_id = f.id
      WHERE ${owned.sql} AND ${where.sql}`);
    params.push(...owned.params, ...where.params);
  }
  const select = `SELECT * FROM (${branches.join('\nUNION ALL\n')}) points`;
  const t = (c: string) => `${textOrder(store, c)} NULLS LAST`;
  const order = [
    t('owner_key'),
    t('issuer_cik'),
    t('issuer_key_symbol'),
    'tbl',
    t('security_title'),
    t('direct_or_indirect'),
    t('nature_of_ownership'),
    'exercise_price NULLS LAST',
    'expiration_date NULLS LAST',
    'date NULLS LAST',
    'filed NULLS LAST',
    'filing_id',
    'kind_order',
    'idx',
  ].join(', ');
  const { total, rows } = await paged<HoldingDb>(store, select, params, order, q);
  const breaks = await storedBreaks(store, rows.map((r) => Number(r.filing_id)));
  return {
    total,
    limit: q.limit,
    offset: q.offset,
    rows: rows.map((r) => {
      const hit = breaks.get(`${Number(r.filing_id)}:${r.list}.${Number(r.idx)}`);
      return {
        ownerCik: r.owner_cik,
        ownerName: r.owner_name,
        issuerCik: r.issuer_cik,
        issuerName: r.issuer_name,
        ticker: r.issuer_symbol?.trim() || null,
        table: r.list.startsWith('derivative') ? ('derivative' as const) : ('nonDerivative' as const),
        securityTitle: r.security_title,
        directOrIndirect: r.direct_or_indirect,
        natureOfOwnership: r.nature_of_ownership,
        conversionOrExercisePrice: num(r.exercise_price),
        expirationDate: r.expiration_date,
        kind: r.list.endsWith('Holdings') ? ('holding' as const) : ('transaction' as const),
        date: r.date,
        transactionCode: r.transaction_code,
        acquiredDisposed: r.acquired_disposed_code,
        shares: num(r.shares),
        pricePerShare: num(r.price_per_share),
        sharesOwnedFollowing: num(r.shares_owned_following),
        filingId: Number(r.filing_id),
        accessionNumber: r.accession_number,
        filingDate: r.filing_date,
        documentType: r.document_type,
        rowIndex: Number(r.idx),
        break: hit !== undefined,
        breakCode: hit?.code ?? null,
        breakMessage: hit?.message ?? null,
      };
    }),
  };
}

/** The stored chain breaks of these filings, by `filingId:list.index`. */
async function storedBreaks(store: Store, filingIds: number[]): Promise<Map<string, { code: string; message: string }>> {
  const out = new Map<string, { code: string; message: string }>();
  const ids = [...new Set(filingIds)];
  if (ids.length === 0) return out;
  const rows = await store.all<{ filing_id: number; code: string; message: string; path: string | null }>(
    `SELECT filing_id, code, message, path FROM issues WHERE filing_id IN (${placeholders(ids)}) AND code IN (${placeholders(BREAK_CODES)}) ORDER BY filing_id, idx`,
    [...ids, ...BREAK_CODES],
  );
  for (const r of rows) {
    const m = /^(\w+)\.(\d+)\.sharesOwnedFollowingTransaction$/.exec(r.path ?? '');
    if (!m) continue;
    const key = `${Number(r.filing_id)}:${m[1]}.${m[2]}`;
    if (!out.has(key)) out.set(key, { code: r.code, message: r.message });
  }
  return out;
}
