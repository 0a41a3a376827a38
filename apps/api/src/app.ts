/**
 * The Hono app: the API under /api (typed routes, OpenAPI document, one error envelope) and the
 * built web app for every other path. main.ts serves it; tests build it on their own database.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { todayInVietnam } from '@chitieu/core';
import type { Db } from '@chitieu/db';
import { z } from 'zod';
import { limitBody } from './lib/body-limit.ts';
import { compressJson } from './lib/encoding.ts';
import { errorBody, notFoundHandler, onError } from './lib/errors.ts';
import { revisionEtag } from './lib/etag.ts';
import { FigureMemo } from './lib/figure-memo.ts';
import { createRouter, type Deps } from './lib/router.ts';
import { readSession, sameOrigin } from './lib/session.ts';
import { Throttle } from './lib/throttle.ts';
import { loadWebFiles, sendWebFile } from './lib/web-files.ts';
import { adminTermsRoutes } from './routes/admin-terms.ts';
import { adminUnitsRoutes } from './routes/admin-units.ts';
import { adminUsersRoutes } from './routes/admin-users.ts';
import { authRoutes } from './routes/auth.ts';
import { entryRoutes } from './routes/entry.ts';
import { excelRoutes } from './routes/excel.ts';
import { leadersRoutes } from './routes/leaders.ts';
import { metaRoutes } from './routes/meta.ts';
import { reorganisationsRoutes } from './routes/reorganisations.ts';
import { reportsRoutes } from './routes/reports.ts';
import { setupRoutes } from './routes/setup.ts';
import { targetPageRoutes } from './routes/target-page.ts';
import { termsRoutes } from './routes/terms.ts';
import { unitsRoutes } from './routes/units.ts';

// Validation messages for users are Vietnamese; our own schemas override where a plainer word helps.
z.config(z.locales.vi());

export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

function createApi(deps: Deps) {
  const api = createRouter();
  api.use(compressJson);
  api.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  api.use(readSession);
  api.use(sameOrigin);
  // JSON bodies are small; uploads (Excel imports) set their own, larger limit on their route.
  const jsonLimit = limitBody(1024 * 1024, 'Dữ liệu gửi lên quá lớn (tối đa 1 MB).');
  api.use((c, next) =>
    c.req.path.endsWith('/entry/import') || c.req.path.endsWith('/admin/units/import')
      ? next()
      : jsonLimit(c, next),
  );
  api.use('/terms/*', revisionEtag);
  api.use('/units', revisionEtag);
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Chỉ tiêu API', version: '0.1.0', description: 'Theo dõi chỉ tiêu nghị quyết đại hội' },
  });
  api.notFound(notFoundHandler);
  api.onError(onError);
  return api
    .get('/health', (c) => c.json({ ok: true }))
    .route('/', metaRoutes)
    .route('/', authRoutes)
    .route('/', entryRoutes)
    .route('/', excelRoutes)
    .route('/', termsRoutes)
    .route('/', reportsRoutes)
    .route('/', unitsRoutes)
    .route('/', targetPageRoutes)
    .route('/', setupRoutes)
    .route('/', adminUnitsRoutes)
    .route('/', adminUsersRoutes)
    .route('/', adminTermsRoutes)
    .route('/', reorganisationsRoutes)
    .route('/', leadersRoutes);
}

export type AppType = ReturnType<typeof createApi>;

export interface AppOptions {
  db: Db;
  today?: () => string;
  /** Serve the built web app (off in API-only tests). */
  web?: boolean;
}

export function createApp({ db, today = () => todayInVietnam(), web = true }: AppOptions) {
  const deps: Deps = {
    db,
    today,
    bootId: Date.now().toString(36),
    throttles: { account: new Throttle(5, 15 * 60_000), address: new Throttle(30, 15 * 60_000) },
    memo: new FigureMemo(),
  };
  const app = createRouter();
  app.route('/api', createApi(deps));
  app.onError(onError);
  if (web && existsSync(join(WEB_DIST, 'index.html'))) {
    const files = loadWebFiles(WEB_DIST);
    const indexHtml = files.get('/index.html') as NonNullable<ReturnType<typeof files.get>>;
    // A missing asset (an old chunk's name after a new build) is a 404, never index.html: the page
    // then knows the script failed and reloads itself (apps/web/src/components/PageBoundary.tsx).
    app.get('/assets/*', (c) => {
      const file = files.get(c.req.path);
      if (file) return sendWebFile(c, file);
      return c.json(errorBody('not_found', `Không có tệp ${c.req.path}.`), 404, {
        'Cache-Control': 'no-store',
      });
    });
    // The single-page app routes in the browser: every other GET gets its file, or index.html.
    app.get('*', (c) => sendWebFile(c, files.get(c.req.path) ?? indexHtml));
  }
  app.notFound(notFoundHandler);
  return app;
}
