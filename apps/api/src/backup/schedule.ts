/**
 * The server's own backups, when BACKUP_DIR is set: one every night at 02:00 (Vietnam time, when no
 * one enters figures), and one at start-up when the newest backup is older than a day (the server was
 * down at night, or backups were just switched on). Each runs in a worker thread, then the oldest
 * beyond BACKUP_KEEP are removed. A failure is logged in one line and tried again the next night.
 */
import { Worker } from 'node:worker_threads';
import { listBackups } from './backup.ts';

const BOOT = new URL('../workers/boot.mjs', import.meta.url);
const ENTRY = new URL('../workers/backup-worker.ts', import.meta.url).href;

const DAY_MS = 24 * 3600_000;
const VIETNAM_OFFSET_MS = 7 * 3600_000;
export const NIGHTLY_HOUR = 2;

/** The next 02:00 in Vietnam strictly after `now`. */
export function nextNightlyBackup(now: Date): Date {
  const local = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  const at = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate(), NIGHTLY_HOUR);
  const next = at > local.getTime() ? at : at + DAY_MS;
  return new Date(next - VIETNAM_OFFSET_MS);
}

/** Whether the server should take a backup as it starts: none yet, or the newest is older than a day. */
export function backupDueAtStart(newest: Date | null, now: Date): boolean {
  return newest === null || now.getTime() - newest.getTime() > DAY_MS;
}

type WorkerReport =
  | { ok: true; path: string; bytes: number; ms: number; removed: string[] }
  | { ok: false; message: string };

function backupInWorker(
  source: string,
  dir: string,
  keep: number,
): { done: Promise<WorkerReport>; worker: Worker } {
  const worker = new Worker(BOOT, { workerData: { entry: ENTRY, source, dir, keep }, execArgv: [] });
  const done = new Promise<WorkerReport>((resolve) => {
    worker.once('message', resolve);
    worker.once('error', (error) => resolve({ ok: false, message: error.message }));
    worker.once('exit', () => resolve({ ok: false, message: 'tiến trình sao lưu dừng giữa chừng' }));
  });
  return { done, worker };
}

export interface BackupSchedule {
  stop: () => Promise<void>;
}

export function startAutomaticBackups(
  options: { source: string; dir: string; keep: number },
  log: (line: string) => void = console.log,
  now: () => Date = () => new Date(),
): BackupSchedule {
  let timer: NodeJS.Timeout | undefined;
  let current: Worker | undefined;
  let stopped = false;

  const run = async () => {
    const { done, worker } = backupInWorker(options.source, options.dir, options.keep);
    current = worker;
    const report = await done;
    current = undefined;
    if (report.ok) {
      const mb = (report.bytes / 1024 / 1024).toFixed(1).replace('.', ',');
      const pruned = report.removed.length > 0 ? `; đã xóa ${report.removed.length} bản cũ` : '';
      log(`Đã sao lưu ${report.path} (${mb} MB, ${report.ms} ms)${pruned}`);
    } else if (!stopped) {
      console.error(`Sao lưu tự động không được: ${report.message}`);
    }
  };

  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => run().then(schedule), nextNightlyBackup(now()).getTime() - now().getTime());
    // Waiting for tonight never keeps the process alive.
    timer.unref();
  };

  const newest = listBackups(options.dir)[0]?.at ?? null;
  if (backupDueAtStart(newest, now())) run().then(schedule);
  else schedule();

  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      // A backup cut short leaves only its hidden partial file, which pruning removes later.
      await current?.terminate();
    },
  };
}
