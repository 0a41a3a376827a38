/**
 * What the admin modules of a congress resolution share, kept out of the package's exports: the
 * version check, the audit line, who administers shared settings, and the reads several entities
 * need. Every admin write is authorised, checked against the version the editor saw (409
 * otherwise), audited and bumps the data revision, all in one transaction
 * (docs/decisions/0011-terms-and-targets-admin.md).
 */
import {
  conflict,
  forbidden,
  type GoalIndicator,
  invalid,
  notFound,
  type PeriodKind,
  parseGoal,
  roleAllows,
  termPeriodPlan,
} from '@chitieu/core';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../access.ts';
import type { DbOrTx } from '../client.ts';
import type { Term } from '../lookups.ts';
import { closedUnitsWithLevels, keepingLevels } from '../rollup.ts';
import * as s from '../schema.ts';
import { versionOf } from './version.ts';

export type IndicatorRow = typeof s.indicators.$inferSelect;
export type TargetRow = typeof s.targets.$inferSelect;

export function checkVersion(expected: string, current: string, what: string, details?: unknown): void {
  if (expected !== current) {
    throw conflict(`${what} vừa được người khác thay đổi. Hãy tải lại để xem bản mới rồi sửa tiếp.`, details);
  }
}

export function audit(
  tx: DbOrTx,
  actor: Actor,
  entry: {
    entity: string;
    entityId: string | number;
    unitId: number | null;
    action: string;
    before: unknown;
    after: unknown;
  },
): void {
  tx.insert(s.auditEvents)
    .values({ userId: actor.id, ...entry, entityId: String(entry.entityId) })
    .run();
}

// ---------------------------------------------------------------- authorisation

/** Units at the top of some structure version: an admin scoped to one administers shared settings. */
function isRootUnit(db: DbOrTx, unitId: number): boolean {
  return (
    db.get(sql`SELECT 1 FROM placements WHERE unit_id = ${unitId} AND parent_id IS NULL LIMIT 1`) !==
    undefined
  );
}

/** Indicators and periods are shared by every term: only an administrator of the whole tree sets them up. */
export function authorizeShared(db: DbOrTx, actor: Actor): void {
  const ok = actor.roles.some((r) => roleAllows(r.role, 'administer') && isRootUnit(db, r.unitId));
  if (!ok)
    throw forbidden('Chỉ quản trị của toàn hệ thống mới khai báo được chỉ số và kỳ báo cáo dùng chung.');
}

export function indicatorRow(db: DbOrTx, id: number): IndicatorRow {
  const row = db.select().from(s.indicators).where(eq(s.indicators.id, id)).get();
  if (!row) throw notFound(`Không tìm thấy chỉ số ${id}.`);
  return row;
}

export interface AdminTerm extends Term {
  version: string;
}

export const withVersion = (term: Term): AdminTerm => ({ ...term, version: versionOf(term) });

export type AdminPeriod = typeof s.periods.$inferSelect & { version: string };

export function insertPeriods(tx: DbOrTx, actor: Actor, term: Term, kinds: Iterable<PeriodKind>): void {
  // A closed unit's last report leaves the levels at the first period after its end: a new period
  // may be that one (docs/decisions/0017).
  keepingLevels(tx, closedUnitsWithLevels(tx), undefined, () => insertEachPeriod(tx, actor, term, kinds));
}

function insertEachPeriod(tx: DbOrTx, actor: Actor, term: Term, kinds: Iterable<PeriodKind>): void {
  for (const kind of new Set(kinds)) {
    for (const plan of termPeriodPlan(kind, term.startDate, term.endDate)) {
      const row = tx.insert(s.periods).values(plan).onConflictDoNothing().returning().get();
      if (row)
        audit(tx, actor, {
          entity: 'period',
          entityId: row.id,
          unitId: null,
          action: 'create',
          before: null,
          after: row,
        });
    }
  }
}

/** The structure version units are allocated in: the newest. */
export function currentVersionId(db: DbOrTx): number | null {
  return (
    db.get<{ id: number }>(sql`SELECT id FROM structure_versions ORDER BY valid_from DESC, id DESC LIMIT 1`)
      ?.id ?? null
  );
}

export function childUnitsOf(db: DbOrTx, parentId: number) {
  const versionId = currentVersionId(db);
  if (versionId === null) return [];
  return db.all<{ id: number; code: string; name: string }>(sql`SELECT u.id, u.code, u.name FROM placements p
    JOIN units u ON u.id = p.unit_id
    WHERE p.structure_version_id = ${versionId} AND p.parent_id = ${parentId} AND u.valid_to IS NULL
    ORDER BY p.sort_order, u.name`);
}

export function allocationRows(db: DbOrTx, targetId: number, unitIds: number[]) {
  if (unitIds.length === 0) return [];
  return db
    .select()
    .from(s.targetAllocations)
    .where(and(eq(s.targetAllocations.targetId, targetId), inArray(s.targetAllocations.unitId, unitIds)))
    .orderBy(asc(s.targetAllocations.unitId))
    .all();
}

export function targetRow(db: DbOrTx, targetId: number): TargetRow {
  const row = db.select().from(s.targets).where(eq(s.targets.id, targetId)).get();
  if (!row) throw notFound(`Không tìm thấy chỉ tiêu ${targetId}.`);
  return row;
}

export function parseField(
  indicator: GoalIndicator,
  field: string,
  label: string,
  text: string,
): number | null {
  if (text.trim() === '') return null;
  const parsed = parseGoal(indicator, text);
  if (!parsed.ok) throw invalid(`${label}: ${parsed.message}`, { field });
  return parsed.value;
}
