import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@chitieu/db';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { cliRefusal, runCli } from './testing.ts';

const MAP_2024 = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../../packages/db/src/seed/data/merges-2024.csv',
);

describe('CLI reorganise', () => {
  it('previews, applies once, and the same map again changes nothing', async () => {
    const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'chitieu-reorg-')) };
    await runCli(['seed-demo'], env);
    const versions = () => {
      const db = openDatabase(join(env.DATA_DIR, 'chitieu.db'));
      const n = db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM structure_versions`)?.n;
      db.$client.close();
      return n;
    };
    const reorganise = ['reorganise', '--map', MAP_2024, '--date', '2024-12-01'];
    const preview = (await runCli(reorganise, env)).join('\n');
    expect(preview).toContain('giải thể 5 đơn vị');
    expect(preview).toContain('Chưa ghi gì');
    expect(versions()).toBe(1);
    expect((await runCli([...reorganise, '--apply'], env)).join('\n')).toContain('Đã áp dụng');
    expect(versions()).toBe(2);
    expect((await runCli([...reorganise, '--apply'], env)).join('\n')).toContain('đã được áp dụng');
    expect(versions()).toBe(2);
  });

  it.each([
    [['--map', MAP_2024, '--date', '1/12/2024'], 'YYYY-MM-DD'],
    [['--date', '2024-12-01'], 'thiếu --map'],
    [['--map', 'khong-co.csv', '--date', '2024-12-01'], 'khong-co.csv'],
  ])('%o → a reason, before the database is opened', async (args, words) => {
    const env = { DATA_DIR: join(mkdtempSync(join(tmpdir(), 'chitieu-reorg-')), 'data') };
    expect(await cliRefusal(['reorganise', ...args], env)).toContain(words);
    expect(existsSync(env.DATA_DIR)).toBe(false);
  });
});
