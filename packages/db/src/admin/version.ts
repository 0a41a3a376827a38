/** The version an editor saw, to refuse a save over someone else's change (409). */
import { createHash } from 'node:crypto';

/**
 * A short fingerprint of what an editor saw. These tables have no version column; a hash of the
 * stored row serves the same purpose (any change to the row changes it) without a migration.
 */
export function versionOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 16);
}
