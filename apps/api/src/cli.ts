/**
 * Command line for a real deployment:
 *   npm run cli -- migrate
 *   npm run user:create -- --username admin --name "Quản trị" --role admin --unit 60 [--create-root "Hội LHPN tỉnh…"]
 *   (the password is read from stdin)
 *   npm run cli -- seed-demo   (an empty database gets the Bình Thuận demo and its mid-term report)
 *   npm run cli -- export --term 1 --format docx|xlsx|csv --out FILE [--unit CODE] [--as-of YYYY-MM-DD]
 *   npm run cli -- reorganise --map FILE --date YYYY-MM-DD [--designate OLD=NEW]… [--parent-name CODE=NAME]… [--apply]
 *   npm run backup            (into BACKUP_DIR, or DATA_DIR/backups; the app may be running)
 *   npm run restore FILE      (the server must be stopped)
 * Bad arguments exit non-zero with a one-line reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DomainError, ROLES, type Role, todayInVietnam } from '@chitieu/core';
import {
  checkNewPassword,
  createRootUnit,
  createUser,
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
import { EXPORT_USAGE, exportReport, parseExportArgs } from './workers/report-export.ts';

function fail(message: string): never {
  console.error(`Lỗi: ${message}`);
  process.exit(2);
}

function main(argv: string[]): Promise<void> | undefined {
  const [command, ...rest] = argv;
  const env = { ...loadEnv(), seedDemo: false };
  if (command === 'migrate') {
    prepareDatabase(env);
    console.log(`Đã cập nhật cơ sở dữ liệu trong ${join(env.dataDir, 'chitieu.db')}.`);
    return;
  }
  if (command === 'seed-demo') {
    const { db, seeded } = prepareDatabase({ ...env, seedDemo: true });
    const term = db
      .select()
      .from(schema.terms)
      .all()
      .find((t) => t.illustrative);
    if (term) seedDemoReport(db, term.id);
    console.log(
      seeded
        ? `Đã nạp dữ liệu demo vào ${join(env.dataDir, 'chitieu.db')}.`
        : `Cơ sở dữ liệu đã có dữ liệu, không nạp demo (${join(env.dataDir, 'chitieu.db')}).`,
    );
    return;
  }
  if (command === 'backup') {
    if (rest.length > 0)
      fail(`backup không nhận tham số (thư mục: BACKUP_DIR), nhận được: ${rest.join(' ')}`);
    const dir = env.backupDir ?? join(env.dataDir, 'backups');
    return takeBackup(join(env.dataDir, DATABASE_FILE), dir).then((result) => {
      const removed = pruneBackups(dir, env.backupKeep);
      const rows = Object.values(result.counts).reduce((sum, n) => sum + n, 0);
      console.log(
        `Đã sao lưu ${result.path} (${result.bytes} byte, ${rows} dòng, kiểm tra toàn vẹn: ok, ${result.ms} ms)` +
          (removed.length > 0 ? `; đã xóa ${removed.length} bản cũ (giữ ${env.backupKeep}).` : '.'),
      );
    });
  }
  if (command === 'restore') {
    if (rest.length !== 1 || rest[0]?.startsWith('-')) fail('dùng: npm run restore FILE (một tệp sao lưu)');
    const { aside } = restoreBackup(env.dataDir, rest[0] as string);
    console.log(
      `Đã khôi phục ${join(env.dataDir, DATABASE_FILE)} từ ${rest[0]}` +
        (aside ? `; cơ sở dữ liệu trước đó để ở ${aside}.` : '.'),
    );
    return;
  }
  if (command === 'export') {
    const args = parseExportArgs(rest);
    const { db } = prepareDatabase(env);
    return exportReport(db, args).then(({ path, bytes }) => {
      console.log(`Đã xuất ${path} (${bytes} byte).`);
    });
  }
  if (command === 'reorganise') {
    const run = reorganiseCommand(rest);
    const { db } = prepareDatabase(env);
    console.log(run(db));
    return;
  }
  if (command === 'user:create') {
    const { values } = parseArgs({
      args: rest,
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
    if (!values.username) fail('thiếu --username');
    if (!values.role || !(ROLES as readonly string[]).includes(values.role))
      fail(`--role phải là một trong: ${ROLES.join(', ')}`);
    if (!values.unit) fail('thiếu --unit (mã đơn vị, ví dụ 60)');
    const password = readFileSync(0, 'utf8').split(/\r?\n/)[0] ?? '';
    checkNewPassword(password, { username: values.username });
    const { db } = prepareDatabase(env);
    if (values['create-root']) {
      createRootUnit(db, {
        code: values.unit,
        name: values['create-root'],
        type: 'Tỉnh',
        validFrom: todayInVietnam(),
      });
    }
    const unit = db
      .select()
      .from(schema.units)
      .where(isNull(schema.units.validTo))
      .all()
      .find((u) => u.code === values.unit);
    if (!unit) fail(`không có đơn vị đang hoạt động mang mã ${values.unit}`);
    const user = createUser(db, {
      username: values.username,
      displayName: values.name ?? values.username,
      passwordHash: hashPasswordSync(password),
      roles: [{ role: values.role as Role, unitId: unit.id }],
    });
    console.log(`Đã tạo tài khoản ${user.username} (${values.role}, ${unit.name}).`);
    return;
  }
  fail(
    `lệnh không rõ. Dùng: migrate | seed-demo | backup | restore FILE | user:create --username U --name "Tên" --role admin --unit MÃ (mật khẩu qua stdin) | ${EXPORT_USAGE} | ${REORGANISE_USAGE}`,
  );
}

const reason = (error: unknown) =>
  fail(error instanceof DomainError || error instanceof Error ? error.message : String(error));
try {
  // `export` builds its file asynchronously; its failures are one line too.
  main(process.argv.slice(2))?.catch(reason);
} catch (error) {
  reason(error);
}
