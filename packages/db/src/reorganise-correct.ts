/**
 * Correcting a designation after a map was applied (docs/decisions/0009): a split unit's results
 * went to the first listed successor, the admin meant another. The same map on the same date with
 * other designations moves the split unit's placement in the structure that map made, its
 * allocations and the succession flags, then rebuilds the roll-ups — all in one transaction.
 * Roles moved at apply stay where they are (the Accounts page is where they are reviewed).
 */
import { conflict, formatDate } from '@chitieu/core';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';
import { refuseMap } from './reorganise-map.ts';
import { bumpRevision } from './revision.ts';
import { rebuildRollups } from './rollup.ts';

export interface AppliedPartial {
  oldCode: string;
  oldName: string;
  successors: { code: string; name: string }[];
  designated: string;
  defaulted: boolean;
}

interface PartialRow {
  oldId: number;
  oldCode: string;
  oldName: string;
  newId: number;
  newCode: string;
  newName: string;
  designated: number;
}

function partialRows(db: DbOrTx, effectiveDate: string, oldCodes: string[] | null): PartialRow[] {
  return db
    .all<PartialRow>(sql`
      SELECT o.id AS oldId, o.code AS oldCode, o.name AS oldName, n.id AS newId, n.code AS newCode,
             n.name AS newName, s.designated
      FROM unit_successions s JOIN units o ON o.id = s.predecessor_id JOIN units n ON n.id = s.successor_id
      WHERE s.kind = 'partial' AND s.effective_date = ${effectiveDate} AND o.valid_to = ${effectiveDate}
      ORDER BY o.code, n.code`)
    .filter((r) => oldCodes === null || oldCodes.includes(r.oldCode));
}

/** The split units of a map applied on `effectiveDate` and where their results go now. */
export function appliedPartials(db: DbOrTx, effectiveDate: string): AppliedPartial[] {
  const byOld = new Map<string, AppliedPartial>();
  for (const r of partialRows(db, effectiveDate, null)) {
    const entry = byOld.get(r.oldCode) ?? {
      oldCode: r.oldCode,
      oldName: r.oldName,
      successors: [],
      designated: '',
      defaulted: false,
    };
    entry.successors.push({ code: r.newCode, name: r.newName });
    if (r.designated === 1) entry.designated = r.newCode;
    byOld.set(r.oldCode, entry);
  }
  return [...byOld.values()];
}

/**
 * Move the results of the split units named in `designations` to the successor chosen now.
 * Returns the old codes whose designation changed (none: nothing written).
 */
export function correctDesignations(
  tx: DbOrTx,
  input: { effectiveDate: string; structureVersionId: number; designations: Record<string, string> },
  userId: number | null,
): string[] {
  const { effectiveDate, structureVersionId } = input;
  const rows = partialRows(tx, effectiveDate, Object.keys(input.designations));
  const changes: { oldId: number; oldCode: string; from: number; to: number }[] = [];
  const problems: { code: string; message: string }[] = [];
  for (const [oldCode, newCode] of Object.entries(input.designations)) {
    const mine = rows.filter((r) => r.oldCode === oldCode);
    const chosen = mine.find((r) => r.newCode === newCode);
    const current = mine.find((r) => r.designated === 1);
    if (!chosen || !current) {
      problems.push({
        code: oldCode,
        message: `Đơn vị mã ${oldCode} không chia cho đơn vị mã ${newCode} trong lần sắp xếp ngày ${formatDate(effectiveDate)}.`,
      });
      continue;
    }
    if (chosen.newId !== current.newId)
      changes.push({ oldId: chosen.oldId, oldCode, from: current.newId, to: chosen.newId });
  }
  if (problems.length > 0) refuseMap(problems);
  if (changes.length === 0) return [];
  const later = tx.get<{ n: number }>(
    sql`SELECT COUNT(*) AS n FROM structure_versions WHERE id > ${structureVersionId}`,
  )?.n;
  if (later) {
    throw conflict(
      'Đã có lần sắp xếp sau lần này: không sửa đơn vị kế thừa được nữa (kết quả đã được tính tiếp vào cơ cấu sau).',
    );
  }
  for (const c of changes) {
    tx.run(sql`UPDATE unit_successions SET designated = (successor_id = ${c.to})
               WHERE predecessor_id = ${c.oldId} AND kind = 'partial'`);
    // The split unit is a leaf of the structure the map made, under the successor its results go to.
    const parent = tx.get<{ path: string; depth: number }>(
      sql`SELECT path, depth FROM placements WHERE structure_version_id = ${structureVersionId} AND unit_id = ${c.to}`,
    );
    if (parent) {
      tx.run(sql`UPDATE placements SET parent_id = ${c.to}, path = ${`${parent.path}${c.oldId}/`},
                 depth = ${parent.depth + 1}
                 WHERE structure_version_id = ${structureVersionId} AND unit_id = ${c.oldId}`);
    }
    // Its allocations were added to the first successor at apply: they move to the chosen one.
    const allocations = tx.all<{ targetId: number; goal: number }>(
      sql`SELECT target_id AS targetId, goal FROM target_allocations WHERE unit_id = ${c.oldId}`,
    );
    for (const a of allocations) {
      tx.run(sql`UPDATE target_allocations SET goal = goal - ${a.goal}
                 WHERE target_id = ${a.targetId} AND unit_id = ${c.from}`);
      tx.run(sql`INSERT INTO target_allocations (target_id, unit_id, goal) VALUES (${a.targetId}, ${c.to}, ${a.goal})
                 ON CONFLICT DO UPDATE SET goal = goal + excluded.goal`);
    }
  }
  rebuildRollups(tx);
  tx.run(sql`INSERT INTO audit_events (user_id, entity, entity_id, action, after)
    VALUES (${userId}, 'reorganisation', ${`designations:${effectiveDate}`}, 'correct', ${JSON.stringify({
      effectiveDate,
      structureVersionId,
      designations: Object.fromEntries(changes.map((c) => [c.oldCode, input.designations[c.oldCode]])),
    })})`);
  bumpRevision(tx);
  return changes.map((c) => c.oldCode);
}
