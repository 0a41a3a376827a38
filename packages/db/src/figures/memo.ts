/**
 * Derived facts that change only when the data does (term definitions, coverage counts) but cost
 * milliseconds at national scale: kept per database for the current data revision only, which every
 * write bumps — a national coverage map is ~1 MB, so facts of older revisions are dropped at once
 * rather than aged out (a bounded list of them took the server's peak RSS from ~250 to ~370 MB over
 * 200 saves). Callers must not mutate what they get.
 */
import type { DbOrTx } from '../client.ts';
import { getRevision } from '../revision.ts';
import { clientOf } from '../statements.ts';

const memo = new WeakMap<object, { revision: number; values: Map<string, unknown> }>();

export function memoByRevision<T>(db: DbOrTx, key: string, compute: () => T): T {
  // Inside a transaction the data may differ from the revision's (written, not yet bumped) or be
  // rolled back, and inTransaction hands the body the very handle this memo is keyed by: compute,
  // never keep.
  if (clientOf(db).inTransaction) return compute();
  const revision = getRevision(db);
  let kept = memo.get(db);
  if (!kept || kept.revision !== revision) {
    kept = { revision, values: new Map() };
    memo.set(db, kept);
  }
  // Each key is always computed by the same function, so what is kept under it is a T.
  if (kept.values.has(key)) return kept.values.get(key) as T;
  const value = compute();
  const oldest = kept.values.keys().next();
  if (kept.values.size >= 64 && !oldest.done) kept.values.delete(oldest.value);
  kept.values.set(key, value);
  return value;
}
