/**
 * Units as placed in a structure version, the way the unit admin modules read them; kept out of
 * the package's exports. Units carry no version column: an edit carries a short hash of what the
 * admin saw (`unitVersion`), and a different hash now means someone changed the unit meanwhile (409).
 */
import { createHash } from 'node:crypto';
import { invalid } from '@chitieu/core';
import type { Actor } from '../access.ts';
import type { DbOrTx } from '../client.ts';
import { getUnit } from '../lookups.ts';
import { stmt } from '../statements.ts';

export interface PlacedRow {
  id: number;
  code: string;
  name: string;
  type: string;
  isGrassroots: number;
  validFrom: string;
  validTo: string | null;
  parentId: number | null;
  path: string;
  depth: number;
  sortOrder: number;
}

export const PLACED = `
  SELECT u.id, u.code, u.name, u.type, u.is_grassroots AS isGrassroots, u.valid_from AS validFrom,
         u.valid_to AS validTo, p.parent_id AS parentId, p.path, p.depth, p.sort_order AS sortOrder
  FROM placements p JOIN units u ON u.id = p.unit_id
  WHERE p.structure_version_id = ?`;

export const isOpen = (validTo: string | null, on: string) => validTo === null || validTo > on;

export function unitVersion(u: Omit<PlacedRow, 'path' | 'depth' | 'sortOrder'>): string {
  const seen = [u.code, u.name, u.type, u.isGrassroots ? 1 : 0, u.validTo ?? '', u.parentId ?? ''].join('|');
  return createHash('sha256').update(seen).digest('hex').slice(0, 12);
}

export function placed(db: DbOrTx, versionId: number, unitId: number): PlacedRow {
  const row = stmt<PlacedRow>(db, `${PLACED} AND p.unit_id = ?`).get(versionId, unitId);
  if (!row) throw invalid(`Đơn vị ${getUnit(db, unitId).name} không có trong cơ cấu tổ chức hiện hành.`);
  return row;
}

/** The admin's subtrees as path prefixes in a version. */
export function adminPaths(db: DbOrTx, actor: Actor, versionId: number): string[] {
  return actor.roles
    .filter((r) => r.role === 'admin')
    .map((r) => stmt<{ path: string }>(db, `${PLACED} AND p.unit_id = ?`).get(versionId, r.unitId)?.path)
    .filter((p): p is string => p !== undefined);
}

/** Parents before children, siblings in their order: the order of the screen and of the export. */
export function inTreeOrder(rows: PlacedRow[]): PlacedRow[] {
  const children = new Map<number | null, PlacedRow[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const r of rows) {
    const key = r.parentId !== null && ids.has(r.parentId) ? r.parentId : null;
    children.set(key, [...(children.get(key) ?? []), r]);
  }
  const out: PlacedRow[] = [];
  const visit = (parent: number | null) => {
    const list = (children.get(parent) ?? []).sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
    for (const r of list) {
      out.push(r);
      visit(r.id);
    }
  };
  visit(null);
  return out;
}
