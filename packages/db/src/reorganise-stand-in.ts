/** Which unit stands for another across structure versions, after reorganisations (docs/decisions/0017). */
import type { DbOrTx } from './client.ts';
import { stmt } from './statements.ts';

/**
 * The unit that stands for `unitId` in a structure version, both ways: a unit that had closed when
 * the version began stands as its designated successor (successorIn); a unit formed after the
 * version ended (Tỉnh Lâm Đồng, viewed in the 2021 structure) stands as the predecessor it
 * replaced there, if one is placed in it. Otherwise the unit itself.
 */
export function standInFor(db: DbOrTx, versionId: number, unitId: number): number {
  const forward = successorIn(db, versionId, unitId);
  if (forward !== unitId) return forward;
  const back = stmt<{ id: number }>(
    db,
    // Of several predecessors, the one that gave the new unit its code (Phú Thủy in Phú Thủy + Phú Hài).
    `SELECT s.predecessor_id AS id FROM units u
     JOIN structure_versions v ON v.id = ?
     JOIN unit_successions s ON s.successor_id = u.id
     JOIN units pu ON pu.id = s.predecessor_id
     JOIN placements p ON p.structure_version_id = v.id AND p.unit_id = s.predecessor_id
     WHERE u.id = ? AND v.valid_to IS NOT NULL AND u.valid_from >= v.valid_to
     ORDER BY pu.code = u.code DESC, pu.name = u.name DESC, s.designated DESC, p.depth, s.predecessor_id LIMIT 1`,
  );
  let id = unitId;
  for (let hops = 0; hops < 20; hops++) {
    const row = back.get(versionId, id);
    if (!row) return id;
    id = row.id;
  }
  return id;
}

/**
 * The unit that stands for `unitId` in a structure version: itself, or, if it had closed when the
 * version began (Tỉnh Bình Thuận in the 2025 structure), its designated successor, followed on.
 * Views that open on a default unit (the term's owner) open on the successor instead.
 */
export function successorIn(db: DbOrTx, versionId: number, unitId: number): number {
  const next = stmt<{ id: number }>(
    db,
    `SELECT s.successor_id AS id FROM units u
     JOIN structure_versions v ON v.id = ?
     JOIN unit_successions s ON s.predecessor_id = u.id AND s.designated = 1
     JOIN placements p ON p.structure_version_id = v.id AND p.unit_id = s.successor_id
     WHERE u.id = ? AND u.valid_to IS NOT NULL AND u.valid_to <= v.valid_from
     ORDER BY s.effective_date, s.successor_id LIMIT 1`,
  );
  let id = unitId;
  for (let hops = 0; hops < 20; hops++) {
    const row = next.get(versionId, id);
    if (!row) return id;
    id = row.id;
  }
  return id;
}
