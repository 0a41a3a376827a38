/** A unit's report for a period: its workflow state and version, or null before anything was typed. */
import type { DbOrTx } from '../client.ts';
import type * as s from '../schema.ts';
import { stmt } from '../statements.ts';

type SubmissionRow = typeof s.submissions.$inferSelect;

export function getSubmission(db: DbOrTx, unitId: number, periodId: number): SubmissionRow | null {
  return (
    stmt<SubmissionRow>(
      db,
      `SELECT unit_id AS unitId, period_id AS periodId, state, comment, version, updated_by AS updatedBy,
              updated_at AS updatedAt
       FROM submissions WHERE unit_id = ? AND period_id = ?`,
    ).get(unitId, periodId) ?? null
  );
}
