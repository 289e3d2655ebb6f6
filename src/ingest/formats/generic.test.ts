import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_GENERIC_TEMPLATES,
  compileGenericMapping,
  dryRunGeneric,
  mapGeneric,
  type CompiledGenericMapping,
} from './generic.js';
import type { MapResult } from './types.js';

function valueOf<T>(r: MapResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r.value;
}

function errorsOf<T>(r: MapResult<T>) {
  if (r.ok) throw new Error(`expected errors, got ${JSON.stringify(r.value)}`);
  return r.errors;
}

function compile(config: unknown): CompiledGenericMapping {
  return valueOf(compileGenericMapping(config));
}

// A body shaped like what an uptime checker might POST.
const uptimeBody = {
  check: { id: 'chk_81f2', name: 'Storefront HTTPS', url: 'https://shop.example.com/health' },
  state: 'DOWN',
  level: 'High',
  region: 'fra1',
  error: { code: 503, text: 'Service Unavailable' },
  at: '2024-10-03T08:15:00Z',
};

const uptimeMapping = {
  summary: '{{ body.check.name }} is {{ body.state | downcase }}: {{ body.error.code }} {{ body.error.text }}',
  severity: '{{ body.level }}',
  dedup_key: 'uptime/{{ body.check.id }}',
  action: '{% if body.state == "UP" %}resolved{% else %}firing{% endif %}',
  source: '{{ body.region }}',
};

describe('compileGenericMapping', () => {
  it('fills defaults for missing, null and blank templates', () => {
    const c = compile({ summary: '{{ body.msg }}', severity: null, action: '   ' });
    expect(c.templates).toEqual({ ...DEFAULT_GENERIC_TEMPLATES, summary: '{{ body.msg }}' });
    expect(compile(undefined).templates).toEqual(DEFAULT_GENERIC_TEMPLATES);
  });

  it('names the template with a syntax error and keeps Liquid\'s message', () => {
    const errors = errorsOf(compileGenericMapping({ summary: '{{ body.x ', action: '{% if %}ok{% endif %}' }));
    expect(errors.map((e) => e.field)).toEqual(['summary', 'action']);
    expect(errors[0]?.message).toMatch(/^has a template error: .*not closed/);
    expect(errors.every((e) => e.code === 'template')).toBe(true);
  });

  it('rejects unknown filters at compile time', () => {
    const errors = errorsOf(compileGenericMapping({ severity: '{{ body.level | shout }}' }));
    expect(errors).toEqual([
      { field: 'severity', message: expect.stringContaining('undefined filter: shout') as unknown, code: 'template' },
    ]);
  });

  it.each(['include', 'render', 'layout'])('refuses the %s tag, which would read files', (tag) => {
    const errors = errorsOf(compileGenericMapping({ summary: `{% ${tag} "/etc/passwd" %}` }));
    expect(errors[0]).toMatchObject({ field: 'summary', code: 'template' });
    expect(errors[0]?.message).toContain(`"${tag}" tag is not allowed`);
  });

  it('rejects a template longer than the parse limit', () => {
    const errors = errorsOf(compileGenericMapping({ summary: 'x'.repeat(20_000) }));
    expect(errors[0]).toMatchObject({ field: 'summary', code: 'template' });
    expect(errors[0]?.message).toContain('parse length limit exceeded');
  });

  it('rejects unknown keys, wrong types and a non-object config', () => {
    expect(errorsOf(compileGenericMapping({ sumary: 'x', severity: 3 })).map((e) => e.field)).toEqual([
      'sumary',
      'severity',
    ]);
    expect(errorsOf(compileGenericMapping(['x'])).map((e) => e.field)).toEqual(['config']);
  });
});

describe('mapGeneric', () => {
  it('renders a realistic mapping', () => {
    const event = valueOf(mapGeneric(compile(uptimeMapping), uptimeBody));
    expect(event).toEqual({
      action: 'trigger',
      dedupKey: 'uptime/chk_81f2',
      summary: 'Storefront HTTPS is down: 503 Service Unavailable',
      source: 'fra1',
      severity: 'error',
      timestamp: null,
      component: null,
      group: null,
      class: null,
      customDetails: uptimeBody,
      images: [],
      links: [],
      client: null,
      clientUrl: null,
    });
    const up = valueOf(mapGeneric(compile(uptimeMapping), { ...uptimeBody, state: 'UP' }));
    expect(up.action).toBe('resolve');
    expect(up.dedupKey).toBe('uptime/chk_81f2');
  });

  it('uses the defaults: summary from common keys, warning, trigger, no key', () => {
    const c = compile({});
    expect(valueOf(mapGeneric(c, { title: 'Backup failed' }))).toMatchObject({
      summary: 'Backup failed',
      severity: 'warning',
      action: 'trigger',
      dedupKey: null,
      source: 'generic',
    });
    expect(valueOf(mapGeneric(c, { summary: 'a', title: 'b' })).summary).toBe('a');
    expect(valueOf(mapGeneric(c, { message: 'm' })).summary).toBe('m');
  });

  it.each([
    ['firing', 'trigger'],
    ['Alerting', 'trigger'],
    ['resolved', 'resolve'],
    ['OK', 'resolve'],
    [' ok ', 'resolve'],
    ['ack', 'acknowledge'],
    ['acknowledge', 'acknowledge'],
    ['', 'trigger'],
  ])('maps action %j to %s', (raw, action) => {
    const c = compile({ summary: 's', action: '{{ body.a }}', dedup_key: 'k' });
    expect(valueOf(mapGeneric(c, { a: raw })).action).toBe(action);
  });

  it.each([
    ['critical', 'critical'],
    ['High', 'error'],
    ['warn', 'warning'],
    ['low', 'info'],
    ['P1', 'critical'],
    ['', 'warning'],
  ])('maps severity %j to %s', (raw, severity) => {
    const c = compile({ summary: 's', severity: '{{ body.s }}' });
    expect(valueOf(mapGeneric(c, { s: raw })).severity).toBe(severity);
  });

  it('names the field when the rendered action or severity is unknown', () => {
    const c = compile({ summary: 's', severity: '{{ body.s }}', action: '{{ body.a }}' });
    const errors = errorsOf(mapGeneric(c, { s: 'spicy', a: 'explode' }));
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['action', 'invalid'],
      ['severity', 'invalid'],
    ]);
    expect(errors[0]?.message).toContain('"explode"');
  });

  it('rejects an empty summary and one over 1024 characters, without truncating', () => {
    const c = compile({ summary: '{{ body.s }}' });
    expect(errorsOf(mapGeneric(c, {})).map((e) => e.field)).toEqual(['summary']);
    expect(valueOf(mapGeneric(c, { s: 'ü'.repeat(1024) })).summary).toHaveLength(1024);
    expect(errorsOf(mapGeneric(c, { s: 'ü'.repeat(1025) }))).toEqual([
      { field: 'summary', message: 'should be at most 1024 characters (rendered 1025)', code: 'length' },
    ]);
  });

  it('limits dedup_key to 255 characters and requires it to resolve', () => {
    const c = compile({ summary: 's', dedup_key: '{{ body.k }}', action: '{{ body.a }}' });
    expect(valueOf(mapGeneric(c, { k: 'k'.repeat(255) })).dedupKey).toHaveLength(255);
    expect(errorsOf(mapGeneric(c, { k: 'k'.repeat(256) })).map((e) => e.field)).toEqual(['dedup_key']);
    expect(errorsOf(mapGeneric(c, { a: 'resolved' }))).toEqual([
      {
        field: 'dedup_key',
        message: 'rendered an empty string, but resolve needs a key to find the alert',
        code: 'missing',
      },
    ]);
  });

  it('renders against any JSON body, not only objects', () => {
    const c = compile({ summary: 'got {{ body }}' });
    expect(valueOf(mapGeneric(c, 'plain')).summary).toBe('got plain');
    expect(valueOf(mapGeneric(c, 42)).summary).toBe('got 42');
    expect(valueOf(mapGeneric(c, null)).summary).toBe('got');
  });

  it('does not expose prototype properties to templates', () => {
    const c = compile({ summary: '[{{ body.constructor }}][{{ body.__proto__ }}][{{ body.toString }}]' });
    expect(valueOf(mapGeneric(c, {})).summary).toBe('[][][]');
  });

  it('stops a runaway template with an error naming the field', () => {
    const c = compile({
      summary: 's',
      source: '{% for i in (1..100000000) %}{% for j in (1..100000000) %}x{% endfor %}{% endfor %}',
    });
    const errors = errorsOf(mapGeneric(c, {}));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field: 'source', code: 'template' });
    expect(errors[0]?.message).toMatch(/^failed to render: .*limit exceeded/);
  });

  it('bounds string growth through filters', () => {
    const c = compile({
      summary: '{% assign s = "xxxxxxxxxx" %}{% for i in (1..30) %}{% assign s = s | append: s %}{% endfor %}{{ s | size }}',
    });
    const errors = errorsOf(mapGeneric(c, {}));
    expect(errors[0]).toMatchObject({ field: 'summary', code: 'template' });
  });
});

describe('dryRunGeneric', () => {
  it('returns the rendered fields with the event', () => {
    const run = dryRunGeneric(compile(uptimeMapping), uptimeBody);
    expect(run.rendered).toEqual({
      summary: 'Storefront HTTPS is down: 503 Service Unavailable',
      severity: 'High',
      dedup_key: 'uptime/chk_81f2',
      action: 'firing',
      source: 'fra1',
    });
    expect(run.result.ok).toBe(true);
  });

  it('returns the rendered fields with the errors', () => {
    const run = dryRunGeneric(compile({ ...uptimeMapping, severity: 'loud' }), uptimeBody);
    expect(run.rendered.severity).toBe('loud');
    expect(errorsOf(run.result).map((e) => e.field)).toEqual(['severity']);
  });
});

describe('mapGeneric: properties', () => {
  const fields = ['summary', 'severity', 'dedup_key', 'action', 'source'];
  const defaults = compile({});
  const echo = compile({
    summary: '{{ body.summary }}',
    severity: '{{ body.severity }}',
    dedup_key: '{{ body.key }}',
    source: '{{ body.source }}',
  });

  it('never throws on any JSON body, and errors name a template field', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (body) => {
        for (const c of [defaults, echo]) {
          const r = mapGeneric(c, body);
          if (!r.ok) for (const e of r.errors) expect(fields).toContain(e.field);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never throws while compiling arbitrary template text', () => {
    fc.assert(
      fc.property(
        fc.record({ summary: fc.string(), action: fc.string({ unit: 'binary' }), severity: fc.constantFrom('{{', '{%', '{% if x %}', '{{ a | b }}') }, { requiredKeys: [] }),
        (config) => {
          const r = compileGenericMapping(config);
          if (r.ok) mapGeneric(r.value, { x: 1 });
          else for (const e of r.errors) expect(fields).toContain(e.field);
        },
      ),
    );
  });

  it('preserves unicode summary, source and dedup key through the templates', () => {
    const text = (max: number) =>
      fc
        .string({ unit: fc.constantFrom('a', 'ß', '日', '😀', '𝄞', 'é', '\u0301', ' ', '|', '"'), minLength: 1, maxLength: max })
        .map((s) => s.trim())
        .filter((s) => s !== '' && !s.includes('{') && [...s].length <= max);
    fc.assert(
      fc.property(
        text(300),
        text(100),
        text(255),
        fc.constantFrom('critical', 'error', 'warning', 'info'),
        (summary, source, key, severity) => {
          const event = valueOf(mapGeneric(echo, { summary, source, key, severity }));
          expect(event.summary).toBe(summary);
          expect(event.source).toBe(source);
          expect(event.dedupKey).toBe(key);
          expect(event.severity).toBe(severity);
        },
      ),
      { numRuns: 200 },
    );
  });
});
