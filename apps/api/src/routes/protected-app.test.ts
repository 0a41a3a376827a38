/**
 * The protected sub-app closes a route by where it is mounted, not by a check inside it: a route
 * that never looks at the user still refuses a request without a session.
 */
import type { SessionUser } from '@chitieu/db';
import { describe, expect, it } from 'vitest';
import { onError } from '../lib/errors.ts';
import { createRouter } from '../lib/router.ts';
import { protectedApp, publicRoutes } from './index.ts';

const SIGNED_IN: SessionUser = {
  id: 1,
  username: 'a',
  displayName: 'A',
  mustChangePassword: false,
  roles: [],
};

/** An app with one new route that checks nothing, mounted the way routes/index.ts mounts routes. */
function appWithNewRoute() {
  const app = createRouter();
  // Stands in for readSession: the test says who is signed in.
  app.use(async (c, next) => {
    c.set('user', c.req.header('x-signed-in') ? SIGNED_IN : null);
    await next();
  });
  app.onError(onError);
  return app
    .route('/', publicRoutes)
    .route(
      '/',
      protectedApp(createRouter().post('/new-route', (c) => c.json({ secret: 'only for members' }))),
    );
}

describe('a route added to the protected sub-app with no check of its own', () => {
  it('answers 401 in the error envelope without a session, before its handler runs', async () => {
    const res = await appWithNewRoute().request('/new-route', { method: 'POST' });
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { code: string }; secret?: string };
    expect(body.error.code).toBe('unauthorized');
    expect(body.secret).toBeUndefined();
  });

  it('answers a signed-in request', async () => {
    const res = await appWithNewRoute().request('/new-route', {
      method: 'POST',
      headers: { 'x-signed-in': '1' },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ secret: 'only for members' });
  });

  it('closes a path that no route answers too', async () => {
    expect((await appWithNewRoute().request('/no-such-route')).status).toBe(401);
  });
});
