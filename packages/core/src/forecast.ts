/**
 * Where a target is heading (DESIGN.md "Forecast"): the end-of-term value projected from the trend so
 * far, always with the method in words, and the plan line it is compared with. Pure: the API computes
 * both for the target page, and reports can reuse them.
 */
import { addDays, daysBetween } from './dates.ts';
import { isStateMeasure, type MeasureType } from './measures.ts';
import { elapsedShare, plannedShare, type TermDates } from './status.ts';

/** A flow needs this many reported periods before its pace means anything; a state, this many levels. */
export const FORECAST_MIN_PERIODS = 2;

/** Text in both UI languages: the rule lives here, so its wording does too. */
export interface Bilingual {
  vi: string;
  en: string;
}

export interface ForecastPoint {
  /** The end of a reporting period, YYYY-MM-DD. */
  endDate: string;
  /** The first day of that period (flows measure their pace from the first period's start). */
  startDate: string;
  /**
   * Flows (cumulative, amount): the total over the term up to `endDate`.
   * States (stock, ratio, units_meeting): the level at `endDate`. Null: nothing reported.
   */
  value: number | null;
}

export interface ForecastInput {
  measureType: MeasureType;
  term: TermDates;
  /** The periods up to the as-of date, any order. */
  points: ForecastPoint[];
  /** Percentages cannot go above this (scaled, e.g. 1000 for 100,0%). */
  maxValue?: number;
}

export type ForecastMethod = 'average_pace' | 'linear_trend';

export interface Forecast {
  /** Projected value at the end of the term (scaled integer, like every figure). */
  value: number;
  /** Where the dashed line starts: the last reported period. */
  from: { date: string; value: number };
  /** Where it ends: the term's last day. */
  to: { date: string; value: number };
  method: ForecastMethod;
  /** "theo xu hướng 2022–2024 (nhịp bình quân)" */
  description: Bilingual;
}

export type ForecastResult = { forecast: Forecast; reason: null } | { forecast: null; reason: Bilingual };

/**
 * Flows keep going at their average pace so far: total ÷ days from the first reported period's start
 * to the last one's end, times the days left. A least-squares line would let one good half-year swing
 * the whole projection; the average is also what a leader would compute by hand.
 * States (levels, shares) follow the least-squares line through the reported levels, because a level
 * is not a sum and its latest value alone says nothing about its direction.
 */
export function forecastEndOfTerm(input: ForecastInput): ForecastResult {
  const { term, measureType } = input;
  const reported = input.points
    .filter((p): p is ForecastPoint & { value: number } => p.value !== null)
    .sort((a, b) => (a.endDate < b.endDate ? -1 : a.endDate > b.endDate ? 1 : 0));
  const last = reported.at(-1);
  const first = reported[0];
  if (!last || !first || reported.length < FORECAST_MIN_PERIODS) {
    return {
      forecast: null,
      reason: {
        vi: `Chưa đủ số liệu để dự báo: cần ít nhất ${FORECAST_MIN_PERIODS} kỳ đã báo cáo.`,
        en: `Not enough figures to forecast: at least ${FORECAST_MIN_PERIODS} reported periods are needed.`,
      },
    };
  }
  const daysLeft = daysBetween(last.endDate, term.endDate);
  if (daysLeft <= 0) {
    return {
      forecast: null,
      reason: {
        vi: 'Nhiệm kỳ đã kết thúc: số liệu là kết quả cuối cùng.',
        en: 'The term is over: the figures are final.',
      },
    };
  }
  const years = yearSpan(first.startDate, last.endDate);
  let projected: number;
  let method: ForecastMethod;
  if (isStateMeasure(measureType)) {
    method = 'linear_trend';
    const origin = term.startDate;
    const xs = reported.map((p) => daysBetween(origin, p.endDate));
    const { slope, intercept } = leastSquares(
      xs,
      reported.map((p) => p.value),
    );
    projected = intercept + slope * daysBetween(origin, term.endDate);
  } else {
    method = 'average_pace';
    const days = daysBetween(first.startDate, last.endDate) + 1;
    projected = last.value + (last.value / days) * daysLeft;
  }
  let value = Math.round(projected);
  // A level cannot fall below zero, nor a share rise above 100%.
  value = Math.max(0, value);
  if (input.maxValue !== undefined) value = Math.min(input.maxValue, value);
  return {
    forecast: {
      value,
      from: { date: last.endDate, value: last.value },
      to: { date: term.endDate, value },
      method,
      description:
        method === 'average_pace'
          ? { vi: `theo xu hướng ${years} (nhịp bình quân)`, en: `trend ${years} (average pace)` }
          : {
              vi: `theo xu hướng ${years} (đường thẳng bình phương nhỏ nhất)`,
              en: `trend ${years} (least-squares line)`,
            },
    },
    reason: null,
  };
}

/** '2022–2024', or '2024' when the trend lies within one year. */
function yearSpan(fromIso: string, toIso: string): string {
  const from = fromIso.slice(0, 4);
  const to = toIso.slice(0, 4);
  return from === to ? from : `${from}–${to}`;
}

/** Ordinary least squares y = intercept + slope·x; a flat line through the mean when all x coincide. */
export function leastSquares(xs: number[], ys: number[]): { slope: number; intercept: number } {
  const n = xs.length;
  const meanX = xs.reduce((s, x) => s + x, 0) / n;
  const meanY = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = (xs[i] as number) - meanX;
    sxy += dx * ((ys[i] as number) - meanY);
    sxx += dx * dx;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}

export interface PlanInput {
  measureType: MeasureType;
  term: TermDates;
  baseline: number;
  goal: number;
  yearlyPlan?: { year: number; amount: number }[];
}

/**
 * The plan as a cumulative line: where the target should stand on the term's first day, at each
 * year end within the term, and on its last day. It is the same expectation status.ts judges pace
 * against (straight line, or the yearly plan where set), from zero for flows and from the baseline
 * for states, so the chart and the status can never disagree.
 */
export function planLine(input: PlanInput): { date: string; value: number }[] {
  const { term, goal } = input;
  const from = isStateMeasure(input.measureType) ? input.baseline : 0;
  // A year-end point stands for the whole of that day: the share is taken at the next morning.
  const share = (date: string) => {
    const at = date === term.startDate || date === term.endDate ? date : addDays(date, 1);
    return input.yearlyPlan?.length ? plannedShare(input.yearlyPlan, term, at) : elapsedShare(term, at);
  };
  const dates = [term.startDate];
  const firstYear = Number(term.startDate.slice(0, 4));
  const lastYear = Number(term.endDate.slice(0, 4));
  for (let year = firstYear; year < lastYear; year++) {
    const yearEnd = `${year}-12-31`;
    if (yearEnd > term.startDate) dates.push(yearEnd);
  }
  if (dates.at(-1) !== term.endDate) dates.push(term.endDate);
  return dates.map((date) => ({ date, value: Math.round(from + (goal - from) * share(date)) }));
}
