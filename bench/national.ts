/**
 * National-scale benchmark of the dashboard endpoints (prints figures, asserts nothing):
 *   npm run bench:national            (generates the stress data once into $TMPDIR/chitieu-national)
 * Starts the real server on that data in a child process and signs in as a national viewer. First
 * the ceiling: the nation overview's bytes served ready-made by the same HTTP stack (no session, no
 * database), at 50 and at 10 connections. Then, per endpoint, bounded autocannon runs on 127.0.0.1:
 *   cached     If-None-Match with the current ETag → 304
 *   uncached   no ETag: the answer's bytes (kept per data revision after the first request), 50 and
 *              10 connections, as a share of the ceiling's req/s at the same connections
 * Then the cold path: 200 times, an approver corrects one approved value (a real save through the
 * API, which changes the revision), and the next nation overview and breakdown are timed — each is
 * computed afresh. Last, the server's peak RSS and the JS the browser loads before the overview's
 * first render. Goals (issue 14): uncached nation overview ≥ 25 % of the ceiling, breakdown ≥ 15 %,
 * p99 ≤ 20 ms at 10 connections for each; peak RSS ≤ 300 MB.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { createUser, hashPasswordSync, openDatabase, schema } from '@chitieu/db';
import autocannon from 'autocannon';
import { eq } from 'drizzle-orm';
import { chromium, type Response } from 'playwright-core';
import { generateNational, NATIONAL_APPROVER, NATIONAL_VIEWER } from './national-data.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = process.env.BENCH_DATA_DIR ?? join(tmpdir(), 'chitieu-national');
const PORT = 3917;
const BASE = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const SAVES = Number(process.env.BENCH_SAVES ?? 200);

function start(script: string, args: string[], ready: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, script), ...args], {
    env: { ...process.env, DATA_DIR: DATA, PORT: String(PORT), SEED_DEMO: 'false' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(ready)) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
}

interface Run {
  p50: number;
  p99: number;
  rps: number;
  non2xx: number;
  errors: number;
}

async function load(
  path: string,
  headers: Record<string, string>,
  connections: number,
  base = BASE,
): Promise<Run> {
  const result = await autocannon({ url: `${base}${path}`, connections, duration: SECONDS, headers });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** The nation overview's bytes served ready-made on the same HTTP stack: what no computation can beat. */
async function ceiling(body: string): Promise<{ c50: Run; c10: Run }> {
  const file = join(mkdtempSync(join(tmpdir(), 'chitieu-bytes-')), 'overview.json');
  writeFileSync(file, body);
  const ready = await start('bench/serve-bytes.ts', [file, String(PORT + 1)], 'ready');
  try {
    const base = `http://127.0.0.1:${PORT + 1}`;
    return { c50: await load('/', {}, 50, base), c10: await load('/', {}, 10, base) };
  } finally {
    ready.kill('SIGTERM');
  }
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;

/** An approver for the cold-path runs (older generated data has only the viewer). */
function ensureApprover() {
  const db = openDatabase(join(DATA, 'chitieu.db'));
  try {
    const exists = db
      .select()
      .from(schema.users)
      .where(eq(schema.users.username, NATIONAL_APPROVER.username))
      .get();
    if (!exists) {
      const nation = db.select().from(schema.units).where(eq(schema.units.code, 'VN')).get();
      createUser(db, {
        username: NATIONAL_APPROVER.username,
        displayName: 'Duyệt (thử tải)',
        passwordHash: hashPasswordSync(NATIONAL_APPROVER.password),
        roles: [{ role: 'approver', unitId: nation?.id as number }],
      });
    }
  } finally {
    db.$client.close();
  }
}

async function login(account: { username: string; password: string }): Promise<string> {
  const res = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: BASE },
    body: JSON.stringify(account),
  });
  if (res.status !== 200) throw new Error(`login ${account.username}: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

/**
 * The first request after a save, SAVES times: the approver corrects one approved value of a
 * commune (alternating between two values), then the nation overview and the breakdown are timed.
 */
async function afterSaves(viewer: string, approver: string, paths: string[]): Promise<number[][]> {
  const get = async <T>(path: string, cookie: string) =>
    (await (await fetch(`${BASE}${path}`, { headers: { cookie } })).json()) as T;
  const { units } = await get<{ units: { id: number; depth: number }[] }>('/api/units', viewer);
  const commune = units.find((u) => u.depth === 3)?.id as number;
  const [period] = await get<{ id: number }[]>('/api/terms/1/periods', viewer);
  const grid = await get<{
    rows: {
      indicator: { id: number; measureType: string };
      result: { value: number; version: number } | null;
    }[];
  }>(`/api/entry?termId=1&unitId=${commune}&periodId=${period?.id}`, approver);
  const row = grid.rows.find((r) => r.indicator.measureType === 'cumulative' && r.result);
  if (!row?.result) throw new Error('no approved cumulative result to correct');
  let version = row.result.version;
  const times = paths.map(() => [] as number[]);
  for (let i = 0; i < SAVES; i++) {
    const saved = await fetch(`${BASE}/api/results`, {
      method: 'PUT',
      headers: { cookie: approver, origin: BASE, 'content-type': 'application/json' },
      body: JSON.stringify({
        unitId: commune,
        indicatorId: row.indicator.id,
        periodId: period?.id,
        value: String(row.result.value + (i % 2)),
        expectedVersion: version,
        reason: 'Thử tải: sửa số đã duyệt',
      }),
    });
    if (saved.status !== 200) throw new Error(`save ${i}: ${saved.status} ${await saved.text()}`);
    version = ((await saved.json()) as { result: { version: number } }).result.version;
    for (const [j, path] of paths.entries()) {
      const started = performance.now();
      const res = await fetch(`${BASE}${path}`, { headers: { cookie: viewer } });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path} after save: ${res.status}`);
      times[j]?.push(performance.now() - started);
    }
  }
  return times.map((t) => t.sort((a, b) => a - b));
}

async function jsBeforeFirstRender(cookie: string): Promise<{ sent: number; gzip: number }> {
  const browser = await chromium.launch({
    executablePath: '/usr/lib/chromium/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext();
  const [name, value] = cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: BASE }]);
  const page = await context.newPage();
  // Every script response's body, awaited before counting (a listener that adds up as bodies
  // arrive can be read before they have). Scripts fetched after that (none expected) would be read
  // after the browser closed: stop listening first.
  const sizes: Promise<{ sent: number; gzip: number }>[] = [];
  const onResponse = (response: Response) => {
    if (!new URL(response.url()).pathname.endsWith('.js')) return;
    sizes.push(
      // As sent (brotli: Chromium asks for it) and as gzip would send it, for the budget's history.
      Promise.all([response.headerValue('content-length'), response.body()]).then(([sent, body]) => ({
        sent: Number(sent ?? body.length),
        gzip: gzipSync(body).length,
      })),
    );
  };
  page.on('response', onResponse);
  await page.goto(BASE);
  await page.getByText(/Hoàn thành \d+\/\d+ chỉ tiêu/).waitFor({ timeout: 30_000 });
  // The charts are lazy chunks, drawn when scrolled to: the budget counts them, so scroll and wait for one.
  await page.locator('.chart-grid').scrollIntoViewIfNeeded({ timeout: 30_000 });
  await page.locator('.recharts-surface').first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  const all = await Promise.all(sizes);
  await browser.close();
  return {
    sent: all.reduce((sum, s) => sum + s.sent, 0),
    gzip: all.reduce((sum, s) => sum + s.gzip, 0),
  };
}

async function main() {
  if (!existsSync(join(DATA, 'chitieu.db'))) {
    console.log(`Tạo dữ liệu thử tải trong ${DATA} …`);
    generateNational(DATA);
  }
  ensureApprover();
  const server = await start('apps/api/src/main.ts', [], 'Chỉ tiêu: http');
  try {
    const viewer = await login(NATIONAL_VIEWER);
    const approver = await login(NATIONAL_APPROVER);
    const headers = { cookie: viewer };
    const units = (await (await fetch(`${BASE}/api/units`, { headers })).json()) as {
      units: { id: number; depth: number }[];
    };
    const province = units.units.find((u) => u.depth === 1)?.id;
    const endpoints: [string, string][] = [
      ['overview, nation', '/api/terms/1/dashboard'],
      ['overview, one province', `/api/terms/1/dashboard?unitId=${province}`],
      ['breakdown, 63 provinces', '/api/terms/1/targets/1/breakdown'],
      ['time series, nation', '/api/terms/1/targets/1/series'],
    ];
    console.log(
      `\nmachine: ${process.arch}, ${cpus().length} cores, Node ${process.version}; load average at start ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}; ${SECONDS} s runs`,
    );
    const overview = await (await fetch(`${BASE}${endpoints[0]?.[1]}`, { headers })).text();
    const top = await ceiling(overview);
    console.log(
      'endpoint'.padEnd(27),
      'mode'.padEnd(9),
      'conns'.padStart(5),
      'p50 ms'.padStart(7),
      'p99 ms'.padStart(7),
      'req/s'.padStart(8),
      ' of ceiling',
    );
    // A cached run answers 304 by design; autocannon counts those as non-2xx, so only other runs report them.
    const line = (label: string, mode: string, connections: number, r: Run) => {
      const ceilingRun = connections === 10 ? top.c10 : top.c50;
      const share = mode === 'ceiling' ? '' : ` ${((r.rps / ceilingRun.rps) * 100).toFixed(0)}%`;
      const problems = (mode !== 'cached' ? r.non2xx : 0) + r.errors;
      console.log(
        label.padEnd(27),
        mode.padEnd(9),
        String(connections).padStart(5),
        String(r.p50).padStart(7),
        String(r.p99).padStart(7),
        String(Math.round(r.rps)).padStart(8),
        `${share}${problems ? ` (${problems} errors)` : ''}`,
      );
    };
    line('overview bytes, ready-made', 'ceiling', 50, top.c50);
    line('overview bytes, ready-made', 'ceiling', 10, top.c10);
    line('health (trivial)', '', 50, await load('/api/health', {}, 50));
    for (const [label, path] of endpoints) {
      const etag = (await fetch(`${BASE}${path}`, { headers })).headers.get('etag') ?? '';
      line(label, 'cached', 50, await load(path, { ...headers, 'if-none-match': etag }, 50));
      line(label, 'uncached', 50, await load(path, headers, 50));
      line(label, 'uncached', 10, await load(path, headers, 10));
    }

    const cold = [endpoints[0], endpoints[2]] as [string, string][];
    const times = await afterSaves(
      viewer,
      approver,
      cold.map(([, path]) => path),
    );
    console.log(`\nfirst request after a save (${SAVES} saves, one connection):`);
    for (const [i, [label]] of cold.entries()) {
      const t = times[i] ?? [];
      console.log(
        `  ${label.padEnd(25)} p50 ${percentile(t, 50).toFixed(1)} ms, p99 ${percentile(t, 99).toFixed(1)} ms, max ${(t.at(-1) ?? 0).toFixed(1)} ms`,
      );
    }
    console.log(`\nserver peak RSS: ${peakRssMb(server.pid as number)} MB`);
    if (existsSync(join(ROOT, 'apps/web/dist/index.html'))) {
      const js = await jsBeforeFirstRender(viewer);
      console.log(
        `JS before the overview's first render: ${(js.sent / 1024).toFixed(1)} KB as sent (brotli), ${(js.gzip / 1024).toFixed(1)} KB gzip`,
      );
    } else {
      console.log('web app not built (npm run build): JS size not measured');
    }
    console.log(
      `load average at the end: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    server.kill('SIGTERM');
  }
}

await main();
