// Reads the SEC's Insider Transactions Data Sets as published (a quarter's .zip, or a
// folder of its .tsv files) and yields one bundle per accession number, ready to ingest.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { unzipSync } from 'fflate';
import type { Entry } from '../ingest/sources.ts';
import { writeBundle } from './bundle.ts';
import { TABLE_NAMES, type DatasetInput, type TableName } from './sec-dataset.ts';
import { readTsv } from './tsv.ts';

/** The data set's tables found at `path`: file names such as SUBMISSION.tsv, in any case. */
export async function readDatasetTables(path: string): Promise<{ tables: Partial<Record<TableName, Record<string, string>[]>>; errors: string[]; bytes: number }> {
  const files = new Map<string, Uint8Array>();
  const info = await stat(path);
  if (info.isDirectory()) {
    for (const name of await readdir(path)) if (/\.tsv$/i.test(name)) files.set(name, await readFile(join(path, name)));
  } else {
    const unzipped = unzipSync(await readFile(path), { filter: (f) => /\.tsv$/i.test(f.name) });
    for (const [name, bytes] of Object.entries(unzipped)) files.set(basename(name), bytes);
  }
  const tables: Partial<Record<TableName, Record<string, string>[]>> = {};
  const errors: string[] = [];
  let bytes = 0;
  for (const [name, data] of files) {
    const table = TABLE_NAMES.find((t) => name.toUpperCase() === `${t}.TSV`);
    if (!table) continue;
    bytes += data.length;
    const read = readTsv(new TextDecoder().decode(data));
    for (const e of read.errors.slice(0, 20)) errors.push(`${name}: ${e.message}`);
    tables[table] = read.rows;
  }
  if (!tables.SUBMISSION) errors.push(`no SUBMISSION.tsv in ${path}: is this an SEC Form 345 data set?`);
  return { tables, errors, bytes };
}

/**
 * One entry per accession number of the SUBMISSION table, holding that filing's rows of
 * every table. `onBytes` is told the file's size spread over its filings, for progress.
 */
export async function* datasetEntries(path: string, onBytes?: (n: number) => void): AsyncGenerator<Entry> {
  const size = (await stat(path)).isDirectory() ? 0 : (await stat(path)).size;
  const { tables, errors, bytes } = await readDatasetTables(path);
  if (errors.length && !tables.SUBMISSION) {
    yield { name: path, unreadable: errors.join('; ') };
    return;
  }
  const byAccession = new Map<string, DatasetInput>();
  for (const name of TABLE_NAMES) {
    for (const row of tables[name] ?? []) {
      const accession = row.ACCESSION_NUMBER ?? '';
      let filing = byAccession.get(accession);
      if (!filing) byAccession.set(accession, (filing = {}));
      ((filing[name] ??= []) as Record<string, string>[]).push(row);
    }
  }
  const share = (size || bytes) / Math.max(1, byAccession.size);
  for (const [accession, filing] of byAccession) {
    onBytes?.(share);
    yield { name: `${path}#${accession}`, bytes: Buffer.from(writeBundle(filing)) };
  }
}
