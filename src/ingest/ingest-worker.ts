// The worker thread of `form4 ingest`: reads entries the main thread sends, returns rows.
import { parentPort, workerData } from 'node:worker_threads';
import type { FilingRows } from '../store/filing-rows.ts';
import { readEntry } from './read-entry.ts';
import type { Entry } from './sources.ts';

const { maxBytes } = workerData as { maxBytes: number };

parentPort!.on('message', (message: { id: number; entry: Entry }) => {
  const rows: FilingRows = readEntry(message.entry, { maxBytes });
  // A fresh buffer of its own, so that transferring it detaches nothing else.
  rows.raw.data = new Uint8Array(rows.raw.data);
  parentPort!.postMessage({ id: message.id, rows }, [rows.raw.data.buffer as ArrayBuffer]);
});
