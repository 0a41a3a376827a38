/**
 * The unit tree of a structure version as the views show it: the whole tree, a unit's children and
 * the path down to a unit, with the units closed before the version began kept as former ones.
 */
import type { DbOrTx } from '../client.ts';
import { placementOf } from '../lookups.ts';
import { found } from '../rows.ts';
import { stmt } from '../statements.ts';

export interface TreeUnit {
  id: number;
  code: string;
  name: string;
  type: string;
  isGrassroots: boolean;
  parentId: number | null;
  depth: number;
  validFrom: string;
  /** Exclusive; null while the unit exists. */
  validTo: string | null;
  /**
   * Closed before this structure began: a unit merged or split away, kept below the successor its
   * results are summed into (docs/decisions/0009), so its figures can still be opened.
   */
  former: boolean;
}

/** SQL for TreeUnit.former, with `u` the unit and `p` its placement. */
const FORMER = `(u.valid_to IS NOT NULL AND u.valid_to <= (SELECT valid_from FROM structure_versions v
                                                            WHERE v.id = p.structure_version_id))`;

/** The whole tree of a structure version, parents before children, in their sort order. */
export function unitTree(db: DbOrTx, versionId: number): TreeUnit[] {
  const rows = stmt<Omit<TreeUnit, 'isGrassroots' | 'former'> & { isGrassroots: number; former: number }>(
    db,
    `SELECT u.id, u.code, u.name, u.type, u.is_grassroots AS isGrassroots, p.parent_id AS parentId, p.depth,
            u.valid_from AS validFrom, u.valid_to AS validTo, ${FORMER} AS former
     FROM placements p JOIN units u ON u.id = p.unit_id
     WHERE p.structure_version_id = ?
     ORDER BY p.depth, p.sort_order`,
  ).all(versionId);
  return rows.map((r) => ({ ...r, isGrassroots: r.isGrassroots === 1, former: r.former === 1 }));
}

/** The children of a unit in a version, in their order, and whether each has children of its own. */
export function childUnits(
  db: DbOrTx,
  versionId: number,
  unitId: number,
): (TreeUnit & { hasChildren: boolean })[] {
  const rows = stmt<
    Omit<TreeUnit, 'isGrassroots' | 'former'> & { isGrassroots: number; former: number; hasChildren: number }
  >(
    db,
    `SELECT u.id, u.code, u.name, u.type, u.is_grassroots AS isGrassroots, p.parent_id AS parentId, p.depth,
            u.valid_from AS validFrom, u.valid_to AS validTo, ${FORMER} AS former,
            EXISTS (SELECT 1 FROM placements c WHERE c.structure_version_id = p.structure_version_id
                    AND c.parent_id = p.unit_id) AS hasChildren
     FROM placements p JOIN units u ON u.id = p.unit_id
     WHERE p.structure_version_id = ? AND p.parent_id = ?
     ORDER BY p.sort_order`,
  ).all(versionId, unitId);
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    type: r.type,
    isGrassroots: r.isGrassroots === 1,
    parentId: r.parentId,
    depth: r.depth,
    validFrom: r.validFrom,
    validTo: r.validTo,
    former: r.former === 1,
    hasChildren: r.hasChildren === 1,
  }));
}

/** Ancestors of a unit, root first, the unit itself last (for breadcrumbs). */
export function unitPath(db: DbOrTx, versionId: number, unitId: number): { id: number; name: string }[] {
  const placement = placementOf(db, versionId, unitId);
  if (!placement) return [];
  const ids = placement.path.split('/').filter(Boolean).map(Number);
  // Every view shows the breadcrumb: a prepared statement, not a query built per request.
  const rows = stmt<{ id: number; name: string }>(
    db,
    'SELECT id, name FROM units WHERE id IN (SELECT value FROM json_each(?))',
  ).all(JSON.stringify(ids));
  return ids.map((id) =>
    found(
      rows.find((r) => r.id === id),
      `unit ${id} on the path of unit ${unitId}`,
    ),
  );
}
