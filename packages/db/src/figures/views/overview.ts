/** The overview: every target of the term at the scope's unit, judged, with the headline count. */
import { type Figure, headline, isNoCases } from '@chitieu/core';
import type { DbOrTx } from '../../client.ts';
import { type Dating, FigureReader } from '../figure-reader.ts';
import { allocationsOf, goalFor, type TargetProgress, targetProgress } from '../progress.ts';
import { type Scope, type ScopeView, scopeView } from '../scope.ts';
import { type IndicatorInfo, type TargetDefinition, termTargets } from '../targets.ts';
import { relatedFiguresOf } from './shared.ts';

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
