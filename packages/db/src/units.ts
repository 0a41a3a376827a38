import { assertCleanText, conflict, formatDate, invalid } from '@chitieu/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';
import { bumpRevision } from './revision.ts';
import { placements, structureVersions, units } from './schema.ts';
import { inTransaction } from './statements.ts';

/** Start an empty installation: the organisation's root unit in a first structure version. */
export function createRootUnit(
  db: DbOrTx,
  input: { code: string; name: string; type: string; validFrom: string },
) {
  assertCleanText('Tên đơn vị gốc', input.name, { field: 'name' });
  assertCleanText('Loại đơn vị gốc', input.type, { field: 'type' });
  return inTransaction(db, (tx) => {
    if (tx.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM units`)?.n) {
      throw invalid('Đã có cây đơn vị: không tạo đơn vị gốc mới.');
    }
    const unit = tx.insert(units).values(input).returning().get();
    const version = tx
      .insert(structureVersions)
      .values({ name: 'Cơ cấu ban đầu', validFrom: input.validFrom })
      .returning()
      .get();
    tx.insert(placements)
      .values({
        structureVersionId: version.id,
        unitId: unit.id,
        parentId: null,
        path: `/${unit.id}/`,
        depth: 0,
      })
      .run();
    bumpRevision(tx);
    return unit;
  });
}

/**
 * Place a unit in every structure version that lacks it (a unit formed after those versions
 * began), under the lowest unit holding all its anchors there — for a merged ward, the parents of
 * the wards it replaced; for a unit added by hand, its parent — or under the root when none is
 * there. Its results are then counted in every structure, so every structure gives the same
 * totals at every date (docs/decisions/0017). Call it before the unit has results.
 */
export function placeInEveryVersion(
  tx: DbOrTx,
  unitId: number,
  anchorPathsIn: (versionId: number) => string[],
): void {
  const missing = tx.all<{ id: number }>(sql`
    SELECT v.id FROM structure_versions v
    WHERE NOT EXISTS (SELECT 1 FROM placements p WHERE p.structure_version_id = v.id AND p.unit_id = ${unitId})`);
  for (const { id: versionId } of missing) {
    const paths = anchorPathsIn(versionId);
    const root = tx.get<{ path: string }>(
      sql`SELECT path FROM placements WHERE structure_version_id = ${versionId} AND parent_id IS NULL ORDER BY path LIMIT 1`,
    );
    if (!root) continue;
    const under = paths.length > 0 ? commonAncestorPath(paths) : root.path;
    const parentPath = under === '/' ? root.path : under;
    const parentId = Number(parentPath.split('/').filter(Boolean).pop());
    const last = tx.get<{ n: number | null }>(
      sql`SELECT MAX(sort_order) AS n FROM placements WHERE structure_version_id = ${versionId} AND parent_id = ${parentId}`,
    );
    const path = `${parentPath}${unitId}/`;
    tx.insert(placements)
      .values({
        structureVersionId: versionId,
        unitId,
        parentId,
        path,
        depth: path.split('/').length - 3,
        sortOrder: (last?.n ?? -1) + 1,
      })
      .run();
  }
}

/** '/1/5/9/' and '/1/5/12/' → '/1/5/'. */
export function commonAncestorPath(paths: string[]): string {
  const split = paths.map((p) => p.split('/').filter(Boolean));
  const first = split[0] ?? [];
  let n = 0;
  while (n < first.length && split.every((s) => s[n] === first[n])) n++;
  return n === 0 ? '/' : `/${first.slice(0, n).join('/')}/`;
}

/** A unit's parent's path in a version (its own path if it is the root), or null when it is not placed there. */
export function parentPathIn(tx: DbOrTx, versionId: number, unitId: number): string | null {
  const row = tx.get<{ path: string; parentId: number | null }>(
    sql`SELECT path, parent_id AS parentId FROM placements WHERE structure_version_id = ${versionId} AND unit_id = ${unitId}`,
  );
  if (!row) return null;
  return row.parentId === null ? row.path : row.path.replace(/\d+\/$/, '');
}

/** When the organisation's tree begins: its first structure version's start. */
export function treeStart(db: DbOrTx): { date: string; movable: boolean } | null {
  const versions = db.all<{ validFrom: string }>(
    sql`SELECT valid_from AS validFrom FROM structure_versions ORDER BY valid_from, id`,
  );
  const first = versions[0];
  if (!first) return null;
  // Once a reorganisation has built on the tree, its start is part of history.
  return { date: first.validFrom, movable: versions.length === 1 };
}

/**
 * Move the tree's start while nothing depends on it (one structure version, no result before
 * the new date): the first version and every unit that began with it begin on `date` instead.
 * A first-run date typed in haste (01/01/2026 for a 2021–2026 term) is then corrected before
 * the term's history is entered.
 */
export function moveTreeStart(tx: DbOrTx, date: string): { from: string; to: string } {
  const start = treeStart(tx);
  if (!start) throw invalid('Chưa có cây đơn vị.');
  if (!start.movable) {
    throw conflict(
      `Cây đơn vị đã được sắp xếp lại từ ngày ${formatDate(start.date)}: không đổi ngày hiệu lực ban đầu được nữa.`,
    );
  }
  if (date === start.date) return { from: start.date, to: date };
  const earlier = tx.get<{ endDate: string }>(sql`
    SELECT p.end_date AS endDate FROM results r JOIN periods p ON p.id = r.period_id
    WHERE p.end_date < ${date} ORDER BY p.end_date LIMIT 1`);
  if (earlier) {
    throw conflict(
      `Đã có số liệu của kỳ kết thúc ngày ${formatDate(earlier.endDate)}, trước ngày ${formatDate(date)}: không dời ngày hiệu lực của cây đơn vị được.`,
    );
  }
  tx.run(sql`UPDATE units SET valid_from = ${date} WHERE valid_from = ${start.date}`);
  tx.run(sql`UPDATE structure_versions SET valid_from = ${date}`);
  return { from: start.date, to: date };
}

/** Whether moveTreeStart(date) would succeed. */
export function canMoveTreeStartTo(tx: DbOrTx, date: string): boolean {
  const start = treeStart(tx);
  if (!start?.movable) return false;
  return !tx.get(
    sql`SELECT 1 FROM results r JOIN periods p ON p.id = r.period_id WHERE p.end_date < ${date} LIMIT 1`,
  );
}
