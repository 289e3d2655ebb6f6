import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_oncall.js';
import * as m0003 from './0003_incidents.js';
import * as m0004 from './0004_rules_maintenance.js';

/** Ordered list of every migration; the same files serve SQLite and PostgreSQL. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_oncall': m0002,
  '0003_incidents': m0003,
  '0004_rules_maintenance': m0004,
};
