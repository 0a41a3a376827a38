import type { DomainError } from '@chitieu/core';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveScope } from '../figures/scope.ts';
import { targetBreakdown } from '../figures/views/breakdown.ts';
import { dashboardSummary } from '../figures/views/overview.ts';
import { targetSeries } from '../figures/views/series.ts';
import { rebuildRollups } from '../rollup.ts';
import { demoDatabase, rollupSnapshot } from '../testing.ts';
import { DEMO_AS_OF, readUnitsCsv } from './demo.ts';

let demo: ReturnType<typeof demoDatabase>;
beforeAll(() => {
  demo = demoDatabase();
});
const summary = () =>
  dashboardSummary(demo.db, resolveScope(demo.db, 'system', { termId: demo.termId }, '2026-11-29'));
const byCode = (code: string) => summary().targets.find((t) => t.code === code);

describe('demo data: the mid-term picture of the article (Báo Bình Thuận, 10/07/2024)', () => {
  it('opens at the mid-term date', () => {
    expect(summary().scope.asOf).toBe(DEMO_AS_OF);
  });

  it('completed 7/8 targets', () => {
    expect(summary().headline).toEqual({ done: 7, counted: 8, noCases: 0 });
  });

  it.each([
    ['CT2', 746], // hộ thoát nghèo, cận nghèo
    ['CT3', 584], // công trình nông thôn mới
    ['CT4', 2986], // "gần 3.000" hộ 5 không, 3 sạch
    ['CT5', 10], // mô hình "Tổ hỗ trợ phụ nữ chuyển đổi số"
    ['BS1', 13], // cán bộ Hội cơ sở giỏi
    ['BS2', 11], // sản phẩm CNTT đạt giải
    ['BS3', 28], // hội viên danh dự ở Phan Thiết
  ])('%s is %d', (code, value) => {
    expect(byCode(code)?.figure.value).toBe(value);
  });

  it('124/124 grassroots units keep the 5 kinds of activities', () => {
    expect(byCode('CT1')?.figure).toMatchObject({ meeting: 124, expected: 124, reported: 124, value: 1000 });
  });

  it('584 works are worth exactly 11.540.000.000 đồng', () => {
    expect(byCode('CT3')?.relatedFigures[0]?.figure.value).toBe(11_540_000_000);
  });

  it('the one target not done is behind pace, not missing', () => {
    const notDone = summary().targets.filter(
      (t) => t.counted && t.status !== 'exceeded' && t.status !== 'achieved',
    );
    expect(notDone.map((t) => [t.code, t.status])).toEqual([['CT8', 'at_risk']]);
  });

  it('uses the real units: 10 districts, 124 communes, plus 3 directly attached units', () => {
    const csv = readUnitsCsv();
    expect(csv.filter((u) => u.parentCode === '60')).toHaveLength(10);
    const rows = demo.db.all<{ type: string; n: number }>(sql`
      SELECT CASE WHEN is_grassroots THEN 'grassroots' ELSE type END AS type, COUNT(*) AS n FROM units GROUP BY 1`);
    expect(rows.find((r) => r.type === 'grassroots')?.n).toBe(124);
    expect(rows.find((r) => r.type === 'Đơn vị trực thuộc')?.n).toBe(3);
    const breakdown = targetBreakdown(
      demo.db,
      resolveScope(demo.db, 'system', { termId: demo.termId }, DEMO_AS_OF),
      byCode('CT2')?.id as number,
    );
    expect(breakdown.rows).toHaveLength(13);
  });

  it('marks every invented figure as illustrative', () => {
    const row = demo.db.get<{ n: number; illustrative: number }>(
      sql`SELECT COUNT(*) AS n, SUM(illustrative) AS illustrative FROM results`,
    );
    expect(row?.n).toBeGreaterThan(0);
    expect(row?.illustrative).toBe(row?.n);
    expect(summary().scope.illustrative).toBe(true);
  });

  it('district splits add up exactly to the province', () => {
    const scope = resolveScope(demo.db, 'system', { termId: demo.termId }, DEMO_AS_OF);
    for (const code of ['CT2', 'CT3', 'CT4', 'CT7']) {
      const b = targetBreakdown(demo.db, scope, byCode(code)?.id as number);
      const sum = b.rows.reduce((s, r) => s + (r.figure.value ?? 0), 0);
      expect(sum, code).toBe(byCode(code)?.figure.value);
    }
  });

  it('half-year series add up to the total, and the series ends at the as-of date', () => {
    const scope = resolveScope(demo.db, 'system', { termId: demo.termId }, DEMO_AS_OF);
    const series = targetSeries(demo.db, scope, byCode('CT2')?.id as number);
    expect(series.points.map((p) => p.endDate)).toEqual([
      '2022-06-30',
      '2022-12-31',
      '2023-06-30',
      '2023-12-31',
      '2024-06-30',
    ]);
    expect(series.points.reduce((s, p) => s + (p.period.value ?? 0), 0)).toBe(746);
    expect(series.points.at(-1)?.toDate.value).toBe(746);
  });

  it('an earlier as-of date shows less: end of 2022', () => {
    const scope = resolveScope(demo.db, 'system', { termId: demo.termId, asOf: '2022-12-31' }, DEMO_AS_OF);
    const ct2 = dashboardSummary(demo.db, scope).targets.find((t) => t.code === 'CT2');
    expect(ct2?.figure.value).toBe(290);
  });

  it('keeps a roll-up table identical to a rebuild', () => {
    const kept = rollupSnapshot(demo.db);
    rebuildRollups(demo.db);
    expect(rollupSnapshot(demo.db)).toEqual(kept);
  });

  it.each([
    [{ asOf: '2020-01-01' }, 'invalid'],
    [{ unitId: 99999 }, 'not_found'],
    [{ structureVersionId: 42 }, 'not_found'],
  ])('refuses a scope %o with %s', (input, code) => {
    expect(() => resolveScope(demo.db, 'system', { termId: demo.termId, ...input }, DEMO_AS_OF)).toThrow(
      expect.objectContaining({ code }) as DomainError,
    );
  });
});
