// Every migration, in order. A database records the versions it has applied.
import type { Migration } from '../dialect.ts';
import { initial } from './001-initial.ts';

export const migrations: Migration[] = [initial];
