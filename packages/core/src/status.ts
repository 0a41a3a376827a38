/**
 * Status of a target (DESIGN.md "The rules"): reached the goal, or judged by pace against where it
 * should be by now. The pace bands are here and nowhere else.
 */
import { daysBetween } from './dates.ts';
import { isStateMeasure, type MeasureType } from './measures.ts';

/** At or above this share of the expected progress a target is "có khả năng đạt". */
export const PACE_ON_TRACK = 0.9;
/** At or above this share (and below on-track) it is "khó đạt"; below it, "chưa đạt". */
export const PACE_AT_RISK = 0.7;

export const TARGET_STATUSES = ['exceeded', 'achieved', 'on_track', 'at_risk', 'behind'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];
/** At least the goal (most targets), or at most it (a rate to bring down). */
export const DIRECTIONS = ['at_least', 'at_most'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface TermDates {
  startDate: string;
  endDate: string;
}

export interface StatusInput {
  measureType: MeasureType;
  direction: Direction;
  baseline: number;
  goal: number | null;
  /** The figure as of `asOf` (scaled integer), null when nothing was reported. */
  value: number | null;
  asOf: string;
  term: TermDates;
  /** Planned amount per calendar year; where set, it replaces the straight line. */
  yearlyPlan?: { year: number; amount: number }[];
}

export interface StatusResult {
  /** Null when there is no goal or nothing was reported. */
  status: TargetStatus | null;
  /** Share of the way from the starting point to the goal (0..1+), null without value or goal. */
  progress: number | null;
  /** Share of the way the target should have covered by `asOf` (0..1). */
  expectedShare: number;
  /** "% so với NQ": value / goal. */
  pctOfGoal: number | null;
}

/** Share of the term elapsed on `asOf`, clamped to 0..1. */
export function elapsedShare(term: TermDates, asOf: string): number {
  const total = daysBetween(term.startDate, term.endDate);
  if (total <= 0) return 1;
  return Math.min(1, Math.max(0, daysBetween(term.startDate, asOf) / total));
}

/** Expected share from a yearly plan: whole years before asOf, plus the elapsed part of asOf's year. */
export function plannedShare(
  plan: { year: number; amount: number }[],
  term: TermDates,
  asOf: string,
): number {
  const total = plan.reduce((sum, p) => sum + p.amount, 0);
  if (total <= 0) return elapsedShare(term, asOf);
  let done = 0;
  for (const p of plan) {
    const from = maxDate(`${p.year}-01-01`, term.startDate);
    const to = minDate(`${p.year + 1}-01-01`, term.endDate);
    done += p.amount * elapsedShare({ startDate: from, endDate: to }, asOf);
  }
  return Math.min(1, done / total);
}

export function paceStatus(progress: number, expectedShare: number): TargetStatus {
  if (expectedShare <= 0) return 'on_track';
  const pace = progress / expectedShare;
  if (pace >= PACE_ON_TRACK) return 'on_track';
  if (pace >= PACE_AT_RISK) return 'at_risk';
  return 'behind';
}

export function targetStatus(input: StatusInput): StatusResult {
  const { value, goal, baseline, direction, asOf, term } = input;
  const expectedShare = input.yearlyPlan?.length
    ? plannedShare(input.yearlyPlan, term, asOf)
    : elapsedShare(term, asOf);
  if (value === null || goal === null)
    return { status: null, progress: null, expectedShare, pctOfGoal: null };

  const pctOfGoal = goal !== 0 ? value / goal : null;
  // Flows (cumulative, amount) start from zero each term; states (stock, ratio) from the baseline.
  const from = isStateMeasure(input.measureType) ? baseline : 0;
  const span = goal - from;
  const progress = span !== 0 ? (value - from) / span : value === goal ? 1 : 0;

  if (direction === 'at_least') {
    if (value > goal) return { status: 'exceeded', progress, expectedShare, pctOfGoal };
    if (value === goal) return { status: 'achieved', progress, expectedShare, pctOfGoal };
    return { status: paceStatus(progress, expectedShare), progress, expectedShare, pctOfGoal };
  }
  // "At most" targets are judged only at the end of the term; before then, by pace.
  if (asOf >= term.endDate) {
    const status: TargetStatus = value < goal ? 'exceeded' : value === goal ? 'achieved' : 'behind';
    return { status, progress, expectedShare, pctOfGoal };
  }
  return { status: paceStatus(progress, expectedShare), progress, expectedShare, pctOfGoal };
}

/** What a target's badge says: its status, or why it has none. */
export type StatusKey = TargetStatus | 'unreported' | 'noCases' | 'noGoal';

/**
 * The status colours, once for the screen and the exports' charts: the Okabe–Ito palette, safe for
 * the common colour-vision deficiencies. "Vượt" and "Có khả năng đạt" are different hues (blue,
 * reddish purple), not two shades of blue, and "có khả năng đạt" is also drawn hatched
 * (HATCHED_STATUSES) so that it stands apart in grey print.
 */
export const STATUS_COLOURS: Record<StatusKey, string> = {
  exceeded: '#0072B2',
  achieved: '#009E73',
  on_track: '#CC79A7',
  at_risk: '#E69F00',
  behind: '#D55E00',
  unreported: '#AEB6C1',
  noCases: '#D3D8DE',
  noGoal: '#AEB6C1',
};

/** Statuses whose fills are hatched as well as coloured: "on track" is not there yet. */
export const HATCHED_STATUSES: ReadonlySet<StatusKey> = new Set<StatusKey>(['on_track']);

/**
 * The badge of a target's figure: its status; else "không phát sinh" for a reported 0/0, "chưa báo
 * cáo" when nothing was reported, and "không có chỉ tiêu" when there is no goal to judge by.
 */
export function statusKeyOf(
  status: TargetStatus | null,
  figure: { value: number | null; hasData: boolean },
  goal: number | null,
): StatusKey {
  if (status !== null) return status;
  if (figure.hasData && figure.value === null) return 'noCases';
  if (figure.value === null) return 'unreported';
  return goal === null ? 'noGoal' : 'unreported';
}

export function isDone(status: TargetStatus | null): boolean {
  return status === 'exceeded' || status === 'achieved';
}

/**
 * "Hoàn thành x/y chỉ tiêu": x counted targets exceeded or achieved, y counted targets. A counted
 * target with nothing to judge — a ratio of 0/0, "không phát sinh" (no case arose) — is reported
 * but neither done nor owed: it is left out of y and counted in `noCases`.
 */
export function headline(targets: { counted: boolean; status: TargetStatus | null; noCases?: boolean }[]): {
  done: number;
  counted: number;
  noCases: number;
} {
  const counted = targets.filter((t) => t.counted);
  const judged = counted.filter((t) => !t.noCases);
  return {
    done: judged.filter((t) => isDone(t.status)).length,
    counted: judged.length,
    noCases: counted.length - judged.length,
  };
}

const maxDate = (a: string, b: string) => (a > b ? a : b);
const minDate = (a: string, b: string) => (a < b ? a : b);

/** A child unit's row of a target's breakdown, as far as assignment goes. */
export interface AssignableRow {
  allocation: number | null;
  /** expected: for a units-meeting target, the grassroots units counted below this one. */
  figure: { hasData: boolean; expected?: number };
}

/**
 * Whether a child unit that reported nothing owes the target at all, so that it reads "không giao"
 * (not assigned) rather than "chưa báo cáo". A unit that reported is always shown with its figure.
 * Nothing in the data says who reports a target; three facts do:
 * - a target counted over grassroots units (units_meeting) and no grassroots unit below this one;
 * - the target is allocated to some of the siblings but not to this unit (the units of the police
 *   and the army beside the districts);
 * - nothing is allocated to any sibling, none of them reported, and the parent reported on its own
 *   (a target only the province reports, such as its awards).
 */
export function isNotAssigned(
  row: AssignableRow,
  siblings: readonly AssignableRow[],
  own: { figure: { hasData: boolean } } | null,
  opts: { unitsMeeting?: boolean } = {},
): boolean {
  if (row.figure.hasData) return false;
  if (opts.unitsMeeting && row.figure.expected === 0) return true;
  const allocated = siblings.some((s) => s.allocation !== null);
  if (allocated) return row.allocation === null;
  return own?.figure.hasData === true && !siblings.some((s) => s.figure.hasData);
}
