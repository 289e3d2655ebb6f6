// Events for the rules and maintenance tests.
import type { NormalizedEvent } from '../formats/types.js';

export const T0 = Date.UTC(2026, 0, 5, 12, 0, 0);

export function testEvent(overrides: Partial<NormalizedEvent> = {}): NormalizedEvent {
  return {
    action: 'trigger',
    dedupKey: null,
    summary: 'Disk space low on db-01 (/var at 94%)',
    source: 'db-01.prod.example.org',
    severity: 'warning',
    timestamp: T0,
    component: 'postgres',
    group: 'databases',
    class: 'disk',
    customDetails: { env: 'prod', device: 'fw-01', used_percent: 94, tags: ['db', 'eu-west'], nested: { region: 'eu-west-1' } },
    images: [],
    links: [],
    client: 'Zabbix',
    clientUrl: 'https://zabbix.example.org/',
    ...overrides,
  };
}
