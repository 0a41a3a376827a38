/** Single-row lookups used on every request, as prepared statements (see statements.ts). */
import { notFound } from '@chitieu/core';
import type { DbOrTx } from './client.ts';
import type * as s from './schema.ts';
import { stmt } from './statements.ts';

export type Term = typeof s.terms.$inferSelect;
export type UnitRow = typeof s.units.$inferSelect;
export type PeriodRow = typeof s.periods.$inferSelect;
export type PlacementRow = typeof s.placements.$inferSelect;

export function getTerm(db: DbOrTx, termId: number): Term {
  const term = stmt<Omit<Term, 'illustrative'> & { illustrative: number }>(
    db,
    `SELECT id, code, name, short_name AS shortName, owner_unit_id AS ownerUnitId, congress_date AS congressDate,
            start_date AS startDate, mid_term_date AS midTermDate, end_date AS endDate,
            default_as_of AS defaultAsOf, illustrative
     FROM terms WHERE id = ?`,
  ).get(termId);
  if (!term) throw notFound(`Không tìm thấy nhiệm kỳ ${termId}.`);
  return { ...term, illustrative: term.illustrative === 1 };
}

export function getUnit(db: DbOrTx, unitId: number): UnitRow {
  const unit = stmt<Omit<UnitRow, 'isGrassroots'> & { isGrassroots: number }>(
    db,
    `SELECT id, code, name, type, is_grassroots AS isGrassroots, valid_from AS validFrom, valid_to AS validTo
     FROM units WHERE id = ?`,
  ).get(unitId);
  if (!unit) throw notFound(`Không tìm thấy đơn vị ${unitId}.`);
  return { ...unit, isGrassroots: unit.isGrassroots === 1 };
}

export const PERIOD_COLUMNS = 'id, kind, start_date AS startDate, end_date AS endDate, deadline';

export function getPeriod(db: DbOrTx, periodId: number): PeriodRow {
  const period = stmt<PeriodRow>(db, `SELECT ${PERIOD_COLUMNS} FROM periods WHERE id = ?`).get(periodId);
  if (!period) throw notFound(`Không tìm thấy kỳ báo cáo ${periodId}.`);
  return period;
}

export function placementOf(db: DbOrTx, versionId: number, unitId: number): PlacementRow | undefined {
  return stmt<PlacementRow>(
    db,
    `SELECT structure_version_id AS structureVersionId, unit_id AS unitId, parent_id AS parentId, path, depth,
            sort_order AS sortOrder
     FROM placements WHERE structure_version_id = ? AND unit_id = ?`,
  ).get(versionId, unitId);
}

export function structureVersionExists(db: DbOrTx, versionId: number): boolean {
  return stmt(db, 'SELECT 1 FROM structure_versions WHERE id = ?').get(versionId) !== undefined;
}
