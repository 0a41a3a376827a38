/**
 * Worker thread: take one backup and prune old ones (backup/backup.ts), then report and end. The
 * copy and its integrity check read the whole file; here they never hold up a request.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { pruneBackups, takeBackup } from '../backup/backup.ts';

const { source, dir, keep } = workerData as { source: string; dir: string; keep: number };
try {
  const result = await takeBackup(source, dir);
  const removed = pruneBackups(dir, keep);
  parentPort?.postMessage({ ok: true, path: result.path, bytes: result.bytes, ms: result.ms, removed });
} catch (error) {
  parentPort?.postMessage({ ok: false, message: (error as Error).message });
}
