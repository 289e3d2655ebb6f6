import { afterEach, describe, expect, it } from 'vitest';
import type { Worker } from '../../src/platform/jobs/index.js';
import { testDialect } from '../support/database.js';
import { advance, alerts, event, get, enqueuedKeys, incidents, jobKeys, send, setup, startWorker, timeline, type Setup } from './helpers.js';

let s: Setup;
let worker: Worker | null = null;
afterEach(async () => {
  await worker?.stop(2000);
  worker = null;
  await s.t.close();
});

const MIN = 60_000;

describe(`grouping, auto-pause and timeouts on ${testDialect()}`, () => {
  it('with no grouping, every alert opens its own incident', async () => {
    s = await setup();
    await send(s.t, event(s.routingKey, 'trigger', 'a'));
    await send(s.t, event(s.routingKey, 'trigger', 'b'));
    expect(await incidents(s.t)).toHaveLength(2);
  });

  it('time grouping joins the open incident opened within the window, and says why', async () => {
    s = await setup({ alert_grouping: { type: 'time', window_minutes: 10 } });
    await send(s.t, event(s.routingKey, 'trigger', 'a'));
    s.t.clock.advance(3 * MIN);
    await send(s.t, event(s.routingKey, 'trigger', 'b'));
    s.t.clock.advance(8 * MIN);
    await send(s.t, event(s.routingKey, 'trigger', 'c'));
    const list = await incidents(s.t);
    expect(list).toHaveLength(2);
    const first = list.find((i) => i.alert_count === 2)!;
    const members = await get<{ data: Array<{ dedup_key: string; group_reason: string }> }>(s.t, `/api/v1/incidents/${first.id}/alerts`);
    expect(members.data.map((a) => a.dedup_key)).toEqual(['a', 'b']);
    expect(members.data[0]!.group_reason).toBe('opened this incident');
    expect(members.data[1]!.group_reason).toBe(`time: incident #${first.number} was opened 3 minutes ago, within the 10-minute window`);
    const tl = await timeline(s.t, first.id);
    expect(tl.map((e) => e.type)).toEqual(['incident.triggered', 'alert.grouped']);
    expect(await jobKeys(s.t, 'incident.escalate')).toHaveLength(2);
  });

  it('content grouping joins on equal fields (all or any), within one batch too', async () => {
    s = await setup({ alert_grouping: { type: 'content', fields: ['source', 'custom_details.region'], match: 'all' } });
    const e = (key: string, source: string, region: string) => event(s.routingKey, 'trigger', key, { source, custom_details: { region } });
    await Promise.all([send(s.t, e('1', 'db', 'eu')), send(s.t, e('2', 'db', 'eu')), send(s.t, e('3', 'db', 'us')), send(s.t, e('4', 'web', 'eu'))]);
    const list = await incidents(s.t);
    expect(list.map((i) => i.alert_count).sort()).toEqual([1, 1, 2]);
    const grouped = list.find((i) => i.alert_count === 2)!;
    const members = await get<{ data: Array<{ group_reason: string }> }>(s.t, `/api/v1/incidents/${grouped.id}/alerts`);
    expect(members.data[1]!.group_reason).toBe(`content: source="db", custom_details.region="eu" equal to incident #${grouped.number} (all of source, custom_details.region)`);

    await s.t.request('manager', 'PATCH', `/api/v1/services/${s.serviceId}`, { alert_grouping: { type: 'content', fields: ['source'], match: 'any' } });
    await send(s.t, e('5', 'web', 'ap'));
    const after = await incidents(s.t);
    expect(after).toHaveLength(3);
  });

  it('incidents resolve when all their alerts resolve, unless the service says otherwise', async () => {
    s = await setup({ alert_grouping: { type: 'time', window_minutes: 10 } });
    await send(s.t, event(s.routingKey, 'trigger', 'a'));
    await send(s.t, event(s.routingKey, 'trigger', 'b'));
    await send(s.t, event(s.routingKey, 'resolve', 'a'));
    expect((await incidents(s.t))[0]).toMatchObject({ status: 'triggered' });
    await send(s.t, event(s.routingKey, 'resolve', 'b'));
    expect((await incidents(s.t))[0]).toMatchObject({ status: 'resolved', resolve_reason: 'all_alerts_resolved' });

    await s.t.request('manager', 'PATCH', `/api/v1/services/${s.serviceId}`, { resolve_incident_with_alerts: false });
    await send(s.t, event(s.routingKey, 'trigger', 'c'));
    await send(s.t, event(s.routingKey, 'resolve', 'c'));
    expect(await incidents(s.t, '&status=triggered')).toHaveLength(1);
  });

  it('auto-pause holds new alerts; one resolved in time is transient and never pages', async () => {
    s = await setup({ auto_pause: { enabled: true, seconds: 120 } });
    worker = startWorker(s.t);
    await worker.start();
    await send(s.t, event(s.routingKey, 'trigger', 'flappy'));
    await send(s.t, event(s.routingKey, 'trigger', 'real'));
    expect(await incidents(s.t)).toHaveLength(0);
    expect(await jobKeys(s.t, 'alert.release')).toHaveLength(2);
    await advance(s.t, worker, 60_000);
    await send(s.t, event(s.routingKey, 'resolve', 'flappy'));
    await advance(s.t, worker, 61_000);
    const list = await incidents(s.t);
    expect(list).toHaveLength(1);
    expect(list[0]!.title).toBe('problem real');
    const all = await alerts(s.t);
    expect(all.find((a) => a.dedup_key === 'flappy')).toMatchObject({ status: 'resolved', transient: true, incident_id: null });
    expect(all.find((a) => a.dedup_key === 'real')).toMatchObject({ transient: false, incident_id: list[0]!.id });
    expect(await enqueuedKeys(s.t, 'incident.escalate')).toEqual([`escalate:${list[0]!.id}:0:0:1`]);
  });

  it('auto-resolves an incident after its timeout, with its alerts', async () => {
    s = await setup({ auto_resolve_timeout: 3600 });
    worker = startWorker(s.t);
    await worker.start();
    await send(s.t, event(s.routingKey, 'trigger', 'a'));
    await advance(s.t, worker, 3599_000);
    expect((await incidents(s.t))[0]!.status).toBe('triggered');
    await advance(s.t, worker, 2_000);
    expect((await incidents(s.t))[0]).toMatchObject({ status: 'resolved', resolve_reason: 'auto_timeout' });
    expect(await alerts(s.t)).toMatchObject([{ status: 'resolved' }]);
    await send(s.t, event(s.routingKey, 'trigger', 'a'));
    expect(await alerts(s.t, '&status=triggered')).toHaveLength(1);
  });

  it('re-triggers an incident whose acknowledgement timed out, in a new escalation round', async () => {
    s = await setup({ acknowledgement_timeout: 600 });
    worker = startWorker(s.t);
    await worker.start();
    await send(s.t, event(s.routingKey, 'trigger', 'a'));
    // The first escalation step runs before the acknowledgement (it would cancel a step still queued).
    await advance(s.t, worker, 0);
    const [inc] = await incidents(s.t);
    expect((await s.t.request('responder', 'POST', `/api/v1/incidents/${inc!.id}/acknowledge`)).statusCode).toBe(200);
    expect(await jobKeys(s.t, 'incident.escalate')).toEqual([]);
    await advance(s.t, worker, 599_000);
    expect((await incidents(s.t))[0]!.status).toBe('acknowledged');
    await advance(s.t, worker, 2_000);
    expect((await incidents(s.t))[0]!.status).toBe('triggered');
    expect(await enqueuedKeys(s.t, 'incident.escalate')).toEqual([`escalate:${inc!.id}:0:0:1`, `escalate:${inc!.id}:1:0:1`]);
    const tl = await timeline(s.t, inc!.id);
    expect(tl.map((e) => e.type)).toContain('incident.ack_timeout');
  });
});
