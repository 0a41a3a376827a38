/** The report workflow: submit, approve or return a unit's report for a period, with its notifications. */

import {
  conflict,
  forbidden,
  invalid,
  lifeRefusal,
  type ResultFlag,
  type SubmissionState,
  TRANSITIONS,
  type WorkflowAction,
} from '@chitieu/core';
import { sql } from 'drizzle-orm';
import { type Actor, authorize } from '../access.ts';
import type { Db } from '../client.ts';
import { approvalBlocked } from '../duties.ts';
import { getPeriod, getUnit } from '../lookups.ts';
import { notifyTransition } from '../notifications.ts';
import { setSubmissionState } from '../results.ts';
import { inTransaction } from '../statements.ts';
import { flaggedResults } from './flags.ts';
import { getSubmission } from './submission.ts';
import { cleanText } from './user-text.ts';

/**
 * Submit, approve or return a unit's report for a period. Those to be told (approvers of a report
 * sent, clerks of one returned) get their notifications in the same transaction; their ids are
 * pushed to `notified`, for mail once it has committed.
 */
export function transitionReport(
  db: Db,
  actor: Actor,
  input: {
    unitId: number;
    periodId: number;
    action: WorkflowAction;
    comment?: string | null;
    expectedVersion?: number | null;
  },
  notified: number[] = [],
) {
  const done = inTransaction(db, (tx) => {
    const unit = getUnit(tx, input.unitId);
    const period = getPeriod(tx, input.periodId);
    const rule = TRANSITIONS[input.action];
    authorize(tx, actor, rule.needs, unit.id);
    const outsideLife = lifeRefusal(unit, period);
    if (outsideLife) throw invalid(outsideLife, { field: 'periodId' });
    const current = getSubmission(tx, unit.id, input.periodId);
    if (input.expectedVersion !== undefined && (current?.version ?? null) !== input.expectedVersion) {
      throw conflict('Báo cáo này vừa được người khác thay đổi trạng thái. Hãy tải lại.', { current });
    }
    const state: SubmissionState | null = current?.state ?? null;
    if (!rule.from.includes(state)) {
      throw conflict(`Không thể ${ACTION_WORDS[input.action]} báo cáo ở trạng thái này.`, { state });
    }
    if (input.action === 'approve') {
      const blocked = approvalBlocked(tx, actor, unit.id, input.periodId);
      if (blocked) throw forbidden(blocked);
    }
    const comment = cleanText(input.comment, 2000, 'Nhận xét', 'comment');
    if (input.action === 'return' && !comment)
      throw invalid('Cần ghi nhận xét khi trả lại báo cáo.', { field: 'comment' });
    if (input.action === 'submit') {
      const count = tx.get<{ n: number }>(
        sql`SELECT COUNT(*) AS n FROM results WHERE unit_id = ${unit.id} AND period_id = ${input.periodId}`,
      )?.n;
      if (!count) throw invalid('Chưa có số liệu nào để gửi.');
      const unexplained = flaggedResults(tx, unit.id, input.periodId).filter((f) => f.note === null);
      if (unexplained.length > 0) {
        throw invalid(
          `Chưa gửi được: ${unexplained.length} số liệu bất thường chưa có ghi chú lý do — ${unexplained
            .map((f) => `${f.indicatorName}: ${f.valueText} (${FLAG_WORDS[f.flag]} ${f.pastText ?? '—'})`)
            .join('; ')}. Hãy ghi chú lý do ở cột “Ghi chú” rồi gửi lại.`,
          { field: 'note', flagged: unexplained },
        );
      }
    }
    setSubmissionState(tx, {
      unitId: unit.id,
      periodId: input.periodId,
      state: rule.to,
      comment: comment ?? null,
      userId: actor.id,
    });
    const ids = notifyTransition(tx, actor, {
      unitId: unit.id,
      periodId: input.periodId,
      state: rule.to,
      comment: comment ?? null,
    });
    return { submission: getSubmission(tx, unit.id, input.periodId), ids };
  });
  notified.push(...done.ids);
  return done.submission;
}

const FLAG_WORDS: Record<ResultFlag, string> = {
  far_above_previous: 'kỳ trước',
  far_above_last_year: 'cùng kỳ năm trước',
};

const ACTION_WORDS: Record<WorkflowAction, string> = { submit: 'gửi', approve: 'duyệt', return: 'trả lại' };
