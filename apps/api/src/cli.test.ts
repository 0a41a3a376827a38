import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { authenticate, openDatabase } from '@chitieu/db';
import { describe, expect, it } from 'vitest';
import { cliRefusal, runCli } from './testing.ts';

const CLI = join(dirname(fileURLToPath(import.meta.url)), 'cli.ts');
const dataDir = () => mkdtempSync(join(tmpdir(), 'chitieu-cli-'));

describe('the CLI process', { timeout: 240_000 }, () => {
  it('creates the first admin from stdin (exit 0); a refusal exits 2 with one line on stderr', async () => {
    const dir = dataDir();
    const run = (args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
        env: { ...process.env, DATA_DIR: dir },
        input: 'mat-khau-that-dai\n',
        encoding: 'utf8',
        // A ceiling, not a wait: starting Node with tsx on a busy 2-core machine has taken over 20 s.
        timeout: 60_000,
      });
    const args = [
      'user:create',
      '--username',
      'Admin',
      '--name',
      'Quản trị',
      '--role',
      'admin',
      '--unit',
      '60',
    ];
    const created = run([...args, '--create-root', 'Hội LHPN tỉnh Bình Thuận']);
    expect(created.status).toBe(0);
    expect(created.stdout).toContain('Đã tạo tài khoản admin');
    const db = openDatabase(join(dir, 'chitieu.db'));
    expect((await authenticate(db, 'admin', 'mat-khau-that-dai'))?.username).toBe('admin');
    db.$client.close();
    // Again: the name is taken.
    const again = run(args);
    expect(again.status).toBe(2);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toContain('đã có');
  });
});

describe('CLI user:create', () => {
  const create = ['user:create', '--username', 'admin', '--role', 'admin', '--unit', '60'];
  const root = ['--create-root', 'Hội LHPN tỉnh Bình Thuận'];

  it('creates an account under an existing unit, once', async () => {
    const env = { DATA_DIR: dataDir() };
    await runCli([...create, ...root], env, 'mat-khau-that-dai\n');
    const second = [
      'user:create',
      '--username',
      'thu.ky',
      '--name',
      'Thư ký',
      '--role',
      'viewer',
      '--unit',
      '60',
    ];
    expect(await runCli(second, env, 'mot-mat-khau-khac\r\n')).toEqual([
      'Đã tạo tài khoản thu.ky (viewer, Hội LHPN tỉnh Bình Thuận).',
    ]);
    expect(await cliRefusal(second, env, 'mot-mat-khau-khac\n')).toContain('đã có');
  });

  it.each([
    ['12345678', 'ít nhất 10 ký tự'],
    ['1234567890', 'quá phổ biến'],
    ['admin-mat-khau', 'tên đăng nhập'],
  ])('refuses the password %j in one line, creating nothing', async (password, words) => {
    const dir = dataDir();
    const reason = await cliRefusal([...create, ...root], { DATA_DIR: dir }, `${password}\n`);
    expect(reason.split('\n')).toHaveLength(1);
    expect(reason).toContain(words);
    expect(existsSync(join(dir, 'chitieu.db'))).toBe(false);
  });

  it.each([
    [['user:create', '--username', 'x', '--role', 'boss', '--unit', '60'], '--role'],
    [['user:create', '--username', 'x', '--role', 'admin'], '--unit'],
    [['user:create', '--username', 'x', '--role', 'admin', '--unit', '99'], 'mã 99'],
    [['user:create', '--bogus'], 'bogus'],
    [['explode'], 'lệnh không rõ'],
  ])('%o → one-line reason', async (args, words) => {
    const reason = await cliRefusal(args, { DATA_DIR: dataDir() }, 'mat-khau-that-dai\n');
    expect(reason.split('\n')).toHaveLength(1);
    expect(reason).toContain(words);
  });
});
