/** Start-up: own the data directory, prepare the database (data-dir.ts), serve. */
import { randomBytes } from 'node:crypto';
import { setupNeeded } from '@chitieu/db';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { DataDirBusy, lockDataDir } from './backup/data-lock.ts';
import { startAutomaticBackups } from './backup/schedule.ts';
import { checkDataDir, prepareDatabase, StartupError } from './data-dir.ts';
import type { Env } from './env.ts';
import { smtpMailer } from './lib/mailer.ts';
import { startCheckpointer } from './workers/checkpointer.ts';
import { startReminders } from './workers/reminders.ts';

/**
 * The lines that tell whoever started an empty installation how to set it up: the token, and the
 * address with the token in it (the first-run page reads it from there).
 */
export function setupMessage(baseUrl: string, token: string): string {
  const url = new URL(baseUrl);
  url.searchParams.set('setup', token);
  return [
    'Chỉ tiêu: chưa có tài khoản nào. Thiết lập lần đầu cần mã dùng một lần này:',
    `  Mã thiết lập: ${token}`,
    `  Mở ${url.href} để tạo tổ chức và quản trị viên đầu tiên.`,
  ].join('\n');
}

/** The address to print: PUBLIC_URL, or where we listen (loopback when listening everywhere). */
function baseUrlOf(env: Env, address: string, port: number): string {
  if (env.publicUrl) return env.publicUrl;
  const host = address === '0.0.0.0' || address === '::' ? '127.0.0.1' : address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
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
  const setupToken = setupNeeded(db) ? randomBytes(18).toString('base64url') : null;
  // Without SMTP_URL there is no mailer: no mail is ever attempted.
  const mailer = env.smtp ? smtpMailer(env.smtp, env.publicUrl) : null;
  const app = createApp({
    db,
    network: { publicUrl: env.publicUrl, allowedHosts: env.allowedHosts, trustProxy: env.trustProxy },
    setupToken,
    mailer,
  });
  const checkpointer = startCheckpointer(db);
  const reminders = startReminders({ db, mailer });
  const backups = env.backupDir
    ? startAutomaticBackups({ source: db.$client.name, dir: env.backupDir, keep: env.backupKeep })
    : null;
  const server = serve({ fetch: app.fetch, port: env.port, hostname: env.host }, (info) => {
    const ms = Math.round(performance.now() - started);
    console.log(
      `Chỉ tiêu: http://${info.address}:${info.port} (dữ liệu: ${env.dataDir}${seeded ? `, đã nạp dữ liệu demo${env.demoStage === '2025' ? ' sau sắp xếp 2025' : ''}` : ''}; sẵn sàng sau ${ms} ms)`,
    );
    if (setupToken) console.log(setupMessage(baseUrlOf(env, info.address, info.port), setupToken));
  });
  const stop = () =>
    server.close(() => {
      reminders.stop();
      void Promise.all([checkpointer.stop(), backups?.stop()]).then(() => {
        db.$client.close();
        unlock();
      });
    });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}
