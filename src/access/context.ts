import type { Clock } from '../platform/clock.js';
import type { Db } from '../platform/db/transaction.js';
import type { Actor } from './actor.js';

/** What every command needs: where to write, what time it is, and who is acting. */
export interface CommandContext {
  db: Db;
  clock: Clock;
  actor: Actor;
}
