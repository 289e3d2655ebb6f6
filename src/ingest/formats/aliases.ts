// Words monitoring tools commonly use for severity and state, mapped onto ours. Used where the
// sender's vocabulary is not fixed (generic JSON templates). Lookups are case-insensitive and
// ignore surrounding whitespace.

import type { EventAction, Severity } from './types.js';

const SEVERITY_ALIASES: ReadonlyMap<string, Severity> = new Map<string, Severity>([
  ['critical', 'critical'],
  ['crit', 'critical'],
  ['fatal', 'critical'],
  ['emergency', 'critical'],
  ['emerg', 'critical'],
  ['disaster', 'critical'],
  ['p1', 'critical'],
  ['sev1', 'critical'],
  ['error', 'error'],
  ['err', 'error'],
  ['high', 'error'],
  ['major', 'error'],
  ['p2', 'error'],
  ['sev2', 'error'],
  ['warning', 'warning'],
  ['warn', 'warning'],
  ['medium', 'warning'],
  ['moderate', 'warning'],
  ['minor', 'warning'],
  ['average', 'warning'],
  ['p3', 'warning'],
  ['sev3', 'warning'],
  ['info', 'info'],
  ['information', 'info'],
  ['informational', 'info'],
  ['notice', 'info'],
  ['low', 'info'],
  ['none', 'info'],
  ['debug', 'info'],
  ['p4', 'info'],
  ['p5', 'info'],
  ['sev4', 'info'],
  ['sev5', 'info'],
]);

const ACTION_ALIASES: ReadonlyMap<string, EventAction> = new Map<string, EventAction>([
  ['trigger', 'trigger'],
  ['triggered', 'trigger'],
  ['firing', 'trigger'],
  ['fire', 'trigger'],
  ['alert', 'trigger'],
  ['alerting', 'trigger'],
  ['problem', 'trigger'],
  ['open', 'trigger'],
  ['down', 'trigger'],
  ['acknowledge', 'acknowledge'],
  ['acknowledged', 'acknowledge'],
  ['ack', 'acknowledge'],
  ['resolve', 'resolve'],
  ['resolved', 'resolve'],
  ['ok', 'resolve'],
  ['recovery', 'resolve'],
  ['recovered', 'resolve'],
  ['clear', 'resolve'],
  ['cleared', 'resolve'],
  ['close', 'resolve'],
  ['closed', 'resolve'],
  ['up', 'resolve'],
]);

export function severityFromAlias(word: string): Severity | null {
  return SEVERITY_ALIASES.get(word.trim().toLowerCase()) ?? null;
}

export function actionFromAlias(word: string): EventAction | null {
  return ACTION_ALIASES.get(word.trim().toLowerCase()) ?? null;
}
