/**
 * What planning a reorganisation reads from the database, read once before the pure phases run
 * (docs/decisions/0031): the current structure, the map's earlier application, and the facts
 * about the units the map names.
 */
import { sql } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';
import type { RoleAssignment, UnitAllocation, UnitInfo } from './reorganise-types.ts';
import { stmt } from './statements.ts';

export const AUDIT_ENTITY = 'reorganisation';

export interface PreviousVersion {
  id: number;
  name: string;
  validFrom: string;
  validTo: string | null;
}

export interface CurrentStructure {
  /** The newest structure version, or null before any exists. */
  previous: PreviousVersion | null;
  /** Its placed units, parents before children. */
  units: UnitInfo[];
}

export function loadCurrentStructure(db: DbOrTx): CurrentStructure {
  const previous = db.get<PreviousVersion>(sql`
    SELECT id, name, valid_from AS validFrom, valid_to AS validTo FROM structure_versions
    ORDER BY valid_from DESC, id DESC LIMIT 1`);
  if (!previous) return { previous: null, units: [] };
  const units = db.all<UnitInfo>(sql`
    SELECT u.id, u.code, u.name, u.type, u.is_grassroots AS isGrassroots, u.valid_from AS validFrom,
           u.valid_to AS validTo, p.parent_id AS parentId, p.depth, p.sort_order AS sortOrder
    FROM placements p JOIN units u ON u.id = p.unit_id
    WHERE p.structure_version_id = ${previous.id}
    ORDER BY p.depth, p.sort_order, u.id`);
  return { previous, units };
}

/** When the map with this hash was applied, and the structure version it made; null if never. */
export function previousAudit(db: DbOrTx, hash: string) {
  const row = stmt<{ at: string; after: string }>(
    db,
    `SELECT at, after FROM audit_events WHERE entity = '${AUDIT_ENTITY}' AND entity_id = ? ORDER BY id LIMIT 1`,
  ).get(hash);
  return row
    ? {
        at: row.at,
        structureVersionId: (JSON.parse(row.after) as { structureVersionId: number }).structureVersionId,
      }
    : null;
}

/** What the phases need beyond the tree: closures for the messages, roles and allocations to move. */
export interface UnitFacts {
  /** The latest closed unit holding each of `codes`, to say when it closed. */
  closedByCode: Map<string, { name: string; validTo: string }>;
  /** Roles held on units of the version, by id. */
  roleAssignments: RoleAssignment[];
  /** Allocations to units of the version, in the targets' order. */
  allocations: UnitAllocation[];
}

export function loadUnitFacts(db: DbOrTx, versionId: number, codes: string[]): UnitFacts {
  const closedByCode = new Map<string, { name: string; validTo: string }>();
  for (const code of codes) {
    const closed = db.get<{ name: string; validTo: string }>(sql`
      SELECT name, valid_to AS validTo FROM units WHERE code = ${code} AND valid_to IS NOT NULL
      ORDER BY valid_to DESC LIMIT 1`);
    if (closed) closedByCode.set(code, closed);
  }
  const inVersion = sql`(SELECT unit_id FROM placements WHERE structure_version_id = ${versionId})`;
  const roleAssignments = db.all<RoleAssignment>(sql`
    SELECT r.id, r.user_id AS userId, u.username, r.role, r.unit_id AS unitId
    FROM role_assignments r JOIN users u ON u.id = r.user_id
    WHERE r.unit_id IN ${inVersion} ORDER BY r.id`);
  const allocations = db.all<UnitAllocation>(sql`
    SELECT a.target_id AS targetId, t.code, t.short_name AS shortName, a.unit_id AS unitId, a.goal
    FROM target_allocations a JOIN targets t ON t.id = a.target_id
    WHERE a.unit_id IN ${inVersion} ORDER BY t.sort_order, t.id, a.unit_id`);
  return { closedByCode, roleAssignments, allocations };
}
