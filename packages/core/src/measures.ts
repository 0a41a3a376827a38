/**
 * How results add up, by measure type (DESIGN.md "Indicator"). The roll-up table keeps `Sums` per
 * subtree and period; `combinePeriods` turns a range of periods into the one figure a leader sees.
 */
import { ratioToScaledPercent } from './format.ts';

export const MEASURE_TYPES = ['cumulative', 'amount', 'stock', 'ratio', 'units_meeting'] as const;
export type MeasureType = (typeof MEASURE_TYPES)[number];
export type RatioOverTime = 'sum' | 'latest';

export interface IndicatorRule {
  measureType: MeasureType;
  decimals: number;
  ratioOverTime: RatioOverTime;
}

/** What a set of results adds up to. `resultCount` 0 means nobody reported ("chưa báo cáo"), not zero. */
export interface Sums {
  value: number;
  numerator: number;
  denominator: number;
  meeting: number;
  reported: number;
  resultCount: number;
}

export const ZERO_SUMS: Sums = Object.freeze({
  value: 0,
  numerator: 0,
  denominator: 0,
  meeting: 0,
  reported: 0,
  resultCount: 0,
});

export interface ResultFields {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  meets: boolean | null;
}

/** What one stored result adds to every roll-up above it. */
export function contribution(r: ResultFields): Sums {
  return {
    value: r.value ?? 0,
    numerator: r.numerator ?? 0,
    denominator: r.denominator ?? 0,
    meeting: r.meets === true ? 1 : 0,
    reported: r.meets === null ? 0 : 1,
    resultCount: 1,
  };
}

export function addSums(a: Sums, b: Sums, sign: 1 | -1 = 1): Sums {
  return {
    value: a.value + sign * b.value,
    numerator: a.numerator + sign * b.numerator,
    denominator: a.denominator + sign * b.denominator,
    meeting: a.meeting + sign * b.meeting,
    reported: a.reported + sign * b.reported,
    resultCount: a.resultCount + sign * b.resultCount,
  };
}

export interface PeriodSums extends Sums {
  periodId: number;
  endDate: string;
}

/** The figure for a subtree over a range of periods. `value` is null when nothing was reported. */
export interface Figure {
  /** Scaled integer: a count, đồng, or (ratio, units_meeting) a percentage scaled by the decimals. */
  value: number | null;
  numerator: number;
  denominator: number;
  /** units_meeting: units meeting the rule, units that reported, units expected in scope. */
  meeting: number;
  reported: number;
  expected: number;
  /** The period the figure is taken from for stock / latest measures; the last summed one otherwise. */
  latestPeriodId: number | null;
}

/**
 * What a figure needs from a run of periods: the totals over the periods with results, and the
 * latest of them. A database can compute this in one grouped query (packages/db FigureReader).
 */
export interface PeriodTotals {
  value: number;
  numerator: number;
  denominator: number;
  latest: PeriodSums | null;
}

export function totalPeriods(periods: PeriodSums[]): PeriodTotals {
  const totals: PeriodTotals = { value: 0, numerator: 0, denominator: 0, latest: null };
  for (const p of periods) {
    if (p.resultCount === 0) continue;
    totals.value += p.value;
    totals.numerator += p.numerator;
    totals.denominator += p.denominator;
    if (!totals.latest || p.endDate > totals.latest.endDate) totals.latest = p;
  }
  return totals;
}

/**
 * Combine per-period subtree sums (any order) into one figure, by the indicator's measure type.
 * `expectedUnits` is the number of grassroots units in scope, for `units_meeting`.
 */
export function combinePeriods(rule: IndicatorRule, periods: PeriodSums[], expectedUnits = 0): Figure {
  return combineTotals(rule, totalPeriods(periods), expectedUnits);
}

/** The figure from a run's totals: flows add up over time, states take the latest period. */
export function combineTotals(rule: IndicatorRule, totals: PeriodTotals, expectedUnits = 0): Figure {
  const { latest } = totals;
  const figure: Figure = {
    value: null,
    numerator: 0,
    denominator: 0,
    meeting: 0,
    reported: 0,
    expected: expectedUnits,
    latestPeriodId: latest?.periodId ?? null,
  };
  if (!latest) return figure;
  switch (rule.measureType) {
    case 'cumulative':
    case 'amount':
      figure.value = totals.value;
      return figure;
    case 'stock':
      figure.value = latest.value;
      return figure;
    case 'ratio': {
      const used = rule.ratioOverTime === 'latest' ? latest : totals;
      figure.numerator = used.numerator;
      figure.denominator = used.denominator;
      figure.value =
        figure.denominator > 0
          ? ratioToScaledPercent(figure.numerator, figure.denominator, rule.decimals)
          : null;
      return figure;
    }
    case 'units_meeting':
      figure.meeting = latest.meeting;
      figure.reported = latest.reported;
      figure.value =
        expectedUnits > 0 ? ratioToScaledPercent(latest.meeting, expectedUnits, rule.decimals) : null;
      return figure;
  }
}

/** Whether a measure's figure is a state (compare against a baseline) rather than a flow summed over time. */
export function isStateMeasure(type: MeasureType): boolean {
  return type === 'stock' || type === 'ratio' || type === 'units_meeting';
}

/** Whether a measure is a share (a percentage), the same goal applying to every unit, unlike a count. */
export function isShareMeasure(type: MeasureType): boolean {
  return type === 'ratio' || type === 'units_meeting';
}
