/**
 * `npm run restore FILE`: put a backup in place of the data directory's database. Refuses while the
 * server runs (data-lock.ts); checks a copy of the file before anything else is touched; keeps the
 * current database (with its -wal, should the server have been killed) aside under a dated name.
 */
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BackupError, backupName, syncPath, verifyDatabaseFile } from './backup.ts';
import { DataDirBusy, HOLDER_NAMES, lockDataDir } from './data-lock.ts';

export const DATABASE_FILE = 'chitieu.db';

export interface RestoreResult {
  /** Where the database that was in place now is (null when there was none). */
  aside: string | null;
  counts: Record<string, number>;
}

export function restoreBackup(dataDir: string, file: string, now = new Date()): RestoreResult {
  if (!existsSync(file) || !statSync(file).isFile()) throw new BackupError(`không có tệp ${file}`);
  let release: () => void;
  try {
    release = lockDataDir(dataDir, 'restore');
  } catch (error) {
    if (error instanceof DataDirBusy) {
      throw new BackupError(
        `không khôi phục khi ${HOLDER_NAMES[error.holder.role]} (tiến trình ${error.holder.pid}) trên ${dataDir}: dừng nó trước`,
      );
    }
    throw error;
  }
  const target = join(dataDir, DATABASE_FILE);
  const incoming = join(dataDir, `.${DATABASE_FILE}.dang-khoi-phuc`);
  try {
    // Check the copy that will be put in place, not the original (it could change meanwhile).
    copyFileSync(file, incoming);
    let counts: Record<string, number>;
    try {
      counts = verifyDatabaseFile(incoming);
    } catch (error) {
      throw new BackupError((error as Error).message.replaceAll(incoming, file));
    }
    syncPath(incoming);
    let aside: string | null = null;
    if (existsSync(target)) {
      aside = join(
        dataDir,
        `${DATABASE_FILE}.truoc-khoi-phuc-${backupName(now).slice('chitieu-'.length, -3)}`,
      );
      // The -wal holds commits not yet in the file when the server was killed: it goes aside with it.
      for (const suffix of ['', '-wal', '-shm']) {
        if (existsSync(target + suffix)) renameSync(target + suffix, aside + suffix);
      }
    }
    renameSync(incoming, target);
    syncPath(dataDir);
    return { aside, counts };
  } finally {
    rmSync(incoming, { force: true });
    release();
  }
}
