// One store interface, two backends (embedded SQLite, PostgreSQL). Callers never
// see SQL dialects: they hand over FilingRows and ask questions.
import type { FilingRows } from './filing-rows.ts';

export interface InsertOutcome {
  /** Filings written by this call. */
  inserted: number;
  /** Filings already in the store (same accession number, or same bytes), left as they were. */
  duplicates: number;
}

export interface StoreStats {
  filings: number;
  failed: number;
  byDocumentType: Record<string, number>;
  reportingOwners: number;
  issuers: number;
  nonDerivativeTransactions: number;
  nonDerivativeHoldings: number;
  derivativeTransactions: number;
  derivativeHoldings: number;
  footnotes: number;
  rawDocuments: number;
  issuesByCode: Record<string, { severity: string; count: number }>;
}

export interface StoredRaw {
  filingId: number;
  filingKey: string;
  sourceFile: string | null;
  sha256: string;
  bytes: Uint8Array;
}

export interface Store {
  readonly kind: 'sqlite' | 'postgres';
  /** Applies the migrations this database has not seen yet; returns the versions applied. */
  migrate(): Promise<number[]>;
  /** Writes a batch in one transaction: all of it or none of it. */
  insertBatch(batch: FilingRows[]): Promise<InsertOutcome>;
  /** Replaces a stored filing's rows (after re-reading its raw document). */
  replaceFiling(filingId: number, rows: FilingRows): Promise<void>;
  /** Raw documents in filing id order, `limit` at a time after `afterId`. */
  rawDocuments(afterId: number, limit: number): Promise<StoredRaw[]>;
  stats(): Promise<StoreStats>;
  /**
   * Runs `fn` in one transaction that no other process runs at the same time
   * (maintenance that reads, then writes: amendment links, history checks).
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** Plain SQL for queries and tests; `?` placeholders on both backends. */
  all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export const DEFAULT_DB = './form4.db';

/** Opens a store from `--db`: a postgres:// URL, or a SQLite file path (default ./form4.db). */
export async function openStore(db: string = DEFAULT_DB): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(db)) {
    const { PostgresStore } = await import('./postgres-store.ts');
    return PostgresStore.open(db);
  }
  const { SqliteStore } = await import('./sqlite-store.ts');
  return SqliteStore.open(db.replace(/^sqlite:(\/\/)?/, ''));
}
