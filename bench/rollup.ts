/**
 * Benchmark of the roll-up path on the demo, in a real WAL database file:
 *   npm run bench
 * Prints figures; it asserts nothing (speed goals live here, never in tests).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  dashboardSummary,
  migrateDatabase,
  openDatabase,
  rebuildRollups,
  recordResult,
  resolveScope,
  schema,
  seedDemo,
  targetBreakdown,
} from '@chitieu/db';

const dir = mkdtempSync(join(tmpdir(), 'chitieu-bench-'));
const db = openDatabase(join(dir, 'bench.db'));
migrateDatabase(db);

function time<T>(label: string, runs: number, fn: (i: number) => T) {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn(i);
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const pct = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] as number;
  const total = samples.reduce((s, x) => s + x, 0);
  console.log(
    `${label.padEnd(44)} runs ${String(runs).padStart(6)}  p50 ${pct(0.5).toFixed(3)} ms  p99 ${pct(0.99).toFixed(3)} ms  ${Math.round((runs / total) * 1000)}/s`,
  );
}

const seedStart = performance.now();
const { termId } = seedDemo(db);
console.log(
  `seed demo (units, targets, ${db.select().from(schema.results).all().length} results, roll-ups): ${(performance.now() - seedStart).toFixed(0)} ms`,
);

const scope = resolveScope(db, 'system', { termId }, '2024-06-30');
const communes = db
  .select()
  .from(schema.units)
  .all()
  .filter((u) => u.isGrassroots);
const poverty = db
  .select()
  .from(schema.indicators)
  .all()
  .find((i) => i.code === 'THOATNGHEO');
const period = db.select().from(schema.periods).all()[4];

time('write one result (+ audit, roll-up, revision)', 5000, (i) =>
  recordResult(db, {
    unitId: communes[i % communes.length]?.id as number,
    indicatorId: poverty?.id as number,
    periodId: period?.id as number,
    value: i % 17,
  }),
);
time('dashboard summary, province (8+3 targets)', 500, () => dashboardSummary(db, scope));
time('breakdown by district, one target', 500, () => targetBreakdown(db, scope, 2));
time('rebuild the whole roll-up table', 20, () => rebuildRollups(db));
db.$client.close();
rmSync(dir, { recursive: true, force: true });
