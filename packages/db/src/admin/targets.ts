/** A term's targets, and the page that sets them up (docs/decisions/0011). */
import {
  type AllocationCheck,
  assertCleanText,
  checkAllocations,
  conflict,
  type Direction,
  invalid,
  type Mission,
  roleAllows,
} from '@chitieu/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import { type Actor, authorize, can, isWithin } from '../access.ts';
import type { DbOrTx } from '../client.ts';
import { termPeriods } from '../entry/periods.ts';
import { getTerm, type Term } from '../lookups.ts';
import { bumpRevision } from '../revision.ts';
import { found } from '../rows.ts';
import * as s from '../schema.ts';
import { inTransaction } from '../statements.ts';
import {
  type AdminPeriod,
  type AdminTerm,
  allocationRows,
  audit,
  checkVersion,
  childUnitsOf,
  indicatorRow,
  parseField,
  type TargetRow,
  targetRow,
  withVersion,
} from './shared.ts';
import { versionOf } from './version.ts';

/** A target as its editor sees it: values as typed text is the web's business; here scaled integers. */
export interface AdminTarget extends TargetRow {
  relatedIndicatorIds: number[];
  yearlyPlan: { year: number; amount: number }[];
  version: string;
  /** Allocations to the owner unit's children, checked against the goal. */
  /**
   * `count`: allocations to the owner unit's children now; `formerCount`: to units that have since
   * ended (a reorganisation closed the districts) — a to-do while `count` is 0.
   */
  allocation: AllocationCheck & { count: number; formerCount: number };
}

/** What the editor sends: numbers as typed ('3.000', '11,54 tỷ', '87,5'); empty text means none. */
export interface TargetInput {
  code: string;
  wording: string;
  shortName: string;
  primaryIndicatorId: number;
  relatedIndicatorIds: number[];
  baseline: string;
  goal: string;
  midTermMilestone: string;
  yearlyPlan: { year: number; amount: string }[];
  direction: Direction;
  counted: boolean;
  sortOrder: number;
  /** The named view it feeds (overview chart, mission page); omitted: unchanged (null when new). */
  mission?: Mission | null | undefined;
}

function adminTarget(db: DbOrTx, row: TargetRow, ownerUnitId: number): AdminTarget {
  const relatedIndicatorIds = db
    .select()
    .from(s.targetRelatedIndicators)
    .where(eq(s.targetRelatedIndicators.targetId, row.id))
    .orderBy(asc(s.targetRelatedIndicators.sortOrder))
    .all()
    .map((r) => r.indicatorId);
  const yearlyPlan = db
    .select({ year: s.targetYearlyPlans.year, amount: s.targetYearlyPlans.amount })
    .from(s.targetYearlyPlans)
    .where(eq(s.targetYearlyPlans.targetId, row.id))
    .orderBy(asc(s.targetYearlyPlans.year))
    .all();
  const indicator = indicatorRow(db, row.primaryIndicatorId);
  const allocations = allocationRows(
    db,
    row.id,
    childUnitsOf(db, ownerUnitId).map((u) => u.id),
  );
  return {
    ...row,
    relatedIndicatorIds,
    yearlyPlan,
    version: versionOf({ row, relatedIndicatorIds, yearlyPlan }),
    allocation: {
      ...checkAllocations(
        indicator,
        row.goal,
        allocations.map((a) => a.goal),
      ),
      count: allocations.length,
      formerCount:
        db.get<{
          n: number;
        }>(sql`SELECT COUNT(*) AS n FROM target_allocations a JOIN units u ON u.id = a.unit_id
          WHERE a.target_id = ${row.id} AND u.valid_to IS NOT NULL`)?.n ?? 0,
    },
  };
}

function cleanTarget(db: DbOrTx, term: Term, input: TargetInput) {
  const code = input.code.trim();
  const wording = input.wording.trim();
  const shortName = input.shortName.trim();
  if (!code) throw invalid('Chưa nhập mã chỉ tiêu.', { field: 'code' });
  if (!wording) throw invalid('Chưa nhập nguyên văn chỉ tiêu.', { field: 'wording' });
  if (!shortName) throw invalid('Chưa nhập tên ngắn của chỉ tiêu.', { field: 'shortName' });
  assertCleanText('Mã chỉ tiêu', code, { field: 'code' });
  assertCleanText('Nguyên văn chỉ tiêu', wording, { field: 'wording', multiline: true });
  assertCleanText('Tên ngắn của chỉ tiêu', shortName, { field: 'shortName' });
  const indicator = indicatorRow(db, input.primaryIndicatorId);
  const related = [...new Set(input.relatedIndicatorIds)];
  if (related.includes(indicator.id)) {
    throw invalid('Chỉ số chính không cần chọn lại trong các chỉ số kèm theo.', {
      field: 'relatedIndicatorIds',
    });
  }
  for (const id of related) indicatorRow(db, id);

  const baseline = parseField(indicator, 'baseline', 'Số đầu nhiệm kỳ', input.baseline) ?? 0;
  const goal = parseField(indicator, 'goal', 'Chỉ tiêu cả nhiệm kỳ', input.goal);
  const midTermMilestone = parseField(
    indicator,
    'midTermMilestone',
    'Mốc giữa nhiệm kỳ',
    input.midTermMilestone,
  );
  if (goal === null && input.counted) {
    throw invalid('Chỉ tiêu được tính vào kết quả phải có mức chỉ tiêu cả nhiệm kỳ.', { field: 'goal' });
  }
  const firstYear = Number(term.startDate.slice(0, 4));
  const lastYear = Number(term.endDate.slice(0, 4));
  const years = new Set<number>();
  const yearlyPlan: { year: number; amount: number }[] = [];
  for (const plan of input.yearlyPlan) {
    if (plan.amount.trim() === '') continue;
    if (plan.year < firstYear || plan.year > lastYear) {
      throw invalid(`Năm ${plan.year} nằm ngoài nhiệm kỳ (${firstYear}–${lastYear}).`, {
        field: 'yearlyPlan',
      });
    }
    if (years.has(plan.year)) throw invalid(`Năm ${plan.year} được nhập hai lần.`, { field: 'yearlyPlan' });
    years.add(plan.year);
    // Not empty (skipped above), so it parses to a number or throws.
    const amount = found(
      parseField(indicator, 'yearlyPlan', `Kế hoạch năm ${plan.year}`, plan.amount),
      `the plan for ${plan.year}`,
    );
    yearlyPlan.push({ year: plan.year, amount });
  }
  yearlyPlan.sort((a, b) => a.year - b.year);
  return {
    row: {
      code,
      wording,
      shortName,
      primaryIndicatorId: indicator.id,
      baseline,
      goal,
      midTermMilestone,
      direction: input.direction,
      counted: input.counted,
      sortOrder: input.sortOrder,
      ...(input.mission === undefined ? {} : { mission: input.mission }),
    },
    related,
    yearlyPlan,
  };
}

/** A mission feeds one target per term: choosing it for one target takes it from the other. */
function freeMission(tx: DbOrTx, termId: number, mission: Mission | null | undefined, exceptId?: number) {
  if (!mission) return;
  tx.run(sql`UPDATE targets SET mission = NULL WHERE term_id = ${termId} AND mission = ${mission}
             AND id <> ${exceptId ?? -1}`);
}

function assertTargetCodeFree(db: DbOrTx, termId: number, code: string, exceptId?: number): void {
  const other = db
    .select({ id: s.targets.id })
    .from(s.targets)
    .where(and(eq(s.targets.termId, termId), eq(s.targets.code, code)))
    .get();
  if (other && other.id !== exceptId)
    throw conflict(`Nhiệm kỳ đã có chỉ tiêu mã “${code}”.`, { field: 'code' });
}

function writeTargetChildren(
  tx: DbOrTx,
  targetId: number,
  related: number[],
  plan: { year: number; amount: number }[],
) {
  tx.delete(s.targetRelatedIndicators).where(eq(s.targetRelatedIndicators.targetId, targetId)).run();
  tx.delete(s.targetYearlyPlans).where(eq(s.targetYearlyPlans.targetId, targetId)).run();
  related.forEach((indicatorId, sortOrder) => {
    tx.insert(s.targetRelatedIndicators).values({ targetId, indicatorId, sortOrder }).run();
  });
  for (const p of plan)
    tx.insert(s.targetYearlyPlans)
      .values({ targetId, ...p })
      .run();
}

export interface SavedTarget {
  target: AdminTarget;
  /** E.g. the new goal is now below what is already allocated: saved, and the difference named. */
  warnings: string[];
}

const warningsOf = (target: AdminTarget) => (target.allocation.message ? [target.allocation.message] : []);

export function createTarget(db: DbOrTx, actor: Actor, termId: number, input: TargetInput): SavedTarget {
  return inTransaction(db, (tx) => {
    const term = getTerm(tx, termId);
    authorize(tx, actor, 'manage_targets', term.ownerUnitId);
    const { row, related, yearlyPlan } = cleanTarget(tx, term, input);
    assertTargetCodeFree(tx, termId, row.code);
    freeMission(tx, termId, row.mission);
    const inserted = tx
      .insert(s.targets)
      .values({ termId, ...row })
      .returning()
      .get();
    writeTargetChildren(tx, inserted.id, related, yearlyPlan);
    const after = adminTarget(tx, inserted, term.ownerUnitId);
    audit(tx, actor, {
      entity: 'target',
      entityId: inserted.id,
      unitId: term.ownerUnitId,
      action: 'create',
      before: null,
      after,
    });
    bumpRevision(tx);
    return { target: after, warnings: warningsOf(after) };
  });
}

/**
 * Edit a target. A goal that no longer matches what is allocated to child units is saved (the
 * resolution's goal is the truth; the allocations are what must be revisited) and answered with
 * a warning naming the difference, which the editor shows.
 */
export function updateTarget(
  db: DbOrTx,
  actor: Actor,
  targetId: number,
  input: TargetInput & { expectedVersion: string },
): SavedTarget {
  return inTransaction(db, (tx) => {
    const current = targetRow(tx, targetId);
    const term = getTerm(tx, current.termId);
    authorize(tx, actor, 'manage_targets', term.ownerUnitId);
    const before = adminTarget(tx, current, term.ownerUnitId);
    checkVersion(input.expectedVersion, before.version, 'Chỉ tiêu này', { current: before });
    const { row, related, yearlyPlan } = cleanTarget(tx, term, input);
    assertTargetCodeFree(tx, term.id, row.code, targetId);
    freeMission(tx, term.id, row.mission, targetId);
    const updated = tx.update(s.targets).set(row).where(eq(s.targets.id, targetId)).returning().get();
    writeTargetChildren(tx, targetId, related, yearlyPlan);
    const after = adminTarget(tx, updated, term.ownerUnitId);
    audit(tx, actor, {
      entity: 'target',
      entityId: targetId,
      unitId: term.ownerUnitId,
      action: 'update',
      before,
      after,
    });
    bumpRevision(tx);
    return { target: after, warnings: warningsOf(after) };
  });
}

export interface TermSetup {
  term: AdminTerm;
  periods: AdminPeriod[];
  targets: AdminTarget[];
  /** What the page may offer this user; the functions above check again. */
  permissions: {
    editTerm: boolean;
    editTargets: boolean;
    /** Units whose children this user allocates to: the owner, or a manager's own units below it. */
    allocationParents: number[];
  };
}

/**
 * Everything the term's setup page shows. Readable by whoever manages targets of the term's owner
 * unit or of a unit below it (a district's manager allocates the district's share to its communes).
 */
export function termSetup(db: DbOrTx, actor: Actor, termId: number): TermSetup {
  const term = getTerm(db, termId);
  const editTargets = can(db, actor, 'manage_targets', term.ownerUnitId);
  const allocationParents = editTargets
    ? [term.ownerUnitId]
    : [
        ...new Set(
          actor.roles
            .filter((r) => roleAllows(r.role, 'manage_targets') && isWithin(db, r.unitId, term.ownerUnitId))
            .map((r) => r.unitId),
        ),
      ];
  if (allocationParents.length === 0) authorize(db, actor, 'manage_targets', term.ownerUnitId);
  const targets = db
    .select()
    .from(s.targets)
    .where(eq(s.targets.termId, termId))
    .orderBy(asc(s.targets.sortOrder), asc(s.targets.code))
    .all()
    .map((row) => adminTarget(db, row, term.ownerUnitId));
  return {
    term: withVersion(term),
    periods: termPeriods(db, termId).map((p) => ({ ...p, version: versionOf(p) })),
    targets,
    permissions: { editTerm: can(db, actor, 'administer', term.ownerUnitId), editTargets, allocationParents },
  };
}
