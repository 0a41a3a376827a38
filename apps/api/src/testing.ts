/** Test helper: the real app on a real HTTP server on a free loopback port. */
import type { AddressInfo } from 'node:net';
import { type Db, DEMO_PASSWORD } from '@chitieu/db';
import { serve } from '@hono/node-server';
import { type AppOptions, createApp } from './app.ts';

export async function startTestServer(db: Db, options: Omit<AppOptions, 'db'> = {}) {
  const app = createApp({ ...options, db, web: options.web ?? false });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Log in over HTTP and return the headers a same-origin browser would send afterwards. */
export async function loginAs(url: string, username: string, password = DEMO_PASSWORD) {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  return { cookie, origin: url };
}

/** First sign-in of an account with a temporary password: sign in, choose a new one, return the headers. */
export async function loginFirstTime(
  url: string,
  username: string,
  temporary: string,
  chosen = `${temporary}-moi`,
) {
  const headers = await loginAs(url, username, temporary);
  const res = await fetch(`${url}/api/auth/password`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ currentPassword: temporary, newPassword: chosen }),
  });
  if (res.status !== 200) throw new Error(`password change ${username}: ${res.status} ${await res.text()}`);
  return headers;
}
