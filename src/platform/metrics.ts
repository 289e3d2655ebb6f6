import client from 'prom-client';

export interface Metrics {
  registry: client.Registry;
  httpDuration: client.Histogram<'method' | 'route' | 'status'>;
  jobsFinished: client.Counter<'kind' | 'outcome'>;
  jobDuration: client.Histogram<'kind'>;
  /** Set by whoever can count jobs (the database); read at scrape time. */
  setJobCounter(fn: () => Promise<{ kind: string; state: string; count: number }[]>): void;
}

export function createMetrics(): Metrics {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'tocsin_' });
  let countJobs: (() => Promise<{ kind: string; state: string; count: number }[]>) | null = null;
  const httpDuration = new client.Histogram({
    name: 'tocsin_http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const jobsFinished = new client.Counter({
    name: 'tocsin_jobs_finished_total',
    help: 'Jobs finished by this process, by kind and outcome',
    labelNames: ['kind', 'outcome'] as const,
    registers: [registry],
  });
  const jobDuration = new client.Histogram({
    name: 'tocsin_job_duration_seconds',
    help: 'Job handler run time by kind',
    labelNames: ['kind'] as const,
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30],
    registers: [registry],
  });
  new client.Gauge({
    name: 'tocsin_jobs',
    help: 'Jobs in the queue by kind and state (queued, running, done, dead)',
    labelNames: ['kind', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      if (!countJobs) return;
      for (const row of await countJobs()) this.set({ kind: row.kind, state: row.state }, row.count);
    },
  });
  return {
    registry,
    httpDuration,
    jobsFinished,
    jobDuration,
    setJobCounter(fn) {
      countJobs = fn;
    },
  };
}
