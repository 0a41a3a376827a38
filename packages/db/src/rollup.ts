/**
 * The roll-up table's upkeep (docs/decisions/0003-rollup-table.md, 0017-figures-as-they-stand.md).
 * Every write to results, to a submission's state or to a unit's life applies its delta to each
 * ancestor, in every structure version the unit sits in, inside the caller's transaction.
 * `rebuildRollups` recomputes everything from raw rows by an independent route (SQL window
 * functions and parent links, not the TypeScript level rules and paths) and must give identical rows.
 */
import {
  addSums,
  type Basis,
  isZeroSums,
  levelChanges,
  type ResultFields,
  SUM_FIELDS,
  type SubmissionState,
  type Sums,
  type UnitReport,
  ZERO_SUMS,
} from '@chitieu/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';
import { stmt } from './statements.ts';

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

const COLUMNS = `value, numerator, denominator, meeting, reported, result_count,
  level_value, level_numerator, level_denominator, level_meeting, level_units`;
const ADD_EXCLUDED = COLUMNS.split(',')
  .map((c) => c.trim())
  .map((c) => `${c} = ${c} + excluded.${c}`)
  .join(', ');
const ALL_ZERO = COLUMNS.split(',')
  .map((c) => `${c.trim()} = 0`)
  .join(' AND ');

const ROLLUP_ADD = `
  INSERT INTO rollups (structure_version_id, ancestor_id, indicator_id, period_id, basis, ${COLUMNS})
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT DO UPDATE SET ${ADD_EXCLUDED}`;

export function applyRollupDelta(
  tx: DbOrTx,
  key: { unitId: number; indicatorId: number; periodId: number },
  bases: Basis[],
  delta: Sums,
): void {
  if (bases.length === 0 || isZeroSums(delta)) return;
  const placed = stmt<{ versionId: number; path: string }>(
    tx,
    'SELECT structure_version_id AS versionId, path FROM placements WHERE unit_id = ?',
  ).all(key.unitId);
  const add = stmt(tx, ROLLUP_ADD);
  // A row that sums nothing any more (no result, no standing change) is one a rebuild would not
  // create: drop it. Only a delta that takes something away can leave such a row.
  const mayEmpty = delta.resultCount < 0 || SUM_FIELDS.some((k) => k.startsWith('level') && delta[k] !== 0);
  const dropEmpty = stmt(
    tx,
    `DELETE FROM rollups WHERE structure_version_id = ? AND basis = ? AND ancestor_id = ? AND indicator_id = ?
       AND period_id = ? AND ${ALL_ZERO}`,
  );
  const values = SUM_FIELDS.map((k) => delta[k]);
  for (const { versionId, path } of placed) {
    for (const ancestorId of pathIds(path)) {
      for (const basis of bases) {
        add.run(versionId, ancestorId, key.indicatorId, key.periodId, basis, ...values);
        if (mayEmpty) dropEmpty.run(versionId, basis, ancestorId, key.indicatorId, key.periodId);
      }
    }
  }
}

/** SQL for "this indicator's figure is a level": stock, units meeting, ratio taken at its latest. */
const IS_LEVEL = `(i.measure_type IN ('stock', 'units_meeting') OR (i.measure_type = 'ratio' AND i.ratio_over_time = 'latest'))`;

interface LevelRow {
  indicatorId: number;
  periodId: number;
  endDate: string;
  kind: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  meets: number | null;
  state: SubmissionState | null;
}

/** A unit's level changes as its results, submissions and life stand now, keyed basis|indicator|period. */
function unitLevelChanges(tx: DbOrTx, unitId: number, indicatorId: number | undefined): Map<string, Sums> {
  const life = stmt<{ validFrom: string; validTo: string | null }>(
    tx,
    'SELECT valid_from AS validFrom, valid_to AS validTo FROM units WHERE id = ?',
  ).get(unitId);
  const out = new Map<string, Sums>();
  if (!life) return out;
  const rows = stmt<LevelRow>(
    tx,
    `SELECT r.indicator_id AS indicatorId, r.period_id AS periodId, p.end_date AS endDate, p.kind, r.value,
            r.numerator, r.denominator, r.meets, s.state
     FROM results r JOIN indicators i ON i.id = r.indicator_id JOIN periods p ON p.id = r.period_id
     LEFT JOIN submissions s ON s.unit_id = r.unit_id AND s.period_id = r.period_id
     WHERE r.unit_id = ? AND (? IS NULL OR r.indicator_id = ?) AND ${IS_LEVEL}`,
  ).all(unitId, indicatorId ?? null, indicatorId ?? null);
  if (rows.length === 0) return out;
  const closureOf = new Map<string, number | null>();
  const closurePeriod = (kind: string) => {
    if (life.validTo === null) return null;
    if (!closureOf.has(kind)) {
      const row = stmt<{ id: number }>(
        tx,
        'SELECT id FROM periods WHERE kind = ? AND end_date >= ? ORDER BY end_date LIMIT 1',
      ).get(kind, life.validTo);
      closureOf.set(kind, row?.id ?? null);
    }
    return closureOf.get(kind) ?? null;
  };
  const byIndicator = new Map<number, LevelRow[]>();
  for (const r of rows) byIndicator.set(r.indicatorId, [...(byIndicator.get(r.indicatorId) ?? []), r]);
  for (const [id, list] of byIndicator) {
    const closure = closurePeriod((list[0] as LevelRow).kind);
    for (const basis of ['approved', 'submitted'] as const) {
      const reports: UnitReport[] = list
        .filter((r) => basesFor(r.state).includes(basis))
        .map((r) => ({ periodId: r.periodId, endDate: r.endDate, fields: fieldsOf(r) }));
      for (const [periodId, change] of levelChanges(reports, life, closure)) {
        out.set(`${basis}|${id}|${periodId}`, change);
      }
    }
  }
  return out;
}

const fieldsOf = (r: LevelRow): ResultFields => ({
  value: r.value,
  numerator: r.numerator,
  denominator: r.denominator,
  meets: r.meets === null ? null : r.meets === 1,
});

/**
 * Run a write that may change a unit's levels (a result of a level indicator, a submission's
 * state, the unit's life), then move every roll-up above the unit by exactly the change in what
 * the unit brings. `indicatorId` narrows the work to one indicator (a save).
 */
export function keepingLevels<T>(
  tx: DbOrTx,
  unitIds: number | number[],
  indicatorId: number | undefined,
  write: () => T,
): T {
  const ids = typeof unitIds === 'number' ? [unitIds] : unitIds;
  const before = ids.map((id) => unitLevelChanges(tx, id, indicatorId));
  const result = write();
  ids.forEach((unitId, i) => {
    const was = before[i] as Map<string, Sums>;
    const now = unitLevelChanges(tx, unitId, indicatorId);
    for (const key of new Set([...was.keys(), ...now.keys()])) {
      const diff = addSums(now.get(key) ?? ZERO_SUMS, was.get(key) ?? ZERO_SUMS, -1);
      if (isZeroSums(diff)) continue;
      const [basis, indicator, period] = key.split('|');
      applyRollupDelta(
        tx,
        { unitId, indicatorId: Number(indicator), periodId: Number(period) },
        [basis as Basis],
        diff,
      );
    }
  });
  return result;
}

/** Units whose levels depend on which periods exist: closed units with results of a level indicator. */
export function closedUnitsWithLevels(tx: DbOrTx): number[] {
  return tx
    .all<{ id: number }>(sql`
      SELECT DISTINCT r.unit_id AS id FROM results r JOIN units u ON u.id = r.unit_id
      JOIN indicators i ON i.id = r.indicator_id
      WHERE u.valid_to IS NOT NULL AND ${sql.raw(IS_LEVEL)}`)
    .map((r) => r.id);
}

/** Move a unit's period results between bases when its submission changes state (flows only; see keepingLevels). */
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
  const sums = tx.all<
    Pick<Sums, 'value' | 'numerator' | 'denominator' | 'meeting' | 'reported' | 'resultCount'> & {
      indicatorId: number;
    }
  >(sql`
    SELECT indicator_id AS indicatorId, SUM(COALESCE(value, 0)) AS value,
           SUM(COALESCE(numerator, 0)) AS numerator, SUM(COALESCE(denominator, 0)) AS denominator,
           SUM(meets IS 1) AS meeting, SUM(meets IS NOT NULL) AS reported, COUNT(*) AS resultCount
    FROM results WHERE unit_id = ${key.unitId} AND period_id = ${key.periodId}
    GROUP BY indicator_id`);
  for (const { indicatorId, ...s } of sums) {
    const k = { ...key, indicatorId };
    const flow = { ...ZERO_SUMS, ...s };
    applyRollupDelta(tx, k, leaving, addSums(ZERO_SUMS, flow, -1));
    applyRollupDelta(tx, k, joining, flow);
  }
}

/**
 * Recompute the whole table from raw results, submissions, unit lives and parent links (not
 * paths): first each unit's own row per indicator, period and basis (flows summed; level changes
 * by window functions over the unit's reports, and its closure), then, deepest level first, each
 * unit's totals added into its parent's. Level by level keeps it linear in the size of the table.
 */
export function rebuildRollups(tx: DbOrTx, versionId?: number): void {
  // With a version: build only that version's rows (a reorganisation builds its new version in bulk).
  const only = (column: string) =>
    versionId === undefined ? sql`1` : sql`${sql.raw(column)} = ${versionId}`;
  tx.run(sql`DELETE FROM rollups WHERE ${only('structure_version_id')}`);
  tx.run(sql`DROP TABLE IF EXISTS temp.own_sums`);
  tx.run(sql`
    CREATE TEMP TABLE own_sums AS
    -- A result counts in a basis by its report's state: 'approved' counts approved reports,
    -- 'submitted' approved and submitted ones. Joined through the submissions key, not a CTE.
    WITH bases(basis) AS (VALUES ('approved'), ('submitted')),
    counted AS (
      SELECT r.*, b.basis FROM results r
      JOIN submissions s ON s.unit_id = r.unit_id AND s.period_id = r.period_id
      JOIN bases b ON s.state = 'approved' OR (s.state = 'submitted' AND b.basis = 'submitted')
    ),
    flows AS (
      SELECT unit_id, indicator_id, period_id, basis,
             SUM(COALESCE(value, 0)) AS value, SUM(COALESCE(numerator, 0)) AS numerator,
             SUM(COALESCE(denominator, 0)) AS denominator, SUM(meets IS 1) AS meeting,
             SUM(meets IS NOT NULL) AS reported, COUNT(*) AS result_count,
             0 AS level_value, 0 AS level_numerator, 0 AS level_denominator, 0 AS level_meeting, 0 AS level_units
      FROM counted
      GROUP BY unit_id, indicator_id, period_id, basis
    ),
    standing AS (
      SELECT r.unit_id, r.indicator_id, r.period_id, r.basis, p.kind, p.end_date,
             COALESCE(r.value, 0) AS v, COALESCE(r.numerator, 0) AS n, COALESCE(r.denominator, 0) AS d,
             (r.meets IS 1) AS m
      FROM counted r
      JOIN periods p ON p.id = r.period_id
      JOIN indicators i ON i.id = r.indicator_id
      JOIN units u ON u.id = r.unit_id
      WHERE ${sql.raw(IS_LEVEL)}
        AND u.valid_from <= p.end_date AND (u.valid_to IS NULL OR p.end_date < u.valid_to)
    ),
    ordered AS (
      SELECT *, LAG(v) OVER w AS pv, LAG(n) OVER w AS pn, LAG(d) OVER w AS pd, LAG(m) OVER w AS pm,
             ROW_NUMBER() OVER (PARTITION BY unit_id, indicator_id, basis ORDER BY end_date DESC) AS from_last
      FROM standing
      WINDOW w AS (PARTITION BY unit_id, indicator_id, basis ORDER BY end_date)
    ),
    changes AS (
      SELECT unit_id, indicator_id, period_id, basis, 0, 0, 0, 0, 0, 0,
             v - COALESCE(pv, 0), n - COALESCE(pn, 0), d - COALESCE(pd, 0), m - COALESCE(pm, 0),
             CASE WHEN pv IS NULL THEN 1 ELSE 0 END
      FROM ordered
      UNION ALL
      SELECT * FROM (
        SELECT o.unit_id, o.indicator_id,
               (SELECT q.id FROM periods q WHERE q.kind = o.kind AND q.end_date >= u.valid_to
                ORDER BY q.end_date LIMIT 1) AS closure, o.basis, 0, 0, 0, 0, 0, 0, -o.v, -o.n, -o.d, -o.m, -1
        FROM ordered o JOIN units u ON u.id = o.unit_id
        WHERE o.from_last = 1 AND u.valid_to IS NOT NULL
      ) WHERE closure IS NOT NULL
    ),
    everything AS (SELECT * FROM flows UNION ALL SELECT * FROM changes)
    SELECT unit_id, indicator_id, period_id, basis,
           SUM(value) AS value, SUM(numerator) AS numerator, SUM(denominator) AS denominator,
           SUM(meeting) AS meeting, SUM(reported) AS reported, SUM(result_count) AS result_count,
           SUM(level_value) AS level_value, SUM(level_numerator) AS level_numerator,
           SUM(level_denominator) AS level_denominator, SUM(level_meeting) AS level_meeting,
           SUM(level_units) AS level_units
    FROM everything
    GROUP BY unit_id, indicator_id, period_id, basis`);
  tx.run(sql`
    INSERT INTO rollups (structure_version_id, ancestor_id, indicator_id, period_id, basis, ${sql.raw(COLUMNS)})
    SELECT p.structure_version_id, o.unit_id, o.indicator_id, o.period_id, o.basis, ${sql.raw(
      COLUMNS.split(',')
        .map((c) => `o.${c.trim()}`)
        .join(', '),
    )}
    FROM own_sums o JOIN placements p ON p.unit_id = o.unit_id
    WHERE ${only('p.structure_version_id')} AND NOT (${sql.raw(ALL_ZERO.replaceAll(/(\w+) = 0/g, 'o.$1 = 0'))})`);
  tx.run(sql`DROP TABLE temp.own_sums`);
  const deepest =
    tx.get<{ d: number | null }>(
      sql`SELECT MAX(depth) AS d FROM placements p WHERE ${only('p.structure_version_id')}`,
    )?.d ?? 0;
  const summed = COLUMNS.split(',')
    .map((c) => `SUM(r.${c.trim()})`)
    .join(', ');
  for (let depth = deepest; depth >= 1; depth--) {
    tx.run(sql`
      INSERT INTO rollups (structure_version_id, ancestor_id, indicator_id, period_id, basis, ${sql.raw(COLUMNS)})
      SELECT p.structure_version_id, p.parent_id, r.indicator_id, r.period_id, r.basis, ${sql.raw(summed)}
      FROM placements p
      JOIN rollups r ON r.structure_version_id = p.structure_version_id AND r.ancestor_id = p.unit_id
        AND r.basis IN ('approved', 'submitted') -- lets the lookup use the key (version, basis, ancestor)
      WHERE p.depth = ${depth} AND p.parent_id IS NOT NULL AND ${only('p.structure_version_id')}
      GROUP BY p.structure_version_id, p.parent_id, r.indicator_id, r.period_id, r.basis
      ON CONFLICT DO UPDATE SET ${sql.raw(ADD_EXCLUDED)}`);
  }
}
