/**
 * Separation of duties (on unless a root admin turns it off): whoever entered figures of a unit's
 * report for a period, or submitted it, cannot approve it — an admin included. Checked in the
 * approval's transaction and shown in the entry grid (docs/decisions/0016-safe-on-a-network.md).
 */
import { forbidden } from '@chitieu/core';
import { type Actor, isRootAdmin } from './access.ts';
import type { Db, DbOrTx } from './client.ts';
import { bumpRevision, getMeta, setMeta } from './revision.ts';
import { auditEvents } from './schema.ts';
import { inTransaction, stmt } from './statements.ts';

const SETTING = 'separation_of_duties';

export interface Settings {
  separationOfDuties: boolean;
}

export function readSettings(db: DbOrTx): Settings {
  return { separationOfDuties: getMeta(db, SETTING) !== 'false' };
}

/** The organisation's settings, for its admins. */
export function settingsFor(db: DbOrTx, actor: Actor): Settings {
  if (!actor.roles.some((r) => r.role === 'admin')) throw forbidden('Bạn không có quyền quản trị.');
  return readSettings(db);
}

/** Change the settings: admins of the root unit only; audited. */
export function updateSettings(db: Db, actor: Actor, input: Partial<Settings>): Settings {
  if (!isRootAdmin(db, actor)) {
    throw forbidden('Chỉ quản trị viên của đơn vị gốc mới được đổi thiết lập của tổ chức.');
  }
  return inTransaction(db, (tx) => {
    const before = readSettings(tx);
    const after = { ...before, ...input };
    setMeta(tx, SETTING, String(after.separationOfDuties));
    tx.insert(auditEvents)
      .values({
        userId: actor.id,
        entity: 'settings',
        entityId: 'organisation',
        action: 'update',
        before,
        after,
      })
      .run();
    bumpRevision(tx);
    return after;
  });
}

/** Whether the user entered a figure of the unit's report for the period, or submitted it. */
function tookPart(db: DbOrTx, userId: number, unitId: number, periodId: number): boolean {
  return (
    stmt(
      db,
      `SELECT 1 FROM audit_events a JOIN results r ON a.entity = 'result' AND a.entity_id = CAST(r.id AS TEXT)
       WHERE r.unit_id = ? AND r.period_id = ? AND a.user_id = ?
       UNION ALL
       SELECT 1 FROM audit_events WHERE entity = 'submission' AND entity_id = ? AND action = 'submitted' AND user_id = ?
       LIMIT 1`,
    ).get(unitId, periodId, userId, `${unitId}:${periodId}`, userId) !== undefined
  );
}

/** Why the actor may not approve this report under separation of duties, or null. */
export function approvalBlocked(db: DbOrTx, actor: Actor, unitId: number, periodId: number): string | null {
  if (!readSettings(db).separationOfDuties || !tookPart(db, actor.id, unitId, periodId)) return null;
  return 'Bạn đã nhập hoặc gửi báo cáo này nên không được tự duyệt (tách bạch nhiệm vụ): người khác có quyền duyệt sẽ duyệt.';
}
