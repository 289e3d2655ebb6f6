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

export interface BatchContext {
  clock: Clock;
  log: Logger;
  /**
   * Runs `fn` in one transaction that also completes every job of the batch still held by this
   * worker (`jobs`: a job cancelled while the batch ran is left out, and its effects with it).
   */
  complete<T>(fn: (tx: Tx, jobs: Job[]) => Promise<T>): Promise<T>;
}

/**
 * Handles several due jobs of one kind together: for work whose per-job transaction and lookups
 * dominate (escalation steps in a storm). A batch that fails is retried job by job through the
 * single-job handler, so one bad job cannot hold the others back.
 */
export type BatchHandler<P = unknown> = (jobs: Job<P>[], ctx: BatchContext) => Promise<void>;

export interface HandlerOptions {
  /** How long a claimed job is reserved before another worker may assume its worker died. */
  leaseMs?: number;
  /** Retry delay after the n-th failure: base * 2^(n-1), capped, with ±20% jitter. */
  backoffBaseMs?: number;
  backoffMaxMs?: number;
}

export interface RegisteredHandler extends Required<HandlerOptions> {
  handle: JobHandler;
  batch?: BatchHandler;
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
