/** Bringing a database up to the committed schema. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Db } from './client.ts';
import { bumpRevision, getMeta } from './revision.ts';
import { rebuildRollups } from './rollup.ts';
import { inTransaction } from './statements.ts';

export const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), '../../../drizzle');

/**
 * Apply the committed drizzle-kit migrations (never `push`). A migration that changes what the
 * roll-up table holds asks for one rebuild (app_meta 'rollups_rebuild'), done here in one transaction.
 */
export function migrateDatabase(db: Db): void {
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  inTransaction(db, (tx) => {
    if (getMeta(tx, 'rollups_rebuild') === undefined) return;
    rebuildRollups(tx);
    tx.run(sql`DELETE FROM app_meta WHERE key = 'rollups_rebuild'`);
    bumpRevision(tx);
  });
}
