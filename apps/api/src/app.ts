/**
 * The Hono app: the API under /api (typed routes, OpenAPI document, one error envelope) and the
 * built web app for every other path. main.ts serves it; tests build it on their own database.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { todayInVietnam } from '@chitieu/core';
import type { Db } from '@chitieu/db';
import { requestId } from 'hono/request-id';
import { z } from 'zod';
import { compressJson } from './lib/encoding.ts';
import { errorBody, notFoundHandler, onError } from './lib/errors.ts';
import { revisionEtag } from './lib/etag.ts';
import { FigureMemo } from './lib/figure-memo.ts';
import type { Mailer } from './lib/mailer.ts';
import { type NetworkOptions, networkOf } from './lib/network.ts';
import { allowedHosts } from './lib/request-origin.ts';
import { createRouter, type Deps } from './lib/router.ts';
import { securityHeaders } from './lib/security-headers.ts';
import { readSession, sameOrigin } from './lib/session.ts';
import { THROTTLE_LIMITS, THROTTLE_WINDOW_MS, Throttle } from './lib/throttle.ts';
import { loadWebFiles, sendWebFile } from './lib/web-files.ts';
import { publicRoutes, signedInRoutes } from './routes/index.ts';
import { UPLOAD_LIMITS, type UploadLimits, UploadParser } from './workers/upload-parser.ts';

// Validation messages for users are Vietnamese; our own schemas override where a plainer word helps.
z.config(z.locales.vi());

export const WEB_DIST = join(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

function createApi() {
  const api = createRouter();
  api.use(compressJson);
  api.use(readSession);
  api.use(sameOrigin);
  api.use('/terms/*', revisionEtag);
  api.use('/units', revisionEtag);
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'Chỉ tiêu API', version: '0.1.0', description: 'Theo dõi chỉ tiêu nghị quyết đại hội' },
  });
  api.notFound(notFoundHandler);
  api.onError(onError);
  return (
    api
      .get('/health', (c) => c.json({ ok: true }))
      // The public list first: the protected sub-app refuses whatever it did not answer.
      .route('/', publicRoutes)
      .route('/', signedInRoutes)
  );
}

export type AppType = ReturnType<typeof createApi>;

export interface AppOptions {
  db: Db;
  today?: () => string;
  /** Serve the built web app (off in API-only tests). */
  web?: boolean;
  /** PUBLIC_URL, ALLOWED_HOSTS, TRUST_PROXY. */
  network?: NetworkOptions;
  /** The first-run token printed at start (server.ts); without one, setup is refused. */
  setupToken?: string | null;
  /** Memory and time limits for reading an uploaded file (tests lower them). */
  uploadLimits?: Partial<UploadLimits>;
  /** Failed password attempts allowed per (account, address) pair and per address (tests lower them). */
  throttle?: Partial<typeof THROTTLE_LIMITS>;
  /** Mails reminders (server.ts builds it from SMTP_URL); absent: no mail. */
  mailer?: Mailer | null;
}

export function createApp({
  db,
  today = () => todayInVietnam(),
  web = true,
  network,
  setupToken = null,
  throttle,
  uploadLimits,
  mailer = null,
}: AppOptions) {
  const limits = { ...THROTTLE_LIMITS, ...throttle };
  const deps: Deps = {
    db,
    today,
    bootId: Date.now().toString(36),
    throttles: {
      pair: new Throttle(limits.perPair, THROTTLE_WINDOW_MS),
      address: new Throttle(limits.perAddress, THROTTLE_WINDOW_MS),
    },
    network: networkOf(network),
    setupToken,
    uploads: new UploadParser({ ...UPLOAD_LIMITS, ...uploadLimits }),
    memo: new FigureMemo(),
    mailer,
  };
  const app = createRouter();
  app.use(requestId());
  app.use(async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use(securityHeaders);
  app.use(allowedHosts(deps.network));
  app.route('/api', createApi());
  app.onError(onError);
  if (web && existsSync(join(WEB_DIST, 'index.html'))) {
    const files = loadWebFiles(WEB_DIST);
    const indexHtml = files.get('/index.html') as NonNullable<ReturnType<typeof files.get>>;
    // A missing asset (an old chunk's name after a new build) is a 404, never index.html: the page
    // then knows the script failed and reloads itself (apps/web/src/components/PageBoundary.tsx).
    app.get('/assets/*', (c) => {
      const file = files.get(c.req.path);
      if (file) return sendWebFile(c, file);
      return c.json(errorBody(c, 'not_found', `Không có tệp ${c.req.path}.`), 404, {
        'Cache-Control': 'no-store',
      });
    });
    // The single-page app has one address; its views live in the query string (?page=…), and a
    // page's own copy of index.html preloads its code (apps/web/vite.config.ts). Any other path
    // that is not a built file is a 404 (notFoundHandler), never the app's HTML.
    app.get('*', (c, next) => {
      const file =
        c.req.path === '/'
          ? (files.get(`/pages/${c.req.query('page')}.html`) ?? indexHtml)
          : files.get(c.req.path);
      return file ? sendWebFile(c, file) : next();
    });
  }
  app.notFound(notFoundHandler);
  return app;
}
