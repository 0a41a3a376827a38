/**
 * The data directory and its database, as the server and the command line both open it: checked,
 * migrated, and given the demo when asked. Kept apart from the server so that a command of the CLI
 * does not load the whole HTTP app.
 */
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  advanceDemoTo2025,
  type Db,
  getMeta,
  migrateDatabase,
  openDatabase,
  schema,
  seedDemo,
  seedDemoReport,
} from '@chitieu/db';
import type { Env } from './env.ts';

/** A reason to stop, said in one line (no stack trace). */
export class StartupError extends Error {}

/** Create DATA_DIR if needed and check it is a directory we may read and write. */
export function checkDataDir(env: Pick<Env, 'dataDir'>): void {
  try {
    mkdirSync(env.dataDir, { recursive: true });
    if (!statSync(env.dataDir).isDirectory()) throw new Error('not a directory');
    accessSync(env.dataDir, constants.W_OK | constants.R_OK);
  } catch (error) {
    throw new StartupError(`DATA_DIR ${env.dataDir} không dùng được: ${(error as Error).message}`);
  }
}

export function prepareDatabase(env: Pick<Env, 'dataDir' | 'seedDemo' | 'demoStage'>): {
  db: Db;
  seeded: boolean;
} {
  checkDataDir(env);
  let db: Db;
  try {
    db = openDatabase(join(env.dataDir, 'chitieu.db'));
    migrateDatabase(db);
  } catch (error) {
    throw new StartupError(`Không mở được cơ sở dữ liệu trong ${env.dataDir}: ${(error as Error).message}`);
  }
  const empty = db.select({ id: schema.units.id }).from(schema.units).limit(1).all().length === 0;
  const seeded = env.seedDemo && empty && getMeta(db, 'organisation') === undefined;
  if (seeded) {
    seedDemoReport(db, seedDemo(db).termId);
    if (env.demoStage === '2025') advanceDemoTo2025(db);
  } else if (env.demoStage === '2025' && getMeta(db, 'demo') !== '2025') {
    db.$client.close();
    throw new StartupError(
      `${env.dataDir} đã có dữ liệu khác: --demo=2025 chỉ nạp vào cơ sở dữ liệu trống (bỏ DATA_DIR, hoặc chọn một thư mục mới).`,
    );
  }
  return { db, seeded };
}
