/**
 * `npm run gen:api`: regenerates web/src/api/openapi.json and web/src/api/schema.ts from the
 * server's route schemas. Run it after changing any route; src/api-types.test.ts fails until you do.
 */
import path from 'node:path';
import { writeApiTypes } from './api-types.js';

try {
  const written = await writeApiTypes();
  for (const file of written) process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
} catch (err) {
  process.stderr.write(`gen:api failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exitCode = 1;
}
