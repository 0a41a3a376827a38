/**
 * Accounts and sessions (docs/decisions/0006-sessions-and-roles.md). Passwords are hashed with scrypt
 * off the request thread (passwords.ts); sessions live in the database and only a SHA-256 of the
 * cookie's token is stored, so a copied database yields no live session.
 */
import { createHash, randomBytes } from 'node:crypto';
import { assertCleanText, invalid, notFound, type Role } from '@chitieu/core';
import { and, eq, lt, ne } from 'drizzle-orm';
import type { Db, DbOrTx } from './client.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { bumpRevision, getRevision } from './revision.ts';
import { roleAssignments, sessions, users } from './schema.ts';
import { clientOf, inTransaction, stmt } from './statements.ts';

export const SESSION_HOURS = 12;

export interface NewUser {
  username: string;
  displayName: string;
  /** From hashPassword (or hashPasswordSync outside a request), after checkNewPassword. */
  passwordHash: string;
  roles: { role: Role; unitId: number }[];
  mustChangePassword?: boolean;
}

const USERNAME = /^[a-z0-9._-]{3,40}$/;
export const normaliseUsername = (username: string) => username.trim().toLowerCase();

/** Throw a 400 unless the username has the allowed form. */
export function checkUsername(username: string): string {
  const name = normaliseUsername(username);
  if (!USERNAME.test(name)) {
    throw invalid('Tên đăng nhập gồm 3–40 ký tự: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.');
  }
  return name;
}

export function createUser(db: DbOrTx, input: NewUser) {
  const username = checkUsername(input.username);
  assertCleanText('Họ và tên', input.displayName, { field: 'displayName' });
  const { passwordHash } = input;
  return inTransaction(db, (tx) => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.username, username)).get()) {
      throw invalid(`Tên đăng nhập “${username}” đã có.`);
    }
    const user = tx
      .insert(users)
      .values({
        username,
        displayName: input.displayName.trim() || username,
        passwordHash,
        mustChangePassword: input.mustChangePassword ?? false,
      })
      .returning()
      .get();
    for (const r of input.roles)
      tx.insert(roleAssignments)
        .values({ userId: user.id, ...r })
        .run();
    return user;
  });
}

const userByName = (db: DbOrTx, username: string) =>
  db
    .select()
    .from(users)
    .where(eq(users.username, normaliseUsername(username)))
    .get();

/**
 * Check a username and password; null on any failure (the caller says so without saying which
 * part). The hash runs off the request thread; the account is read again afterwards, so one
 * locked or given a new password meanwhile is not signed in with the old one.
 */
export async function authenticate(db: DbOrTx, username: string, password: string) {
  const user = userByName(db, username);
  const ok = await verifyPassword(password, user?.passwordHash ?? (await dummyHash()));
  if (!ok || !user) return null;
  const now = userByName(db, username);
  return now?.active && now.passwordHash === user.passwordHash ? now : null;
}

/** Whether `password` is the user's password now (a password change asks for it). */
export async function checkCurrentPassword(db: DbOrTx, userId: number, password: string) {
  const user = db.select().from(users).where(eq(users.id, userId)).get();
  return user !== undefined && (await verifyPassword(password, user.passwordHash));
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function createSession(
  db: DbOrTx,
  userId: number,
  now = new Date(),
): { token: string; expiresAt: string } {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3600_000).toISOString();
  db.delete(sessions).where(lt(sessions.expiresAt, now.toISOString())).run();
  db.insert(sessions)
    .values({ tokenHash: hashToken(token), userId, expiresAt })
    .run();
  return { token, expiresAt };
}

export interface SessionUser {
  id: number;
  username: string;
  displayName: string;
  mustChangePassword: boolean;
  readonly roles: readonly { role: Role; unitId: number }[];
}

/**
 * Sessions looked up since the data revision last changed, per connection. Every write that changes
 * who may do what (logout, a password, roles, locking, a reorganisation) bumps the revision in its
 * transaction, in this process or another, so a hit is never stale; each request still reads the
 * revision. docs/decisions/0015-session-lookups.md.
 */
interface SessionCache {
  revision: number;
  byTokenHash: Map<string, { user: SessionUser; expiresAtMs: number }>;
}
const sessionCaches = new WeakMap<object, SessionCache>();
/** Live sessions only (an unknown token is not kept), and never more than this many. */
const MAX_CACHED_SESSIONS = 10_000;

function sessionCache(db: DbOrTx, revision: number): SessionCache {
  const client = clientOf(db);
  let cache = sessionCaches.get(client);
  if (!cache || cache.revision !== revision || cache.byTokenHash.size >= MAX_CACHED_SESSIONS) {
    cache = { revision, byTokenHash: new Map() };
    sessionCaches.set(client, cache);
  }
  return cache;
}

/**
 * The user behind a live session token, or null (expired, logged out, deactivated or unknown).
 * `revision`: the data revision as the caller read it for this request (the API reads it once per
 * request, for this and for the ETag).
 */
export function sessionUser(
  db: DbOrTx,
  token: string,
  revision = getRevision(db),
  now = new Date(),
): SessionUser | null {
  const tokenHash = hashToken(token);
  const cache = sessionCache(db, revision);
  const hit = cache.byTokenHash.get(tokenHash);
  if (hit && hit.expiresAtMs > now.getTime()) return hit.user;
  // One statement, roles as JSON.
  const row = stmt<{
    id: number;
    username: string;
    displayName: string;
    mustChangePassword: number;
    roles: string;
    expiresAt: string;
  }>(
    db,
    `SELECT u.id, u.username, u.display_name AS displayName, u.must_change_password AS mustChangePassword,
            (SELECT json_group_array(json_object('role', r.role, 'unitId', r.unit_id))
             FROM role_assignments r WHERE r.user_id = u.id) AS roles, s.expires_at AS expiresAt
     FROM sessions s JOIN users u ON u.id = s.user_id
     WHERE s.token_hash = ? AND s.expires_at > ? AND u.active = 1`,
  ).get(tokenHash, now.toISOString());
  if (!row) {
    cache.byTokenHash.delete(tokenHash);
    return null;
  }
  // Shared by every request of this session until the revision changes: frozen, so none can alter it.
  const user: SessionUser = Object.freeze({
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    mustChangePassword: row.mustChangePassword === 1,
    roles: Object.freeze(JSON.parse(row.roles) as { role: Role; unitId: number }[]),
  });
  cache.byTokenHash.set(tokenHash, { user, expiresAtMs: Date.parse(row.expiresAt) });
  return user;
}

export function endSession(db: DbOrTx, token: string): void {
  inTransaction(db, () => {
    db.delete(sessions)
      .where(eq(sessions.tokenHash, hashToken(token)))
      .run();
    bumpRevision(db); // ends the cached lookup of this session
  });
}

/**
 * Set a user's own new password (hashed by the caller) and end every other session of theirs: a
 * password change is what someone does when they fear another knows it. `keepToken`: the session
 * that made the change stays signed in.
 */
export function changePassword(db: Db, userId: number, passwordHash: string, keepToken?: string): void {
  inTransaction(db, () => {
    const result = db
      .update(users)
      .set({ passwordHash, mustChangePassword: false })
      .where(eq(users.id, userId))
      .run();
    if (result.changes === 0) throw notFound('Không tìm thấy người dùng.');
    const others = keepToken
      ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, hashToken(keepToken)))
      : eq(sessions.userId, userId);
    db.delete(sessions).where(others).run();
    bumpRevision(db); // ends the kept lookups: other sessions, and the temporary-password flag
  });
}
