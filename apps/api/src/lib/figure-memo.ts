/**
 * Computed figures, kept as response bytes until the data revision changes
 * (docs/decisions/0022-figures-kept-per-revision.md). Every write bumps the revision in its own
 * transaction, so bytes kept for revision R are exactly what computing again at R would give.
 *
 * The key is what the answer depends on: the route, its validated parameters, the reader's role
 * scope (the roles decide the default unit and whether the unit may be read at all), and today's
 * date (defaults such as "as of today" move with it). The user's id is not in it: two leaders with
 * the same roles share the bytes. A refusal is never kept; it is worked out again each time.
 */
import type { Context } from 'hono';
import {
  asBody,
  COMPRESS_ABOVE_BYTES,
  compress,
  type Encoding,
  preferredEncoding,
  varyOnEncoding,
} from './encoding.ts';
import type { AppEnv } from './router.ts';
import { currentUser } from './session.ts';

interface Entry {
  json: Buffer;
  encoded: Partial<Record<Encoding, Buffer>>;
}

/** A national breakdown is ~10–30 KB; this holds some thousands of views, far below the RSS goal. */
const BUDGET_BYTES = 32 * 1024 * 1024;

export class FigureMemo {
  private revision = -1;
  private bytes = 0;
  private entries = new Map<string, Entry>();

  /** The kept entry for `key` at `revision`, or a new one from `compute()` (kept unless the revision is old). */
  get(revision: number, key: string, compute: () => unknown): Entry {
    if (revision > this.revision) this.clear(revision);
    const kept = revision === this.revision ? this.entries.get(key) : undefined;
    if (kept) {
      // Most recently used last: the budget drops the oldest first.
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept;
    }
    const entry: Entry = { json: Buffer.from(JSON.stringify(compute())), encoded: {} };
    // A request that read an older revision (a save came in meanwhile) answers without keeping.
    if (revision !== this.revision) return entry;
    this.entries.set(key, entry);
    this.bytes += entry.json.length;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= BUDGET_BYTES) break;
      this.entries.delete(oldest);
      this.bytes -= size(old);
    }
    return entry;
  }

  /** Keep the compressed form too, counted in the budget. */
  encoded(entry: Entry, encoding: Encoding): Buffer {
    let bytes = entry.encoded[encoding];
    if (!bytes) {
      bytes = compress(entry.json, encoding);
      entry.encoded[encoding] = bytes;
      this.bytes += bytes.length;
    }
    return bytes;
  }

  private clear(revision: number) {
    this.revision = revision;
    this.entries.clear();
    this.bytes = 0;
  }
}

function size(entry: Entry): number {
  return entry.json.length + (entry.encoded.br?.length ?? 0) + (entry.encoded.gzip?.length ?? 0);
}

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
