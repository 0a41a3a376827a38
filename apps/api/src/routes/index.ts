/**
 * Every API route, in two lists. The public list is the whole of what anyone may call; everything
 * else is mounted on the protected sub-app, whose first middleware refuses a request without a
 * session (401), so a route added there needs no check of its own to be closed to strangers.
 * docs/decisions/0032-protected-sub-app.md says where a new route goes.
 */
import type { Env, Hono, Schema } from 'hono';
import { createRouter } from '../lib/router.ts';
import { requireChosenPassword, requireSession } from '../lib/session.ts';
import { adminTermsRoutes } from './admin-terms/index.ts';
import { adminUnitsRoutes } from './admin-units.ts';
import { adminUsersRoutes } from './admin-users.ts';
import { passwordRoutes, signInRoutes } from './auth.ts';
import { entryRoutes } from './entry.ts';
import { excelRoutes } from './excel.ts';
import { leadersRoutes } from './leaders.ts';
import { metaRoutes } from './meta.ts';
import { notificationsRoutes } from './notifications.ts';
import { reorganisationsRoutes } from './reorganisations.ts';
import { reportsRoutes } from './reports/index.ts';
import { setupRoutes } from './setup.ts';
import { targetPageRoutes } from './target-page.ts';
import { termsRoutes } from './terms.ts';
import { unitsRoutes } from './units.ts';

/** Anyone may call these (with /health and /openapi.json, which app.ts serves itself). */
export const publicRoutes = createRouter()
  .route('/', metaRoutes)
  .route('/', signInRoutes)
  .route('/', setupRoutes);

/**
 * A sub-app whose every route needs a session: mounted after the public routes, its middleware
 * answers 401 for any request they did not answer, an unknown path included.
 */
export function protectedApp<E extends Env, S extends Schema, B extends string>(routes: Hono<E, S, B>) {
  const app = createRouter();
  app.use(requireSession);
  return app.route('/', routes);
}

/** Within the protected sub-app, past the one route a temporary password opens: 403 on one. */
function withChosenPassword<E extends Env, S extends Schema, B extends string>(routes: Hono<E, S, B>) {
  const app = createRouter();
  app.use(requireChosenPassword);
  return app.route('/', routes);
}

export const signedInRoutes = protectedApp(
  createRouter()
    .route('/', passwordRoutes)
    .route(
      '/',
      withChosenPassword(
        createRouter()
          .route('/', entryRoutes)
          .route('/', excelRoutes)
          .route('/', termsRoutes)
          .route('/', reportsRoutes)
          .route('/', unitsRoutes)
          .route('/', targetPageRoutes)
          .route('/', adminUnitsRoutes)
          .route('/', adminUsersRoutes)
          .route('/', adminTermsRoutes)
          .route('/', reorganisationsRoutes)
          .route('/', leadersRoutes)
          .route('/', notificationsRoutes),
      ),
    ),
);
