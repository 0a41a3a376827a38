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
import type { Env } from './env.ts';
import { startCheckpointer } from './workers/checkpointer.ts';

/** A reason to stop, said in one line (no stack trace). */
export class StartupError extends Error {}

export function prepareDatabase(env: Env): { db: Db; seeded: boolean } {
  try {
    mkdirSync(env.dataDir, { recursive: true });
    if (!statSync(env.dataDir).isDirectory()) throw new Error('not a directory');
    accessSync(env.dataDir, constants.W_OK | constants.R_OK);
  } catch (error) {
    throw new StartupError(`DATA_DIR ${env.dataDir} không dùng được: ${(error as Error).message}`);
  }
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

export function startServer(env: Env) {
  const started = performance.now();
  const { db, seeded } = prepareDatabase(env);
  const app = createApp({ db });
  const checkpointer = startCheckpointer(db);
  const server = serve({ fetch: app.fetch, port: env.port, hostname: env.host }, (info) => {
    const ms = Math.round(performance.now() - started);
    console.log(
      `Chỉ tiêu: http://${info.address}:${info.port} (dữ liệu: ${env.dataDir}${seeded ? ', đã nạp dữ liệu demo' : ''}; sẵn sàng sau ${ms} ms)`,
    );
  });
  const stop = () => server.close(() => checkpointer.stop().then(() => db.$client.close()));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}
