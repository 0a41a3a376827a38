/**
 * The roll-up table's upkeep (docs/decisions/0003-rollup-table.md). Every write to results or to a
 * submission's state applies its delta to each ancestor, in every structure version the unit sits
 * in, inside the caller's transaction. `rebuildRollups` recomputes everything from raw rows by an
 * independent route (parent links, not paths) and must give identical rows.
 */
import { addSums, type SubmissionState, type Sums, ZERO_SUMS } from '@chitieu/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';
import type { BASES } from './schema.ts';
import { stmt } from './statements.ts';

export type Basis = (typeof BASES)[number];

/** Which roll-up bases count a unit's results in a given workflow state. */
export function basesFor(state: SubmissionState | null | undefined): Basis[] {
  if (state === 'approved') return ['approved', 'submitted'];
  if (state === 'submitted') return ['submitted'];
  return [];
}

/** Ancestor ids (root first, the unit itself last) from a materialized path '/1/5/42/'. */
export function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number);
}

const ROLLUP_ADD = `
  INSERT INTO rollups (structure_version_id, ancestor_id, indicator_id, period_id, basis,
                       value, numerator, denominator, meeting, reported, result_count)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT DO UPDATE SET
    value = value + excluded.value, numerator = numerator + excluded.numerator,
    denominator = denominator + excluded.denominator, meeting = meeting + excluded.meeting,
    reported = reported + excluded.reported, result_count = result_count + excluded.result_count`;

export function applyRollupDelta(
  tx: DbOrTx,
  key: { unitId: number; indicatorId: number; periodId: number },
  bases: Basis[],
  delta: Sums,
): void {
  if (bases.length === 0 || isZero(delta)) return;
  const placed = stmt<{ versionId: number; path: string }>(
    tx,
    'SELECT structure_version_id AS versionId, path FROM placements WHERE unit_id = ?',
  ).all(key.unitId);
  const add = stmt(tx, ROLLUP_ADD);
  // A roll-up that no longer sums any result means "not reported": drop it, as a rebuild would not create it.
  const dropEmpty = stmt(
    tx,
    `DELETE FROM rollups WHERE structure_version_id = ? AND basis = ? AND ancestor_id = ? AND indicator_id = ?
       AND period_id = ? AND result_count = 0`,
  );
  for (const { versionId, path } of placed) {
    for (const ancestorId of pathIds(path)) {
      for (const basis of bases) {
        add.run(
          versionId,
          ancestorId,
          key.indicatorId,
          key.periodId,
          basis,
          delta.value,
          delta.numerator,
          delta.denominator,
          delta.meeting,
          delta.reported,
          delta.resultCount,
        );
        if (delta.resultCount < 0) dropEmpty.run(versionId, basis, ancestorId, key.indicatorId, key.periodId);
      }
    }
  }
}

/** Move a unit's period results between bases when its submission changes state. */
export function applySubmissionStateChange(
  tx: DbOrTx,
  key: { unitId: number; periodId: number },
  before: SubmissionState | null,
  after: SubmissionState | null,
): void {
  const old = basesFor(before);
  const now = basesFor(after);
  const leaving = old.filter((b) => !now.includes(b));
  const joining = now.filter((b) => !old.includes(b));
  if (leaving.length === 0 && joining.length === 0) return;
  const sums = tx.all<Sums & { indicatorId: number }>(sql`
    SELECT indicator_id AS indicatorId, SUM(COALESCE(value, 0)) AS value,
           SUM(COALESCE(numerator, 0)) AS numerator, SUM(COALESCE(denominator, 0)) AS denominator,
           SUM(meets IS 1) AS meeting, SUM(meets IS NOT NULL) AS reported, COUNT(*) AS resultCount
    FROM results WHERE unit_id = ${key.unitId} AND period_id = ${key.periodId}
    GROUP BY indicator_id`);
  for (const { indicatorId, ...s } of sums) {
    const k = { ...key, indicatorId };
    applyRollupDelta(tx, k, leaving, addSums(ZERO_SUMS, s, -1));
    applyRollupDelta(tx, k, joining, s);
  }
}

/**
 * Recompute the whole table from raw results, submissions and parent links (not paths): first each
 * unit's own results, then, deepest level first, each unit's totals added into its parent's.
 * Level by level keeps it linear in the size of the table (a national rebuild of ~5M results).
 */
export function rebuildRollups(tx: DbOrTx, versionId?: number): void {
  // With a version: build only that version's rows (a reorganisation builds its new version in bulk).
  const only = (column: string) =>
    versionId === undefined ? sql`1` : sql`${sql.raw(column)} = ${versionId}`;
  tx.run(sql`DELETE FROM rollups WHERE ${only('structure_version_id')}`);
  tx.run(sql`
    WITH counted(unit_id, period_id, basis) AS (
      SELECT unit_id, period_id, 'approved' FROM submissions WHERE state = 'approved'
      UNION ALL
      SELECT unit_id, period_id, 'submitted' FROM submissions WHERE state IN ('approved', 'submitted')
    )
    INSERT INTO rollups (structure_version_id, ancestor_id, indicator_id, period_id, basis,
                         value, numerator, denominator, meeting, reported, result_count)
    SELECT p.structure_version_id, r.unit_id, r.indicator_id, r.period_id, c.basis,
           SUM(COALESCE(r.value, 0)), SUM(COALESCE(r.numerator, 0)), SUM(COALESCE(r.denominator, 0)),
           SUM(r.meets IS 1), SUM(r.meets IS NOT NULL), COUNT(*)
    FROM results r
    JOIN counted c ON c.unit_id = r.unit_id AND c.period_id = r.period_id
    JOIN placements p ON p.unit_id = r.unit_id
    WHERE ${only('p.structure_version_id')}
    GROUP BY p.structure_version_id, r.unit_id, r.indicator_id, r.period_id, c.basis`);
  const deepest =
    tx.get<{ d: number | null }>(
      sql`SELECT MAX(depth) AS d FROM placements p WHERE ${only('p.structure_version_id')}`,
    )?.d ?? 0;
  for (let depth = deepest; depth >= 1; depth--) {
    tx.run(sql`
      INSERT INTO rollups (structure_version_id, ancestor_id, indicator_id, period_id, basis,
                           value, numerator, denominator, meeting, reported, result_count)
      SELECT p.structure_version_id, p.parent_id, r.indicator_id, r.period_id, r.basis,
             SUM(r.value), SUM(r.numerator), SUM(r.denominator), SUM(r.meeting), SUM(r.reported), SUM(r.result_count)
      FROM placements p
      JOIN rollups r ON r.structure_version_id = p.structure_version_id AND r.ancestor_id = p.unit_id
        AND r.basis IN ('approved', 'submitted') -- lets the lookup use the key (version, basis, ancestor)
      WHERE p.depth = ${depth} AND p.parent_id IS NOT NULL AND ${only('p.structure_version_id')}
      GROUP BY p.structure_version_id, p.parent_id, r.indicator_id, r.period_id, r.basis
      ON CONFLICT DO UPDATE SET
        value = value + excluded.value, numerator = numerator + excluded.numerator,
        denominator = denominator + excluded.denominator, meeting = meeting + excluded.meeting,
        reported = reported + excluded.reported, result_count = result_count + excluded.result_count`);
  }
}

function isZero(s: Sums): boolean {
  return (
    s.value === 0 &&
    s.numerator === 0 &&
    s.denominator === 0 &&
    s.meeting === 0 &&
    s.reported === 0 &&
    s.resultCount === 0
  );
}
