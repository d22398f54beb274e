// `form4 ingest`: entries are read on the main thread, parsed, hashed and compressed
// by worker threads (both cores), and written by the store in batches, each batch one
// transaction. Killed at any moment, a rerun finishes the job: a batch is all or
// nothing, and a filing already stored is recognised by its key and skipped.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { DEFAULT_MAX_BYTES } from '../read/parse.ts';
import type { FilingRows } from '../store/filing-rows.ts';
import { refreshAmendments } from '../store/amendments.ts';
import { refreshHistory } from '../store/history.ts';
import type { Store } from '../store/store.ts';
import { readEntry } from './read-entry.ts';
import { readEntries, totalBytes, type Entry } from './sources.ts';

export interface IngestProgress {
  inputs: number;
  inserted: number;
  duplicates: number;
  failed: number;
  bytesRead: number;
  totalBytes: number;
  seconds: number;
}

export interface IngestOptions {
  /** Worker threads; 0 reads on the main thread. Default: one per core. */
  workers?: number;
  /** Filings per transaction. */
  batchSize?: number;
  maxBytes?: number;
  onProgress?: (progress: IngestProgress) => void;
}

const workerUrl = new URL(import.meta.url.endsWith('.ts') ? './ingest-worker.ts' : './ingest-worker.js', import.meta.url);

/** Ingests files, folders and archives. */
export async function ingest(store: Store, paths: string[], options: IngestOptions = {}): Promise<IngestProgress> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  return ingestEntries(store, (onBytes) => readEntries(paths, { maxBytes, onBytes }), await totalBytes(paths), options);
}

/**
 * Ingests a stream of entries (the common path of files, archives and imported data sets).
 * `entries` is given a callback for the bytes it reads, which drives the progress.
 */
export async function ingestEntries(
  store: Store,
  entries: (onBytes: (n: number) => void) => AsyncIterable<Entry>,
  total: number,
  options: IngestOptions = {},
): Promise<IngestProgress> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const batchSize = options.batchSize ?? 500;
  const workerCount = options.workers ?? availableParallelism();
  const started = process.hrtime.bigint();
  const startedAt = new Date().toISOString();
  const progress: IngestProgress = { inputs: 0, inserted: 0, duplicates: 0, failed: 0, bytesRead: 0, totalBytes: total, seconds: 0 };
  const report = () => {
    progress.seconds = Number(process.hrtime.bigint() - started) / 1e9;
    options.onProgress?.(progress);
  };

  let batch: FilingRows[] = [];
  let writing: Promise<void> = Promise.resolve();
  /** Rows read but not yet written: bounds memory when the store is slower than the readers. */
  let unwritten = 0;
  const flush = () => {
    const rows = batch;
    batch = [];
    if (rows.length === 0) return writing;
    writing = writing.then(async () => {
      const outcome = await store.insertBatch(rows);
      unwritten -= rows.length;
      progress.inserted += outcome.inserted;
      progress.duplicates += outcome.duplicates;
      report();
    });
    return writing;
  };
  const accept = (rows: FilingRows) => {
    progress.inputs++;
    unwritten++;
    if (rows.filing.ok === false) progress.failed++;
    batch.push(rows);
    if (batch.length >= batchSize) void flush();
  };

  const stream = entries((n) => (progress.bytesRead += n));
  if (workerCount === 0) {
    for await (const entry of stream) {
      accept(readEntry(entry, { maxBytes }));
      if (batch.length === 0) await writing;
    }
  } else {
    await runPool(workerCount, maxBytes, Math.max(64, 2 * batchSize), stream, accept, async () => {
      while (unwritten > 4 * batchSize) await writing;
    });
  }
  await flush();
  // Checks that need other filings: amendments and the holdings chain of each owner.
  await store.exclusive(async () => {
    await refreshAmendments(store);
    await refreshHistory(store, startedAt);
  });
  report();
  return progress;
}

/** Sends entries to workers with a bounded number in flight; results go to `accept`. */
async function runPool(
  count: number,
  maxBytes: number,
  maxInFlight: number,
  entries: AsyncIterable<Entry>,
  accept: (rows: FilingRows) => void,
  backlog: () => Promise<void>,
): Promise<void> {
  const workers = Array.from({ length: count }, () => new Worker(workerUrl, { workerData: { maxBytes } }));
  const load = workers.map(() => 0);
  let inFlight = 0;
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  workers.forEach((worker, i) => {
    worker.on('message', (message: { rows: FilingRows }) => {
      load[i]!--;
      inFlight--;
      accept(message.rows);
      wake?.();
    });
    worker.on('error', (error) => {
      failure = error;
      wake?.();
    });
  });
  const waitFor = async (condition: () => boolean) => {
    while (!condition() && !failure) await new Promise<void>((resolve) => (wake = resolve));
    wake = null;
    if (failure) throw failure;
  };
  try {
    let id = 0;
    for await (const entry of entries) {
      // Enough queued to keep every worker busy while the store writes, and no more.
      await waitFor(() => inFlight < maxInFlight);
      await backlog();
      const i = load.indexOf(Math.min(...load));
      const message = { id: id++, entry: 'bytes' in entry ? { name: entry.name, bytes: new Uint8Array(entry.bytes) } : entry };
      workers[i]!.postMessage(message, 'bytes' in message.entry ? [message.entry.bytes.buffer as ArrayBuffer] : []);
      load[i]!++;
      inFlight++;
    }
    await waitFor(() => inFlight === 0);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
