// Every Table I transaction of one issuer, for its timeline and table. The API has no
// per-issuer transaction list, so the rows are gathered from what it does have: each
// insider's holdings history at this issuer (one request per insider; a joint filing's
// rows, reported by each of its owners, are kept once), or, for an issuer whose insiders
// have no CIK (text renderings), the records of its latest filings.
import { apiUrl, getAll, getJson, type FilingDetail, type FilingRow, type HoldingRow, type InsiderActivityRow, type IssuerProfile } from './api.ts';
import type { Trade } from './timeline-chart.ts';

export interface TradeRow extends Trade {
  key: string;
  ownerCik: string | null;
  ownedAfter: number | null;
  directOrIndirect: string | null;
  filingDate: string | null;
}

export interface Trades {
  rows: TradeRow[];
  /** Set when not every transaction could be gathered. */
  note: string | null;
}

const HOLDINGS_CAP = 5000;
const FILINGS_CAP = 200;

async function pool<T, R>(items: T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await run(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return out;
}

export async function issuerTrades(issuer: IssuerProfile, insiders: InsiderActivityRow[], signal: AbortSignal): Promise<Trades> {
  const ciks = [...new Set(insiders.map((r) => r.ownerCik))];
  if (issuer.cik !== null && ciks.length > 0 && ciks.every((c) => c !== null)) return fromHoldings(issuer.cik, ciks as string[], signal);
  return fromFilings(issuer, signal);
}

async function fromHoldings(issuerCik: string, ownerCiks: string[], signal: AbortSignal): Promise<Trades> {
  const byRow = new Map<string, TradeRow>();
  let capped = false;
  await pool(ownerCiks, 4, async (cik) => {
    const { rows, total } = await getAll<HoldingRow>(`insiders/${cik}/holdings`, { cik: issuerCik }, HOLDINGS_CAP, signal);
    if (total > rows.length) capped = true;
    for (const r of rows) {
      if (r.kind !== 'transaction' || r.table !== 'nonDerivative') continue;
      const key = `${r.filingId}:${r.rowIndex}`;
      const seen = byRow.get(key);
      if (seen) {
        if (r.ownerName && !seen.owner?.includes(r.ownerName)) seen.owner = `${seen.owner ?? ''}; ${r.ownerName}`;
        continue;
      }
      byRow.set(key, {
        key,
        date: r.date,
        code: r.transactionCode,
        acquiredDisposed: r.acquiredDisposed,
        shares: r.shares,
        price: r.pricePerShare,
        owner: r.ownerName,
        ownerCik: r.ownerCik,
        security: r.securityTitle,
        filingId: r.filingId,
        ownedAfter: r.sharesOwnedFollowing,
        directOrIndirect: r.directOrIndirect,
        filingDate: r.filingDate,
      });
    }
  });
  return { rows: sortTrades([...byRow.values()]), note: capped ? `Some insiders have more than ${HOLDINGS_CAP.toLocaleString('en-US')} rows; only the first are drawn.` : null };
}

async function fromFilings(issuer: IssuerProfile, signal: AbortSignal): Promise<Trades> {
  const filter = issuer.cik !== null ? { cik: issuer.cik } : { ticker: issuer.ticker ?? '' };
  const { rows: filings, total } = await getAll<FilingRow>('filings', filter, FILINGS_CAP, signal);
  // A filing an amendment restates is left out: its amendment is in the list too.
  const current = filings.filter((f) => f.ok && f.amendedByFilingId === null);
  const details = await pool(current, 6, (f) => getJson<FilingDetail>(apiUrl(`filings/${f.id}`), signal));
  const rows: TradeRow[] = [];
  for (const d of details) {
    d.record?.nonDerivativeTransactions.forEach((t, i) =>
      rows.push({
        key: `${d.filing.id}:${i}`,
        date: t.transactionDate,
        code: t.transactionCode,
        acquiredDisposed: t.acquiredDisposedCode,
        shares: t.shares,
        price: t.pricePerShare,
        owner: d.filing.ownerNames.filter(Boolean).join('; ') || null,
        ownerCik: d.filing.ownerCiks[0] ?? null,
        security: t.securityTitle,
        filingId: d.filing.id,
        ownedAfter: t.sharesOwnedFollowingTransaction,
        directOrIndirect: t.directOrIndirectOwnership,
        filingDate: d.filing.filingDate,
      }),
    );
  }
  return {
    rows: sortTrades(rows),
    note: total > filings.length ? `Transactions of the latest ${filings.length} of ${total.toLocaleString('en-US')} filings.` : null,
  };
}

function sortTrades(rows: TradeRow[]): TradeRow[] {
  return rows.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || b.filingId - a.filingId);
}
