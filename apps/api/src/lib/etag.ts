import { createMiddleware } from 'hono/factory';
import type { AppEnv } from './router.ts';

/**
 * Conditional GETs from the data revision: every write bumps it, so a repeated read with the same
 * ETag is answered 304 before any figure is computed. Today's date is part of the tag because
 * defaults ("as of today") move with it; the boot id because a new build may answer differently.
 */
export const revisionEtag = createMiddleware<AppEnv>(async (c, next) => {
  const { user, revision } = c.var;
  if (!user || revision === null) return next();
  const { today, bootId } = c.var.deps;
  // Figures depend on who asks (their scope), so the tag names the user and caches stay private.
  const etag = `W/"${bootId}-${revision}-${today()}-u${user.id}"`;
  const headers = { ETag: etag, 'Cache-Control': 'private, no-cache' };
  const ifNoneMatch = c.req.header('If-None-Match');
  if (ifNoneMatch?.split(',').some((tag) => tag.trim() === etag || tag.trim() === '*')) {
    return c.body(null, 304, headers);
  }
  await next();
  // Downloads under these paths say no-store themselves: a tag would invite storing them.
  if (c.res.status === 200 && !/no-store/.test(c.res.headers.get('Cache-Control') ?? '')) {
    for (const [k, v] of Object.entries(headers)) c.res.headers.set(k, v);
  }
});
