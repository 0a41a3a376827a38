/**
 * Benchmark of the mid-term report on the demo (a WAL database file, as in production):
 *   node --import tsx bench/report.ts
 * Goals: the full mid-term DOCX with its three charts within 1 s; the province's XLSX within 0,5 s.
 * Prints wall-clock medians and, beside them, the CPU time of this process (steadier on a busy
 * machine), for the build alone and end to end through the report worker pool. Asserts nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  getReportSettings,
  migrateDatabase,
  openDatabase,
  reportData,
  resolveScope,
  seedDemo,
  seedDemoReport,
} from '@chitieu/db';
import {
  buildReportCsv,
  buildReportDocx,
  buildReportXlsx,
  preloadReportBuilders,
  renderReportCharts,
} from '@chitieu/reports';
import { ReportPool } from '../apps/api/src/workers/report-pool.ts';

const RUNS = 9;
const dir = mkdtempSync(join(tmpdir(), 'chitieu-bench-report-'));
const file = join(dir, 'bench.db');
const db = openDatabase(file);
migrateDatabase(db);
const { termId } = seedDemo(db);
seedDemoReport(db, termId);
const settings = getReportSettings(db, termId, 'mid_term');
const scope = resolveScope(db, 'system', { termId }, '2024-07-10');
await preloadReportBuilders();

const results: { label: string; p50: number; cpu: number; goal?: number }[] = [];

async function time(label: string, fn: () => unknown, goal?: number) {
  await fn(); // warm-up: JIT, module and font loading are not what a user waits for twice
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const row = { label, p50: median(wall), cpu: median(cpu), ...(goal === undefined ? {} : { goal }) };
  results.push(row);
  const verdict =
    goal === undefined ? '' : row.p50 <= goal ? `  ≤ ${goal} ms: đạt` : `  > ${goal} ms: CHƯA ĐẠT`;
  console.log(
    `${label.padEnd(52)} p50 ${row.p50.toFixed(0).padStart(5)} ms   cpu ${row.cpu.toFixed(0).padStart(5)} ms${verdict}`,
  );
}

console.log(`Báo cáo giữa nhiệm kỳ, demo Bình Thuận (${RUNS} lần đo sau 1 lần khởi động)`);
const data = reportData(db, scope);
const withRaw = reportData(db, scope, { raw: true });
console.log(
  `  ${withRaw.raw?.rows.length} dòng dữ liệu gốc (đơn vị × chỉ số × kỳ), ${withRaw.raw?.units.length} đơn vị`,
);

await time('figures (dashboard functions)', () => reportData(db, scope));
await time('figures + raw rows (subtree × indicator × period)', () => reportData(db, scope, { raw: true }));
await time('3 charts (vega-lite → SVG → resvg PNG)', () => renderReportCharts(data));
await time(
  'DOCX: figures + 3 charts + document',
  async () => {
    const d = reportData(db, scope);
    await buildReportDocx({ kind: 'mid_term', settings, data: d, charts: await renderReportCharts(d) });
  },
  1000,
);
await time(
  'XLSX (province): figures + raw rows + workbook',
  async () => buildReportXlsx({ kind: 'mid_term', settings, data: reportData(db, scope, { raw: true }) }),
  500,
);
await time('CSV (province): figures + raw rows + file', () =>
  buildReportCsv(reportData(db, scope, { raw: true })),
);

// End to end through the pool: the worker opens the file read-only and builds; this thread waits.
const pool = new ReportPool({ size: 1 });
const ids = {
  termId,
  unitId: scope.unit.id,
  asOf: scope.asOf,
  basis: scope.basis,
  structureVersionId: scope.structureVersionId,
};
const job = (format: 'docx' | 'xlsx') =>
  pool.run({ type: 'file', format, kind: 'mid_term', settings, scope: ids, source: { file } });
for (const [format, goal] of [
  ['docx', 1000],
  ['xlsx', 500],
] as const) {
  const before = performance.eventLoopUtilization();
  await time(`worker pool: ${format.toUpperCase()} job, end to end`, () => job(format), goal);
  const busy = performance.eventLoopUtilization(before).utilization;
  console.log(`  request thread busy ${(busy * 100).toFixed(1)}% of that time (free to serve data entry)`);
}
console.log('  (cpu counts every thread of this process: in the pool rows, mostly the worker)');
await pool.close();
db.$client.close();
rmSync(dir, { recursive: true, force: true });
