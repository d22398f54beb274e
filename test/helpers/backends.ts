// The store backends every store-facing test suite runs against: a fresh SQLite file, and a
// fresh database on the PostgreSQL server of this machine (FORM4_TEST_POSTGRES names another;
// FORM4_SKIP_POSTGRES=1 leaves PostgreSQL out locally — CI always runs it).
import { join } from 'node:path';
import pg from 'pg';

export const PG_ADMIN = process.env.FORM4_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';

export type Backend = {
  name: 'sqlite' | 'postgres';
  /** A new, empty store: a file path or a postgres:// URL. */
  url: () => Promise<string>;
  drop: (url: string) => Promise<void>;
};

/** The backends, naming their stores `${prefix}_...`; SQLite files go under `dir`. */
export function backends(prefix: string, dir: string): Backend[] {
  let counter = 0;
  const list: Backend[] = [{ name: 'sqlite', url: async () => join(dir, `${prefix}-${++counter}.db`), drop: async () => {} }];
  if (process.env.FORM4_SKIP_POSTGRES === '1') return list;
  list.push({
    name: 'postgres',
    url: async () => {
      const name = `form4_${prefix}_${process.pid}_${++counter}`;
      const admin = new pg.Client({ connectionString: PG_ADMIN });
      await admin.connect().catch((error: Error) => {
        throw new Error(`PostgreSQL is not reachable at ${PG_ADMIN} (${error.message}); start it, or set FORM4_SKIP_POSTGRES=1`);
      });
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      return PG_ADMIN.replace(/\/[^/]*$/, `/${name}`);
    },
    drop: async (url) => {
      const admin = new pg.Client({ connectionString: PG_ADMIN });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${url.split('/').pop()} WITH (FORCE)`);
      await admin.end();
    },
  });
  return list;
}
