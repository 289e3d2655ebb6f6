// The one table of wire formats (house rule 7). The HTTP layer and the SMTP listener look a
// format up here, prepare it once per integration configuration, and call the mapper it gets
// for each request. Each format's typed API stays in its own file for direct use and tests.

import { fail, ok } from './types.js';
import type { FieldError, MapResult, MappedRequest } from './types.js';
import { childPath, isRecord, typeError } from './json-fields.js';
import { EVENTS_V2_MAX_BODY_BYTES, mapEventsV2 } from './events-v2.js';
import { mapAlertmanager, parseAlertmanagerOptions } from './alertmanager.js';
import { mapGrafana } from './grafana.js';
import { compileGenericMapping, mapGeneric } from './generic.js';
import { mapEmail, parseEmailOptions, readEmailMessage } from './email.js';

export const INTEGRATION_TYPES = [
  'events-v2',
  'alertmanager',
  'grafana',
  'generic',
  'email',
  'heartbeat',
] as const;
export type IntegrationType = (typeof INTEGRATION_TYPES)[number];

/** Maps one inbound request (a parsed JSON body, or a parsed email) for one integration. */
export type FormatMapper = (input: unknown) => MapResult<MappedRequest>;

export interface FormatDescriptor {
  readonly type: IntegrationType;
  readonly title: string;
  readonly description: string;
  readonly transport: 'http' | 'smtp';
  /** HTTP paths the format is served on; ":key" stands for the integration key. */
  readonly paths: readonly string[];
  /** Where the integration key travels: in the JSON body, in the URL, or as the mail recipient. */
  readonly keyIn: 'body' | 'path' | 'recipient';
  /** Larger requests should get 413 before any parsing. */
  readonly maxBodyBytes: number;
  /**
   * Validates an integration's stored settings (errors name the setting) and returns the
   * mapper for its requests. Call once per configuration and keep the mapper: generic
   * templates are parsed here, not per request.
   */
  prepare(config: unknown): MapResult<FormatMapper>;
}

/** The Events API v2 endpoint for change events; same routing keys as alert events. */
export const CHANGE_EVENTS_PATH = '/v2/change/enqueue';

function noSettings(config: unknown): FieldError[] {
  if (config === undefined || config === null) return [];
  if (!isRecord(config)) {
    return [typeError('config', 'an object', config)];
  }
  return Object.keys(config).map((key) => ({
    field: childPath('', key),
    message: 'is not a known setting',
    code: 'invalid' as const,
  }));
}

function fromKeyInPath(result: MapResult<MappedRequest['events']>): MapResult<MappedRequest> {
  return result.ok ? ok({ routingKey: null, events: result.value }) : result;
}

const MiB = 1024 * 1024;

export const formats: Readonly<Record<IntegrationType, FormatDescriptor>> = Object.freeze({
  'events-v2': {
    type: 'events-v2',
    title: 'PagerDuty Events API v2',
    description:
      'Wire-compatible with PagerDuty\'s Events API v2: point any tool that sends to PagerDuty ' +
      `at Tocsin. Change events go to ${CHANGE_EVENTS_PATH}.`,
    transport: 'http',
    paths: ['/v2/enqueue'],
    keyIn: 'body',
    maxBodyBytes: EVENTS_V2_MAX_BODY_BYTES,
    prepare(config) {
      const errors = noSettings(config);
      if (errors.length > 0) return fail(errors);
      return ok((input: unknown): MapResult<MappedRequest> => {
        const r = mapEventsV2(input);
        return r.ok ? ok({ routingKey: r.value.routingKey, events: [r.value.event] }) : r;
      });
    },
  },
  alertmanager: {
    type: 'alertmanager',
    title: 'Prometheus Alertmanager',
    description: 'Alertmanager webhook_config receiver; one alert per Alertmanager alert, keyed by fingerprint.',
    transport: 'http',
    paths: ['/integrations/alertmanager/:key'],
    keyIn: 'path',
    maxBodyBytes: 5 * MiB,
    prepare(config) {
      const options = parseAlertmanagerOptions(config);
      if (!options.ok) return options;
      return ok((input: unknown) => fromKeyInPath(mapAlertmanager(input, options.value)));
    },
  },
  grafana: {
    type: 'grafana',
    title: 'Grafana Alerting',
    description: 'Grafana unified alerting webhook contact point; dashboard, panel and silence links kept.',
    transport: 'http',
    paths: ['/integrations/grafana/:key'],
    keyIn: 'path',
    maxBodyBytes: 5 * MiB,
    prepare(config) {
      const options = parseAlertmanagerOptions(config);
      if (!options.ok) return options;
      return ok((input: unknown) => fromKeyInPath(mapGrafana(input, options.value)));
    },
  },
  generic: {
    type: 'generic',
    title: 'Generic JSON webhook',
    description: 'Any JSON body; Liquid templates on the integration pick the summary, severity, key and action.',
    transport: 'http',
    paths: ['/integrations/generic/:key'],
    keyIn: 'path',
    maxBodyBytes: 1 * MiB,
    prepare(config) {
      const compiled = compileGenericMapping(config);
      if (!compiled.ok) return compiled;
      return ok((input: unknown): MapResult<MappedRequest> => {
        const r = mapGeneric(compiled.value, input);
        return r.ok ? ok({ routingKey: null, events: [r.value] }) : r;
      });
    },
  },
  email: {
    type: 'email',
    title: 'Email',
    description: 'Mail to the integration address; the subject is the summary and, by default, the dedup key.',
    transport: 'smtp',
    paths: [],
    keyIn: 'recipient',
    maxBodyBytes: 10 * MiB,
    prepare(config) {
      const options = parseEmailOptions(config);
      if (!options.ok) return options;
      return ok((input: unknown): MapResult<MappedRequest> => {
        const message = readEmailMessage(input);
        if (!message.ok) return message;
        const r = mapEmail(message.value, options.value);
        return r.ok ? ok({ routingKey: null, events: [r.value] }) : r;
      });
    },
  },
  heartbeat: {
    type: 'heartbeat',
    title: 'Heartbeat',
    description:
      'A ping URL for cron jobs and hosts. A ping carries no event (its body is ignored); the ' +
      'heartbeat monitor raises and resolves the alert with the helpers in heartbeat.ts.',
    transport: 'http',
    paths: ['/integrations/heartbeat/:key'],
    keyIn: 'path',
    maxBodyBytes: 64 * 1024,
    prepare(config) {
      const errors = noSettings(config);
      if (errors.length > 0) return fail(errors);
      return ok(() => ok({ routingKey: null, events: [] }));
    },
  },
});

export function isIntegrationType(s: string): s is IntegrationType {
  return (INTEGRATION_TYPES as readonly string[]).includes(s);
}

export * from './types.js';
export {
  acceptedEventResponse,
  invalidEventResponse,
  mapEventsV2,
  pagerDutyErrorStrings,
  type EventsV2Request,
} from './events-v2.js';
export { mapChangeEventV2, type ChangeEventRequest } from './change-events-v2.js';
export { mapAlertmanager, type AlertmanagerOptions } from './alertmanager.js';
export { mapGrafana, type GrafanaOptions } from './grafana.js';
export {
  compileGenericMapping,
  dryRunGeneric,
  mapGeneric,
  type CompiledGenericMapping,
  type GenericDryRun,
} from './generic.js';
export { mapEmail, readEmailMessage, type EmailMessage, type EmailOptions } from './email.js';
export { heartbeatMissedEvent, heartbeatRecoveredEvent, heartbeatDedupKey } from './heartbeat.js';
