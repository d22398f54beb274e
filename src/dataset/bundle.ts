// One filing's rows of the SEC data sets as a single text: how an imported filing is
// kept as its raw document, so that `form4 reparse` can read it again like any other.
//
//     form4 sec-dataset bundle 1
//     == SUBMISSION
//     ACCESSION_NUMBER<TAB>FILING_DATE<TAB>...
//     0001127602-24-022591<TAB>30-SEP-2024<TAB>...
//     == REPORTINGOWNER
//     ...
import { DATASET_TABLES, TABLE_NAMES, type DatasetInput, type TableName } from './sec-dataset.ts';
import { readTsv, writeTsv } from './tsv.ts';

export const BUNDLE_MAGIC = 'form4 sec-dataset bundle 1';

export function writeBundle(tables: DatasetInput): string {
  let out = BUNDLE_MAGIC + '\n';
  for (const name of TABLE_NAMES) {
    const rows = tables[name];
    if (!rows || rows.length === 0) continue;
    const columns = DATASET_TABLES[name] as readonly string[];
    out += `== ${name}\n` + writeTsv(columns, rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? '']))));
  }
  return out;
}

export function readBundle(text: string): { tables: DatasetInput; errors: string[] } {
  const errors: string[] = [];
  const tables: Record<string, Record<string, string>[]> = {};
  const parts = text.split(/^== ([A-Z_]+)\n/m);
  // parts: [magic, name1, body1, name2, body2, ...]
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const name = parts[i] as string;
    if (!(TABLE_NAMES as string[]).includes(name)) {
      errors.push(`unknown table ${name}`);
      continue;
    }
    const table = readTsv(parts[i + 1] as string);
    for (const e of table.errors) errors.push(`${name} ${e.message}`);
    tables[name] = table.rows;
  }
  return { tables: tables as DatasetInput, errors };
}

export type { TableName };
