import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '@chitieu/db';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';

const HERE = dirname(fileURLToPath(import.meta.url));
const CLI = join(HERE, 'cli.ts');
const MAP_2024 = join(HERE, '../../../packages/db/src/seed/data/merges-2024.csv');
const run = (dataDir: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
    timeout: 60_000,
  });

describe('CLI reorganise', () => {
  it('previews, applies once, and the same map again changes nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-reorg-'));
    expect(run(dir, ['seed-demo']).status).toBe(0);
    const versions = () => {
      const db = openDatabase(join(dir, 'chitieu.db'));
      const n = db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM structure_versions`)?.n;
      db.$client.close();
      return n;
    };
    const preview = run(dir, ['reorganise', '--map', MAP_2024, '--date', '2024-12-01']);
    expect(preview.stdout).toContain('giải thể 5 đơn vị');
    expect(preview.stdout).toContain('Chưa ghi gì');
    expect(versions()).toBe(1);
    const applied = run(dir, ['reorganise', '--map', MAP_2024, '--date', '2024-12-01', '--apply']);
    expect(applied.status).toBe(0);
    expect(applied.stdout).toContain('Đã áp dụng');
    expect(versions()).toBe(2);
    const again = run(dir, ['reorganise', '--map', MAP_2024, '--date', '2024-12-01', '--apply']);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('đã được áp dụng');
    expect(versions()).toBe(2);
    const bad = run(dir, ['reorganise', '--map', MAP_2024, '--date', '1/12/2024']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('YYYY-MM-DD');
  }, 180_000);
});
