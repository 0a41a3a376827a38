/** Start the checkpoint worker for a WAL database file (see checkpoint-worker.ts). */
import { Worker } from 'node:worker_threads';
import type { Db } from '@chitieu/db';

const BOOT = new URL('./boot.mjs', import.meta.url);
const ENTRY = new URL('./checkpoint-worker.ts', import.meta.url).href;

/**
 * The writer's own automatic checkpoint stays on as a backstop, far above what the worker lets the
 * WAL reach (1000 pages, SQLite's default, is about 130 saves; this is about 60 MB).
 */
const BACKSTOP_PAGES = 15_000;

export function startCheckpointer(db: Db, intervalMs = 1000): { stop: () => Promise<void> } {
  const client = db.$client;
  if (client.memory || client.readonly || client.pragma('journal_mode', { simple: true }) !== 'wal') {
    return { stop: async () => {} };
  }
  client.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  const worker = new Worker(BOOT, {
    workerData: { entry: ENTRY, file: client.name, intervalMs },
    execArgv: [],
  });
  // A CLI run or a test that ends must not be kept alive by the timer.
  worker.unref();
  return {
    stop: () =>
      new Promise((resolve) => {
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      }),
  };
}
