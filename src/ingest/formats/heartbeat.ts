// Events for heartbeat integrations. A heartbeat has no wire format of its own: the monitor
// job notices a missed ping and the next ping ends the outage, and both go through the same
// pipeline as any other event. The dedup key ties the two together per integration.

import { SUMMARY_MAX_LENGTH } from './types.js';
import type { NormalizedEvent, Severity } from './types.js';
import { truncate } from './text.js';

export interface HeartbeatMissed {
  integrationId: string;
  name: string;
  /** The configured interval the ping did not arrive within. */
  intervalMs: number;
  /** Epoch ms of the last ping; null when none ever came. */
  lastPingAt: number | null;
  now: number;
  /** Default 'critical': a silent job or host is usually a real outage. */
  severity?: Severity;
}

export interface HeartbeatRecovered {
  integrationId: string;
  name: string;
  /** Epoch ms of the ping that ended the outage. */
  pingAt: number;
}

export function heartbeatDedupKey(integrationId: string): string {
  return `heartbeat:${integrationId}`;
}

const UNITS: readonly (readonly [ms: number, suffix: string])[] = [
  [86_400_000, 'd'],
  [3_600_000, 'h'],
  [60_000, 'm'],
  [1_000, 's'],
];

/** "90s" reads worse than "1m 30s"; sub-second remainders are dropped. */
export function formatInterval(ms: number): string {
  const total = Number.isFinite(ms) && ms > 0 ? Math.floor(ms) : 0;
  if (total < 1_000) return `${total}ms`;
  const parts: string[] = [];
  let rest = total;
  for (const [size, suffix] of UNITS) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${suffix}`);
    rest -= n * size;
  }
  return parts.join(' ');
}

function base(integrationId: string, name: string): Pick<
  NormalizedEvent,
  'dedupKey' | 'source' | 'component' | 'group' | 'class' | 'images' | 'links' | 'client' | 'clientUrl'
> {
  return {
    dedupKey: heartbeatDedupKey(integrationId),
    source: name.trim() === '' ? 'heartbeat' : name,
    component: null,
    group: null,
    class: 'heartbeat',
    images: [],
    links: [],
    client: null,
    clientUrl: null,
  };
}

export function heartbeatMissedEvent(input: HeartbeatMissed): NormalizedEvent {
  return {
    ...base(input.integrationId, input.name),
    action: 'trigger',
    summary: truncate(
      `Heartbeat "${input.name}" missed: no ping for ${formatInterval(input.intervalMs)}`,
      SUMMARY_MAX_LENGTH,
    ),
    severity: input.severity ?? 'critical',
    timestamp: input.now,
    customDetails: {
      integrationId: input.integrationId,
      intervalMs: input.intervalMs,
      lastPingAt: input.lastPingAt,
      silentForMs: input.lastPingAt === null ? null : input.now - input.lastPingAt,
    },
  };
}

export function heartbeatRecoveredEvent(input: HeartbeatRecovered): NormalizedEvent {
  return {
    ...base(input.integrationId, input.name),
    action: 'resolve',
    summary: truncate(`Heartbeat "${input.name}" is pinging again`, SUMMARY_MAX_LENGTH),
    severity: 'info',
    timestamp: input.pingAt,
    customDetails: { integrationId: input.integrationId, pingAt: input.pingAt },
  };
}
