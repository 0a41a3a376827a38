/**
 * Leaders' reads: every figure comes from the roll-up table (never raw results), combined and judged
 * by the rules of @chitieu/core. API, web and exports all get their numbers from here.
 */
import {
  addSums,
  type Basis,
  type Coverage,
  clampDate,
  combineFigure,
  type Direction,
  type Figure,
  figureFromPeriods,
  formatDate,
  headline,
  type IndicatorRule,
  invalid,
  isLevelMeasure,
  isNoCases,
  isShareMeasure,
  type Mission,
  notFound,
  ownLevelName,
  type PeriodSums,
  type Sums,
  type TargetStatus,
  targetStatus,
  ZERO_SUMS,
} from '@chitieu/core';
import { asc, eq } from 'drizzle-orm';
import { type Actor, authorize, can, homeUnits } from './access.ts';
import type { DbOrTx } from './client.ts';
import { getTerm, getUnit, placementOf, structureVersionExists, type Term, type UnitRow } from './lookups.ts';
import { standInFor } from './reorganise.ts';
import { getRevision } from './revision.ts';
import * as s from './schema.ts';
import { stmt } from './statements.ts';

export { getTerm };

export type Indicator = typeof s.indicators.$inferSelect;
export type { Term, UnitRow };

export interface ScopeInput {
  termId: number;
  /** Default: the term's owner unit. */
  unitId?: number;
  /** Default: the term's default as-of date, else today, clamped to the term. */
  asOf?: string;
  basis?: Basis;
  /** Default: the structure version in force on the as-of date. */
  structureVersionId?: number;
}

export interface Scope {
  term: Term;
  unit: UnitRow;
  asOf: string;
  basis: Basis;
  structureVersionId: number;
  /** The owner unit, or its successor in a structure made after it closed (it carries the term goals). */
  ownerStandIn?: number;
}

export function listTerms(db: DbOrTx): Term[] {
  return db.select().from(s.terms).orderBy(asc(s.terms.startDate)).all();
}

/**
 * Fill in a scope's defaults, check that each part exists and fits the term, and that the actor may
 * read the unit. Without a unit, a user who cannot read the term's owner unit starts at their own.
 */
export function resolveScope(db: DbOrTx, actor: Actor | 'system', input: ScopeInput, today: string): Scope {
  const term = getTerm(db, input.termId);
  const asOf = input.asOf ?? term.defaultAsOf ?? clampDate(today, term.startDate, term.endDate);
  if (asOf < term.startDate || asOf > term.endDate) {
    throw invalid(
      `Ngày số liệu phải nằm trong nhiệm kỳ (${formatDate(term.startDate)} – ${formatDate(term.endDate)}).`,
      {
        param: 'asOf',
      },
    );
  }
  let structureVersionId = input.structureVersionId ?? versionAt(db, asOf);
  if (!structureVersionExists(db, structureVersionId)) {
    throw notFound(`Không tìm thấy cơ cấu tổ chức ${structureVersionId}.`);
  }
  let unitId = input.unitId;
  if (unitId === undefined) {
    // By default a view opens at the owner unit, or at whoever stands for it in this structure
    // (its successor after it closed, its predecessor before it was formed).
    const home = defaultUnit(db, actor, term.ownerUnitId);
    unitId = standInFor(db, structureVersionId, home);
    if (actor !== 'system' && !can(db, actor, 'read', unitId)) {
      // A user whose unit has ended (a district after the 2025 merges) opens on it, in the last
      // structure where it still existed, rather than on a refusal.
      unitId = home;
      if (input.structureVersionId === undefined)
        structureVersionId = lastVersionOf(db, home) ?? structureVersionId;
    }
  }
  const ownerStandIn = standInFor(db, structureVersionId, term.ownerUnitId);
  const unit = getUnit(db, unitId);
  if (actor !== 'system') authorize(db, actor, 'read', unit.id);
  if (!placementOf(db, structureVersionId, unitId)) {
    throw notFound(`Đơn vị “${unit.name}” không có trong cơ cấu tổ chức đang xem.`);
  }
  return { term, unit, asOf, basis: input.basis ?? 'approved', structureVersionId, ownerStandIn };
}

function defaultUnit(db: DbOrTx, actor: Actor | 'system', ownerUnitId: number): number {
  if (actor === 'system' || can(db, actor, 'read', ownerUnitId)) return ownerUnitId;
  return homeUnits(actor)[0] ?? ownerUnitId;
}

/** The latest structure version in which a unit is placed as a live unit (not kept as a former one). */
function lastVersionOf(db: DbOrTx, unitId: number): number | undefined {
  return stmt<{ id: number }>(
    db,
    `SELECT v.id FROM placements p JOIN structure_versions v ON v.id = p.structure_version_id
     JOIN units u ON u.id = p.unit_id
     WHERE p.unit_id = ? AND (u.valid_to IS NULL OR u.valid_to > v.valid_from)
     ORDER BY v.valid_from DESC, v.id DESC LIMIT 1`,
  ).get(unitId)?.id;
}

/** The structure version in force on a date (the latest one that started on or before it). */
export function versionAt(db: DbOrTx, date: string): number {
  const row = stmt<{ id: number }>(
    db,
    'SELECT id FROM structure_versions WHERE valid_from <= ? ORDER BY valid_from DESC, id DESC LIMIT 1',
  ).get(date);
  const first =
    row ?? stmt<{ id: number }>(db, 'SELECT id FROM structure_versions ORDER BY valid_from LIMIT 1').get();
  if (!first) throw notFound('Chưa có cơ cấu tổ chức nào.');
  return first.id;
}

export interface TreeUnit {
  id: number;
  code: string;
  name: string;
  type: string;
  isGrassroots: boolean;
  parentId: number | null;
  depth: number;
  validFrom: string;
  /** Exclusive; null while the unit exists. */
  validTo: string | null;
  /**
   * Closed before this structure began: a unit merged or split away, kept below the successor its
   * results are summed into (docs/decisions/0009), so its figures can still be opened.
   */
  former: boolean;
}

/** SQL for TreeUnit.former, with `u` the unit and `p` its placement. */
const FORMER = `(u.valid_to IS NOT NULL AND u.valid_to <= (SELECT valid_from FROM structure_versions v
                                                            WHERE v.id = p.structure_version_id))`;

/** The whole tree of a structure version, parents before children, in their sort order. */
export function unitTree(db: DbOrTx, versionId: number): TreeUnit[] {
  const rows = stmt<Omit<TreeUnit, 'isGrassroots' | 'former'> & { isGrassroots: number; former: number }>(
    db,
    `SELECT u.id, u.code, u.name, u.type, u.is_grassroots AS isGrassroots, p.parent_id AS parentId, p.depth,
            u.valid_from AS validFrom, u.valid_to AS validTo, ${FORMER} AS former
     FROM placements p JOIN units u ON u.id = p.unit_id
     WHERE p.structure_version_id = ?
     ORDER BY p.depth, p.sort_order`,
  ).all(versionId);
  return rows.map((r) => ({ ...r, isGrassroots: r.isGrassroots === 1, former: r.former === 1 }));
}

/** The children of a unit in a version, in their order, and whether each has children of its own. */
export function childUnits(
  db: DbOrTx,
  versionId: number,
  unitId: number,
): (TreeUnit & { hasChildren: boolean })[] {
  const rows = stmt<
    Omit<TreeUnit, 'isGrassroots' | 'former'> & { isGrassroots: number; former: number; hasChildren: number }
  >(
    db,
    `SELECT u.id, u.code, u.name, u.type, u.is_grassroots AS isGrassroots, p.parent_id AS parentId, p.depth,
            u.valid_from AS validFrom, u.valid_to AS validTo, ${FORMER} AS former,
            EXISTS (SELECT 1 FROM placements c WHERE c.structure_version_id = p.structure_version_id
                    AND c.parent_id = p.unit_id) AS hasChildren
     FROM placements p JOIN units u ON u.id = p.unit_id
     WHERE p.structure_version_id = ? AND p.parent_id = ?
     ORDER BY p.sort_order`,
  ).all(versionId, unitId);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    type: r.type,
    isGrassroots: r.isGrassroots === 1,
    parentId: r.parentId,
    depth: r.depth,
    validFrom: r.validFrom,
    validTo: r.validTo,
    former: r.former === 1,
    hasChildren: r.hasChildren === 1,
  }));
}

/** Ancestors of a unit, root first, the unit itself last (for breadcrumbs). */
export function unitPath(db: DbOrTx, versionId: number, unitId: number): { id: number; name: string }[] {
  const placement = placementOf(db, versionId, unitId);
  if (!placement) return [];
  const ids = placement.path.split('/').filter(Boolean).map(Number);
  // Every view shows the breadcrumb: a prepared statement, not a query built per request.
  const rows = stmt<{ id: number; name: string }>(
    db,
    'SELECT id, name FROM units WHERE id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(ids));
  return ids.map((id) => rows.find((r) => r.id === id) as { id: number; name: string });
}

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

/**
 * For each unit of a version: the grassroots units below it (itself included) that exist on a
 * period's last day — the units expected to report it, and the denominator of `units_meeting` —
 * and how many of them have a report counted on the basis. One pass over the version's placements.
 */
export function coverageCounts(
  db: DbOrTx,
  versionId: number,
  period: Pick<PeriodRow, 'id' | 'endDate'>,
  basis: Basis,
): Map<number, { reported: number; expected: number }> {
  const counted = basesCounting(basis);
  const rows = stmt<{ path: string; state: string | null }>(
    db,
    `SELECT p.path, s.state FROM placements p JOIN units u ON u.id = p.unit_id
     LEFT JOIN submissions s ON s.unit_id = p.unit_id AND s.period_id = ?
     WHERE p.structure_version_id = ? AND u.is_grassroots = 1
       AND u.valid_from <= ? AND (u.valid_to IS NULL OR u.valid_to > ?)`,
  ).all(period.id, versionId, period.endDate, period.endDate);
  const counts = new Map<number, { reported: number; expected: number }>();
  for (const { path, state } of rows) {
    const done = state !== null && counted.includes(state) ? 1 : 0;
    for (const id of path.split('/')) {
      if (!id) continue;
      const c = counts.get(Number(id));
      if (c) {
        c.expected += 1;
        c.reported += done;
      } else counts.set(Number(id), { expected: 1, reported: done });
    }
  }
  return counts;
}

/** The submission states a basis counts. */
const basesCounting = (basis: Basis): string[] =>
  basis === 'approved' ? ['approved'] : ['approved', 'submitted'];

/**
 * Derived facts that change only when the data does (term definitions, coverage counts) but cost
 * milliseconds at national scale: kept per database for the current data revision only, which every
 * write bumps — a national coverage map is ~1 MB, so facts of older revisions are dropped at once
 * rather than aged out (a bounded list of them took the server's peak RSS from ~250 to ~370 MB over
 * 200 saves). Callers must not mutate what they get.
 */
const memo = new WeakMap<object, { revision: number; values: Map<string, unknown> }>();
function memoByRevision<T>(db: DbOrTx, key: string, compute: () => T): T {
  const revision = getRevision(db);
  let kept = memo.get(db);
  if (!kept || kept.revision !== revision) {
    kept = { revision, values: new Map() };
    memo.set(db, kept);
  }
  if (kept.values.has(key)) return kept.values.get(key) as T;
  const value = compute();
  if (kept.values.size >= 64) kept.values.delete(kept.values.keys().next().value as string);
  kept.values.set(key, value);
  return value;
}

function cachedCoverageCounts(db: DbOrTx, versionId: number, period: PeriodRow, basis: Basis) {
  return memoByRevision(db, `coverage:${versionId}:${period.id}:${basis}`, () =>
    coverageCounts(db, versionId, period, basis),
  );
}

export interface IndicatorInfo {
  id: number;
  code: string;
  name: string;
  measurementUnit: string;
  measureType: Indicator['measureType'];
  decimals: number;
  frequency: Indicator['frequency'];
  ratioOverTime: Indicator['ratioOverTime'];
}

export interface TargetDefinition {
  id: number;
  code: string;
  wording: string;
  shortName: string;
  counted: boolean;
  direction: Direction;
  baseline: number;
  goal: number | null;
  midTermMilestone: number | null;
  indicator: IndicatorInfo;
  related: IndicatorInfo[];
  yearlyPlan: { year: number; amount: number }[];
  /** The named view this target feeds (overview chart, mission page), or null. */
  mission: Mission | null;
}

export function termTargets(db: DbOrTx, termId: number): TargetDefinition[] {
  return memoByRevision(db, `targets:${termId}`, () => loadTermTargets(db, termId));
}

function loadTermTargets(db: DbOrTx, termId: number): TargetDefinition[] {
  const targets = db
    .select()
    .from(s.targets)
    .where(eq(s.targets.termId, termId))
    .orderBy(asc(s.targets.sortOrder))
    .all();
  const indicatorsById = new Map(
    db
      .select()
      .from(s.indicators)
      .all()
      .map((i) => [i.id, i]),
  );
  const related = db
    .select()
    .from(s.targetRelatedIndicators)
    .orderBy(asc(s.targetRelatedIndicators.sortOrder))
    .all();
  const plans = db.select().from(s.targetYearlyPlans).orderBy(asc(s.targetYearlyPlans.year)).all();
  const info = (id: number): IndicatorInfo => {
    const { code, name, measurementUnit, measureType, decimals, frequency, ratioOverTime } =
      indicatorsById.get(id) as Indicator;
    return { id, code, name, measurementUnit, measureType, decimals, frequency, ratioOverTime };
  };
  return targets.map((t) => ({
    id: t.id,
    code: t.code,
    wording: t.wording,
    shortName: t.shortName,
    counted: t.counted,
    direction: t.direction,
    baseline: t.baseline,
    goal: t.goal,
    midTermMilestone: t.midTermMilestone,
    indicator: info(t.primaryIndicatorId),
    related: related.filter((r) => r.targetId === t.id).map((r) => info(r.indicatorId)),
    yearlyPlan: plans.filter((p) => p.targetId === t.id).map(({ year, amount }) => ({ year, amount })),
    mission: t.mission,
  }));
}

export interface TargetProgress {
  figure: Figure;
  status: TargetStatus | null;
  progress: number | null;
  expectedShare: number;
  pctOfGoal: number | null;
}

export interface TargetSummary extends TargetDefinition, TargetProgress {
  /** The goal this unit is judged against (see goalFor); `termGoal` is the resolution's own. */
  termGoal: number | null;
  goalKind: 'term' | 'allocation' | 'none';
  relatedFigures: { indicator: IndicatorInfo; figure: Figure }[];
}

export interface DashboardSummary {
  scope: ScopeView;
  headline: { done: number; counted: number; noCases: number };
  /** For the whole view: the newest period with data, and who has reported the newest period due. */
  dating: Dating;
  targets: TargetSummary[];
}

export interface ScopeView {
  term: Term;
  unit: { id: number; code: string; name: string; type: string };
  path: { id: number; name: string }[];
  asOf: string;
  basis: Basis;
  structureVersionId: number;
  illustrative: boolean;
}

export function scopeView(db: DbOrTx, scope: Scope): ScopeView {
  const { id, code, name, type } = scope.unit;
  return {
    term: scope.term,
    unit: { id, code, name, type },
    path: unitPath(db, scope.structureVersionId, id),
    asOf: scope.asOf,
    basis: scope.basis,
    structureVersionId: scope.structureVersionId,
    illustrative: scope.term.illustrative,
  };
}

/** A target's figure and status for one unit's subtree, against the goal given (default: the term goal). */
export function targetProgress(
  reader: FigureReader,
  scope: Scope,
  target: TargetDefinition,
  unitId: number,
  goal = target.goal,
): TargetProgress {
  const figure = reader.figure(unitId, target.indicator);
  const judged = targetStatus({
    measureType: target.indicator.measureType,
    direction: target.direction,
    baseline: target.baseline,
    goal,
    value: figure.value,
    asOf: scope.asOf,
    term: scope.term,
    yearlyPlan: target.yearlyPlan,
  });
  return { figure, ...judged };
}

const relatedFiguresOf = (reader: FigureReader, target: TargetDefinition, unitId: number) =>
  target.related.map((indicator) => ({ indicator, figure: reader.figure(unitId, indicator) }));

/**
 * What a unit is judged against: the term goal at the unit that adopted the resolution; below it,
 * the same goal for a share (ratio, units meeting) and the allocated goal for a flow or a count.
 */
export function goalFor(
  target: TargetDefinition,
  unitId: number,
  scope: Scope,
  allocations: Map<string, number>,
) {
  if (
    unitId === scope.term.ownerUnitId ||
    unitId === scope.ownerStandIn ||
    isShareMeasure(target.indicator.measureType)
  ) {
    return { goal: target.goal, goalKind: target.goal === null ? 'none' : 'term' } as const;
  }
  const allocated = allocations.get(`${target.id}:${unitId}`);
  return allocated === undefined
    ? ({ goal: null, goalKind: 'none' } as const)
    : ({ goal: allocated, goalKind: 'allocation' } as const);
}

export function allocationsOf(db: DbOrTx, termId: number): Map<string, number> {
  const rows = stmt<{ targetId: number; unitId: number; goal: number }>(
    db,
    `SELECT a.target_id AS targetId, a.unit_id AS unitId, a.goal FROM target_allocations a
     JOIN targets t ON t.id = a.target_id WHERE t.term_id = ?`,
  ).all(termId);
  return new Map(rows.map((r) => [`${r.targetId}:${r.unitId}`, r.goal]));
}

export function dashboardSummary(db: DbOrTx, scope: Scope): DashboardSummary {
  const reader = new FigureReader(db, scope).load([scope.unit.id]);
  const allocations = allocationsOf(db, scope.term.id);
  const targets = termTargets(db, scope.term.id).map((t): TargetSummary => {
    const { goal, goalKind } = goalFor(t, scope.unit.id, scope, allocations);
    const { figure, status, progress, expectedShare, pctOfGoal } = targetProgress(
      reader,
      scope,
      t,
      scope.unit.id,
      goal,
    );
    // Listed, not spread: spreading the definition and then replacing its goal took V8's slow path
    // (a third of the overview's time at national scale).
    return {
      id: t.id,
      code: t.code,
      wording: t.wording,
      shortName: t.shortName,
      counted: t.counted,
      direction: t.direction,
      baseline: t.baseline,
      midTermMilestone: t.midTermMilestone,
      indicator: t.indicator,
      related: t.related,
      yearlyPlan: t.yearlyPlan,
      mission: t.mission,
      termGoal: t.goal,
      goal,
      goalKind,
      figure,
      status,
      progress,
      expectedShare,
      pctOfGoal,
      relatedFigures: relatedFiguresOf(reader, t, scope.unit.id),
    };
  });
  // A unit is counted on the targets it has a goal for.
  const judged = targets
    .filter((t) => t.goal !== null)
    .map((t) => ({ counted: t.counted, status: t.status, noCases: isNoCases(t.figure) }));
  return {
    scope: scopeView(db, scope),
    headline: headline(judged),
    dating: reader.dating(targets.map((t) => t.figure)),
    targets,
  };
}

const indicatorIdsOf = (target: TargetDefinition) => [
  target.indicator.id,
  ...target.related.map((i) => i.id),
];

function findTarget(db: DbOrTx, scope: Scope, targetId: number): TargetDefinition {
  const target = termTargets(db, scope.term.id).find((t) => t.id === targetId);
  if (!target) throw notFound(`Không tìm thấy chỉ tiêu ${targetId} trong nhiệm kỳ này.`);
  return target;
}

export interface BreakdownRow extends TreeUnit {
  figure: Figure;
  /** The goal allocated to this unit, if the target is allocated. */
  allocation: number | null;
  status: TargetStatus | null;
  pctOfGoal: number | null;
  relatedFigures: { indicator: IndicatorInfo; figure: Figure }[];
  hasChildren: boolean;
}

/** A target's figure for each child of the scope's unit. */
export function targetBreakdown(db: DbOrTx, scope: Scope, targetId: number) {
  const target = findTarget(db, scope, targetId);
  const allocations = allocationsOf(db, scope.term.id);
  const children = childUnits(db, scope.structureVersionId, scope.unit.id);
  const reader = new FigureReader(db, scope, indicatorIdsOf(target)).load(children.map((c) => c.id));
  const rows = children.map((child): BreakdownRow => {
    const allocation = allocations.get(`${target.id}:${child.id}`) ?? null;
    const { goal } = goalFor(target, child.id, scope, allocations);
    const progress = targetProgress(reader, scope, target, child.id, goal);
    return {
      id: child.id,
      code: child.code,
      name: child.name,
      type: child.type,
      isGrassroots: child.isGrassroots,
      parentId: child.parentId,
      depth: child.depth,
      validFrom: child.validFrom,
      validTo: child.validTo,
      former: child.former,
      hasChildren: child.hasChildren,
      figure: progress.figure,
      allocation,
      status: progress.status,
      pctOfGoal: progress.pctOfGoal,
      relatedFigures: relatedFiguresOf(reader, target, child.id),
    };
  });
  const own = ownRow(reader, scope.unit, target, children);
  return { scope: scopeView(db, scope), target, rows, own };
}

export interface OwnRow {
  /** 'Cấp tỉnh trực tiếp': the unit's own activity, beside its children's rows. */
  name: string;
  figure: Figure;
  relatedFigures: { indicator: IndicatorInfo; figure: Figure }[];
}

/**
 * The scope's own results as a row of its breakdown, so that the rows add up to the figure shown;
 * null when the unit has no children, or nothing of its own (no result and, for units meeting, not
 * itself counted).
 */
export function ownRow(
  reader: FigureReader,
  unit: { id: number; type: string },
  target: TargetDefinition,
  children: { id: number }[],
): OwnRow | null {
  // A unit without children is its own figure: no breakdown, so no row.
  if (children.length === 0) return null;
  const childIds = children.map((c) => c.id);
  const figure = reader.ownFigure(unit.id, childIds, target.indicator);
  const relatedFigures = target.related.map((indicator) => ({
    indicator,
    figure: reader.ownFigure(unit.id, childIds, indicator),
  }));
  const counted = target.indicator.measureType === 'units_meeting' && figure.expected > 0;
  if (!figure.hasData && !counted && !relatedFigures.some((r) => r.figure.hasData)) return null;
  return { name: ownLevelName(unit.type), figure, relatedFigures };
}

export interface SeriesPoint {
  periodId: number;
  startDate: string;
  endDate: string;
  /** What arose in the period (stock and state measures: the level at its end). */
  period: Figure;
  /** The figure over the term up to the end of this period. */
  toDate: Figure;
}

/** A target's per-period figures over the term up to the as-of date, for its primary and related indicators. */
export function targetSeries(db: DbOrTx, scope: Scope, targetId: number) {
  const target = findTarget(db, scope, targetId);
  const reader = new FigureReader(db, scope, indicatorIdsOf(target)).load([scope.unit.id]);
  const seriesOf = (indicator: IndicatorInfo): SeriesPoint[] => {
    const periods = reader.periods(indicator.frequency);
    return periods.map((p, i) => ({
      periodId: p.id,
      startDate: p.startDate,
      endDate: p.endDate,
      period: reader.figureOver(scope.unit.id, indicator, new Set([p.id])),
      toDate: reader.figureOver(scope.unit.id, indicator, new Set(periods.slice(0, i + 1).map((q) => q.id))),
    }));
  };
  return {
    scope: scopeView(db, scope),
    target,
    points: seriesOf(target.indicator),
    related: target.related.map((info) => ({ indicator: info, points: seriesOf(info) })),
  };
}
