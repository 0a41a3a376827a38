/**
 * National-scale benchmark of the dashboard endpoints (prints figures, asserts nothing):
 *   npm run bench:national            (generates the stress data once into $TMPDIR/chitieu-national)
 * Starts the real server on that data in a child process, signs in as a viewer, and runs bounded
 * autocannon runs (50 connections, 127.0.0.1 only) against each endpoint: cached (If-None-Match →
 * 304) and uncached (every request computed), each beside a run of the trivial /api/health. Then
 * the nation overview's bytes served ready-made (the ceiling for any implementation on this HTTP
 * stack), the server's peak RSS and the gzip JS the browser loads before the overview's first render.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { chromium, type Response } from 'playwright-core';
import { generateNational, NATIONAL_VIEWER } from './national-data.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = process.env.BENCH_DATA_DIR ?? join(tmpdir(), 'chitieu-national');
const PORT = 3917;
const BASE = `http://127.0.0.1:${PORT}`;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);

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

/** The nation overview's bytes, served ready-made on the same HTTP stack: what no computation can beat. */
async function precomputedCeiling(body: string): Promise<Run> {
  const file = join(mkdtempSync(join(tmpdir(), 'chitieu-bytes-')), 'overview.json');
  writeFileSync(file, body);
  const ready = await start('bench/serve-bytes.ts', [file, String(PORT + 1)], 'ready');
  try {
    return await load('/', {}, `http://127.0.0.1:${PORT + 1}`);
  } finally {
    ready.kill('SIGTERM');
  }
}

interface Run {
  p50: number;
  p99: number;
  rps: number;
  non2xx: number;
}

/** As fast as the server answers, or at a fixed offered rate (latency without a queue of 50 waiting). */
async function load(path: string, headers: Record<string, string>, base = BASE): Promise<Run> {
  const result = await autocannon({
    url: `${base}${path}`,
    connections: 50,
    duration: SECONDS,
    headers,
  });
  return {
    p50: result.latency.p50,
    p99: result.latency.p99,
    rps: result.requests.average,
    non2xx: result.non2xx,
  };
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function jsBeforeFirstRender(cookie: string): Promise<number> {
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
  // arrive can be read before they have).
  // Scripts fetched after that (none expected) would be read after the browser closed: stop listening first.
  const sizes: Promise<number>[] = [];
  const onResponse = (response: Response) => {
    if (new URL(response.url()).pathname.endsWith('.js'))
      sizes.push(response.body().then((body) => gzipSync(body).length));
  };
  page.on('response', onResponse);
  await page.goto(BASE);
  await page.getByText(/Hoàn thành \d+\/\d+ chỉ tiêu/).waitFor({ timeout: 30_000 });
  // The charts are lazy chunks, drawn after the figures arrive: the budget counts them, so wait for one.
  await page.locator('.recharts-surface').first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  const gzipBytes = (await Promise.all(sizes)).reduce((sum, n) => sum + n, 0);
  await browser.close();
  return gzipBytes;
}

async function main() {
  if (!existsSync(join(DATA, 'chitieu.db'))) {
    console.log(`Tạo dữ liệu thử tải trong ${DATA} …`);
    generateNational(DATA);
  }
  const server = await start('apps/api/src/main.ts', [], 'Chỉ tiêu: http');
  try {
    const login = await fetch(`${BASE}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: BASE },
      body: JSON.stringify(NATIONAL_VIEWER),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const headers = { cookie };
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
      `\nmachine: ${process.arch}, ${(await import('node:os')).cpus().length} cores, Node ${process.version}; ${SECONDS} s runs, 50 connections`,
    );
    console.log(
      'endpoint'.padEnd(32),
      'mode'.padEnd(9),
      'p50 ms'.padStart(7),
      'p99 ms'.padStart(7),
      'req/s'.padStart(8),
      ' vs health',
    );
    // A cached run answers 304 by design; autocannon counts those as non-2xx, so only uncached runs report them.
    const line = (label: string, mode: string, r: Run, health: Run) =>
      console.log(
        label.padEnd(32),
        mode.padEnd(9),
        String(r.p50).padStart(7),
        String(r.p99).padStart(7),
        String(Math.round(r.rps)).padStart(8),
        ` ${((r.rps / health.rps) * 100).toFixed(0)}%${mode !== 'cached' && r.non2xx ? ` (${r.non2xx} errors)` : ''}`,
      );
    // The trivial endpoint is measured again before each endpoint, and each ratio uses that run:
    // this machine's speed drifts by tens of percent over a minute.
    for (const [label, path] of endpoints) {
      const health = await load('/api/health', {});
      line('health (trivial)', '', health, health);
      const etag = (await fetch(`${BASE}${path}`, { headers })).headers.get('etag') ?? '';
      line(label, 'cached', await load(path, { ...headers, 'if-none-match': etag }), health);
      line(label, 'uncached', await load(path, headers), health);
    }
    const overview = await (await fetch(`${BASE}${endpoints[0]?.[1]}`, { headers })).text();
    const health = await load('/api/health', {});
    line('health (trivial)', '', health, health);
    line('overview bytes, ready-made', 'ceiling', await precomputedCeiling(overview), health);
    console.log(`\nserver peak RSS: ${peakRssMb(server.pid as number)} MB`);
    if (existsSync(join(ROOT, 'apps/web/dist/index.html'))) {
      console.log(
        `JS before the overview's first render: ${((await jsBeforeFirstRender(cookie)) / 1024).toFixed(1)} KB gzip`,
      );
    } else {
      console.log('web app not built (npm run build): JS size not measured');
    }
  } finally {
    server.kill('SIGTERM');
  }
}

await main();
