// Every migration, in order. A database records the versions it has applied.
import type { Migration } from '../dialect.ts';
import { initial } from './001-initial.ts';
import { amendments } from './002-amendments.ts';
import { edgarSync } from './003-edgar-sync.ts';
import { queryIndexes } from './004-query-indexes.ts';

export const migrations: Migration[] = [initial, amendments, edgarSync, queryIndexes];
