import { DEMO_PASSWORD } from '@chitieu/db';
import { demoDatabase } from '@chitieu/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestServer } from '../testing.ts';

let demo: ReturnType<typeof demoDatabase>;
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  demo = demoDatabase();
  server = await startTestServer(demo.db);
});
afterAll(() => server.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, ...headers },
    body: JSON.stringify({ username, password }),
  });
/** Who the server thinks you are: null when the session is gone. */
const me = async (cookie: string) =>
  (await fetch(`${server.url}/api/auth/me`, { headers: { cookie } })).json();

describe('log in and out', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and answers who you are', async () => {
    const res = await login('duyet.phanthiet', DEMO_PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/chitieu_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain http on loopback
    const body = (await res.json()) as { roles: { role: string; unitName: string }[] };
    expect(body.roles).toEqual([
      { role: 'approver', unitId: expect.any(Number), unitName: 'Thành phố Phan Thiết' },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/scrypt|passwordHash/);
  });

  it('marks the cookie Secure behind HTTPS, as a trusted proxy says', async () => {
    // Anyone may send X-Forwarded-Proto; only the proxy named in TRUST_PROXY is believed.
    const direct = await login('lanhdao', DEMO_PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(direct.headers.get('set-cookie')).not.toMatch(/Secure/);
    const proxied = await startTestServer(demo.db, { network: { trustProxy: ['127.0.0.1'] } });
    try {
      const res = await fetch(`${proxied.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: proxied.url, 'x-forwarded-proto': 'https' },
        body: JSON.stringify({ username: 'lanhdao', password: DEMO_PASSWORD }),
      });
      expect(res.headers.get('set-cookie')).toMatch(/Secure/);
    } finally {
      await proxied.close();
    }
  });

  it('refuses a wrong password and an unknown user with the same message', async () => {
    const wrong = await login('lanhdao', 'sai-mat-khau');
    const unknown = await login('khong-co-ai', 'sai-mat-khau');
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    // The same envelope but for the request's own id: nothing tells an existing account apart.
    const withoutId = async (res: Response) => {
      const { error } = (await res.json()) as { error: { requestId: string } };
      expect(error.requestId).toBe(res.headers.get('x-request-id'));
      return { ...error, requestId: undefined };
    };
    const messages = await Promise.all([withoutId(wrong), withoutId(unknown)]);
    expect(messages[0]).toEqual(messages[1]);
    expect(JSON.stringify(messages[0])).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
  });

  it('logout really ends the session', async () => {
    const { cookie } = await loginAs(server.url, 'xem.phanthiet');
    expect(await me(cookie)).toMatchObject({ username: 'xem.phanthiet' });
    const out = await fetch(`${server.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie, origin: server.url },
    });
    expect(out.status).toBe(200);
    expect(await me(cookie)).toBeNull();
  });

  it('an expired session is refused', async () => {
    const { cookie } = await loginAs(server.url, 'quanly');
    demo.db.run(sql`UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z'`);
    expect(await me(cookie)).toBeNull();
    const res = await fetch(`${server.url}/api/terms`, { headers: { cookie } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('Bạn cần đăng nhập.');
  });

  it('throttles repeated failures per account, even with the right password then', async () => {
    for (let i = 0; i < 5; i++) expect((await login('nhap.phuhai', 'sai')).status).toBe(401);
    const blocked = await login('nhap.phuhai', DEMO_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(JSON.stringify(await blocked.json())).toContain('quá nhiều lần');
    // Other accounts are not locked out by it.
    expect((await login('nhap.phuthuy', DEMO_PASSWORD)).status).toBe(200);
  });

  it('refuses a state-changing request from another origin, or with no origin (CSRF)', async () => {
    const { cookie } = await loginAs(server.url, 'admin');
    const body = JSON.stringify({ currentPassword: DEMO_PASSWORD, newPassword: 'mat-khau-moi-123' });
    for (const origin of ['http://evil.example', undefined]) {
      const res = await fetch(`${server.url}/api/auth/password`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', ...(origin ? { origin } : {}) },
        body,
      });
      expect(res.status).toBe(403);
    }
    // The password did not change.
    expect((await login('admin', DEMO_PASSWORD)).status).toBe(200);
  });

  it('reads need a session', async () => {
    const res = await fetch(`${server.url}/api/terms/${demo.termId}/dashboard`);
    expect(res.status).toBe(401);
  });

  it('a commune user cannot read the province, and opens at their own unit', async () => {
    const headers = await loginAs(server.url, 'nhap.phuthuy');
    const province = await fetch(
      `${server.url}/api/terms/${demo.termId}/dashboard?unitId=${demo.provinceId}`,
      { headers },
    );
    expect(province.status).toBe(403);
    const own = (await (
      await fetch(`${server.url}/api/terms/${demo.termId}/dashboard`, { headers })
    ).json()) as {
      scope: { unit: { name: string } };
    };
    expect(own.scope.unit.name).toBe('Phường Phú Thủy');
  });

  // The server drops the connection of a refused oversize body, and fetch would hand that connection
  // to the next request to the same address: the oversize tests each talk to a server of their own.
  it('refuses an oversize body with 413', async () => {
    const own = await startTestServer(demo.db);
    try {
      const { cookie } = await loginAs(own.url, 'admin');
      const res = await fetch(`${own.url}/api/auth/password`, {
        method: 'POST',
        headers: { cookie, origin: own.url, 'content-type': 'application/json' },
        body: JSON.stringify({ currentPassword: 'x'.repeat(2_000_000), newPassword: 'y' }),
      });
      expect(res.status).toBe(413);
    } finally {
      await own.close();
    }
  });

  it('refuses an oversize body sent without a Content-Length (chunked) with 413', async () => {
    const own = await startTestServer(demo.db);
    const { cookie } = await loginAs(own.url, 'admin');
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 20) controller.enqueue(chunk);
        else controller.close();
      },
    });
    try {
      const res = await fetch(`${own.url}/api/auth/password`, {
        method: 'POST',
        headers: { cookie, origin: own.url, 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
      expect(((await res.json()) as { error: { message: string } }).error.message).toContain('quá lớn');
    } finally {
      await own.close();
    }
  });
});
