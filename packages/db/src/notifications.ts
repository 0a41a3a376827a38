/**
 * Reminders (notifications): who is told of a report sent, returned or overdue, written in the
 * transaction of the action that causes them; a user's own list; marking read. Mail is sent by the
 * API after the transaction commits, from what `mailsFor` reads (docs/decisions/0026-reminders.md).
 */
import {
  invalid,
  type NotificationKind,
  notFound,
  overdueReports,
  ROLES,
  roleAllows,
  type SubmissionState,
} from '@chitieu/core';
import type { Actor } from './access.ts';
import type { Db, DbOrTx } from './client.ts';
import { inTransaction, stmt } from './statements.ts';

export interface NotificationParams {
  /** Who acted (sent or returned the report). */
  by?: string;
  /** The reason a report was returned. */
  comment?: string;
}

const APPROVING = ROLES.filter((r) => roleAllows(r, 'approve'));
const inList = (roles: readonly string[]) => roles.map((r) => `'${r}'`).join(', ');

/** A role on `r.unit_id` covers unit `?` (the same unit, or one below it in any structure version). */
const COVERS = `(r.unit_id = ? OR EXISTS (
  SELECT 1 FROM placements c JOIN placements a
    ON a.structure_version_id = c.structure_version_id AND a.unit_id = r.unit_id
  WHERE c.unit_id = ? AND c.path > a.path AND c.path < a.path || '~'))`;

/** Active users who may approve the unit's reports (the same rule as `can(…, 'approve', unit)`). */
export function approversOf(db: DbOrTx, unitId: number): number[] {
  return stmt<{ id: number }>(
    db,
    `SELECT DISTINCT u.id FROM users u JOIN role_assignments r ON r.user_id = u.id
     WHERE u.active = 1 AND r.role IN (${inList(APPROVING)}) AND ${COVERS} ORDER BY u.id`,
  )
    .all(unitId, unitId)
    .map((r) => r.id);
}

/** Active entry staff (role "Nhập liệu") whose scope holds the unit: its clerks. */
export function clerksOf(db: DbOrTx, unitId: number): number[] {
  return stmt<{ id: number }>(
    db,
    `SELECT DISTINCT u.id FROM users u JOIN role_assignments r ON r.user_id = u.id
     WHERE u.active = 1 AND r.role = 'entry' AND ${COVERS} ORDER BY u.id`,
  )
    .all(unitId, unitId)
    .map((r) => r.id);
}

/**
 * The approvers just above a unit: those with the role "Duyệt" on the nearest unit at or above it
 * (in the newest structure version that holds it) where anyone holds that role; with none in the
 * whole chain, the admins of the nearest unit that has one. Overdue reminders go to them, not to
 * every approver up to the province.
 */
export function approversAbove(db: DbOrTx, unitId: number): number[] {
  const chain = stmt<{ path: string }>(
    db,
    'SELECT path FROM placements WHERE unit_id = ? ORDER BY structure_version_id DESC LIMIT 1',
  ).get(unitId);
  if (!chain) return [];
  const ancestors = chain.path.split('/').filter(Boolean).map(Number).reverse();
  for (const role of ['approver', 'admin']) {
    for (const ancestor of ancestors) {
      const ids = stmt<{ id: number }>(
        db,
        `SELECT DISTINCT u.id FROM users u JOIN role_assignments r ON r.user_id = u.id
         WHERE u.active = 1 AND r.role = ? AND r.unit_id = ? ORDER BY u.id`,
      )
        .all(role, ancestor)
        .map((r) => r.id);
      if (ids.length > 0) return ids;
    }
  }
  return [];
}

const displayName = (db: DbOrTx, userId: number) =>
  stmt<{ name: string }>(db, 'SELECT display_name AS name FROM users WHERE id = ?').get(userId)?.name;

function insert(
  db: DbOrTx,
  recipients: Iterable<number>,
  n: { kind: NotificationKind; unitId: number; periodId: number; params: NotificationParams },
): number[] {
  const ids: number[] = [];
  const params = JSON.stringify(n.params);
  for (const userId of new Set(recipients)) {
    // An overdue reminder exists once per recipient, unit and period (a partial unique index):
    // a second pass over the same day, or a later one, inserts nothing.
    const row = stmt<{ id: number }>(
      db,
      `INSERT INTO notifications (user_id, kind, unit_id, period_id, params) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT DO NOTHING RETURNING id`,
    ).get(userId, n.kind, n.unitId, n.periodId, params);
    if (row) ids.push(row.id);
  }
  return ids;
}

/**
 * Tell those concerned of a workflow action, inside its transaction: a report sent → who may approve
 * it; returned → the unit's clerks and whoever sent it, with the reason. The actor is not told of
 * their own action. Returns the new notifications' ids (for mail, after commit).
 */
export function notifyTransition(
  tx: DbOrTx,
  actor: Actor,
  input: { unitId: number; periodId: number; state: SubmissionState; comment: string | null },
): number[] {
  const by = displayName(tx, actor.id);
  const others = (ids: number[]) => ids.filter((id) => id !== actor.id);
  if (input.state === 'submitted') {
    return insert(tx, others(approversOf(tx, input.unitId)), {
      kind: 'submitted',
      unitId: input.unitId,
      periodId: input.periodId,
      params: by ? { by } : {},
    });
  }
  if (input.state === 'returned') {
    const sender = stmt<{ userId: number }>(
      tx,
      `SELECT a.user_id AS userId FROM audit_events a JOIN users u ON u.id = a.user_id AND u.active = 1
       WHERE a.entity = 'submission' AND a.entity_id = ? AND a.action = 'submitted'
       ORDER BY a.id DESC LIMIT 1`,
    ).get(`${input.unitId}:${input.periodId}`)?.userId;
    const recipients = [...clerksOf(tx, input.unitId), ...(sender === undefined ? [] : [sender])];
    return insert(tx, others(recipients), {
      kind: 'returned',
      unitId: input.unitId,
      periodId: input.periodId,
      params: { ...(by ? { by } : {}), ...(input.comment ? { comment: input.comment } : {}) },
    });
  }
  return [];
}

/**
 * The daily pass: remind the clerks of every unit whose report is overdue as of `asOf`, and the
 * approvers just above it. Idempotent: each recipient is reminded of a unit's period once, however
 * often it runs. Returns the new notifications' ids.
 */
export function recordOverdue(db: Db, asOf: string): number[] {
  return inTransaction(db, () => {
    // Periods of some term (a unit reports only those).
    const periods = stmt<{ id: number; kind: string; startDate: string; endDate: string; deadline: string }>(
      db,
      `SELECT p.id, p.kind, p.start_date AS startDate, p.end_date AS endDate, p.deadline FROM periods p
       WHERE p.deadline < ? AND EXISTS (
         SELECT 1 FROM terms t WHERE p.end_date > t.start_date AND p.start_date < t.end_date)
       ORDER BY p.start_date`,
    ).all(asOf);
    if (periods.length === 0) return [];
    const units = stmt<{ id: number; validFrom: string; validTo: string | null }>(
      db,
      'SELECT id, valid_from AS validFrom, valid_to AS validTo FROM units WHERE is_grassroots = 1 ORDER BY id',
    ).all();
    const states = new Map(
      stmt<{ unitId: number; periodId: number; state: SubmissionState }>(
        db,
        'SELECT unit_id AS unitId, period_id AS periodId, state FROM submissions',
      )
        .all()
        .map((s) => [`${s.unitId}:${s.periodId}`, s.state] as const),
    );
    const ids: number[] = [];
    for (const report of overdueReports({ asOf, periods, units, states })) {
      const recipients = [...clerksOf(db, report.unitId), ...approversAbove(db, report.unitId)];
      ids.push(...insert(db, recipients, { kind: 'overdue', ...report, params: {} }));
    }
    return ids;
  });
}

export interface NotificationItem {
  id: number;
  kind: NotificationKind;
  unitId: number;
  unitName: string;
  period: { id: number; kind: string; startDate: string; endDate: string; deadline: string };
  params: NotificationParams;
  createdAt: string;
  readAt: string | null;
}

const ITEM_COLUMNS = `n.id, n.kind, n.unit_id AS unitId, u.name AS unitName, n.period_id AS periodId,
  p.kind AS periodKind, p.start_date AS startDate, p.end_date AS endDate, p.deadline, n.params,
  n.created_at AS createdAt, n.read_at AS readAt`;

type ItemRow = Omit<NotificationItem, 'period' | 'params'> & {
  periodId: number;
  periodKind: string;
  startDate: string;
  endDate: string;
  deadline: string;
  params: string;
};

const toItem = (r: ItemRow): NotificationItem => ({
  id: r.id,
  kind: r.kind,
  unitId: r.unitId,
  unitName: r.unitName,
  period: {
    id: r.periodId,
    kind: r.periodKind,
    startDate: r.startDate,
    endDate: r.endDate,
    deadline: r.deadline,
  },
  params: JSON.parse(r.params) as NotificationParams,
  createdAt: r.createdAt,
  readAt: r.readAt,
});

export const NOTIFICATIONS_PAGE = 50;

const unreadCount = (db: DbOrTx, userId: number) =>
  stmt<{ n: number }>(
    db,
    'SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL',
  ).get(userId)?.n ?? 0;

/** The actor's own notifications, newest first, and how many are unread. */
export function myNotifications(db: DbOrTx, actor: Actor, limit = NOTIFICATIONS_PAGE) {
  const items = stmt<ItemRow>(
    db,
    `SELECT ${ITEM_COLUMNS} FROM notifications n
     JOIN units u ON u.id = n.unit_id JOIN periods p ON p.id = n.period_id
     WHERE n.user_id = ? ORDER BY n.id DESC LIMIT ?`,
  )
    .all(actor.id, limit)
    .map(toItem);
  return { unread: unreadCount(db, actor.id), items };
}

/** Mark one of the actor's notifications read; another user's is "not found", as one that never was. */
export function markNotificationRead(db: DbOrTx, actor: Actor, id: number) {
  const row = stmt<{ readAt: string | null }>(
    db,
    'SELECT read_at AS readAt FROM notifications WHERE id = ? AND user_id = ?',
  ).get(id, actor.id);
  if (!row) throw notFound(`Không tìm thấy thông báo ${id}.`);
  if (row.readAt === null) {
    stmt(db, 'UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ?').run(
      new Date().toISOString(),
      id,
      actor.id,
    );
  }
  return { unread: unreadCount(db, actor.id) };
}

/** Mark all of the actor's notifications read. */
export function markAllNotificationsRead(db: DbOrTx, actor: Actor) {
  stmt(db, 'UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL').run(
    new Date().toISOString(),
    actor.id,
  );
  return { unread: 0 };
}

/** What a reminder's e-mail needs: to whom, and what about. Only for active users with an address. */
export interface NotificationMailRow {
  id: number;
  email: string;
  kind: NotificationKind;
  unitId: number;
  unitName: string;
  period: NotificationItem['period'];
  params: NotificationParams;
}

export function mailsFor(db: DbOrTx, ids: readonly number[]): NotificationMailRow[] {
  const rows: NotificationMailRow[] = [];
  for (const id of ids) {
    const r = stmt<ItemRow & { email: string }>(
      db,
      `SELECT ${ITEM_COLUMNS}, w.email FROM notifications n
       JOIN users w ON w.id = n.user_id AND w.active = 1 AND w.email IS NOT NULL
       JOIN units u ON u.id = n.unit_id JOIN periods p ON p.id = n.period_id
       WHERE n.id = ?`,
    ).get(id);
    if (r) {
      const { createdAt: _c, readAt: _r, ...item } = toItem(r);
      rows.push({ ...item, email: r.email });
    }
  }
  return rows;
}

/** An e-mail address as the accounts page takes it: trimmed, one address, or null to have none. */
export function checkEmail(text: string | null): string | null {
  const t = text?.trim() ?? '';
  if (t === '') return null;
  if (t.length > 254 || !/^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]+$/.test(t)) {
    throw invalid('Địa chỉ e-mail không hợp lệ (ví dụ: ten@example.org).', { field: 'email' });
  }
  return t;
}
