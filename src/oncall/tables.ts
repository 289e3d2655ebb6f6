/** Row shapes of the on-call domain's tables (see platform/db/migrations/0002_oncall.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface OncallTables {}
