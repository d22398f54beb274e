// Keeping a store current from EDGAR's daily form indexes: walk the business days after
// the last one synced, store every Form 3/4/5 each day lists, remember how far we got.
//
// The last synced day only moves forward over days that are complete: their index was
// read and every filing it lists was stored (or is missing from EDGAR for good). A day
// without an index is a holiday when a later day has one, and "not published yet" at
// the end of the walk, so it is simply tried again next time.
import type { Store } from '../store/store.ts';
import { dailyFormIndex } from './edgar-api.ts';
import { EdgarError, type EdgarClient } from './edgar-client.ts';
import { keepFiling, uniqueFilings, type FilingFilter } from './filing-ref.ts';
import { storeFilings, type StoreFilingsOptions, type StoreFilingsOutcome } from './store-filings.ts';

export const SYNC_SOURCE = 'daily-form-index';

export async function lastSyncedDate(store: Store): Promise<string | null> {
  const rows = await store.all<{ last_date: string }>('SELECT last_date FROM edgar_sync WHERE source = ?', [SYNC_SOURCE]);
  return rows[0]?.last_date ?? null;
}

export async function setLastSyncedDate(store: Store, date: string): Promise<void> {
  await store.all(
    `INSERT INTO edgar_sync (source, last_date, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (source) DO UPDATE SET last_date = excluded.last_date, updated_at = excluded.updated_at`,
    [SYNC_SOURCE, date, new Date().toISOString()],
  );
}

/** YYYY-MM-DD plus n calendar days. */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Monday to Friday from `from` to `to`, both included. Holidays are found by their missing index. */
export function businessDays(from: string, to: string): string[] {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) days.push(d);
  }
  return days;
}

/** Today in New York, where EDGAR's days begin and end. */
export function edgarToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function isIsoDate(value: string): boolean {
  const time = Date.parse(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

export type SyncDay =
  | { date: string; status: 'no-index' }
  | { date: string; status: 'done' | 'incomplete'; listed: number; outcome: StoreFilingsOutcome };

export interface SyncOptions {
  /** First day to read; default: the day after the last synced one. */
  since?: string;
  /** Last day to read (default: today in New York). */
  until?: string;
  forms?: FilingFilter['forms'];
  store?: Omit<StoreFilingsOptions, 'onProgress'>;
  onDay?: (day: SyncDay) => void;
  onProgress?: (date: string, progress: Parameters<NonNullable<StoreFilingsOptions['onProgress']>>[0]) => void;
}

export interface SyncResult {
  from: string;
  to: string;
  days: SyncDay[];
  /** The last synced day after this run (null: none yet). */
  lastSynced: string | null;
}

export async function syncDaily(client: EdgarClient, store: Store, options: SyncOptions = {}): Promise<SyncResult> {
  const previous = await lastSyncedDate(store);
  const from = options.since ?? (previous === null ? null : addDays(previous, 1));
  if (from === null) throw new RangeError('no day to start from: nothing synced yet and no start date given');
  const to = options.until ?? edgarToday();
  let lastSynced = previous;
  let complete = true;
  const days: SyncDay[] = [];
  for (const date of businessDays(from, to)) {
    let index;
    try {
      index = await dailyFormIndex(client, date);
    } catch (error) {
      if (error instanceof EdgarError && error.code === 'NOT_FOUND') {
        const day: SyncDay = { date, status: 'no-index' };
        days.push(day);
        options.onDay?.(day);
        continue;
      }
      throw error;
    }
    const refs = uniqueFilings(index.rows.filter((row) => keepFiling(row, options.forms ? { forms: options.forms } : {})));
    const outcome = await storeFilings(client, store, refs, {
      ...options.store,
      ...(options.onProgress ? { onProgress: (p) => options.onProgress!(date, p) } : {}),
    });
    const ok = outcome.failed.length === 0;
    complete &&= ok;
    const day: SyncDay = { date, status: ok ? 'done' : 'incomplete', listed: refs.length, outcome };
    days.push(day);
    // Never moves backwards (a --since before the last synced day re-reads old days).
    if (complete && (lastSynced === null || date > lastSynced)) {
      await setLastSyncedDate(store, date);
      lastSynced = date;
    }
    options.onDay?.(day);
  }
  return { from, to, days, lastSynced };
}
