/**
 * Backups and restores as an administrator runs them: the real server (main.ts) in a child process on
 * a data directory of its own, `npm run backup` as a child process beside it while this process keeps
 * saving, and `npm run restore` (and the refusals) as commands run here.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrateDatabase, openDatabase } from '@chitieu/db';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { cliRefusal, loginAs, runCli } from '../testing.ts';
import { backupName } from './backup.ts';
import { restoreBackup } from './restore.ts';

const SRC = join(dirname(fileURLToPath(import.meta.url)), '..');
const MAIN = join(SRC, 'main.ts');
const CLI = join(SRC, 'cli.ts');

interface Running {
  url: string;
  child: ChildProcess;
  output: string[];
}
const running: Running[] = [];

/** The real entry point on a data directory; resolves once it says where it listens. */
function startMain(env: Record<string, string>): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output.push(...chunk.toString().split('\n').filter(Boolean));
      const url = /Chỉ tiêu: (http:\/\/[\d.:]+)/.exec(chunk.toString())?.[1];
      if (url) {
        const server = { url, child, output };
        running.push(server);
        resolve(server);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output.join('\n')}`)));
  });
}

function stopMain(server: Running): Promise<void> {
  running.splice(running.indexOf(server), 1);
  if (server.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    server.child.once('exit', () => resolve());
    server.child.kill('SIGTERM');
  });
}

afterEach(async () => {
  await Promise.all([...running].map(stopMain));
});

/** `npm run backup`'s process, run asynchronously so that this process keeps saving while it runs. */
function cli(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (code) => resolve({ code, stdout: stdout.trim(), stderr: stderr.trim() })),
  );
}

/** One cell of Phú Thủy's entry grid for an unreported half-year, found through the API. */
async function openCell(url: string, headers: Record<string, string>) {
  const get = async <T>(path: string) => (await (await fetch(`${url}/api${path}`, { headers })).json()) as T;
  const { units } = await get<{ units: { id: number; name: string }[] }>('/units');
  const unitId = units.find((u) => u.name === 'Phường Phú Thủy')?.id as number;
  const [term] = await get<{ id: number }[]>('/terms');
  const periods = await get<{ id: number; startDate: string }[]>(`/terms/${term?.id}/periods`);
  const periodId = periods.find((p) => p.startDate === '2024-07-01')?.id as number;
  const grid = await get<{
    rows: { indicator: { id: number; code: string }; result: { version: number } | null }[];
  }>(`/entry?termId=${term?.id}&unitId=${unitId}&periodId=${periodId}`);
  const row = grid.rows.find((r) => r.indicator.code === 'THOATNGHEO');
  if (!row) throw new Error('no THOATNGHEO row');
  return { unitId, periodId, indicatorId: row.indicator.id, version: row.result?.version ?? null };
}

/** The stored value and the number of audit events of that cell, read from a database file. */
function cellIn(file: string, cell: { unitId: number; periodId: number; indicatorId: number }) {
  const db = new Database(file, { readonly: true });
  try {
    const result = db
      .prepare('SELECT id, value FROM results WHERE unit_id = ? AND period_id = ? AND indicator_id = ?')
      .get(cell.unitId, cell.periodId, cell.indicatorId) as { id: number; value: number } | undefined;
    const audits = result
      ? (
          db
            .prepare("SELECT count(*) AS n FROM audit_events WHERE entity = 'result' AND entity_id = ?")
            .get(String(result.id)) as { n: number }
        ).n
      : 0;
    return { value: result?.value ?? null, audits };
  } finally {
    db.close();
  }
}

// The server, and the backup beside it, run as child processes (a few seconds each, more on a busy
// machine); restores and refusals run in this process.
describe('npm run backup and npm run restore', { timeout: 180_000 }, () => {
  it('backs up while saves stream in; the restore holds every save acknowledged before the snapshot', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chitieu-backup-'));
    // Without BACKUP_DIR the server takes no backups of its own, and `npm run backup` writes to DATA_DIR/backups.
    const backupDir = join(dataDir, 'backups');
    const env = { DATA_DIR: dataDir };
    const server = await startMain(env);
    const headers = { ...(await loginAs(server.url, 'nhap.phuthuy')), 'content-type': 'application/json' };
    const cell = await openCell(server.url, headers);

    // A continuous stream of saves: save k stores the value k. Each acknowledged save is noted.
    let stop = false;
    const acked: { k: number; at: number }[] = [];
    const saving = (async () => {
      let version = cell.version;
      for (let k = 1; !stop; k++) {
        const res = await fetch(`${server.url}/api/results`, {
          method: 'PUT',
          headers,
          body: JSON.stringify({ ...cell, value: String(k), expectedVersion: version }),
        });
        if (res.status !== 200) throw new Error(`save ${k}: ${res.status} ${await res.text()}`);
        version = ((await res.json()) as { result: { version: number } }).result.version;
        acked.push({ k, at: performance.now() });
      }
    })();
    const waitForSaves = async (n: number) => {
      while (acked.length < n) await new Promise((r) => setTimeout(r, 10));
    };
    await waitForSaves(20);

    const started = performance.now();
    const lastBefore = acked.length;
    const backup = await cli(['backup'], env);
    const finished = performance.now();
    // Saves went on while the backup ran.
    await waitForSaves(lastBefore + 5);
    const savedDuring = acked.filter((a) => a.at > started && a.at < finished).length;
    stop = true;
    await saving;
    const lastSaved = acked.length;

    expect(backup.stderr).toBe('');
    expect(backup.code).toBe(0);
    expect(savedDuring).toBeGreaterThan(0);
    const files = readdirSync(backupDir);
    // Only the finished backup: no temporary file left behind.
    expect(files).toHaveLength(1);
    const file = join(backupDir, files[0] as string);
    expect(backup.stdout).toContain(file);

    // The server is running: restore refuses and touches nothing.
    expect(await cliRefusal(['restore', file], env)).toContain('đang chạy');
    expect(cellIn(join(dataDir, 'chitieu.db'), cell).value).toBe(lastSaved);
    // Nor does a second server start on the same data.
    await expect(startMain(env)).rejects.toThrow(
      /exited with 1: Không khởi động được: DATA_DIR .* đang chạy/,
    );

    await stopMain(server);
    const restored = (await runCli(['restore', file], env)).join('\n');

    // The current database was kept aside, with every save in it.
    const aside = readdirSync(dataDir).find((name) => name.startsWith('chitieu.db.truoc-khoi-phuc-'));
    expect(aside).toBeDefined();
    expect(restored).toContain(aside as string);
    expect(cellIn(join(dataDir, aside as string), cell)).toMatchObject({ value: lastSaved });

    // The restored database: every save acknowledged before the backup started, and consistent (the
    // cell's value and its audit trail come from the same moment).
    const before = cellIn(file, cell);
    const now = cellIn(join(dataDir, 'chitieu.db'), cell);
    expect(now).toEqual(before);
    expect(now.value).toBeGreaterThanOrEqual(lastBefore);
    expect(now.value).toBeLessThan(lastSaved);
    const firstAudits = cellIn(join(dataDir, aside as string), cell).audits - lastSaved;
    expect(now.audits).toBe(firstAudits + (now.value as number));

    // And the server starts on it and serves that value.
    const again = await startMain(env);
    const reread = { ...(await loginAs(again.url, 'nhap.phuthuy')) };
    const grid = (await (
      await fetch(`${again.url}/api/entry?termId=1&unitId=${cell.unitId}&periodId=${cell.periodId}`, {
        headers: reread,
      })
    ).json()) as { rows: { indicator: { id: number }; result: { value: number } | null }[] };
    expect(grid.rows.find((r) => r.indicator.id === cell.indicatorId)?.result?.value).toBe(now.value);
  });

  it('refuses to restore what is not a good backup, touching nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chitieu-restore-'));
    const env = { DATA_DIR: dataDir, BACKUP_DIR: join(dataDir, 'backups') };
    const made = openDatabase(join(dataDir, 'chitieu.db'));
    migrateDatabase(made);
    made.$client.close();
    const current = readFileSync(join(dataDir, 'chitieu.db'));

    const garbage = join(dataDir, 'garbage.db');
    writeFileSync(garbage, Buffer.from('not a database at all '.repeat(500)));
    const truncated = join(dataDir, 'truncated.db');
    writeFileSync(truncated, current.subarray(0, Math.floor(current.length / 2)));
    const foreign = join(dataDir, 'foreign.db');
    new Database(foreign).exec('CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES (1)');

    // What the command says (one line)…
    for (const [args, words] of [
      [['restore'], 'FILE'],
      [['restore', garbage, 'extra'], 'restore'],
      [['restore', garbage], 'garbage.db'],
    ] as const) {
      const reason = await cliRefusal([...args], env);
      expect(reason.split('\n')).toHaveLength(1);
      expect(reason).toContain(words);
    }
    // …and the reason for each kind of bad file (the same function, in this process).
    for (const [file, words] of [
      [join(dataDir, 'missing.db'), 'missing.db'],
      [truncated, 'truncated.db'],
      [foreign, 'không phải cơ sở dữ liệu Chỉ tiêu'],
    ] as const) {
      expect(() => restoreBackup(dataDir, file)).toThrow(words);
    }
    expect(readFileSync(join(dataDir, 'chitieu.db')).equals(current)).toBe(true);
    expect(readdirSync(dataDir).filter((name) => name.startsWith('chitieu.db'))).toEqual(['chitieu.db']);
  });

  it('refuses a bad BACKUP_KEEP, and a data directory without a database, with a one-line reason', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chitieu-backup-'));
    const cases = [
      [{ DATA_DIR: dataDir, BACKUP_KEEP: '0' }, 'BACKUP_KEEP'],
      [{ DATA_DIR: dataDir, BACKUP_KEEP: 'many' }, 'BACKUP_KEEP'],
      [{ DATA_DIR: dataDir }, 'chitieu.db'],
    ] as const;
    for (const [env, words] of cases) {
      const reason = await cliRefusal(['backup'], env);
      expect(reason.split('\n')).toHaveLength(1);
      expect(reason).toContain(words);
    }
    expect(readdirSync(dataDir)).toEqual([]);
  });
});

describe('automatic backups (BACKUP_DIR, BACKUP_KEEP)', { timeout: 180_000 }, () => {
  it('at start-up, when the newest backup is older than a day: one more, then only the newest BACKUP_KEEP', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'chitieu-nightly-'));
    const backupDir = join(dataDir, 'backups');
    mkdirSync(backupDir);
    // Three backups from earlier days (copies of an empty database will do) and a file of the admin's own.
    const seed = openDatabase(join(dataDir, 'chitieu.db'));
    migrateDatabase(seed);
    seed.$client.close();
    const day = 24 * 3600_000;
    const old = [3, 4, 5].map((days) => backupName(new Date(Date.now() - days * day)));
    for (const name of old) copyFileSync(join(dataDir, 'chitieu.db'), join(backupDir, name));
    writeFileSync(join(backupDir, 'ghi-chu.txt'), 'do not touch');

    const server = await startMain({ DATA_DIR: dataDir, BACKUP_DIR: backupDir, BACKUP_KEEP: '2' });
    const isNew = (name: string) => /^chitieu-.*\.db$/.test(name) && !old.includes(name);
    while (!server.output.some((line) => line.includes('Đã sao lưu'))) {
      await new Promise((r) => setTimeout(r, 50));
    }
    const files = readdirSync(backupDir).sort();
    const made = files.filter(isNew);
    expect(made).toHaveLength(1);
    // The newest two backups stay (the new one and the one from three days ago); other files are not ours to prune.
    expect(files).toEqual([old[0], made[0], 'ghi-chu.txt'].sort());
    const copy = new Database(join(backupDir, made[0] as string), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect((copy.prepare('SELECT count(*) AS n FROM units').get() as { n: number }).n).toBeGreaterThan(100);
    copy.close();
    expect(existsSync(join(backupDir, old[1] as string))).toBe(false);
  });
});
