/**
 * The write path for results and submissions: version check, audit event, roll-up upkeep and the
 * revision bump, all in one transaction, so a reader never sees one without the others.
 */
import {
  addSums,
  conflict,
  contribution,
  invalid,
  isLevelMeasure,
  lifeRefusal,
  type MeasureType,
  notFound,
  type RatioOverTime,
  type ResultFields,
  type ResultFlag,
  type SubmissionState,
  ZERO_SUMS,
} from '@chitieu/core';
import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';
import { getPeriod, getUnit } from './lookups.ts';
import { bumpRevision } from './revision.ts';
import { applyRollupDelta, applySubmissionStateChange, basesFor, keepingLevels } from './rollup.ts';
import { auditEvents, type results, submissions } from './schema.ts';
import { inTransaction, stmt } from './statements.ts';

export interface ResultInput extends Partial<ResultFields> {
  unitId: number;
  indicatorId: number;
  periodId: number;
  note?: string | null;
  evidenceUrl?: string | null;
  /** The plausibility flag the caller's check found (checkEntry); omitted: none (seed, tests). */
  flag?: ResultFlag | null;
  illustrative?: boolean;
  /** The version the user saw; null when they saw no value. Omitted: no check (imports, seed). */
  expectedVersion?: number | null;
  userId?: number | null;
  reason?: string | null;
}

export type ResultRow = typeof results.$inferSelect;

const RESULT_COLUMNS = `id, unit_id AS unitId, indicator_id AS indicatorId, period_id AS periodId, value, numerator,
  denominator, meets, note, evidence_url AS evidenceUrl, flag, illustrative, version, updated_by AS updatedBy,
  updated_at AS updatedAt`;
type RawResult = Omit<ResultRow, 'meets' | 'illustrative'> & { meets: number | null; illustrative: number };
const fromRaw = (r: RawResult): ResultRow => ({
  ...r,
  meets: r.meets === null ? null : r.meets === 1,
  illustrative: r.illustrative === 1,
});

/**
 * Save one result: check it fits its indicator and period, check the version the user saw, write
 * it, and in the same transaction keep the roll-ups, write the audit event and bump the revision.
 * This is the hot path of data entry, so it runs on prepared statements (statements.ts).
 */
export function recordResult(tx: DbOrTx, input: ResultInput): ResultRow {
  return inTransaction(tx, () => {
    const indicator = stmt<{ measureType: MeasureType; frequency: string; ratioOverTime: RatioOverTime }>(
      tx,
      'SELECT measure_type AS measureType, frequency, ratio_over_time AS ratioOverTime FROM indicators WHERE id = ?',
    ).get(input.indicatorId);
    if (!indicator) throw notFound('Không tìm thấy chỉ số.');
    const period = getPeriod(tx, input.periodId);
    if (period.kind !== indicator.frequency) throw invalid('Kỳ báo cáo không khớp tần suất của chỉ số.');
    const unit = assertInLife(tx, input.unitId, period);
    if (indicator.measureType === 'units_meeting' && !unit.isGrassroots) {
      throw invalid('Chỉ cơ sở Hội tự đánh giá chỉ số này.');
    }
    const fields = fieldsFor(indicator.measureType, input);
    if (!isLevelMeasure(indicator)) return writeResult(tx, input, fields);
    return keepingLevels(tx, input.unitId, input.indicatorId, () => writeResult(tx, input, fields));
  });
}

/** A unit takes results and reports only for periods inside its life (0017). */
export function assertInLife(
  tx: DbOrTx,
  unitId: number,
  period: { kind: string; startDate: string; endDate: string },
) {
  const unit = getUnit(tx, unitId);
  const refusal = lifeRefusal(unit, period);
  if (refusal) throw invalid(refusal, { field: 'periodId' });
  return unit;
}

function writeResult(tx: DbOrTx, input: ResultInput, fields: ResultFields): ResultRow {
  const found = stmt<RawResult>(
    tx,
    `SELECT ${RESULT_COLUMNS} FROM results WHERE unit_id = ? AND indicator_id = ? AND period_id = ?`,
  ).get(input.unitId, input.indicatorId, input.periodId);
  const before = found ? fromRaw(found) : null;
  if (input.expectedVersion !== undefined && (before?.version ?? null) !== input.expectedVersion) {
    throw conflict('Giá trị này vừa được người khác thay đổi.', { current: before });
  }
  const after = fromRaw(
    stmt<RawResult>(
      tx,
      `INSERT INTO results (unit_id, indicator_id, period_id, value, numerator, denominator, meets, note,
                            evidence_url, flag, illustrative, version, updated_by, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)
       ON CONFLICT (unit_id, indicator_id, period_id) DO UPDATE SET
         value = excluded.value, numerator = excluded.numerator, denominator = excluded.denominator,
         meets = excluded.meets, note = excluded.note, evidence_url = excluded.evidence_url,
         flag = excluded.flag, illustrative = excluded.illustrative, version = results.version + 1,
         updated_by = excluded.updated_by, updated_at = excluded.updated_at
       RETURNING ${RESULT_COLUMNS}`,
    ).get(
      input.unitId,
      input.indicatorId,
      input.periodId,
      fields.value,
      fields.numerator,
      fields.denominator,
      fields.meets === null ? null : Number(fields.meets),
      // Omitted means "keep": a save of the value alone does not wipe its note or evidence.
      input.note === undefined ? (before?.note ?? null) : input.note,
      input.evidenceUrl === undefined ? (before?.evidenceUrl ?? null) : input.evidenceUrl,
      // Judged anew by every save: a value saved without a check carries no flag.
      input.flag ?? null,
      Number(input.illustrative ?? false),
      input.userId ?? null,
      new Date().toISOString(),
    ) as RawResult,
  );

  const state = stmt<{ state: SubmissionState }>(
    tx,
    'SELECT state FROM submissions WHERE unit_id = ? AND period_id = ?',
  ).get(input.unitId, input.periodId)?.state;
  const delta = addSums(contribution(after), before ? contribution(before) : ZERO_SUMS, -1);
  applyRollupDelta(tx, input, basesFor(state), delta);

  stmt(
    tx,
    `INSERT INTO audit_events (user_id, entity, entity_id, unit_id, action, before, after, reason)
     VALUES (?, 'result', ?, ?, ?, ?, ?, ?)`,
  ).run(
    input.userId ?? null,
    String(after.id),
    input.unitId,
    before ? 'update' : 'create',
    before ? JSON.stringify(before) : null,
    JSON.stringify(after),
    input.reason ?? null,
  );
  bumpRevision(tx);
  return after;
}

/**
 * Remove one result (a value typed in the wrong row): the same version check, roll-up upkeep,
 * audit event and revision bump as a save. Returns the removed result, or null if there was none
 * and the caller saw none.
 */
export function clearResult(
  tx: DbOrTx,
  input: Pick<ResultInput, 'unitId' | 'indicatorId' | 'periodId' | 'userId' | 'reason'> & {
    expectedVersion: number | null;
  },
): ResultRow | null {
  return inTransaction(tx, () => {
    assertInLife(tx, input.unitId, getPeriod(tx, input.periodId));
    return keepingLevels(tx, input.unitId, input.indicatorId, () => removeResult(tx, input));
  });
}

function removeResult(
  tx: DbOrTx,
  input: Pick<ResultInput, 'unitId' | 'indicatorId' | 'periodId' | 'userId' | 'reason'> & {
    expectedVersion: number | null;
  },
): ResultRow | null {
  const found = stmt<RawResult>(
    tx,
    `SELECT ${RESULT_COLUMNS} FROM results WHERE unit_id = ? AND indicator_id = ? AND period_id = ?`,
  ).get(input.unitId, input.indicatorId, input.periodId);
  const before = found ? fromRaw(found) : null;
  if ((before?.version ?? null) !== input.expectedVersion) {
    throw conflict('Giá trị này vừa được người khác thay đổi.', { current: before });
  }
  if (!before) return null;
  const state = stmt<{ state: SubmissionState }>(
    tx,
    'SELECT state FROM submissions WHERE unit_id = ? AND period_id = ?',
  ).get(input.unitId, input.periodId)?.state;
  applyRollupDelta(tx, input, basesFor(state), addSums(ZERO_SUMS, contribution(before), -1));
  stmt(tx, 'DELETE FROM results WHERE id = ?').run(before.id);
  stmt(
    tx,
    `INSERT INTO audit_events (user_id, entity, entity_id, unit_id, action, before, after, reason)
     VALUES (?, 'result', ?, ?, 'delete', ?, NULL, ?)`,
  ).run(input.userId ?? null, String(before.id), input.unitId, JSON.stringify(before), input.reason ?? null);
  bumpRevision(tx);
  return before;
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
  inTransaction(db, (tx) => {
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
    keepingLevels(tx, input.unitId, undefined, () => {
      if (before) tx.update(submissions).set(row).where(key).run();
      else tx.insert(submissions).values(row).run();
    });
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
