// PostgreSQL, for stores that outgrow one machine: several ingesters may load one
// database at once; a unique filing key and ON CONFLICT DO NOTHING keep them from
// writing a filing twice, and batches are sorted by key so their locks never cross.
import pg from 'pg';
import { CHILD_TABLES, type FilingRows, type Row, type Value } from './filing-rows.ts';
import { postgresDialect } from './dialect.ts';
import { INSERT_COLUMNS, SqlStore } from './sql-store.ts';
import type { InsertOutcome } from './store.ts';

// DATE columns come back as the 'YYYY-MM-DD' text they went in as, BIGINT as numbers.
pg.types.setTypeParser(1082, (v: string) => v);
pg.types.setTypeParser(20, (v: string) => Number(v));

const MAX_PARAMS = 60000;

/** `?` placeholders (shared SQL) to PostgreSQL's `$1, $2, ...`. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function toPg(v: unknown): unknown {
  if (v instanceof Uint8Array && !Buffer.isBuffer(v)) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  return v === undefined ? null : v;
}

export class PostgresStore extends SqlStore {
  readonly kind = 'postgres' as const;
  protected readonly dialect = postgresDialect;
  readonly #pool: pg.Pool;
  /** The client of the transaction in progress, if any. */
  #client: pg.PoolClient | null = null;

  private constructor(pool: pg.Pool) {
    super();
    this.#pool = pool;
  }

  static async open(url: string): Promise<PostgresStore> {
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    const store = new PostgresStore(pool);
    // Several processes may start at once: one migrates, the others wait on the lock.
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock(4040404)');
      store.#client = client;
      await client.query('BEGIN');
      await store.migrate();
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      store.#client = null;
      await client.query('SELECT pg_advisory_unlock(4040404)');
      client.release();
    }
    return store;
  }

  protected async lockForMaintenance(): Promise<void> {
    await this.#client!.query('SELECT pg_advisory_xact_lock(4040405)');
  }

  protected async exec(sql: string): Promise<void> {
    await (this.#client ?? this.#pool).query(sql);
  }

  async all<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const result = await (this.#client ?? this.#pool).query(numbered(sql), params.map(toPg));
    return result.rows as T[];
  }

  /**
   * Runs `fn` in a transaction; one that PostgreSQL aborts as a deadlock victim or a
   * serialization failure (concurrent ingesters) is run again, a few times.
   */
  protected async transaction<T>(fn: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.#transactionOnce(fn);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (this.#client || attempt >= 5 || (code !== '40P01' && code !== '40001')) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
      }
    }
  }

  async #transactionOnce<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#client) return fn();
    const client = await this.#pool.connect();
    this.#client = client;
    try {
      await client.query('BEGIN');
      const result = await fn();
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      this.#client = null;
      client.release();
    }
  }

  /** Multi-row INSERTs, split to stay under PostgreSQL's parameter limit. */
  async #insertRows(table: string, rows: Row[], suffix = ''): Promise<Record<string, unknown>[]> {
    const columns = INSERT_COLUMNS[table] as string[];
    const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
    const out: Record<string, unknown>[] = [];
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      const params: unknown[] = [];
      const tuples = chunk.map((row) => `(${columns.map((c) => `$${params.push(toPg(row[c] ?? null))}`).join(', ')})`);
      const result = await this.#client!.query(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${tuples.join(', ')} ${suffix}`, params);
      out.push(...(result.rows as Record<string, unknown>[]));
    }
    return out;
  }

  protected async insertChildren(filingId: number, rows: FilingRows): Promise<void> {
    for (const table of CHILD_TABLES) {
      const children = rows.children[table];
      if (children.length) await this.#insertRows(table, children.map((r) => ({ ...r, filing_id: filingId })));
    }
  }

  async insertBatch(batch: FilingRows[]): Promise<InsertOutcome> {
    // One row per key (a batch may hold the same filing twice), in key order.
    const unique = new Map<string, FilingRows>();
    for (const rows of batch) if (!unique.has(rows.key)) unique.set(rows.key, rows);
    const sorted = [...unique.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const raws = new Map(sorted.map((r) => [r.raw.sha256, r.raw]));
    return this.transaction(async () => {
      const rawRows = [...raws.values()].sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1)) as unknown as Record<string, Value>[];
      await this.#insertRows('raw_documents', rawRows, 'ON CONFLICT DO NOTHING');
      const created = await this.#insertRows('filings', sorted.map((r) => r.filing), 'ON CONFLICT DO NOTHING RETURNING id, filing_key');
      const ids = new Map(created.map((r) => [r.filing_key as string, Number(r.id)]));
      for (const table of CHILD_TABLES) {
        const children: Row[] = [];
        for (const rows of sorted) {
          const id = ids.get(rows.key);
          if (id !== undefined) for (const child of rows.children[table]) children.push({ ...child, filing_id: id });
        }
        if (children.length) await this.#insertRows(table, children);
      }
      return { inserted: ids.size, duplicates: batch.length - ids.size };
    });
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}
