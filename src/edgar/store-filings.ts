// Listed filings → the store: skips what the store has, downloads the rest (or takes them
// from the cache), reads them and writes them in batches. `fetch` and `sync` both end here.
// A rerun after a kill asks EDGAR for nothing it already answered: stored filings are
// skipped before any request, downloaded ones come back from the content-addressed cache.
import { readEntry } from '../ingest/read-entry.ts';
import { DEFAULT_MAX_BYTES } from '../read/parse.ts';
import type { FilingRows } from '../store/filing-rows.ts';
import type { Store } from '../store/store.ts';
import { fetchSubmissionText } from './edgar-api.ts';
import { EdgarError, type EdgarClient } from './edgar-client.ts';
import { uniqueFilings, type FilingRef } from './filing-ref.ts';

export interface StoreFilingsProgress {
  /** Filings to get (after skipping the stored ones). */
  total: number;
  done: number;
  downloaded: number;
  fromCache: number;
  inserted: number;
  seconds: number;
}

export interface StoreFilingsOutcome extends StoreFilingsProgress {
  listed: number;
  alreadyStored: number;
  /** Stored by someone else between our check and our write. */
  duplicates: number;
  /** Stored, but the readers found errors (kept with their issues, as ingest does). */
  unreadable: number;
  /** EDGAR has no such file (404 / AccessDenied). */
  missing: FilingRef[];
  /** Gave up after retries (network, 5xx, throttling): a rerun tries them again. */
  failed: { ref: FilingRef; error: EdgarError }[];
}

export interface StoreFilingsOptions {
  /** Downloads in flight; the rate limiter, not this, sets the pace (default 4). */
  concurrency?: number;
  /** Filings per store transaction (default 50). */
  batchSize?: number;
  maxBytes?: number;
  onProgress?: (progress: StoreFilingsProgress) => void;
}

/** Accession numbers of `refs` that the store already holds. */
export async function storedAccessions(store: Store, accessions: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < accessions.length; i += 500) {
    const chunk = accessions.slice(i, i + 500);
    const rows = await store.all<{ accession_number: string }>(
      `SELECT accession_number FROM filings WHERE accession_number IN (${chunk.map(() => '?').join(', ')})`,
      chunk,
    );
    for (const row of rows) found.add(row.accession_number);
  }
  return found;
}

export async function storeFilings(client: EdgarClient, store: Store, refs: readonly FilingRef[], options: StoreFilingsOptions = {}): Promise<StoreFilingsOutcome> {
  const started = performance.now();
  const unique = uniqueFilings(refs);
  const stored = await storedAccessions(store, unique.map((r) => r.accessionNumber));
  const todo = unique.filter((r) => !stored.has(r.accessionNumber));
  const outcome: StoreFilingsOutcome = {
    listed: unique.length,
    alreadyStored: unique.length - todo.length,
    total: todo.length,
    done: 0,
    downloaded: 0,
    fromCache: 0,
    inserted: 0,
    duplicates: 0,
    unreadable: 0,
    missing: [],
    failed: [],
    seconds: 0,
  };
  const report = () => {
    outcome.seconds = (performance.now() - started) / 1000;
    options.onProgress?.(outcome);
  };
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const batchSize = options.batchSize ?? 50;
  let batch: FilingRows[] = [];
  let writing: Promise<void> = Promise.resolve();
  const flush = () => {
    const rows = batch;
    batch = [];
    if (rows.length > 0) {
      writing = writing.then(async () => {
        const result = await store.insertBatch(rows);
        outcome.inserted += result.inserted;
        outcome.duplicates += result.duplicates;
        report();
      });
    }
    return writing;
  };

  let next = 0;
  let fatal: unknown = null;
  const worker = async () => {
    while (fatal === null && next < todo.length) {
      const ref = todo[next++]!;
      try {
        const response = await fetchSubmissionText(client, ref);
        if (response.from === 'cache') outcome.fromCache++;
        else outcome.downloaded++;
        const rows = readEntry({ name: response.url, bytes: response.body }, { maxBytes });
        if (rows.filing.ok === false) outcome.unreadable++;
        batch.push(rows);
        if (batch.length >= batchSize) await flush();
      } catch (error) {
        if (!(error instanceof EdgarError) || error.code === 'USER_AGENT_REFUSED') {
          fatal ??= error;
          break;
        }
        if (error.code === 'NOT_FOUND') outcome.missing.push(ref);
        else outcome.failed.push({ ref, error });
      }
      outcome.done++;
      report();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 4, todo.length)) }, worker));
  // What was read before a fatal error is still written: a rerun then has less to do.
  await flush();
  if (fatal !== null) throw fatal;
  report();
  return outcome;
}
