/**
 * Phase 4 of planning a reorganisation (docs/decisions/0031): allocations of the units the map
 * closes are summed to their designated successor. A level that ended (districts) has no successor
 * at its level: its allocations stay with it, in the old structure. Pure.
 */
import type { Placements } from './reorganise-placements.ts';
import type { Label, ReorganisationPlan, UnitAllocation, UnitInfo } from './reorganise-types.ts';
import { found } from './rows.ts';

export interface Rebased {
  /** What the plan shows: per target and successor, the goals summed. */
  allocations: ReorganisationPlan['allocations'];
  /** What apply adds to the successor's allocation. */
  allocationSums: { targetId: number; toKey: string; goal: number }[];
}

export function rebaseAllocations(
  allocations: UnitAllocation[],
  byId: Map<number, UnitInfo>,
  { closingIds, attribution }: Pick<Placements, 'closingIds' | 'attribution'>,
  label: Label,
): Rebased {
  const sums = new Map<string, ReorganisationPlan['allocations'][number] & { toKey: string }>();
  for (const a of allocations) {
    if (!closingIds.has(a.unitId)) continue;
    const toKey = found(attribution.get(a.unitId), `the successor of unit ${a.unitId}`);
    const from = found(byId.get(a.unitId), `unit ${a.unitId}`);
    const key = `${a.targetId}|${toKey}`;
    const entry = sums.get(key) ?? {
      targetId: a.targetId,
      targetCode: a.code,
      targetName: a.shortName,
      from: [],
      toCode: label(toKey).code,
      toName: label(toKey).name,
      goal: 0,
      toKey,
    };
    entry.from.push({ code: from.code, name: from.name, goal: a.goal });
    entry.goal += a.goal;
    sums.set(key, entry);
  }
  return {
    allocations: [...sums.values()].map(({ toKey: _, ...a }) => a),
    allocationSums: [...sums.values()].map((a) => ({ targetId: a.targetId, toKey: a.toKey, goal: a.goal })),
  };
}
