/**
 * A separate process for job-queue tests: `crash` claims a job and dies with SIGKILL in the
 * middle of it; `enqueue` commits one job from another process (to exercise LISTEN/NOTIFY).
 * Usage: tsx job-child.ts <mode> <postgres-url | sqlite-file> [lease-ms]
 */
import { openPostgres, openSqlite, transact } from '../../src/platform/db/index.js';
import { enqueue, JobRegistry, Worker } from '../../src/platform/jobs/index.js';
import { systemClock } from '../../src/platform/clock.js';
import { silentLogger } from '../../src/platform/log.js';

const [mode, location, lease] = process.argv.slice(2);
if (!mode || !location) throw new Error('usage: job-child.ts <crash|enqueue> <location> [lease-ms]');
const handle = location.startsWith('postgres') ? openPostgres(location, 2) : openSqlite(location);

if (mode === 'crash') {
  const registry = new JobRegistry().register('crash-test', async () => {
    process.stdout.write('claimed\n');
    process.kill(process.pid, 'SIGKILL');
    await new Promise(() => undefined);
  });
  const worker = new Worker({
    db: handle.db,
    dialect: handle.dialect,
    registry,
    clock: systemClock,
    log: silentLogger,
    leaseMs: Number(lease ?? 500),
    workerId: 'doomed-worker',
  });
  await worker.start();
} else if (mode === 'enqueue') {
  await transact(handle.db, (tx) => enqueue(tx, Date.now(), 'from-child', { hello: 'world' }));
  await handle.close();
}
