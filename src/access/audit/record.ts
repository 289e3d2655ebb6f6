import { newId } from '../../platform/ids.js';
import type { Executor } from '../../platform/db/transaction.js';
import type { Actor } from '../actor.js';

/** Writes who did what to which object, inside the command's own transaction. */
export async function recordAudit(
  tx: Executor,
  actor: Actor,
  at: number,
  action: string,
  object: { type: string; id: string | null },
  details: Record<string, unknown> = {},
): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      id: newId(),
      at,
      actor_type: actor.type,
      actor_id: actor.id,
      action,
      object_type: object.type,
      object_id: object.id,
      details: JSON.stringify(details),
    })
    .execute();
}
