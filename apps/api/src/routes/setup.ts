/**
 * First run of an empty installation (`npm start -- --no-demo`): while the database has no user,
 * whoever holds the one-time token the server printed at start may create the organisation and its
 * first admin — once.
 */

import { timingSafeEqual } from 'node:crypto';
import { forbidden, MAX_PASSWORD_LENGTH } from '@chitieu/core';
import { checkNewPassword, hashPassword, setupNeeded, setupOrganisation } from '@chitieu/db';
import { createRoute, z } from '@hono/zod-openapi';
import { limitJsonBody } from '../lib/body-limit.ts';
import { errors, json, jsonBody } from '../lib/openapi.ts';
import { createRouter } from '../lib/router.ts';
import { ErrorSchema, IsoDate } from '../schemas/common.ts';
import { UnitCode } from './admin-units.ts';

const text = (what: string, max = 200) =>
  z
    .string()
    .trim()
    .min(1, { error: `Hãy nhập ${what}.` })
    .max(max, { error: `${what} dài quá ${max} ký tự.` });

export const SetupBody = z
  .object({
    organisation: text('tên tổ chức'),
    rootCode: UnitCode,
    rootName: text('tên đơn vị gốc'),
    rootType: text('loại đơn vị gốc', 60),
    validFrom: IsoDate,
    username: text('tên đăng nhập', 40),
    displayName: text('họ và tên', 100),
    /** The rules (length, not the username, not a common one) are checked by checkNewPassword. */
    password: z.string().max(MAX_PASSWORD_LENGTH, { error: 'Mật khẩu dài quá 200 ký tự.' }),
    passwordConfirm: z.string().max(MAX_PASSWORD_LENGTH),
    /** The first-run token from the server's console or log. */
    token: z.string().max(200).optional(),
  })
  .refine((b) => b.password === b.passwordConfirm, {
    error: 'Hai lần nhập mật khẩu không khớp.',
    path: ['passwordConfirm'],
  })
  .openapi('SetupInput');

const status = createRoute({
  method: 'get',
  path: '/setup',
  tags: ['Hệ thống'],
  summary: 'Có cần thiết lập lần đầu không (chưa có tài khoản nào)',
  responses: { 200: json(z.object({ needed: z.boolean() }), 'Trạng thái') },
});

const setup = createRoute({
  method: 'post',
  path: '/setup',
  tags: ['Hệ thống'],
  summary: 'Thiết lập lần đầu: tổ chức, đơn vị gốc và quản trị viên đầu tiên (chỉ khi chưa có tài khoản)',
  middleware: [limitJsonBody] as const,
  request: jsonBody(SetupBody),
  responses: {
    200: json(z.object({ rootUnitId: z.number().int(), username: z.string() }), 'Đã thiết lập'),
    ...errors,
    409: json(ErrorSchema, 'Đã thiết lập rồi'),
  },
});

export const setupRoutes = createRouter()
  .openapi(status, (c) => c.json({ needed: setupNeeded(c.var.deps.db) }, 200))
  .openapi(setup, async (c) => {
    const b = c.req.valid('json');
    const { deps } = c.var;
    if (setupNeeded(deps.db) && !tokenMatches(deps.setupToken, b.token)) {
      throw forbidden(
        'Sai hoặc thiếu mã thiết lập. Mã thiết lập lần đầu được in ra màn hình (và nhật ký) của máy chủ khi khởi động.',
      );
    }
    checkNewPassword(b.password, { username: b.username });
    const passwordHash = await hashPassword(b.password);
    const done = setupOrganisation(c.var.deps.db, {
      organisation: b.organisation,
      root: { code: b.rootCode, name: b.rootName, type: b.rootType, validFrom: b.validFrom },
      admin: { username: b.username, displayName: b.displayName, passwordHash },
    });
    // One time only: the token is spent.
    deps.setupToken = null;
    return c.json({ rootUnitId: done.root.id, username: done.user.username }, 200);
  });

function tokenMatches(expected: string | null, given: string | undefined): boolean {
  if (!expected || !given) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
