/**
 * Setting up a term's targets: reading goals typed the Vietnamese way, checking that allocations to
 * child units add up to the parent's goal, and laying out a term's reporting periods. Shared by the
 * admin screens (live, as you type) and the server (which never trusts the screen).
 */

import { addDays, daysInMonth } from './dates.ts';
import { formatMoney, formatScaled, type ParseResult, parseMoney, parseScaled } from './format.ts';
import { isShareMeasure, type MeasureType } from './measures.ts';
import type { PeriodKind } from './periods.ts';

export interface GoalIndicator {
  measureType: MeasureType;
  decimals: number;
  measurementUnit: string;
}

/**
 * A goal, baseline or allocation as typed: money in whole đồng ('11,54 tỷ'), percentages and
 * decimals scaled by the indicator's decimals ('87,5' with 1 decimal is 875), counts as they are.
 */
export function parseGoal(indicator: GoalIndicator, text: string): ParseResult {
  const parsed =
    indicator.measureType === 'amount'
      ? parseMoney(text)
      : parseScaled(text.replace(/%\s*$/, ''), indicator.decimals);
  if (parsed.ok && parsed.value < 0) {
    return { ok: false, code: 'not_a_number', message: 'Không được nhập số âm.' };
  }
  return parsed;
}

/** A stored goal back as editable text ('3.000', '11540000000', '87,5'); parseGoal reads it back. */
export function goalText(indicator: Pick<GoalIndicator, 'measureType' | 'decimals'>, value: number): string {
  return formatScaled(value, indicator.measureType === 'amount' ? 0 : indicator.decimals);
}

/**
 * What a goal is counted in: a share's goal is a percentage whatever its indicator counts
 * (units_meeting counts cơ sở, but its goal is '100%' of them), money is in đồng.
 */
export function goalUnit(indicator: GoalIndicator): string {
  if (isShareMeasure(indicator.measureType)) return '%';
  if (indicator.measureType === 'amount') return 'đồng';
  return indicator.measurementUnit.trim();
}

/** A goal or quantity for a sentence: '12 hộ', '11,54 tỷ đồng', '87,5%'. */
export function quantityText(indicator: GoalIndicator, value: number): string {
  if (indicator.measureType === 'amount') return formatMoney(value);
  const number = formatScaled(value, indicator.decimals);
  const unit = goalUnit(indicator);
  if (unit === '%') return `${number}%`;
  return unit ? `${number} ${unit}` : number;
}

export interface AllocationCheck {
  /** Sum of the allocations (null for shares, which are not added up). */
  total: number | null;
  /** total − goal: positive when the allocations exceed the goal, negative when some is left. */
  difference: number | null;
  /** 'over', 'under', 'equal', or 'not_summed' for shares and targets without a goal. */
  state: 'over' | 'under' | 'equal' | 'not_summed';
  /** The warning to show, naming the difference; null when they add up. */
  message: string | null;
}

/**
 * Whether a target's allocations to child units add up to its goal. Never corrects anything: a
 * mismatch is a warning with the difference ("Tổng phân bổ vượt chỉ tiêu 12 hộ"), for the person
 * to resolve. Percentages (ratio, units_meeting) are the same goal for every unit and are not added.
 */
export function checkAllocations(
  indicator: GoalIndicator,
  goal: number | null,
  allocations: readonly number[],
): AllocationCheck {
  if (goal === null || isShareMeasure(indicator.measureType)) {
    return { total: null, difference: null, state: 'not_summed', message: null };
  }
  const total = allocations.reduce((sum, a) => sum + a, 0);
  const difference = total - goal;
  if (allocations.length === 0 || difference === 0) {
    return { total, difference, state: allocations.length === 0 ? 'not_summed' : 'equal', message: null };
  }
  if (difference > 0) {
    return {
      total,
      difference,
      state: 'over',
      message: `Tổng phân bổ vượt chỉ tiêu ${quantityText(indicator, difference)}.`,
    };
  }
  return {
    total,
    difference,
    state: 'under',
    message: `Tổng phân bổ còn thiếu ${quantityText(indicator, -difference)} so với chỉ tiêu.`,
  };
}

export interface PeriodPlan {
  kind: PeriodKind;
  startDate: string;
  endDate: string;
  deadline: string;
}

/** Days after a period's end that its report is due, unless the admin sets another deadline. */
export const DEFAULT_DEADLINE_DAYS = 10;

const MONTHS: Record<PeriodKind, number> = { year: 12, half: 6, quarter: 3 };
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The calendar periods of a kind that overlap a term (a term from 01/10/2021 reports for the whole
 * of 2021's second half), each due DEFAULT_DEADLINE_DAYS after it ends. Periods are calendar
 * objects shared by terms, so consecutive terms reuse the periods they share.
 */
export function termPeriodPlan(kind: PeriodKind, startDate: string, endDate: string): PeriodPlan[] {
  const step = MONTHS[kind];
  const plans: PeriodPlan[] = [];
  const firstYear = Number(startDate.slice(0, 4));
  const lastYear = Number(endDate.slice(0, 4));
  for (let year = firstYear; year <= lastYear; year++) {
    for (let month = 1; month <= 12; month += step) {
      const endMonth = month + step - 1;
      const start = `${year}-${pad(month)}-01`;
      const end = `${year}-${pad(endMonth)}-${pad(daysInMonth(year, endMonth))}`;
      if (end < startDate || start > endDate) continue;
      plans.push({ kind, startDate: start, endDate: end, deadline: addDays(end, DEFAULT_DEADLINE_DAYS) });
    }
  }
  return plans;
}

/**
 * The named views a target may feed (the overview's charts and the mission pages): households out
 * of poverty, new-rural works, grassroots activity. Chosen per target by a manager, never by code.
 */
export const MISSIONS = ['poverty', 'rural', 'grassroots'] as const;
export type Mission = (typeof MISSIONS)[number];

export const MISSION_NAMES: Record<Mission, string> = {
  poverty: 'giảm nghèo',
  rural: 'xây dựng nông thôn mới',
  grassroots: 'hoạt động cơ sở Hội',
};
