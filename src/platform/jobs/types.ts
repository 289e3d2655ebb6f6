import type { Tx } from '../db/transaction.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../log.js';

export interface Job<P = unknown> {
  id: string;
  kind: string;
  key: string | null;
  payload: P;
  runAt: number;
  /** 1 on the first run. */
  attempt: number;
  maxAttempts: number;
}

export interface JobContext {
  clock: Clock;
  log: Logger;
  /**
   * Runs `fn` in the transaction that also completes the job: its writes commit together with
   * the job's completion, or not at all. Throws JobCancelled (rolling `fn` back) when the job
   * was cancelled while it ran. A handler that never calls this is completed on return.
   */
  complete<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
}

export type JobHandler<P = unknown> = (job: Job<P>, ctx: JobContext) => Promise<void>;

export interface HandlerOptions {
  /** How long a claimed job is reserved before another worker may assume its worker died. */
  leaseMs?: number;
  /** Retry delay after the n-th failure: base * 2^(n-1), capped, with ±20% jitter. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

export interface RegisteredHandler extends Required<HandlerOptions> {
  handle: JobHandler;
}

export class JobCancelled extends Error {
  constructor(jobId: string) {
    super(`job ${jobId} was cancelled while it ran`);
    this.name = 'JobCancelled';
  }
}

/** Thrown by a handler to stop retrying: the job goes straight to dead. */
export class PermanentJobError extends Error {
  override name = 'PermanentJobError';
}
