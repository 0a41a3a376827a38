/**
 * Sessions: an HttpOnly, SameSite=Lax cookie holding a random token (Secure over HTTPS); the
 * database keeps its hash. State-changing requests must come from our own origin (CSRF).
 */
import { forbidden, unauthorized } from '@chitieu/core';
import {
  getRevision,
  resolveScope,
  type Scope,
  type ScopeInput,
  type SessionUser,
  sessionUser,
} from '@chitieu/db';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { isHttps } from './request-origin.ts';
import type { AppEnv } from './router.ts';

export const SESSION_COOKIE = 'chitieu_session';

export function setSessionCookie(c: Context<AppEnv>, token: string, expiresAt: string) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    path: '/',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(c: Context) {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

export const readSession = createMiddleware<AppEnv>(async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  // Read once per signed-in request: it checks the session's cached lookup and makes the ETag.
  const revision = token ? getRevision(c.var.deps.db) : null;
  c.set('revision', revision);
  c.set('user', token && revision !== null ? sessionUser(c.var.deps.db, token, revision) : null);
  await next();
});

/**
 * The signed-in user, or a 401 in the error envelope. A temporary password (a new account, a
 * reset) opens nothing but choosing one's own: that one route asks for `userWithTemporaryPassword`.
 */
export function currentUser(c: Context<AppEnv>): SessionUser {
  const user = userWithTemporaryPassword(c);
  if (user.mustChangePassword) {
    throw forbidden('Bạn đang dùng mật khẩu tạm: hãy đổi mật khẩu trước khi tiếp tục.');
  }
  return user;
}

/** The signed-in user even on a temporary password: only for choosing a new one. */
export function userWithTemporaryPassword(c: Context<AppEnv>): SessionUser {
  const user = c.var.user;
  if (!user) throw unauthorized();
  return user;
}

/** The view a request asks for (unit, date, basis, structure), checked against the signed-in user. */
export function requestScope(c: Context<AppEnv>, input: ScopeInput): Scope {
  return resolveScope(c.var.deps.db, currentUser(c), input, c.var.deps.today());
}

/**
 * Mounted first on the protected sub-app (routes/index.ts), so every route in it, and any path no
 * public route answered, an unknown one included, is refused without a session before its
 * parameters or body are looked at. Handlers still check the user's rights.
 */
export const requireSession = createMiddleware<AppEnv>(async (c, next) => {
  userWithTemporaryPassword(c);
  await next();
});

/**
 * Mounted after the one route that chooses a new password: a temporary password (a new account, a
 * reset) opens nothing else.
 */
export const requireChosenPassword = createMiddleware<AppEnv>(async (c, next) => {
  currentUser(c);
  await next();
});

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuse a state-changing request whose Origin (or Referer) is not this server: the Host it was
 * sent to (already one we serve), or PUBLIC_URL when a proxy passes the request on under another
 * Host.
 */
export const sameOrigin = createMiddleware<AppEnv>(async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method)) {
    const host = c.req.header('host');
    const source = c.req.header('origin') ?? c.req.header('referer');
    let origin: URL | null = null;
    try {
      origin = source ? new URL(source) : null;
    } catch {
      origin = null;
    }
    const ours =
      origin !== null &&
      ((host !== undefined && origin.host === host) || origin.origin === c.var.deps.network.publicOrigin);
    if (!ours) throw forbidden('Yêu cầu bị từ chối: không đến từ trang của ứng dụng.');
  }
  await next();
});
