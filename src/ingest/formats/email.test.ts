import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  EMAIL_BODY_MAX_LENGTH,
  SUGGESTED_RESOLVE_PATTERN,
  mapEmail,
  parseEmailOptions,
  readEmailMessage,
  type EmailMessage,
} from './email.js';
import { htmlToText } from './html-to-text.js';
import type { MapResult } from './types.js';
import { codePointLength } from './text.js';

function valueOf<T>(r: MapResult<T>): T {
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r.value;
}

function fieldsOf<T>(r: MapResult<T>): string[] {
  if (r.ok) throw new Error(`expected errors, got ${JSON.stringify(r.value)}`);
  return r.errors.map((e) => e.field);
}

function mail(overrides: Partial<EmailMessage> = {}): EmailMessage {
  return {
    subject: 'PROBLEM: Disk space low on nas-01 (/volume1 at 94%)',
    text: 'Host: nas-01\nService: disk /volume1\nState: CRITICAL\nUsed: 94%\n',
    html: null,
    from: 'nagios@monitor.example.org',
    to: ['ops+tocsin@alerts.example.org'],
    messageId: '<20241103101500.4821@monitor.example.org>',
    date: Date.UTC(2024, 10, 3, 10, 15),
    ...overrides,
  };
}

describe('mapEmail', () => {
  it('maps a realistic alert email', () => {
    expect(valueOf(mapEmail(mail()))).toEqual({
      action: 'trigger',
      dedupKey: 'PROBLEM: Disk space low on nas-01 (/volume1 at 94%)',
      summary: 'PROBLEM: Disk space low on nas-01 (/volume1 at 94%)',
      source: 'nagios@monitor.example.org',
      severity: 'warning',
      timestamp: Date.UTC(2024, 10, 3, 10, 15),
      component: null,
      group: null,
      class: null,
      customDetails: {
        from: 'nagios@monitor.example.org',
        to: ['ops+tocsin@alerts.example.org'],
        messageId: '<20241103101500.4821@monitor.example.org>',
        subject: 'PROBLEM: Disk space low on nas-01 (/volume1 at 94%)',
        body: 'Host: nas-01\nService: disk /volume1\nState: CRITICAL\nUsed: 94%\n',
      },
      images: [],
      links: [],
      client: null,
      clientUrl: null,
    });
  });

  it('uses "(no subject)" for an empty subject, with no dedup key', () => {
    for (const subject of [null, '', '   ']) {
      const e = valueOf(mapEmail(mail({ subject })));
      expect(e.summary).toBe('(no subject)');
      expect(e.dedupKey).toBeNull();
    }
  });

  it('falls back to crudely stripped HTML when there is no text part', () => {
    const html =
      '<html><head><style>p{color:red}</style></head><body><p>Job <b>nightly-backup</b> failed</p>' +
      '<script>alert(1)</script><!-- tracking --><p>Exit code: 2 &amp; retries &gt; 3&nbsp;&#x2714;</p></body></html>';
    const e = valueOf(mapEmail(mail({ text: null, html })));
    expect((e.customDetails as { body: string }).body).toBe('Job nightly-backup failed\nExit code: 2 & retries > 3 ✔');
  });

  it('caps a huge body', () => {
    const e = valueOf(mapEmail(mail({ text: 'x'.repeat(EMAIL_BODY_MAX_LENGTH + 10) })));
    const body = (e.customDetails as { body: string }).body;
    expect(body.endsWith('\n[truncated]')).toBe(true);
    expect(body.length).toBe(EMAIL_BODY_MAX_LENGTH + '\n[truncated]'.length);
  });

  it('truncates a long subject in the summary and hashes it into the key', () => {
    const subject = 'Ω'.repeat(3000);
    const e = valueOf(mapEmail(mail({ subject })));
    expect(codePointLength(e.summary)).toBe(1024);
    expect(e.dedupKey).toMatch(/^subject-sha256:[0-9a-f]{64}$/);
    expect(valueOf(mapEmail(mail({ subject }))).dedupKey).toBe(e.dedupKey);
  });

  it('dedups by message id, or not at all, when configured', () => {
    expect(valueOf(mapEmail(mail(), { dedup: 'message-id' })).dedupKey).toBe('<20241103101500.4821@monitor.example.org>');
    expect(valueOf(mapEmail(mail({ messageId: null }), { dedup: 'message-id' })).dedupKey).toBeNull();
    expect(valueOf(mapEmail(mail(), { dedup: 'none' })).dedupKey).toBeNull();
  });

  it('turns a matching subject into a resolve of the trigger\'s key', () => {
    const options = { resolvePattern: /^(RESOLVED|OK)\b/i, triggerPattern: /^PROBLEM\b/i };
    const trigger = valueOf(mapEmail(mail(), options));
    const resolve = valueOf(mapEmail(mail({ subject: 'RESOLVED: Disk space low on nas-01 (/volume1 at 94%)' }), options));
    expect(trigger.action).toBe('trigger');
    expect(resolve.action).toBe('resolve');
    expect(trigger.dedupKey).toBe('Disk space low on nas-01 (/volume1 at 94%)');
    expect(resolve.dedupKey).toBe(trigger.dedupKey);
    expect(resolve.summary).toBe('RESOLVED: Disk space low on nas-01 (/volume1 at 94%)');
  });

  it('resolves without a trigger pattern when the trigger subject had no prefix', () => {
    const options = { resolvePattern: SUGGESTED_RESOLVE_PATTERN };
    const trigger = valueOf(mapEmail(mail({ subject: 'Backup failed on nas-01' }), options));
    for (const subject of ['OK Backup failed on nas-01', '[RESOLVED] Backup failed on nas-01', 'Recovery - Backup failed on nas-01']) {
      const resolve = valueOf(mapEmail(mail({ subject }), options));
      expect(resolve.action).toBe('resolve');
      expect(resolve.dedupKey).toBe(trigger.dedupKey);
    }
    // "OKAY" is not the word OK.
    expect(valueOf(mapEmail(mail({ subject: 'OKAY so the backup failed' }), options)).action).toBe('trigger');
  });

  it('is not confused by a global pattern used twice', () => {
    const options = { resolvePattern: /^RESOLVED\b/gi };
    expect(valueOf(mapEmail(mail({ subject: 'RESOLVED: x' }), options)).action).toBe('resolve');
    expect(valueOf(mapEmail(mail({ subject: 'RESOLVED: x' }), options)).action).toBe('resolve');
  });

  it('fails a resolve that names nothing', () => {
    expect(fieldsOf(mapEmail(mail({ subject: 'RESOLVED' }), { resolvePattern: /^RESOLVED\b/i }))).toEqual(['subject']);
  });

  it('ignores the resolve pattern unless dedup is by subject', () => {
    const e = valueOf(mapEmail(mail({ subject: 'RESOLVED: x' }), { dedup: 'message-id', resolvePattern: /^RESOLVED/ }));
    expect(e.action).toBe('trigger');
  });

  it('never throws, whatever the subject and body', () => {
    fc.assert(
      fc.property(
        fc.option(fc.string({ unit: 'binary', maxLength: 2000 })),
        fc.option(fc.string({ unit: 'binary' })),
        fc.option(fc.string({ unit: fc.constantFrom('<', '>', 'script', '<!--', '-->', '&amp;', '&#', ';', 'x', ' ') })),
        (subject, text, html) => {
          const r = mapEmail(mail({ subject, text, html }), { resolvePattern: SUGGESTED_RESOLVE_PATTERN });
          if (r.ok) expect(codePointLength(r.value.summary)).toBeLessThanOrEqual(1024);
          else expect(r.errors.map((e) => e.field)).toEqual(['subject']);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('htmlToText', () => {
  it('keeps text and drops unclosed invisible blocks to the end', () => {
    expect(htmlToText('a<script>b')).toBe('a');
    expect(htmlToText('a<!-- b')).toBe('a');
    expect(htmlToText('1 < 2 and 3 > 2')).toBe('1 < 2 and 3 > 2');
    expect(htmlToText('&#0; &#xD800; &bogus;')).toBe('&#0; &#xD800; &bogus;');
  });

  it('stays fast on hostile input', () => {
    // Quadratic behaviour would take minutes here; linear takes milliseconds.
    const hostile = '<script'.repeat(50_000) + '<!--'.repeat(50_000) + '<'.repeat(100_000);
    expect(htmlToText(hostile)).toBe('');
    expect(htmlToText('x' + '<'.repeat(200_000)).startsWith('x<')).toBe(true);
  });
});

describe('readEmailMessage and parseEmailOptions', () => {
  it('reads what the SMTP listener hands over', () => {
    const input = { ...mail(), date: new Date(Date.UTC(2024, 0, 1)) };
    expect(valueOf(readEmailMessage(input)).date).toBe(Date.UTC(2024, 0, 1));
    expect(valueOf(readEmailMessage({})).to).toEqual([]);
  });

  it('names badly typed fields', () => {
    expect(fieldsOf(readEmailMessage({ subject: 1, to: ['a', 2], date: 'yesterday' }))).toEqual([
      'subject',
      'to[1]',
      'date',
    ]);
    expect(fieldsOf(readEmailMessage('mail'))).toEqual(['body']);
  });

  it('compiles stored settings', () => {
    const options = valueOf(parseEmailOptions({ dedup: 'subject', resolve_pattern: '^(RESOLVED|OK)\\b', severity: 'critical' }));
    expect(options.resolvePattern?.test('ok: x')).toBe(true);
    expect(options.severity).toBe('critical');
    expect(valueOf(parseEmailOptions(undefined))).toEqual({});
  });

  it('names bad settings', () => {
    expect(fieldsOf(parseEmailOptions({ dedup: 'thread', resolve_pattern: '(', trigger_pattern: 5, colour: 'red' }))).toEqual([
      'dedup',
      'resolve_pattern',
      'trigger_pattern',
      'colour',
    ]);
    expect(fieldsOf(parseEmailOptions({ dedup: 'none', resolve_pattern: '^OK' }))).toEqual(['resolve_pattern']);
  });
});
