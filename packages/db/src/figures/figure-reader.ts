/**
 * The figure engine's reader: every figure of a view from the roll-up table (never raw results),
 * combined and judged by the rules of @chitieu/core. API, web and exports all get their numbers
 * through it.
 */
import {
  addSums,
  type Basis,
  type Coverage,
  combineFigure,
  type Figure,
  figureFromPeriods,
  type IndicatorRule,
  isLevelMeasure,
  type PeriodSums,
  type Sums,
  ZERO_SUMS,
} from '@chitieu/core';
import type { DbOrTx } from '../client.ts';
import { stmt } from '../statements.ts';
import { coverageCounts } from './coverage.ts';
import { memoByRevision } from './memo.ts';
import type { Scope } from './scope.ts';

export interface PeriodRow {
  id: number;
  kind: string;
  startDate: string;
  endDate: string;
}

type Rule = IndicatorRule & { id: number; frequency: string };

export interface Dating {
  latestPeriodId: number | null;
  coverage: Coverage | null;
}

/**
 * Reads the roll-up rows a view needs in one query per set of units, then combines them in memory:
 * a dashboard is a handful of queries however many targets it shows (docs/decisions/0003).
 * A figure over the whole term so far comes from one grouped row per unit and indicator (the
 * flow summed over the term's periods, the level summed over every change up to the date, and the
 * newest period with a report); per-period rows are read only when a caller asks for figures of
 * chosen periods (series, yearly tables) or a unit's own figure, for all units loaded so far at once.
 * Every figure says which period it stands at and who has reported it (docs/decisions/0017).
 */
export class FigureReader {
  private readonly totals = new Map<string, TotalsRow>();
  private readonly sums = new Map<string, PeriodSums[]>();
  private readonly totalsLoaded = new Set<number>();
  private readonly periodsLoaded = new Set<number>();
  private readonly termPeriods: PeriodRow[];
  /** Every period ended by the as-of date (levels count changes from before the term too). */
  private readonly pastPeriods: Map<number, PeriodRow>;
  private readonly byKindEnd = new Map<string, number>();
  private readonly coverageByPeriod = new Map<number, Map<number, { reported: number; expected: number }>>();

  /** `indicatorIds`: read only these (a target's page needs 2 of 40); figure() then serves only them. */
  constructor(
    private readonly db: DbOrTx,
    private readonly scope: Scope,
    private readonly indicatorIds?: number[],
  ) {
    const { term, asOf } = scope;
    const past = periodsEndedBy(db, asOf);
    this.pastPeriods = new Map(past.map((p) => [p.id, p]));
    this.termPeriods = past.filter((p) => p.endDate > term.startDate && p.startDate < term.endDate);
    for (const p of past) this.byKindEnd.set(`${p.kind}|${p.endDate}`, p.id);
  }

  /** The term's periods of one frequency up to the as-of date, oldest first. */
  periods(kind: string): PeriodRow[] {
    return this.termPeriods.filter((p) => p.kind === kind);
  }

  /**
   * What a set of figures stands on, as one line: the newest period any has data for, and the
   * coverage of the newest period they stand at (the widest, when frequencies differ).
   */
  dating(figures: Figure[]): Dating {
    const end = (id: number | null | undefined) =>
      id == null ? '' : (this.pastPeriods.get(id)?.endDate ?? '');
    let latestPeriodId: number | null = null;
    let coverage: Coverage | null = null;
    for (const f of figures) {
      if (end(f.latestPeriodId) > end(latestPeriodId)) latestPeriodId = f.latestPeriodId;
      const c = f.coverage;
      if (
        c &&
        (!coverage ||
          end(c.periodId) > end(coverage.periodId) ||
          (c.periodId === coverage.periodId && c.expected > coverage.expected))
      )
        coverage = c;
    }
    return { latestPeriodId, coverage };
  }

  /** The newest period of a frequency ended by the as-of date: the one figures stand at. */
  standsAt(kind: string): PeriodRow | null {
    const list = this.periods(kind);
    return list[list.length - 1] ?? null;
  }

  /** Fetch the term-so-far totals of these subtrees at once. */
  load(unitIds: number[]): this {
    const wanted = unitIds.filter((id) => !this.totalsLoaded.has(id));
    if (wanted.length === 0) return this;
    const { term, asOf } = this.scope;
    const inTerm = 'p.end_date > @termStart AND p.start_date < @termEnd';
    const rows = stmt<TotalsRow & { ancestorId: number; indicatorId: number }>(
      this.db,
      `SELECT r.ancestor_id AS ancestorId, r.indicator_id AS indicatorId,
              SUM(CASE WHEN ${inTerm} THEN r.value ELSE 0 END) AS value,
              SUM(CASE WHEN ${inTerm} THEN r.numerator ELSE 0 END) AS numerator,
              SUM(CASE WHEN ${inTerm} THEN r.denominator ELSE 0 END) AS denominator,
              SUM(CASE WHEN ${inTerm} THEN r.result_count ELSE 0 END) AS resultCount,
              SUM(r.level_value) AS levelValue, SUM(r.level_numerator) AS levelNumerator,
              SUM(r.level_denominator) AS levelDenominator, SUM(r.level_meeting) AS levelMeeting,
              SUM(r.level_units) AS levelUnits,
              MAX(CASE WHEN r.result_count > 0 AND ${inTerm} THEN p.end_date END) AS latestInTerm,
              MAX(CASE WHEN r.result_count > 0 THEN p.end_date END) AS latestAny
       FROM rollups r JOIN periods p ON p.id = r.period_id
       WHERE r.structure_version_id = @version AND r.basis = @basis
         AND r.ancestor_id IN (SELECT value FROM json_each(@units)) ${this.indicatorFilter('r.', '@indicators')}
         AND p.end_date <= @asOf
       GROUP BY r.ancestor_id, r.indicator_id`,
    ).all({ ...this.keyParams(wanted), termStart: term.startDate, termEnd: term.endDate, asOf });
    for (const id of wanted) this.totalsLoaded.add(id);
    for (const { ancestorId, indicatorId, ...row } of rows)
      this.totals.set(`${ancestorId}:${indicatorId}`, row);
    return this;
  }

  /** The figure of a subtree for an indicator, over the term up to the as-of date. */
  figure(unitId: number, indicator: Rule): Figure {
    this.load([unitId]);
    const row = this.totals.get(`${unitId}:${indicator.id}`) ?? NO_TOTALS;
    const latestEnd = isLevelMeasure(indicator) ? row.latestAny : row.latestInTerm;
    return combineFigure(indicator, {
      flow: row,
      level: row,
      latestPeriodId: latestEnd ? (this.byKindEnd.get(`${indicator.frequency}|${latestEnd}`) ?? null) : null,
      coverage: this.coverage(unitId, this.standsAt(indicator.frequency)),
    });
  }

  /**
   * The figure of a subtree over chosen periods: the flow summed over them, the level at the end
   * of the last of them (a series point, a year of a yearly table).
   */
  figureOver(unitId: number, indicator: Rule, periodIds: ReadonlySet<number>): Figure {
    this.loadPeriods(unitId);
    return figureFromPeriods(
      indicator,
      this.sums.get(`${unitId}:${indicator.id}`) ?? [],
      periodIds,
      this.coverage(unitId, this.lastOf(periodIds)),
    );
  }

  /**
   * A unit's own results (its own activity, DESIGN.md "Result"): its subtree less its children's,
   * so a breakdown's rows and this one add up to the unit's figure exactly.
   */
  ownFigure(unitId: number, childIds: number[], indicator: Rule): Figure {
    for (const id of [unitId, ...childIds]) this.loadPeriods(id);
    const own = new Map<number, PeriodSums>();
    const add = (unit: number, sign: 1 | -1) => {
      for (const row of this.sums.get(`${unit}:${indicator.id}`) ?? []) {
        own.set(row.periodId, {
          ...addSums(own.get(row.periodId) ?? ZERO_SUMS, row, sign),
          periodId: row.periodId,
          endDate: row.endDate,
        });
      }
    };
    add(unitId, 1);
    for (const child of childIds) add(child, -1);
    const standsAt = this.standsAt(indicator.frequency);
    let coverage = this.coverage(unitId, standsAt);
    for (const child of childIds) {
      const c = this.coverage(child, standsAt);
      if (coverage && c)
        coverage = {
          ...coverage,
          reported: coverage.reported - c.reported,
          expected: coverage.expected - c.expected,
        };
    }
    return figureFromPeriods(
      indicator,
      [...own.values()],
      new Set(this.termPeriods.map((p) => p.id)),
      coverage,
    );
  }

  /** Per-period rows of this unit and of every unit loaded so far (callers then ask for those too). */
  private loadPeriods(unitId: number) {
    if (this.periodsLoaded.has(unitId)) return;
    const wanted = [...new Set([unitId, ...this.totalsLoaded])].filter((id) => !this.periodsLoaded.has(id));
    const rows = stmt<Sums & { ancestorId: number; indicatorId: number; periodId: number }>(
      this.db,
      `SELECT ancestor_id AS ancestorId, indicator_id AS indicatorId, period_id AS periodId, value, numerator,
              denominator, meeting, reported, result_count AS resultCount, level_value AS levelValue,
              level_numerator AS levelNumerator, level_denominator AS levelDenominator,
              level_meeting AS levelMeeting, level_units AS levelUnits
       FROM rollups
       WHERE structure_version_id = @version AND basis = @basis
         AND ancestor_id IN (SELECT value FROM json_each(@units)) ${this.indicatorFilter('', '@indicators')}`,
    ).all(this.keyParams(wanted));
    for (const id of wanted) this.periodsLoaded.add(id);
    for (const { ancestorId, indicatorId, ...row } of rows) {
      const period = this.pastPeriods.get(row.periodId);
      if (period === undefined) continue; // after the as-of date
      const key = `${ancestorId}:${indicatorId}`;
      const list = this.sums.get(key) ?? [];
      list.push({ ...row, endDate: period.endDate });
      this.sums.set(key, list);
    }
  }

  private lastOf(periodIds: ReadonlySet<number>): PeriodRow | null {
    let last: PeriodRow | null = null;
    for (const id of periodIds) {
      const p = this.pastPeriods.get(id);
      if (p && (!last || p.endDate > last.endDate)) last = p;
    }
    return last;
  }

  /** Who is expected to report a period in a subtree, and who has (on this view's basis). */
  private coverage(unitId: number, period: PeriodRow | null): Coverage | null {
    if (!period) return null;
    // One lookup per period and reader: a report's raw rows ask ~8.000 times.
    let counts = this.coverageByPeriod.get(period.id);
    if (!counts) {
      counts = cachedCoverageCounts(this.db, this.scope.structureVersionId, period, this.scope.basis);
      this.coverageByPeriod.set(period.id, counts);
    }
    const c = counts.get(unitId);
    return { periodId: period.id, reported: c?.reported ?? 0, expected: c?.expected ?? 0 };
  }

  /**
   * Two statement texts, with and without the indicator list, rather than `(? IS NULL OR …)`: with
   * the list in the statement SQLite seeks the key down to the indicator (63 provinces × 1
   * indicator instead of × 40).
   */
  private indicatorFilter(alias: string, param: string) {
    return this.indicatorIds ? `AND ${alias}indicator_id IN (SELECT value FROM json_each(${param}))` : '';
  }

  private keyParams(unitIds: number[]) {
    return {
      version: this.scope.structureVersionId,
      basis: this.scope.basis,
      units: JSON.stringify(unitIds),
      ...(this.indicatorIds ? { indicators: JSON.stringify(this.indicatorIds) } : {}),
    };
  }
}

interface TotalsRow {
  value: number;
  numerator: number;
  denominator: number;
  resultCount: number;
  levelValue: number;
  levelNumerator: number;
  levelDenominator: number;
  levelMeeting: number;
  levelUnits: number;
  latestInTerm: string | null;
  latestAny: string | null;
}

const NO_TOTALS: TotalsRow = {
  value: 0,
  numerator: 0,
  denominator: 0,
  resultCount: 0,
  levelValue: 0,
  levelNumerator: 0,
  levelDenominator: 0,
  levelMeeting: 0,
  levelUnits: 0,
  latestInTerm: null,
  latestAny: null,
};

/** All periods (every kind) that ended on or before `asOf`, oldest first. */
function periodsEndedBy(db: DbOrTx, asOf: string): PeriodRow[] {
  return memoByRevision(db, `periods:${asOf}`, () =>
    stmt<PeriodRow>(
      db,
      `SELECT id, kind, start_date AS startDate, end_date AS endDate FROM periods
       WHERE end_date <= ? ORDER BY start_date, kind`,
    ).all(asOf),
  );
}

function cachedCoverageCounts(db: DbOrTx, versionId: number, period: PeriodRow, basis: Basis) {
  return memoByRevision(db, `coverage:${versionId}:${period.id}:${basis}`, () =>
    coverageCounts(db, versionId, period, basis),
  );
}
