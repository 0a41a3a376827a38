/**
 * Who is expected to report a period and who has: the coverage every figure states beside its value
 * (docs/decisions/0017).
 */
import type { Basis } from '@chitieu/core';
import type { DbOrTx } from '../client.ts';
import { stmt } from '../statements.ts';

/**
 * For each unit of a version: the grassroots units below it (itself included) that exist on a
 * period's last day — the units expected to report it, and the denominator of `units_meeting` —
 * and how many of them have a report counted on the basis. One pass over the version's placements.
 */
export function coverageCounts(
  db: DbOrTx,
  versionId: number,
  period: { id: number; endDate: string },
  basis: Basis,
): Map<number, { reported: number; expected: number }> {
  const counted = basesCounting(basis);
  const rows = stmt<{ path: string; state: string | null }>(
    db,
    `SELECT p.path, s.state FROM placements p JOIN units u ON u.id = p.unit_id
     LEFT JOIN submissions s ON s.unit_id = p.unit_id AND s.period_id = ?
     WHERE p.structure_version_id = ? AND u.is_grassroots = 1
       AND u.valid_from <= ? AND (u.valid_to IS NULL OR u.valid_to > ?)`,
  ).all(period.id, versionId, period.endDate, period.endDate);
  const counts = new Map<number, { reported: number; expected: number }>();
  for (const { path, state } of rows) {
    const done = state !== null && counted.includes(state) ? 1 : 0;
    for (const id of path.split('/')) {
      if (!id) continue;
      const c = counts.get(Number(id));
      if (c) {
        c.expected += 1;
        c.reported += done;
      } else counts.set(Number(id), { expected: 1, reported: done });
    }
  }
  return counts;
}

/** The submission states a basis counts. */
const basesCounting = (basis: Basis): string[] =>
  basis === 'approved' ? ['approved'] : ['approved', 'submitted'];
