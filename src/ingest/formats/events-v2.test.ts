import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  acceptedEventResponse,
  invalidEventResponse,
  mapEventsV2,
  pagerDutyErrorStrings,
} from './events-v2.js';
import type { FieldError, MapResult, Severity } from './types.js';
import { codePointLength } from './text.js';

const KEY = 'e93facc04764012d7bfb002500d5d1a6';

function trigger(overrides: Record<string, unknown> = {}, payload: Record<string, unknown> = {}) {
  return {
    routing_key: KEY,
    event_action: 'trigger',
    payload: { summary: 'Disk full on db-1', source: 'db-1.prod', severity: 'critical', ...payload },
    ...overrides,
  };
}

function errorsOf<T>(r: MapResult<T>): FieldError[] {
  if (r.ok) throw new Error(`expected errors, got ${JSON.stringify(r.value)}`);
  return r.errors;
}

function fieldsOf<T>(r: MapResult<T>): string[] {
  return errorsOf(r).map((e) => e.field);
}

function valueOf<T>(r: MapResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r.value;
}

describe('mapEventsV2: realistic bodies', () => {
  it('maps a full trigger with every documented field', () => {
    const body = {
      routing_key: KEY,
      event_action: 'trigger',
      dedup_key: 'api-latency/eu-west-1',
      payload: {
        summary: 'p99 latency above 2s on api-gateway (eu-west-1)',
        timestamp: '2024-03-09T14:02:11.250+0000',
        source: 'api-gateway-7f9c.eu-west-1.internal',
        severity: 'error',
        component: 'nginx',
        group: 'edge',
        class: 'latency',
        custom_details: { p99_ms: 2310, threshold_ms: 2000, hosts: ['a', 'b'] },
      },
      images: [
        {
          src: 'https://grafana.example.net/render/d/abc/latency.png',
          href: 'https://grafana.example.net/d/abc',
          alt: 'Latency graph',
        },
      ],
      links: [{ href: 'https://runbooks.example.net/api-latency', text: 'Runbook' }],
      client: 'Acme Monitoring',
      client_url: 'https://monitoring.example.net/checks/42',
    };
    expect(valueOf(mapEventsV2(body))).toEqual({
      routingKey: KEY,
      event: {
        action: 'trigger',
        dedupKey: 'api-latency/eu-west-1',
        summary: 'p99 latency above 2s on api-gateway (eu-west-1)',
        source: 'api-gateway-7f9c.eu-west-1.internal',
        severity: 'error',
        timestamp: Date.UTC(2024, 2, 9, 14, 2, 11, 250),
        component: 'nginx',
        group: 'edge',
        class: 'latency',
        customDetails: { p99_ms: 2310, threshold_ms: 2000, hosts: ['a', 'b'] },
        images: [
          {
            src: 'https://grafana.example.net/render/d/abc/latency.png',
            href: 'https://grafana.example.net/d/abc',
            alt: 'Latency graph',
          },
        ],
        links: [{ href: 'https://runbooks.example.net/api-latency', text: 'Runbook' }],
        client: 'Acme Monitoring',
        clientUrl: 'https://monitoring.example.net/checks/42',
      },
    });
  });

  it('maps a minimal trigger: no key, no timestamp, nothing optional', () => {
    const { event } = valueOf(mapEventsV2(trigger()));
    expect(event).toEqual({
      action: 'trigger',
      dedupKey: null,
      summary: 'Disk full on db-1',
      source: 'db-1.prod',
      severity: 'critical',
      timestamp: null,
      component: null,
      group: null,
      class: null,
      customDetails: null,
      images: [],
      links: [],
      client: null,
      clientUrl: null,
    });
  });

  it.each(['acknowledge', 'resolve'] as const)('maps %s with only routing_key and dedup_key', (action) => {
    const r = mapEventsV2({ routing_key: KEY, dedup_key: 'disk/db-1', event_action: action });
    const { routingKey, event } = valueOf(r);
    expect(routingKey).toBe(KEY);
    expect(event.action).toBe(action);
    expect(event.dedupKey).toBe('disk/db-1');
    expect(event.summary).toBe('');
  });

  it('ignores the payload and links of acknowledge and resolve, as PagerDuty does', () => {
    const r = mapEventsV2({
      routing_key: KEY,
      dedup_key: 'k',
      event_action: 'resolve',
      payload: 'not even an object',
      links: 42,
    });
    expect(r.ok).toBe(true);
  });

  it('reads null optional fields as absent', () => {
    const r = mapEventsV2(
      trigger(
        { dedup_key: null, images: null, links: null, client: null, client_url: null },
        { timestamp: null, component: null, group: null, class: null, custom_details: null },
      ),
    );
    expect(valueOf(r).event.dedupKey).toBeNull();
  });
});

describe('mapEventsV2: routing_key', () => {
  it('accepts exactly 32 characters', () => {
    expect(mapEventsV2(trigger({ routing_key: 'x'.repeat(32) })).ok).toBe(true);
  });

  it.each([31, 33, 1])('rejects %i characters', (n) => {
    const errors = errorsOf(mapEventsV2(trigger({ routing_key: 'x'.repeat(n) })));
    expect(errors).toEqual([{ field: 'routing_key', message: 'should be 32 characters', code: 'length' }]);
  });

  it.each([undefined, null, '', '   '])('rejects a missing or blank key (%j)', (v) => {
    expect(fieldsOf(mapEventsV2(trigger({ routing_key: v })))).toEqual(['routing_key']);
  });

  it.each([1234567890123456, true, ['x'], { k: 1 }])('rejects a non-string key %j', (v) => {
    const errors = errorsOf(mapEventsV2(trigger({ routing_key: v })));
    expect(errors[0]).toMatchObject({ field: 'routing_key', code: 'type' });
  });
});

describe('mapEventsV2: event_action', () => {
  it('is required', () => {
    expect(fieldsOf(mapEventsV2(trigger({ event_action: undefined })))).toEqual(['event_action']);
  });

  it.each(['TRIGGER', 'ack', 'resolved', 'create', ''])('rejects %j', (v) => {
    expect(fieldsOf(mapEventsV2(trigger({ event_action: v })))).toEqual(['event_action']);
  });

  it('rejects a number', () => {
    expect(errorsOf(mapEventsV2(trigger({ event_action: 1 })))[0]).toMatchObject({
      field: 'event_action',
      code: 'type',
    });
  });
});

describe('mapEventsV2: dedup_key', () => {
  it('accepts 255 characters and rejects 256', () => {
    expect(valueOf(mapEventsV2(trigger({ dedup_key: 'k'.repeat(255) }))).event.dedupKey).toHaveLength(255);
    expect(errorsOf(mapEventsV2(trigger({ dedup_key: 'k'.repeat(256) })))).toEqual([
      { field: 'dedup_key', message: 'should be at most 255 characters', code: 'length' },
    ]);
  });

  it('counts characters, not UTF-16 units', () => {
    const key = '🔥'.repeat(255);
    expect(valueOf(mapEventsV2(trigger({ dedup_key: key }))).event.dedupKey).toBe(key);
    expect(fieldsOf(mapEventsV2(trigger({ dedup_key: '🔥'.repeat(256) })))).toEqual(['dedup_key']);
  });

  it.each(['acknowledge', 'resolve'])('is required for %s', (action) => {
    const errors = errorsOf(mapEventsV2({ routing_key: KEY, event_action: action }));
    expect(errors).toEqual([{ field: 'dedup_key', message: 'is missing or blank', code: 'missing' }]);
    expect(fieldsOf(mapEventsV2({ routing_key: KEY, event_action: action, dedup_key: '  ' }))).toEqual([
      'dedup_key',
    ]);
  });

  it('is optional for trigger; blank means none', () => {
    expect(valueOf(mapEventsV2(trigger({ dedup_key: '' }))).event.dedupKey).toBeNull();
  });

  it('rejects a number', () => {
    expect(errorsOf(mapEventsV2(trigger({ dedup_key: 42 })))[0]).toMatchObject({ field: 'dedup_key', code: 'type' });
  });
});

describe('mapEventsV2: payload', () => {
  it.each([undefined, null])('is required for trigger (%j)', (v) => {
    expect(errorsOf(mapEventsV2(trigger({ payload: v })))).toEqual([
      { field: 'payload', message: 'is missing', code: 'missing' },
    ]);
  });

  it.each([['array', []], ['string', 'x'], ['number', 3]] as const)('rejects an %s payload', (type, v) => {
    expect(errorsOf(mapEventsV2(trigger({ payload: v })))).toEqual([
      { field: 'payload', message: `must be an object (got ${type})`, code: 'type' },
    ]);
  });

  it('accepts a 1024-character summary and rejects 1025', () => {
    expect(mapEventsV2(trigger({}, { summary: 's'.repeat(1024) })).ok).toBe(true);
    expect(errorsOf(mapEventsV2(trigger({}, { summary: 's'.repeat(1025) })))).toEqual([
      { field: 'payload.summary', message: 'should be at most 1024 characters', code: 'length' },
    ]);
  });

  it('counts summary characters as code points', () => {
    expect(mapEventsV2(trigger({}, { summary: '𝄞'.repeat(1024) })).ok).toBe(true);
    expect(mapEventsV2(trigger({}, { summary: '𝄞'.repeat(1025) })).ok).toBe(false);
  });

  it.each(['summary', 'source', 'severity'])('requires payload.%s', (field) => {
    expect(fieldsOf(mapEventsV2(trigger({}, { [field]: undefined })))).toEqual([`payload.${field}`]);
    expect(fieldsOf(mapEventsV2(trigger({}, { [field]: null })))).toEqual([`payload.${field}`]);
  });

  it.each(['summary', 'source'])('rejects a blank payload.%s', (field) => {
    expect(fieldsOf(mapEventsV2(trigger({}, { [field]: ' \n\t' })))).toEqual([`payload.${field}`]);
  });

  it.each(['summary', 'source', 'severity', 'component', 'group', 'class', 'timestamp'])(
    'rejects a non-string payload.%s',
    (field) => {
      const errors = errorsOf(mapEventsV2(trigger({}, { [field]: { nested: true } })));
      expect(errors).toEqual([
        { field: `payload.${field}`, message: 'must be a string (got object)', code: 'type' },
      ]);
    },
  );

  it.each(['critical', 'error', 'warning', 'info'] as const)('accepts severity %s', (severity) => {
    expect(valueOf(mapEventsV2(trigger({}, { severity }))).event.severity).toBe(severity);
  });

  it.each(['CRITICAL', 'fatal', 'high', 'warn'])('rejects severity %s', (severity) => {
    expect(errorsOf(mapEventsV2(trigger({}, { severity })))).toEqual([
      {
        field: 'payload.severity',
        message: 'is invalid (must be one of: critical, error, warning, info)',
        code: 'invalid',
      },
    ]);
  });

  it.each([
    ['2015-07-17T08:42:58.315+0000', Date.UTC(2015, 6, 17, 8, 42, 58, 315)],
    ['2015-07-17T08:42:58Z', Date.UTC(2015, 6, 17, 8, 42, 58)],
    ['2015-07-17T10:42:58.315+02:00', Date.UTC(2015, 6, 17, 8, 42, 58, 315)],
    ['2021-10-12T09:51:03.157076+02:00', Date.UTC(2021, 9, 12, 7, 51, 3, 157)],
  ])('reads timestamp %s', (timestamp, ms) => {
    expect(valueOf(mapEventsV2(trigger({}, { timestamp }))).event.timestamp).toBe(ms);
  });

  it.each(['yesterday', '2015-13-01T00:00:00Z', '2015-02-29T00:00:00Z', '17/07/2015', ''])(
    'rejects timestamp %j',
    (timestamp) => {
      const r = mapEventsV2(trigger({}, { timestamp }));
      if (timestamp === '') {
        // Blank optional strings read as absent.
        expect(valueOf(r).event.timestamp).toBeNull();
        return;
      }
      expect(errorsOf(r)).toEqual([
        { field: 'payload.timestamp', message: 'is not a valid ISO 8601 timestamp', code: 'invalid' },
      ]);
    },
  );

  it('rejects an epoch-number timestamp', () => {
    expect(errorsOf(mapEventsV2(trigger({}, { timestamp: 1437122578 })))[0]).toMatchObject({
      field: 'payload.timestamp',
      code: 'type',
    });
  });

  it.each([[{ a: { b: [1, 'x', null] } }], [['list']], ['plain text'], [42], [false]])(
    'keeps custom_details %j as given',
    (details) => {
      expect(valueOf(mapEventsV2(trigger({}, { custom_details: details }))).event.customDetails).toEqual(details);
    },
  );
});

describe('mapEventsV2: images, links, client', () => {
  it('requires images to be https', () => {
    const r = mapEventsV2(trigger({ images: [{ src: 'http://example.com/a.png' }] }));
    expect(errorsOf(r)).toEqual([{ field: 'images[0].src', message: 'must be an https URL', code: 'invalid' }]);
  });

  it('requires an image src', () => {
    expect(fieldsOf(mapEventsV2(trigger({ images: [{ alt: 'x' }] })))).toEqual(['images[0].src']);
  });

  it('names the broken element of images and links', () => {
    const r = mapEventsV2(
      trigger({
        images: [{ src: 'https://example.com/ok.png' }, 'nope'],
        links: [{ href: 'https://example.com' }, { text: 'no href' }, { href: 'javascript:alert(1)' }],
      }),
    );
    expect(fieldsOf(r)).toEqual(['images[1]', 'links[1].href', 'links[2].href']);
  });

  it.each([['images', { src: 'https://a' }], ['links', 'https://a']])('requires %s to be an array', (key, v) => {
    expect(errorsOf(mapEventsV2(trigger({ [key]: v })))[0]).toMatchObject({ field: key, code: 'type' });
  });

  it('rejects wrong types inside images and links', () => {
    const r = mapEventsV2(
      trigger({
        images: [{ src: 'https://example.com/a.png', href: 7, alt: ['x'] }],
        links: [{ href: 'https://example.com', text: 9 }],
      }),
    );
    expect(fieldsOf(r)).toEqual(['images[0].href', 'images[0].alt', 'links[0].text']);
  });

  it('checks client and client_url', () => {
    expect(fieldsOf(mapEventsV2(trigger({ client: 5, client_url: 'ftp://example.com' })))).toEqual([
      'client',
      'client_url',
    ]);
  });
});

describe('mapEventsV2: the body itself', () => {
  it.each([null, [], 'x', 1, true, undefined])('rejects %j with an error naming the body', (body) => {
    expect(fieldsOf(mapEventsV2(body))).toEqual(['body']);
  });

  it('reports every broken rule at once', () => {
    const r = mapEventsV2({ routing_key: 'short', event_action: 'trigger', payload: { severity: 'bad' } });
    expect(fieldsOf(r)).toEqual(['routing_key', 'payload.summary', 'payload.source', 'payload.severity']);
  });

  it('does not read inherited properties', () => {
    const body = JSON.parse(
      `{"routing_key":"${KEY}","event_action":"trigger","payload":{"summary":"s","source":"h","severity":"info","__proto__":{"x":1}}}`,
    ) as unknown;
    expect(mapEventsV2(body).ok).toBe(true);
    expect(fieldsOf(mapEventsV2({ ...trigger(), payload: Object.create({ summary: 's', source: 'h', severity: 'info' }) }))).toEqual([
      'payload.summary',
      'payload.source',
      'payload.severity',
    ]);
  });
});

describe('PagerDuty error strings', () => {
  it('phrases errors as PagerDuty does', () => {
    const r = mapEventsV2({
      routing_key: 'abc',
      event_action: 'trigger',
      dedup_key: 'k'.repeat(300),
      payload: { summary: 's'.repeat(2000), severity: 'urgent' },
      images: [{ src: 'http://x.example/a.png' }],
    });
    expect(pagerDutyErrorStrings(errorsOf(r))).toEqual([
      "Length of 'routing_key' is incorrect (should be 32 characters)",
      "Length of 'dedup_key' is incorrect (should be at most 255 characters)",
      "Length of 'payload.summary' is incorrect (should be at most 1024 characters)",
      "'payload.source' is missing or blank",
      "'payload.severity' is invalid (must be one of: critical, error, warning, info)",
      "'images[0].src' must be an https URL",
    ]);
  });

  it('builds the 400 and 202 bodies', () => {
    expect(invalidEventResponse([{ field: 'payload', message: 'is missing', code: 'missing' }])).toEqual({
      status: 'invalid event',
      message: 'Event object is invalid',
      errors: ["'payload' is missing"],
    });
    expect(acceptedEventResponse('abc')).toEqual({ status: 'success', message: 'Event processed', dedup_key: 'abc' });
  });
});

// ---- properties ----

const KNOWN_ROOTS = ['body', 'routing_key', 'event_action', 'dedup_key', 'payload', 'images', 'links', 'client', 'client_url'];

function rootOf(field: string): string {
  return field.split(/[.[]/)[0] ?? '';
}

function assertWellFormed(r: MapResult<unknown>): void {
  if (r.ok) return;
  expect(r.errors.length).toBeGreaterThan(0);
  const strings = pagerDutyErrorStrings(r.errors);
  r.errors.forEach((e, i) => {
    expect(KNOWN_ROOTS).toContain(rootOf(e.field));
    expect(e.message.length).toBeGreaterThan(0);
    expect(strings[i]).toContain(`'${e.field}'`);
  });
}

const unicodeString = (constraints: { minLength?: number; maxLength?: number }) =>
  fc.oneof(
    fc.string({ unit: 'grapheme', ...constraints }),
    fc.string({ unit: 'binary', ...constraints }),
    fc.string({ unit: 'grapheme-composite', ...constraints }),
  );

const nonBlank = (maxCodePoints: number) =>
  unicodeString({ minLength: 1, maxLength: Math.min(maxCodePoints, 200) }).filter(
    (s) => s.trim() !== '' && codePointLength(s) <= maxCodePoints,
  );

const validTrigger = fc.record({
  routing_key: fc.string({ unit: 'binary', minLength: 32, maxLength: 32 }).filter((s) => codePointLength(s) === 32 && s.trim() !== ''),
  event_action: fc.constant('trigger'),
  dedup_key: nonBlank(255),
  payload: fc.record({
    summary: fc.oneof(nonBlank(1024), fc.constant('€'.repeat(1024))),
    source: nonBlank(500),
    severity: fc.constantFrom<Severity>('critical', 'error', 'warning', 'info'),
    custom_details: fc.jsonValue({ maxDepth: 6 }),
  }),
});

describe('mapEventsV2: properties', () => {
  it('never throws on any JSON value, and every error names a field', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        assertWellFormed(mapEventsV2(body));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on arbitrary JS values (objects with odd keys, undefined, nesting)', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 5, withNullPrototype: true, withObjectString: true }), (body) => {
        assertWellFormed(mapEventsV2(body));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws when any field of a valid event is replaced by arbitrary JSON', () => {
    const topKeys = ['routing_key', 'event_action', 'dedup_key', 'payload', 'images', 'links', 'client', 'client_url'];
    const payloadKeys = ['summary', 'source', 'severity', 'timestamp', 'component', 'group', 'class', 'custom_details'];
    fc.assert(
      fc.property(
        validTrigger,
        fc.dictionary(fc.constantFrom(...topKeys), fc.jsonValue({ maxDepth: 3 })),
        fc.dictionary(fc.constantFrom(...payloadKeys), fc.jsonValue({ maxDepth: 3 })),
        fc.constantFrom('trigger', 'acknowledge', 'resolve'),
        (base, top, inner, action) => {
          const body = { ...base, event_action: action, ...top, payload: { ...base.payload, ...inner } };
          assertWellFormed(mapEventsV2(body));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('preserves summary, source, severity and dedup_key exactly for valid events', () => {
    fc.assert(
      fc.property(validTrigger, (body) => {
        const { routingKey, event } = valueOf(mapEventsV2(body));
        expect(routingKey).toBe(body.routing_key);
        expect(event.summary).toBe(body.payload.summary);
        expect(event.source).toBe(body.payload.source);
        expect(event.severity).toBe(body.payload.severity);
        expect(event.dedupKey).toBe(body.dedup_key);
        expect(event.customDetails).toEqual(body.payload.custom_details);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects oversized summaries and keys, naming the field', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1025, max: 20_000 }),
        fc.integer({ min: 256, max: 5_000 }),
        fc.constantFrom('a', 'é', '😀', '𝄞'),
        (summaryLen, keyLen, ch) => {
          const r = mapEventsV2(trigger({ dedup_key: ch.repeat(keyLen) }, { summary: ch.repeat(summaryLen) }));
          expect(fieldsOf(r)).toEqual(['dedup_key', 'payload.summary']);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('keeps deeply nested custom_details intact', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < 500; i++) deep = i % 2 === 0 ? { level: i, next: deep } : [deep];
    expect(valueOf(mapEventsV2(trigger({}, { custom_details: deep }))).event.customDetails).toBe(deep);
  });
});
