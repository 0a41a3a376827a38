/**
 * Saving or clearing one typed value: authorised by the report's state, checked, written with its
 * version in one transaction; a version conflict names who won.
 */
import {
  checkEntry,
  conflict,
  type EntryIndicator,
  type EntryInput,
  type EntryProblem,
  editActionFor,
  invalid,
  lifeRefusal,
  notFound,
  visibleText,
} from '@chitieu/core';
import { type Actor, authorize } from '../access.ts';
import type { Db, DbOrTx } from '../client.ts';
import { getPeriod, getUnit, type PeriodRow } from '../lookups.ts';
import { clearResult, type ResultRow, recordResult } from '../results.ts';
import { inTransaction, stmt } from '../statements.ts';
import { earlierPeriods, isClosed, userNames } from './shared.ts';
import { getSubmission } from './submission.ts';
import { cleanText, cleanUrl } from './user-text.ts';

export interface SaveEntryInput {
  unitId: number;
  indicatorId: number;
  periodId: number;
  input: EntryInput;
  note?: string | null;
  evidenceUrl?: string | null;
  /** The version the user saw (null: they saw no value). */
  expectedVersion: number | null;
  reason?: string | null;
}

/** Save one typed value: authorise by the report's state, check it, write it with its version. */
export function saveEntry(
  db: Db,
  actor: Actor,
  input: SaveEntryInput,
): { result: ResultRow; warnings: EntryProblem[] } {
  return inTransaction(db, (tx) => {
    const { unit, period, indicator, submission } = authorizeEdit(tx, actor, input);
    if (indicator.measureType === 'units_meeting' && !unit.isGrassroots) {
      throw invalid('Chỉ cơ sở Hội tự đánh giá chỉ số này.');
    }

    const { previous, sameLastYear } = earlierPeriods(tx, period);
    const pastValue = (p: PeriodRow | null) =>
      p
        ? (stmt<{ value: number | null }>(
            tx,
            'SELECT value FROM results WHERE unit_id = ? AND indicator_id = ? AND period_id = ?',
          ).get(unit.id, indicator.id, p.id)?.value ?? null)
        : null;
    const allocation = stmt<{ goal: number }>(
      tx,
      `SELECT a.goal FROM target_allocations a JOIN targets t ON t.id = a.target_id
       WHERE a.unit_id = ? AND t.primary_indicator_id = ? ORDER BY t.id DESC LIMIT 1`,
    ).get(unit.id, indicator.id)?.goal;
    const check = checkEntry(indicator, input.input, {
      previous: pastValue(previous),
      sameLastYear: pastValue(sameLastYear),
      allocation: allocation ?? null,
    });
    if (!check.fields)
      throw invalid(check.errors[0]?.message ?? 'Giá trị không hợp lệ.', { errors: check.errors });

    const note = input.note === undefined ? undefined : cleanText(input.note, 2000, 'Ghi chú', 'note');
    const evidenceUrl = input.evidenceUrl === undefined ? undefined : cleanUrl(input.evidenceUrl);
    try {
      const result = recordResult(tx, {
        unitId: unit.id,
        indicatorId: indicator.id,
        periodId: period.id,
        ...check.fields,
        note,
        evidenceUrl,
        // The server's own judgement, never the grid's: a report cannot be sent while it has no note.
        flag: check.flag,
        expectedVersion: input.expectedVersion,
        userId: actor.id,
        reason: cleanText(input.reason, 2000, 'Lý do sửa', 'reason'),
      });
      if (!submission) {
        stmt(
          tx,
          "INSERT INTO submissions (unit_id, period_id, state, updated_by) VALUES (?, ?, 'draft', ?)",
        ).run(unit.id, period.id, actor.id);
      }
      return { result, warnings: check.warnings };
    } catch (error) {
      throw withAuthorNamed(tx, error);
    }
  });
}

/** Clear one value (typed in the wrong row): the same rights, workflow rules and version check as a save. */
export function clearEntry(
  db: Db,
  actor: Actor,
  input: Pick<SaveEntryInput, 'unitId' | 'indicatorId' | 'periodId' | 'expectedVersion' | 'reason'>,
): { cleared: ResultRow | null } {
  return inTransaction(db, (tx) => {
    authorizeEdit(tx, actor, input);
    try {
      const cleared = clearResult(tx, {
        unitId: input.unitId,
        indicatorId: input.indicatorId,
        periodId: input.periodId,
        expectedVersion: input.expectedVersion,
        userId: actor.id,
        reason: cleanText(input.reason, 2000, 'Lý do sửa', 'reason'),
      });
      return { cleared };
    } catch (error) {
      throw withAuthorNamed(tx, error);
    }
  });
}

/**
 * Who may change a unit's value for a period: entry staff while the report is open, an approver
 * with a written reason once it is approved, nobody while it waits for approval.
 */
function authorizeEdit(
  tx: DbOrTx,
  actor: Actor,
  input: { unitId: number; periodId: number; indicatorId: number; reason?: string | null | undefined },
) {
  const unit = getUnit(tx, input.unitId);
  const period = getPeriod(tx, input.periodId);
  const indicator = stmt<EntryIndicator & { id: number }>(
    tx,
    `SELECT id, measure_type AS measureType, decimals, measurement_unit AS measurementUnit,
            flag_growth AS flagGrowth, flag_min_change AS flagMinChange
     FROM indicators WHERE id = ?`,
  ).get(input.indicatorId);
  if (!indicator) throw notFound(`Không tìm thấy chỉ số ${input.indicatorId}.`);
  authorize(tx, actor, 'read', unit.id);
  const outsideLife = lifeRefusal(unit, period);
  if (outsideLife) throw invalid(outsideLife, { field: 'periodId' });
  const submission = getSubmission(tx, unit.id, period.id);
  const state = submission?.state ?? null;
  if (state === 'submitted') throw conflict('Báo cáo kỳ này đang chờ duyệt: cần được trả lại trước khi sửa.');
  const closed = isClosed(unit);
  const action = closed ? 'edit_approved' : editActionFor(state);
  if (action === null) throw conflict('Báo cáo kỳ này đang chờ duyệt: cần được trả lại trước khi sửa.');
  authorize(tx, actor, action, unit.id);
  if (action === 'edit_approved' && visibleText(input.reason) === null) {
    throw invalid(
      closed
        ? `${unit.name} đã kết thúc hoạt động: cần ghi lý do khi sửa số liệu cũ.`
        : 'Số liệu đã duyệt: cần ghi lý do khi sửa.',
      { field: 'reason' },
    );
  }
  return { unit, period, indicator, submission };
}

/** A version conflict names the author of the value that won, so the grid can show both. */
function withAuthorNamed(tx: DbOrTx, error: unknown): unknown {
  const details = (error as { details?: { current?: ResultRow | null } }).details;
  if (!details?.current) return error;
  const author = userNames(tx, [details.current.updatedBy]).get(details.current.updatedBy ?? -1) ?? null;
  return conflict(
    `Giá trị này vừa được ${author ?? 'người khác'} thay đổi. Hãy chọn giữ giá trị của bạn hoặc lấy giá trị mới.`,
    { current: { ...details.current, updatedByName: author } },
  );
}
