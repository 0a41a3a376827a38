/**
 * The mission's named views (issue #4 item 3): poverty reduction, new rural areas, grassroots
 * activity. Each is the target a manager chose for it (targets.mission; copied with the term), never
 * a code written here. Every figure comes from the roll-up table through FigureReader, judged like
 * the dashboard.
 */
import { type Figure, MISSION_NAMES, type Mission, notFound, type TargetStatus } from '@chitieu/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';
import { FigureReader } from './figures/figure-reader.ts';
import { allocationsOf, goalFor, targetProgress } from './figures/progress.ts';
import { type Scope, type ScopeView, scopeView } from './figures/scope.ts';
import { type IndicatorInfo, type TargetDefinition, termTargets } from './figures/targets.ts';
import { childUnits } from './figures/unit-tree.ts';
import { placementOf } from './lookups.ts';

export { MISSIONS, type Mission } from '@chitieu/core';

/** The term's target chosen for a mission (targets.mission), or a 404 naming the mission. */
export function missionTarget(db: DbOrTx, termId: number, mission: Mission): TargetDefinition {
  const target = termTargets(db, termId).find((t) => t.mission === mission);
  if (!target) {
    throw notFound(
      `Nhiệm kỳ này chưa chọn chỉ tiêu nào cho mục ${MISSION_NAMES[mission]} (Nhiệm kỳ, chỉ tiêu → sửa chỉ tiêu).`,
    );
  }
  return target;
}

/** The related indicator shown beside a mission's figure: the first money one (the works' value). */
export const secondIndicatorOf = (target: TargetDefinition): IndicatorInfo | null =>
  target.related.find((i) => i.measureType === 'amount') ?? null;

export interface MissionCell {
  value: number | null;
  /** The related indicator's figure (value of works), when the mission has one. */
  second: number | null;
}

export interface MissionYear extends MissionCell {
  year: number;
  /** Months covered when the as-of date cuts the year short, else null. */
  partialMonths: number | null;
  /** The yearly plan (only for the unit that adopted the resolution). */
  plan: number | null;
}

export interface MissionUnitRow extends MissionCell {
  id: number;
  code: string;
  name: string;
  hasChildren: boolean;
  figure: Figure;
  goal: number | null;
  goalKind: 'term' | 'allocation' | 'none';
  status: TargetStatus | null;
  pctOfGoal: number | null;
  /** Per year, in the order of `years`. */
  byYear: MissionCell[];
}

export interface GrassrootsUnit {
  id: number;
  code: string;
  name: string;
  parentName: string | null;
  /** `no`: reported not meeting the rule; `unreported`: no report in the term so far. */
  reason: 'no' | 'unreported';
}

export interface MissionView {
  scope: ScopeView;
  mission: Mission;
  target: TargetDefinition;
  secondIndicator: IndicatorInfo | null;
  total: Omit<MissionUnitRow, 'id' | 'code' | 'name' | 'hasChildren'>;
  years: MissionYear[];
  units: MissionUnitRow[];
  /** Grassroots mission only: the grassroots units in scope that do not (yet) meet the rule. */
  notMeeting: GrassrootsUnit[];
}

export function missionView(db: DbOrTx, scope: Scope, mission: Mission): MissionView {
  const target = missionTarget(db, scope.term.id, mission);
  const second = mission === 'rural' ? secondIndicatorOf(target) : null;
  const allocations = allocationsOf(db, scope.term.id);
  const children = childUnits(db, scope.structureVersionId, scope.unit.id);
  const reader = new FigureReader(db, scope, [target.indicator.id, ...(second ? [second.id] : [])]).load([
    scope.unit.id,
    ...children.map((c) => c.id),
  ]);

  // Calendar years of the indicator's periods up to the as-of date.
  const yearPeriods = new Map<number, { ids: Set<number>; lastEnd: string }>();
  for (const p of reader.periods(target.indicator.frequency)) {
    const year = Number(p.startDate.slice(0, 4));
    const entry = yearPeriods.get(year) ?? { ids: new Set<number>(), lastEnd: p.endDate };
    entry.ids.add(p.id);
    if (p.endDate > entry.lastEnd) entry.lastEnd = p.endDate;
    yearPeriods.set(year, entry);
  }
  const years = [...yearPeriods.entries()].sort(([a], [b]) => a - b);
  const figureOf = (unitId: number, indicator: IndicatorInfo, periods?: Set<number>) =>
    periods ? reader.figureOver(unitId, indicator, periods) : reader.figure(unitId, indicator);
  const cell = (unitId: number, periods?: Set<number>): MissionCell => ({
    value: figureOf(unitId, target.indicator, periods).value,
    second: second ? figureOf(unitId, second, periods).value : null,
  });
  const row = (unitId: number) => {
    const { goal, goalKind } = goalFor(target, unitId, scope, allocations);
    const progress = targetProgress(reader, scope, target, unitId, goal);
    return {
      ...cell(unitId),
      figure: progress.figure,
      goal,
      goalKind,
      status: progress.status,
      pctOfGoal: progress.pctOfGoal,
      byYear: years.map(([, { ids }]) => cell(unitId, ids)),
    };
  };
  const isOwner = scope.unit.id === scope.term.ownerUnitId;
  const plan = new Map(target.yearlyPlan.map((p) => [p.year, p.amount]));
  return {
    scope: scopeView(db, scope),
    mission,
    target,
    secondIndicator: second,
    total: row(scope.unit.id),
    years: years.map(([year, { ids, lastEnd }]) => ({
      year,
      partialMonths: lastEnd >= `${year}-12-31` ? null : Number(lastEnd.slice(5, 7)),
      plan: isOwner ? (plan.get(year) ?? null) : null,
      ...cell(scope.unit.id, ids),
    })),
    units: children.map((c) => ({
      id: c.id,
      code: c.code,
      name: c.name,
      hasChildren: c.hasChildren,
      ...row(c.id),
    })),
    notMeeting: mission === 'grassroots' ? notMeetingUnits(db, scope, target.indicator) : [],
  };
}

/**
 * Grassroots units in the scope's subtree (existing at the end of the period the figure stands at:
 * the same units it counts) whose own latest report says they do not meet the rule, or that have
 * not reported. Each unit's own roll-up row holds its answer, so this reads the roll-up table too,
 * one query for all of them.
 */
function notMeetingUnits(db: DbOrTx, scope: Scope, indicator: IndicatorInfo): GrassrootsUnit[] {
  const placement = placementOf(db, scope.structureVersionId, scope.unit.id);
  const standsAt = new FigureReader(db, scope, [indicator.id]).standsAt(indicator.frequency);
  if (!placement || !standsAt) return [];
  const on = standsAt.endDate;
  const units = db.all<{ id: number; code: string; name: string; parentName: string | null }>(sql`
    SELECT u.id, u.code, u.name, pu.name AS parentName
    FROM placements p JOIN units u ON u.id = p.unit_id LEFT JOIN units pu ON pu.id = p.parent_id
    WHERE p.structure_version_id = ${scope.structureVersionId}
      AND p.path >= ${placement.path} AND p.path < ${`${placement.path}~`}
      AND u.is_grassroots = 1
      AND u.valid_from <= ${on} AND (u.valid_to IS NULL OR u.valid_to > ${on})
    ORDER BY p.path`);
  const reader = new FigureReader(db, scope, [indicator.id]).load(units.map((u) => u.id));
  const out: GrassrootsUnit[] = [];
  for (const unit of units) {
    const figure = reader.figure(unit.id, indicator);
    if (!figure.hasData) out.push({ ...unit, reason: 'unreported' });
    else if (figure.meeting < 1) out.push({ ...unit, reason: 'no' });
  }
  return out;
}
