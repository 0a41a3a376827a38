/**
 * Leaders' reads answered from the figures kept per data revision (figure-memo.ts), compressed as
 * the client accepts. docs/decisions/0022-figures-kept-per-revision.md.
 */
import type { Context } from 'hono';
import { asBody, COMPRESS_ABOVE_BYTES, preferredEncoding, varyOnEncoding } from './encoding.ts';
import type { AppEnv } from './router.ts';
import { currentUser } from './session.ts';

/** The reader's role scope, in a canonical order. */
function roleScope(roles: readonly { role: string; unitId: number }[]): string {
  return roles
    .map((r) => `${r.role}@${r.unitId}`)
    .sort()
    .join(',');
}

/**
 * Answer a read of computed figures: from the bytes kept for this revision, or by computing them
 * (`compute` authorises the reader and may throw a refusal, which is answered as usual).
 * Typed as the JSON answer `compute` gives, so the route's client keeps its types.
 */
export function keptJson<T>(
  c: Context<AppEnv>,
  route: string,
  params: Record<string, unknown>,
  compute: () => T,
): ReturnType<typeof c.json<T, 200>> {
  const { memo, today } = c.var.deps;
  // Who may read at all (signed in, not on a temporary password) is checked before anything kept is used.
  const user = currentUser(c);
  const revision = c.var.revision;
  if (revision === null) return c.json(compute(), 200);
  const key = `${route}|${JSON.stringify(params, Object.keys(params).sort())}|${roleScope(user.roles)}|${today()}`;
  const entry = memo.get(revision, key, compute);
  const headers = new Headers({ 'Content-Type': 'application/json' });
  varyOnEncoding(headers);
  const encoding =
    entry.json.length > COMPRESS_ABOVE_BYTES ? preferredEncoding(c.req.header('Accept-Encoding')) : null;
  let body = entry.json;
  if (encoding) {
    body = memo.encoded(entry, encoding);
    headers.set('Content-Encoding', encoding);
  }
  headers.set('Content-Length', String(body.length));
  return c.body(asBody(body), 200, Object.fromEntries(headers)) as unknown as ReturnType<
    typeof c.json<T, 200>
  >;
}
