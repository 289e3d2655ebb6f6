// A throwaway database for a benchmark: a temporary SQLite directory, or a PostgreSQL database
// of its own on TOCSIN_BENCH_POSTGRES_URL's server (default postgres://postgres@127.0.0.1:5432/test).

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export interface BenchDatabase {
  dataDir?: string;
  databaseUrl?: string;
  drop(): Promise<void>;
}

export async function benchDatabase(db: 'sqlite' | 'postgres'): Promise<BenchDatabase> {
  if (db === 'sqlite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tocsin-bench-'));
    return { dataDir, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const server = process.env.TOCSIN_BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `tocsin_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(server);
  u.pathname = `/${name}`;
  return {
    databaseUrl: u.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
