/**
 * Signing in and out over HTTP: the session cookie, refusals that tell nothing, throttling, CSRF,
 * expired sessions and oversize bodies. Each test has its own copy of the demo; the accounts a test
 * only needs signed in are signed in once per file (their sessions are rows in every copy).
 */
import { DEMO_PASSWORD } from '@chitieu/db';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ErrorSchema } from '../schemas/common.ts';
import type { DashboardSchema } from '../schemas/figures.ts';
import { type Answer, api, demoServerPerTest, type Reply, type Routes, startTestServer } from '../testing.ts';

type SignedIn = Answer<Routes['auth']['login']['$post']>;
type Me = Answer<Routes['auth']['me']['$get']>;
type Refusal = z.infer<typeof ErrorSchema>;

const demo = demoServerPerTest({ users: ['xem.phanthiet', 'quanly', 'admin', 'nhap.phuthuy'] });

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  api(demo.url, { origin: demo.url, ...headers }).post<SignedIn>('/api/auth/login', { username, password });
/** Who the server thinks you are: null when the session is gone. */
const me = async (user: string) => (await demo.as(user).get<Me>('/api/auth/me')).body;

describe('log in and out', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and answers who you are', async () => {
    const res = await login('duyet.phanthiet', DEMO_PASSWORD);
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/chitieu_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i); // plain http on loopback
    expect(res.body.roles).toEqual([
      { role: 'approver', unitId: expect.any(Number), unitName: 'Thành phố Phan Thiết' },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|passwordHash/);
  });

  it('marks the cookie Secure behind HTTPS, as a trusted proxy says', async () => {
    // Anyone may send X-Forwarded-Proto; only the proxy named in TRUST_PROXY is believed.
    const direct = await login('lanhdao', DEMO_PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(direct.headers.get('set-cookie')).not.toMatch(/Secure/);
    const proxied = await startTestServer(demo.db, { network: { trustProxy: ['127.0.0.1'] } });
    try {
      const res = await api(proxied.url, { origin: proxied.url, 'x-forwarded-proto': 'https' }).post(
        '/api/auth/login',
        { username: 'lanhdao', password: DEMO_PASSWORD },
      );
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
    const withoutId = (res: Reply<unknown>) => {
      expect(res.error?.requestId).toBe(res.headers.get('x-request-id'));
      return { ...res.error, requestId: undefined };
    };
    const messages = [withoutId(wrong), withoutId(unknown)];
    expect(messages[0]).toEqual(messages[1]);
    expect(JSON.stringify(messages[0])).toContain('Tên đăng nhập hoặc mật khẩu không đúng');
  });

  it('logout really ends the session', async () => {
    expect(await me('xem.phanthiet')).toMatchObject({ username: 'xem.phanthiet' });
    const out = await demo.as('xem.phanthiet').post('/api/auth/logout');
    expect(out.status).toBe(200);
    expect(await me('xem.phanthiet')).toBeNull();
  });

  it('an expired session is refused', async () => {
    demo.db.run(sql`UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z'`);
    expect(await me('quanly')).toBeNull();
    const res = await demo.as('quanly').get('/api/terms');
    expect(res.status).toBe(401);
    expect(res.error?.message).toBe('Bạn cần đăng nhập.');
  });

  it('throttles repeated failures per account, even with the right password then', async () => {
    for (let i = 0; i < 5; i++) expect((await login('nhap.phuhai', 'sai')).status).toBe(401);
    const blocked = await login('nhap.phuhai', DEMO_PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(JSON.stringify(blocked.error)).toContain('quá nhiều lần');
    // Other accounts are not locked out by it.
    expect((await login('nhap.phuthuy', DEMO_PASSWORD)).status).toBe(200);
  });

  it('refuses a state-changing request from another origin, or with no origin (CSRF)', async () => {
    // The session alone, without the origin a same-origin browser would add.
    const { origin: _sameOrigin, ...session } = demo.headers('admin');
    const body = { currentPassword: DEMO_PASSWORD, newPassword: 'mat-khau-moi-123' };
    for (const origin of ['http://evil.example', undefined]) {
      const res = await api(demo.url, { ...session, ...(origin ? { origin } : {}) }).post(
        '/api/auth/password',
        body,
      );
      expect(res.status).toBe(403);
    }
    // The password did not change.
    expect((await login('admin', DEMO_PASSWORD)).status).toBe(200);
  });

  it('reads need a session', async () => {
    const res = await demo.anonymous().get(`/api/terms/${demo.termId}/dashboard`);
    expect(res.status).toBe(401);
  });

  it('a commune user cannot read the province, and opens at their own unit', async () => {
    const commune = demo.as('nhap.phuthuy');
    const province = await commune.get(`/api/terms/${demo.termId}/dashboard?unitId=${demo.provinceId}`);
    expect(province.status).toBe(403);
    const own = await commune.get<z.infer<typeof DashboardSchema>>(`/api/terms/${demo.termId}/dashboard`);
    expect(own.body.scope.unit.name).toBe('Phường Phú Thủy');
  });

  // The server drops the connection of a refused oversize body, and fetch would hand that connection
  // to the next request to the same address: the oversize tests each talk to a server of their own.
  it('refuses an oversize body with 413', async () => {
    const own = await startTestServer(demo.db);
    try {
      const res = await fetch(`${own.url}/api/auth/password`, {
        method: 'POST',
        headers: { ...demo.headers('admin'), origin: own.url, 'content-type': 'application/json' },
        body: JSON.stringify({ currentPassword: 'x'.repeat(2_000_000), newPassword: 'y' }),
      });
      expect(res.status).toBe(413);
    } finally {
      await own.close();
    }
  });

  it('refuses an oversize body sent without a Content-Length (chunked) with 413', async () => {
    const own = await startTestServer(demo.db);
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
        headers: { ...demo.headers('admin'), origin: own.url, 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
      const refusal: Refusal = await res.json();
      expect(refusal.error.message).toContain('quá lớn');
    } finally {
      await own.close();
    }
  });
});
