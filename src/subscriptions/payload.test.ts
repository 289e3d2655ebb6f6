import { describe, expect, it } from 'vitest';
import { buildPayload, incidentUrl, type IncidentFacts } from './payload.js';

const incident: IncidentFacts = {
  id: '0190f0a8-0000-7000-8000-000000000001',
  number: 42,
  title: 'Checkout is down',
  status: 'acknowledged',
  urgency: 'high',
  priority: 'P1',
  service_id: 'svc-1',
  service_name: 'payments-api',
  team_id: 'team-1',
  assignees: '["u-1","u-2"]',
  acknowledgers: '[{"type":"user","id":"u-1","name":"Ada","at":"2026-01-05T12:01:00.000Z"}]',
  alert_count: 3,
  created_at: Date.UTC(2026, 0, 5, 12, 0, 0),
  acknowledged_at: Date.UTC(2026, 0, 5, 12, 1, 0),
  resolved_at: null,
  resolve_reason: null,
};

describe('event payload', () => {
  it('is the documented shape, with ISO times and the console link', () => {
    const p = buildPayload({
      eventType: 'incident.acknowledged',
      occurredAt: Date.UTC(2026, 0, 5, 12, 1, 0, 250),
      deliveryId: 'd-1',
      subscriptionId: 's-1',
      incident,
      publicUrl: 'https://tocsin.example.com/',
    });
    expect(p).toEqual({
      version: 1,
      event_type: 'incident.acknowledged',
      occurred_at: '2026-01-05T12:01:00.250Z',
      delivery_id: 'd-1',
      subscription_id: 's-1',
      incident: {
        id: incident.id,
        number: 42,
        title: 'Checkout is down',
        status: 'acknowledged',
        urgency: 'high',
        priority: 'P1',
        service: { id: 'svc-1', name: 'payments-api' },
        team_id: 'team-1',
        assignees: ['u-1', 'u-2'],
        acknowledgers: [{ type: 'user', id: 'u-1', name: 'Ada', at: '2026-01-05T12:01:00.000Z' }],
        alert_count: 3,
        created_at: '2026-01-05T12:00:00.000Z',
        acknowledged_at: '2026-01-05T12:01:00.000Z',
        resolved_at: null,
        resolve_reason: null,
        html_url: `https://tocsin.example.com/incidents/${incident.id}`,
      },
    });
  });

  it('survives damaged JSON columns and has no incident for a ping', () => {
    const p = buildPayload({ eventType: 'incident.triggered', occurredAt: 0, deliveryId: 'd', subscriptionId: 's', incident: { ...incident, assignees: 'nope', acknowledgers: '{}' }, publicUrl: 'http://x' });
    expect(p.incident).toMatchObject({ assignees: [], acknowledgers: [] });
    expect(buildPayload({ eventType: 'ping', occurredAt: 0, deliveryId: 'd', subscriptionId: 's', incident: null, publicUrl: 'http://x' }).incident).toBeNull();
  });

  it('links to the console without doubling slashes', () => {
    expect(incidentUrl('https://t.example.com', 'abc')).toBe('https://t.example.com/incidents/abc');
    expect(incidentUrl('https://t.example.com/tocsin//', 'abc')).toBe('https://t.example.com/tocsin/incidents/abc');
  });
});
