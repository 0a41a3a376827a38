/** Terms and their reporting periods (docs/decisions/0011). */
import { assertCleanText, conflict, invalid, notFound, type PeriodKind } from '@chitieu/core';
import { eq, sql } from 'drizzle-orm';
import { type Actor, authorize } from '../access.ts';
import type { DbOrTx } from '../client.ts';
import { termPeriods } from '../entry/periods.ts';
import { getTerm } from '../lookups.ts';
import { bumpRevision } from '../revision.ts';
import * as s from '../schema.ts';
import { inTransaction } from '../statements.ts';
import { canMoveTreeStartTo, moveTreeStart, treeStart } from '../units.ts';
import {
  type AdminPeriod,
  type AdminTerm,
  audit,
  authorizeShared,
  checkVersion,
  insertPeriods,
  withVersion,
} from './shared.ts';
import { versionOf } from './version.ts';

export type { AdminPeriod, AdminTerm } from './shared.ts';

export interface TermInput {
  code: string;
  name: string;
  shortName: string;
  /** Default: the root of the tree. */
  ownerUnitId?: number | undefined;
  congressDate?: string | null | undefined;
  startDate: string;
  midTermDate: string;
  endDate: string;
}

function rootUnitId(db: DbOrTx): number {
  const row = db.get<{ unitId: number }>(sql`SELECT p.unit_id AS unitId FROM placements p
    JOIN structure_versions v ON v.id = p.structure_version_id
    WHERE p.parent_id IS NULL ORDER BY v.valid_from DESC, v.id DESC LIMIT 1`);
  if (!row) throw invalid('Chưa có cây đơn vị: hãy tạo đơn vị gốc trước.');
  return row.unitId;
}

function cleanTerm(db: DbOrTx, input: TermInput) {
  const clean = {
    code: input.code.trim(),
    name: input.name.trim(),
    shortName: input.shortName.trim(),
    ownerUnitId: input.ownerUnitId ?? rootUnitId(db),
    congressDate: input.congressDate ?? null,
    startDate: input.startDate,
    midTermDate: input.midTermDate,
    endDate: input.endDate,
  };
  if (!clean.code) throw invalid('Chưa nhập mã nhiệm kỳ.', { field: 'code' });
  if (!clean.name) throw invalid('Chưa nhập tên đại hội, nhiệm kỳ.', { field: 'name' });
  if (!clean.shortName) throw invalid('Chưa nhập tên ngắn của nhiệm kỳ.', { field: 'shortName' });
  assertCleanText('Mã nhiệm kỳ', clean.code, { field: 'code' });
  assertCleanText('Tên đại hội, nhiệm kỳ', clean.name, { field: 'name' });
  assertCleanText('Tên ngắn của nhiệm kỳ', clean.shortName, { field: 'shortName' });
  if (!(clean.startDate < clean.midTermDate && clean.midTermDate < clean.endDate)) {
    throw invalid('Ngày bắt đầu, giữa nhiệm kỳ và kết thúc phải theo thứ tự trước sau.', {
      field: 'midTermDate',
    });
  }
  if (!db.select({ id: s.units.id }).from(s.units).where(eq(s.units.id, clean.ownerUnitId)).get()) {
    throw notFound(`Không tìm thấy đơn vị ${clean.ownerUnitId}.`);
  }
  return clean;
}

function assertTermCodeFree(db: DbOrTx, code: string, exceptId?: number): void {
  const other = db.select({ id: s.terms.id }).from(s.terms).where(eq(s.terms.code, code)).get();
  if (other && other.id !== exceptId) throw conflict(`Mã nhiệm kỳ “${code}” đã có.`, { field: 'code' });
}

export function createTerm(db: DbOrTx, actor: Actor, input: TermInput): AdminTerm {
  return inTransaction(db, (tx) => {
    const clean = cleanTerm(tx, input);
    authorize(tx, actor, 'administer', clean.ownerUnitId);
    assertTermCodeFree(tx, clean.code);
    const row = tx.insert(s.terms).values(clean).returning().get();
    audit(tx, actor, {
      entity: 'term',
      entityId: row.id,
      unitId: row.ownerUnitId,
      action: 'create',
      before: null,
      after: row,
    });
    // A tree that begins after the term (a first-run date typed in haste) begins with the term,
    // while nothing depends on its start yet; once something does, the admin is told on the units page.
    const start = treeStart(tx);
    if (start?.movable && start.date > clean.startDate && canMoveTreeStartTo(tx, clean.startDate)) {
      const moved = moveTreeStart(tx, clean.startDate);
      audit(tx, actor, {
        entity: 'structure',
        entityId: 'start',
        unitId: null,
        action: 'update',
        before: { validFrom: moved.from },
        after: { validFrom: moved.to },
      });
    }
    bumpRevision(tx);
    return withVersion(getTerm(tx, row.id));
  });
}

export function updateTerm(
  db: DbOrTx,
  actor: Actor,
  termId: number,
  input: TermInput & { expectedVersion: string },
): AdminTerm {
  return inTransaction(db, (tx) => {
    const before = getTerm(tx, termId);
    authorize(tx, actor, 'administer', before.ownerUnitId);
    checkVersion(input.expectedVersion, versionOf(before), 'Nhiệm kỳ này', { current: withVersion(before) });
    const clean = cleanTerm(tx, { ...input, ownerUnitId: input.ownerUnitId ?? before.ownerUnitId });
    authorize(tx, actor, 'administer', clean.ownerUnitId);
    assertTermCodeFree(tx, clean.code, termId);
    tx.update(s.terms).set(clean).where(eq(s.terms.id, termId)).run();
    const after = getTerm(tx, termId);
    audit(tx, actor, {
      entity: 'term',
      entityId: termId,
      unitId: after.ownerUnitId,
      action: 'update',
      before,
      after,
    });
    bumpRevision(tx);
    return withVersion(after);
  });
}

/**
 * Create the calendar periods of the given kinds that the term covers, with default deadlines.
 * Periods are shared by terms, so the ones that already exist are kept as they are.
 */
export function generateTermPeriods(
  db: DbOrTx,
  actor: Actor,
  termId: number,
  kinds: PeriodKind[],
): AdminPeriod[] {
  return inTransaction(db, (tx) => {
    const term = getTerm(tx, termId);
    authorize(tx, actor, 'administer', term.ownerUnitId);
    insertPeriods(tx, actor, term, kinds);
    bumpRevision(tx);
    return termPeriods(tx, termId).map((p) => ({ ...p, version: versionOf(p) }));
  });
}

export function updatePeriodDeadline(
  db: DbOrTx,
  actor: Actor,
  periodId: number,
  input: { deadline: string; expectedVersion: string },
): AdminPeriod {
  return inTransaction(db, (tx) => {
    authorizeShared(tx, actor);
    const before = tx.select().from(s.periods).where(eq(s.periods.id, periodId)).get();
    if (!before) throw notFound(`Không tìm thấy kỳ báo cáo ${periodId}.`);
    checkVersion(input.expectedVersion, versionOf(before), 'Kỳ báo cáo này');
    if (input.deadline <= before.endDate) {
      throw invalid('Hạn báo cáo phải sau ngày kết thúc kỳ.', { field: 'deadline' });
    }
    const after = tx
      .update(s.periods)
      .set({ deadline: input.deadline })
      .where(eq(s.periods.id, periodId))
      .returning()
      .get();
    audit(tx, actor, { entity: 'period', entityId: periodId, unitId: null, action: 'update', before, after });
    bumpRevision(tx);
    return { ...after, version: versionOf(after) };
  });
}
