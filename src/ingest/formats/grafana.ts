// Grafana unified alerting webhook bodies: the Alertmanager shape plus orgId, state, title and
// message on the group and silence/dashboard/panel URLs, values and an image on each alert.
// The walk over the group is Alertmanager's; this file only adds Grafana's extras.

import type { EventImage, EventLink, FieldError, MapResult, NormalizedEvent } from './types.js';
import { childPath, own, readString, type JsonObject } from './json-fields.js';
import {
  mapAlertGroup,
  type AlertExtras,
  type AlertGroupHooks,
  type AlertmanagerOptions,
} from './alertmanager.js';
import { isHttpUrl, isHttpsUrl } from './urls.js';

export type GrafanaOptions = AlertmanagerOptions;

const ALERT_LINKS: readonly (readonly [key: string, text: string])[] = [
  ['silenceURL', 'Silence'],
  ['dashboardURL', 'Dashboard'],
  ['panelURL', 'Panel'],
];

/** Grafana sends "" for URLs it does not have; those and non-http values are skipped. */
function linkFrom(
  obj: JsonObject,
  key: string,
  path: string,
  text: string,
  errors: FieldError[],
): EventLink | null {
  const href = readString(obj, key, path, errors);
  return href !== null && isHttpUrl(href) ? { href, text } : null;
}

function groupDetails(body: JsonObject, errors: FieldError[]): Record<string, unknown> {
  return {
    orgId: own(body, 'orgId') ?? null,
    state: readString(body, 'state', 'state', errors),
    title: readString(body, 'title', 'title', errors),
    message: readString(body, 'message', 'message', errors),
    ruleUrl: readString(body, 'ruleUrl', 'ruleUrl', errors),
  };
}

function alertExtras(
  alert: JsonObject,
  path: string,
  body: JsonObject,
  errors: FieldError[],
): AlertExtras {
  const links: EventLink[] = [];
  const images: EventImage[] = [];
  for (const [key, text] of ALERT_LINKS) {
    const link = linkFrom(alert, key, childPath(path, key), text, errors);
    if (link !== null) links.push(link);
  }
  // Legacy (pre-unified) Grafana names its rule at the top level; groupDetails reports a bad
  // type once for the body, so it is not reported again for every alert.
  const rule = linkFrom(body, 'ruleUrl', 'ruleUrl', 'Alert rule', []);
  if (rule !== null) links.push(rule);

  // Images must be https to be shown inline (see events-v2); an http one stays reachable as a link.
  const imageUrl = readString(alert, 'imageURL', childPath(path, 'imageURL'), errors);
  if (imageUrl !== null && isHttpsUrl(imageUrl)) {
    images.push({ src: imageUrl, alt: 'Alert image' });
  } else if (imageUrl !== null && isHttpUrl(imageUrl)) {
    links.push({ href: imageUrl, text: 'Image' });
  }

  return {
    details: {
      values: own(alert, 'values') ?? null,
      valueString: readString(alert, 'valueString', childPath(path, 'valueString'), errors),
    },
    links,
    images,
  };
}

export const GRAFANA_HOOKS: AlertGroupHooks = {
  defaultSource: 'grafana',
  client: 'Grafana',
  groupDetails,
  alertExtras,
};

export function mapGrafana(
  body: unknown,
  options: GrafanaOptions = {},
): MapResult<NormalizedEvent[]> {
  return mapAlertGroup(body, options, GRAFANA_HOOKS);
}
