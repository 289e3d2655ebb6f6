#!/usr/bin/env node
// Runs the built CLI; `npm ci` builds it (the package's prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
if (!existsSync(main)) {
  process.stderr.write('tocsin: not built yet. Run `npm run build` (npm ci does it for you).\n');
  process.exit(1);
}
await import(main);
