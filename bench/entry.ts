/**
 * Benchmark of data entry, in a real WAL database file:
 *   node --import tsx bench/entry.ts
 * (a) The real server (startTestServer, in a child process so the load generator does not share its
 *     event loop) takes `PUT /api/results` from autocannon for 10 s on 10 connections as
 *     nhap.phuthuy. Each request saves one value (version check + audit + roll-up upkeep): requests
 *     rotate over the unit's 60 open cells (12 indicators × 5 unreported half-years) and carry the
 *     version the last response for that cell returned, so there are no 409s unless two requests
 *     for one cell overlap (counted and printed).
 *     A 5 s run on one connection then shows the time of one save without queueing.
 * (b) A generated 10.000-row import: 834 extra communes under Phan Thiết × 12 indicators, filled
 *     in with exceljs, then read (zip check + exceljs + cells), previewed and applied by the same
 *     functions the upload route calls.
 * Prints figures; asserts nothing. Goals: p99 ≤ 5 ms and ≥ 2.000 saves/s; import ≤ 3 s.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Actor,
  applyImport,
  entryTemplate,
  migrateDatabase,
  openDatabase,
  previewImport,
  schema,
  seedDemo,
} from '@chitieu/db';
import { buildEntryTemplate, readEntryWorkbook } from '@chitieu/reports';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';

/** The part of autocannon's API used here (it ships no types, and @types/autocannon is not installed). */
type Context = Record<string, unknown>;
interface AutocannonOptions {
  url: string;
  connections: number;
  duration: number;
  requests: {
    method: string;
    path: string;
    headers: Record<string, string>;
    setupRequest: (req: Record<string, unknown>, context: Context) => Record<string, unknown>;
    onResponse: (status: number, body: string, context: Context) => void;
  }[];
}
interface AutocannonResult {
  latency: { p50: number; p90: number; p99: number; max: number };
  requests: { average: number; total: number };
  '2xx': number;
  errors: number;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (
  options: AutocannonOptions,
) => Promise<AutocannonResult>;

if (process.argv[2] === 'serve') {
  // Child: serve the database file given, report the URL to the parent.
  const { startTestServer } = await import('../apps/api/src/testing.ts');
  const { startCheckpointer } = await import('../apps/api/src/workers/checkpointer.ts');
  const db = openDatabase(process.argv[3] as string);
  const server = await startTestServer(db);
  startCheckpointer(db); // as `npm start` does
  // Exit normally on kill so `BENCH_PROFILE=1` can write the server's CPU profile.
  process.on('SIGTERM', () => process.exit(0));
  // The parent asks for the CPU time used so far: CPU per save does not depend on what else runs.
  process.on('message', () => process.send?.(process.cpuUsage()));
  process.send?.(server.url);
} else {
  await main();
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-bench-entry-'));
  const file = join(dir, 'bench.db');
  const seeding = openDatabase(file);
  migrateDatabase(seeding);
  const { termId } = seedDemo(seeding);
  const ids = lookups(seeding);
  seeding.$client.close();
  try {
    await saves(file, ids);
    if (!process.env.BENCH_SAVES_ONLY) await bigImport(file, termId);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function lookups(db: ReturnType<typeof openDatabase>) {
  const units = db.select().from(schema.units).all();
  const periods = db.select().from(schema.periods).all();
  const reported = new Set(
    db
      .select()
      .from(schema.submissions)
      .all()
      .map((s) => s.periodId),
  );
  return {
    phuThuy: units.find((u) => u.code === '22924')?.id as number,
    phanThiet: units.find((u) => u.code === '593')?.id as number,
    indicators: db.select().from(schema.indicators).all(),
    openPeriods: periods.filter((p) => !reported.has(p.id)).map((p) => p.id),
    h2: periods.find((p) => p.startDate === '2024-07-01')?.id as number,
  };
}

async function saves(file: string, ids: ReturnType<typeof lookups>) {
  const child = fork(process.argv[1] as string, ['serve', file], {
    execArgv: [
      '--import',
      'tsx',
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=bench-profiles'] : []),
    ],
  });
  const url = await new Promise<string>((resolve) => child.once('message', (m) => resolve(String(m))));
  try {
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: url },
      body: JSON.stringify({ username: 'nhap.phuthuy', password: 'demo1234' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string;
    const cells = ids.openPeriods.flatMap((periodId) =>
      ids.indicators.map((indicator) => ({ periodId, indicator })),
    );
    const versions = new Map<number, number | null>();
    let counter = 0;
    let conflicts = 0;
    let other = 0;
    const run = (duration: number, connections = 10) =>
      autocannon({
        url,
        connections,
        duration,
        requests: [
          {
            method: 'PUT',
            path: '/api/results',
            headers: { cookie, origin: url, 'content-type': 'application/json' },
            setupRequest: (req, context) => {
              const n = counter++;
              const cell = n % cells.length;
              const { periodId, indicator } = cells[cell] as (typeof cells)[number];
              context.cell = cell;
              const type = indicator.measureType;
              const fields =
                type === 'ratio'
                  ? { numerator: String(n % 5), denominator: '5' }
                  : type === 'units_meeting'
                    ? { meets: n % 2 === 0 }
                    : { value: String(n % 97) };
              const body = {
                unitId: ids.phuThuy,
                indicatorId: indicator.id,
                periodId,
                expectedVersion: versions.get(cell) ?? null,
                ...fields,
              };
              return { ...req, body: JSON.stringify(body) };
            },
            onResponse: (status, body, context) => {
              if (status === 200) versions.set(context.cell as number, JSON.parse(body).result.version);
              else if (status === 409) {
                // A request cut off by the end of the warm-up saved without us seeing its answer:
                // take the current version from the conflict and carry on.
                conflicts++;
                versions.set(context.cell as number, JSON.parse(body).error.details.current.version);
              } else other++;
            },
          },
        ],
      });
    await run(2); // warm-up: JIT, SQLite page cache
    counter = 0;
    conflicts = 0;
    other = 0;
    const cpuBefore = await serverCpu(child);
    const result = await run(10);
    const cpuAfter = await serverCpu(child);
    const cpuPerSave =
      (cpuAfter.user + cpuAfter.system - cpuBefore.user - cpuBefore.system) / 1000 / result.requests.total;
    console.log(
      '(a) PUT /api/results as nhap.phuthuy, 10 connections, 10 s (autocannon, server in a child process)',
    );
    console.log(
      `    latency p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
    );
    console.log(
      `    ${Math.round(result.requests.average)} saves/s average (${result.requests.total} requests, ${result['2xx']} ok, ${conflicts} conflicts, ${other} other, ${result.errors} errors)`,
    );
    console.log(`    server CPU per save ${cpuPerSave.toFixed(3)} ms (user + system)`);
    // Four connections: enough to keep the server busy, few enough that a save rarely queues.
    const four = await run(10, 4);
    console.log(
      `    4 connections, 10 s: p50 ${four.latency.p50} ms, p99 ${four.latency.p99} ms, ${Math.round(four.requests.average)} saves/s`,
    );
    // One connection: the time one save takes, without waiting behind the other nine.
    const single = await run(5, 1);
    console.log(
      `    1 connection, 5 s: p50 ${single.latency.p50} ms, p99 ${single.latency.p99} ms, ${Math.round(single.requests.average)} saves/s`,
    );
  } finally {
    child.kill();
  }
}

function serverCpu(child: ReturnType<typeof fork>): Promise<NodeJS.CpuUsage> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as NodeJS.CpuUsage));
    child.send('cpu');
  });
}

async function bigImport(file: string, termId: number) {
  const db = openDatabase(file);
  const ids = lookups(db);
  const admin = db
    .select()
    .from(schema.users)
    .all()
    .find((u) => u.username === 'admin');
  const actor: Actor = {
    id: admin?.id as number,
    roles: db
      .select()
      .from(schema.roleAssignments)
      .all()
      .filter((r) => r.userId === admin?.id)
      .map(({ role, unitId }) => ({ role, unitId })),
  };
  // 834 more communes under Phan Thiết: with its own 18 and itself, 10.019 rows of 12 indicators.
  const district = db
    .select()
    .from(schema.placements)
    .all()
    .find((p) => p.unitId === ids.phanThiet) as typeof schema.placements.$inferSelect;
  db.transaction((tx) => {
    for (let i = 0; i < 834; i++) {
      const id = tx
        .insert(schema.units)
        .values({
          code: `B${i}`,
          name: `Xã thử ${i}`,
          type: 'Xã',
          isGrassroots: true,
          validFrom: '2021-01-01',
        })
        .returning()
        .get().id;
      tx.insert(schema.placements)
        .values({
          structureVersionId: district.structureVersionId,
          unitId: id,
          parentId: ids.phanThiet,
          path: `${district.path}${id}/`,
          depth: district.depth + 1,
          sortOrder: 1000 + i,
        })
        .run();
    }
  });
  const key = { termId, unitId: ids.phanThiet, periodId: ids.h2 };

  let t = performance.now();
  const data = entryTemplate(db, actor, key);
  const template = await buildEntryTemplate(data);
  const buildMs = performance.now() - t;

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as never);
  const ws = wb.getWorksheet('Nhập liệu') as ExcelJS.Worksheet;
  let rows = 0;
  ws.eachRow((row, n) => {
    if (n <= 6) return;
    rows++;
    const code = row.getCell(4).value;
    const type = ids.indicators.find((i) => i.code === code)?.measureType;
    // Vary the shapes: numbers and Vietnamese text.
    if (type === 'ratio') {
      row.getCell(9).value = n % 7;
      row.getCell(10).value = '10';
    } else if (type === 'units_meeting') row.getCell(11).value = n % 3 ? 'Có' : 'Không';
    else if (type === 'amount') row.getCell(8).value = `${n % 50}.000.000`;
    else row.getCell(8).value = n % 2 ? n % 40 : `${n % 40}`;
  });
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const before = db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM results`)?.n ?? 0;

  t = performance.now();
  const workbook = await readEntryWorkbook(bytes);
  const parseMs = performance.now() - t;
  t = performance.now();
  const preview = previewImport(db, actor, { ...key, workbook });
  const previewMs = performance.now() - t;
  t = performance.now();
  const applied = applyImport(db, actor, { ...key, workbook });
  const applyMs = performance.now() - t;
  const after = db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM results`)?.n ?? 0;

  console.log(
    `(b) import of ${rows} rows (${(bytes.length / 1024).toFixed(0)} KB .xlsx), as admin into Phan Thiết 2024-H2`,
  );
  console.log(`    build template (${data.rows.length} rows): ${buildMs.toFixed(0)} ms`);
  console.log(`    parse (zip check + exceljs + cells): ${parseMs.toFixed(0)} ms`);
  console.log(
    `    preview (${preview.changes.length} changes, ${preview.problems.length} problems): ${previewMs.toFixed(0)} ms`,
  );
  console.log(
    `    apply (${applied.applied} writes + ${applied.reportsStarted} draft reports, one transaction): ${applyMs.toFixed(0)} ms; results ${before} → ${after}`,
  );
  console.log(`    parse + apply: ${(parseMs + applyMs).toFixed(0)} ms`);
  db.$client.close();
}
