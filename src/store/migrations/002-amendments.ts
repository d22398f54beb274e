// Migration 2: amendments. A 3/A, 4/A or 5/A is linked to the filing it amends, and each
// row says whether it is the current version: an amendment replaces the tables it reports.
import type { Migration } from '../dialect.ts';

const current = { current: 'bool not null default true' };

export const amendments: Migration = {
  version: 2,
  name: 'amendments',
  tables: [],
  addColumns: [
    { table: 'filings', columns: { amended_by_filing_id: 'id' } },
    { table: 'nonderiv_transactions', columns: current },
    { table: 'nonderiv_holdings', columns: current },
    { table: 'deriv_transactions', columns: current },
    { table: 'deriv_holdings', columns: current },
  ],
};
