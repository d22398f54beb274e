// `form4 ingest`, `form4 stats`, `form4 reparse`: the store's commands.
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { datasetEntries } from '../dataset/dataset-files.ts';
import { csvLine } from '../export/csv.ts';
import { datasetFiles, storedFilings } from '../export/export-store.ts';
import { ROW_COLUMNS, recordRows } from '../export/rows.ts';
import { ingest, ingestEntries } from '../ingest/ingest.ts';
import { totalBytes } from '../ingest/sources.ts';
import { readEntry } from '../ingest/read-entry.ts';
import { DEFAULT_MAX_BYTES } from '../read/parse.ts';
import { refreshAmendments } from '../store/amendments.ts';
import { refreshHistory } from '../store/history.ts';
import { DEFAULT_DB, openStore, type StoreStats } from '../store/store.ts';
import { ProgressBar, formatDuration } from './progress.ts';
import { UsageError } from './usage-error.ts';

const dbHelp = `  --db DB            the store: a SQLite file (default ${DEFAULT_DB}) or a
                     postgres://user@host:port/database URL`;

export const ingestHelp = `Usage: form4 ingest [options] PATH...

Reads filings into the store. PATH may be a file, a folder (read recursively) or a
tar archive, gzipped or not (.tar.gz of EDGAR submissions). Every input is kept:
a filing that cannot be read is stored with its error and its bytes, and
"form4 reparse" can read it again after an upgrade.

Ingesting is idempotent: a filing already stored (same accession number, or the
same bytes when there is none) is skipped. A killed run leaves no filing
half-written; run it again to finish. Several ingesters may load one PostgreSQL
database at once.

Options:
${dbHelp}
  --workers N        worker threads that read filings (default: one per core)
  --batch N          filings per transaction (default 500)
  --max-bytes N      refuse single inputs larger than N bytes (default ${DEFAULT_MAX_BYTES})
  -h, --help         show this help

Example:
  form4 ingest ../shared/bulk/form4-2023h1-submissions.tar.gz`;

export const statsHelp = `Usage: form4 stats [--db DB] [--json]

Counts what the store holds: filings by form type, reporting owners, issuers,
transactions and holdings of each table, footnotes, filings that failed to read,
and issues by code.

Options:
${dbHelp}
  --json             print the counts as JSON
  -h, --help         show this help`;

export const reparseHelp = `Usage: form4 reparse [--db DB]

Reads every stored raw document again with this version of form4's readers and
replaces what was stored from it. Filing ids and keys stay the same.

Options:
${dbHelp}
  -h, --help         show this help`;

function positiveInt(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`${name} must be a whole number of at least ${min}, not "${value}"`);
  return n;
}

export async function ingestCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string', default: DEFAULT_DB },
      workers: { type: 'string' },
      batch: { type: 'string' },
      'max-bytes': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(ingestHelp + '\n');
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('give at least one file, folder or archive to ingest');
  const workers = positiveInt('--workers', values.workers, -1, 0);
  const store = await openStore(values.db);
  const bar = new ProgressBar();
  try {
    const result = await ingest(store, positionals, {
      ...(workers >= 0 ? { workers } : {}),
      batchSize: positiveInt('--batch', values.batch, 500),
      maxBytes: positiveInt('--max-bytes', values['max-bytes'], DEFAULT_MAX_BYTES),
      onProgress: (p) =>
        bar.update({ done: p.bytesRead, total: p.totalBytes, unit: 'filings', count: p.inputs, seconds: p.seconds, detail: `${p.inserted.toLocaleString('en-US')} new` }),
    });
    bar.done();
    const rate = result.seconds > 0 ? Math.round(result.inputs / result.seconds) : result.inputs;
    process.stdout.write(
      `Ingested ${result.inputs.toLocaleString('en-US')} inputs in ${formatDuration(result.seconds)} (${rate.toLocaleString('en-US')}/s) into ${values.db}:\n` +
        `  ${result.inserted.toLocaleString('en-US')} new filings, ${result.duplicates.toLocaleString('en-US')} already stored, ` +
        `${result.failed.toLocaleString('en-US')} could not be read (kept with their errors; see form4 stats)\n`,
    );
    return result.failed > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}

export async function statsCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { db: { type: 'string', default: DEFAULT_DB }, json: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    process.stdout.write(statsHelp + '\n');
    return 0;
  }
  const store = await openStore(values.db);
  try {
    const stats = await store.stats();
    process.stdout.write(values.json ? JSON.stringify(stats, null, 2) + '\n' : formatStats(values.db, stats));
    return 0;
  } finally {
    await store.close();
  }
}

function formatStats(db: string, s: StoreStats): string {
  const n = (x: number) => x.toLocaleString('en-US').padStart(10);
  const lines = [
    `${db}`,
    `${n(s.filings)}  filings (${s.failed.toLocaleString('en-US')} could not be read)`,
    ...Object.entries(s.byDocumentType).map(([t, c]) => `${n(c)}    Form ${t}`),
    `${n(s.issuers)}  issuers`,
    `${n(s.reportingOwners)}  reporting owners`,
    `${n(s.nonDerivativeTransactions)}  non-derivative transactions`,
    `${n(s.nonDerivativeHoldings)}  non-derivative holdings`,
    `${n(s.derivativeTransactions)}  derivative transactions`,
    `${n(s.derivativeHoldings)}  derivative holdings`,
    `${n(s.footnotes)}  footnotes`,
    `${n(s.rawDocuments)}  raw documents kept`,
  ];
  const codes = Object.entries(s.issuesByCode);
  if (codes.length) {
    lines.push('issues by code:');
    for (const [code, { severity, count }] of codes) lines.push(`${n(count)}  ${code} (${severity})`);
  }
  return lines.join('\n') + '\n';
}

export async function reparseCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { db: { type: 'string', default: DEFAULT_DB }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    process.stdout.write(reparseHelp + '\n');
    return 0;
  }
  const store = await openStore(values.db);
  const bar = new ProgressBar();
  const total = (await store.stats()).filings;
  const started = Date.now();
  let count = 0;
  let failed = 0;
  try {
    for (let after = 0; ; ) {
      const page = await store.rawDocuments(after, 500);
      if (page.length === 0) break;
      for (const doc of page) {
        const rows = readEntry({ name: doc.sourceFile ?? doc.filingKey, bytes: doc.bytes }, { maxBytes: Number.MAX_SAFE_INTEGER });
        if (rows.filing.ok === false) failed++;
        await store.replaceFiling(doc.filingId, rows);
        count++;
        after = doc.filingId;
      }
      bar.update({ done: count, total, unit: 'filings', count, seconds: (Date.now() - started) / 1000 });
    }
    await store.exclusive(async () => {
      await refreshAmendments(store);
      await refreshHistory(store);
    });
    bar.done();
    process.stdout.write(`Re-read ${count.toLocaleString('en-US')} filings: ${(count - failed).toLocaleString('en-US')} read, ${failed.toLocaleString('en-US')} could not be read\n`);
    return 0;
  } finally {
    await store.close();
  }
}

export const exportHelp = `Usage: form4 export [options]

Writes the stored filings out. By default each filing shows its current version:
a table that an amendment restated is taken from the amendment, not the original.

Options:
${dbHelp}
  -f, --format FORMAT  csv          one row per transaction or holding (default)
                       jsonl        one line per filing: {filingKey, accessionNumber,
                                    record, source}
                       sec-dataset  the SEC Insider Transactions Data Sets layout:
                                    SUBMISSION.tsv, REPORTINGOWNER.tsv, NONDERIV_TRANS.tsv,
                                    NONDERIV_HOLDING.tsv, DERIV_TRANS.tsv, DERIV_HOLDING.tsv,
                                    FOOTNOTES.tsv, OWNER_SIGNATURE.tsv (needs --out FOLDER)
  -o, --out PATH       a file (csv, jsonl) or folder (sec-dataset); default: standard output
      --as-filed       every filing as it was filed, amended or not
  -h, --help           show this help`;

export const importHelp = `Usage: form4 import [--db DB] PATH...

Loads the SEC's Insider Transactions Data Sets (Form 345): a quarter's .zip as the
SEC publishes it, or a folder holding its .tsv files. Each filing is stored like
an ingested one (idempotent by accession number), with its rows kept as its raw
document. The data sets do not carry everything a filing says (schema version,
the 10b5-1 box, non-US address fields, total values of non-derivative rows), and
round amounts to two decimals; those fields stay null.

Options:
${dbHelp}
  -h, --help         show this help`;

export async function exportCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string', default: DEFAULT_DB },
      format: { type: 'string', short: 'f', default: 'csv' },
      out: { type: 'string', short: 'o' },
      'as-filed': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(exportHelp + '\n');
    return 0;
  }
  const format = values.format;
  if (!['csv', 'jsonl', 'sec-dataset'].includes(format)) throw new UsageError(`unknown --format "${format}"; use csv, jsonl or sec-dataset`);
  if (format === 'sec-dataset' && !values.out) throw new UsageError('--format sec-dataset writes eight files: give a folder with --out');
  const store = await openStore(values.db);
  try {
    const filings = storedFilings(store, { asFiled: values['as-filed'] });
    if (format === 'sec-dataset') {
      const { files, written, skipped } = await datasetFiles(filings);
      await mkdir(values.out!, { recursive: true });
      for (const [name, text] of Object.entries(files)) await writeFile(join(values.out!, name), text);
      process.stderr.write(`Wrote ${written.toLocaleString('en-US')} filings to ${values.out}${skipped ? `; ${skipped} without an accession number were left out (the data sets key every row by it)` : ''}\n`);
      return 0;
    }
    const out = values.out ? createWriteStream(values.out) : process.stdout;
    const write = (text: string) => new Promise<void>((resolve) => (out.write(text) ? resolve() : out.once('drain', () => resolve())));
    let count = 0;
    if (format === 'csv') await write(csvLine(ROW_COLUMNS));
    for await (const f of filings) {
      count++;
      if (format === 'csv') for (const row of recordRows(f.record, f.source)) await write(csvLine(ROW_COLUMNS.map((c) => row[c])));
      else await write(JSON.stringify({ filingKey: f.filingKey, accessionNumber: f.accessionNumber, record: f.record, source: f.source }) + '\n');
    }
    if (values.out) await new Promise((resolve) => (out as ReturnType<typeof createWriteStream>).end(resolve));
    process.stderr.write(`Exported ${count.toLocaleString('en-US')} filings${values.out ? ` to ${values.out}` : ''}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

export async function importCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { db: { type: 'string', default: DEFAULT_DB }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    process.stdout.write(importHelp + '\n');
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('give a data set .zip or a folder of its .tsv files');
  const store = await openStore(values.db);
  const bar = new ProgressBar();
  try {
    const total = await totalBytes(positionals);
    const result = await ingestEntries(
      store,
      async function* (onBytes) {
        for (const path of positionals) yield* datasetEntries(path, onBytes);
      },
      total,
      { onProgress: (p) => bar.update({ done: p.bytesRead, total: p.totalBytes, unit: 'filings', count: p.inputs, seconds: p.seconds }) },
    );
    bar.done();
    process.stdout.write(
      `Imported ${result.inputs.toLocaleString('en-US')} filings in ${formatDuration(result.seconds)}: ` +
        `${result.inserted.toLocaleString('en-US')} new, ${result.duplicates.toLocaleString('en-US')} already stored, ${result.failed.toLocaleString('en-US')} could not be read\n`,
    );
    return result.failed > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}
