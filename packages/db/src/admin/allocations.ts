/** Allocating a target to a parent's child units (docs/decisions/0011). */
import { type AllocationCheck, checkAllocations, invalid, type MeasureType, notFound } from '@chitieu/core';
import { and, eq } from 'drizzle-orm';
import { type Actor, authorize } from '../access.ts';
import type { DbOrTx } from '../client.ts';
import { getTerm } from '../lookups.ts';
import { bumpRevision } from '../revision.ts';
import * as s from '../schema.ts';
import { inTransaction } from '../statements.ts';
import {
  allocationRows,
  audit,
  checkVersion,
  childUnitsOf,
  indicatorRow,
  parseField,
  targetRow,
} from './shared.ts';
import { versionOf } from './version.ts';

export interface AllocationEditor {
  target: { id: number; code: string; shortName: string; goal: number | null; termId: number };
  indicator: { id: number; measureType: MeasureType; decimals: number; measurementUnit: string };
  parent: { id: number; name: string };
  /** The goal the children's allocations must add up to: the term goal at the owner, else the parent's own allocation. */
  parentGoal: number | null;
  children: { unitId: number; code: string; name: string; goal: number | null }[];
  check: AllocationCheck;
  version: string;
}

export function allocationEditor(
  db: DbOrTx,
  actor: Actor,
  targetId: number,
  parentUnitId?: number,
): AllocationEditor {
  const target = targetRow(db, targetId);
  const term = getTerm(db, target.termId);
  const parentId = parentUnitId ?? term.ownerUnitId;
  authorize(db, actor, 'manage_targets', parentId);
  const parent = db
    .select({ id: s.units.id, name: s.units.name })
    .from(s.units)
    .where(eq(s.units.id, parentId))
    .get();
  if (!parent) throw notFound(`Không tìm thấy đơn vị ${parentId}.`);
  const indicator = indicatorRow(db, target.primaryIndicatorId);
  const parentGoal =
    parentId === term.ownerUnitId ? target.goal : (allocationRows(db, targetId, [parentId])[0]?.goal ?? null);
  const children = childUnitsOf(db, parentId);
  const rows = allocationRows(
    db,
    targetId,
    children.map((c) => c.id),
  );
  const byUnit = new Map(rows.map((r) => [r.unitId, r.goal]));
  return {
    target: {
      id: target.id,
      code: target.code,
      shortName: target.shortName,
      goal: target.goal,
      termId: term.id,
    },
    indicator: {
      id: indicator.id,
      measureType: indicator.measureType,
      decimals: indicator.decimals,
      measurementUnit: indicator.measurementUnit,
    },
    parent,
    parentGoal,
    children: children.map((c) => ({
      unitId: c.id,
      code: c.code,
      name: c.name,
      goal: byUnit.get(c.id) ?? null,
    })),
    check: checkAllocations(
      indicator,
      parentGoal,
      rows.map((r) => r.goal),
    ),
    version: versionOf({ parentGoal, rows }),
  };
}

export interface AllocationsInput {
  parentUnitId?: number | undefined;
  expectedVersion: string;
  /** Goals as typed; empty text removes the unit's allocation. Units not listed keep theirs. */
  allocations: { unitId: number; goal: string }[];
}

/**
 * Save a parent's allocations to its children. Allocations that do not add up are saved as typed
 * and answered with the warning (never adjusted to fit): the difference may be deliberate.
 */
export function saveAllocations(
  db: DbOrTx,
  actor: Actor,
  targetId: number,
  input: AllocationsInput,
): { editor: AllocationEditor; warnings: string[] } {
  return inTransaction(db, (tx) => {
    const before = allocationEditor(tx, actor, targetId, input.parentUnitId);
    checkVersion(input.expectedVersion, before.version, 'Phân bổ chỉ tiêu này', { current: before });
    const children = new Map(before.children.map((c) => [c.unitId, c]));
    const seen = new Set<number>();
    for (const { unitId, goal } of input.allocations) {
      const child = children.get(unitId);
      if (!child)
        throw invalid(`Đơn vị ${unitId} không trực thuộc ${before.parent.name}.`, { field: 'allocations' });
      if (seen.has(unitId)) throw invalid(`${child.name} được nhập hai lần.`, { field: 'allocations' });
      seen.add(unitId);
      const value = parseField(before.indicator, 'allocations', child.name, goal);
      if (value === null) {
        tx.delete(s.targetAllocations)
          .where(and(eq(s.targetAllocations.targetId, targetId), eq(s.targetAllocations.unitId, unitId)))
          .run();
      } else {
        tx.insert(s.targetAllocations)
          .values({ targetId, unitId, goal: value })
          .onConflictDoUpdate({
            target: [s.targetAllocations.targetId, s.targetAllocations.unitId],
            set: { goal: value },
          })
          .run();
      }
    }
    const after = allocationEditor(tx, actor, targetId, input.parentUnitId);
    audit(tx, actor, {
      entity: 'allocation',
      entityId: `${targetId}:${after.parent.id}`,
      unitId: after.parent.id,
      action: 'update',
      before: before.children,
      after: after.children,
    });
    bumpRevision(tx);
    return { editor: after, warnings: after.check.message ? [after.check.message] : [] };
  });
}
