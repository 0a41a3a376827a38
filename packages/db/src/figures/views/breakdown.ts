/** A target's breakdown: its figure for each child of the scope's unit, and the unit's own row. */
import { type Figure, ownLevelName, type TargetStatus } from '@chitieu/core';
import type { DbOrTx } from '../../client.ts';
import { FigureReader } from '../figure-reader.ts';
import { allocationsOf, goalFor, targetProgress } from '../progress.ts';
import { type Scope, scopeView } from '../scope.ts';
import type { IndicatorInfo, TargetDefinition } from '../targets.ts';
import { childUnits, type TreeUnit } from '../unit-tree.ts';
import { findTarget, indicatorIdsOf, relatedFiguresOf } from './shared.ts';

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
