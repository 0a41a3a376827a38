/**
 * Soak: the real server on a fresh demo database under mixed reads and saves for a long while
 * (prints figures; asserts nothing; not in CI):
 *   npm run bench:soak                 (10 minutes; SOAK_SECONDS=60 for a short try)
 * 20 connections, each a loop of requests on keep-alive: leaders' reads (overview, breakdown,
 * series, trends, the target page, lagging units — different units and dates, some with the ETag
 * a browser would send) and entry staff's saves (each connection saves its own cells, carrying the
 * version the last save returned, so a 409 means a real fault). Every answer that is not 2xx or 304
 * is an error. The server's RSS is sampled every 5 s; the goal is 0 errors and RSS growth under 10 %
 * from the end of the first minute to the end.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const CONNECTIONS = 20;
/** One request in this many is a save. */
const SAVE_EVERY = 5;
const PORT = 3947;
const BASE = `http://127.0.0.1:${PORT}`;

const rssMb = (pid: number) =>
  Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function login(username: string): Promise<Record<string, string>> {
  const res = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: BASE },
    body: JSON.stringify({ username, password: 'demo1234' }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] as string, origin: BASE };
}

async function getJson<T>(path: string, headers: Record<string, string>): Promise<T> {
  const res = await fetch(`${BASE}${path}`, { headers });
  if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
  return (await res.json()) as T;
}

interface Cell {
  unitId: number;
  periodId: number;
  indicatorId: number;
  measureType: string;
  version: number | null;
  value: number;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
};

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'chitieu-soak-'));
  const server = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'apps/api/src/main.ts')], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(PORT) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout?.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('Chỉ tiêu: http')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  try {
    const readers = await Promise.all(['lanhdao', 'xem.phanthiet', 'duyet.tinh'].map(login));
    const writers = await Promise.all(['nhap.phuthuy', 'nhap.phuhai'].map(login));
    const lead = readers[0] as Record<string, string>;
    const [term] = await getJson<{ id: number }[]>('/api/terms', lead);
    const termId = term?.id as number;
    const { units } = await getJson<{
      units: { id: number; name: string; depth: number; parentId: number | null }[];
    }>('/api/units', lead);
    const { targets } = await getJson<{ targets: { id: number }[] }>(`/api/terms/${termId}`, lead);
    const periods = await getJson<{ id: number; startDate: string }[]>(`/api/terms/${termId}/periods`, lead);
    // The units each reader may open: the province's leaders any district, Phan Thiết's its own communes.
    const phanThiet = units.find((u) => u.name === 'Thành phố Phan Thiết')?.id;
    const scopes = [
      units.filter((u) => u.depth === 1).map((u) => u.id),
      units.filter((u) => u.parentId === phanThiet).map((u) => u.id),
      units.filter((u) => u.depth === 1).map((u) => u.id),
    ];
    const asOfs = ['2022-12-31', '2023-06-30', '2024-06-30', '2024-12-31'];

    // Each writer's open cells (half-years not yet reported), shared out so no two connections save the same one.
    const cellsOf = async (writer: Record<string, string>, unitName: string) => {
      const unitId = units.find((u) => u.name === unitName)?.id as number;
      const cells: Cell[] = [];
      for (const period of periods.filter((p) => p.startDate >= '2024-07-01')) {
        const grid = await getJson<{
          rows: {
            indicator: { id: number; measureType: string };
            result: { version: number; value: number | null } | null;
          }[];
          permissions: { edit: boolean };
        }>(`/api/entry?termId=${termId}&unitId=${unitId}&periodId=${period.id}`, writer);
        if (!grid.permissions.edit) continue;
        for (const row of grid.rows) {
          if (row.indicator.measureType !== 'cumulative' && row.indicator.measureType !== 'amount') continue;
          cells.push({
            unitId,
            periodId: period.id,
            indicatorId: row.indicator.id,
            measureType: row.indicator.measureType,
            version: row.result?.version ?? null,
            value: row.result?.value ?? 0,
          });
        }
      }
      return cells;
    };
    const pools = [
      await cellsOf(writers[0] ?? {}, 'Phường Phú Thủy'),
      await cellsOf(writers[1] ?? {}, 'Phường Phú Hài'),
    ];

    const readPath = (i: number, units: number[]) => {
      const unit = i % 3 === 0 ? '' : `unitId=${units[i % units.length]}&`;
      const asOf = `asOf=${asOfs[i % asOfs.length]}`;
      const target = targets[i % targets.length]?.id;
      switch (i % 6) {
        case 0:
          return `/api/terms/${termId}/dashboard?${unit}${asOf}`;
        case 1:
          return `/api/terms/${termId}/targets/${target}/breakdown?${unit}${asOf}`;
        case 2:
          return `/api/terms/${termId}/targets/${target}/series?${unit}${asOf}`;
        case 3:
          return `/api/terms/${termId}/trends?${unit}${asOf}`;
        case 4:
          return `/api/terms/${termId}/targets/${target}?${unit}${asOf}`;
        default:
          return `/api/terms/${termId}/lagging?${unit}${asOf}`;
      }
    };

    const stats = { reads: [] as number[], saves: [] as number[], notModified: 0, errors: [] as string[] };
    const etags = new Map<string, string>();
    const deadline = performance.now() + SECONDS * 1000;
    const connection = async (n: number) => {
      const writerIndex = n % 2;
      const writer = writers[writerIndex] as Record<string, string>;
      const pool = pools[writerIndex] ?? [];
      // Connection n saves the cells n/2, n/2 + 10, … of its writer's pool.
      const mine = pool.filter((_, i) => i % (CONNECTIONS / 2) === Math.floor(n / 2));
      const reader = readers[n % readers.length] as Record<string, string>;
      const readable = scopes[n % readers.length] ?? [];
      for (let i = n; performance.now() < deadline; i += CONNECTIONS) {
        const started = performance.now();
        try {
          if (i % SAVE_EVERY === 0 && mine.length > 0) {
            const cell = mine[i % mine.length] as Cell;
            cell.value = (cell.value + 1) % 1000;
            const res = await fetch(`${BASE}/api/results`, {
              method: 'PUT',
              headers: { ...writer, 'content-type': 'application/json' },
              body: JSON.stringify({
                unitId: cell.unitId,
                periodId: cell.periodId,
                indicatorId: cell.indicatorId,
                value: String(cell.value),
                expectedVersion: cell.version,
              }),
            });
            const body = await res.text();
            if (res.status !== 200) throw new Error(`save: ${res.status} ${body.slice(0, 200)}`);
            cell.version = (JSON.parse(body) as { result: { version: number } }).result.version;
            stats.saves.push(performance.now() - started);
          } else {
            const path = readPath(i, readable);
            const key = `${reader.cookie}|${path}`;
            // Every other read revalidates with the ETag a browser would have kept.
            const etag = i % 2 === 0 ? etags.get(key) : undefined;
            const res = await fetch(`${BASE}${path}`, {
              headers: {
                ...reader,
                'accept-encoding': 'br, gzip',
                ...(etag ? { 'if-none-match': etag } : {}),
              },
            });
            await res.arrayBuffer();
            if (res.status === 304) stats.notModified++;
            else if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
            const tag = res.headers.get('etag');
            if (tag) etags.set(key, tag);
            stats.reads.push(performance.now() - started);
          }
        } catch (error) {
          stats.errors.push((error as Error).message);
        }
      }
    };

    console.log(
      `soak: ${SECONDS} s, ${CONNECTIONS} connections, 1 request in ${SAVE_EVERY} a save; ${cpus().length} cores, Node ${process.version}; load average at start ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    const samples: { at: number; rss: number }[] = [];
    const began = performance.now();
    const sampler = setInterval(() => {
      samples.push({ at: (performance.now() - began) / 1000, rss: rssMb(server.pid as number) });
      const last = samples.at(-1);
      if (last && Math.round(last.at) % 60 < 5) {
        console.log(
          `  ${Math.round(last.at)} s: RSS ${last.rss.toFixed(0)} MB, ${stats.reads.length + stats.saves.length} requests, ${stats.errors.length} errors`,
        );
      }
    }, 5000);
    await Promise.all(Array.from({ length: CONNECTIONS }, (_, n) => connection(n)));
    clearInterval(sampler);
    samples.push({ at: (performance.now() - began) / 1000, rss: rssMb(server.pid as number) });

    const afterMinute = samples.find((s) => s.at >= Math.min(60, SECONDS / 2)) ?? samples[0];
    const end = samples.at(-1);
    const max = Math.max(...samples.filter((s) => s.at >= (afterMinute?.at ?? 0)).map((s) => s.rss));
    const total = stats.reads.length + stats.saves.length;
    console.log(
      `\nrequests: ${total} (${(total / SECONDS).toFixed(0)}/s): ${stats.reads.length} reads (${stats.notModified} answered 304), ${stats.saves.length} saves`,
    );
    console.log(
      `reads p50 ${percentile(stats.reads, 50).toFixed(1)} ms, p99 ${percentile(stats.reads, 99).toFixed(1)} ms; saves p50 ${percentile(stats.saves, 50).toFixed(1)} ms, p99 ${percentile(stats.saves, 99).toFixed(1)} ms`,
    );
    console.log(
      `errors: ${stats.errors.length}${stats.errors.length ? ` — first: ${stats.errors.slice(0, 3).join(' | ')}` : ''}`,
    );
    if (afterMinute && end) {
      console.log(
        `server RSS: ${afterMinute.rss.toFixed(0)} MB at ${Math.round(afterMinute.at)} s, ${end.rss.toFixed(0)} MB at the end (max ${max.toFixed(0)} MB): growth ${(((end.rss - afterMinute.rss) / afterMinute.rss) * 100).toFixed(1)} %`,
      );
    }
    console.log(
      `load average at the end: ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
