/**
 * The write path for results and submissions: version check, audit event, roll-up upkeep and the
 * revision bump, all in one transaction, so a reader never sees one without the others.
 */
import {
  addSums,
  conflict,
  contribution,
  invalid,
  notFound,
  type ResultFields,
  type SubmissionState,
  ZERO_SUMS,
} from '@chitieu/core';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';
import { bumpRevision } from './revision.ts';
import { applyRollupDelta, applySubmissionStateChange, basesFor } from './rollup.ts';
import { auditEvents, indicators, periods, results, submissions } from './schema.ts';

export interface ResultInput extends Partial<ResultFields> {
  unitId: number;
  indicatorId: number;
  periodId: number;
  note?: string | null;
  evidenceUrl?: string | null;
  illustrative?: boolean;
  /** The version the user saw; null when they saw no value. Omitted: no check (imports, seed). */
  expectedVersion?: number | null;
  userId?: number | null;
  reason?: string | null;
}

export type ResultRow = typeof results.$inferSelect;

export function recordResult(db: DbOrTx, input: ResultInput): ResultRow {
  return db.transaction((tx) => {
    const indicator = tx.select().from(indicators).where(eq(indicators.id, input.indicatorId)).get();
    if (!indicator) throw notFound('Không tìm thấy chỉ số.');
    const period = tx.select().from(periods).where(eq(periods.id, input.periodId)).get();
    if (!period) throw notFound('Không tìm thấy kỳ báo cáo.');
    if (period.kind !== indicator.frequency) throw invalid('Kỳ báo cáo không khớp tần suất của chỉ số.');
    const fields = fieldsFor(indicator.measureType, input);

    const key = and(
      eq(results.unitId, input.unitId),
      eq(results.indicatorId, input.indicatorId),
      eq(results.periodId, input.periodId),
    );
    const before = tx.select().from(results).where(key).get() ?? null;
    if (input.expectedVersion !== undefined && (before?.version ?? null) !== input.expectedVersion) {
      throw conflict('Giá trị này vừa được người khác thay đổi.', { current: before });
    }
    const row = {
      unitId: input.unitId,
      indicatorId: input.indicatorId,
      periodId: input.periodId,
      ...fields,
      note: input.note ?? null,
      evidenceUrl: input.evidenceUrl ?? null,
      illustrative: input.illustrative ?? false,
      version: (before?.version ?? 0) + 1,
      updatedBy: input.userId ?? null,
      updatedAt: new Date().toISOString(),
    };
    const after = before
      ? tx.update(results).set(row).where(eq(results.id, before.id)).returning().get()
      : tx.insert(results).values(row).returning().get();

    const state = tx
      .select({ state: submissions.state })
      .from(submissions)
      .where(and(eq(submissions.unitId, input.unitId), eq(submissions.periodId, input.periodId)))
      .get()?.state;
    const delta = addSums(contribution(after), before ? contribution(before) : ZERO_SUMS, -1);
    applyRollupDelta(tx, input, basesFor(state), delta);

    tx.insert(auditEvents)
      .values({
        userId: input.userId ?? null,
        entity: 'result',
        entityId: String(after.id),
        unitId: input.unitId,
        action: before ? 'update' : 'create',
        before,
        after,
        reason: input.reason ?? null,
      })
      .run();
    bumpRevision(tx);
    return after;
  });
}

/** Move a unit's report for a period to another workflow state, moving its results between bases. */
export function setSubmissionState(
  db: DbOrTx,
  input: {
    unitId: number;
    periodId: number;
    state: SubmissionState;
    comment?: string | null;
    userId?: number | null;
  },
): void {
  db.transaction((tx) => {
    const key = and(eq(submissions.unitId, input.unitId), eq(submissions.periodId, input.periodId));
    const before = tx.select().from(submissions).where(key).get() ?? null;
    const row = {
      unitId: input.unitId,
      periodId: input.periodId,
      state: input.state,
      comment: input.comment ?? null,
      version: (before?.version ?? 0) + 1,
      updatedBy: input.userId ?? null,
      updatedAt: new Date().toISOString(),
    };
    if (before) tx.update(submissions).set(row).where(key).run();
    else tx.insert(submissions).values(row).run();
    applySubmissionStateChange(tx, input, before?.state ?? null, input.state);
    tx.insert(auditEvents)
      .values({
        userId: input.userId ?? null,
        entity: 'submission',
        entityId: `${input.unitId}:${input.periodId}`,
        unitId: input.unitId,
        action: input.state,
        before,
        after: row,
        reason: input.comment ?? null,
      })
      .run();
    bumpRevision(tx);
  });
}

/** Keep only the fields the measure type uses; refuse shapes that cannot be stored. */
function fieldsFor(measureType: string, input: Partial<ResultFields>): ResultFields {
  const none: ResultFields = { value: null, numerator: null, denominator: null, meets: null };
  switch (measureType) {
    case 'ratio': {
      const { numerator, denominator } = input;
      if (numerator == null || denominator == null) throw invalid('Cần nhập cả tử số và mẫu số.');
      if (!isCount(numerator) || !isCount(denominator))
        throw invalid('Tử số và mẫu số phải là số nguyên không âm.');
      if (numerator > denominator) throw invalid('Tử số không được lớn hơn mẫu số.');
      return { ...none, numerator, denominator };
    }
    case 'units_meeting':
      if (typeof input.meets !== 'boolean') throw invalid('Cần chọn Đạt hoặc Không đạt.');
      return { ...none, meets: input.meets };
    default:
      if (input.value == null) throw invalid('Cần nhập giá trị.');
      if (!isCount(input.value)) throw invalid('Giá trị phải là số nguyên không âm (tiền tính bằng đồng).');
      return { ...none, value: input.value };
  }
}

const isCount = (n: number) => Number.isSafeInteger(n) && n >= 0;
