/**
 * Accounts over HTTP on a copy of the demo: creating users with scoped roles, the forced password
 * change, resets and deactivation ending sessions, admins limited to their subtree, and the last
 * admin kept — every refusal leaving the database unchanged.
 */
import { type Db, schema } from '@chitieu/db';
import { demoDatabase } from '@chitieu/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, loginFirstTime, startTestServer } from '../testing.ts';

const PASSWORD = 'tam-thoi-123';
let db: Db;
let server: Awaited<ReturnType<typeof startTestServer>>;
let admin: Record<string, string>;
const unit = (code: string) =>
  db
    .select()
    .from(schema.units)
    .all()
    .find((u) => u.code === code)?.id as number;

function counts() {
  return db.get<Record<string, number>>(sql`SELECT
    (SELECT COUNT(*) FROM users) AS users, (SELECT COUNT(*) FROM users WHERE active = 1) AS active,
    (SELECT COUNT(*) FROM role_assignments) AS roles, (SELECT COUNT(*) FROM sessions) AS sessions,
    (SELECT COUNT(*) FROM audit_events) AS audit,
    (SELECT group_concat(password_hash) FROM users) AS hashes`);
}

beforeAll(async () => {
  db = demoDatabase().db;
  server = await startTestServer(db, { today: () => '2025-01-20' });
  admin = await loginAs(server.url, 'admin');
});
afterAll(() => server.close());

const call = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  fetch(`${server.url}/api${path}`, {
    method,
    headers: { ...headers, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
type User = {
  id: number;
  username: string;
  active: boolean;
  roles: { id: number; role: string; unitId: number }[];
};
const users = async (as = admin): Promise<User[]> => (await call('GET', '/admin/users', as)).json();
const userId = async (name: string) => ((await users()).find((u) => u.username === name) as User).id;

describe('user administration', () => {
  it('creates a user with a scoped role, who must change the temporary password', async () => {
    const res = await call('POST', '/admin/users', admin, {
      username: 'nhap.mui.ne',
      displayName: 'Hội LHPN phường Mũi Né',
      password: PASSWORD,
      roles: [{ role: 'entry', unitId: unit('22915') }],
    });
    expect(res.status).toBe(200);
    const me = await (
      await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ username: 'nhap.mui.ne', password: PASSWORD }),
      })
    ).json();
    expect(me.mustChangePassword).toBe(true);
    expect(me.roles).toEqual([{ role: 'entry', unitId: unit('22915'), unitName: 'Phường Mũi Né' }]);
    const session = await loginAs(server.url, 'nhap.mui.ne', PASSWORD);
    const blocked = await call('GET', '/units', session);
    expect(blocked.status).toBe(403);
    expect((await blocked.json()).error.message).toContain('mật khẩu tạm');
    expect(
      (
        await call('POST', '/auth/password', session, {
          currentPassword: PASSWORD,
          newPassword: 'mat-khau-moi-1',
        })
      ).status,
    ).toBe(200);
    const after = await (await call('GET', '/auth/me', session)).json();
    expect(after.mustChangePassword).toBe(false);
  });

  it('refuses bad input with a Vietnamese message and writes nothing', async () => {
    const before = counts();
    const cases: [unknown, string][] = [
      [
        {
          username: 'ab',
          displayName: 'X',
          password: PASSWORD,
          roles: [{ role: 'entry', unitId: unit('60') }],
        },
        'username',
      ],
      [
        {
          username: 'abc.def',
          displayName: 'X',
          password: 'ngan',
          roles: [{ role: 'entry', unitId: unit('60') }],
        },
        'ít nhất 10 ký tự',
      ],
      [
        {
          username: 'abc.def',
          displayName: 'X',
          password: PASSWORD,
          roles: [{ role: 'boss', unitId: unit('60') }],
        },
        'role',
      ],
      [{ username: 'abc.def', displayName: 'X', password: PASSWORD, roles: [] }, 'roles'],
      [
        {
          username: 'admin',
          displayName: 'X',
          password: PASSWORD,
          roles: [{ role: 'viewer', unitId: unit('60') }],
        },
        'đã có',
      ],
      [
        {
          username: 'Tên Có Dấu',
          displayName: 'X',
          password: PASSWORD,
          roles: [{ role: 'viewer', unitId: unit('60') }],
        },
        'không dấu',
      ],
    ];
    for (const [body, word] of cases) {
      const res = await call('POST', '/admin/users', admin, body);
      expect(res.status).toBe(400);
      expect((await res.json()).error.message).toContain(word);
    }
    expect(counts()).toEqual(before);
  });

  it('keeps the last active admin: no deactivating, no demoting, database unchanged', async () => {
    const before = counts();
    const id = await userId('admin');
    const off = await call('PATCH', `/admin/users/${id}`, admin, { active: false });
    expect(off.status).toBe(409);
    expect((await off.json()).error.message).toContain('quản trị viên cuối cùng');
    const role = ((await users()).find((u) => u.id === id) as User).roles[0] as { id: number };
    expect((await call('DELETE', `/admin/users/${id}/roles/${role.id}`, admin)).status).toBe(409);
    expect(counts()).toEqual(before);
  });

  it('limits an admin of a district to its subtree (403, nothing changed)', async () => {
    await call('POST', '/admin/users', admin, {
      username: 'qt.phanthiet',
      displayName: 'Quản trị TP. Phan Thiết',
      password: PASSWORD,
      roles: [{ role: 'admin', unitId: unit('593') }],
    });
    const district = await loginFirstTime(server.url, 'qt.phanthiet', PASSWORD);
    const visible = (await users(district)).map((u) => u.username);
    expect(visible).toContain('nhap.phuthuy');
    expect(visible).not.toContain('lanhdao');
    const before = counts();
    const lanhdao = await userId('lanhdao');
    expect(
      (await call('POST', `/admin/users/${lanhdao}/password`, district, { password: PASSWORD })).status,
    ).toBe(403);
    expect((await call('PATCH', `/admin/users/${lanhdao}`, district, { active: false })).status).toBe(403);
    const phuthuy = await userId('nhap.phuthuy');
    expect(
      (await call('POST', `/admin/users/${phuthuy}/roles`, district, { role: 'viewer', unitId: unit('60') }))
        .status,
    ).toBe(403);
    expect(
      (
        await call('POST', '/admin/users', district, {
          username: 'x.tinh',
          displayName: 'X',
          password: PASSWORD,
          roles: [{ role: 'viewer', unitId: unit('60') }],
        })
      ).status,
    ).toBe(403);
    expect(counts()).toEqual(before);
    // Within its subtree it works.
    expect(
      (await call('POST', `/admin/users/${phuthuy}/roles`, district, { role: 'viewer', unitId: unit('593') }))
        .status,
    ).toBe(200);
    const dup = await call('POST', `/admin/users/${phuthuy}/roles`, district, {
      role: 'viewer',
      unitId: unit('593'),
    });
    expect(dup.status).toBe(409);
  });

  it('a reset or a deactivation ends the user’s sessions at once', async () => {
    const session = await loginAs(server.url, 'nhap.phuhai');
    expect((await (await call('GET', '/auth/me', session)).json())?.username).toBe('nhap.phuhai');
    const id = await userId('nhap.phuhai');
    expect((await call('POST', `/admin/users/${id}/password`, admin, { password: PASSWORD })).status).toBe(
      200,
    );
    expect(await (await call('GET', '/auth/me', session)).json()).toBeNull();
    const again = await loginAs(server.url, 'nhap.phuhai', PASSWORD);
    expect((await (await call('GET', '/auth/me', again)).json()).mustChangePassword).toBe(true);
    expect((await call('PATCH', `/admin/users/${id}`, admin, { active: false })).status).toBe(200);
    expect(await (await call('GET', '/auth/me', again)).json()).toBeNull();
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ username: 'nhap.phuhai', password: PASSWORD }),
    });
    expect(login.status).toBe(401);
    const events = db.all<{ action: string }>(
      sql`SELECT action FROM audit_events WHERE entity = 'user' AND entity_id = ${String(id)}`,
    );
    expect(events.map((e) => e.action)).toEqual(['reset_password', 'deactivate']);
  });

  it('non-admins get 403', async () => {
    const viewer = await loginAs(server.url, 'lanhdao');
    const before = counts();
    expect((await call('GET', '/admin/users', viewer)).status).toBe(403);
    expect(
      (
        await call('POST', '/admin/users', viewer, {
          username: 'abc',
          displayName: 'X',
          password: PASSWORD,
          roles: [{ role: 'viewer', unitId: unit('60') }],
        })
      ).status,
    ).toBe(403);
    expect((await call('GET', '/admin/users', {})).status).toBe(401);
    const after = counts();
    expect({ ...after, sessions: 0 }).toEqual({ ...before, sessions: 0 });
  });
});
