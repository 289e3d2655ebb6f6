/** Prints the environment variable table of docs/configuration.md from the one source of truth. */
import { ENVIRONMENT } from '../src/platform/config.js';

console.log('| Variable | Default | Meaning |\n|---|---|---|');
for (const e of ENVIRONMENT) console.log(`| \`${e.name}\` | ${e.default ? `\`${e.default}\`` : ''} | ${e.help} |`);
