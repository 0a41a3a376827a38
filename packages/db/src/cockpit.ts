/** The reporting cockpit: units × periods with each report's state, deadline and flags. */
import { notFound, reportsPeriod, type SubmissionState } from '@chitieu/core';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, authorize } from './access.ts';
import type { DbOrTx } from './client.ts';
import { termPeriods } from './entry/periods.ts';
import * as s from './schema.ts';
import { subtreeOf } from './subtree.ts';

/** Units × periods with their report state, for the reporting cockpit. */
export function reportingCockpit(
  db: DbOrTx,
  actor: Actor,
  input: { termId: number; unitId: number; today: string },
) {
  authorize(db, actor, 'read', input.unitId);
  const periods = termPeriods(db, input.termId).filter((p) => p.startDate <= input.today);
  const placement = db
    .select()
    .from(s.placements)
    .where(eq(s.placements.unitId, input.unitId))
    .orderBy(desc(s.placements.structureVersionId))
    .get();
  if (!placement) throw notFound('Đơn vị không có trong cơ cấu tổ chức.');
  // Units that report: grassroots units of the subtree, plus the unit itself when it is one; each
  // only for the periods inside its life (a merged ward from its first half-year, a closed one until
  // its last), and none that reports no period shown.
  const listed = db.all<{
    id: number;
    code: string;
    name: string;
    parentName: string | null;
    validFrom: string;
    validTo: string | null;
  }>(sql`
    SELECT u.id, u.code, u.name, pu.name AS parentName, u.valid_from AS validFrom, u.valid_to AS validTo
    FROM placements p
    JOIN units u ON u.id = p.unit_id LEFT JOIN units pu ON pu.id = p.parent_id
    WHERE p.structure_version_id = ${placement.structureVersionId}
      AND p.path >= ${placement.path} AND p.path < ${`${placement.path}~`} AND u.is_grassroots = 1
    ORDER BY p.path`);
  const units = listed.filter((u) => periods.some((p) => reportsPeriod(u, p)));
  const subs =
    periods.length && units.length
      ? db
          .select()
          .from(s.submissions)
          .where(
            and(
              inArray(
                s.submissions.periodId,
                periods.map((p) => p.id),
              ),
              inArray(
                s.submissions.unitId,
                units.map((u) => u.id),
              ),
            ),
          )
          .all()
      : [];
  const subOf = new Map(subs.map((x) => [`${x.unitId}:${x.periodId}`, x]));
  // Flagged results per report (docs/decisions/0025): how many, and how many still without a note.
  const flags = new Map<string, { flagged: number; unexplained: number }>();
  if (periods.length && subs.length) {
    for (const f of db.all<{ unitId: number; periodId: number; flagged: number; unexplained: number }>(sql`
      SELECT r.unit_id AS unitId, r.period_id AS periodId, COUNT(*) AS flagged,
             SUM(CASE WHEN r.note IS NULL OR trim(r.note) = '' THEN 1 ELSE 0 END) AS unexplained
      FROM results r
      WHERE r.flag IS NOT NULL AND r.period_id IN (${sql.join(
        periods.map((p) => sql`${p.id}`),
        sql`, `,
      )})
        AND r.unit_id IN (${subtreeOf(input.unitId)})
      GROUP BY r.unit_id, r.period_id`)) {
      flags.set(`${f.unitId}:${f.periodId}`, { flagged: f.flagged, unexplained: f.unexplained });
    }
  }
  return {
    periods: periods.map((p) => ({ ...p, overdue: p.deadline < input.today })),
    units: units.map(({ validFrom, validTo, ...u }) => ({
      ...u,
      /** Ended before today: listed for its own past periods, marked. */
      former: validTo !== null && validTo <= input.today,
      states: periods.map((p) => {
        const applies = reportsPeriod({ validFrom, validTo }, p);
        const sub = subOf.get(`${u.id}:${p.id}`);
        const state: SubmissionState | 'not_started' = sub?.state ?? 'not_started';
        const done = state === 'submitted' || state === 'approved';
        return {
          periodId: p.id,
          state,
          // When it entered this state (sent, returned, approved): the inbox puts the longest waiting first.
          since: sub?.updatedAt ?? null,
          applies,
          overdue: applies && !done && p.deadline < input.today,
          flagged: flags.get(`${u.id}:${p.id}`)?.flagged ?? 0,
          unexplained: flags.get(`${u.id}:${p.id}`)?.unexplained ?? 0,
        };
      }),
    })),
  };
}
