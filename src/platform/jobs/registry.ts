import type { BatchHandler, HandlerOptions, JobHandler, RegisteredHandler } from './types.js';

const DEFAULTS: Required<HandlerOptions> = { leaseMs: 60_000, backoffBaseMs: 1_000, backoffMaxMs: 3_600_000 };

/** Handlers by job kind. Domains register theirs when the worker is assembled. */
export class JobRegistry {
  private handlers = new Map<string, RegisteredHandler>();

  register<P>(kind: string, handle: JobHandler<P>, opts: HandlerOptions = {}): this {
    if (this.handlers.has(kind)) throw new Error(`a handler for job kind "${kind}" is already registered`);
    this.handlers.set(kind, { ...DEFAULTS, ...opts, handle: handle as JobHandler });
    return this;
  }

  /** A kind whose due jobs run together (see BatchHandler); `handle` runs a single job. */
  registerBatch<P>(kind: string, handle: JobHandler<P>, batch: BatchHandler<P>, opts: HandlerOptions = {}): this {
    this.register(kind, handle, opts);
    this.handlers.get(kind)!.batch = batch as BatchHandler;
    return this;
  }

  get(kind: string): RegisteredHandler | undefined {
    return this.handlers.get(kind);
  }

  kinds(): string[] {
    return [...this.handlers.keys()];
  }
}

export function backoffDelay(failures: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const exp = Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
  const jitter = 0.8 + random() * 0.4;
  return Math.round(Math.min(maxMs, exp * jitter));
}
