// What `form4 export` writes: the stored filings as CSV rows, JSON Lines, or the SEC's
// Insider Transactions Data Sets layout. By default each filing shows its current
// version: a table an amendment restated is left out of the original (--as-filed keeps all).
import { concatDatasetRows, DATASET_TABLES, TABLE_NAMES, toDatasetRows, type DatasetRows } from '../dataset/sec-dataset.ts';
import { writeTsv } from '../dataset/tsv.ts';
import type { OwnershipRecord, Source } from '../record/schema.ts';
import type { Store } from '../store/store.ts';

export interface StoredFiling {
  id: number;
  filingKey: string;
  accessionNumber: string | null;
  record: OwnershipRecord;
  source: Source;
  /** Record lists an amendment has replaced (empty with asFiled). */
  superseded: string[];
}

const ROW_TABLES = {
  nonderiv_transactions: 'nonDerivativeTransactions',
  nonderiv_holdings: 'nonDerivativeHoldings',
  deriv_transactions: 'derivativeTransactions',
  deriv_holdings: 'derivativeHoldings',
} as const;

/** Every filing that was read, in id order, a page at a time. */
export async function* storedFilings(store: Store, options: { asFiled?: boolean; pageSize?: number } = {}): AsyncGenerator<StoredFiling> {
  const pageSize = options.pageSize ?? 1000;
  for (let after = 0; ; ) {
    const page = await store.all<{ id: number; filing_key: string; accession_number: string | null; record_json: string; source_json: string }>(
      'SELECT id, filing_key, accession_number, record_json, source_json FROM filings WHERE id > ? AND ok = ? ORDER BY id LIMIT ?',
      [after, true, pageSize],
    );
    if (page.length === 0) return;
    const superseded = new Map<number, string[]>();
    if (!options.asFiled) {
      const ids = page.map((p) => Number(p.id));
      for (const [table, list] of Object.entries(ROW_TABLES)) {
        const rows = await store.all<{ filing_id: number }>(
          `SELECT DISTINCT filing_id FROM ${table} WHERE current = ? AND filing_id IN (${ids.map(() => '?').join(', ')})`,
          [false, ...ids],
        );
        for (const r of rows) superseded.set(Number(r.filing_id), [...(superseded.get(Number(r.filing_id)) ?? []), list]);
      }
    }
    for (const row of page) {
      const id = Number(row.id);
      const record = JSON.parse(row.record_json) as OwnershipRecord;
      const gone = superseded.get(id) ?? [];
      for (const list of gone) (record as Record<string, unknown>)[list] = [];
      yield { id, filingKey: row.filing_key, accessionNumber: row.accession_number, record, source: JSON.parse(row.source_json) as Source, superseded: gone };
      after = id;
    }
  }
}

/** The eight TSV files of the SEC layout for the given filings; filings without an accession number are counted, not written. */
export async function datasetFiles(filings: AsyncIterable<StoredFiling>): Promise<{ files: Record<string, string>; written: number; skipped: number }> {
  const parts: DatasetRows[] = [];
  let skipped = 0;
  for await (const f of filings) {
    const result = toDatasetRows(f.record, f.source);
    if (result.ok) parts.push(result.tables);
    else skipped++;
  }
  const all = concatDatasetRows(parts);
  const files: Record<string, string> = {};
  for (const name of TABLE_NAMES) files[`${name}.tsv`] = writeTsv(DATASET_TABLES[name], all[name]);
  return { files, written: parts.length, skipped };
}
