import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateApiTypes, SCHEMA_TS_PATH } from '../scripts/api-types.js';

/** "line 42: expected … / committed …" for the first line that differs, or null. */
function firstDifference(expected: string, committed: string): string | null {
  const a = expected.split('\n');
  const b = committed.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `first difference at line ${i + 1}:\n  routes say: ${a[i] ?? '(end of file)'}\n  committed:  ${b[i] ?? '(end of file)'}`;
  }
  return null;
}

/**
 * The web console's API types are generated from the routes' schemas and committed. When a
 * route changes, this fails until `npm run gen:api` has been run (and its result committed).
 */
describe('generated API types (web/src/api/schema.ts)', () => {
  it('match the routes', { timeout: 60_000 }, async () => {
    const { schemaTs } = await generateApiTypes();
    const committed = fs.existsSync(SCHEMA_TS_PATH) ? fs.readFileSync(SCHEMA_TS_PATH, 'utf8') : '';
    const difference = firstDifference(schemaTs, committed);
    expect(difference, `web/src/api/schema.ts is out of date with the API routes: run npm run gen:api\n${difference ?? ''}`).toBeNull();
  });
});
