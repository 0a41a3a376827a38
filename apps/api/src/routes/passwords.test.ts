/**
 * Accounts that cannot be taken or locked out: the password rules (length, not the username, not
 * the current or temporary password, not a common one), a password change that is throttled like
 * sign-in and ends every other session, and a sign-in throttle keyed by (account, address) with a
 * generous ceiling per address, so a stranger cannot lock a real user out.
 *
 * Nearly all of this file's time is password hashing (scrypt, ~60 ms of one core, several times that
 * on a busy machine, one at a time): the sign-ins and changes under test hash, so the accounts they
 * stand on are made once per file, as the admin makes them, and signed in once (see NEW_ACCOUNTS).
 */
import { adminCreateUser, type Db, DEMO_PASSWORD, hashPasswordSync, schema } from '@chitieu/db';
import { demoLookups } from '@chitieu/db/testing';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ErrorSchema } from '../schemas/common.ts';
import { type Answer, api, demoServerPerTest, loginAs, type Routes, startTestServer } from '../testing.ts';

type Me = Answer<Routes['auth']['me']['$get']>;

/**
 * Accounts with a temporary password, made by the admin as the accounts page makes them (the
 * change is required at first sign-in). Their temporary password is the demo's, so they sign in
 * once per file with the others and no test hashes a password it does not check.
 */
const NEW_ACCOUNTS = ['nguoi.thu38', 'nguoi.thu310', 'nguoi.thu312', 'nguoi.thu4', 'nguoi.thu5'];
/** A temporary password long and uncommon enough that only "not the current one" can refuse it. */
const LONG_TEMPORARY = 'TempPass#1-tam';
function newAccounts(db: Db) {
  const find = demoLookups(db);
  const admin = db
    .select()
    .from(schema.users)
    .where(eq(schema.users.id, find.user('admin')))
    .get();
  if (!admin) throw new Error('The demo has no admin.');
  // The demo's hash of its password, reused: making six more would cost six hashes for nothing.
  const passwordHash = admin.passwordHash;
  const province = find.unit('60');
  const actor = { id: admin.id, roles: [{ role: 'admin' as const, unitId: province }] };
  const account = (username: string, hash: string) =>
    adminCreateUser(db, actor, {
      username,
      displayName: 'Người thử',
      passwordHash: hash,
      roles: [{ role: 'viewer', unitId: province }],
    });
  for (const username of NEW_ACCOUNTS) account(username, passwordHash);
  account('nguoi.thu2', hashPasswordSync(LONG_TEMPORARY));
}
const TEMPORARY = DEMO_PASSWORD;

const demo = demoServerPerTest({
  prepare: ({ db }) => newAccounts(db),
  users: ['admin', 'quanly', ...NEW_ACCOUNTS],
});

type Headers = Record<string, string>;
const post = (url: string, path: string, headers: Headers, body: unknown) =>
  fetch(`${url}/api${path}`, {
    method: 'POST',
    headers: { ...headers, origin: url, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const messageOf = async (res: Response) => ((await res.json()) as z.infer<typeof ErrorSchema>).error.message;
const hashOf = (username: string) =>
  demo.db.select().from(schema.users).where(eq(schema.users.username, username)).get()?.passwordHash;
const me = async (headers: Headers) => (await api(demo.url, headers).get<Me>('/api/auth/me')).body;

describe('password rules', () => {
  it.each([
    ['too short', 'Ngan#123', 'ít nhất 10 ký tự'],
    ['four emoji (eight UTF-16 units)', '🔒🔑🗝️🚪', 'ít nhất 10 ký tự'],
    ['the username with "pw"', 'nguoi.thu1pw', 'tên đăng nhập'],
    ['the username in capitals', 'xx-NGUOI.THU1-xx', 'tên đăng nhập'],
    ['a common password', 'qwertyuiop', 'quá phổ biến'],
    ['a common password in other capitals', 'Password123', 'quá phổ biến'],
    ['a Vietnamese favourite', 'anhyeuem123', 'quá phổ biến'],
  ])('a new account refuses %s', async (_, password, message) => {
    const res = await post(demo.url, '/admin/users', demo.headers('admin'), {
      username: 'nguoi.thu1',
      displayName: 'Người thử',
      password,
      roles: [{ role: 'viewer', unitId: demo.provinceId }],
    });
    expect(res.status).toBe(400);
    expect(await messageOf(res)).toContain(message);
    expect(hashOf('nguoi.thu1')).toBeUndefined();
  });

  it('a temporary password cannot be kept: changing it to itself is refused', async () => {
    const session = await loginAs(demo.url, 'nguoi.thu2', LONG_TEMPORARY);
    const before = hashOf('nguoi.thu2');
    const res = await post(demo.url, '/auth/password', session, {
      currentPassword: LONG_TEMPORARY,
      newPassword: LONG_TEMPORARY,
    });
    expect(res.status).toBe(400);
    expect(await messageOf(res)).toContain('khác mật khẩu hiện tại');
    expect(hashOf('nguoi.thu2')).toBe(before);
    expect((await me(session))?.mustChangePassword).toBe(true);
  });

  it.each([['12345678'], ['1234567890'], ['nguoi.thu3pw']])(
    'changing one’s password to %j is refused',
    async (password) => {
      const username = `nguoi.thu3${password.length}`;
      const res = await post(demo.url, '/auth/password', demo.headers(username), {
        currentPassword: TEMPORARY,
        newPassword: password.replace('nguoi.thu3', username),
      });
      expect(res.status).toBe(400);
    },
  );

  it('an admin’s reset refuses a weak temporary password too', async () => {
    const id = demo.find.user('lanhdao');
    const before = hashOf('lanhdao');
    const res = await post(demo.url, `/admin/users/${id}/password`, demo.headers('admin'), {
      password: '1234567890',
    });
    expect(res.status).toBe(400);
    expect(hashOf('lanhdao')).toBe(before);
  });

  it('a long, uncommon password is accepted, and the old one no longer opens the account', async () => {
    const res = await post(demo.url, '/auth/password', demo.headers('nguoi.thu4'), {
      currentPassword: TEMPORARY,
      newPassword: 'Hoa sen nở trên hồ 2024',
    });
    expect(res.status).toBe(200);
    await expect(loginAs(demo.url, 'nguoi.thu4', TEMPORARY)).rejects.toThrow('401');
    expect((await loginAs(demo.url, 'nguoi.thu4', 'Hoa sen nở trên hồ 2024')).cookie).toMatch(/chitieu/);
  });
});

describe('a password change', () => {
  it('ends every other session of the user, and keeps the one that changed it', async () => {
    const first = demo.headers('nguoi.thu5');
    const other = await loginAs(demo.url, 'nguoi.thu5', TEMPORARY);
    const res = await post(demo.url, '/auth/password', first, {
      currentPassword: TEMPORARY,
      newPassword: 'một câu rất dài của tôi',
    });
    expect(res.status).toBe(200);
    expect(await me(other)).toBeNull();
    expect(await me(first)).toMatchObject({ username: 'nguoi.thu5', mustChangePassword: false });
  });

  it('is throttled like sign-in: a stolen session cannot guess the current password', async () => {
    const session = demo.headers('quanly');
    const before = hashOf('quanly');
    for (let i = 0; i < 5; i++) {
      const wrong = await post(demo.url, '/auth/password', session, {
        currentPassword: `doan-${i}-sai-roi`,
        newPassword: 'mat-khau-cua-ke-trom',
      });
      expect(wrong.status).toBe(401);
    }
    const right = await post(demo.url, '/auth/password', session, {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'mat-khau-cua-ke-trom',
    });
    expect(right.status).toBe(429);
    expect(right.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(hashOf('quanly')).toBe(before);
  });
});

describe('the sign-in throttle cannot be turned against users', () => {
  // Behind a reverse proxy on this machine; a small ceiling per address, to reach it quickly. Each
  // test has its own (the throttle's counts live in the app), on its own copy of the demo.
  let proxied: Awaited<ReturnType<typeof startTestServer>>;
  beforeEach(async () => {
    proxied = await startTestServer(demo.db, {
      network: { trustProxy: ['127.0.0.1'] },
      throttle: { perAddress: 12 },
    });
  });
  afterEach(() => proxied.close());
  const loginFrom = (address: string, username: string, password: string) =>
    fetch(`${proxied.url}/api/auth/login`, {
      method: 'POST',
      headers: {
        origin: proxied.url,
        'content-type': 'application/json',
        'x-forwarded-for': `203.0.113.9, ${address}`,
      },
      body: JSON.stringify({ username, password }),
    });

  it('five wrong passwords lock that account from that address only', async () => {
    for (let i = 0; i < 5; i++)
      expect((await loginFrom('198.51.100.1', 'admin', 'sai-sai')).status).toBe(401);
    expect((await loginFrom('198.51.100.1', 'admin', DEMO_PASSWORD)).status).toBe(429);
    // The real admin, elsewhere, is not locked out.
    expect((await loginFrom('198.51.100.2', 'admin', DEMO_PASSWORD)).status).toBe(200);
    // Nor are the other accounts behind the same address.
    expect((await loginFrom('198.51.100.1', 'lanhdao', DEMO_PASSWORD)).status).toBe(200);
  });

  it('made-up names from one address do not lock out the others behind it, until a generous ceiling', async () => {
    for (let i = 0; i < 11; i++) {
      expect((await loginFrom('198.51.100.3', `khong-co-${i}`, 'sai-sai')).status).toBe(401);
    }
    expect((await loginFrom('198.51.100.3', 'duyet.tinh', DEMO_PASSWORD)).status).toBe(200);
    expect((await loginFrom('198.51.100.3', 'khong-co-x', 'sai-sai')).status).toBe(401);
    // The ceiling: this address is now refused for everyone; other addresses are not.
    const blocked = await loginFrom('198.51.100.3', 'duyet.tinh', DEMO_PASSWORD);
    expect(blocked.status).toBe(429);
    expect((await loginFrom('198.51.100.4', 'duyet.tinh', DEMO_PASSWORD)).status).toBe(200);
  });

  it('the default ceiling per address is generous: 30 made-up names block nobody', async () => {
    for (let i = 0; i < 30; i++) {
      expect(
        (await post(demo.url, '/auth/login', {}, { username: `ai-do-${i}`, password: 'x' })).status,
      ).toBe(401);
    }
    expect(
      (await post(demo.url, '/auth/login', {}, { username: 'xem.phanthiet', password: DEMO_PASSWORD }))
        .status,
    ).toBe(200);
  });

  it('without TRUST_PROXY a forged X-Forwarded-For changes nothing', async () => {
    const forged = (address: string, password: string) =>
      post(demo.url, '/auth/login', { 'x-forwarded-for': address }, { username: 'nhap.phuhai', password });
    for (let i = 0; i < 5; i++) expect((await forged(`192.0.2.${i}`, 'sai-sai')).status).toBe(401);
    expect((await forged('192.0.2.99', DEMO_PASSWORD)).status).toBe(429);
  });
});
