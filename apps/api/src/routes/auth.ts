import { MAX_PASSWORD_LENGTH, tooManyRequests, unauthorized } from '@chitieu/core';
import {
  authenticate,
  changePassword,
  checkCurrentPassword,
  checkNewPassword,
  createSession,
  endSession,
  hashPassword,
  normaliseUsername,
  type SessionUser,
  schema,
} from '@chitieu/db';
import { createRoute, z } from '@hono/zod-openapi';
import { eq, inArray } from 'drizzle-orm';
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { limitJsonBody } from '../lib/body-limit.ts';
import { errors, json } from '../lib/openapi.ts';
import { clientAddress } from '../lib/request-origin.ts';
import { type AppEnv, createRouter } from '../lib/router.ts';
import {
  clearSessionCookie,
  SESSION_COOKIE,
  setSessionCookie,
  userWithTemporaryPassword,
} from '../lib/session.ts';
import { ErrorSchema } from '../schemas/common.ts';

const MeSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    mustChangePassword: z.boolean(),
    roles: z.array(z.object({ role: z.string(), unitId: z.number().int(), unitName: z.string() })),
  })
  .openapi('Me');

const LoginBody = z.object({
  username: z.string().min(1, { error: 'Nhập tên đăng nhập.' }).max(100),
  password: z.string().min(1, { error: 'Nhập mật khẩu.' }).max(200),
});

const login = createRoute({
  method: 'post',
  path: '/auth/login',
  tags: ['Tài khoản'],
  summary: 'Đăng nhập',
  middleware: [limitJsonBody] as const,
  request: { body: { content: { 'application/json': { schema: LoginBody } }, required: true } },
  responses: { 200: json(MeSchema, 'Đã đăng nhập'), ...errors, 429: json(ErrorSchema, 'Thử quá nhiều lần') },
});
const logout = createRoute({
  method: 'post',
  path: '/auth/logout',
  tags: ['Tài khoản'],
  summary: 'Đăng xuất (kết thúc phiên)',
  responses: { 200: json(z.object({ ok: z.boolean() }), 'Đã đăng xuất') },
});
const me = createRoute({
  method: 'get',
  path: '/auth/me',
  tags: ['Tài khoản'],
  summary: 'Người đang đăng nhập (null nếu chưa đăng nhập)',
  responses: { 200: json(MeSchema.nullable(), 'Người dùng, hoặc null') },
});
const password = createRoute({
  method: 'post',
  path: '/auth/password',
  tags: ['Tài khoản'],
  summary: 'Đổi mật khẩu',
  middleware: [limitJsonBody] as const,
  request: {
    body: {
      content: {
        'application/json': {
          schema: z.object({
            currentPassword: z.string().max(MAX_PASSWORD_LENGTH),
            newPassword: z.string().max(MAX_PASSWORD_LENGTH, { error: 'Mật khẩu dài quá 200 ký tự.' }),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: json(z.object({ ok: z.boolean() }), 'Đã đổi (các phiên khác của bạn kết thúc)'),
    ...errors,
    429: json(ErrorSchema, 'Thử quá nhiều lần'),
  },
});

export function meOf(c: Context<AppEnv>, user: SessionUser) {
  const { db } = c.var.deps;
  const ids = user.roles.map((r) => r.unitId);
  const names = new Map(
    ids.length
      ? db
          .select({ id: schema.units.id, name: schema.units.name })
          .from(schema.units)
          .where(inArray(schema.units.id, ids))
          .all()
          .map((u) => [u.id, u.name])
      : [],
  );
  return { ...user, roles: user.roles.map((r) => ({ ...r, unitName: names.get(r.unitId) ?? '' })) };
}

/**
 * A password attempt is counted per (account, address) pair and per address (lib/throttle.ts):
 * refuse with 429 while either is over its limit.
 */
function attempt(c: Context<AppEnv>, username: string) {
  const { throttles } = c.var.deps;
  const address = clientAddress(c);
  const pair = `${normaliseUsername(username)}\n${address}`;
  const wait = Math.max(throttles.pair.blockedFor(pair), throttles.address.blockedFor(address));
  if (wait > 0) {
    c.header('Retry-After', String(Math.ceil(wait / 1000)));
    throw tooManyRequests(`Nhập sai mật khẩu quá nhiều lần. Thử lại sau ${Math.ceil(wait / 60_000)} phút.`);
  }
  return {
    failed() {
      throttles.pair.fail(pair);
      throttles.address.fail(address);
    },
    succeeded() {
      throttles.pair.reset(pair);
    },
  };
}

/** Public: signing in and out, and asking who is signed in (null when nobody). */
export const signInRoutes = createRouter()
  .openapi(login, async (c) => {
    const { db } = c.var.deps;
    const { username, password: pw } = c.req.valid('json');
    const tried = attempt(c, username);
    const user = await authenticate(db, username, pw);
    if (!user) {
      tried.failed();
      throw unauthorized('Tên đăng nhập hoặc mật khẩu không đúng.');
    }
    tried.succeeded();
    const session = createSession(db, user.id);
    setSessionCookie(c, session.token, session.expiresAt);
    const { id, username: name, displayName, mustChangePassword } = user;
    return c.json(
      meOf(c, { id, username: name, displayName, mustChangePassword, roles: rolesOf(c, id) }),
      200,
    );
  })
  .openapi(logout, (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) endSession(c.var.deps.db, token);
    clearSessionCookie(c);
    return c.json({ ok: true }, 200);
  })
  .openapi(me, (c) => c.json(c.var.user ? meOf(c, c.var.user) : null, 200));

/** Signed in, even on a temporary password: choosing one's own is the way out of it. */
export const passwordRoutes = createRouter().openapi(password, async (c) => {
  const user = userWithTemporaryPassword(c);
  const { db } = c.var.deps;
  const body = c.req.valid('json');
  // Throttled like a sign-in: a stolen session must not be a way to guess the password.
  const tried = attempt(c, user.username);
  if (!(await checkCurrentPassword(db, user.id, body.currentPassword))) {
    tried.failed();
    throw unauthorized('Mật khẩu hiện tại không đúng.');
  }
  tried.succeeded();
  checkNewPassword(body.newPassword, { username: user.username, current: body.currentPassword });
  const hash = await hashPassword(body.newPassword);
  // Every other session of the user ends; this one stays.
  changePassword(db, user.id, hash, getCookie(c, SESSION_COOKIE));
  return c.json({ ok: true }, 200);
});

function rolesOf(c: Context<AppEnv>, userId: number) {
  return c.var.deps.db
    .select({ role: schema.roleAssignments.role, unitId: schema.roleAssignments.unitId })
    .from(schema.roleAssignments)
    .where(eq(schema.roleAssignments.userId, userId))
    .all();
}
