/**
 * Numbers on the target page's axes and labels, in the indicator's terms. Money axes read in tỷ or
 * triệu (tables and tooltips give the full amount); percentages carry a % sign.
 */
import { formatDate } from '@chitieu/core';
import {
  goalText,
  type IndicatorLike,
  type MoneyScale,
  moneyScale,
  scaledMoneyText,
} from '../../lib/figures.ts';
import { formatScaled, moneyScaleUnit } from '../../lib/numbers.ts';

export interface Axis {
  /** Short form for ticks and bar labels. */
  tick: (value: number) => string;
  /** Full form for tooltips and tables: '746 hộ', '11,54 tỷ đồng', '87,5%'. */
  full: (value: number) => string;
  /** The axis unit, shown in the legend: 'hộ', 'tỷ đồng', '%'. */
  unit: string;
}

export function axisFor(indicator: IndicatorLike, maxValue: number): Axis {
  const axis = axisOf(indicator, maxValue);
  // Figures are scaled integers; chart ticks and interpolated points may not be. Round, never throw.
  return { ...axis, tick: (v) => axis.tick(Math.round(v)), full: (v) => axis.full(Math.round(v)) };
}

function axisOf(indicator: IndicatorLike, maxValue: number): Axis {
  switch (indicator.measureType) {
    case 'amount': {
      const scale: MoneyScale = moneyScale(maxValue);
      return {
        tick: (v) => scaledMoneyText(v, scale),
        full: (v) => goalText(indicator, v),
        unit: moneyScaleUnit(scale),
      };
    }
    case 'ratio':
    case 'units_meeting':
      return {
        tick: (v) => `${formatScaled(v, indicator.decimals, { trimZeros: true })}%`,
        full: (v) => `${formatScaled(v, indicator.decimals)}%`,
        unit: '%',
      };
    default:
      return {
        tick: (v) => formatScaled(v, indicator.decimals, { trimZeros: true }),
        full: (v) => `${formatScaled(v, indicator.decimals)} ${indicator.measurementUnit}`,
        unit: indicator.measurementUnit,
      };
  }
}

/** Days since 1970 for an ISO date: a linear time axis with whole-day ticks. */
export const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
export const dayToIso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
export const dayLabel = (day: number) => formatDate(dayToIso(day));
