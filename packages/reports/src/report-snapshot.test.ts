import { recordResult, reportData, resolveScope, schema } from '@chitieu/db';
import { demoDatabase } from '@chitieu/db/testing';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { compareSnapshots, type ReportSnapshot, snapshotOf } from './report-snapshot.ts';

describe('differences from an issued report', () => {
  it('show a money change the rounded text would hide in exact đồng, and every change as a quantity', () => {
    const { db, termId } = demoDatabase();
    const scope = resolveScope(db, 'system', { termId }, '2024-07-10');
    const issued = snapshotOf(reportData(db, scope));
    const id = (table: 'indicators' | 'units', code: string) =>
      (db
        .select()
        .from(table === 'indicators' ? schema.indicators : schema.units)
        .where(eq(table === 'indicators' ? schema.indicators.code : schema.units.code, code))
        .get()?.id ?? 0) as number;
    const period = db.select().from(schema.periods).where(eq(schema.periods.startDate, '2024-01-01')).get()
      ?.id as number;
    const bump = (indicator: string, by: number) => {
      const key = {
        unitId: id('units', '22924'),
        indicatorId: id('indicators', indicator),
        periodId: period,
      };
      const row = db
        .select()
        .from(schema.results)
        .where(
          and(
            eq(schema.results.unitId, key.unitId),
            eq(schema.results.indicatorId, key.indicatorId),
            eq(schema.results.periodId, key.periodId),
          ),
        )
        .get();
      recordResult(db, { ...key, value: (row?.value ?? 0) + by });
    };
    bump('NGUONLUC', 1_000_000);
    bump('THOATNGHEO', 1);
    const differences = compareSnapshots(issued, snapshotOf(reportData(db, scope)));
    expect(differences).toContainEqual({
      key: '60:CT7:NGUONLUC',
      label: 'CT7 Nguồn lực vận động hỗ trợ phụ nữ, trẻ em khó khăn — Tỉnh Bình Thuận',
      issued: '21.350.000.000 đồng',
      live: '21.351.000.000 đồng',
      change: '+1.000.000 đồng',
    });
    expect(differences).toContainEqual(
      expect.objectContaining({ key: '60:CT2:THOATNGHEO', issued: '746', live: '747', change: '+1' }),
    );
    // A snapshot kept before measure types were stored: money is still told by its text.
    const old: ReportSnapshot = {
      ...issued,
      format: 1,
      figures: issued.figures.map(({ measureType: _t, decimals: _d, ...f }) => f),
    };
    expect(compareSnapshots(old, snapshotOf(reportData(db, scope)))).toContainEqual(
      expect.objectContaining({
        key: '60:CT7:NGUONLUC',
        issued: '21.350.000.000 đồng',
        change: '+1.000.000 đồng',
      }),
    );
  });
});
