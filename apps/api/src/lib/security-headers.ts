/**
 * Headers on every response. The CSP allows scripts from our own origin only (the built app has
 * no inline script; e2e/csp.test.ts runs it under this policy); styles may be inline because
 * Mantine and the charts set style attributes and a <style> element at run time. API answers are
 * never stored by a cache unless a route says otherwise (dashboard reads revalidate by ETag).
 */
import { createMiddleware } from 'hono/factory';
import { isHttps } from './request-origin.ts';
import type { AppEnv } from './router.ts';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** One year: what browsers and the HSTS preload list expect. */
const HSTS = 'max-age=31536000';

export const securityHeaders = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const h = c.res.headers;
  h.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  h.set('X-Content-Type-Options', 'nosniff');
  h.set('Referrer-Policy', 'same-origin');
  h.set('X-Frame-Options', 'DENY');
  h.set('Cross-Origin-Opener-Policy', 'same-origin');
  if (isHttps(c)) h.set('Strict-Transport-Security', HSTS);
  const path = c.req.path;
  if ((path === '/api' || path.startsWith('/api/')) && !h.has('Cache-Control')) {
    h.set('Cache-Control', 'no-store');
  }
});
