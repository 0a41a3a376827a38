import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { authenticate, openDatabase } from '@chitieu/db';
import { describe, expect, it } from 'vitest';

const CLI = join(dirname(fileURLToPath(import.meta.url)), 'cli.ts');
const run = (dataDir: string, args: string[], input = '') =>
  spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    env: { ...process.env, DATA_DIR: dataDir },
    input,
    encoding: 'utf8',
    // A ceiling, not a wait: starting Node with tsx on a busy 2-core machine has taken over 20 s.
    timeout: 60_000,
  });

describe('CLI user:create', { timeout: 240_000 }, () => {
  it('creates the first admin of an empty installation, with the password from stdin', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-cli-'));
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
    const created = run(dir, [...args, '--create-root', 'Hội LHPN tỉnh Bình Thuận'], 'mat-khau-that-dai\n');
    expect(created.status).toBe(0);
    expect(created.stdout).toContain('Đã tạo tài khoản admin');
    const db = openDatabase(join(dir, 'chitieu.db'));
    expect((await authenticate(db, 'admin', 'mat-khau-that-dai'))?.username).toBe('admin');
    db.$client.close();
    // Again: the name is taken; one line, non-zero exit.
    const again = run(dir, args, 'mat-khau-that-dai\n');
    expect(again.status).toBe(2);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    expect(again.stderr).toContain('đã có');
  });

  it.each([
    ['12345678', 'ít nhất 10 ký tự'],
    ['1234567890', 'quá phổ biến'],
    ['admin-mat-khau', 'tên đăng nhập'],
  ])('refuses the password %j in one line, creating nothing', (password, words) => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-cli-'));
    const args = ['user:create', '--username', 'admin', '--role', 'admin', '--unit', '60'];
    const result = run(dir, [...args, '--create-root', 'Hội LHPN tỉnh Bình Thuận'], `${password}\n`);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(words);
    expect(existsSync(join(dir, 'chitieu.db'))).toBe(false);
  });

  it.each([
    [['user:create', '--username', 'x', '--role', 'boss', '--unit', '60'], '--role'],
    [['user:create', '--username', 'x', '--role', 'admin'], '--unit'],
    [['user:create', '--bogus'], 'bogus'],
    [['explode'], 'lệnh không rõ'],
  ])('%o → one-line reason', (args, words) => {
    const result = run(mkdtempSync(join(tmpdir(), 'chitieu-cli-')), args);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(words);
  });
});
