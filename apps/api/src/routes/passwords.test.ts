/**
 * Accounts that cannot be taken or locked out: the password rules (length, not the username, not
 * the current or temporary password, not a common one), a password change that is throttled like
 * sign-in and ends every other session, and a sign-in throttle keyed by (account, address) with a
 * generous ceiling per address, so a stranger cannot lock a real user out.
 */
import { DEMO_PASSWORD, schema } from '@chitieu/db';
import { demoDatabase } from '@chitieu/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestServer } from '../testing.ts';

let demo: ReturnType<typeof demoDatabase>;
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  demo = demoDatabase();
  server = await startTestServer(demo.db);
});
afterAll(() => server.close());

type Headers = Record<string, string>;
const post = (url: string, path: string, headers: Headers, body: unknown) =>
  fetch(`${url}/api${path}`, {
    method: 'POST',
    headers: { ...headers, origin: url, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
const messageOf = async (res: Response) =>
  ((await res.json()) as { error: { message: string } }).error.message;
const hashOf = (username: string) =>
  demo.db.select().from(schema.users).where(eq(schema.users.username, username)).get()?.passwordHash;

/** An account with a temporary password, created by the admin (as the accounts page does). */
async function newAccount(username: string, temporary: string) {
  const admin = await loginAs(server.url, 'admin');
  const res = await post(server.url, '/admin/users', admin, {
    username,
    displayName: 'Người thử',
    password: temporary,
    roles: [{ role: 'viewer', unitId: demo.provinceId }],
  });
  expect(res.status).toBe(200);
}

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
    const admin = await loginAs(server.url, 'admin');
    const res = await post(server.url, '/admin/users', admin, {
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
    await newAccount('nguoi.thu2', 'TempPass#1-tam');
    const session = await loginAs(server.url, 'nguoi.thu2', 'TempPass#1-tam');
    const before = hashOf('nguoi.thu2');
    const res = await post(server.url, '/auth/password', session, {
      currentPassword: 'TempPass#1-tam',
      newPassword: 'TempPass#1-tam',
    });
    expect(res.status).toBe(400);
    expect(await messageOf(res)).toContain('khác mật khẩu hiện tại');
    expect(hashOf('nguoi.thu2')).toBe(before);
    const me = (await (await fetch(`${server.url}/api/auth/me`, { headers: session })).json()) as {
      mustChangePassword: boolean;
    };
    expect(me.mustChangePassword).toBe(true);
  });

  it.each([['12345678'], ['1234567890'], ['nguoi.thu3pw']])(
    'changing one’s password to %j is refused',
    async (password) => {
      await newAccount(`nguoi.thu3${password.length}`, 'tam-thoi-rat-dai');
      const session = await loginAs(server.url, `nguoi.thu3${password.length}`, 'tam-thoi-rat-dai');
      const res = await post(server.url, '/auth/password', session, {
        currentPassword: 'tam-thoi-rat-dai',
        newPassword: password.replace('nguoi.thu3', `nguoi.thu3${password.length}`),
      });
      expect(res.status).toBe(400);
    },
  );

  it('an admin’s reset refuses a weak temporary password too', async () => {
    const admin = await loginAs(server.url, 'admin');
    const id = demo.db.select().from(schema.users).where(eq(schema.users.username, 'lanhdao')).get()?.id;
    const before = hashOf('lanhdao');
    const res = await post(server.url, `/admin/users/${id}/password`, admin, { password: '1234567890' });
    expect(res.status).toBe(400);
    expect(hashOf('lanhdao')).toBe(before);
  });

  it('a long, uncommon password is accepted, and the old one no longer opens the account', async () => {
    await newAccount('nguoi.thu4', 'tam-thoi-rat-dai');
    const session = await loginAs(server.url, 'nguoi.thu4', 'tam-thoi-rat-dai');
    const res = await post(server.url, '/auth/password', session, {
      currentPassword: 'tam-thoi-rat-dai',
      newPassword: 'Hoa sen nở trên hồ 2024',
    });
    expect(res.status).toBe(200);
    await expect(loginAs(server.url, 'nguoi.thu4', 'tam-thoi-rat-dai')).rejects.toThrow('401');
    expect((await loginAs(server.url, 'nguoi.thu4', 'Hoa sen nở trên hồ 2024')).cookie).toMatch(/chitieu/);
  });
});

describe('a password change', () => {
  it('ends every other session of the user, and keeps the one that changed it', async () => {
    await newAccount('nguoi.thu5', 'tam-thoi-rat-dai');
    const first = await loginAs(server.url, 'nguoi.thu5', 'tam-thoi-rat-dai');
    const other = await loginAs(server.url, 'nguoi.thu5', 'tam-thoi-rat-dai');
    const res = await post(server.url, '/auth/password', first, {
      currentPassword: 'tam-thoi-rat-dai',
      newPassword: 'một câu rất dài của tôi',
    });
    expect(res.status).toBe(200);
    const me = async (h: Headers) => (await fetch(`${server.url}/api/auth/me`, { headers: h })).json();
    expect(await me(other)).toBeNull();
    expect(await me(first)).toMatchObject({ username: 'nguoi.thu5', mustChangePassword: false });
  });

  it('is throttled like sign-in: a stolen session cannot guess the current password', async () => {
    const session = await loginAs(server.url, 'quanly');
    const before = hashOf('quanly');
    for (let i = 0; i < 5; i++) {
      const wrong = await post(server.url, '/auth/password', session, {
        currentPassword: `doan-${i}-sai-roi`,
        newPassword: 'mat-khau-cua-ke-trom',
      });
      expect(wrong.status).toBe(401);
    }
    const right = await post(server.url, '/auth/password', session, {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'mat-khau-cua-ke-trom',
    });
    expect(right.status).toBe(429);
    expect(right.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(hashOf('quanly')).toBe(before);
  });
});

describe('the sign-in throttle cannot be turned against users', () => {
  let proxied: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    // Behind a reverse proxy on this machine; a small ceiling per address, to reach it quickly.
    proxied = await startTestServer(demo.db, {
      network: { trustProxy: ['127.0.0.1'] },
      throttle: { perAddress: 12 },
    });
  });
  afterAll(() => proxied.close());

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
        (await post(server.url, '/auth/login', {}, { username: `ai-do-${i}`, password: 'x' })).status,
      ).toBe(401);
    }
    expect(
      (await post(server.url, '/auth/login', {}, { username: 'xem.phanthiet', password: DEMO_PASSWORD }))
        .status,
    ).toBe(200);
  });

  it('without TRUST_PROXY a forged X-Forwarded-For changes nothing', async () => {
    const forged = (address: string, password: string) =>
      post(server.url, '/auth/login', { 'x-forwarded-for': address }, { username: 'nhap.phuhai', password });
    for (let i = 0; i < 5; i++) expect((await forged(`192.0.2.${i}`, 'sai-sai')).status).toBe(401);
    expect((await forged('192.0.2.99', DEMO_PASSWORD)).status).toBe(429);
  });
});
