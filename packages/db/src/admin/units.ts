/**
 * Administering the unit tree (docs/decisions/0010-setting-up-an-organisation.md): read it and move
 * its start here; create, rename, move, close and mark grassroots in unit-edits.ts; import and
 * export in unit-import.ts. Every change works on the structure version in force today, is
 * authorised (the admin's subtree), runs in one transaction and is audited.
 *
 * Units carry no version column: an edit carries a short hash of what the admin saw (`version`),
 * and a different hash now means someone changed the unit meanwhile (409).
 */
import { forbidden, invalid } from '@chitieu/core';
import { sql } from 'drizzle-orm';
import type { Actor } from '../access.ts';
import { authorize } from '../access.ts';
import type { Db, DbOrTx } from '../client.ts';
import { versionAt } from '../figures/scope.ts';
import { bumpRevision } from '../revision.ts';
import { found } from '../rows.ts';
import { auditEvents } from '../schema.ts';
import { inTransaction, stmt } from '../statements.ts';
import { moveTreeStart, treeStart } from '../units.ts';
import { adminPaths, inTreeOrder, isOpen, PLACED, type PlacedRow, unitVersion } from './placed-units.ts';

export { unitVersion } from './placed-units.ts';

export interface AdminUnit {
  id: number;
  code: string;
  name: string;
  type: string;
  isGrassroots: boolean;
  validFrom: string;
  validTo: string | null;
  parentId: number | null;
  depth: number;
  /** Open children in this structure version (a unit with open children cannot be closed). */
  openChildren: number;
  /** What the admin saw; an edit sends it back (see the file comment). */
  version: string;
}

/** The units the actor administers, in the structure version in force `today`, as a tree. */
export function adminUnitTree(db: DbOrTx, actor: Actor, today: string) {
  if (!actor.roles.some((r) => r.role === 'admin')) throw forbidden('Bạn không có quyền quản trị.');
  const versionId = versionAt(db, today);
  const prefixes = adminPaths(db, actor, versionId);
  const rows = stmt<PlacedRow>(db, PLACED)
    .all(versionId)
    .filter((r) => prefixes.some((p) => r.path.startsWith(p)));
  const openChildren = new Map<number, number>();
  for (const r of rows)
    if (r.parentId !== null && isOpen(r.validTo, today))
      openChildren.set(r.parentId, (openChildren.get(r.parentId) ?? 0) + 1);
  const list: AdminUnit[] = inTreeOrder(rows).map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    type: r.type,
    isGrassroots: r.isGrassroots === 1,
    validFrom: r.validFrom,
    validTo: r.validTo,
    parentId: r.parentId,
    depth: r.depth,
    openChildren: openChildren.get(r.id) ?? 0,
    version: unitVersion(r),
  }));
  return { structureVersionId: versionId, start: treeStart(db), units: list };
}

/** An admin of the root moves the tree's start (see moveTreeStart), audited. */
export function setTreeStart(db: Db, actor: Actor, date: string) {
  return inTransaction(db, (tx) => {
    const root = tx.get<{ id: number }>(
      sql`SELECT unit_id AS id FROM placements WHERE parent_id IS NULL ORDER BY structure_version_id DESC LIMIT 1`,
    );
    if (!root) throw invalid('Chưa có cây đơn vị.');
    authorize(tx, actor, 'administer', root.id);
    const moved = moveTreeStart(tx, date);
    if (moved.from !== moved.to) {
      tx.insert(auditEvents)
        .values({
          userId: actor.id,
          entity: 'structure',
          entityId: 'start',
          unitId: null,
          action: 'update',
          before: { validFrom: moved.from },
          after: { validFrom: moved.to },
        })
        .run();
      bumpRevision(tx);
    }
    return found(treeStart(tx), 'the start of the tree');
  });
}
