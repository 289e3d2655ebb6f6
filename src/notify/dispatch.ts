// The notify job: one planned notification (or a retry, or a throttle's bundle) becomes one
// message on one contact method. Three steps, so no transaction is open while a provider is
// called: (1) a short transaction checks the incident still needs paging, applies the
// throttle and writes the delivery record; (2) the channel adapter sends; (3) the transaction
// that completes the job records the answer (outcome.ts). A crash between (1) and (3) re-runs
// the job, which finds its record by the job id and sends it again with the same idempotency
// key: external effects are at-least-once, as the architecture says.

import type { AppDeps } from '../app-context.js';
import { Changes } from '../incidents/changes.js';
import { SYSTEM_ACTOR } from '../incidents/lifecycle.js';
import { findLockedIncident } from '../incidents/commands/common.js';
import { timelineEntry } from '../incidents/timeline.js';
import { dialectOf, transact, type Tx } from '../platform/db/transaction.js';
import type { Job, JobContext, JobRegistry } from '../platform/jobs/index.js';
import type { Row } from '../platform/db/tables.js';
import type { ContactTarget, IncidentSummary, OutboundMessage } from './channels/types.js';
import { contactTarget, deliver } from './delivery.js';
import { pageMessage } from './messages.js';
import { NOTIFY_JOB, failOver, recordOutcome, type NotifyPayload, type RetryPayload } from './outcome.js';
import { incidentSummaries, insertNotification, itemsOf, notificationById, notificationByKey, saveSends, throttleState, type NotificationRow } from './records.js';
import { channelsFor, throttleLimitsFor } from './runtime.js';
import { cachedNotifyKey } from './secrets.js';
import { admit as admitToThrottle, flush, type ThrottleItem } from './throttle.js';

export { NOTIFY_JOB, type NotifyPayload } from './outcome.js';
export const FLUSH_JOB = 'notify.flush';
export const flushKey = (contactMethodId: string) => `notify.flush:${contactMethodId}`;

export interface Prepared {
  notificationId: string;
  message: OutboundMessage;
  target: ContactTarget;
}

type MethodRow = Row<'contact_methods'>;

/** Serializes throttle decisions per contact method on PostgreSQL (SQLite writers are serial already). */
async function lockMethod(tx: Tx, id: string): Promise<MethodRow | undefined> {
  let q = tx.selectFrom('contact_methods').selectAll().where('id', '=', id);
  if (dialectOf(tx) === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

function unusableReason(method: MethodRow | undefined): string | null {
  if (!method) return 'deleted';
  if (method.disabled_reason !== null) return method.disabled_reason;
  return method.verified === 1 ? null : 'not verified';
}

function hhmm(at: number): string {
  return new Date(at).toISOString().slice(11, 16) + ' UTC';
}

/** The message and target for a queued record, or null (and the record cancelled) when none of its incidents needs paging any more. */
async function prepareSend(tx: Tx, deps: AppDeps, row: NotificationRow, method: MethodRow, now: number): Promise<Prepared | null> {
  const items = itemsOf(row);
  const summaries = await incidentSummaries(tx, items.map((i) => i.incident_id), deps.config.publicUrl);
  const open = items.map((i) => summaries.get(i.incident_id)).filter((s): s is IncidentSummary => s !== undefined && s.status === 'triggered');
  if (open.length === 0 && (row.kind === 'incident' || row.kind === 'bundle')) {
    await tx.updateTable('notifications').set({ status: 'cancelled', updated_at: now }).where('id', '=', row.id).execute();
    return null;
  }
  const message = pageMessage({
    notificationId: row.id,
    incidents: open,
    contactType: method.type,
    userId: row.user_id,
    publicUrl: deps.config.publicUrl,
    now,
    linkKey: await cachedNotifyKey(deps.db, tx, 'action_link_key'),
  });
  return { notificationId: row.id, message, target: await contactTarget(tx, method, await cachedNotifyKey(deps.db, tx, 'webhook_signing_key')) };
}

/** Step 1 for a planned notification. */
async function admitPlanned(tx: Tx, deps: AppDeps, job: Job<NotifyPayload>, now: number): Promise<Prepared | null> {
  const p = job.payload;
  const inc = await findLockedIncident(tx, p.incident_id);
  if (!inc || inc.status !== 'triggered' || inc.escalation_round !== p.round) return null;
  const existing = await notificationByKey(tx, job.id);
  if (existing) {
    // Re-run after a crash: send what step 1 already decided, once more.
    const method = await lockMethod(tx, p.contact_method_id);
    return existing.status === 'queued' && method ? prepareSend(tx, deps, existing, method, now) : null;
  }
  return admitPage(tx, deps, inc, p, job.id, now);
}

/**
 * Admits one planned notification of a triggered incident, in the caller's transaction: the
 * throttle decides, the delivery record is written, and what to send comes back (null when it
 * was held, or the method could not be used and the next one was planned instead).
 * `serviceName`: the incident's service name, when the caller has read it already.
 */
export async function admitPage(tx: Tx, deps: AppDeps, inc: Row<'incidents'>, p: NotifyPayload, idempotencyKey: string, now: number, serviceName?: string): Promise<Prepared | null> {
  const method = await lockMethod(tx, p.contact_method_id);
  const unusable = unusableReason(method);
  if (unusable !== null || !method) {
    // Disabled, unverified or deleted since the step planned it: the next method instead.
    const ch = new Changes(now);
    const user = await tx.selectFrom('users').select('name').where('id', '=', p.user_id).executeTakeFirst();
    const who = user?.name ?? p.user_id;
    ch.timeline(
      timelineEntry(inc.id, now, 'notification.skipped', SYSTEM_ACTOR, `${who}'s contact method ${method ? `"${method.label}"` : p.contact_method_id} cannot be used (${unusable})`, {
        details: { user_id: p.user_id, contact_method_id: p.contact_method_id },
      }),
    );
    ch.signal(inc.id, 'incident.updated');
    await failOver(tx, ch, { notificationId: null, user_id: p.user_id, kind: 'incident', contact_method_id: p.contact_method_id, loop: p.loop, level: p.level, incidentIds: [inc.id] }, who);
    await ch.flush(tx);
    return null;
  }
  const name = serviceName ?? (await tx.selectFrom('services').select('name').where('id', '=', inc.service_id).executeTakeFirst())?.name;
  const item: ThrottleItem = { incident_id: inc.id, incident_number: Number(inc.number), title: inc.title, service_name: name ?? '(deleted service)' };
  const limit = throttleLimitsFor(deps)[method.type];
  const { state, held } = await throttleState(tx, method.id);
  const outcome = admitToThrottle(state, item, now, limit);
  const base = { user_id: p.user_id, contact_method: method, round: p.round, loop: p.loop, level: p.level, idempotency_key: idempotencyKey, now };
  if (outcome.action === 'hold') {
    const row = await insertNotification(tx, { ...base, incident_id: inc.id, kind: 'incident', status: 'held', items: [item] });
    if (limit) await saveSends(tx, method.id, outcome.state.sent, now);
    const ch = new Changes(now);
    ch.enqueue(FLUSH_JOB, { contact_method_id: method.id }, { key: flushKey(method.id), replace: true, runAt: outcome.flushAt });
    const user = await tx.selectFrom('users').select('name').where('id', '=', p.user_id).executeTakeFirst();
    ch.timeline(
      timelineEntry(
        inc.id,
        now,
        'notification.held',
        SYSTEM_ACTOR,
        `${user?.name ?? p.user_id}'s ${method.type} "${method.label}" is at its limit (${limit!.max} per ${Math.round(limit!.windowMs / 60_000)} min); this page goes out in one bundle at ${hhmm(outcome.flushAt)}`,
        { details: { notification_id: row.id, status: 'held', contact_type: method.type, user_id: p.user_id } },
      ),
    );
    ch.signal(inc.id, 'incident.updated');
    await ch.flush(tx);
    return null;
  }
  if (outcome.action !== 'send') return null;
  const row = await insertNotification(tx, {
    ...base,
    incident_id: inc.id,
    kind: outcome.items.length > 1 ? 'bundle' : 'incident',
    status: 'queued',
    items: outcome.items,
  });
  if (held.length > 0) await markBundled(tx, held, row.id, now);
  if (limit) await saveSends(tx, method.id, outcome.state.sent, now);
  return prepareSend(tx, deps, row, method, now);
}

async function markBundled(tx: Tx, held: NotificationRow[], bundleId: string, now: number): Promise<void> {
  for (let i = 0; i < held.length; i += 500) {
    await tx
      .updateTable('notifications')
      .set({ status: 'bundled', bundle_id: bundleId, updated_at: now })
      .where('id', 'in', held.slice(i, i + 500).map((h) => h.id))
      .execute();
  }
}

/** Step 1 for a retry of a record that failed. */
async function admitRetry(tx: Tx, deps: AppDeps, payload: RetryPayload, now: number): Promise<Prepared | null> {
  const row = await notificationById(tx, payload.notification_id);
  if (!row || row.status !== 'queued' || row.attempts !== payload.attempt) return null;
  if (row.kind === 'incident' && row.incident_id) {
    const inc = await findLockedIncident(tx, row.incident_id);
    if (!inc || inc.status !== 'triggered' || inc.escalation_round !== row.escalation_round) {
      await tx.updateTable('notifications').set({ status: 'cancelled', updated_at: now }).where('id', '=', row.id).execute();
      return null;
    }
  }
  const method = row.contact_method_id ? await lockMethod(tx, row.contact_method_id) : undefined;
  if (!method) {
    await tx.updateTable('notifications').set({ status: 'failed', failed_at: now, provider_response: 'the contact method was deleted', updated_at: now }).where('id', '=', row.id).execute();
    return null;
  }
  return prepareSend(tx, deps, row, method, now);
}

/** Step 1 when a throttled method's slot frees: everything held goes out as one message. */
async function admitFlush(tx: Tx, deps: AppDeps, job: Job<{ contact_method_id: string }>, now: number): Promise<Prepared | null> {
  const existing = await notificationByKey(tx, job.id);
  const method = await lockMethod(tx, job.payload.contact_method_id);
  if (existing) return existing.status === 'queued' && method ? prepareSend(tx, deps, existing, method, now) : null;
  if (!method) return null;
  const { state, held } = await throttleState(tx, method.id);
  // Held pages whose incident was acknowledged or resolved meanwhile are dropped, not sent late.
  const incidents = await tx
    .selectFrom('incidents')
    .select(['id', 'status', 'escalation_round'])
    .where('id', 'in', held.length ? held.map((h) => h.incident_id ?? '') : [''])
    .execute();
  const live = new Map(incidents.map((i) => [i.id, i]));
  const keep: NotificationRow[] = [];
  const drop: string[] = [];
  for (const h of held) {
    const inc = h.incident_id ? live.get(h.incident_id) : undefined;
    if (inc && inc.status === 'triggered' && inc.escalation_round === h.escalation_round) keep.push(h);
    else drop.push(h.id);
  }
  if (drop.length) await tx.updateTable('notifications').set({ status: 'cancelled', updated_at: now }).where('id', 'in', drop).execute();
  const limit = throttleLimitsFor(deps)[method.type];
  const outcome = flush({ sent: state.sent, held: keep.flatMap(itemsOf) }, now, limit);
  if (outcome.action !== 'send') {
    if (outcome.flushAt !== null) {
      const ch = new Changes(now);
      ch.enqueue(FLUSH_JOB, { contact_method_id: method.id }, { key: flushKey(method.id), replace: true, runAt: outcome.flushAt });
      await ch.flush(tx);
    }
    return null;
  }
  const first = keep[0]!;
  const row = await insertNotification(tx, {
    incident_id: first.incident_id,
    user_id: first.user_id,
    contact_method: method,
    kind: outcome.items.length > 1 ? 'bundle' : 'incident',
    status: 'queued',
    round: outcome.items.length > 1 ? null : first.escalation_round,
    loop: first.loop,
    level: first.level,
    items: outcome.items,
    idempotency_key: job.id,
    now,
  });
  await markBundled(tx, keep, row.id, now);
  if (limit) await saveSends(tx, method.id, outcome.state.sent, now);
  return prepareSend(tx, deps, row, method, now);
}

async function sendAndRecord(deps: AppDeps, ctx: JobContext, prepared: Prepared | null): Promise<void> {
  if (!prepared) return;
  const result = await deliver(channelsFor(deps), prepared.message, prepared.target, { now: ctx.clock.now(), publicUrl: deps.config.publicUrl });
  await ctx.complete((tx) => recordOutcome(tx, prepared.notificationId, result, ctx.clock.now()));
}

/** How long a page admitted by an escalation step may take to go out before a notify job sends it instead. */
export const SEND_GUARD_MS = 120_000;

/**
 * The guard of a page that an escalation step admitted and sends itself, right after its commit:
 * a notify job that sends the record (still queued, no attempt made) if that never happens,
 * because the process died in between. Cancelled once the outcome is recorded.
 */
export function guardKey(incidentId: string, round: number, notificationId: string): string {
  return `escalate:${incidentId}:${round}:r:${notificationId}:0`;
}

export function guardPayload(notificationId: string): RetryPayload {
  return { notification_id: notificationId, attempt: 0 };
}

/**
 * Sends pages an escalation step admitted, concurrently, and records every outcome in one
 * transaction that also cancels their guards: the fast path from trigger to first page (one
 * job, two transactions) instead of a notify job per page.
 */
export async function sendAdmitted(deps: AppDeps, clock: { now(): number }, pages: Array<Prepared & { guard: string }>): Promise<void> {
  if (pages.length === 0) return;
  const channels = channelsFor(deps);
  const results = await Promise.all(pages.map((p) => deliver(channels, p.message, p.target, { now: clock.now(), publicUrl: deps.config.publicUrl })));
  const now = clock.now();
  await transact(deps.db, async (tx) => {
    const ch = new Changes(now);
    for (let i = 0; i < pages.length; i++) await recordOutcome(tx, pages[i]!.notificationId, results[i]!, now, ch);
    for (const p of pages) ch.cancelKey(p.guard);
    await ch.flush(tx);
  });
}

export function registerNotifyJobs(registry: JobRegistry, deps: AppDeps): void {
  registry.register(
    NOTIFY_JOB,
    async (job: Job<NotifyPayload | RetryPayload>, ctx) => {
      const now = ctx.clock.now();
      const prepared = await transact(deps.db, (tx) =>
        'notification_id' in job.payload ? admitRetry(tx, deps, job.payload, now) : admitPlanned(tx, deps, job as Job<NotifyPayload>, now),
      );
      await sendAndRecord(deps, ctx, prepared);
    },
    // A provider call can take a while; the lease must outlast the slowest adapter timeout.
    { leaseMs: 120_000 },
  );
  registry.register(
    FLUSH_JOB,
    async (job: Job<{ contact_method_id: string }>, ctx) => {
      const now = ctx.clock.now();
      const prepared = await transact(deps.db, (tx) => admitFlush(tx, deps, job, now));
      await sendAndRecord(deps, ctx, prepared);
    },
    { leaseMs: 120_000 },
  );
}
