/**
 * What the server answers to whom on a network: only its own host names (DNS rebinding), the
 * first-run setup only with the token printed at start, and headers that keep browsers and caches
 * from doing more than they should.
 */
import { request } from 'node:http';
import { schema } from '@chitieu/db';
import { demoDatabase, demoLookups, freshDatabase } from '@chitieu/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ErrorSchema } from '../schemas/common.ts';
import { api, loginAs, startTestServer } from '../testing.ts';

/** A refusal's envelope, read from a raw answer's text. */
const errorOf = (text: string) => (JSON.parse(text) as z.infer<typeof ErrorSchema>).error;

/** An HTTP request with a Host header of our choosing (fetch always sends the URL's own). */
function raw(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const SETUP = {
  organisation: 'Hội LHPN tỉnh Thử',
  rootCode: '99',
  rootName: 'Tỉnh Thử',
  rootType: 'Tỉnh',
  validFrom: '2021-01-01',
  username: 'quantri',
  displayName: 'Quản trị',
  password: 'mot-mat-khau-dai',
  passwordConfirm: 'mot-mat-khau-dai',
};

describe('host names (DNS rebinding)', () => {
  // One server for these tests: each is refused or reads, and the setup refused is checked to add no account.
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let db: ReturnType<typeof freshDatabase>;
  beforeAll(async () => {
    db = freshDatabase();
    server = await startTestServer(db, { web: true, setupToken: 'token-cua-may-chu' });
  });
  afterAll(async () => {
    await server.close();
    db.$client.close();
  });

  it('a rebinding host cannot run the first-run setup, even with a matching Origin and the token', async () => {
    const port = new URL(server.url).port;
    const host = `rebind.attacker.example:${port}`;
    const res = await raw(`${server.url}/api/setup`, {
      method: 'POST',
      headers: { host, origin: `http://${host}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...SETUP, token: 'token-cua-may-chu' }),
    });
    expect(res.status).toBe(421);
    expect(errorOf(res.body).code).toBe('misdirected');
    expect(db.select().from(schema.users).all()).toHaveLength(0);
  });

  it.each(['/', '/api/health', '/api/setup'])('a foreign host gets 421 for %s too', async (path) => {
    const res = await raw(`${server.url}${path}`, { headers: { host: 'chitieu.attacker.example' } });
    expect(res.status).toBe(421);
    expect(res.body).not.toContain('<div id="root">');
  });

  it.each(['localhost', '127.0.0.1', '[::1]', 'LOCALHOST'])('loopback %s is always served', async (name) => {
    const port = new URL(server.url).port;
    const res = await raw(`${server.url}/api/health`, { headers: { host: `${name}:${port}` } });
    expect(res.status).toBe(200);
  });

  it('an address typed as numbers is served (a rebinding attack needs a name)', async () => {
    const res = await raw(`${server.url}/api/health`, { headers: { host: '192.168.1.20:3000' } });
    expect(res.status).toBe(200);
  });
});

describe('PUBLIC_URL and ALLOWED_HOSTS', () => {
  // One server for these tests: they read, and a sign-in's session is used by none of them.
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let db: ReturnType<typeof demoDatabase>['db'];
  beforeAll(async () => {
    db = demoDatabase().db;
    server = await startTestServer(db, {
      network: { publicUrl: 'https://chitieu.hoiphunu.example', allowedHosts: ['noibo.hoiphunu.lan'] },
    });
  });
  afterAll(async () => {
    await server.close();
    db.$client.close();
  });

  it.each([
    ['chitieu.hoiphunu.example', 200],
    ['chitieu.hoiphunu.example:443', 200],
    ['noibo.hoiphunu.lan:3000', 200],
    ['hoiphunu.example', 421],
    ['chitieu.hoiphunu.example.attacker.example', 421],
  ])('Host %s → %d', async (host, status) => {
    expect((await raw(`${server.url}/api/health`, { headers: { host } })).status).toBe(status);
  });

  it('a write whose Origin is the public address is accepted when the proxy passes another Host', async () => {
    // A proxy that forwards to http://127.0.0.1:PORT without passing the Host on.
    const res = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { origin: 'https://chitieu.hoiphunu.example', 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'lanhdao', password: 'demo1234' }),
    });
    expect(res.status).toBe(200);
    const other = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { origin: 'https://other.hoiphunu.example', 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'lanhdao', password: 'demo1234' }),
    });
    expect(other.status).toBe(403);
  });
});

describe('first-run setup needs the token printed at start', () => {
  // Each test starts an empty installation of its own: setting it up is the write under test.
  const post = (url: string, body: object) => api(url).post('/api/setup', body);

  it('refuses a missing or wrong token, accepts the right one once', async () => {
    const db = freshDatabase();
    const server = await startTestServer(db, { setupToken: 'k7Q2-ma-thiet-lap' });
    try {
      for (const body of [SETUP, { ...SETUP, token: 'doan-mo' }, { ...SETUP, token: '' }]) {
        const res = await post(server.url, body);
        expect(res.status).toBe(403);
        expect(res.error?.message).toContain('mã thiết lập');
      }
      expect(db.select().from(schema.users).all()).toHaveLength(0);
      const ok = await post(server.url, { ...SETUP, token: 'k7Q2-ma-thiet-lap' });
      expect(ok.status).toBe(200);
      expect((await post(server.url, { ...SETUP, token: 'k7Q2-ma-thiet-lap' })).status).toBe(409);
    } finally {
      await server.close();
    }
  });

  it('a server started without a token refuses setup', async () => {
    const db = freshDatabase();
    const server = await startTestServer(db);
    try {
      const res = await post(server.url, { ...SETUP, token: 'bat-ky' });
      expect(res.status).toBe(403);
      expect(db.select().from(schema.users).all()).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});

describe('security headers', () => {
  // One server for these tests: they only read (headers of answers), after one sign-in.
  let demo: ReturnType<typeof demoDatabase>;
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let proxied: Awaited<ReturnType<typeof startTestServer>>;
  let admin: Record<string, string>;
  beforeAll(async () => {
    demo = demoDatabase();
    server = await startTestServer(demo.db, { web: true });
    proxied = await startTestServer(demo.db, { network: { trustProxy: ['127.0.0.1'] } });
    admin = await loginAs(server.url, 'admin');
  });
  afterAll(async () => {
    await server.close();
    await proxied.close();
    demo.db.$client.close();
  });

  it('the app page carries a strict CSP: scripts from our origin only, never framed', async () => {
    const res = await fetch(`${server.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    const directives = new Map(
      csp.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it.each(['/', '/api/health', '/api/khong-co', '/assets/khong-co.js'])(
    '%s: nosniff and a same-origin referrer',
    async (path) => {
      const res = await fetch(`${server.url}${path}`, { headers: admin });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('same-origin');
      expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    },
  );

  it('HSTS only over HTTPS, as told by a trusted proxy', async () => {
    expect((await fetch(`${server.url}/api/health`)).headers.get('strict-transport-security')).toBeNull();
    // Anyone may send X-Forwarded-Proto; only the proxy named in TRUST_PROXY is believed.
    const untrusted = await fetch(`${server.url}/api/health`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(untrusted.headers.get('strict-transport-security')).toBeNull();
    const trusted = await fetch(`${proxied.url}/api/health`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(trusted.headers.get('strict-transport-security')).toMatch(/^max-age=\d{7,}/);
  });

  it.each([
    '/api/auth/me',
    '/api/audit',
    '/api/admin/users',
    '/api/entry?termId=TERM&unitId=PROVINCE&periodId=PERIOD',
    '/api/admin/units/export.csv',
    '/api/terms/TERM/reports/mid_term/download/csv',
    '/api/khong-co',
  ])('private answers and downloads are never stored: %s', async (template) => {
    const period = demoLookups(demo.db).period('2024-07-01');
    const path = template
      .replace('TERM', String(demo.termId))
      .replace('PROVINCE', String(demo.provinceId))
      .replace('PERIOD', String(period));
    const res = await fetch(`${server.url}${path}`, { headers: admin });
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('cache-control')).toMatch(/(^|[ ,])no-store($|,)/);
    expect(res.headers.get('etag')).toBeNull();
  });

  it('dashboard reads keep their ETag and are revalidated (304)', async () => {
    const url = `${server.url}/api/terms/${demo.termId}/dashboard`;
    const first = await fetch(url, { headers: admin });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toBeTruthy();
    const again = await fetch(url, { headers: { ...admin, 'if-none-match': etag } });
    expect(again.status).toBe(304);
  });
});
