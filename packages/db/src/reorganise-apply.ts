/**
 * Applying a reorganisation (docs/decisions/0009): write the plan in one transaction, then build
 * the new version's roll-ups in bulk.
 */
import { sql } from 'drizzle-orm';
import type { Actor } from './access.ts';
import type { Db } from './client.ts';
import { appliedPartials, correctDesignations } from './reorganise-correct.ts';
import { AUDIT_ENTITY } from './reorganise-load.ts';
import { refuseMap } from './reorganise-map.ts';
import { planReorganisation } from './reorganise-plan.ts';
import type { ReorganisationResult, ReorganiseInput } from './reorganise-types.ts';
import { bumpRevision } from './revision.ts';
import { rebuildRollups } from './rollup.ts';
import { found } from './rows.ts';
import { inTransaction, stmt } from './statements.ts';
import { parentPathIn, placeInEveryVersion } from './units.ts';

/**
 * Apply the map in one transaction: close, open, link, place, re-base, move scopes, build roll-ups,
 * record (audit). The same map again is a successful no-op.
 */
export function applyReorganisation(
  db: Db,
  actor: Actor | 'system',
  input: ReorganiseInput,
): ReorganisationResult {
  return inTransaction(db, (tx) => {
    const p = planReorganisation(tx, actor, input);
    if (p.plan.alreadyApplied) {
      const { structureVersionId } = p.plan.alreadyApplied;
      const corrected = input.designations
        ? correctDesignations(
            tx,
            { effectiveDate: p.plan.effectiveDate, structureVersionId, designations: input.designations },
            actor === 'system' ? null : actor.id,
          )
        : [];
      const plan = corrected.length
        ? { ...p.plan, partials: appliedPartials(tx, p.plan.effectiveDate) }
        : p.plan;
      return { applied: false, structureVersionId, plan, corrected };
    }
    const missing = p.plan.createdParents.flatMap((c) => [
      ...(c.name
        ? []
        : [{ code: c.code, message: `Cần tên cho đơn vị cấp trên mới mã ${c.code} (chưa có trong cây).` }]),
      ...(c.type
        ? []
        : [
            {
              code: c.code,
              message: `Cần chọn loại cho đơn vị cấp trên mới mã ${c.code}${c.name ? ` (tên “${c.name}” không cho biết loại)` : ''}.`,
            },
          ]),
    ]);
    if (missing.length > 0) refuseMap(missing);
    const date = p.plan.effectiveDate;
    const ids = new Map<string, number>();
    const insertUnit = stmt<{ id: number }>(
      tx,
      `INSERT INTO units (code, name, type, is_grassroots, valid_from) VALUES (?, ?, ?, ?, ?) RETURNING id`,
    );
    for (const c of p.created) {
      const row = insertUnit.get(c.code, c.name, c.type, c.isGrassroots ? 1 : 0, date);
      ids.set(c.key, found(row, `the new unit ${c.code}`).id);
    }
    const idOf = (key: string): number =>
      key.startsWith('u:') ? Number(key.slice(2)) : found(ids.get(key), `the new unit ${key}`);

    const closeUnit = stmt(tx, 'UPDATE units SET valid_to = ? WHERE id = ?');
    for (const id of p.closedIds) closeUnit.run(date, id);
    tx.run(sql`UPDATE structure_versions SET valid_to = ${date} WHERE id = ${p.previousId}`);
    const versionId = found(
      tx.get<{ id: number }>(
        sql`INSERT INTO structure_versions (name, valid_from) VALUES (${p.plan.newVersionName}, ${date}) RETURNING id`,
      ),
      'the new structure version',
    ).id;

    // Placements: the live tree first (parents before children), then every closed unit as a leaf
    // under the unit it is attributed to. Sort orders are renumbered per parent, keeping the old order.
    const place = stmt(
      tx,
      'INSERT INTO placements (structure_version_id, unit_id, parent_id, path, depth, sort_order) VALUES (?, ?, ?, ?, ?, ?)',
    );
    const paths = new Map<number, string>();
    const children = new Map<string | null, string[]>();
    for (const [key, v] of p.tree) children.set(v.parent, [...(children.get(v.parent) ?? []), key]);
    const walk = (parentKey: string | null) => {
      const kids = (children.get(parentKey) ?? []).sort(
        (a, b) => (p.tree.get(a)?.sortOrder ?? 0) - (p.tree.get(b)?.sortOrder ?? 0) || idOf(a) - idOf(b),
      );
      kids.forEach((key, i) => {
        const id = idOf(key);
        const parentId = parentKey === null ? null : idOf(parentKey);
        const path = `${parentId === null ? '/' : paths.get(parentId)}${id}/`;
        paths.set(id, path);
        place.run(versionId, id, parentId, path, path.split('/').length - 3, i);
        walk(key);
      });
    };
    walk(null);
    const counts = new Map<number, number>();
    for (const [unitId, key] of [...p.attribution].sort((a, b) => a[0] - b[0])) {
      const parentId = idOf(key);
      const n = (counts.get(parentId) ?? 1000) + 1;
      counts.set(parentId, n);
      const path = `${paths.get(parentId)}${unitId}/`;
      place.run(versionId, unitId, parentId, path, path.split('/').length - 3, n);
    }

    const link = stmt(
      tx,
      'INSERT INTO unit_successions (predecessor_id, successor_id, effective_date, kind, designated) VALUES (?, ?, ?, ?, ?)',
    );
    for (const s of p.successions) link.run(s.oldId, idOf(s.newKey), date, s.kind, s.designated ? 1 : 0);

    // Earlier structures get the new units too, under their predecessors' common parent, so every
    // structure gives the same totals at every date (docs/decisions/0017).
    for (const c of p.created) {
      const predecessors = p.successions.filter((s) => s.newKey === c.key).map((s) => s.oldId);
      placeInEveryVersion(tx, idOf(c.key), (v) =>
        predecessors.map((id) => parentPathIn(tx, v, id)).filter((x): x is string => x !== null),
      );
    }

    // A user with the same role on two merged units ends with one assignment on the successor.
    const moveRole = stmt(tx, 'UPDATE OR IGNORE role_assignments SET unit_id = ? WHERE id = ?');
    const dropRole = stmt(tx, 'DELETE FROM role_assignments WHERE id = ? AND unit_id <> ?');
    for (const m of p.roleMoves) {
      moveRole.run(idOf(m.toKey), m.assignmentId);
      dropRole.run(m.assignmentId, idOf(m.toKey));
    }
    // A term adopted by a unit that closes is carried by the unit it went to (Tỉnh Bình Thuận's
    // resolution by Tỉnh Lâm Đồng): its targets are then managed, allocated and viewed there.
    const terms = tx.all<{ id: number; ownerUnitId: number }>(
      sql`SELECT id, owner_unit_id AS ownerUnitId FROM terms`,
    );
    for (const term of terms) {
      const heir = p.attribution.get(term.ownerUnitId);
      if (heir === undefined) continue;
      const ownerUnitId = idOf(heir);
      tx.run(sql`UPDATE terms SET owner_unit_id = ${ownerUnitId} WHERE id = ${term.id}`);
      tx.run(sql`INSERT INTO audit_events (user_id, entity, entity_id, action, before, after)
        VALUES (${actor === 'system' ? null : actor.id}, 'term', ${String(term.id)}, 'update',
                ${JSON.stringify({ ownerUnitId: term.ownerUnitId })}, ${JSON.stringify({ ownerUnitId })})`);
    }
    // Old allocations stay (the old structure still shows them); the successor gets their sum.
    const allocate = stmt(
      tx,
      `INSERT INTO target_allocations (target_id, unit_id, goal) VALUES (?, ?, ?)
       ON CONFLICT DO UPDATE SET goal = goal + excluded.goal`,
    );
    for (const a of p.allocationSums) allocate.run(a.targetId, idOf(a.toKey), a.goal);

    // All versions: closing units takes their standing reports out of every structure they sit in.
    rebuildRollups(tx);
    const userId = actor === 'system' ? null : actor.id;
    tx.run(sql`INSERT INTO audit_events (user_id, entity, entity_id, action, after)
      VALUES (${userId}, ${AUDIT_ENTITY}, ${p.plan.hash}, 'apply', ${JSON.stringify({
        effectiveDate: date,
        structureVersionId: versionId,
        previousVersionId: p.previousId,
        rows: p.rows.map(({ line: _, ...r }) => r),
        designations: Object.fromEntries(p.plan.partials.map((x) => [x.oldCode, x.designated])),
        closed: p.closedIds.length,
        opened: p.created.length,
        rolesMoved: p.roleMoves.length,
        allocations: p.allocationSums.length,
      })})`);
    bumpRevision(tx);
    return { applied: true, structureVersionId: versionId, plan: p.plan, corrected: [] };
  });
}
