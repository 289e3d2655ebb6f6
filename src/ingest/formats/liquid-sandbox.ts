// The Liquid engine for templates users store on integrations. Templates are user input that
// runs on every inbound event, so the engine must never read files and must stop a runaway
// template before it stalls ingest.

import { Liquid, Tag, type TagToken, type Template, type TopLevelToken } from 'liquidjs';

/**
 * parseLimit: characters per template; templates for one field are a line or two, 16 KiB is
 *   generous and keeps a pasted blob from becoming a parse-time cost.
 * renderLimit: milliseconds per render. Rendering is synchronous on the ingest path, so this
 *   bounds how long one template can hold the event loop.
 * memoryLimit: liquidjs's allocation budget (string and array sizes created by filters and
 *   ranges), per render; 1e6 is far above any sensible template and far below trouble.
 */
export const LIQUID_LIMITS = Object.freeze({
  parseLimit: 16 * 1024,
  renderLimit: 100,
  memoryLimit: 1_000_000,
});

/** Tags that read other templates, which here could only mean files on the server. */
const FILE_TAGS = ['include', 'render', 'layout'] as const;

class DeniedTag extends Tag {
  constructor(token: TagToken, remainTokens: TopLevelToken[], liquid: Liquid) {
    super(token, remainTokens, liquid);
    throw new Error(`the "${token.name}" tag is not allowed in integration templates`);
  }

  render(): void {}
}

function createSandbox(): Liquid {
  const engine = new Liquid({
    // An empty in-memory template map: lookups never reach the file system even if a file tag
    // slipped past the denial below.
    templates: {},
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    cache: false,
    // Dates in templates render in UTC and in English, whatever the server's settings.
    timezoneOffset: 0,
    locale: 'en-US',
    ...LIQUID_LIMITS,
  });
  for (const name of FILE_TAGS) engine.registerTag(name, DeniedTag);
  return engine;
}

const sandbox = createSandbox();

export type LiquidOutcome<T> = { ok: true; value: T } | { ok: false, message: string };

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function parseTemplate(source: string): LiquidOutcome<Template[]> {
  try {
    return { ok: true, value: sandbox.parse(source) };
  } catch (e) {
    return { ok: false, message: messageOf(e) };
  }
}

export function renderTemplate(template: Template[], scope: object): LiquidOutcome<string> {
  try {
    const out: unknown = sandbox.renderSync(template, scope);
    return { ok: true, value: typeof out === 'string' ? out : String(out) };
  } catch (e) {
    return { ok: false, message: messageOf(e) };
  }
}
