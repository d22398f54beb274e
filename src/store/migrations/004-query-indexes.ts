// Migration 4: indexes for the queries of src/query/ and the API. Frozen once released.
// An issuer is looked up by ticker (the latest filing that gives it); every other lookup
// (issuer CIK, owner CIK, filing id) already has its index.
import type { Migration } from '../dialect.ts';

export const queryIndexes: Migration = {
  version: 4,
  name: 'query-indexes',
  tables: [],
  addColumns: [{ table: 'filings', columns: {}, indexes: [['issuer_trading_symbol']] }],
};
