/**
 * Planning a reorganisation (docs/decisions/0009, 0031): read what is needed once, then decide in
 * pure phases — match → successors → placements → allocations → roles — and describe the result.
 * Nothing is written; preview returns the plan, apply writes it.
 */
import { conflict, forbidden, formatDate, isIsoDate } from '@chitieu/core';
import { sql } from 'drizzle-orm';
import { type Actor, authorize } from './access.ts';
import type { DbOrTx } from './client.ts';
import { rebaseAllocations } from './reorganise-allocations.ts';
import { appliedPartials } from './reorganise-correct.ts';
import { appliedPlan, describePlan, labeller } from './reorganise-describe.ts';
import { loadCurrentStructure, loadUnitFacts, previousAudit } from './reorganise-load.ts';
import { legacyMapHash, type MapProblem, mapHash, parseMergeMap, refuseMap } from './reorganise-map.ts';
import { matchUnits } from './reorganise-match.ts';
import { placeUnits } from './reorganise-placements.ts';
import { moveRoles } from './reorganise-roles.ts';
import { findSuccessors } from './reorganise-successors.ts';
import type { Internal, ReorganiseInput } from './reorganise-types.ts';

function authorizeAdmin(db: DbOrTx, actor: Actor | 'system', rootId: number) {
  if (actor === 'system') return;
  authorize(db, actor, 'administer', rootId);
}

/**
 * Refuse (403) anyone who may not reorganise: an admin of the current structure's root. The API
 * calls it before reading the uploaded map; `plan` checks it again with the map.
 */
export function authorizeReorganisation(db: DbOrTx, actor: Actor): void {
  const root = db.get<{ id: number }>(sql`
    SELECT p.unit_id AS id FROM placements p
    WHERE p.parent_id IS NULL AND p.structure_version_id = (
      SELECT id FROM structure_versions ORDER BY valid_from DESC, id DESC LIMIT 1)
    LIMIT 1`);
  if (!root) throw forbidden('Bạn không có quyền quản trị.');
  authorizeAdmin(db, actor, root.id);
}

/** Decide the whole reorganisation without writing. Throws `invalid` with every problem found. */
export function planReorganisation(db: DbOrTx, actor: Actor | 'system', input: ReorganiseInput): Internal {
  // Who may do it comes first: a non-admin learns nothing about the file or the tree.
  const { previous, units } = loadCurrentStructure(db);
  const root = units.find((u) => u.parentId === null);
  if (root) authorizeAdmin(db, actor, root.id);
  else if (actor !== 'system') throw forbidden('Bạn không có quyền quản trị.');
  const rows = parseMergeMap(input.map);
  const date = input.effectiveDate;
  if (!isIsoDate(date))
    refuseMap([{ message: `Ngày hiệu lực “${date}” không hợp lệ (cần dạng YYYY-MM-DD).` }]);
  if (!previous) refuseMap([{ message: 'Chưa có cơ cấu tổ chức nào để sắp xếp lại.' }]);

  const hash = mapHash(rows, date);
  const done = previousAudit(db, hash) ?? previousAudit(db, legacyMapHash(rows, date));
  if (done) {
    // A map applied before matches closed units now; its plan is not recomputed, only reported,
    // with where its split units' results go (a designation can still be corrected).
    const applied = appliedPlan(hash, date, previous, rows, done);
    applied.plan.partials = appliedPartials(db, date);
    return applied;
  }
  // The preview was of another structure (someone applied a map since): look again before applying.
  if (input.expectedVersionId !== undefined && input.expectedVersionId !== previous.id) {
    throw conflict('Cơ cấu tổ chức đã thay đổi kể từ khi xem trước; hãy xem trước lại.', {
      currentVersionId: previous.id,
    });
  }
  const openCodes = new Set(units.filter((u) => u.validTo === null).map((u) => u.code));
  const facts = loadUnitFacts(
    db,
    previous.id,
    [...new Set(rows.map((r) => r.oldCode))].filter((code) => !openCodes.has(code)),
  );

  // From here on, no database: each phase takes plain data and gives plain data.
  const dateProblems: MapProblem[] =
    date <= previous.validFrom
      ? [
          {
            message: `Ngày hiệu lực phải sau ngày bắt đầu của cơ cấu hiện hành (${formatDate(previous.validFrom)}).`,
          },
        ]
      : [];
  const matched = matchUnits(units, rows, date, facts.closedByCode);
  const successors = findSuccessors(rows, matched, input);
  const problems = [...dateProblems, ...matched.problems, ...successors.problems];
  if (problems.length > 0) refuseMap(problems);
  const placements = placeUnits(units, rows, matched, successors);
  const byId = new Map(units.map((u) => [u.id, u]));
  const label = labeller(byId, successors);
  const rebased = rebaseAllocations(facts.allocations, byId, placements, label);
  const moved = moveRoles(facts.roleAssignments, byId, placements, label);
  return describePlan({
    hash,
    date,
    previous,
    rows,
    byId,
    matched,
    successors,
    placements,
    rebased,
    moved,
    warnings: [...matched.warnings, ...successors.warnings, ...placements.warnings],
    label,
  });
}
