/** What the views of one target share: finding it in the scope's term, and its related figures. */
import { notFound } from '@chitieu/core';
import type { DbOrTx } from '../../client.ts';
import type { FigureReader } from '../figure-reader.ts';
import type { Scope } from '../scope.ts';
import { type TargetDefinition, termTargets } from '../targets.ts';

export const relatedFiguresOf = (reader: FigureReader, target: TargetDefinition, unitId: number) =>
  target.related.map((indicator) => ({ indicator, figure: reader.figure(unitId, indicator) }));

export const indicatorIdsOf = (target: TargetDefinition) => [
  target.indicator.id,
  ...target.related.map((i) => i.id),
];

export function findTarget(db: DbOrTx, scope: Scope, targetId: number): TargetDefinition {
  const target = termTargets(db, scope.term.id).find((t) => t.id === targetId);
  if (!target) throw notFound(`Không tìm thấy chỉ tiêu ${targetId} trong nhiệm kỳ này.`);
  return target;
}
