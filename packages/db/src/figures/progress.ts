/**
 * Judging a target at a unit: the goal the unit is held to (the term goal or its allocation) and
 * its figure's status and progress against it.
 */
import { type Figure, isShareMeasure, type TargetStatus, targetStatus } from '@chitieu/core';
import type { DbOrTx } from '../client.ts';
import { stmt } from '../statements.ts';
import type { FigureReader } from './figure-reader.ts';
import type { Scope } from './scope.ts';
import type { TargetDefinition } from './targets.ts';

export interface TargetProgress {
  figure: Figure;
  status: TargetStatus | null;
  progress: number | null;
  expectedShare: number;
  pctOfGoal: number | null;
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
