/**
 * Side-by-side comparison (issue #4 item 5): the same term's targets for two views — two as-of
 * dates (mid-term vs a year later), two units, or both — each computed exactly as the dashboard
 * computes it, so a column here equals the overview of that view.
 */
import type { TargetStatus } from '@chitieu/core';
import type { DbOrTx } from './client.ts';
import { dashboardSummary, type Scope, type ScopeView, type TargetSummary } from './dashboard.ts';

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
