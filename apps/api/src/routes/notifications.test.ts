/**
 * Reminders over HTTP on the real demo: who is told of a report sent, returned and overdue; the
 * notifications are written with the workflow's action (none for a refused one); each user reads and
 * marks only their own; bad input is a 4xx with a Vietnamese message.
 */
import { type Db, recordOverdue, schema } from '@chitieu/db';
import { cloneDatabase, demoDatabase } from '@chitieu/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestServer } from '../testing.ts';

const TODAY = '2025-01-20';
let seeded: ReturnType<typeof demoDatabase>;
let db: Db;
let server: Awaited<ReturnType<typeof startTestServer>>;
const as: Record<string, Record<string, string>> = {};
let phuThuy: number;
let phuHai: number;
let period: number;
let poverty: number;

const unitId = (d: Db, code: string) =>
  d
    .select()
    .from(schema.units)
    .all()
    .find((u) => u.code === code)?.id as number;
const userId = (d: Db, username: string) =>
  d
    .select()
    .from(schema.users)
    .all()
    .find((u) => u.username === username)?.id as number;
const rows = (d: Db) => d.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM notifications`)?.n ?? 0;

async function signIn(url: string, users: string[]) {
  for (const user of users) {
    as[user] = { ...(await loginAs(url, user)), 'content-type': 'application/json' };
  }
}

async function call(user: string | null, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}/api${path}`, {
    method,
    headers: user ? as[user] : { origin: server.url, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the test walks JSON bodies of many shapes
  return { status: res.status, body: (await res.json()) as any };
}
const mine = async (user: string) => (await call(user, 'GET', '/notifications')).body;

beforeAll(async () => {
  seeded = demoDatabase();
  db = cloneDatabase(seeded.db);
  server = await startTestServer(db, { today: () => TODAY });
  phuThuy = unitId(db, '22924');
  phuHai = unitId(db, '22921');
  period = db
    .select()
    .from(schema.periods)
    .all()
    .find((p) => p.startDate === '2024-07-01')?.id as number;
  poverty = db
    .select()
    .from(schema.indicators)
    .all()
    .find((i) => i.code === 'THOATNGHEO')?.id as number;
  await signIn(server.url, [
    'nhap.phuthuy',
    'nhap.phuhai',
    'duyet.phanthiet',
    'duyet.tinh',
    'admin',
    'lanhdao',
  ]);
});
afterAll(() => server.close());

describe('notifications of the workflow', () => {
  it('a report sent: who may approve it is told (not the sender, not a viewer), in the same transaction', async () => {
    expect(await mine('duyet.phanthiet')).toEqual({ unread: 0, items: [] });
    // Refused (nothing to send yet): no notification either.
    const empty = await call('nhap.phuthuy', 'POST', `/submissions/${phuThuy}/${period}/submit`, {});
    expect(empty.status).toBe(400);
    expect(rows(db)).toBe(0);

    const saved = await call('nhap.phuthuy', 'PUT', '/results', {
      unitId: phuThuy,
      periodId: period,
      indicatorId: poverty,
      value: '5',
      expectedVersion: null,
    });
    expect(saved.status).toBe(200);
    expect((await call('nhap.phuthuy', 'POST', `/submissions/${phuThuy}/${period}/submit`, {})).status).toBe(
      200,
    );

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
    const before = rows(db);
    expect((await call('nhap.phuthuy', 'POST', `/submissions/${phuThuy}/${period}/submit`, {})).status).toBe(
      409,
    );
    expect(rows(db)).toBe(before);
  });

  it('a report returned: its clerks are told, with the reason; the approver who returned it is not', async () => {
    const res = await call('duyet.phanthiet', 'POST', `/submissions/${phuThuy}/${period}/return`, {
      comment: 'Thiếu số hộ thoát nghèo của khu phố 3',
    });
    expect(res.status).toBe(200);
    const clerk = await mine('nhap.phuthuy');
    expect(clerk.unread).toBe(1);
    expect(clerk.items[0]).toMatchObject({
      kind: 'returned',
      unitId: phuThuy,
      params: { by: 'Hội LHPN TP. Phan Thiết (duyệt)', comment: 'Thiếu số hộ thoát nghèo của khu phố 3' },
    });
    expect((await mine('duyet.phanthiet')).unread).toBe(1);
    expect((await mine('nhap.phuhai')).unread).toBe(0);
  });

  it('each user reads and marks only their own (another’s is “not found”, and stays unread)', async () => {
    const theirs = (await mine('duyet.phanthiet')).items[0].id as number;
    expect((await mine('nhap.phuhai')).items.map((n: { id: number }) => n.id)).not.toContain(theirs);
    const foreign = await call('nhap.phuhai', 'POST', `/notifications/${theirs}/read`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.message).toBe(`Không tìm thấy thông báo ${theirs}.`);
    expect((await call('nhap.phuthuy', 'POST', `/notifications/${theirs}/read`)).status).toBe(404);
    expect((await mine('duyet.phanthiet')).items[0].readAt).toBeNull();
    // read-all marks the caller's own only.
    expect((await call('nhap.phuhai', 'POST', '/notifications/read-all')).body).toEqual({ unread: 0 });
    expect((await mine('duyet.phanthiet')).unread).toBe(1);
    expect((await mine('nhap.phuthuy')).unread).toBe(1);
  });

  it('marks one read, then all; newest first', async () => {
    // A second report for the approver: Phú Thủy sends again after the fix.
    expect((await call('nhap.phuthuy', 'POST', `/submissions/${phuThuy}/${period}/submit`, {})).status).toBe(
      200,
    );
    const list = await mine('duyet.phanthiet');
    expect(list.unread).toBe(2);
    expect(list.items.map((n: { id: number }) => n.id)).toEqual(
      [...list.items.map((n: { id: number }) => n.id)].sort((a, b) => b - a),
    );
    const [newest, older] = list.items;
    const one = await call('duyet.phanthiet', 'POST', `/notifications/${older.id}/read`);
    expect(one).toEqual({ status: 200, body: { unread: 1 } });
    // Marking it again changes nothing.
    expect((await call('duyet.phanthiet', 'POST', `/notifications/${older.id}/read`)).body).toEqual({
      unread: 1,
    });
    const after = await mine('duyet.phanthiet');
    expect(after.items.find((n: { id: number }) => n.id === older.id).readAt).not.toBeNull();
    expect(after.items.find((n: { id: number }) => n.id === newest.id).readAt).toBeNull();
    expect((await call('duyet.phanthiet', 'POST', '/notifications/read-all')).body).toEqual({ unread: 0 });
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
      const res = await call('nhap.phuhai', method, path);
      expect(res.status, path).toBe(status);
      expect(res.body.error.message, path).toContain(words);
    }
    expect((await call('nhap.phuhai', 'GET', '/notifications?limit=1')).status).toBe(200);
    expect((await call(null, 'GET', '/notifications')).status).toBe(401);
    expect((await call(null, 'POST', '/notifications/read-all')).status).toBe(401);
  });
});

describe('overdue reports', () => {
  it('reminds each unit’s clerks and the approvers just above it, once, however often the pass runs', () => {
    const d = cloneDatabase(seeded.db);
    const before = rows(d);
    // The deadline (10/01/2025) is still in time; nobody is late yet.
    expect(recordOverdue(d, '2025-01-10')).toEqual([]);
    const first = recordOverdue(d, TODAY);
    expect(first.length).toBeGreaterThan(0);
    expect(rows(d)).toBe(before + first.length);
    // Again the same day, the next day, after a restart: nothing new.
    expect(recordOverdue(d, TODAY)).toEqual([]);
    expect(recordOverdue(d, '2025-01-21')).toEqual([]);
    expect(rows(d)).toBe(before + first.length);

    const of = (username: string) =>
      d.all<{ unitId: number; periodId: number; kind: string }>(
        sql`SELECT unit_id AS unitId, period_id AS periodId, kind FROM notifications WHERE user_id = ${userId(d, username)}`,
      );
    // The clerk of Phú Hài, about Phú Hài only.
    expect(of('nhap.phuhai')).toEqual([{ unitId: unitId(d, '22921'), periodId: period, kind: 'overdue' }]);
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
    // In the server's own database, Phú Thủy's report was sent (and is waiting): no reminder for it.
    const ids = recordOverdue(db, TODAY);
    expect(ids.length).toBeGreaterThan(0);
    const thuy = db.all<{ n: number }>(
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
    const id = userId(db, 'duyet.phanthiet');
    const set = await call('admin', 'PATCH', `/admin/users/${id}`, { email: '  duyet.pt@example.org ' });
    expect(set).toEqual({ status: 200, body: { email: 'duyet.pt@example.org' } });
    const listed = (await call('admin', 'GET', '/admin/users')).body.find((u: { id: number }) => u.id === id);
    expect(listed.email).toBe('duyet.pt@example.org');
    for (const email of [
      'khong-phai-email',
      'a@b',
      'a b@example.org',
      'a@example.org, c@example.org',
      'x'.repeat(300),
    ]) {
      const res = await call('admin', 'PATCH', `/admin/users/${id}`, { email });
      expect(res.status, email).toBe(400);
      expect(res.body.error.message, email).toMatch(/e-mail/);
    }
    expect((await call('admin', 'PATCH', `/admin/users/${id}`, { email: 5 })).status).toBe(400);
    expect((await call('admin', 'PATCH', `/admin/users/${id}`, {})).status).toBe(400);
    expect(
      db
        .select()
        .from(schema.users)
        .all()
        .find((u) => u.id === id)?.email,
    ).toBe('duyet.pt@example.org');
    expect(
      (await call('nhap.phuhai', 'PATCH', `/admin/users/${id}`, { email: 'x@example.org' })).status,
    ).toBe(403);
    expect((await call('admin', 'PATCH', `/admin/users/${id}`, { email: null })).body).toEqual({
      email: null,
    });
    expect((await call('admin', 'PATCH', `/admin/users/${id}`, { email: '' })).body).toEqual({ email: null });
  });
});
