/**
 * Accounts and sessions (docs/decisions/0006-sessions-and-roles.md). Passwords are hashed with scrypt
 * (memory-hard, in Node's crypto); sessions live in the database and only a SHA-256 of the cookie's
 * token is stored, so a copied database yields no live session.
 */
import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { assertCleanText, invalid, notFound, type Role } from '@chitieu/core';
import { eq, lt } from 'drizzle-orm';
import type { Db, DbOrTx } from './client.ts';
import { bumpRevision, getRevision } from './revision.ts';
import { roleAssignments, sessions, users } from './schema.ts';
import { clientOf, inTransaction, stmt } from './statements.ts';

/** scrypt cost: N=2^15, r=8 (32 MiB, ~60 ms here): slow for a guesser, fine for a login. */
const SCRYPT = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;
export const SESSION_HOURS = 12;
export const MIN_PASSWORD_LENGTH = 8;

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFC'), salt, KEY_LENGTH, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = scryptSync(password.normalize('NFC'), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return timingSafeEqual(actual, expected);
}

/** A hash of a password nobody knows, so a login for an unknown user costs the same time as a real one. */
let dummyHash: string | undefined;
const dummy = () => {
  dummyHash ??= hashPassword(randomBytes(12).toString('hex'));
  return dummyHash;
};

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  roles: { role: Role; unitId: number }[];
  mustChangePassword?: boolean;
}

export function createUser(db: DbOrTx, input: NewUser) {
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9._-]{3,40}$/.test(username)) {
    throw invalid('Tên đăng nhập gồm 3–40 ký tự: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.');
  }
  assertCleanText('Họ và tên', input.displayName, { field: 'displayName' });
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw invalid(`Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`);
  }
  const passwordHash = hashPassword(input.password);
  return db.transaction((tx) => {
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

/** Check a username and password; null on any failure (the caller says so without saying which part). */
export function authenticate(db: DbOrTx, username: string, password: string) {
  const user = db.select().from(users).where(eq(users.username, username.trim().toLowerCase())).get();
  const ok = verifyPassword(password, user?.passwordHash ?? dummy());
  return ok && user?.active ? user : null;
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

export function changePassword(db: Db, userId: number, password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw invalid(`Mật khẩu phải có ít nhất ${MIN_PASSWORD_LENGTH} ký tự.`);
  const passwordHash = hashPassword(password);
  inTransaction(db, () => {
    const result = db
      .update(users)
      .set({ passwordHash, mustChangePassword: false })
      .where(eq(users.id, userId))
      .run();
    if (result.changes === 0) throw notFound('Không tìm thấy người dùng.');
    bumpRevision(db); // the cached session no longer has a temporary password
  });
}
