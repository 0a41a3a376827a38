/** Start-up: check the data directory, open and migrate the database, seed the demo, serve. */
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Db,
  getMeta,
  migrateDatabase,
  openDatabase,
  schema,
  seedDemo,
  seedDemoReport,
} from '@chitieu/db';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { DataDirBusy, lockDataDir } from './backup/data-lock.ts';
import { startAutomaticBackups } from './backup/schedule.ts';
import type { Env } from './env.ts';
import { startCheckpointer } from './workers/checkpointer.ts';

/** A reason to stop, said in one line (no stack trace). */
export class StartupError extends Error {}

/** Create DATA_DIR if needed and check it is a directory we may read and write. */
function checkDataDir(env: Pick<Env, 'dataDir'>): void {
  try {
    mkdirSync(env.dataDir, { recursive: true });
    if (!statSync(env.dataDir).isDirectory()) throw new Error('not a directory');
    accessSync(env.dataDir, constants.W_OK | constants.R_OK);
  } catch (error) {
    throw new StartupError(`DATA_DIR ${env.dataDir} không dùng được: ${(error as Error).message}`);
  }
}

export function prepareDatabase(env: Pick<Env, 'dataDir' | 'seedDemo'>): { db: Db; seeded: boolean } {
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
  if (seeded) seedDemoReport(db, seedDemo(db).termId);
  return { db, seeded };
}

/** Own the data directory while serving: a restore refuses meanwhile (backup/data-lock.ts). */
function lockForServer(env: Env): () => void {
  checkDataDir(env);
  try {
    return lockDataDir(env.dataDir, 'server');
  } catch (error) {
    if (error instanceof DataDirBusy) throw new StartupError(`DATA_DIR ${error.message}`);
    throw error;
  }
}

export function startServer(env: Env) {
  const started = performance.now();
  const unlock = lockForServer(env);
  let prepared: ReturnType<typeof prepareDatabase>;
  try {
    prepared = prepareDatabase(env);
  } catch (error) {
    unlock();
    throw error;
  }
  const { db, seeded } = prepared;
  const app = createApp({ db });
  const checkpointer = startCheckpointer(db);
  const backups = env.backupDir
    ? startAutomaticBackups({ source: db.$client.name, dir: env.backupDir, keep: env.backupKeep })
    : null;
  const server = serve({ fetch: app.fetch, port: env.port, hostname: env.host }, (info) => {
    const ms = Math.round(performance.now() - started);
    console.log(
      `Chỉ tiêu: http://${info.address}:${info.port} (dữ liệu: ${env.dataDir}${seeded ? ', đã nạp dữ liệu demo' : ''}; sẵn sàng sau ${ms} ms)`,
    );
  });
  const stop = () =>
    server.close(() =>
      Promise.all([checkpointer.stop(), backups?.stop()]).then(() => {
        db.$client.close();
        unlock();
      }),
    );
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}
