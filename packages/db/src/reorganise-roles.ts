/**
 * Phase 5 of planning a reorganisation (docs/decisions/0031): role scopes move with the results,
 * except from an ended level other than the root: moving a district's approver to the new province
 * would widen their scope, so those wait for an admin. Pure.
 */
import type { Placements } from './reorganise-placements.ts';
import type { Label, ReorganisationPlan, RoleAssignment, UnitInfo } from './reorganise-types.ts';
import { found } from './rows.ts';

export interface RoleMoves {
  /** What the plan shows: every role on a closed unit, and where it goes (null: nowhere yet). */
  roles: ReorganisationPlan['roles'];
  /** What apply moves: assignment → key of its new unit. */
  roleMoves: { assignmentId: number; toKey: string }[];
}

export function moveRoles(
  assignments: RoleAssignment[],
  byId: Map<number, UnitInfo>,
  {
    closedIds,
    closingIds,
    replacedBy,
    attribution,
  }: Pick<Placements, 'closedIds' | 'closingIds' | 'replacedBy' | 'attribution'>,
  label: Label,
): RoleMoves {
  const closed = new Set(closedIds);
  const roleMoves: RoleMoves['roleMoves'] = [];
  const roles = assignments
    .filter((r) => closed.has(r.unitId))
    .map((r) => {
      const from = found(byId.get(r.unitId), `unit ${r.unitId}`);
      const movable = closingIds.has(r.unitId) || replacedBy.has(r.unitId) || from.parentId === null;
      const toKey = movable ? found(attribution.get(r.unitId), `the successor of unit ${r.unitId}`) : null;
      if (toKey) roleMoves.push({ assignmentId: r.id, toKey });
      const to = toKey ? label(toKey) : null;
      return {
        userId: r.userId,
        username: r.username,
        role: r.role,
        fromCode: from.code,
        fromName: from.name,
        toCode: to?.code ?? null,
        toName: to?.name ?? null,
      };
    });
  return { roles, roleMoves };
}
