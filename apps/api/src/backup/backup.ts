/**
 * Backups of the SQLite file that finish while the app runs and saves keep coming
 * (docs/decisions/0019-backups.md): a read transaction pins one snapshot, the online backup API
 * copies it in a single step (a step never restarts, however many saves arrive meanwhile), the copy
 * is checked and only then renamed to a backup's name. A backup killed half-way leaves a hidden
 * `.partial` file, never something that looks like a backup.
 */
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

/** A reason a backup or a restore cannot go on, said in one line. */
export class BackupError extends Error {}

/** Pages per backup step: all of them, so the copy is taken in one step from one snapshot. */
const ALL_PAGES = 0x7fffffff;

/** Backups are named by their time in Vietnam (UTC+7, no daylight saving): chitieu-20261129-020000.db. */
const NAME = /^chitieu-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-\d+)?\.db$/;
const VIETNAM_OFFSET_MS = 7 * 3600_000;
const PARTIAL_SUFFIX = '.partial';

export function backupName(at: Date): string {
  const stamp = new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString();
  const digits = stamp.replace(/\D/g, '');
  return `chitieu-${digits.slice(0, 8)}-${digits.slice(8, 14)}.db`;
}

/** When a backup was taken, from its name; null for a file that is not one of ours. */
export function backupTime(name: string): Date | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  return new Date(Date.UTC(y as number, (mo as number) - 1, d, h, mi, s) - VIETNAM_OFFSET_MS);
}

export interface BackupFile {
  name: string;
  path: string;
  at: Date;
}

/** The backups in a directory, newest first (other files are not ours and are left alone). */
export function listBackups(dir: string): BackupFile[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => ({ name, path: join(dir, name), at: backupTime(name) }))
    .filter((b): b is BackupFile => b.at !== null)
    .sort((a, b) => b.at.getTime() - a.at.getTime() || b.name.localeCompare(a.name));
}

/** Keep the newest `keep` backups; remove older ones and partial files a killed backup left a day ago. */
export function pruneBackups(dir: string, keep: number, now = new Date()): string[] {
  const removed = listBackups(dir)
    .slice(keep)
    .map((b) => b.path);
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    const path = join(dir, name);
    if (name.startsWith('.chitieu-') && name.endsWith(PARTIAL_SUFFIX)) {
      if (now.getTime() - statSync(path).mtimeMs > 24 * 3600_000) removed.push(path);
    }
  }
  for (const path of removed) rmSync(path, { force: true });
  return removed;
}

/** Row counts of every table of the app, read in the caller's transaction. */
function countTables(db: Database.Database): Record<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts: Record<string, number> = {};
  for (const table of tables) {
    counts[table] = db
      .prepare(`SELECT count(*) FROM "${table.replaceAll('"', '""')}"`)
      .pluck()
      .get() as number;
  }
  return counts;
}

/** The tables without which a file is not a Chỉ tiêu database. */
const REQUIRED_TABLES = ['__drizzle_migrations', 'app_meta', 'units', 'results', 'audit_events'];

/**
 * Check a database file: it opens, `integrity_check` says ok, it is one of ours, and (for a backup
 * just taken) every table holds as many rows as the source did at the snapshot. The file is switched
 * to a rollback journal, so it is complete on its own (no -wal beside it). Returns the row counts.
 */
export function verifyDatabaseFile(file: string, expected?: Record<string, number>): Record<string, number> {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { fileMustExist: true });
    db.pragma('journal_mode = DELETE');
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new BackupError(`${file}: kiểm tra toàn vẹn không đạt (${integrity})`);
    const counts = countTables(db);
    const missing = REQUIRED_TABLES.filter((table) => counts[table] === undefined);
    if (missing.length > 0) {
      throw new BackupError(`${file} không phải cơ sở dữ liệu Chỉ tiêu (thiếu bảng ${missing.join(', ')})`);
    }
    if (expected) {
      const differing = Object.keys({ ...expected, ...counts }).filter((t) => expected[t] !== counts[t]);
      if (differing.length > 0) {
        throw new BackupError(`${file}: số dòng khác bản gốc ở bảng ${differing.join(', ')}`);
      }
    }
    return counts;
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(
      `${file} không đọc được như một cơ sở dữ liệu SQLite (${(error as Error).message})`,
    );
  } finally {
    db?.close();
  }
}

/** Flush a file (or a directory's entries) to the disk, so a rename is never seen before the bytes. */
export function syncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

export interface BackupResult {
  path: string;
  bytes: number;
  ms: number;
  counts: Record<string, number>;
}

/** Copy the database file `source` into `dir` as a checked backup (the app may be running and writing). */
export async function takeBackup(source: string, dir: string, now = new Date()): Promise<BackupResult> {
  const started = performance.now();
  if (!existsSync(source)) throw new BackupError(`không có cơ sở dữ liệu ${source}`);
  mkdirSync(dir, { recursive: true });
  let name = backupName(now);
  for (let n = 2; existsSync(join(dir, name)); n++) name = backupName(now).replace(/\.db$/, `-${n}.db`);
  const path = join(dir, name);
  const partial = join(dir, `.${name}${PARTIAL_SUFFIX}`);
  let db: Database.Database | undefined;
  try {
    db = new Database(source, { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    // The first read pins the snapshot; the backup step below reads the same one (it joins the open
    // read transaction), so the counts describe exactly what is copied.
    db.exec('BEGIN');
    const counts = countTables(db);
    await db.backup(partial, { progress: () => ALL_PAGES });
    db.exec('COMMIT');
    db.close();
    db = undefined;
    verifyDatabaseFile(partial, counts);
    syncPath(partial);
    renameSync(partial, path);
    syncPath(dir);
    return { path, bytes: statSync(path).size, ms: Math.round(performance.now() - started), counts };
  } catch (error) {
    db?.close();
    rmSync(partial, { force: true });
    if (error instanceof BackupError) throw error;
    throw new BackupError(`sao lưu ${source} không được: ${(error as Error).message}`);
  }
}
