/**
 * Worker thread: every interval, copy what the WAL holds into the database file (a PASSIVE
 * checkpoint: it never waits for, or blocks, the writer). Checkpoints are where SQLite fsyncs under
 * synchronous=NORMAL; done here, a save never waits for the disk (docs/decisions/0014).
 */
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const { file, intervalMs } = workerData as { file: string; intervalMs: number };
const db = new Database(file);
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or locked this time (a backup, a migration): the next tick tries again.
  }
}, intervalMs);

parentPort?.on('message', (message) => {
  if (message !== 'stop') return;
  clearInterval(timer);
  db.close();
  parentPort?.close();
});
