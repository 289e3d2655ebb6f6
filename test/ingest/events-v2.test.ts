import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDialect } from '../support/database.js';
import { alerts, createIntegration, event, get, incidents, jobKeys, send, setup, timeline, type Setup } from './helpers.js';

let s: Setup;
beforeEach(async () => {
  s = await setup();
});
afterEach(async () => {
  await s.t.close();
});

describe(`PagerDuty Events API v2 on ${testDialect()}`, () => {
  it('triggers an alert and an incident, answering exactly as PagerDuty', async () => {
    const res = await send(s.t, event(s.routingKey, 'trigger', 'disk-full'));
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'success', message: 'Event processed', dedup_key: 'disk-full' });
    const [inc] = await incidents(s.t);
    expect(inc).toMatchObject({ status: 'triggered', alert_count: 1, title: 'problem disk-full', urgency: 'high' });
    expect(inc!.number).toBeGreaterThan(0);
    expect(await jobKeys(s.t, 'incident.escalate')).toEqual([`escalate:${inc!.id}:0:0:1`]);
    const tl = await timeline(s.t, inc!.id);
    expect(tl.map((e) => e.type)).toEqual(['incident.triggered']);
  });

  it('dedups a trigger with the same key into the open alert, counting it', async () => {
    for (let i = 0; i < 3; i++) expect((await send(s.t, event(s.routingKey, 'trigger', 'k1'))).statusCode).toBe(202);
    const list = await alerts(s.t);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ dedup_key: 'k1', status: 'triggered', event_count: 3 });
    expect(await incidents(s.t)).toHaveLength(1);
  });

  it('acknowledges and resolves through the open alert; the same key then opens a new alert', async () => {
    await send(s.t, event(s.routingKey, 'trigger', 'k1'));
    const [inc] = await incidents(s.t);
    expect((await send(s.t, event(s.routingKey, 'acknowledge', 'k1'))).json()).toEqual({ status: 'success', message: 'Event processed', dedup_key: 'k1' });
    expect((await incidents(s.t))[0]).toMatchObject({ status: 'acknowledged' });
    expect(await jobKeys(s.t, 'incident.escalate')).toEqual([]);
    expect((await send(s.t, event(s.routingKey, 'resolve', 'k1'))).statusCode).toBe(202);
    expect((await incidents(s.t))[0]).toMatchObject({ id: inc!.id, status: 'resolved', resolve_reason: 'source' });
    expect(await alerts(s.t)).toMatchObject([{ status: 'resolved' }]);

    await send(s.t, event(s.routingKey, 'trigger', 'k1'));
    const all = await alerts(s.t);
    expect(all).toHaveLength(2);
    expect(all.filter((a) => a.status === 'triggered')).toHaveLength(1);
    const open = await incidents(s.t, '&status=triggered');
    expect(open).toHaveLength(1);
    expect(open[0]!.id).not.toBe(inc!.id);
    const tl = await timeline(s.t, inc!.id);
    expect(tl.map((e) => e.type)).toEqual(['incident.triggered', 'alert.acknowledged', 'incident.acknowledged', 'alert.resolved', 'incident.resolved']);
  });

  it('accepts and drops acknowledge/resolve with no open alert, or sent through another routing key', async () => {
    const other = await createIntegration(s.t, s.serviceId);
    await send(s.t, event(s.routingKey, 'trigger', 'k1'));
    expect((await send(s.t, event(other.key, 'resolve', 'k1'))).statusCode).toBe(202);
    expect((await send(s.t, event(other.key, 'acknowledge', 'k1'))).statusCode).toBe(202);
    expect((await send(s.t, event(s.routingKey, 'resolve', 'never-seen'))).statusCode).toBe(202);
    expect(await alerts(s.t)).toMatchObject([{ status: 'triggered' }]);
    const ignored = await get<{ data: Array<{ dedup_key: string; outcome: string }> }>(s.t, '/api/v1/events?outcome=ignored');
    expect(ignored.data.map((e) => e.dedup_key).sort()).toEqual(['k1', 'k1', 'never-seen']);
  });

  it('generates a dedup key for a trigger without one, and it resolves the alert', async () => {
    const res = await send(s.t, event(s.routingKey, 'trigger'));
    expect(res.statusCode).toBe(202);
    const key = res.json<{ dedup_key: string }>().dedup_key;
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    const second = await send(s.t, event(s.routingKey, 'trigger'));
    expect(second.json<{ dedup_key: string }>().dedup_key).not.toBe(key);
    await send(s.t, event(s.routingKey, 'resolve', key));
    const list = await alerts(s.t);
    expect(list.find((a) => a.dedup_key === key)!.status).toBe('resolved');
  });

  it('keeps change events and shows them on incidents of the service as recent changes', async () => {
    const change = { routing_key: s.routingKey, payload: { summary: 'Deployed v1.2.3', source: 'ci', timestamp: new Date(s.t.clock.now() - 600_000).toISOString() }, links: [{ href: 'https://ci.example/1', text: 'build' }] };
    const res = await send(s.t, change, '/v2/change/enqueue');
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ status: 'success', message: 'Change event processed' });
    s.t.clock.advance(60_000);
    await send(s.t, event(s.routingKey, 'trigger', 'after-deploy'));
    const [inc] = await incidents(s.t);
    const detail = await get<{ recent_changes: Array<{ summary: string }> }>(s.t, `/api/v1/incidents/${inc!.id}`);
    expect(detail.recent_changes.map((c) => c.summary)).toEqual(['Deployed v1.2.3']);
  });

  describe('error shapes', () => {
    it('answers an invalid event with PagerDuty\'s 400 body', async () => {
      const res = await send(s.t, { routing_key: s.routingKey, event_action: 'trigger', payload: { summary: 'x', severity: 'bad' } });
      expect(res.statusCode).toBe(400);
      const body = res.json<{ status: string; message: string; errors: string[] }>();
      expect(body.status).toBe('invalid event');
      expect(body.message).toBe('Event object is invalid');
      expect(body.errors.join('\n')).toContain("'payload.source'");
      expect(body.errors.join('\n')).toContain("'payload.severity'");
    });

    it('answers unparseable JSON with 400 in the same shape', async () => {
      const res = await send(s.t, '{"routing_key": ');
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ status: 'invalid event', message: 'Event object is invalid' });
    });

    it('answers a body without content type, or with another one, the same way', async () => {
      const res = await s.t.app.inject({ method: 'POST', url: '/v2/enqueue', payload: JSON.stringify(event(s.routingKey, 'trigger', 'ct')), headers: { 'content-type': 'text/plain' } });
      expect(res.statusCode).toBe(202);
      const empty = await s.t.app.inject({ method: 'POST', url: '/v2/enqueue' });
      expect(empty.statusCode).toBe(400);
      expect(empty.json()).toMatchObject({ status: 'invalid event' });
    });

    it('answers an unknown routing key with 400 naming it', async () => {
      const res = await send(s.t, event('a'.repeat(32), 'trigger', 'x'));
      expect(res.statusCode).toBe(400);
      expect(res.json<{ errors: string[] }>().errors).toEqual(["'routing_key' is not a known integration key"]);
    });

    it('answers a body over 512 KB with 413', async () => {
      const big = event(s.routingKey, 'trigger', 'big', { custom_details: { blob: 'x'.repeat(600 * 1024) } });
      const res = await send(s.t, big);
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ status: 'invalid event' });
    });

    it('stops a key that sends too fast with 429, leaving other keys alone', async () => {
      await s.t.close();
      s = await setup({}, { TOCSIN_INGEST_RATE_LIMIT: '60', TOCSIN_INGEST_RATE_BURST: '3' });
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await send(s.t, event(s.routingKey, 'trigger', `r${i}`))).statusCode);
      expect(codes).toEqual([202, 202, 202, 429, 429]);
      const other = await createIntegration(s.t, s.serviceId);
      expect((await send(s.t, event(other.key, 'trigger', 'o'))).statusCode).toBe(202);
      s.t.clock.advance(1000);
      expect((await send(s.t, event(s.routingKey, 'trigger', 'later'))).statusCode).toBe(202);
    });
  });

  it('rotating the key stops the old one at once', async () => {
    const res = await s.t.request('manager', 'POST', `/api/v1/services/${s.serviceId}/integrations/${s.integrationId}/rotate-key`);
    expect(res.statusCode).toBe(200);
    const fresh = res.json<{ key: string }>().key;
    expect(fresh).toMatch(/^[a-z0-9]{32}$/);
    expect((await send(s.t, event(s.routingKey, 'trigger', 'x'))).statusCode).toBe(400);
    expect((await send(s.t, event(fresh, 'trigger', 'x'))).statusCode).toBe(202);
  });

  it('applies many concurrent events, each durably, with one open alert per key', async () => {
    const sends = [];
    for (let i = 0; i < 300; i++) sends.push(send(s.t, event(s.routingKey, i % 3 === 2 ? 'resolve' : 'trigger', `c${i % 40}`)));
    const results = await Promise.all(sends);
    expect(results.every((r) => r.statusCode === 202)).toBe(true);
    const all = await alerts(s.t);
    const open = all.filter((a) => a.status !== 'resolved');
    expect(new Set(open.map((a) => a.dedup_key)).size).toBe(open.length);
    const events = await get<{ data: unknown[] }>(s.t, '/api/v1/events?limit=500');
    expect(events.data).toHaveLength(300);
  });
});
