/** Indicators, shared by every term (docs/decisions/0011): list, create, update. */
import {
  assertCleanText,
  conflict,
  flagsApply,
  invalid,
  isShareMeasure,
  type MeasureType,
  type PeriodKind,
  parseFlagGrowth,
  parseFlagMinChange,
} from '@chitieu/core';
import { asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../access.ts';
import type { DbOrTx } from '../client.ts';
import { bumpRevision } from '../revision.ts';
import * as s from '../schema.ts';
import { inTransaction } from '../statements.ts';
import { audit, authorizeShared, checkVersion, type IndicatorRow, indicatorRow } from './shared.ts';
import { versionOf } from './version.ts';

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
  return inTransaction(db, (tx) => {
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
  return inTransaction(db, (tx) => {
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
