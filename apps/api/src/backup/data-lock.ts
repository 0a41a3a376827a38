/**
 * Who owns the data directory's database: a running server, or a restore putting a backup in place.
 * The owner writes `chitieu.lock` (its process id) and removes it when it ends; a lock whose process
 * no longer exists (the server was killed) is stale and taken over. A restore refuses while a server
 * holds it, and a server refuses to start while a restore (or another server) holds it.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE = 'chitieu.lock';

export type LockHolder = { pid: number; role: 'server' | 'restore'; since: string };

export const HOLDER_NAMES: Record<LockHolder['role'], string> = {
  server: 'máy chủ Chỉ tiêu đang chạy',
  restore: 'đang khôi phục bản sao lưu',
};

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The live holder of the lock, if any (a stale or unreadable lock counts as none). */
export function lockHolder(dataDir: string): LockHolder | null {
  try {
    const holder = JSON.parse(readFileSync(join(dataDir, LOCK_FILE), 'utf8')) as LockHolder;
    return Number.isInteger(holder.pid) && holder.pid !== process.pid && alive(holder.pid) ? holder : null;
  } catch {
    return null;
  }
}

export class DataDirBusy extends Error {
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(`${dataDir}: ${HOLDER_NAMES[holder.role]} (tiến trình ${holder.pid})`);
  }
}

/** Take the lock for this process, or throw DataDirBusy naming who holds it. Returns the release. */
export function lockDataDir(dataDir: string, role: LockHolder['role']): () => void {
  const file = join(dataDir, LOCK_FILE);
  const mine: LockHolder = { pid: process.pid, role, since: new Date().toISOString() };
  for (let attempt = 0; ; attempt++) {
    try {
      // Exclusive create: of two processes starting at once, one gets it.
      writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const holder = lockHolder(dataDir);
      if (holder) throw new DataDirBusy(dataDir, holder);
      rmSync(file, { force: true });
    }
  }
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    rmSync(file, { force: true });
  };
  // However the process ends short of being killed, the lock goes with it.
  process.once('exit', release);
  return release;
}
