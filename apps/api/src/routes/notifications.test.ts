/**
 * Reminders over HTTP on the real demo: who is told of a report sent, returned and overdue; the
 * notifications are written with the workflow's action (none for a refused one); each user reads and
 * marks only their own; bad input is a 4xx with a Vietnamese message.
 */
import { recordOverdue, schema } from '@chitieu/db';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Answer, demoServerPerTest, type Routes } from '../testing.ts';

type Notifications = Answer<Routes['notifications']['$get']>;
type Unread = Answer<Routes['notifications']['read-all']['$post']>;

const TODAY = '2025-01-20';
const demo = demoServerPerTest({
  today: () => TODAY,
  users: ['nhap.phuthuy', 'nhap.phuhai', 'duyet.phanthiet', 'duyet.tinh', 'admin', 'lanhdao'],
});
const ids = () => ({
  phuThuy: demo.find.unit('22924'),
  phuHai: demo.find.unit('22921'),
  period: demo.find.period('2024-07-01'),
  poverty: demo.find.indicator('THOATNGHEO'),
});
const rows = () => demo.db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM notifications`)?.n ?? 0;
const mine = async (user: string) => (await demo.as(user).get<Notifications>('/api/notifications')).body;
const report = (user: string, action: 'submit' | 'return', body: Record<string, unknown> = {}) =>
  demo.as(user).post(`/api/submissions/${ids().phuThuy}/${ids().period}/${action}`, body);

/** Phú Thủy's report, with one figure, sent for approval. */
async function sent() {
  const saved = await demo.as('nhap.phuthuy').put('/api/results', {
    unitId: ids().phuThuy,
    periodId: ids().period,
    indicatorId: ids().poverty,
    value: '5',
    expectedVersion: null,
  });
  expect(saved.status).toBe(200);
  expect((await report('nhap.phuthuy', 'submit')).status).toBe(200);
}
/** …and returned by Phan Thiết's approver. */
async function returned() {
  await sent();
  const res = await report('duyet.phanthiet', 'return', { comment: 'Thiếu số hộ thoát nghèo của khu phố 3' });
  expect(res.status).toBe(200);
}

describe('notifications of the workflow', () => {
  it('a report sent: who may approve it is told (not the sender, not a viewer), in the same transaction', async () => {
    expect(await mine('duyet.phanthiet')).toEqual({ unread: 0, items: [] });
    // Refused (nothing to send yet): no notification either.
    const empty = await report('nhap.phuthuy', 'submit');
    expect(empty.status).toBe(400);
    expect(rows()).toBe(0);

    await sent();
    const { phuThuy, period } = ids();

    const approver = await mine('duyet.phanthiet');
    expect(approver.unread).toBe(1);
    expect(approver.items[0]).toMatchObject({
      kind: 'submitted',
      unitId: phuThuy,
      unitName: 'Phường Phú Thủy',
      period: { id: period, startDate: '2024-07-01', deadline: '2025-01-10' },
      params: { by: 'Hội LHPN phường Phú Thủy' },
      readAt: null,
    });
    // Everyone whose role lets them approve it: the province's approver and admin too.
    expect((await mine('duyet.tinh')).unread).toBe(1);
    expect((await mine('admin')).unread).toBe(1);
    expect((await mine('nhap.phuthuy')).unread).toBe(0);
    expect((await mine('lanhdao')).unread).toBe(0);
    expect((await mine('nhap.phuhai')).unread).toBe(0);

    // Sent again while it waits: refused (409), and nobody is told twice.
    const before = rows();
    expect((await report('nhap.phuthuy', 'submit')).status).toBe(409);
    expect(rows()).toBe(before);
  });

  it('a report returned: its clerks are told, with the reason; the approver who returned it is not', async () => {
    await returned();
    const clerk = await mine('nhap.phuthuy');
    expect(clerk.unread).toBe(1);
    expect(clerk.items[0]).toMatchObject({
      kind: 'returned',
      unitId: ids().phuThuy,
      params: { by: 'Hội LHPN TP. Phan Thiết (duyệt)', comment: 'Thiếu số hộ thoát nghèo của khu phố 3' },
    });
    expect((await mine('duyet.phanthiet')).unread).toBe(1);
    expect((await mine('nhap.phuhai')).unread).toBe(0);
  });

  it('each user reads and marks only their own (another’s is “not found”, and stays unread)', async () => {
    await returned();
    const theirs = (await mine('duyet.phanthiet')).items[0]?.id;
    expect((await mine('nhap.phuhai')).items.map((n) => n.id)).not.toContain(theirs);
    const foreign = await demo.as('nhap.phuhai').post(`/api/notifications/${theirs}/read`);
    expect(foreign.status).toBe(404);
    expect(foreign.error?.message).toBe(`Không tìm thấy thông báo ${theirs}.`);
    expect((await demo.as('nhap.phuthuy').post(`/api/notifications/${theirs}/read`)).status).toBe(404);
    expect((await mine('duyet.phanthiet')).items[0]?.readAt).toBeNull();
    // read-all marks the caller's own only.
    expect((await demo.as('nhap.phuhai').post<Unread>('/api/notifications/read-all')).body).toEqual({
      unread: 0,
    });
    expect((await mine('duyet.phanthiet')).unread).toBe(1);
    expect((await mine('nhap.phuthuy')).unread).toBe(1);
  });

  it('marks one read, then all; newest first', async () => {
    // A second report for the approver: Phú Thủy sends again after the fix.
    await returned();
    expect((await report('nhap.phuthuy', 'submit')).status).toBe(200);
    const list = await mine('duyet.phanthiet');
    expect(list.unread).toBe(2);
    expect(list.items.map((n) => n.id)).toEqual([...list.items.map((n) => n.id)].sort((a, b) => b - a));
    const [newest, older] = list.items;
    const approver = demo.as('duyet.phanthiet');
    const one = await approver.post<Unread>(`/api/notifications/${older?.id}/read`);
    expect({ status: one.status, body: one.body }).toEqual({ status: 200, body: { unread: 1 } });
    // Marking it again changes nothing.
    expect((await approver.post<Unread>(`/api/notifications/${older?.id}/read`)).body).toEqual({
      unread: 1,
    });
    const after = await mine('duyet.phanthiet');
    expect(after.items.find((n) => n.id === older?.id)?.readAt).not.toBeNull();
    expect(after.items.find((n) => n.id === newest?.id)?.readAt).toBeNull();
    expect((await approver.post<Unread>('/api/notifications/read-all')).body).toEqual({ unread: 0 });
    expect((await mine('duyet.phanthiet')).unread).toBe(0);
    expect((await mine('duyet.tinh')).unread).toBe(2);
  });

  it('refuses bad input with a 4xx and a Vietnamese message, never a 500', async () => {
    for (const [path, method, status, words] of [
      ['/notifications/abc/read', 'POST', 400, '“id” phải là số nguyên dương'],
      ['/notifications/0/read', 'POST', 400, '“id” phải là số nguyên dương'],
      ['/notifications/-1/read', 'POST', 400, '“id”'],
      ['/notifications/1e3/read', 'POST', 400, '“id”'],
      ['/notifications/99999999999999999999/read', 'POST', 400, '“id”'],
      ['/notifications/999999/read', 'POST', 404, 'Không tìm thấy thông báo'],
      ['/notifications?limit=abc', 'GET', 400, '“limit”'],
      ['/notifications?limit=0', 'GET', 400, '“limit”'],
      ['/notifications?limit=100000', 'GET', 400, '“limit” tối đa 200'],
    ] as const) {
      const clerk = demo.as('nhap.phuhai');
      const res = method === 'GET' ? await clerk.get(`/api${path}`) : await clerk.post(`/api${path}`);
      expect(res.status, path).toBe(status);
      expect(res.error?.message, path).toContain(words);
    }
    expect((await demo.as('nhap.phuhai').get('/api/notifications?limit=1')).status).toBe(200);
    expect((await demo.anonymous().get('/api/notifications')).status).toBe(401);
    expect((await demo.anonymous().post('/api/notifications/read-all')).status).toBe(401);
  });
});

describe('overdue reports', () => {
  it('reminds each unit’s clerks and the approvers just above it, once, however often the pass runs', () => {
    const d = demo.db;
    const { period, phuHai } = ids();
    const before = rows();
    // The deadline (10/01/2025) is still in time; nobody is late yet.
    expect(recordOverdue(d, '2025-01-10')).toEqual([]);
    const first = recordOverdue(d, TODAY);
    expect(first.length).toBeGreaterThan(0);
    expect(rows()).toBe(before + first.length);
    // Again the same day, the next day, after a restart: nothing new.
    expect(recordOverdue(d, TODAY)).toEqual([]);
    expect(recordOverdue(d, '2025-01-21')).toEqual([]);
    expect(rows()).toBe(before + first.length);

    const of = (username: string) =>
      d.all<{ unitId: number; periodId: number; kind: string }>(
        sql`SELECT unit_id AS unitId, period_id AS periodId, kind FROM notifications WHERE user_id = ${demo.find.user(username)}`,
      );
    // The clerk of Phú Hài, about Phú Hài only.
    expect(of('nhap.phuhai')).toEqual([{ unitId: phuHai, periodId: period, kind: 'overdue' }]);
    // Phan Thiết's approver, about its own communes; the province's approver about the others, not those.
    const phanThiet = new Set(of('duyet.phanthiet').map((n) => n.unitId));
    const province = new Set(of('duyet.tinh').map((n) => n.unitId));
    expect(phanThiet.has(phuHai)).toBe(true);
    expect(province.has(phuHai)).toBe(false);
    expect(province.size).toBeGreaterThan(0);
    expect([...phanThiet].filter((id) => province.has(id))).toEqual([]);
    // Viewers and the admin (there is an approver above every unit) are not reminded.
    expect(of('lanhdao')).toEqual([]);
    expect(of('admin')).toEqual([]);
    // One per recipient, unit and period.
    const keys = d.all<{ n: number }>(
      sql`SELECT COUNT(*) AS n FROM notifications GROUP BY user_id, unit_id, period_id HAVING n > 1`,
    );
    expect(keys).toEqual([]);
  });

  it('a report sent in time, or late but before the pass, is not overdue', async () => {
    // Phú Thủy's report was sent (and is waiting): no reminder for it.
    await sent();
    const { phuThuy, phuHai, period } = ids();
    const reminded = recordOverdue(demo.db, TODAY);
    expect(reminded.length).toBeGreaterThan(0);
    const thuy = demo.db.all<{ n: number }>(
      sql`SELECT COUNT(*) AS n FROM notifications WHERE kind = 'overdue' AND unit_id = ${phuThuy}`,
    );
    expect(thuy).toEqual([{ n: 0 }]);
    const hai = await mine('nhap.phuhai');
    expect(hai.unread).toBe(1);
    expect(hai.items[0]).toMatchObject({ kind: 'overdue', unitId: phuHai, period: { id: period } });
  });
});

describe('an e-mail address on the accounts page', () => {
  it('is set, listed, cleared; a bad one is refused with a Vietnamese message', async () => {
    const id = demo.find.user('duyet.phanthiet');
    const admin = demo.as('admin');
    const set = await admin.patch(`/api/admin/users/${id}`, { email: '  duyet.pt@example.org ' });
    expect({ status: set.status, body: set.body }).toEqual({
      status: 200,
      body: { email: 'duyet.pt@example.org' },
    });
    const users = await admin.get<Answer<Routes['admin']['users']['$get']>>('/api/admin/users');
    expect(users.body.find((u) => u.id === id)?.email).toBe('duyet.pt@example.org');
    for (const email of [
      'khong-phai-email',
      'a@b',
      'a b@example.org',
      'a@example.org, c@example.org',
      'x'.repeat(300),
    ]) {
      const res = await admin.patch(`/api/admin/users/${id}`, { email });
      expect(res.status, email).toBe(400);
      expect(res.error?.message, email).toMatch(/e-mail/);
    }
    expect((await admin.patch(`/api/admin/users/${id}`, { email: 5 })).status).toBe(400);
    expect((await admin.patch(`/api/admin/users/${id}`, {})).status).toBe(400);
    expect(
      demo.db
        .select()
        .from(schema.users)
        .all()
        .find((u) => u.id === id)?.email,
    ).toBe('duyet.pt@example.org');
    expect(
      (await demo.as('nhap.phuhai').patch(`/api/admin/users/${id}`, { email: 'x@example.org' })).status,
    ).toBe(403);
    expect((await admin.patch(`/api/admin/users/${id}`, { email: null })).body).toEqual({ email: null });
    expect((await admin.patch(`/api/admin/users/${id}`, { email: '' })).body).toEqual({ email: null });
  });
});
