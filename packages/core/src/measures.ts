/**
 * How results add up, by measure type (DESIGN.md "Indicator"; docs/decisions/0017-figures-as-they-stand.md).
 *
 * Two kinds of figure:
 * - **flows** (cumulative, amount, ratio summed over time) add up what arose in each period;
 * - **levels** (stock, units meeting, ratio taken at its latest) are "as it stands": each unit's
 *   own latest report, summed over the units that exist. A unit that has not reported the newest
 *   period keeps its previous report; a unit that has closed drops out.
 *
 * The roll-up table keeps, per subtree and period, the flow that arose in the period and the
 * *change of level* at its end (a unit's first report enters, each later one replaces the one
 * before, its closure takes the last one out). A level at a date is then a plain sum of changes up
 * to that date, exactly like a flow, and one unit's new report moves every figure above it by
 * exactly its own change.
 */
import { ratioToScaledPercent } from './format.ts';
import { type Lifetime, reportsPeriod } from './units.ts';

export const MEASURE_TYPES = ['cumulative', 'amount', 'stock', 'ratio', 'units_meeting'] as const;
export type MeasureType = (typeof MEASURE_TYPES)[number];
export const RATIO_OVER_TIME = ['sum', 'latest'] as const;
export type RatioOverTime = (typeof RATIO_OVER_TIME)[number];

export interface IndicatorRule {
  measureType: MeasureType;
  decimals: number;
  ratioOverTime: RatioOverTime;
}

/** Whether a figure is a level "as it stands" (each unit's own latest report) rather than a sum over periods. */
export function isLevelMeasure(rule: Pick<IndicatorRule, 'measureType' | 'ratioOverTime'>): boolean {
  return (
    rule.measureType === 'stock' ||
    rule.measureType === 'units_meeting' ||
    (rule.measureType === 'ratio' && rule.ratioOverTime === 'latest')
  );
}

/**
 * One roll-up row: what arose in a period (flow columns, `resultCount` 0 = nobody reported) and
 * the change of level at the period's end (level columns; `levelUnits` counts units whose report
 * stands).
 */
export interface Sums {
  value: number;
  numerator: number;
  denominator: number;
  meeting: number;
  reported: number;
  resultCount: number;
  levelValue: number;
  levelNumerator: number;
  levelDenominator: number;
  levelMeeting: number;
  levelUnits: number;
}

export const SUM_FIELDS = [
  'value',
  'numerator',
  'denominator',
  'meeting',
  'reported',
  'resultCount',
  'levelValue',
  'levelNumerator',
  'levelDenominator',
  'levelMeeting',
  'levelUnits',
] as const satisfies readonly (keyof Sums)[];

export const ZERO_SUMS: Sums = Object.freeze({
  value: 0,
  numerator: 0,
  denominator: 0,
  meeting: 0,
  reported: 0,
  resultCount: 0,
  levelValue: 0,
  levelNumerator: 0,
  levelDenominator: 0,
  levelMeeting: 0,
  levelUnits: 0,
});

export interface ResultFields {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  meets: boolean | null;
}

/** What one stored result adds to the flow of its period, in every roll-up above it. */
export function contribution(r: ResultFields): Sums {
  return {
    ...ZERO_SUMS,
    value: r.value ?? 0,
    numerator: r.numerator ?? 0,
    denominator: r.denominator ?? 0,
    meeting: r.meets === true ? 1 : 0,
    reported: r.meets === null ? 0 : 1,
    resultCount: 1,
  };
}

/** What one standing report adds to a level. */
function standing(r: ResultFields): Sums {
  return {
    ...ZERO_SUMS,
    levelValue: r.value ?? 0,
    levelNumerator: r.numerator ?? 0,
    levelDenominator: r.denominator ?? 0,
    levelMeeting: r.meets === true ? 1 : 0,
    levelUnits: 1,
  };
}

export function addSums(a: Sums, b: Sums, sign: 1 | -1 = 1): Sums {
  const out = { ...ZERO_SUMS };
  for (const k of SUM_FIELDS) out[k] = a[k] + sign * b[k];
  return out;
}

export function isZeroSums(s: Sums): boolean {
  return SUM_FIELDS.every((k) => s[k] === 0);
}

export interface UnitReport {
  periodId: number;
  endDate: string;
  fields: ResultFields;
}

/**
 * The level changes one unit brings to every subtree it sits in, by period: its first report
 * enters, each later report replaces the one before, and its closure takes its last report out at
 * `closurePeriodId` (the first period of the frequency ending on or after the unit's end). Reports
 * outside the unit's life count for nothing.
 */
export function levelChanges(
  reports: UnitReport[],
  lifetime: Lifetime,
  closurePeriodId: number | null,
): Map<number, Sums> {
  const changes = new Map<number, Sums>();
  let standingNow: Sums = ZERO_SUMS;
  const inLife = reports
    .filter((r) => reportsPeriod(lifetime, r))
    .sort((a, b) => (a.endDate < b.endDate ? -1 : a.endDate > b.endDate ? 1 : 0));
  for (const r of inLife) {
    const next = standing(r.fields);
    changes.set(r.periodId, addSums(next, standingNow, -1));
    standingNow = next;
  }
  if (closurePeriodId !== null && lifetime.validTo !== null && inLife.length > 0) {
    changes.set(closurePeriodId, addSums(changes.get(closurePeriodId) ?? ZERO_SUMS, standingNow, -1));
  }
  return changes;
}

/** Units expected to report a period in a subtree (grassroots units existing on its last day), and how many did. */
export interface Coverage {
  periodId: number;
  reported: number;
  expected: number;
}

/** The figure for a subtree. `value` is null when nothing was reported, or for a ratio with nothing to divide. */
export interface Figure {
  /** Scaled integer: a count, đồng, or (ratio, units_meeting) a percentage scaled by the decimals. */
  value: number | null;
  numerator: number;
  denominator: number;
  /** units_meeting: units whose own latest report says yes, and units in scope (grassroots units existing). */
  meeting: number;
  expected: number;
  /** Levels: units whose own latest report is counted (0 for flows). */
  reported: number;
  /**
   * Something counted was reported. With `value` null this is "không phát sinh" (a ratio of 0/0):
   * a report, never the same as "chưa báo cáo".
   */
  hasData: boolean;
  /** The newest period with a counted report in scope ("số liệu mới nhất"). */
  latestPeriodId: number | null;
  /** The newest period of the indicator's frequency ended by the date, and who has reported it. */
  coverage: Coverage | null;
}

/** "Không phát sinh": reported, but a ratio with nothing to divide (0/0). */
export function isNoCases(figure: Pick<Figure, 'hasData' | 'value'>): boolean {
  return figure.hasData && figure.value === null;
}

/** What a figure is made of: the flow over the periods in range, and the level at the range's end. */
export interface FigureParts {
  flow: Pick<Sums, 'value' | 'numerator' | 'denominator' | 'resultCount'>;
  level: Pick<Sums, 'levelValue' | 'levelNumerator' | 'levelDenominator' | 'levelMeeting' | 'levelUnits'>;
  latestPeriodId: number | null;
  coverage: Coverage | null;
}

/** One figure from its parts, by the indicator's measure type. */
export function combineFigure(rule: IndicatorRule, parts: FigureParts): Figure {
  const { flow, level, latestPeriodId, coverage } = parts;
  const figure: Figure = {
    value: null,
    numerator: 0,
    denominator: 0,
    meeting: 0,
    expected: 0,
    reported: 0,
    hasData: false,
    latestPeriodId,
    coverage,
  };
  const ratio = (numerator: number, denominator: number) => {
    figure.numerator = numerator;
    figure.denominator = denominator;
    figure.value = denominator > 0 ? ratioToScaledPercent(numerator, denominator, rule.decimals) : null;
  };
  if (!isLevelMeasure(rule)) {
    figure.hasData = flow.resultCount > 0;
    if (!figure.hasData) return figure;
    if (rule.measureType === 'ratio') ratio(flow.numerator, flow.denominator);
    else figure.value = flow.value;
    return figure;
  }
  figure.reported = level.levelUnits;
  figure.hasData = level.levelUnits > 0;
  if (rule.measureType === 'units_meeting') {
    figure.meeting = level.levelMeeting;
    figure.expected = coverage?.expected ?? 0;
  }
  if (!figure.hasData) return figure;
  switch (rule.measureType) {
    case 'stock':
      figure.value = level.levelValue;
      return figure;
    case 'ratio':
      ratio(level.levelNumerator, level.levelDenominator);
      return figure;
    default:
      // Meeting and expected count one and the same set of units, so this never exceeds 100 %.
      figure.value =
        figure.expected > 0 ? ratioToScaledPercent(figure.meeting, figure.expected, rule.decimals) : null;
      return figure;
  }
}

export interface PeriodSums extends Sums {
  periodId: number;
  endDate: string;
}

/**
 * A figure from per-period rows (any order): the flow over the periods in `range`, the level at
 * the end of the last of them (summing every change up to then, in range or not).
 */
export function figureFromPeriods(
  rule: IndicatorRule,
  periods: PeriodSums[],
  range: ReadonlySet<number>,
  coverage: Coverage | null,
): Figure {
  let end = '';
  for (const p of periods) if (range.has(p.periodId) && p.endDate > end) end = p.endDate;
  const level = isLevelMeasure(rule);
  let sums = ZERO_SUMS;
  let latest: PeriodSums | null = null;
  for (const p of periods) {
    if (p.endDate > end) continue;
    const inRange = range.has(p.periodId);
    sums = addSums(sums, {
      ...p,
      value: inRange ? p.value : 0,
      numerator: inRange ? p.numerator : 0,
      denominator: inRange ? p.denominator : 0,
      resultCount: inRange ? p.resultCount : 0,
    });
    if (p.resultCount > 0 && (inRange || level) && (!latest || p.endDate > latest.endDate)) latest = p;
  }
  return combineFigure(rule, { flow: sums, level: sums, latestPeriodId: latest?.periodId ?? null, coverage });
}

/** Whether a measure's figure is a state (compare against a baseline) rather than a flow summed over time. */
export function isStateMeasure(type: MeasureType): boolean {
  return type === 'stock' || type === 'ratio' || type === 'units_meeting';
}

/** Whether a measure is a share (a percentage), the same goal applying to every unit, unlike a count. */
export function isShareMeasure(type: MeasureType): boolean {
  return type === 'ratio' || type === 'units_meeting';
}
