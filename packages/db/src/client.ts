import Database from 'better-sqlite3';
import { type BetterSQLite3Database, drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema.ts';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** A transaction handle has the same query API; domain functions accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

/** A database file that exists but cannot be used: the caller reports it in one line and stops. */
export class DatabaseFileError extends Error {}

/**
 * Open (or create) the SQLite file. WAL with synchronous=NORMAL: a crash may lose the last commits
 * since the checkpoint but never corrupts the file (README). No mmap, as DESIGN.md asks.
 */
export function openDatabase(file: string, options: { readonly?: boolean } = {}): Db {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file, { readonly: options.readonly ?? false });
    // Reading the schema fails at once on a file that is not a SQLite database, before we write anything.
    sqlite.pragma('schema_version', { simple: true });
  } catch (error) {
    throw new DatabaseFileError(`${file}: ${(error as Error).message}`);
  }
  if (!options.readonly) {
    if (file !== ':memory:') sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
  }
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return drizzle({ client: sqlite, schema }) as Db;
}
