import { spawnSync } from 'node:child_process';
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
    timeout: 20_000,
  });
  return { code: run.status, stderr: run.stderr.trim() };
}

describe('start-up refuses a bad environment with a one-line reason', () => {
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
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ SEED_DEMO: 'maybe' }, 'SEED_DEMO'],
  ])('%o', (env, name) => {
    expect(() => loadEnv(env)).toThrow(name);
    const { code, stderr } = start({ DATA_DIR: mkdtempSync(join(tmpdir(), 'chitieu-')), ...env });
    expect(code).toBe(1);
    expect(stderr).toContain(name);
    expect(stderr.split('\n')).toHaveLength(1);
  });

  it('defaults work out of the box', () => {
    expect(loadEnv({})).toMatchObject({ port: 3000, host: '127.0.0.1', seedDemo: true });
    expect(existsSync(MAIN)).toBe(true);
  });
});
