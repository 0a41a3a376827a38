import { sql } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';
import { stmt } from './statements.ts';

/**
 * The data revision: bumped in the same transaction as every write, read by the API to make ETags.
 * One number for the whole database is enough at this scale and cannot go stale.
 */
export function bumpRevision(tx: DbOrTx): void {
  stmt(
    tx,
    `INSERT INTO app_meta (key, value) VALUES ('revision', '1')
     ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + 1`,
  ).run();
}

export function getRevision(db: DbOrTx): number {
  const row = stmt<{ value: string }>(db, "SELECT value FROM app_meta WHERE key = 'revision'").get();
  return row ? Number(row.value) : 0;
}

export function getMeta(db: DbOrTx, key: string): string | undefined {
  return db.get<{ value: string }>(sql`SELECT value FROM app_meta WHERE key = ${key}`)?.value;
}

export function setMeta(db: DbOrTx, key: string, value: string): void {
  db.run(sql`INSERT INTO app_meta (key, value) VALUES (${key}, ${value})
             ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
}
