// WAL checkpoints off the event loop. better-sqlite3 is synchronous: with SQLite's automatic
// checkpoint, every few commits the committing call also copies the WAL into the database file
// and syncs it, and the whole process waits (about half of a busy ingest commit's time). Here a
// worker thread with its own connection to the same file runs PASSIVE checkpoints instead: they
// never wait for, nor block, the writer, and the writer restarts the WAL from its beginning once
// everything in it has been copied. The main connection keeps a much larger automatic threshold
// as a safety net, should this thread ever fall behind or stop.
//
// Durability is unchanged: a commit is durable (against a process crash, as before) when its
// frames are in the WAL; checkpoints only move already-committed pages into the database file.

import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Pages in the WAL at which the main connection checkpoints by itself (the safety net). */
export const FALLBACK_AUTOCHECKPOINT_PAGES = 4_000;

// Plain CommonJS: the worker must run without the TypeScript loader used in development.
const CHECKPOINTER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 1000');
db.pragma('synchronous = NORMAL');
let timer = null;
let stopped = false;
let lastLog = -1;
// Every busyMs while the WAL is changing, every idleMs once it is not.
function tick() {
  timer = null;
  if (stopped) return;
  let changed = false;
  try {
    const [r] = db.pragma('wal_checkpoint(PASSIVE)');
    changed = r.log !== lastLog;
    lastLog = r.log;
  } catch {
    // Busy or going away: try again at the next tick.
  }
  timer = setTimeout(tick, changed ? workerData.busyMs : workerData.idleMs);
}
parentPort.on('message', (m) => {
  if (m === 'stop') {
    stopped = true;
    if (timer) clearTimeout(timer);
    try { db.close(); } catch {}
    parentPort.close();
  }
});
tick();
`;

export interface Checkpointer {
  close(): Promise<void>;
}

/** Starts the checkpoint thread for a WAL-mode database file. */
export function startCheckpointer(file: string, opts: { busyMs?: number; idleMs?: number } = {}): Checkpointer {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(CHECKPOINTER, { eval: true, workerData: { file, module, busyMs: opts.busyMs ?? 10, idleMs: opts.idleMs ?? 200 } });
  worker.unref();
  // A checkpointer that fails (it cannot open the file, say) leaves the automatic checkpoint to do the work.
  worker.on('error', () => undefined);
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  let closing: Promise<void> | null = null;
  return {
    close() {
      closing ??= (async () => {
        // Referenced while closing: with nothing else to do, the process must wait for the
        // thread instead of exiting in the middle of the caller's `await close()`.
        worker.ref();
        worker.postMessage('stop');
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>((resolve) => {
          timer = setTimeout(resolve, 2000);
        });
        await Promise.race([exited, timeout]);
        clearTimeout(timer);
        await worker.terminate().catch(() => undefined);
      })();
      return closing;
    },
  };
}
