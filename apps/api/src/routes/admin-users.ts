/**
 * Administering accounts: list, create (with a temporary password), add and remove scoped roles,
 * reset a password, deactivate or reactivate. Rules and authorisation: @chitieu/db admin-users.ts.
 */

import { MAX_PASSWORD_LENGTH, ROLES } from '@chitieu/core';
import {
  addRole,
  adminCreateUser,
  authorizeCreateUser,
  checkNewPassword,
  checkUsername,
  hashPassword,
  listAdminUsers,
  managedUsername,
  removeRole,
  resetPassword,
  settingsFor,
  setUserActive,
  setUserEmail,
  updateSettings,
} from '@chitieu/db';
import { createRoute, z } from '@hono/zod-openapi';
import { limitJsonBody } from '../lib/body-limit.ts';
import { errors, json, jsonBody } from '../lib/openapi.ts';
import { createRouter } from '../lib/router.ts';
import { currentUser } from '../lib/session.ts';
import { ErrorSchema, idParam } from '../schemas/common.ts';

/** The rules (length, not the username, not a common one) are checked by checkNewPassword. */
const Password = z.string().max(MAX_PASSWORD_LENGTH, { error: 'Mật khẩu dài quá 200 ký tự.' });
const RoleInput = z.object({
  role: z.enum(ROLES, { error: 'Vai trò phải là admin, manager, entry, approver hoặc viewer.' }),
  unitId: z.number().int().positive(),
});
const id = (name: string) => idParam(name).openapi({ param: { name, in: 'path' } });
const UserParam = z.object({ id: id('id') });

const AdminUserSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    displayName: z.string(),
    active: z.boolean(),
    mustChangePassword: z.boolean(),
    createdAt: z.string(),
    email: z
      .string()
      .nullable()
      .openapi({ description: 'Where reminders are mailed, if the server sends mail' }),
    roles: z.array(
      z.object({
        id: z.number().int(),
        role: z.enum(ROLES),
        unitId: z.number().int(),
        unitCode: z.string(),
        unitName: z.string(),
        unitEndedOn: z
          .string()
          .nullable()
          .openapi({ description: 'The unit has ended (reorganised): the role needs reassigning' }),
      }),
    ),
  })
  .openapi('AdminUser');

const conflicts = { 409: json(ErrorSchema, 'Xung đột (ví dụ: quản trị viên cuối cùng)') };

const list = createRoute({
  method: 'get',
  path: '/admin/users',
  tags: ['Quản trị'],
  summary: 'Tài khoản trong phạm vi bạn quản trị',
  responses: { 200: json(z.array(AdminUserSchema), 'Tài khoản'), ...errors },
});

const create = createRoute({
  method: 'post',
  path: '/admin/users',
  tags: ['Quản trị'],
  summary: 'Tạo tài khoản với mật khẩu tạm (phải đổi khi đăng nhập lần đầu)',
  middleware: [limitJsonBody] as const,
  request: jsonBody(
    z.object({
      username: z.string().trim().min(3, { error: 'Tên đăng nhập có ít nhất 3 ký tự.' }).max(40),
      displayName: z.string().trim().min(1, { error: 'Hãy nhập họ và tên.' }).max(100),
      password: Password,
      roles: z.array(RoleInput).min(1, { error: 'Hãy giao ít nhất một vai trò.' }).max(20),
    }),
  ),
  responses: {
    200: json(z.object({ id: z.number().int(), username: z.string() }), 'Đã tạo'),
    ...errors,
    ...conflicts,
  },
});

const patch = createRoute({
  method: 'patch',
  path: '/admin/users/{id}',
  tags: ['Quản trị'],
  summary:
    'Khóa hoặc mở lại tài khoản (khóa thì phiên đăng nhập kết thúc ngay); đặt hoặc xóa địa chỉ e-mail nhận thông báo',
  middleware: [limitJsonBody] as const,
  request: {
    params: UserParam,
    ...jsonBody(
      z
        .object({
          active: z.boolean().optional(),
          email: z
            .string({ error: 'Địa chỉ e-mail phải là chữ (hoặc null để xóa).' })
            .max(254, { error: 'Địa chỉ e-mail dài quá 254 ký tự.' })
            .nullable()
            .optional(),
        })
        .refine((b) => b.active !== undefined || b.email !== undefined, {
          error: 'Cần “active” hoặc “email”.',
        }),
    ),
  },
  responses: {
    200: json(
      z.object({ active: z.boolean().optional(), email: z.string().nullable().optional() }),
      'Đã lưu',
    ),
    ...errors,
    ...conflicts,
  },
});

const addRoleRoute = createRoute({
  method: 'post',
  path: '/admin/users/{id}/roles',
  tags: ['Quản trị'],
  summary: 'Giao vai trò ở một đơn vị (phạm vi: đơn vị đó và cấp dưới)',
  middleware: [limitJsonBody] as const,
  request: { params: UserParam, ...jsonBody(RoleInput) },
  responses: { 200: json(z.object({ id: z.number().int() }), 'Đã giao'), ...errors, ...conflicts },
});

const removeRoleRoute = createRoute({
  method: 'delete',
  path: '/admin/users/{id}/roles/{roleId}',
  tags: ['Quản trị'],
  summary: 'Bỏ một vai trò',
  request: { params: z.object({ id: id('id'), roleId: id('roleId') }) },
  responses: { 200: json(z.object({ removed: z.number().int() }), 'Đã bỏ'), ...errors, ...conflicts },
});

const reset = createRoute({
  method: 'post',
  path: '/admin/users/{id}/password',
  tags: ['Quản trị'],
  summary: 'Đặt lại mật khẩu (người dùng phải đổi khi đăng nhập lần sau)',
  middleware: [limitJsonBody] as const,
  request: { params: UserParam, ...jsonBody(z.object({ password: Password })) },
  responses: { 200: json(z.object({ ok: z.boolean() }), 'Đã đặt lại'), ...errors },
});

const SettingsSchema = z
  .object({
    separationOfDuties: z.boolean().openapi({
      description: 'Người đã nhập hoặc gửi báo cáo kỳ của một đơn vị không được duyệt báo cáo đó',
    }),
  })
  .openapi('Settings');

const settingsGet = createRoute({
  method: 'get',
  path: '/admin/settings',
  tags: ['Quản trị'],
  summary: 'Thiết lập của tổ chức (tách bạch nhiệm vụ)',
  responses: { 200: json(SettingsSchema, 'Thiết lập'), ...errors },
});

const settingsPut = createRoute({
  method: 'put',
  path: '/admin/settings',
  tags: ['Quản trị'],
  summary: 'Đổi thiết lập của tổ chức (quản trị viên đơn vị gốc; có ghi nhật ký)',
  middleware: [limitJsonBody] as const,
  request: jsonBody(SettingsSchema.partial()),
  responses: { 200: json(SettingsSchema, 'Đã lưu'), ...errors },
});

export const adminUsersRoutes = createRouter()
  .openapi(settingsGet, (c) => c.json(settingsFor(c.var.deps.db, currentUser(c)), 200))
  .openapi(settingsPut, (c) =>
    c.json(updateSettings(c.var.deps.db, currentUser(c), c.req.valid('json')), 200),
  )
  .openapi(list, (c) => c.json(listAdminUsers(c.var.deps.db, currentUser(c)), 200))
  .openapi(create, async (c) => {
    const { db } = c.var.deps;
    const actor = currentUser(c);
    const { password, ...input } = c.req.valid('json');
    // Rights first, then the rules, then the hash (off the request thread), then the write.
    authorizeCreateUser(db, actor, input.roles);
    checkNewPassword(password, { username: checkUsername(input.username) });
    const passwordHash = await hashPassword(password);
    return c.json(adminCreateUser(db, actor, { ...input, passwordHash }), 200);
  })
  .openapi(patch, (c) => {
    const { db } = c.var.deps;
    const actor = currentUser(c);
    const userId = c.req.valid('param').id;
    const { active, email } = c.req.valid('json');
    // The address first: a bad one is refused before anything changes.
    const saved = email === undefined ? {} : setUserEmail(db, actor, userId, email);
    return c.json(
      { ...saved, ...(active === undefined ? {} : setUserActive(db, actor, userId, active)) },
      200,
    );
  })
  .openapi(addRoleRoute, (c) => {
    const row = addRole(c.var.deps.db, currentUser(c), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ id: row.id }, 200);
  })
  .openapi(removeRoleRoute, (c) => {
    const { id: userId, roleId } = c.req.valid('param');
    return c.json(removeRole(c.var.deps.db, currentUser(c), userId, roleId), 200);
  })
  .openapi(reset, async (c) => {
    const { db } = c.var.deps;
    const actor = currentUser(c);
    const userId = c.req.valid('param').id;
    const { password } = c.req.valid('json');
    checkNewPassword(password, { username: managedUsername(db, actor, userId) });
    return c.json(resetPassword(db, actor, userId, await hashPassword(password)), 200);
  });
