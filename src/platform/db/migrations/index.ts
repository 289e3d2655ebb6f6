import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_oncall.js';
import * as m0003 from './0003_incidents.js';
import * as m0004 from './0004_rules_maintenance.js';
import * as m0005 from './0005_jobs_key_prefix.js';
import * as m0006 from './0006_escalation_notify.js';
import * as m0007 from './0007_paging.js';
import * as m0008 from './0008_webhook_subscriptions.js';
import * as m0009 from './0009_call_routing.js';

/** Ordered list of every migration; the same files serve SQLite and PostgreSQL. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_oncall': m0002,
  '0003_incidents': m0003,
  '0004_rules_maintenance': m0004,
  '0005_jobs_key_prefix': m0005,
  '0006_escalation_notify': m0006,
  '0007_paging': m0007,
  '0008_webhook_subscriptions': m0008,
  '0009_call_routing': m0009,
};
