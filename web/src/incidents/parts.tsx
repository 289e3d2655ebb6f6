/** Small pieces the incident and service pages share: badges, times, the live indicator. */
import { useEffect, useState } from 'react';
import { useSession } from '../access/session.js';
import { ApiError } from '../api/client.js';
import { formatTime, relativeTime } from '../ui/format.js';
import type { LiveState } from './live.js';
import './incidents.css';

const STATUS_LABEL: Record<string, string> = { triggered: 'Triggered', acknowledged: 'Acknowledged', resolved: 'Resolved' };

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`inc-status inc-status--${status}`} data-status={status}>
      {STATUS_LABEL[status] ?? status}
    </span>
  );
}

export function UrgencyBadge({ urgency }: { urgency: string }) {
  return <span className={`inc-urgency inc-urgency--${urgency}`}>{urgency === 'high' ? 'High' : urgency === 'low' ? 'Low' : urgency}</span>;
}

const SEVERITY_TONE: Record<string, string> = { critical: 'danger', error: 'danger', warning: 'warning', info: 'muted' };

export function SeverityBadge({ severity }: { severity: string }) {
  return <span className={`inc-sev inc-sev--${SEVERITY_TONE[severity] ?? 'muted'}`}>{severity}</span>;
}

/** The reader's own zone (their profile's), for exact times. */
export function useZone(): string | undefined {
  return useSession().user?.time_zone;
}

/** The current time, ticking (for "3 minutes ago"). */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** "5 minutes ago", with the exact time on hover (and for screen readers, via <time>). */
export function When({ iso, now, zone }: { iso: string | null | undefined; now: number; zone: string | undefined }) {
  if (!iso) return <span className="muted">—</span>;
  const exact = formatTime(iso, zone);
  return (
    <time dateTime={iso} title={exact} className="inc-when">
      {relativeTime(iso, now)}
    </time>
  );
}

/** Whether the live stream is connected. */
export function LiveIndicator({ state }: { state: LiveState }) {
  const label = state === 'live' ? 'Live' : state === 'connecting' ? 'Connecting…' : 'Reconnecting…';
  return (
    <span className={`live live--${state}`} data-live-state={state} role="status" title={state === 'live' ? 'Changes appear as they happen' : 'Waiting for the live connection'}>
      {label}
    </span>
  );
}

/** Text of a duration in seconds: "90 s", "15 min", "2 h", "1 d 6 h". */
export function durationText(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return 'never';
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.round((seconds / 60) * 10) / 10} min`;
  if (seconds < 86_400) return `${Math.round((seconds / 3600) * 10) / 10} h`;
  const d = Math.floor(seconds / 86_400);
  const h = Math.round((seconds % 86_400) / 3600);
  return h ? `${d} d ${h} h` : `${d} d`;
}

/**
 * The same problem with each field problem passed through `fn` (field names without "body/"),
 * so a form can rename fields to its own ("alert_grouping/fields/0" -> "alert_grouping/fields")
 * or reword messages.
 */
export function reshapeProblem(error: unknown, fn: (p: { field: string; message: string }) => { field: string; message: string }): unknown {
  if (!(error instanceof ApiError)) return error;
  return new ApiError({
    type: 'about:blank',
    title: error.title,
    status: error.status,
    detail: error.detail,
    errors: error.fields.map((f) => ({ ...f, ...fn({ field: f.field.replace(/^body\//, ''), message: f.message }) })),
  });
}

/**
 * Seconds in a server message, for fields a form asks in other units: "must be >= 60" ->
 * "Must be at least 1 min". Other fields and messages are left alone.
 */
export function secondsProblem(error: unknown, fields: readonly string[]): unknown {
  return reshapeProblem(error, (p) => {
    const m = fields.includes(p.field) ? /must be ([<>]=?) (\d+)/.exec(p.message) : null;
    return m ? { field: p.field, message: `Must be ${m[1]!.startsWith('>') ? 'at least' : 'at most'} ${durationText(Number(m[2]))}` } : p;
  });
}
