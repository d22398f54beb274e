// Migration 3: where `form4 sync` has got to in EDGAR's daily indexes. Frozen once released.
import type { Migration, TableSpec } from '../dialect.ts';

const tables: TableSpec[] = [
  {
    // One row per source of filings ("daily-form-index"); last_date is the newest day
    // whose index was read and all its filings stored (YYYY-MM-DD, as text on both backends).
    name: 'edgar_sync',
    columns: { source: 'text not null', last_date: 'text not null', updated_at: 'text not null' },
    primaryKey: ['source'],
  },
];

export const edgarSync: Migration = { version: 3, name: 'edgar-sync', tables };
