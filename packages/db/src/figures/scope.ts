/**
 * The scope of every leader's read: which term, unit, as-of date, basis and structure version a view
 * shows, with the defaults filled in and the actor's right to read the unit checked.
 */
import { type Basis, clampDate, formatDate, invalid, notFound } from '@chitieu/core';
import { asc } from 'drizzle-orm';
import { type Actor, authorize, can, homeUnits } from '../access.ts';
import type { DbOrTx } from '../client.ts';
import {
  getTerm,
  getUnit,
  placementOf,
  structureVersionExists,
  type Term,
  type UnitRow,
} from '../lookups.ts';
import { standInFor } from '../reorganise-stand-in.ts';
import * as s from '../schema.ts';
import { stmt } from '../statements.ts';
import { unitPath } from './unit-tree.ts';

export type { Term, UnitRow };
export { getTerm };

export interface ScopeInput {
  termId: number;
  /** Default: the term's owner unit. */
  unitId?: number;
  /** Default: the term's default as-of date, else today, clamped to the term. */
  asOf?: string;
  basis?: Basis;
  /** Default: the structure version in force on the as-of date. */
  structureVersionId?: number;
}

export interface Scope {
  term: Term;
  unit: UnitRow;
  asOf: string;
  basis: Basis;
  structureVersionId: number;
  /** The owner unit, or its successor in a structure made after it closed (it carries the term goals). */
  ownerStandIn?: number;
}

export function listTerms(db: DbOrTx): Term[] {
  return db.select().from(s.terms).orderBy(asc(s.terms.startDate)).all();
}

/**
 * Fill in a scope's defaults, check that each part exists and fits the term, and that the actor may
 * read the unit. Without a unit, a user who cannot read the term's owner unit starts at their own.
 */
export function resolveScope(db: DbOrTx, actor: Actor | 'system', input: ScopeInput, today: string): Scope {
  const term = getTerm(db, input.termId);
  const asOf = input.asOf ?? term.defaultAsOf ?? clampDate(today, term.startDate, term.endDate);
  if (asOf < term.startDate || asOf > term.endDate) {
    throw invalid(
      `Ngày số liệu phải nằm trong nhiệm kỳ (${formatDate(term.startDate)} – ${formatDate(term.endDate)}).`,
      {
        param: 'asOf',
      },
    );
  }
  let structureVersionId = input.structureVersionId ?? versionAt(db, asOf);
  if (!structureVersionExists(db, structureVersionId)) {
    throw notFound(`Không tìm thấy cơ cấu tổ chức ${structureVersionId}.`);
  }
  let unitId = input.unitId;
  if (unitId === undefined) {
    // By default a view opens at the owner unit, or at whoever stands for it in this structure
    // (its successor after it closed, its predecessor before it was formed).
    const home = defaultUnit(db, actor, term.ownerUnitId);
    unitId = standInFor(db, structureVersionId, home);
    if (actor !== 'system' && !can(db, actor, 'read', unitId)) {
      // A user whose unit has ended (a district after the 2025 merges) opens on it, in the last
      // structure where it still existed, rather than on a refusal.
      unitId = home;
      if (input.structureVersionId === undefined)
        structureVersionId = lastVersionOf(db, home) ?? structureVersionId;
    }
  }
  const ownerStandIn = standInFor(db, structureVersionId, term.ownerUnitId);
  const unit = getUnit(db, unitId);
  if (actor !== 'system') authorize(db, actor, 'read', unit.id);
  if (!placementOf(db, structureVersionId, unitId)) {
    throw notFound(`Đơn vị “${unit.name}” không có trong cơ cấu tổ chức đang xem.`);
  }
  return { term, unit, asOf, basis: input.basis ?? 'approved', structureVersionId, ownerStandIn };
}

function defaultUnit(db: DbOrTx, actor: Actor | 'system', ownerUnitId: number): number {
  if (actor === 'system' || can(db, actor, 'read', ownerUnitId)) return ownerUnitId;
  return homeUnits(actor)[0] ?? ownerUnitId;
}

/** The latest structure version in which a unit is placed as a live unit (not kept as a former one). */
function lastVersionOf(db: DbOrTx, unitId: number): number | undefined {
  return stmt<{ id: number }>(
    db,
    `SELECT v.id FROM placements p JOIN structure_versions v ON v.id = p.structure_version_id
     JOIN units u ON u.id = p.unit_id
     WHERE p.unit_id = ? AND (u.valid_to IS NULL OR u.valid_to > v.valid_from)
     ORDER BY v.valid_from DESC, v.id DESC LIMIT 1`,
  ).get(unitId)?.id;
}

/** The structure version in force on a date (the latest one that started on or before it). */
export function versionAt(db: DbOrTx, date: string): number {
  const row = stmt<{ id: number }>(
    db,
    'SELECT id FROM structure_versions WHERE valid_from <= ? ORDER BY valid_from DESC, id DESC LIMIT 1',
  ).get(date);
  const first =
    row ?? stmt<{ id: number }>(db, 'SELECT id FROM structure_versions ORDER BY valid_from LIMIT 1').get();
  if (!first) throw notFound('Chưa có cơ cấu tổ chức nào.');
  return first.id;
}

export interface ScopeView {
  term: Term;
  unit: { id: number; code: string; name: string; type: string };
  path: { id: number; name: string }[];
  asOf: string;
  basis: Basis;
  structureVersionId: number;
  illustrative: boolean;
}

export function scopeView(db: DbOrTx, scope: Scope): ScopeView {
  const { id, code, name, type } = scope.unit;
  return {
    term: scope.term,
    unit: { id, code, name, type },
    path: unitPath(db, scope.structureVersionId, id),
    asOf: scope.asOf,
    basis: scope.basis,
    structureVersionId: scope.structureVersionId,
    illustrative: scope.term.illustrative,
  };
}
