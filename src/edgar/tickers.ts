// Ticker → CIK from the SEC's ticker maps: company_tickers.json ({"0": {cik_str, ticker,
// title}, ...}) and company_tickers_exchange.json ({fields, data: [[cik, name, ticker,
// exchange], ...]}). Pure: the bytes in, entries or a problem out.
import { z } from 'zod';

export interface TickerEntry {
  ticker: string;
  cik: string;
  name: string;
  exchange: string | null;
}

export const COMPANY_TICKERS_URL = 'https://www.sec.gov/files/company_tickers.json';
export const COMPANY_TICKERS_EXCHANGE_URL = 'https://www.sec.gov/files/company_tickers_exchange.json';

const tickerObject = z.record(z.string(), z.object({ cik_str: z.union([z.number(), z.string()]), ticker: z.string(), title: z.string() }));
const exchangeTable = z.object({ fields: z.array(z.string()), data: z.array(z.array(z.union([z.string(), z.number(), z.null()]))) });

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export function parseTickers(text: string): Parsed<TickerEntry[]> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, message: `not JSON (${(error as Error).message})` };
  }
  const table = exchangeTable.safeParse(json);
  if (table.success) {
    const at = (name: string) => table.data.fields.indexOf(name);
    const [cik, name, ticker, exchange] = [at('cik'), at('name'), at('ticker'), at('exchange')];
    if (cik < 0 || ticker < 0) return { ok: false, message: `a ticker table without "cik" and "ticker" fields (${table.data.fields.join(', ')})` };
    return {
      ok: true,
      value: table.data.data.flatMap((row) => {
        const c = row[cik];
        const t = row[ticker];
        if (c == null || typeof t !== 'string') return [];
        return [{ ticker: t, cik: String(Number(c)), name: String(name < 0 ? '' : (row[name] ?? '')), exchange: exchange < 0 ? null : ((row[exchange] as string | null) ?? null) }];
      }),
    };
  }
  const object = tickerObject.safeParse(json);
  if (object.success) {
    return {
      ok: true,
      value: Object.values(object.data).map((e) => ({ ticker: e.ticker, cik: String(Number(e.cik_str)), name: e.title, exchange: null })),
    };
  }
  return { ok: false, message: 'neither company_tickers.json ({"0": {"cik_str", "ticker", "title"}}) nor company_tickers_exchange.json ({"fields", "data"})' };
}

/** Tickers compare case-blind, and "BRK.B" finds "BRK-B" (EDGAR writes classes with a dash). */
export function findTicker(entries: readonly TickerEntry[], ticker: string): TickerEntry | null {
  const key = (t: string) => t.trim().toUpperCase().replace(/[./]/g, '-');
  const wanted = key(ticker);
  return entries.find((e) => key(e.ticker) === wanted) ?? null;
}
