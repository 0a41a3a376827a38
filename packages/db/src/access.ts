/**
 * Authorisation in the domain layer: a role allows an action (ROLE_ACTIONS in @chitieu/core) on
 * the units of its subtree. A unit is in a subtree if it sits under the role's unit in any
 * structure version, so a commune reorganised mid-term stays in the scope it was reported under.
 */
import { type Action, forbidden, type Role, roleAllows } from '@chitieu/core';
import type { DbOrTx } from './client.ts';
import { stmt } from './statements.ts';

export interface Actor {
  id: number;
  readonly roles: readonly { role: Role; unitId: number }[];
}

/** Whether `unitId` is `ancestorId` or below it, in any structure version. */
export function isWithin(db: DbOrTx, unitId: number, ancestorId: number): boolean {
  if (unitId === ancestorId) return true;
  const row = stmt(
    db,
    `SELECT 1 FROM placements u JOIN placements a
       ON a.structure_version_id = u.structure_version_id AND a.unit_id = ?
     WHERE u.unit_id = ? AND u.path > a.path AND u.path < a.path || '~'
     LIMIT 1`,
  ).get(ancestorId, unitId);
  return row !== undefined;
}

export function can(db: DbOrTx, actor: Actor, action: Action, unitId: number): boolean {
  return actor.roles.some((r) => roleAllows(r.role, action) && isWithin(db, unitId, r.unitId));
}

const REFUSALS: Record<Action, string> = {
  read: 'Bạn không có quyền xem số liệu của đơn vị này.',
  enter: 'Bạn không có quyền nhập số liệu cho đơn vị này.',
  submit: 'Bạn không có quyền gửi báo cáo của đơn vị này.',
  approve: 'Bạn không có quyền duyệt báo cáo của đơn vị này.',
  edit_approved: 'Số liệu đã duyệt chỉ người có quyền duyệt mới được sửa, kèm lý do.',
  manage_targets: 'Bạn không có quyền quản lý chỉ tiêu.',
  administer: 'Bạn không có quyền quản trị.',
};

/** Throw 403 unless the actor may do `action` on `unitId`. */
export function authorize(db: DbOrTx, actor: Actor, action: Action, unitId: number): void {
  if (!can(db, actor, action, unitId)) throw forbidden(REFUSALS[action]);
}

/** Whether the actor is an admin of a root unit (of the organisation as a whole). */
export function isRootAdmin(db: DbOrTx, actor: Actor): boolean {
  return actor.roles.some(
    (r) =>
      r.role === 'admin' &&
      stmt(db, 'SELECT 1 FROM placements WHERE unit_id = ? AND parent_id IS NULL LIMIT 1').get(r.unitId) !==
        undefined,
  );
}

/** The units the actor reads from, highest first: where their views open by default. */
export function homeUnits(actor: Actor): number[] {
  return actor.roles.filter((r) => roleAllows(r.role, 'read')).map((r) => r.unitId);
}
