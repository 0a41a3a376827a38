/**
 * Lagging units: the children of the scope's unit ranked by @chitieu/core's rankUnits, each judged on
 * the counted targets it has a goal for (its allocation for counts, the same goal for shares —
 * figures/progress.ts goalFor), from the roll-up table like every leader's read.
 */
import { isNoCases, type JudgedTarget, type RankedUnit, rankUnits, type TargetStatus } from '@chitieu/core';
import type { DbOrTx } from './client.ts';
import { FigureReader } from './figures/figure-reader.ts';
import { allocationsOf, goalFor, targetProgress } from './figures/progress.ts';
import { type Scope, type ScopeView, scopeView } from './figures/scope.ts';
import { type TargetDefinition, termTargets } from './figures/targets.ts';
import { childUnits } from './figures/unit-tree.ts';

export interface LaggingTargetCell {
  targetId: number;
  goal: number | null;
  goalKind: 'term' | 'allocation' | 'none';
  value: number | null;
  status: TargetStatus | null;
  progress: number | null;
  pctOfGoal: number | null;
}

export interface LaggingRow extends RankedUnit {
  code: string;
  hasChildren: boolean;
  cells: LaggingTargetCell[];
}

export interface LaggingView {
  scope: ScopeView;
  /** The counted targets, in their order; rows' cells follow the same order. */
  targets: Pick<TargetDefinition, 'id' | 'code' | 'shortName' | 'indicator'>[];
  expectedShare: number;
  rows: LaggingRow[];
}

export function laggingUnits(db: DbOrTx, scope: Scope): LaggingView {
  const targets = termTargets(db, scope.term.id).filter((t) => t.counted);
  const allocations = allocationsOf(db, scope.term.id);
  const children = childUnits(db, scope.structureVersionId, scope.unit.id);
  const reader = new FigureReader(db, scope).load(children.map((c) => c.id));
  let expectedShare = 0;
  const cellsByUnit = new Map<number, LaggingTargetCell[]>();
  const ranked = rankUnits(
    children.map((child) => {
      const judged: JudgedTarget[] = [];
      const cells: LaggingTargetCell[] = [];
      for (const target of targets) {
        const { goal, goalKind } = goalFor(target, child.id, scope, allocations);
        const p = targetProgress(reader, scope, target, child.id, goal);
        expectedShare = p.expectedShare;
        judged.push({
          targetId: target.id,
          status: p.status,
          progress: p.progress,
          expectedShare: p.expectedShare,
          // A share of grassroots units means nothing where there are none (directly attached units).
          // "Không phát sinh" (0/0) is a report with nothing to judge: neither owed nor scored.
          hasGoal:
            goal !== null &&
            !(target.indicator.measureType === 'units_meeting' && p.figure.expected === 0) &&
            !isNoCases(p.figure),
          reported: p.figure.hasData,
        });
        cells.push({
          targetId: target.id,
          goal,
          goalKind,
          value: p.figure.value,
          status: p.status,
          progress: p.progress,
          pctOfGoal: p.pctOfGoal,
        });
      }
      cellsByUnit.set(child.id, cells);
      return { unitId: child.id, name: child.name, targets: judged };
    }),
  );
  const byId = new Map(children.map((c) => [c.id, c]));
  return {
    scope: scopeView(db, scope),
    targets: targets.map(({ id, code, shortName, indicator }) => ({ id, code, shortName, indicator })),
    expectedShare,
    rows: ranked.map((r) => {
      const child = byId.get(r.unitId);
      return {
        ...r,
        code: child?.code ?? '',
        hasChildren: child?.hasChildren ?? false,
        cells: cellsByUnit.get(r.unitId) ?? [],
      };
    }),
  };
}
