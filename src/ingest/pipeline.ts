// Group commit for ingest. Requests put their events on an in-memory queue and wait; one
// committer takes everything queued (up to `batchSize` events) into ONE transaction, commits,
// and only then answers every waiting request: a 202 means the event is durably stored. While
// a batch commits, the next one fills up, so batches grow with load and latency stays low when
// it is quiet. If a batch fails, its requests are retried one by one so that one bad event
// cannot fail the others.

import { performance } from 'node:perf_hooks';
import type { Clock } from '../platform/clock.js';
import { transact, type Db } from '../platform/db/transaction.js';
import type { Logger } from '../platform/log.js';
import { applyEvents, type ApplyContext, type IngestItem, type IngestResult } from './apply.js';

interface Pending {
  items: IngestItem[];
  resolve(results: IngestResult[]): void;
  reject(err: unknown): void;
}

export interface PipelineOptions extends ApplyContext {
  db: Db;
  clock: Clock;
  log: Logger;
  /** Most events per transaction. */
  batchSize?: number;
  /**
   * How long (ms) a batch may wait for more events while they keep arriving (default 2). It
   * waits only after a batch of several events (evidence of concurrent senders) and stops as soon
   * as QUIET_MS pass with nothing new, so a lone event is not held back.
   */
  lingerMs?: number;
}

/** A gathering batch stops waiting once this long (ms) passes without a new event. */
const QUIET_MS = 0.5;

export class PipelineClosed extends Error {
  constructor() {
    super('the ingest pipeline is shutting down');
    this.name = 'PipelineClosed';
  }
}

export class IngestPipeline {
  private queue: Pending[] = [];
  private queuedEvents = 0;
  private draining: Promise<void> | null = null;
  private closed = false;
  private readonly batchSize: number;
  private readonly lingerMs: number;
  private lastBatch = 0;
  /** Counters for metrics and benchmarks. */
  readonly stats = { batches: 0, events: 0, retries: 0, maxBatch: 0 };

  constructor(private readonly opts: PipelineOptions) {
    this.batchSize = opts.batchSize ?? 500;
    this.lingerMs = opts.lingerMs ?? 2;
  }

  /** Resolves once every item is committed, with one result per item. */
  submit(items: IngestItem[]): Promise<IngestResult[]> {
    if (this.closed) return Promise.reject(new PipelineClosed());
    if (items.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.queue.push({ items, resolve, reject });
      this.queuedEvents += items.length;
      this.draining ??= new Promise<void>((r) => setImmediate(r)).then(() => this.drain());
    });
  }

  /** Stops taking events and waits for the queued ones to commit. */
  async close(): Promise<void> {
    this.closed = true;
    while (this.draining) await this.draining;
  }

  private take(): Pending[] {
    const batch: Pending[] = [];
    let n = 0;
    while (this.queue.length > 0) {
      const next = this.queue[0]!;
      if (batch.length > 0 && n + next.items.length > this.batchSize) break;
      batch.push(this.queue.shift()!);
      n += next.items.length;
    }
    this.queuedEvents -= n;
    return batch;
  }

  /**
   * Lets a batch fill while events keep arriving. A transaction costs about the same for a few
   * events as for many (its round trips, its commit), and the requests answered by the last
   * commit are often about to send again: waiting a fraction of a millisecond for them makes the
   * next transaction serve them too instead of leaving them for the one after.
   */
  private async gather(): Promise<void> {
    if (this.lingerMs <= 0 || this.lastBatch <= 1) return;
    const start = performance.now();
    let seen = this.queuedEvents;
    let lastArrival = start;
    while (this.queuedEvents < this.batchSize && !this.closed) {
      const now = performance.now();
      if (now - start >= this.lingerMs || now - lastArrival >= QUIET_MS) return;
      await new Promise<void>((r) => setImmediate(r));
      if (this.queuedEvents > seen) {
        seen = this.queuedEvents;
        lastArrival = performance.now();
      }
    }
  }

  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        await this.gather();
        const batch = this.take();
        await this.commit(batch);
      }
    } finally {
      this.draining = null;
      // Something may have arrived between the last take and now.
      if (this.queue.length > 0) this.draining = this.drain();
    }
  }

  private async commit(batch: Pending[]): Promise<void> {
    const items = batch.flatMap((p) => p.items);
    this.lastBatch = items.length;
    try {
      const results = await transact(this.opts.db, (tx) => applyEvents(tx, items, this.opts, this.opts.clock.now()));
      this.stats.batches += 1;
      this.stats.events += items.length;
      this.stats.maxBatch = Math.max(this.stats.maxBatch, items.length);
      let at = 0;
      for (const p of batch) {
        p.resolve(results.slice(at, at + p.items.length));
        at += p.items.length;
      }
      return;
    } catch (err) {
      // Also for a single request: a concurrent writer in another process (a unique-index race
      // on the same dedup key, a deadlock) fails a transaction that succeeds when re-run.
      this.opts.log.warn({ err, requests: batch.length }, 'ingest batch failed; retrying its requests one by one');
    }
    for (const p of batch) {
      this.stats.retries += 1;
      try {
        const results = await transact(this.opts.db, (tx) => applyEvents(tx, p.items, this.opts, this.opts.clock.now()));
        p.resolve(results);
      } catch (err) {
        p.reject(err);
      }
    }
  }
}
