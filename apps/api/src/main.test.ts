import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadEnv } from './env.ts';

const MAIN = join(dirname(fileURLToPath(import.meta.url)), 'main.ts');

/** Run the real entry point; bad configuration must stop it at once with one line. */
function start(env: Record<string, string>) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, PORT: '0', ...env },
    encoding: 'utf8',
    // A ceiling, not a wait: starting Node with tsx on a busy 2-core machine has taken over 20 s.
    timeout: 60_000,
  });
  return { code: run.status, stderr: run.stderr.trim() };
}

describe('start-up refuses a bad environment with a one-line reason', { timeout: 240_000 }, () => {
  it('a DATA_DIR that is a file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'chitieu-')), 'not-a-dir');
    writeFileSync(file, 'x');
    const { code, stderr } = start({ DATA_DIR: file });
    expect(code).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toContain('DATA_DIR');
  });

  it('a corrupt database file, leaving it untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-'));
    const garbage = Buffer.from('this is not a sqlite database, just some bytes '.repeat(200));
    writeFileSync(join(dir, 'chitieu.db'), garbage);
    const { code, stderr } = start({ DATA_DIR: dir });
    expect(code).toBe(1);
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toContain('cơ sở dữ liệu');
    expect(readFileSync(join(dir, 'chitieu.db')).equals(garbage)).toBe(true);
    expect(readdirSync(dir)).toEqual(['chitieu.db']);
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT — phải là số cổng từ 0 đến 65535'],
    [{ PORT: '70000' }, 'PORT — phải là số cổng từ 0 đến 65535'],
    [{ PORT: '80.5' }, 'PORT — phải là số cổng từ 0 đến 65535'],
    [{ HOST: '' }, 'HOST — không được để trống'],
    [{ DATA_DIR: '' }, 'DATA_DIR — không được để trống'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO — chỉ nhận true, false, 1 hoặc 0'],
    [{ CHITIEU_DEMO: 'no' }, 'CHITIEU_DEMO — chỉ nhận true, false, 1 hoặc 0'],
    [{ BACKUP_DIR: '' }, 'BACKUP_DIR — không được để trống'],
    [{ SMTP_URL: 'smtp//u:p@mail.example.org', SMTP_FROM: 'chitieu@example.org' }, 'SMTP_URL'],
  ])('%o, in Vietnamese', (env, reason) => {
    expect(() => loadEnv(env)).toThrow(`Cấu hình không hợp lệ: ${reason}`);
  });

  it('a bad variable stops the process before it loads the app', () => {
    const { code, stderr } = start({ DATA_DIR: mkdtempSync(join(tmpdir(), 'chitieu-')), PORT: 'abc' });
    expect(code).toBe(1);
    expect(stderr).toBe('Không khởi động được: Cấu hình không hợp lệ: PORT — phải là số cổng từ 0 đến 65535');
  });

  it('defaults work out of the box', () => {
    expect(loadEnv({})).toMatchObject({ port: 3000, host: '127.0.0.1', seedDemo: true });
    expect(existsSync(MAIN)).toBe(true);
  });
});

/** Start the real entry point and wait until it has printed `until` (or has exited). */
function serve(env: Record<string, string>, args: string[], until: RegExp) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    env: { ...process.env, PORT: '0', ...env },
  });
  let out = '';
  const printed = new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (until.test(out)) resolve(out);
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
  });
  return { child, printed };
}

function stop(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

describe('first run of an empty installation', { timeout: 240_000 }, () => {
  it('prints a one-time setup address; that token, and only it, sets the organisation up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-'));
    const { child, printed } = serve({ DATA_DIR: dir }, ['--no-demo'], /Mở (http:\S+)/);
    try {
      const out = await printed;
      const url = new URL(/Mở (http:\S+)/.exec(out)?.[1] as string);
      const token = url.searchParams.get('setup') as string;
      expect(token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      expect(out).toContain(`Mã thiết lập: ${token}`);
      const setup = (body: object) =>
        fetch(`${url.origin}/api/setup`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: url.origin },
          body: JSON.stringify({
            organisation: 'Hội LHPN tỉnh Thử',
            rootCode: '99',
            rootName: 'Tỉnh Thử',
            rootType: 'Tỉnh',
            validFrom: '2021-01-01',
            username: 'quantri',
            displayName: 'Quản trị',
            password: 'mot-mat-khau-dai',
            passwordConfirm: 'mot-mat-khau-dai',
            ...body,
          }),
        });
      expect((await setup({ token: 'doan-bua' })).status).toBe(403);
      expect((await setup({ token })).status).toBe(200);
      expect((await setup({ token })).status).toBe(409);
    } finally {
      await stop(child);
    }
  });

  it('the demo (the quick start) prints no setup token', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-'));
    const { child, printed } = serve({ DATA_DIR: dir }, [], /sẵn sàng sau/);
    try {
      expect(await printed).not.toContain('Mã thiết lập');
    } finally {
      await stop(child);
    }
  });
});

describe('network settings', { timeout: 240_000 }, () => {
  it('PUBLIC_URL, ALLOWED_HOSTS and TRUST_PROXY are read, and bad values refused in one line', () => {
    expect(
      loadEnv({
        PUBLIC_URL: 'https://chitieu.example.org',
        ALLOWED_HOSTS: 'noibo.lan, chitieu.local:3000',
        TRUST_PROXY: '127.0.0.1,::1',
      }),
    ).toMatchObject({
      publicUrl: 'https://chitieu.example.org',
      allowedHosts: ['noibo.lan', 'chitieu.local:3000'],
      trustProxy: ['127.0.0.1', '::1'],
    });
    expect(loadEnv({})).toMatchObject({ publicUrl: null, allowedHosts: [], trustProxy: [] });
    expect(() => loadEnv({ PUBLIC_URL: 'chitieu.example.org' })).toThrow('PUBLIC_URL');
    expect(() => loadEnv({ PUBLIC_URL: 'ftp://chitieu.example.org' })).toThrow('PUBLIC_URL');
    expect(() => loadEnv({ ALLOWED_HOSTS: 'http://x.org' })).toThrow('ALLOWED_HOSTS');
    expect(() => loadEnv({ TRUST_PROXY: 'proxy.lan' })).toThrow('TRUST_PROXY');
  });
});
