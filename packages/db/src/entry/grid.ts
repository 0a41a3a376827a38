/**
 * The entry grid for one unit and one period: every indicator of the term's targets with the value,
 * its history and allocation, and what the user may do. Authorised here, not in the UI or the route.
 */
import {
  editActionFor,
  lifeRefusal,
  type PlausibilityRule,
  plausibilityRule,
  TRANSITIONS,
} from '@chitieu/core';
import { and, eq, inArray } from 'drizzle-orm';
import { type Actor, authorize, can } from '../access.ts';
import type { DbOrTx } from '../client.ts';
import { approvalBlocked } from '../duties.ts';
import { type IndicatorInfo, termTargets } from '../figures/targets.ts';
import { getPeriod, getTerm, getUnit } from '../lookups.ts';
import type { ResultRow } from '../results.ts';
import * as s from '../schema.ts';
import { flagThresholds } from './flags.ts';
import { earlierPeriods, isClosed, userNames } from './shared.ts';
import { getSubmission } from './submission.ts';

export interface GridRow {
  targetId: number;
  targetCode: string;
  targetName: string;
  counted: boolean;
  /** The target's primary indicator (false for a related one such as the value of works). */
  primary: boolean;
  indicator: IndicatorInfo;
  /** `units_meeting` rows are answered only by grassroots units themselves. */
  applicable: boolean;
  result: (ResultRow & { updatedByName: string | null }) | null;
  previous: ResultRow | null;
  sameLastYear: ResultRow | null;
  allocation: number | null;
  /** The indicator's plausibility rule with its defaults filled in: the grid checks by the same one. */
  plausibility: PlausibilityRule;
}

/** Everything the entry grid shows for one unit and one period of a term. */
export function entryGrid(
  db: DbOrTx,
  actor: Actor,
  input: { termId: number; unitId: number; periodId: number },
) {
  const term = getTerm(db, input.termId);
  const unit = getUnit(db, input.unitId);
  const period = getPeriod(db, input.periodId);
  authorize(db, actor, 'read', unit.id);
  const { previous, sameLastYear } = earlierPeriods(db, period);
  const periodIds = [period.id, previous?.id, sameLastYear?.id].filter(
    (id): id is number => id !== undefined,
  );
  const results = db
    .select()
    .from(s.results)
    .where(and(eq(s.results.unitId, unit.id), inArray(s.results.periodId, periodIds)))
    .all();
  const find = (indicatorId: number, periodId: number | undefined) =>
    results.find((r) => r.indicatorId === indicatorId && r.periodId === periodId) ?? null;
  const names = userNames(
    db,
    results.map((r) => r.updatedBy),
  );
  const allocations = db
    .select()
    .from(s.targetAllocations)
    .where(eq(s.targetAllocations.unitId, unit.id))
    .all();
  const thresholds = flagThresholds(db);

  const rows: GridRow[] = [];
  const seen = new Set<number>();
  for (const target of termTargets(db, term.id)) {
    for (const [i, indicator] of [target.indicator, ...target.related].entries()) {
      if (seen.has(indicator.id)) continue;
      seen.add(indicator.id);
      const current = find(indicator.id, period.id);
      rows.push({
        targetId: target.id,
        targetCode: target.code,
        targetName: target.shortName,
        counted: target.counted,
        primary: i === 0,
        indicator,
        applicable: indicator.measureType !== 'units_meeting' || unit.isGrassroots,
        result: current ? { ...current, updatedByName: names.get(current.updatedBy ?? -1) ?? null } : null,
        previous: find(indicator.id, previous?.id),
        sameLastYear: find(indicator.id, sameLastYear?.id),
        allocation: i === 0 ? (allocations.find((a) => a.targetId === target.id)?.goal ?? null) : null,
        plausibility: plausibilityRule({ ...indicator, ...thresholds.get(indicator.id) }),
      });
    }
  }
  const submission = getSubmission(db, unit.id, period.id);
  const state = submission?.state ?? null;
  // Outside the unit's life nothing can be entered or reported; a closed unit's own periods stay
  // correctable by approvers with a reason (docs/decisions/0017).
  const outsideLife = lifeRefusal(unit, period);
  const editAction = outsideLife ? null : isClosed(unit) ? 'edit_approved' : editActionFor(state);
  const may = (action: Parameters<typeof can>[2]) => !outsideLife && can(db, actor, action, unit.id);
  const mayApprove = TRANSITIONS.approve.from.includes(state) && may('approve');
  const approveBlocked = mayApprove ? approvalBlocked(db, actor, unit.id, period.id) : null;
  return {
    term: { id: term.id, shortName: term.shortName },
    unit: {
      id: unit.id,
      code: unit.code,
      name: unit.name,
      isGrassroots: unit.isGrassroots,
      validFrom: unit.validFrom,
      validTo: unit.validTo,
    },
    outsideLife,
    period,
    submission: submission
      ? {
          ...submission,
          updatedByName: userNames(db, [submission.updatedBy]).get(submission.updatedBy ?? -1) ?? null,
        }
      : null,
    rows,
    permissions: {
      edit: editAction !== null && may(editAction),
      /** Editing approved data (or a closed unit's) needs a written reason. */
      reasonRequired: editAction === 'edit_approved',
      submit: TRANSITIONS.submit.from.includes(state) && may('submit'),
      approve: mayApprove && approveBlocked === null,
      /** Why approving is not offered to this user (separation of duties), or null. */
      approveBlocked,
      return: TRANSITIONS.return.from.includes(state) && may('approve'),
    },
  };
}
