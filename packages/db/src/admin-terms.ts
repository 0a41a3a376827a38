/**
 * Setting up a congress resolution: indicators (shared by terms), terms and their reporting periods,
 * targets and their allocations to child units, and copying a term's targets as the next term's draft.
 * Every write is authorised here, checked against the version the editor saw (409 otherwise), audited
 * and bumps the data revision, all in one transaction (docs/decisions/0011-terms-and-targets-admin.md).
 */
import { createHash } from 'node:crypto';
import {
  type AllocationCheck,
  assertCleanText,
  checkAllocations,
  conflict,
  type Direction,
  flagsApply,
  forbidden,
  type GoalIndicator,
  invalid,
  isShareMeasure,
  type MeasureType,
  type Mission,
  notFound,
  type PeriodKind,
  parseFlagGrowth,
  parseFlagMinChange,
  parseGoal,
  roleAllows,
  termPeriodPlan,
} from '@chitieu/core';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, authorize, can, isWithin } from './access.ts';
import type { DbOrTx } from './client.ts';
import { termPeriods } from './entry/periods.ts';
import { getTerm, type Term } from './lookups.ts';
import { bumpRevision } from './revision.ts';
import { closedUnitsWithLevels, keepingLevels } from './rollup.ts';
import * as s from './schema.ts';
import { canMoveTreeStartTo, moveTreeStart, treeStart } from './units.ts';

type IndicatorRow = typeof s.indicators.$inferSelect;
type TargetRow = typeof s.targets.$inferSelect;

/**
 * A short fingerprint of what an editor saw. These tables have no version column; a hash of the
 * stored row serves the same purpose (any change to the row changes it) without a migration.
 */
export function versionOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 16);
}

function checkVersion(expected: string, current: string, what: string, details?: unknown): void {
  if (expected !== current) {
    throw conflict(`${what} vừa được người khác thay đổi. Hãy tải lại để xem bản mới rồi sửa tiếp.`, details);
  }
}

function audit(
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
function authorizeShared(db: DbOrTx, actor: Actor): void {
  const ok = actor.roles.some((r) => roleAllows(r.role, 'administer') && isRootUnit(db, r.unitId));
  if (!ok)
    throw forbidden('Chỉ quản trị của toàn hệ thống mới khai báo được chỉ số và kỳ báo cáo dùng chung.');
}

// ---------------------------------------------------------------- indicators

export interface IndicatorInput {
  code: string;
  name: string;
  measurementUnit: string;
  measureType: MeasureType;
  decimals: number;
  frequency: PeriodKind;
  ratioOverTime: 'sum' | 'latest';
  /**
   * The plausibility rule as typed ('3', '2,5'; '10', '50 triệu'): empty for the default, omitted to
   * keep what is stored (docs/decisions/0025).
   */
  flagGrowth?: string | null | undefined;
  flagMinChange?: string | null | undefined;
}

type CleanIndicator = Omit<IndicatorInput, 'flagGrowth' | 'flagMinChange'> & {
  flagGrowth?: number | null;
  flagMinChange?: number | null;
};

export interface AdminIndicator extends IndicatorRow {
  version: string;
  hasResults: boolean;
  targetCount: number;
}

function indicatorRow(db: DbOrTx, id: number): IndicatorRow {
  const row = db.select().from(s.indicators).where(eq(s.indicators.id, id)).get();
  if (!row) throw notFound(`Không tìm thấy chỉ số ${id}.`);
  return row;
}

const hasResults = (db: DbOrTx, indicatorId: number) =>
  db.get(sql`SELECT 1 FROM results WHERE indicator_id = ${indicatorId} LIMIT 1`) !== undefined;

function adminIndicator(db: DbOrTx, row: IndicatorRow): AdminIndicator {
  const used = db.get<{ n: number }>(sql`SELECT COUNT(DISTINCT target_id) AS n FROM (
      SELECT id AS target_id FROM targets WHERE primary_indicator_id = ${row.id}
      UNION SELECT target_id FROM target_related_indicators WHERE indicator_id = ${row.id})`);
  return { ...row, version: versionOf(row), hasResults: hasResults(db, row.id), targetCount: used?.n ?? 0 };
}

export function listIndicators(db: DbOrTx): AdminIndicator[] {
  return db
    .select()
    .from(s.indicators)
    .orderBy(asc(s.indicators.code))
    .all()
    .map((row) => adminIndicator(db, row));
}

function cleanIndicator(input: IndicatorInput): CleanIndicator {
  const { flagGrowth, flagMinChange, ...rest } = input;
  const clean: CleanIndicator = {
    ...rest,
    code: input.code.trim(),
    name: input.name.trim(),
    measurementUnit: input.measurementUnit.trim(),
  };
  if (!clean.code) throw invalid('Chưa nhập mã chỉ số.', { field: 'code' });
  if (!clean.name) throw invalid('Chưa nhập tên chỉ số.', { field: 'name' });
  if (!clean.measurementUnit) throw invalid('Chưa nhập đơn vị tính.', { field: 'measurementUnit' });
  assertCleanText('Mã chỉ số', clean.code, { field: 'code' });
  assertCleanText('Tên chỉ số', clean.name, { field: 'name' });
  assertCleanText('Đơn vị tính', clean.measurementUnit, { field: 'measurementUnit' });
  // Money is kept in whole đồng; a share of yes/no answers is a percentage with its own decimals.
  if (clean.measureType === 'amount' && clean.decimals !== 0) {
    throw invalid('Chỉ số tiền được lưu theo đồng, không có phần thập phân.', { field: 'decimals' });
  }
  // The plausibility thresholds, read by the measure type and decimals chosen in the same form.
  if (flagGrowth !== undefined) {
    const parsed = parseFlagGrowth(flagGrowth);
    if (!parsed.ok) throw invalid(parsed.message, { field: 'flagGrowth' });
    clean.flagGrowth = flagsApply(clean.measureType) ? parsed.value : null;
  }
  if (flagMinChange !== undefined) {
    const parsed = parseFlagMinChange(clean, flagMinChange);
    if (!parsed.ok) throw invalid(parsed.message, { field: 'flagMinChange' });
    clean.flagMinChange = flagsApply(clean.measureType) ? parsed.value : null;
  }
  return clean;
}

function assertIndicatorCodeFree(db: DbOrTx, code: string, exceptId?: number): void {
  const other = db
    .select({ id: s.indicators.id })
    .from(s.indicators)
    .where(eq(s.indicators.code, code))
    .get();
  if (other && other.id !== exceptId) throw conflict(`Mã chỉ số “${code}” đã có.`, { field: 'code' });
}

export function createIndicator(db: DbOrTx, actor: Actor, input: IndicatorInput): AdminIndicator {
  return db.transaction((tx) => {
    authorizeShared(tx, actor);
    const clean = cleanIndicator(input);
    assertIndicatorCodeFree(tx, clean.code);
    const row = tx.insert(s.indicators).values(clean).returning().get();
    audit(tx, actor, {
      entity: 'indicator',
      entityId: row.id,
      unitId: null,
      action: 'create',
      before: null,
      after: row,
    });
    bumpRevision(tx);
    return adminIndicator(tx, row);
  });
}

/**
 * Edit an indicator. Once results exist, its measure type and decimals are fixed: the stored
 * integers mean what they meant when typed (875 is 87,5% only with one decimal).
 */
export function updateIndicator(
  db: DbOrTx,
  actor: Actor,
  indicatorId: number,
  input: IndicatorInput & { expectedVersion: string },
): AdminIndicator {
  return db.transaction((tx) => {
    authorizeShared(tx, actor);
    const before = indicatorRow(tx, indicatorId);
    checkVersion(input.expectedVersion, versionOf(before), 'Chỉ số này', {
      current: adminIndicator(tx, before),
    });
    const { expectedVersion: _, ...rest } = input;
    const clean = cleanIndicator(rest);
    if (
      (clean.measureType !== before.measureType || clean.decimals !== before.decimals) &&
      hasResults(tx, indicatorId)
    ) {
      throw conflict(
        'Chỉ số đã có kết quả báo cáo: không đổi được loại đo lường và số chữ số thập phân (số đã nhập sẽ bị hiểu sai). Hãy tạo chỉ số mới nếu cần.',
        { field: clean.measureType !== before.measureType ? 'measureType' : 'decimals' },
      );
    }
    assertIndicatorCodeFree(tx, clean.code, indicatorId);
    // A kept smallest rise was counted in the old decimals or kind: back to the default instead.
    if (
      clean.flagMinChange === undefined &&
      (clean.measureType !== before.measureType || clean.decimals !== before.decimals)
    ) {
      clean.flagMinChange = null;
    }
    if (!flagsApply(clean.measureType)) {
      clean.flagGrowth = null;
      clean.flagMinChange = null;
    }
    const rescaledTargets = keepGoalsMeaning(tx, before, clean);
    const after = tx
      .update(s.indicators)
      .set(clean)
      .where(eq(s.indicators.id, indicatorId))
      .returning()
      .get();
    audit(tx, actor, {
      entity: 'indicator',
      entityId: indicatorId,
      unitId: null,
      action: 'update',
      before,
      after: rescaledTargets.length > 0 ? { ...after, rescaledTargets } : after,
    });
    bumpRevision(tx);
    return adminIndicator(tx, after);
  });
}

/**
 * Goals are stored in the primary indicator's scaled units, so an indicator's decimals and kind
 * (a count or a share) give them their meaning. Before results exist both may change; the goals
 * of targets that use it follow: 100 with 0 decimals becomes 1000 with 1 (still 100,0). A change
 * that would drop digits, or turn a count into a percentage, is refused instead of guessed.
 * Returns the targets whose values were rescaled.
 */
function keepGoalsMeaning(
  tx: DbOrTx,
  before: IndicatorRow,
  next: Pick<IndicatorInput, 'measureType' | 'decimals'>,
): number[] {
  const targetIds = tx
    .select({ id: s.targets.id, code: s.targets.code })
    .from(s.targets)
    .where(eq(s.targets.primaryIndicatorId, before.id))
    .all();
  if (targetIds.length === 0) return [];
  const codes = targetIds.map((t) => t.code).join(', ');
  if (isShareMeasure(before.measureType) !== isShareMeasure(next.measureType)) {
    throw conflict(
      `Chỉ số là chỉ số chính của chỉ tiêu ${codes}: mức chỉ tiêu là số lượng hay tỷ lệ tùy cách tổng hợp, nên không đổi được giữa hai loại này. Hãy chọn chỉ số khác cho chỉ tiêu trước.`,
      { field: 'measureType' },
    );
  }
  const shift = next.decimals - before.decimals;
  if (shift === 0) return [];
  const factor = 10 ** Math.abs(shift);
  const ids = targetIds.map((t) => t.id);
  const inTargets = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  if (shift < 0) {
    const lossy = tx.get(sql`SELECT 1 FROM targets WHERE id IN (${inTargets})
        AND (baseline % ${factor} != 0 OR goal % ${factor} != 0 OR mid_term_milestone % ${factor} != 0)
      UNION ALL SELECT 1 FROM target_yearly_plans WHERE target_id IN (${inTargets}) AND amount % ${factor} != 0
      UNION ALL SELECT 1 FROM target_allocations WHERE target_id IN (${inTargets}) AND goal % ${factor} != 0
      LIMIT 1`);
    if (lossy) {
      throw conflict(
        `Mức của chỉ tiêu ${codes} có nhiều chữ số thập phân hơn: không giảm được số chữ số thập phân.`,
        {
          field: 'decimals',
        },
      );
    }
  }
  // Exact integer arithmetic: multiply, or divide what was just checked to divide evenly.
  const scale = (column: ReturnType<typeof sql.raw>) =>
    shift > 0 ? sql`${column} * ${factor}` : sql`${column} / ${factor}`;
  tx.run(sql`UPDATE targets SET baseline = ${scale(sql.raw('baseline'))}, goal = ${scale(sql.raw('goal'))},
      mid_term_milestone = ${scale(sql.raw('mid_term_milestone'))} WHERE id IN (${inTargets})`);
  tx.run(
    sql`UPDATE target_yearly_plans SET amount = ${scale(sql.raw('amount'))} WHERE target_id IN (${inTargets})`,
  );
  tx.run(
    sql`UPDATE target_allocations SET goal = ${scale(sql.raw('goal'))} WHERE target_id IN (${inTargets})`,
  );
  return ids;
}

// ---------------------------------------------------------------- terms and periods

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

export interface AdminTerm extends Term {
  version: string;
}

const withVersion = (term: Term): AdminTerm => ({ ...term, version: versionOf(term) });

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
  return db.transaction((tx) => {
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
  return db.transaction((tx) => {
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

export type AdminPeriod = typeof s.periods.$inferSelect & { version: string };

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
  return db.transaction((tx) => {
    const term = getTerm(tx, termId);
    authorize(tx, actor, 'administer', term.ownerUnitId);
    insertPeriods(tx, actor, term, kinds);
    bumpRevision(tx);
    return termPeriods(tx, termId).map((p) => ({ ...p, version: versionOf(p) }));
  });
}

function insertPeriods(tx: DbOrTx, actor: Actor, term: Term, kinds: Iterable<PeriodKind>): void {
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

export function updatePeriodDeadline(
  db: DbOrTx,
  actor: Actor,
  periodId: number,
  input: { deadline: string; expectedVersion: string },
): AdminPeriod {
  return db.transaction((tx) => {
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

// ---------------------------------------------------------------- targets

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

/** The structure version units are allocated in: the newest. */
function currentVersionId(db: DbOrTx): number | null {
  return (
    db.get<{ id: number }>(sql`SELECT id FROM structure_versions ORDER BY valid_from DESC, id DESC LIMIT 1`)
      ?.id ?? null
  );
}

function childUnitsOf(db: DbOrTx, parentId: number) {
  const versionId = currentVersionId(db);
  if (versionId === null) return [];
  return db.all<{ id: number; code: string; name: string }>(sql`SELECT u.id, u.code, u.name FROM placements p
    JOIN units u ON u.id = p.unit_id
    WHERE p.structure_version_id = ${versionId} AND p.parent_id = ${parentId} AND u.valid_to IS NULL
    ORDER BY p.sort_order, u.name`);
}

function allocationRows(db: DbOrTx, targetId: number, unitIds: number[]) {
  if (unitIds.length === 0) return [];
  return db
    .select()
    .from(s.targetAllocations)
    .where(and(eq(s.targetAllocations.targetId, targetId), inArray(s.targetAllocations.unitId, unitIds)))
    .orderBy(asc(s.targetAllocations.unitId))
    .all();
}

function targetRow(db: DbOrTx, targetId: number): TargetRow {
  const row = db.select().from(s.targets).where(eq(s.targets.id, targetId)).get();
  if (!row) throw notFound(`Không tìm thấy chỉ tiêu ${targetId}.`);
  return row;
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

function parseField(indicator: GoalIndicator, field: string, label: string, text: string): number | null {
  if (text.trim() === '') return null;
  const parsed = parseGoal(indicator, text);
  if (!parsed.ok) throw invalid(`${label}: ${parsed.message}`, { field });
  return parsed.value;
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
    const amount = parseField(indicator, 'yearlyPlan', `Kế hoạch năm ${plan.year}`, plan.amount) as number;
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
  return db.transaction((tx) => {
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
  return db.transaction((tx) => {
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

// ---------------------------------------------------------------- allocations

export interface AllocationEditor {
  target: { id: number; code: string; shortName: string; goal: number | null; termId: number };
  indicator: { id: number; measureType: MeasureType; decimals: number; measurementUnit: string };
  parent: { id: number; name: string };
  /** The goal the children's allocations must add up to: the term goal at the owner, else the parent's own allocation. */
  parentGoal: number | null;
  children: { unitId: number; code: string; name: string; goal: number | null }[];
  check: AllocationCheck;
  version: string;
}

export function allocationEditor(
  db: DbOrTx,
  actor: Actor,
  targetId: number,
  parentUnitId?: number,
): AllocationEditor {
  const target = targetRow(db, targetId);
  const term = getTerm(db, target.termId);
  const parentId = parentUnitId ?? term.ownerUnitId;
  authorize(db, actor, 'manage_targets', parentId);
  const parent = db
    .select({ id: s.units.id, name: s.units.name })
    .from(s.units)
    .where(eq(s.units.id, parentId))
    .get();
  if (!parent) throw notFound(`Không tìm thấy đơn vị ${parentId}.`);
  const indicator = indicatorRow(db, target.primaryIndicatorId);
  const parentGoal =
    parentId === term.ownerUnitId ? target.goal : (allocationRows(db, targetId, [parentId])[0]?.goal ?? null);
  const children = childUnitsOf(db, parentId);
  const rows = allocationRows(
    db,
    targetId,
    children.map((c) => c.id),
  );
  const byUnit = new Map(rows.map((r) => [r.unitId, r.goal]));
  return {
    target: {
      id: target.id,
      code: target.code,
      shortName: target.shortName,
      goal: target.goal,
      termId: term.id,
    },
    indicator: {
      id: indicator.id,
      measureType: indicator.measureType,
      decimals: indicator.decimals,
      measurementUnit: indicator.measurementUnit,
    },
    parent,
    parentGoal,
    children: children.map((c) => ({
      unitId: c.id,
      code: c.code,
      name: c.name,
      goal: byUnit.get(c.id) ?? null,
    })),
    check: checkAllocations(
      indicator,
      parentGoal,
      rows.map((r) => r.goal),
    ),
    version: versionOf({ parentGoal, rows }),
  };
}

export interface AllocationsInput {
  parentUnitId?: number | undefined;
  expectedVersion: string;
  /** Goals as typed; empty text removes the unit's allocation. Units not listed keep theirs. */
  allocations: { unitId: number; goal: string }[];
}

/**
 * Save a parent's allocations to its children. Allocations that do not add up are saved as typed
 * and answered with the warning (never adjusted to fit): the difference may be deliberate.
 */
export function saveAllocations(
  db: DbOrTx,
  actor: Actor,
  targetId: number,
  input: AllocationsInput,
): { editor: AllocationEditor; warnings: string[] } {
  return db.transaction((tx) => {
    const before = allocationEditor(tx, actor, targetId, input.parentUnitId);
    checkVersion(input.expectedVersion, before.version, 'Phân bổ chỉ tiêu này', { current: before });
    const children = new Map(before.children.map((c) => [c.unitId, c]));
    const seen = new Set<number>();
    for (const { unitId, goal } of input.allocations) {
      const child = children.get(unitId);
      if (!child)
        throw invalid(`Đơn vị ${unitId} không trực thuộc ${before.parent.name}.`, { field: 'allocations' });
      if (seen.has(unitId)) throw invalid(`${child.name} được nhập hai lần.`, { field: 'allocations' });
      seen.add(unitId);
      const value = parseField(before.indicator as GoalIndicator, 'allocations', child.name, goal);
      if (value === null) {
        tx.delete(s.targetAllocations)
          .where(and(eq(s.targetAllocations.targetId, targetId), eq(s.targetAllocations.unitId, unitId)))
          .run();
      } else {
        tx.insert(s.targetAllocations)
          .values({ targetId, unitId, goal: value })
          .onConflictDoUpdate({
            target: [s.targetAllocations.targetId, s.targetAllocations.unitId],
            set: { goal: value },
          })
          .run();
      }
    }
    const after = allocationEditor(tx, actor, targetId, input.parentUnitId);
    audit(tx, actor, {
      entity: 'allocation',
      entityId: `${targetId}:${after.parent.id}`,
      unitId: after.parent.id,
      action: 'update',
      before: before.children,
      after: after.children,
    });
    bumpRevision(tx);
    return { editor: after, warnings: after.check.message ? [after.check.message] : [] };
  });
}

// ---------------------------------------------------------------- next term

/**
 * Start the next term from this one: a new term with its own dates and periods, and this term's
 * targets copied as a draft to edit (same indicators, so history carries across terms; no results,
 * no allocations and no yearly plans, which belong to the old term's units and years).
 */
export function copyTerm(db: DbOrTx, actor: Actor, sourceTermId: number, input: TermInput): TermSetup {
  return db.transaction((tx) => {
    const source = getTerm(tx, sourceTermId);
    authorize(tx, actor, 'administer', source.ownerUnitId);
    const term = createTerm(tx, actor, { ...input, ownerUnitId: input.ownerUnitId ?? source.ownerUnitId });
    const targets = tx.select().from(s.targets).where(eq(s.targets.termId, sourceTermId)).all();
    const frequencies = new Set<PeriodKind>();
    for (const t of targets) {
      const { id: oldId, termId: _, ...fields } = t;
      const copy = tx
        .insert(s.targets)
        .values({ ...fields, termId: term.id })
        .returning()
        .get();
      const related = tx
        .select()
        .from(s.targetRelatedIndicators)
        .where(eq(s.targetRelatedIndicators.targetId, oldId))
        .all();
      for (const r of related)
        tx.insert(s.targetRelatedIndicators)
          .values({ ...r, targetId: copy.id })
          .run();
      for (const id of [t.primaryIndicatorId, ...related.map((r) => r.indicatorId)]) {
        frequencies.add(indicatorRow(tx, id).frequency);
      }
      audit(tx, actor, {
        entity: 'target',
        entityId: copy.id,
        unitId: term.ownerUnitId,
        action: 'copy',
        before: { termId: sourceTermId, targetId: oldId },
        after: copy,
      });
    }
    insertPeriods(tx, actor, term, frequencies);
    bumpRevision(tx);
    return termSetup(tx, actor, term.id);
  });
}
