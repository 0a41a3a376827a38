/**
 * `npm start -- --demo=2025`: the demo after both reorganisations with later half-years partly in,
 * loaded the way start-up loads it, and read as a leader reads it at four dates.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dashboardSummary, getMeta, resolveScope } from '@chitieu/db';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { prepareDatabase, StartupError } from './data-dir.ts';

const TODAY = '2026-12-06';
const stage2025 = { seedDemo: true, demoStage: '2025' as const };

describe('the reorganised demo (--demo=2025)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'chitieu-2025-'));
  const { db, seeded } = prepareDatabase({ dataDir, ...stage2025 });
  const termId = db.get<{ id: number }>(sql`SELECT id FROM terms`)?.id as number;
  const at = (asOf: string) => {
    const scope = resolveScope(db, 'system', { termId, asOf }, TODAY);
    return { unit: scope.unit.name, summary: dashboardSummary(db, scope) };
  };
  const figure = (summary: ReturnType<typeof at>['summary'], code: string) =>
    summary.targets.find((t) => t.code === code)?.figure;

  it('keeps the mid-term as the article reported it', () => {
    expect(seeded).toBe(true);
    expect(getMeta(db, 'demo')).toBe('2025');
    const { unit, summary } = at('2024-06-30');
    expect(unit).toBe('Tỉnh Bình Thuận');
    expect(summary.headline).toMatchObject({ done: 7, counted: 8 });
    expect(figure(summary, 'CT2')?.value).toBe(746);
  });

  it('opens at 31/12/2025 in Tỉnh Lâm Đồng, with part of its 45 units reported, never above 100 %', () => {
    expect(db.get(sql`SELECT default_as_of AS d FROM terms`)).toEqual({ d: '2025-12-31' });
    const { unit, summary } = at('2025-12-31');
    expect(unit).toBe('Tỉnh Lâm Đồng');
    const ct1 = figure(summary, 'CT1');
    expect(ct1?.coverage).toMatchObject({ expected: 45 });
    expect(ct1?.coverage?.reported).toBeGreaterThan(0);
    expect(ct1?.coverage?.reported).toBeLessThan(45);
    expect(ct1?.meeting).toBeLessThanOrEqual(ct1?.expected ?? 0);
  });

  it('has later half-years partly in at every date: some units have not reported', () => {
    for (const asOf of ['2024-12-31', '2025-06-30', '2025-12-31']) {
      const coverage = figure(at(asOf).summary, 'CT2')?.coverage;
      expect(coverage?.reported, asOf).toBeGreaterThan(0);
      expect(coverage?.reported, asOf).toBeLessThan(coverage?.expected ?? 0);
    }
    // Both approved and submitted-only reports, every later result marked illustrative.
    const states = db.all<{ state: string }>(sql`SELECT DISTINCT s.state FROM submissions s
      JOIN periods p ON p.id = s.period_id WHERE p.start_date >= '2024-07-01' ORDER BY 1`);
    expect(states.map((s) => s.state)).toEqual(['approved', 'submitted']);
    expect(db.get(sql`SELECT COUNT(*) AS n FROM results WHERE illustrative = 0`)).toEqual({ n: 0 });
  });

  it('starts again on its own data, and refuses a directory holding other data', () => {
    // A directory of its own: the one above stays open for the other tests, in whatever order they run.
    const own = mkdtempSync(join(tmpdir(), 'chitieu-2025-'));
    prepareDatabase({ dataDir: own, ...stage2025 }).db.$client.close();
    const again = prepareDatabase({ dataDir: own, ...stage2025 });
    expect(again.seeded).toBe(false);
    again.db.$client.close();
    const other = mkdtempSync(join(tmpdir(), 'chitieu-midterm-'));
    prepareDatabase({ dataDir: other, seedDemo: true, demoStage: 'mid-term' }).db.$client.close();
    expect(() => prepareDatabase({ dataDir: other, ...stage2025 })).toThrow(StartupError);
    expect(() => prepareDatabase({ dataDir: other, ...stage2025 })).toThrow(/--demo=2025 chỉ nạp vào/);
  });
});
