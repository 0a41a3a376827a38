/**
 * What an Excel fill-in template covers, shared by writing the template and reading it back: the
 * unit, period and term it is for, the reporting units below the unit, the term's indicators of the
 * period's kind, and the results already stored for them.
 */
import { type EntryWorkbook, invalid, notFound } from '@chitieu/core';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';
import { versionAt } from './figures/scope.ts';
import { type IndicatorInfo, termTargets } from './figures/targets.ts';
import { getPeriod, getTerm, getUnit } from './lookups.ts';
import type { ResultRow } from './results.ts';
import * as s from './schema.ts';

export type Period = typeof s.periods.$inferSelect;
export type ImportKey = { termId: number; unitId: number; periodId: number };
export type ImportInput = ImportKey & { workbook: EntryWorkbook };

/** The term, unit and period a template is for; refused when the period lies outside the term. */
export function termUnitPeriod(db: DbOrTx, input: ImportKey) {
  const term = getTerm(db, input.termId);
  const unit = getUnit(db, input.unitId);
  const period = getPeriod(db, input.periodId);
  if (period.endDate < term.startDate || period.startDate > term.endDate) {
    throw invalid('Kỳ báo cáo không thuộc nhiệm kỳ này.', { param: 'periodId' });
  }
  return { term, unit, period };
}

export interface ScopeUnit {
  id: number;
  code: string;
  name: string;
  isGrassroots: boolean;
}

/**
 * The units a template covers: the unit itself and the grassroots units below it (the ones that
 * report), in the structure in force when the period starts, valid during the period.
 */
export function reportingUnits(db: DbOrTx, unitId: number, period: Period): ScopeUnit[] {
  const versionId = versionAt(db, period.startDate);
  const placement =
    db
      .select()
      .from(s.placements)
      .where(and(eq(s.placements.structureVersionId, versionId), eq(s.placements.unitId, unitId)))
      .get() ??
    db
      .select()
      .from(s.placements)
      .where(eq(s.placements.unitId, unitId))
      .orderBy(desc(s.placements.structureVersionId))
      .get();
  if (!placement) throw notFound('Đơn vị không có trong cơ cấu tổ chức.');
  return db
    .all<{ id: number; code: string; name: string; isGrassroots: number }>(sql`
      SELECT u.id, u.code, u.name, u.is_grassroots AS isGrassroots FROM placements p
      JOIN units u ON u.id = p.unit_id
      WHERE p.structure_version_id = ${placement.structureVersionId}
        AND p.path >= ${placement.path} AND p.path < ${`${placement.path}~`}
        AND (u.is_grassroots = 1 OR u.id = ${unitId})
        AND u.valid_from <= ${period.endDate} AND (u.valid_to IS NULL OR u.valid_to > ${period.startDate})
      ORDER BY p.depth, p.sort_order, u.name`)
    .map((u) => ({ ...u, isGrassroots: u.isGrassroots === 1 }));
}

export interface TermIndicator {
  targetCode: string;
  indicator: IndicatorInfo;
}

/** The term's indicators (primary and related, once each, like the entry grid) reported in periods of this kind. */
export function termIndicators(db: DbOrTx, termId: number, kind: Period['kind']): TermIndicator[] {
  const frequency = new Map(
    db
      .select({ id: s.indicators.id, frequency: s.indicators.frequency })
      .from(s.indicators)
      .all()
      .map((i) => [i.id, i.frequency]),
  );
  const seen = new Set<number>();
  const list: TermIndicator[] = [];
  for (const target of termTargets(db, termId)) {
    for (const indicator of [target.indicator, ...target.related]) {
      if (seen.has(indicator.id) || frequency.get(indicator.id) !== kind) continue;
      seen.add(indicator.id);
      list.push({ targetCode: target.code, indicator });
    }
  }
  return list;
}

export const applies = (indicator: IndicatorInfo, unit: ScopeUnit) =>
  indicator.measureType !== 'units_meeting' || unit.isGrassroots;

export function periodsBefore(db: DbOrTx, period: Period) {
  const previous = db
    .select()
    .from(s.periods)
    .where(and(eq(s.periods.kind, period.kind), sql`${s.periods.startDate} < ${period.startDate}`))
    .orderBy(desc(s.periods.startDate))
    .get();
  const lastYearStart = `${Number(period.startDate.slice(0, 4)) - 1}${period.startDate.slice(4)}`;
  const sameLastYear = db
    .select()
    .from(s.periods)
    .where(and(eq(s.periods.kind, period.kind), eq(s.periods.startDate, lastYearStart)))
    .get();
  return { previous: previous ?? null, sameLastYear: sameLastYear ?? null };
}

/** Results of the units for the periods, keyed 'unit:indicator:period'. */
export function resultsOf(db: DbOrTx, unitIds: number[], periodIds: number[]): Map<string, ResultRow> {
  const map = new Map<string, ResultRow>();
  if (unitIds.length === 0 || periodIds.length === 0) return map;
  // Chunked: SQLite allows at most 32.766 bound parameters in one statement.
  for (let i = 0; i < unitIds.length; i += 5000) {
    const rows = db
      .select()
      .from(s.results)
      .where(
        and(inArray(s.results.unitId, unitIds.slice(i, i + 5000)), inArray(s.results.periodId, periodIds)),
      )
      .all();
    for (const r of rows) map.set(`${r.unitId}:${r.indicatorId}:${r.periodId}`, r);
  }
  return map;
}
