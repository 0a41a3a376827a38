/**
 * Side-by-side comparison (issue #4 item 5): the same term's targets for two views — two as-of
 * dates (mid-term vs a year later), two units, or both — each computed exactly as the dashboard
 * computes it, so a column here equals the overview of that view.
 */
import { addYears, clampDate, type TargetStatus } from '@chitieu/core';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from './client.ts';
import { FigureReader } from './figures/figure-reader.ts';
import type { Scope, ScopeView } from './figures/scope.ts';
import { dashboardSummary, type TargetSummary } from './figures/views/overview.ts';
import * as s from './schema.ts';

export interface CompareSide {
  value: number | null;
  /** Something was reported (with value null: "không phát sinh", 0/0). */
  hasData: boolean;
  goal: number | null;
  goalKind: TargetSummary['goalKind'];
  status: TargetStatus | null;
  pctOfGoal: number | null;
  progress: number | null;
  expectedShare: number;
  /** units_meeting: meeting / expected units, to show "120/124". */
  meeting: number;
  expected: number;
}

export interface CompareRow {
  id: number;
  code: string;
  shortName: string;
  counted: boolean;
  indicator: TargetSummary['indicator'];
  a: CompareSide;
  b: CompareSide;
  /** b − a in the indicator's scaled integers; null when either side has no figure. */
  difference: number | null;
}

export interface CompareView {
  a: { scope: ScopeView; headline: { done: number; counted: number; noCases: number } };
  b: { scope: ScopeView; headline: { done: number; counted: number; noCases: number } };
  rows: CompareRow[];
}

const side = (t: TargetSummary): CompareSide => ({
  value: t.figure.value,
  hasData: t.figure.hasData,
  goal: t.goal,
  goalKind: t.goalKind,
  status: t.status,
  pctOfGoal: t.pctOfGoal,
  progress: t.progress,
  expectedShare: t.expectedShare,
  meeting: t.figure.meeting,
  expected: t.figure.expected,
});

/** Both scopes must be of the same term (the caller resolves and authorises each). */
export function compareViews(db: DbOrTx, a: Scope, b: Scope): CompareView {
  const left = dashboardSummary(db, a);
  const right = dashboardSummary(db, b);
  const rightById = new Map(right.targets.map((t) => [t.id, t]));
  return {
    a: { scope: left.scope, headline: left.headline },
    b: { scope: right.scope, headline: right.headline },
    rows: left.targets.map((t) => {
      const other = rightById.get(t.id) as TargetSummary;
      const difference =
        t.figure.value === null || other.figure.value === null ? null : other.figure.value - t.figure.value;
      return {
        id: t.id,
        code: t.code,
        shortName: t.shortName,
        counted: t.counted,
        indicator: t.indicator,
        a: side(t),
        b: side(other),
        difference,
      };
    }),
  };
}

/**
 * The two dates a comparison opens on when none is asked for: the mid-term against the end of the
 * newest period any target has data for (by `scope.asOf`, normally today), so the differences say
 * what happened since. When the newest data is not after the mid-term, it is compared with the same
 * date a year earlier (within the term). Null when nothing has been reported yet.
 */
export function defaultCompareDates(db: DbOrTx, scope: Scope): { asOf: string; asOf2: string } | null {
  const figures = dashboardSummary(db, scope).targets.map((t) => t.figure);
  const { latestPeriodId } = new FigureReader(db, scope).dating(figures);
  if (latestPeriodId === null) return null;
  const latest = db
    .select({ endDate: s.periods.endDate })
    .from(s.periods)
    .where(eq(s.periods.id, latestPeriodId))
    .get()?.endDate;
  if (latest === undefined) return null;
  const { midTermDate, startDate } = scope.term;
  const first = midTermDate < latest ? midTermDate : clampDate(addYears(latest, -1), startDate, latest);
  return { asOf: first, asOf2: latest };
}
