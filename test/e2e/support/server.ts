/**
 * Runs the BUILT `tocsin` program (bin/tocsin.js -> dist/) as a child process on a fresh data
 * directory, the way an operator would, and talks to it only over the network.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** The program under test: the checkout's build, or another build named by TOCSIN_E2E_BIN. */
const BIN = process.env.TOCSIN_E2E_BIN ? path.resolve(process.env.TOCSIN_E2E_BIN) : path.join(ROOT, 'bin', 'tocsin.js');

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface TocsinProcess {
  /** e.g. http://127.0.0.1:18234 */
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Everything the process wrote to stdout and stderr so far, for failure messages. */
  output(): string;
  /** Settles when the process exits. */
  exited: Promise<Exit>;
  /** Sends a signal (SIGTERM by default) and waits for the exit; SIGKILL after `timeoutMs`. */
  stop(opts?: { signal?: NodeJS.Signals; timeoutMs?: number }): Promise<Exit>;
}

/** A port nobody listens on right now (bind to 0, read it, release it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface StartOptions {
  /** TOCSIN_ADMIN_PASSWORD for the first admin. */
  adminPassword?: string;
  /** More environment (TOCSIN_*); the caller's own TOCSIN_* variables are never inherited. */
  env?: Record<string, string>;
  readyTimeoutMs?: number;
}

export async function startTocsin(opts: StartOptions = {}): Promise<TocsinProcess> {
  if (!process.env.TOCSIN_E2E_BIN && !fs.existsSync(path.join(ROOT, 'dist', 'main.js'))) throw new Error('the server is not built: run `npm run build` before the e2e tests');
  if (!process.env.TOCSIN_E2E_BIN && !fs.existsSync(path.join(ROOT, 'web', 'dist', 'index.html'))) throw new Error('the web console is not built: run `npm run build` before the e2e tests');
  let lastError: unknown;
  // The free port can be taken between our check and the child's bind; try a few.
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(opts, await freePort());
    } catch (err) {
      lastError = err;
      if (!(err instanceof Error && /EADDRINUSE/.test(err.message))) throw err;
    }
  }
  throw lastError;
}

async function startOnce(opts: StartOptions, port: number): Promise<TocsinProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tocsin-e2e-'));
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('TOCSIN_')));
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    NODE_ENV: 'production',
    TOCSIN_HOST: '127.0.0.1',
    TOCSIN_LOG_LEVEL: 'info',
    ...(opts.adminPassword ? { TOCSIN_ADMIN_PASSWORD: opts.adminPassword } : {}),
    ...opts.env,
  };
  const child = spawn(process.execPath, [BIN, 'start', '--data-dir', dataDir, '--port', String(port)], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (out += s));
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let exit: Exit | null = null;
  void exited.then((e) => (exit = e));

  const url = `http://127.0.0.1:${port}`;
  const output = () => out;
  const cleanup = () => fs.rmSync(dataDir, { recursive: true, force: true });

  const stop: TocsinProcess['stop'] = async ({ signal = 'SIGTERM', timeoutMs = 20_000 } = {}) => {
    if (!exit) child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    try {
      return await exited;
    } finally {
      clearTimeout(timer);
      cleanup();
    }
  };

  const deadline = Date.now() + (opts.readyTimeoutMs ?? 30_000);
  for (;;) {
    if (exit) {
      cleanup();
      throw new Error(`tocsin exited before it was ready (code ${String((exit as Exit).code)}, signal ${String((exit as Exit).signal)}):\n${out}`);
    }
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      await exited;
      cleanup();
      throw new Error(`tocsin was not ready at ${url}/readyz within ${opts.readyTimeoutMs ?? 30_000} ms:\n${out}`);
    }
    await sleep(100);
  }
  return { url, port, dataDir, child, output, exited, stop };
}
