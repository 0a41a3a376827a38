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
import { compress, type Encoding } from './encoding.ts';

export interface Entry {
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
