// Running the real Tocsin process from a test: started with tsx on a test database, ready when
// /readyz answers, driven through its HTTP API with an admin token.

import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import type { TestDatabase } from './database.js';

export const ADMIN_TOKEN = 'tcs_process_test_admin_token_0123456789';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export async function startTocsin(db: TestDatabase, port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const args = ['--import', 'tsx', path.resolve('src/main.ts'), 'start', '--port', String(port), '--host', '127.0.0.1'];
  if (db.dialect === 'sqlite') args.push('--data-dir', db.env.TOCSIN_DATA_DIR!);
  const p = spawn(process.execPath, args, {
    env: {
      ...process.env,
      ...db.env,
      TOCSIN_ADMIN_TOKEN: ADMIN_TOKEN,
      TOCSIN_ADMIN_PASSWORD: 'process-test-password',
      TOCSIN_LOG_LEVEL: 'warn',
      TOCSIN_RATE_LIMIT: '1000000',
      TOCSIN_RATE_LIMIT_ANONYMOUS: '1000000',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  p.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (p.exitCode !== null) throw new Error(`tocsin exited: ${err}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/readyz`);
      if (r.status === 200) return p;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`tocsin did not become ready: ${err}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function exited(p: ChildProcess): Promise<void> {
  return new Promise<void>((r) => (p.exitCode !== null || p.signalCode !== null ? r() : p.once('exit', () => r())));
}

export async function api<T>(port: number, method: string, url: string, body?: unknown): Promise<T> {
  const r = await fetch(`http://127.0.0.1:${port}${url}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${await r.text()}`);
  return (r.status === 204 ? undefined : await r.json()) as T;
}
