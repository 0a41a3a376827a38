/**
 * Words and numbers for figures, always through @chitieu/core's Vietnamese formatting. A figure's
 * value is a scaled integer whose meaning depends on the indicator's measure type.
 */
import type { MeasureType } from '@chitieu/core';
import { t } from '../i18n.ts';
import { formatInteger, formatMoney, formatPercent, formatRatioPercent, formatScaled } from './numbers.ts';

export interface IndicatorLike {
  name: string;
  measurementUnit: string;
  measureType: MeasureType;
  decimals: number;
}

export interface FigureLike {
  value: number | null;
  /** Reported: with value null, a ratio of 0/0 ("không phát sinh"). */
  hasData: boolean;
  numerator: number;
  denominator: number;
  meeting: number;
  expected: number;
}

/** A value split for typography: the number big, the unit beside it. */
export interface ValueParts {
  value: string;
  unit: string;
}

export const joinParts = ({ value, unit }: ValueParts) => (unit ? `${value} ${unit}` : value);

/** Split '11,54 tỷ đồng' into '11,54' and 'tỷ đồng'. */
function splitFirstSpace(text: string): ValueParts {
  const at = text.indexOf(' ');
  return at < 0 ? { value: text, unit: '' } : { value: text.slice(0, at), unit: text.slice(at + 1) };
}

/**
 * '746 hộ', '124/124 cơ sở (100%)', '83,8%', '21,35 tỷ đồng', 'Không phát sinh' for a reported 0/0;
 * null when nothing was reported.
 */
export function valueParts(indicator: IndicatorLike, figure: FigureLike): ValueParts | null {
  const { value } = figure;
  if (value === null) return figure.hasData ? { value: t('status.noCases'), unit: '' } : null;
  switch (indicator.measureType) {
    case 'units_meeting': {
      const share = `${formatScaled(value, indicator.decimals, { trimZeros: true })}%`;
      return {
        value: `${formatInteger(figure.meeting)}/${formatInteger(figure.expected)}`,
        unit: `${indicator.measurementUnit} (${share})`,
      };
    }
    case 'ratio':
      return { value: formatPercent(value, indicator.decimals), unit: '' };
    case 'amount':
      return splitFirstSpace(formatMoney(value));
    default:
      return { value: formatScaled(value, indicator.decimals), unit: indicator.measurementUnit };
  }
}

export function valueText(indicator: IndicatorLike, figure: FigureLike): string | null {
  const parts = valueParts(indicator, figure);
  return parts ? joinParts(parts) : null;
}

/** A goal in the indicator's terms: '700 hộ', '100% cơ sở', '80%', '20 tỷ đồng'. */
export function goalText(indicator: IndicatorLike, goal: number): string {
  switch (indicator.measureType) {
    case 'units_meeting':
      return `${formatScaled(goal, indicator.decimals, { trimZeros: true })}% ${indicator.measurementUnit}`;
    case 'ratio':
      return `${formatScaled(goal, indicator.decimals, { trimZeros: true })}%`;
    case 'amount':
      return formatMoney(goal);
    default:
      return `${formatScaled(goal, indicator.decimals)} ${indicator.measurementUnit}`;
  }
}

/**
 * "% so với NQ" ('106,6%'). Exact from the integers when both are there; otherwise from the API's
 * fraction, rounded to a tenth of a percent.
 */
export function pctOfGoalText(
  value: number | null,
  goal: number | null,
  pctOfGoal: number | null,
): string | null {
  if (value !== null && goal !== null && goal !== 0) return formatRatioPercent(value, goal, 1);
  if (pctOfGoal === null || !Number.isFinite(pctOfGoal)) return null;
  return formatPercent(Math.round(pctOfGoal * 1000), 1);
}

/** A share 0..1+ as a whole percent: 0.5038 -> '50%'. */
export function shareText(share: number): string {
  return formatPercent(Math.round(share * 100), 0);
}

/** Related figure in a sentence: 'trị giá 11,54 tỷ đồng', or 'Name: value'. */
export function relatedText(indicator: IndicatorLike, figure: FigureLike): string | null {
  if (figure.value === null) return figure.hasData ? `${indicator.name}: ${t('status.noCases')}` : null;
  if (indicator.measureType === 'amount') return t('targets.worth', { money: formatMoney(figure.value) });
  return `${indicator.name}: ${valueText(indicator, figure)}`;
}

export type MoneyScale = 'ty' | 'trieu';

/** The unit a money axis reads best in: tỷ from 1 tỷ up, else triệu. */
export function moneyScale(maxDong: number): MoneyScale {
  return maxDong >= 1_000_000_000 ? 'ty' : 'trieu';
}

/** Money as a number of tỷ or triệu, up to 2 decimals: 1.460.000.000 -> '1,46' (tỷ). */
export function scaledMoneyText(dong: number, scale: MoneyScale): string {
  const hundredths = Math.round(dong / (scale === 'ty' ? 10_000_000 : 10_000));
  return formatScaled(hundredths, 2, { trimZeros: true });
}

export interface YearTotal {
  year: number;
  value: number | null;
  /** Months covered when the year is not complete (e.g. 6 for the first half), else null. */
  partialMonths: number | null;
}

/** Sum half-year (or any) period values per calendar year of the period's start. */
export function totalsByYear(
  points: { startDate: string; endDate: string; period: { value: number | null } }[],
): YearTotal[] {
  const years = new Map<number, { value: number | null; lastEnd: string }>();
  for (const p of points) {
    const year = Number(p.startDate.slice(0, 4));
    const entry = years.get(year) ?? { value: null, lastEnd: p.endDate };
    if (p.period.value !== null) entry.value = (entry.value ?? 0) + p.period.value;
    if (p.endDate > entry.lastEnd) entry.lastEnd = p.endDate;
    years.set(year, entry);
  }
  return [...years.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, { value, lastEnd }]) => {
      const complete = lastEnd >= `${year}-12-31`;
      return { year, value, partialMonths: complete ? null : Number(lastEnd.slice(5, 7)) };
    });
}

/** Lower case without diacritics, for search: 'Phan Thiết' and 'phan thiet' match. */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}
