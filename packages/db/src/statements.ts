/**
 * Prepared statements for the hot paths (saving a value, reading a session, reading figures).
 * Building a query through Drizzle costs ~95 µs; running a statement prepared once, ~10 µs
 * (measured here), and a save runs a dozen of them. Statements are cached per connection.
 */
import type Database from 'better-sqlite3';
import type { DbOrTx } from './client.ts';

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * The better-sqlite3 connection behind a Db. Every transaction is opened with `inTransaction`, which
 * hands its body the Db itself; a Drizzle transaction has no public way to its connection in
 * drizzle-orm 0.45, so one reaching here is refused rather than reached into.
 */
export function clientOf(db: DbOrTx): Database.Database {
  if ('$client' in db) return db.$client;
  throw new Error('Open transactions with inTransaction (docs/decisions/0030), not db.transaction.');
}

export function stmt<Row = unknown>(db: DbOrTx, text: string): Database.Statement<unknown[], Row> {
  const client = clientOf(db);
  let statements = cache.get(client);
  if (!statements) {
    statements = new Map();
    cache.set(client, statements);
  }
  let statement = statements.get(text);
  if (!statement) {
    statement = client.prepare(text);
    statements.set(text, statement);
  }
  return statement as Database.Statement<unknown[], Row>;
}

/**
 * Run `fn` in a transaction on better-sqlite3's own wrapper: nested calls become savepoints with
 * statements it prepares once, where Drizzle's nested transactions prepare their savepoint SQL on
 * every call (a save inside saveEntry inside an import). The one way a domain function opens a
 * transaction (docs/decisions/0030-the-figure-engine-as-a-folder.md): `inTransaction(db, (tx) => …)`,
 * everything inside through `tx`, which is the handle it was given.
 */
export function inTransaction<D extends DbOrTx, T>(
  db: D,
  fn: (tx: D) => T,
  { immediate = false }: { immediate?: boolean } = {},
): T {
  const run = clientOf(db).transaction(() => fn(db));
  // IMMEDIATE takes the write lock before the body reads, for a check that must hold until the write.
  return immediate ? run.immediate() : run();
}
