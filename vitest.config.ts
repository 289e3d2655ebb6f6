import { defineConfig } from 'vitest/config';

const integration = ['test/**/*.test.ts'];
const e2e = ['test/e2e/**/*.test.ts'];
// Schedule maths must not depend on the process's own zone: the oncall unit tests run again
// under several zones.
const zones = ['Pacific/Auckland', 'America/Denver', 'Asia/Kolkata'];

export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      { extends: true as const, test: { name: 'unit', include: ['src/**/*.test.ts'], env: { TZ: 'UTC' } } },
      ...zones.map((tz) => ({
        extends: true as const,
        test: { name: `oncall TZ=${tz}`, include: ['src/oncall/**/*.test.ts'], env: { TZ: tz } },
      })),
      {
        extends: true as const,
        test: {
          name: 'sqlite',
          include: integration,
          exclude: e2e,
          env: { TOCSIN_TEST_DB: 'sqlite' },
        },
      },
      {
        extends: true as const,
        test: {
          name: 'postgres',
          include: integration,
          exclude: e2e,
          env: { TOCSIN_TEST_DB: 'postgres' },
          globalSetup: ['test/support/postgres-global-setup.ts'],
        },
      },
      {
        extends: true as const,
        test: {
          name: 'e2e',
          include: e2e,
          env: { TOCSIN_TEST_DB: 'sqlite' },
          globalSetup: ['test/support/postgres-global-setup.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
});
