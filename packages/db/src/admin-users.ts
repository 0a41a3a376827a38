/**
 * Administering accounts: create, assign and remove scoped roles, reset a password, deactivate.
 * An admin manages a user only when every role of that user lies in the admin's subtree (users
 * without roles: admins of a root unit only). The organisation always keeps an active admin of a
 * root unit: a change that would leave none is refused (409) inside its transaction.
 */
import { conflict, forbidden, invalid, notFound, type Role } from '@chitieu/core';
import { and, eq } from 'drizzle-orm';
import { type Actor, authorize, isWithin } from './access.ts';
import { createUser } from './auth.ts';
import type { Db, DbOrTx } from './client.ts';
import { checkEmail } from './notifications.ts';
import { bumpRevision } from './revision.ts';
import { auditEvents, roleAssignments, sessions, users } from './schema.ts';
import { inTransaction, stmt } from './statements.ts';

export interface AdminUserRole {
  id: number;
  role: Role;
  unitId: number;
  unitCode: string;
  unitName: string;
  /**
   * The unit has ended (a reorganisation closed it without a successor at its level, e.g. the
   * districts in 2025): the role still covers what was reported under it, but needs reassigning.
   */
  unitEndedOn: string | null;
}

export interface AdminUser {
  id: number;
  username: string;
  displayName: string;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: string;
  /** Where reminders are mailed (when the server sends mail); null: none. */
  email: string | null;
  roles: AdminUserRole[];
}

const adminScopes = (actor: Actor) => actor.roles.filter((r) => r.role === 'admin').map((r) => r.unitId);

const isRootUnit = (db: DbOrTx, unitId: number) =>
  stmt(db, 'SELECT 1 FROM placements WHERE unit_id = ? AND parent_id IS NULL LIMIT 1').get(unitId) !==
  undefined;

function rolesOf(db: DbOrTx, userId: number): AdminUserRole[] {
  return stmt<AdminUserRole>(
    db,
    `SELECT r.id, r.role, r.unit_id AS unitId, u.code AS unitCode, u.name AS unitName, u.valid_to AS unitEndedOn
     FROM role_assignments r JOIN units u ON u.id = r.unit_id WHERE r.user_id = ? ORDER BY r.id`,
  ).all(userId);
}

function manages(db: DbOrTx, actor: Actor, roles: { unitId: number }[]): boolean {
  const scopes = adminScopes(actor);
  if (roles.length === 0) return scopes.some((s) => isRootUnit(db, s));
  return roles.every((r) => scopes.some((s) => isWithin(db, r.unitId, s)));
}

function userRow(db: DbOrTx, userId: number) {
  const row = db.select().from(users).where(eq(users.id, userId)).get();
  if (!row) throw notFound(`Không tìm thấy người dùng ${userId}.`);
  return row;
}

/** The user, if the actor may manage them; 404 / 403 otherwise. */
function managed(db: DbOrTx, actor: Actor, userId: number) {
  const row = userRow(db, userId);
  if (!manages(db, actor, rolesOf(db, userId))) {
    throw forbidden(`Tài khoản ${row.username} có vai trò ngoài phạm vi bạn quản trị.`);
  }
  return row;
}

/** Active users holding an admin role on a root unit: the organisation must keep at least one. */
function rootAdmins(db: DbOrTx): number {
  return (
    stmt<{ n: number }>(
      db,
      `SELECT COUNT(DISTINCT u.id) AS n FROM users u
       JOIN role_assignments r ON r.user_id = u.id AND r.role = 'admin'
       WHERE u.active = 1 AND EXISTS (SELECT 1 FROM placements p WHERE p.unit_id = r.unit_id AND p.parent_id IS NULL)`,
    ).get()?.n ?? 0
  );
}

/** Run a change; refuse it if it leaves the organisation without an active root admin. */
function keepingAnAdmin<T>(db: Db, change: (tx: DbOrTx) => T): T {
  return inTransaction(db, (tx) => {
    const before = rootAdmins(tx);
    const result = change(tx);
    if (before > 0 && rootAdmins(tx) === 0) {
      throw conflict(
        'Đây là quản trị viên cuối cùng của tổ chức: hãy giao quyền quản trị cho người khác trước.',
      );
    }
    bumpRevision(tx);
    return result;
  });
}

function audit(tx: DbOrTx, actor: Actor, userId: number, action: string, before: unknown, after: unknown) {
  tx.insert(auditEvents)
    .values({ userId: actor.id, entity: 'user', entityId: String(userId), action, before, after })
    .run();
}

export function listAdminUsers(db: DbOrTx, actor: Actor): AdminUser[] {
  if (adminScopes(actor).length === 0) throw forbidden('Bạn không có quyền quản trị.');
  return db
    .select()
    .from(users)
    .orderBy(users.username)
    .all()
    .map((u) => ({ u, roles: rolesOf(db, u.id) }))
    .filter(({ roles }) => manages(db, actor, roles))
    .map(({ u, roles }) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      active: u.active,
      mustChangePassword: u.mustChangePassword,
      createdAt: u.createdAt,
      email: u.email,
      roles,
    }));
}

export interface AdminNewUser {
  username: string;
  displayName: string;
  /** Of a temporary password (the user must change it at first sign-in), hashed by the caller. */
  passwordHash: string;
  roles: { role: Role; unitId: number }[];
}

/** Refuse (403) an actor who may not give these roles; the API asks before hashing a password. */
export function authorizeCreateUser(db: DbOrTx, actor: Actor, roles: { unitId: number }[]): void {
  if (roles.length === 0) throw invalid('Hãy giao ít nhất một vai trò cho tài khoản mới.');
  for (const r of roles) authorize(db, actor, 'administer', r.unitId);
}

/** The username of an account the actor manages (403 otherwise): for checking a reset password. */
export function managedUsername(db: DbOrTx, actor: Actor, userId: number): string {
  return managed(db, actor, userId).username;
}

export function adminCreateUser(db: Db, actor: Actor, input: AdminNewUser) {
  authorizeCreateUser(db, actor, input.roles);
  return inTransaction(db, (tx) => {
    const user = createUser(tx, { ...input, mustChangePassword: true });
    audit(tx, actor, user.id, 'create', null, {
      username: user.username,
      displayName: user.displayName,
      roles: input.roles,
    });
    bumpRevision(tx);
    return { id: user.id, username: user.username };
  });
}

export function addRole(db: Db, actor: Actor, userId: number, input: { role: Role; unitId: number }) {
  authorize(db, actor, 'administer', input.unitId);
  return inTransaction(db, (tx) => {
    const user = managed(tx, actor, userId);
    const exists = tx
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(
        and(
          eq(roleAssignments.userId, userId),
          eq(roleAssignments.role, input.role),
          eq(roleAssignments.unitId, input.unitId),
        ),
      )
      .get();
    if (exists) throw conflict(`${user.username} đã có vai trò này ở đơn vị này.`);
    const row = tx
      .insert(roleAssignments)
      .values({ userId, ...input })
      .returning()
      .get();
    audit(tx, actor, userId, 'add_role', null, input);
    bumpRevision(tx);
    return row;
  });
}

export function removeRole(db: Db, actor: Actor, userId: number, assignmentId: number) {
  return keepingAnAdmin(db, (tx) => {
    managed(tx, actor, userId);
    const row = tx.select().from(roleAssignments).where(eq(roleAssignments.id, assignmentId)).get();
    if (!row || row.userId !== userId) throw notFound('Không tìm thấy vai trò này của người dùng.');
    tx.delete(roleAssignments).where(eq(roleAssignments.id, assignmentId)).run();
    audit(tx, actor, userId, 'remove_role', { role: row.role, unitId: row.unitId }, null);
    return { removed: 1 };
  });
}

/**
 * A new temporary password (hashed by the caller); the user's sessions end and they must change it
 * at next sign-in.
 */
export function resetPassword(db: Db, actor: Actor, userId: number, hash: string) {
  return inTransaction(db, (tx) => {
    managed(tx, actor, userId);
    tx.update(users).set({ passwordHash: hash, mustChangePassword: true }).where(eq(users.id, userId)).run();
    tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    audit(tx, actor, userId, 'reset_password', null, { mustChangePassword: true });
    bumpRevision(tx);
    return { ok: true };
  });
}

/** Deactivate (sessions end at once) or reactivate an account. */
export function setUserActive(db: Db, actor: Actor, userId: number, active: boolean) {
  return keepingAnAdmin(db, (tx) => {
    const user = managed(tx, actor, userId);
    tx.update(users).set({ active }).where(eq(users.id, userId)).run();
    if (!active) tx.delete(sessions).where(eq(sessions.userId, userId)).run();
    audit(tx, actor, userId, active ? 'activate' : 'deactivate', { active: user.active }, { active });
    return { active };
  });
}

/** Set or clear the address reminders are mailed to (checked: one plausible address); audited. */
export function setUserEmail(db: Db, actor: Actor, userId: number, email: string | null) {
  const address = checkEmail(email);
  return inTransaction(db, (tx) => {
    const user = managed(tx, actor, userId);
    if (user.email !== address) {
      tx.update(users).set({ email: address }).where(eq(users.id, userId)).run();
      audit(tx, actor, userId, 'set_email', { email: user.email }, { email: address });
    }
    return { email: address };
  });
}
