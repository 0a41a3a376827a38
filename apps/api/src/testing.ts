/** Test helper: the real app on a real HTTP server on a free loopback port. */
import type { AddressInfo } from 'node:net';
import type { Db } from '@chitieu/db';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';

export async function startTestServer(db: Db, options: { today?: () => string; web?: boolean } = {}) {
  const app = createApp({
    db,
    web: options.web ?? false,
    ...(options.today ? { today: options.today } : {}),
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
