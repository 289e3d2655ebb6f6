/**
 * Generates the web console's typed API client inputs from the server's own route schemas:
 * the OpenAPI 3.1 document (`web/src/api/openapi.json`) and its TypeScript types
 * (`web/src/api/schema.ts`). The app is built in-process on a throwaway SQLite database and
 * never listens; only `app.swagger()` is read.
 *
 * Used by `npm run gen:api` (scripts/generate-api-types.ts) and by src/api-types.test.ts,
 * which fails when the committed schema.ts no longer matches the routes.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import type { AppDeps } from '../src/app-context.js';
import { buildApp } from '../src/app.js';
import { ManualClock } from '../src/platform/clock.js';
import { loadConfig } from '../src/platform/config.js';
import { migrateToLatest, openSqlite } from '../src/platform/db/index.js';
import { silentLogger } from '../src/platform/log.js';
import { createMetrics } from '../src/platform/metrics.js';
import { VERSION } from '../src/version.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const API_DIR = path.resolve(here, '..', 'web', 'src', 'api');
export const OPENAPI_JSON_PATH = path.join(API_DIR, 'openapi.json');
export const SCHEMA_TS_PATH = path.join(API_DIR, 'schema.ts');

const HEADER = [
  '/**',
  ' * Generated from the server\'s OpenAPI document by `npm run gen:api` (scripts/api-types.ts).',
  ' * Do not edit by hand: change the route schemas and regenerate.',
  ' */',
  '',
  '',
].join('\n');

/** Object keys sorted recursively (arrays keep their order), so the output never churns. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** The OpenAPI document the server publishes, from a fixed configuration (no environment). */
export async function loadOpenApiDocument(): Promise<OpenAPI3> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tocsin-gen-api-'));
  const handle = openSqlite(path.join(dir, 'tocsin.sqlite'));
  try {
    await migrateToLatest(handle.db);
    // An empty environment: the document's server URL and limits must not depend on the caller's shell.
    const config = loadConfig({});
    const deps: AppDeps = {
      db: handle.db,
      handle,
      clock: new ManualClock(Date.UTC(2026, 0, 1)),
      config,
      log: silentLogger,
      metrics: createMetrics(),
      version: VERSION,
    };
    const app = await buildApp(deps);
    try {
      await app.ready();
      // Round-trip through JSON: exactly what GET /api/v1/openapi.json serves, without undefineds.
      return sortKeys(JSON.parse(JSON.stringify(app.swagger()))) as OpenAPI3;
    } finally {
      await app.close();
    }
  } finally {
    await handle.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export interface GeneratedApiTypes {
  /** Pretty-printed, key-sorted OpenAPI document (web/src/api/openapi.json). */
  openapiJson: string;
  /** TypeScript types for openapi-fetch (web/src/api/schema.ts). */
  schemaTs: string;
}

/** Both generated files' text, in memory. */
export async function generateApiTypes(): Promise<GeneratedApiTypes> {
  const doc = await loadOpenApiDocument();
  const openapiJson = `${JSON.stringify(doc, null, 2)}\n`;
  const ast = await openapiTS(doc, { silent: true, alphabetize: true });
  const schemaTs = `${HEADER}${astToString(ast).trimEnd()}\n`;
  return { openapiJson, schemaTs };
}

/** Writes both files; returns their paths. */
export async function writeApiTypes(): Promise<string[]> {
  const { openapiJson, schemaTs } = await generateApiTypes();
  fs.mkdirSync(API_DIR, { recursive: true });
  fs.writeFileSync(OPENAPI_JSON_PATH, openapiJson);
  fs.writeFileSync(SCHEMA_TS_PATH, schemaTs);
  return [OPENAPI_JSON_PATH, SCHEMA_TS_PATH];
}
