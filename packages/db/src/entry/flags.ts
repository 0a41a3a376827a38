/** Flagged results (docs/decisions/0025): values far from the past, with the past figure each was judged by. */
import { type EntryIndicator, quantityText, type ResultFlag, visibleText } from '@chitieu/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.ts';
import { getPeriod } from '../lookups.ts';
import * as schema from '../schema.ts';
import { stmt } from '../statements.ts';
import { earlierPeriods } from './shared.ts';

export interface FlaggedResult {
  indicatorId: number;
  indicatorCode: string;
  indicatorName: string;
  flag: ResultFlag;
  value: number | null;
  /** The past figure the value was judged against (the period before, or a year before), if still stored. */
  past: number | null;
  valueText: string;
  pastText: string | null;
  /** The note, or null when there is none (blank counts as none). */
  note: string | null;
}

/** Each indicator's plausibility thresholds, by id: what the grid shows and an import checks against. */
export function flagThresholds(db: DbOrTx) {
  return new Map(
    db
      .select({
        id: schema.indicators.id,
        flagGrowth: schema.indicators.flagGrowth,
        flagMinChange: schema.indicators.flagMinChange,
      })
      .from(schema.indicators)
      .all()
      .map(({ id, ...rule }) => [id, rule]),
  );
}

/** A unit's flagged results for a period, with the past figure each was judged against. */
export function flaggedResults(db: DbOrTx, unitId: number, periodId: number): FlaggedResult[] {
  const rows = db.all<{
    indicatorId: number;
    indicatorCode: string;
    indicatorName: string;
    measureType: EntryIndicator['measureType'];
    decimals: number;
    measurementUnit: string;
    flag: ResultFlag;
    value: number | null;
    note: string | null;
  }>(sql`
    SELECT r.indicator_id AS indicatorId, i.code AS indicatorCode, i.name AS indicatorName,
           i.measure_type AS measureType, i.decimals, i.measurement_unit AS measurementUnit,
           r.flag, r.value, r.note
    FROM results r JOIN indicators i ON i.id = r.indicator_id
    WHERE r.unit_id = ${unitId} AND r.period_id = ${periodId} AND r.flag IS NOT NULL
    ORDER BY i.code`);
  if (rows.length === 0) return [];
  const { previous, sameLastYear } = earlierPeriods(db, getPeriod(db, periodId));
  const pastOf = (indicatorId: number, flag: ResultFlag) => {
    const period = flag === 'far_above_previous' ? previous : sameLastYear;
    if (!period) return null;
    return (
      stmt<{ value: number | null }>(
        db,
        'SELECT value FROM results WHERE unit_id = ? AND indicator_id = ? AND period_id = ?',
      ).get(unitId, indicatorId, period.id)?.value ?? null
    );
  };
  return rows.map(({ measureType, decimals, measurementUnit, ...r }) => {
    const indicator = { measureType, decimals, measurementUnit };
    const past = pastOf(r.indicatorId, r.flag);
    return {
      ...r,
      past,
      valueText: r.value === null ? '—' : quantityText(indicator, r.value),
      pastText: past === null ? null : quantityText(indicator, past),
      note: visibleText(r.note),
    };
  });
}
