/**
 * The commands behind `npm run cli` (cli.ts is the process around them):
 *   migrate
 *   user:create --username U --name "Tên" --role admin --unit MÃ [--create-root "Hội LHPN tỉnh…"]
 *     (the password is read from stdin)
 *   seed-demo   (an empty database gets the Bình Thuận demo and its mid-term report)
 *   export --term 1 --format docx|xlsx|csv --out FILE [--unit CODE] [--as-of YYYY-MM-DD]
 *   reorganise --map FILE --date YYYY-MM-DD [--designate OLD=NEW]… [--parent-name CODE=NAME]… [--apply]
 *   backup      (into BACKUP_DIR, or DATA_DIR/backups; the app may be running)
 *   restore FILE (the server must be stopped)
 * A command either finishes or throws; the thrown message is the whole reason, in one line. Taking the
 * environment and stdin as arguments lets tests run a command in their own process.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROLES, type Role, todayInVietnam } from '@chitieu/core';
import {
  checkNewPassword,
  createRootUnit,
  createUser,
  type Db,
  hashPasswordSync,
  schema,
  seedDemoReport,
} from '@chitieu/db';
import { isNull } from 'drizzle-orm';
import { pruneBackups, takeBackup } from './backup/backup.ts';
import { DATABASE_FILE, restoreBackup } from './backup/restore.ts';
import { prepareDatabase } from './data-dir.ts';
import { loadEnv } from './env.ts';
import { REORGANISE_USAGE, reorganiseCommand } from './reorganise-cli.ts';
import { EXPORT_USAGE, exportReport, parseExportArgs, UsageError } from './workers/report-export.ts';

export interface CommandIo {
  env: Record<string, string | undefined>;
  /** The whole of standard input (read only by the commands that need it). */
  stdin: () => string;
  /** One line of the command's report. */
  print: (line: string) => void;
}

const USAGE = `migrate | seed-demo | backup | restore FILE | user:create --username U --name "Tên" --role admin --unit MÃ (mật khẩu qua stdin) | ${EXPORT_USAGE} | ${REORGANISE_USAGE}`;

/** Run `fn` on the data directory's database, closing it after (the tests run many in one process). */
async function withDatabase<T>(opened: { db: Db }, fn: (db: Db) => T | Promise<T>): Promise<T> {
  try {
    return await fn(opened.db);
  } finally {
    opened.db.$client.close();
  }
}

export async function runCommand(argv: string[], io: CommandIo): Promise<void> {
  const [command, ...rest] = argv;
  const env = { ...loadEnv(io.env), seedDemo: false };
  const databaseFile = join(env.dataDir, DATABASE_FILE);
  switch (command) {
    case 'migrate':
      prepareDatabase(env).db.$client.close();
      io.print(`Đã cập nhật cơ sở dữ liệu trong ${databaseFile}.`);
      return;
    case 'seed-demo': {
      const opened = prepareDatabase({ ...env, seedDemo: true });
      await withDatabase(opened, (db) => {
        const term = db
          .select()
          .from(schema.terms)
          .all()
          .find((t) => t.illustrative);
        if (term) seedDemoReport(db, term.id);
      });
      io.print(
        opened.seeded
          ? `Đã nạp dữ liệu demo vào ${databaseFile}.`
          : `Cơ sở dữ liệu đã có dữ liệu, không nạp demo (${databaseFile}).`,
      );
      return;
    }
    case 'backup': {
      if (rest.length > 0)
        throw new UsageError(`backup không nhận tham số (thư mục: BACKUP_DIR), nhận được: ${rest.join(' ')}`);
      const dir = env.backupDir ?? join(env.dataDir, 'backups');
      const result = await takeBackup(databaseFile, dir);
      const removed = pruneBackups(dir, env.backupKeep);
      const rows = Object.values(result.counts).reduce((sum, n) => sum + n, 0);
      io.print(
        `Đã sao lưu ${result.path} (${result.bytes} byte, ${rows} dòng, kiểm tra toàn vẹn: ok, ${result.ms} ms)` +
          (removed.length > 0 ? `; đã xóa ${removed.length} bản cũ (giữ ${env.backupKeep}).` : '.'),
      );
      return;
    }
    case 'restore': {
      const [file] = rest;
      if (rest.length !== 1 || file === undefined || file.startsWith('-'))
        throw new UsageError('dùng: npm run restore FILE (một tệp sao lưu)');
      const { aside } = restoreBackup(env.dataDir, file);
      const kept = aside ? `; cơ sở dữ liệu trước đó để ở ${aside}.` : '.';
      io.print(`Đã khôi phục ${databaseFile} từ ${file}${kept}`);
      return;
    }
    case 'export': {
      const args = parseExportArgs(rest);
      const { path, bytes } = await withDatabase(prepareDatabase(env), (db) => exportReport(db, args));
      io.print(`Đã xuất ${path} (${bytes} byte).`);
      return;
    }
    case 'reorganise': {
      const run = reorganiseCommand(rest);
      io.print(await withDatabase(prepareDatabase(env), run));
      return;
    }
    case 'user:create':
      return createUserCommand(rest, io, env);
    default:
      throw new UsageError(`lệnh không rõ. Dùng: ${USAGE}`);
  }
}

async function createUserCommand(
  argv: string[],
  io: CommandIo,
  env: Parameters<typeof prepareDatabase>[0],
): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      unit: { type: 'string' },
      /** On an empty installation: create the organisation's root unit with this name and --unit code. */
      'create-root': { type: 'string' },
    },
    strict: true,
  });
  const { username, role, unit: code } = values;
  if (!username) throw new UsageError('thiếu --username');
  if (!role || !(ROLES as readonly string[]).includes(role))
    throw new UsageError(`--role phải là một trong: ${ROLES.join(', ')}`);
  if (!code) throw new UsageError('thiếu --unit (mã đơn vị, ví dụ 60)');
  const password = io.stdin().split(/\r?\n/)[0] ?? '';
  // Refused before the database is opened: a bad password creates nothing, not even the file.
  checkNewPassword(password, { username });
  const line = await withDatabase(prepareDatabase(env), (db) => {
    if (values['create-root']) {
      createRootUnit(db, { code, name: values['create-root'], type: 'Tỉnh', validFrom: todayInVietnam() });
    }
    const unit = db
      .select()
      .from(schema.units)
      .where(isNull(schema.units.validTo))
      .all()
      .find((u) => u.code === code);
    if (!unit) throw new UsageError(`không có đơn vị đang hoạt động mang mã ${code}`);
    const user = createUser(db, {
      username,
      displayName: values.name ?? username,
      passwordHash: hashPasswordSync(password),
      roles: [{ role: role as Role, unitId: unit.id }],
    });
    return `Đã tạo tài khoản ${user.username} (${role}, ${unit.name}).`;
  });
  io.print(line);
}
