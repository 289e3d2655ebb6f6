import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';

/** Ordered list of every migration; the same files serve SQLite and PostgreSQL. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
};
