// What both SQL backends share: the migration runner, statistics and raw-document
// paging, written once against a tiny driver interface.
import { CHILD_TABLES, type FilingRows, type Value } from './filing-rows.ts';
import { migrationStatements, type Dialect } from './dialect.ts';
import { migrations } from './migrations/index.ts';
import type { InsertOutcome, Store, StoreStats, StoredRaw } from './store.ts';

/** Every table's columns after all migrations, in order. */
export const TABLE_COLUMNS: Record<string, Record<string, string>> = {};
for (const m of migrations) {
  for (const t of m.tables) TABLE_COLUMNS[t.name] = { ...t.columns };
  for (const a of m.addColumns ?? []) Object.assign(TABLE_COLUMNS[a.table] ??= {}, a.columns);
}

/** Insert column lists per table: all but generated ids and columns that take their default. */
export const INSERT_COLUMNS: Record<string, string[]> = Object.fromEntries(
  Object.entries(TABLE_COLUMNS).map(([table, cols]) => [
    table,
    Object.entries(cols).filter(([name, spec]) => !(table === 'filings' && name === 'id') && !/\bdefault\b/.test(spec)).map(([name]) => name),
  ]),
);

export abstract class SqlStore implements Store {
  abstract readonly kind: 'sqlite' | 'postgres';
  protected abstract readonly dialect: Dialect;
  /** Runs `fn` in one transaction (rolled back if it throws). */
  protected abstract transaction<T>(fn: () => Promise<T>): Promise<T>;
  protected abstract exec(sql: string): Promise<void>;
  abstract all<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  abstract insertBatch(batch: FilingRows[]): Promise<InsertOutcome>;
  protected abstract insertChildren(filingId: number, rows: FilingRows): Promise<void>;
  abstract close(): Promise<void>;

  async migrate(): Promise<number[]> {
    await this.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
    const applied = new Set((await this.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)));
    const done: number[] = [];
    for (const migration of migrations) {
      if (applied.has(migration.version)) continue;
      await this.transaction(async () => {
        for (const statement of migrationStatements(this.dialect, migration)) await this.exec(statement);
        await this.all('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [migration.version, migration.name, new Date().toISOString()]);
      });
      done.push(migration.version);
    }
    return done;
  }

  async exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.transaction(async () => {
      await this.lockForMaintenance();
      return fn();
    });
  }

  /** Within a transaction: keep other processes' maintenance out until it ends. */
  protected abstract lockForMaintenance(): Promise<void>;

  async replaceFiling(filingId: number, rows: FilingRows): Promise<void> {
    await this.transaction(async () => {
      for (const table of CHILD_TABLES) await this.all(`DELETE FROM ${table} WHERE filing_id = ?`, [filingId]);
      await this.all(
        `INSERT INTO raw_documents (sha256, size, compression, data) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        [rows.raw.sha256, rows.raw.size, rows.raw.compression, rows.raw.data],
      );
      // The filing keeps its id, key and ingestion time; everything read from the document is replaced.
      const keep = new Set(['filing_key', 'ingested_at', 'source_file', 'amends_filing_id', 'amended_by_filing_id']);
      const cols = INSERT_COLUMNS.filings!.filter((c) => !keep.has(c));
      await this.all(`UPDATE filings SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`, [...cols.map((c) => rows.filing[c] ?? null), filingId]);
      await this.insertChildren(filingId, rows);
    });
  }

  async rawDocuments(afterId: number, limit: number): Promise<StoredRaw[]> {
    const rows = await this.all<{ id: number; filing_key: string; source_file: string | null; sha256: string; data: Uint8Array }>(
      `SELECT f.id, f.filing_key, f.source_file, r.sha256, r.data FROM filings f JOIN raw_documents r ON r.sha256 = f.raw_sha256
       WHERE f.id > ? ORDER BY f.id LIMIT ?`,
      [afterId, limit],
    );
    const { gunzipSync } = await import('node:zlib');
    return rows.map((r) => ({ filingId: Number(r.id), filingKey: r.filing_key, sourceFile: r.source_file, sha256: r.sha256, bytes: gunzipSync(r.data) }));
  }

  async stats(): Promise<StoreStats> {
    const count = async (sql: string, params: unknown[] = []) => Number((await this.all<{ n: number | string }>(sql, params))[0]?.n ?? 0);
    const byDocumentType: Record<string, number> = {};
    for (const r of await this.all<{ t: string | null; n: number | string }>(
      'SELECT document_type AS t, COUNT(*) AS n FROM filings WHERE ok = ? GROUP BY document_type ORDER BY document_type',
      [true],
    )) {
      byDocumentType[r.t ?? '(unknown)'] = Number(r.n);
    }
    const issuesByCode: StoreStats['issuesByCode'] = {};
    for (const r of await this.all<{ code: string; severity: string; n: number | string }>(
      'SELECT code, severity, COUNT(*) AS n FROM issues GROUP BY code, severity ORDER BY COUNT(*) DESC, code',
    )) {
      issuesByCode[r.code] = { severity: r.severity, count: Number(r.n) };
    }
    return {
      filings: await count('SELECT COUNT(*) AS n FROM filings'),
      failed: await count('SELECT COUNT(*) AS n FROM filings WHERE ok = ?', [false]),
      byDocumentType,
      reportingOwners: await count(
        `SELECT COUNT(*) AS n FROM (SELECT DISTINCT COALESCE(cik, name) AS who FROM reporting_owners) t`,
      ),
      issuers: await count('SELECT COUNT(*) AS n FROM (SELECT DISTINCT issuer_cik FROM filings WHERE issuer_cik IS NOT NULL) t'),
      nonDerivativeTransactions: await count('SELECT COUNT(*) AS n FROM nonderiv_transactions'),
      nonDerivativeHoldings: await count('SELECT COUNT(*) AS n FROM nonderiv_holdings'),
      derivativeTransactions: await count('SELECT COUNT(*) AS n FROM deriv_transactions'),
      derivativeHoldings: await count('SELECT COUNT(*) AS n FROM deriv_holdings'),
      footnotes: await count('SELECT COUNT(*) AS n FROM footnotes'),
      rawDocuments: await count('SELECT COUNT(*) AS n FROM raw_documents'),
      issuesByCode,
    };
  }
}

export type { Value };
