/**
 * Accounts over HTTP on a copy of the demo: creating users with scoped roles, the forced password
 * change, resets and deactivation ending sessions, admins limited to their subtree, and the last
 * admin kept — every refusal leaving the database unchanged. Each test has its own copy.
 */
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Answer, api, demoServerPerTest, loginAs, loginFirstTime, type Routes } from '../testing.ts';

type Users = Answer<Routes['admin']['users']['$get']>;
type Created = Answer<Routes['admin']['users']['$post']>;
type Me = Answer<Routes['auth']['me']['$get']>;
type SignedIn = Answer<Routes['auth']['login']['$post']>;

const PASSWORD = 'tam-thoi-123';
const demo = demoServerPerTest({ today: () => '2025-01-20', users: ['admin', 'nhap.phuhai', 'lanhdao'] });
const unit = (code: string) => demo.find.unit(code);

function counts() {
  return demo.db.get<Record<string, number>>(sql`SELECT
    (SELECT COUNT(*) FROM users) AS users, (SELECT COUNT(*) FROM users WHERE active = 1) AS active,
    (SELECT COUNT(*) FROM role_assignments) AS roles, (SELECT COUNT(*) FROM sessions) AS sessions,
    (SELECT COUNT(*) FROM audit_events) AS audit,
    (SELECT group_concat(password_hash) FROM users) AS hashes`);
}

/** A client for a session this test opened itself (a new account, or a password just set). */
const client = (session: Record<string, string>) => api(demo.url, session);
const me = async (session: Record<string, string>) => (await client(session).get<Me>('/api/auth/me')).body;
const createUser = (body: unknown, as = demo.as('admin')) => as.post<Created>('/api/admin/users', body);

describe('user administration', () => {
  it('creates a user with a scoped role, who must change the temporary password', async () => {
    const res = await createUser({
      username: 'nhap.mui.ne',
      displayName: 'Hội LHPN phường Mũi Né',
      password: PASSWORD,
      roles: [{ role: 'entry', unitId: unit('22915') }],
    });
    expect(res.status).toBe(200);
    const signedIn = await demo
      .anonymous()
      .post<SignedIn>('/api/auth/login', { username: 'nhap.mui.ne', password: PASSWORD });
    expect(signedIn.body.mustChangePassword).toBe(true);
    expect(signedIn.body.roles).toEqual([
      { role: 'entry', unitId: unit('22915'), unitName: 'Phường Mũi Né' },
    ]);
    const session = await loginAs(demo.url, 'nhap.mui.ne', PASSWORD);
    const blocked = await client(session).get('/api/units');
    expect(blocked.status).toBe(403);
    expect(blocked.error?.message).toContain('mật khẩu tạm');
    expect(
      (
        await client(session).post('/api/auth/password', {
          currentPassword: PASSWORD,
          newPassword: 'mat-khau-moi-1',
        })
      ).status,
    ).toBe(200);
    expect((await me(session))?.mustChangePassword).toBe(false);
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
      const res = await createUser(body);
      expect(res.status).toBe(400);
      expect(res.error?.message).toContain(word);
    }
    expect(counts()).toEqual(before);
  });

  it('keeps the last active admin: no deactivating, no demoting, database unchanged', async () => {
    const admin = demo.as('admin');
    const before = counts();
    const id = demo.find.user('admin');
    const off = await admin.patch(`/api/admin/users/${id}`, { active: false });
    expect(off.status).toBe(409);
    expect(off.error?.message).toContain('quản trị viên cuối cùng');
    const role = (await admin.get<Users>('/api/admin/users')).body.find((u) => u.id === id)?.roles[0];
    if (!role) throw new Error('The admin has no role to remove.');
    expect((await admin.delete(`/api/admin/users/${id}/roles/${role.id}`)).status).toBe(409);
    expect(counts()).toEqual(before);
  });

  it('limits an admin of a district to its subtree (403, nothing changed)', async () => {
    const created = await createUser({
      username: 'qt.phanthiet',
      displayName: 'Quản trị TP. Phan Thiết',
      password: PASSWORD,
      roles: [{ role: 'admin', unitId: unit('593') }],
    });
    expect(created.status).toBe(200);
    const district = client(await loginFirstTime(demo.url, 'qt.phanthiet', PASSWORD));
    const visible = (await district.get<Users>('/api/admin/users')).body.map((u) => u.username);
    expect(visible).toContain('nhap.phuthuy');
    expect(visible).not.toContain('lanhdao');
    const before = counts();
    const lanhdao = demo.find.user('lanhdao');
    expect((await district.post(`/api/admin/users/${lanhdao}/password`, { password: PASSWORD })).status).toBe(
      403,
    );
    expect((await district.patch(`/api/admin/users/${lanhdao}`, { active: false })).status).toBe(403);
    const phuthuy = demo.find.user('nhap.phuthuy');
    expect(
      (await district.post(`/api/admin/users/${phuthuy}/roles`, { role: 'viewer', unitId: unit('60') }))
        .status,
    ).toBe(403);
    expect(
      (
        await createUser(
          {
            username: 'x.tinh',
            displayName: 'X',
            password: PASSWORD,
            roles: [{ role: 'viewer', unitId: unit('60') }],
          },
          district,
        )
      ).status,
    ).toBe(403);
    expect(counts()).toEqual(before);
    // Within its subtree it works.
    expect(
      (await district.post(`/api/admin/users/${phuthuy}/roles`, { role: 'viewer', unitId: unit('593') }))
        .status,
    ).toBe(200);
    const dup = await district.post(`/api/admin/users/${phuthuy}/roles`, {
      role: 'viewer',
      unitId: unit('593'),
    });
    expect(dup.status).toBe(409);
  });

  it('a reset or a deactivation ends the user’s sessions at once', async () => {
    const admin = demo.as('admin');
    const session = demo.headers('nhap.phuhai');
    expect((await me(session))?.username).toBe('nhap.phuhai');
    const id = demo.find.user('nhap.phuhai');
    expect((await admin.post(`/api/admin/users/${id}/password`, { password: PASSWORD })).status).toBe(200);
    expect(await me(session)).toBeNull();
    const again = await loginAs(demo.url, 'nhap.phuhai', PASSWORD);
    expect((await me(again))?.mustChangePassword).toBe(true);
    expect((await admin.patch(`/api/admin/users/${id}`, { active: false })).status).toBe(200);
    expect(await me(again)).toBeNull();
    const login = await demo
      .anonymous()
      .post('/api/auth/login', { username: 'nhap.phuhai', password: PASSWORD });
    expect(login.status).toBe(401);
    const events = demo.db.all<{ action: string }>(
      sql`SELECT action FROM audit_events WHERE entity = 'user' AND entity_id = ${String(id)}`,
    );
    expect(events.map((e) => e.action)).toEqual(['reset_password', 'deactivate']);
  });

  it('non-admins get 403', async () => {
    const viewer = demo.as('lanhdao');
    const before = counts();
    expect((await viewer.get('/api/admin/users')).status).toBe(403);
    expect(
      (
        await createUser(
          {
            username: 'abc',
            displayName: 'X',
            password: PASSWORD,
            roles: [{ role: 'viewer', unitId: unit('60') }],
          },
          viewer,
        )
      ).status,
    ).toBe(403);
    expect((await demo.anonymous().get('/api/admin/users')).status).toBe(401);
    const after = counts();
    expect({ ...after, sessions: 0 }).toEqual({ ...before, sessions: 0 });
  });
});
