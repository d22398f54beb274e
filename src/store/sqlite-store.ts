// The embedded default: one SQLite file through node:sqlite, in WAL mode so that a
// killed process never leaves a half-written batch.
import { DatabaseSync, type SQLInputValue, type StatementSync } from 'node:sqlite';
import { CHILD_TABLES, type FilingRows, type Value } from './filing-rows.ts';
import { sqliteDialect } from './dialect.ts';
import { INSERT_COLUMNS, SqlStore } from './sql-store.ts';
import type { InsertOutcome } from './store.ts';

function toSqlite(v: unknown): SQLInputValue {
  if (v === true) return 1;
  if (v === false) return 0;
  if (v === undefined) return null;
  return v as SQLInputValue;
}

export class SqliteStore extends SqlStore {
  readonly kind = 'sqlite' as const;
  protected readonly dialect = sqliteDialect;
  readonly #db: DatabaseSync;
  readonly #statements = new Map<string, StatementSync>();
  #depth = 0;

  private constructor(db: DatabaseSync) {
    super();
    this.#db = db;
  }

  static async open(path: string): Promise<SqliteStore> {
    const db = new DatabaseSync(path);
    db.exec('PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = OFF; PRAGMA busy_timeout = 10000;');
    const store = new SqliteStore(db);
    await store.migrate();
    return store;
  }

  #prepare(sql: string): StatementSync {
    let statement = this.#statements.get(sql);
    if (!statement) {
      statement = this.#db.prepare(sql);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** BEGIN IMMEDIATE already holds SQLite's single write lock. */
  protected async lockForMaintenance(): Promise<void> {}

  protected async exec(sql: string): Promise<void> {
    this.#db.exec(sql);
  }

  async all<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const statement = this.#prepare(sql);
    const values = params.map(toSqlite);
    if (statement.columns().length === 0) {
      statement.run(...values);
      return [];
    }
    return statement.all(...values) as T[];
  }

  protected async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#depth > 0) return fn();
    this.#db.exec('BEGIN IMMEDIATE');
    this.#depth++;
    try {
      const result = await fn();
      this.#db.exec('COMMIT');
      return result;
    } catch (error) {
      this.#db.exec('ROLLBACK');
      throw error;
    } finally {
      this.#depth--;
    }
  }

  #insert(table: string, row: Record<string, Value>, extra: Record<string, Value> = {}): void {
    const columns = INSERT_COLUMNS[table] as string[];
    const statement = this.#prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    statement.run(...columns.map((c) => toSqlite(c in extra ? extra[c] : row[c])));
  }

  protected async insertChildren(filingId: number, rows: FilingRows): Promise<void> {
    for (const table of CHILD_TABLES) for (const row of rows.children[table]) this.#insert(table, row, { filing_id: filingId });
  }

  async insertBatch(batch: FilingRows[]): Promise<InsertOutcome> {
    const filingColumns = INSERT_COLUMNS.filings as string[];
    const insertRaw = this.#prepare('INSERT INTO raw_documents (sha256, size, compression, data) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
    const insertFiling = this.#prepare(
      `INSERT INTO filings (${filingColumns.join(', ')}) VALUES (${filingColumns.map(() => '?').join(', ')}) ON CONFLICT DO NOTHING RETURNING id`,
    );
    return this.transaction(async () => {
      let inserted = 0;
      let duplicates = 0;
      for (const rows of batch) {
        insertRaw.run(rows.raw.sha256, rows.raw.size, rows.raw.compression, rows.raw.data);
        const created = insertFiling.get(...filingColumns.map((c) => toSqlite(rows.filing[c]))) as { id: number } | undefined;
        if (!created) {
          duplicates++;
          continue;
        }
        inserted++;
        await this.insertChildren(Number(created.id), rows);
      }
      return { inserted, duplicates };
    });
  }

  async close(): Promise<void> {
    this.#statements.clear();
    this.#db.close();
  }
}
