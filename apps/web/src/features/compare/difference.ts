import { addYears, type MeasureType } from '@chitieu/core';
import { formatMoney, formatScaled } from '../../lib/numbers.ts';

/**
 * "B − A" in the indicator's own terms, signed: '+46 hộ', '−1,20 tỷ đồng', '+3,5' (percentage points
 * for shares, labelled by the caller). Zero is '0'.
 */
export function differenceText(
  indicator: { measureType: MeasureType; decimals: number; measurementUnit: string },
  difference: number,
): { text: string; points: boolean } {
  if (difference === 0) return { text: '0', points: false };
  const sign = difference > 0 ? '+' : '−';
  const size = Math.abs(difference);
  switch (indicator.measureType) {
    case 'ratio':
    case 'units_meeting':
      return { text: `${sign}${formatScaled(size, indicator.decimals, { trimZeros: true })}`, points: true };
    case 'amount':
      return { text: `${sign}${formatMoney(size)}`, points: false };
    default:
      return {
        text: `${sign}${formatScaled(size, indicator.decimals)} ${indicator.measurementUnit}`,
        points: false,
      };
  }
}

/** The same calendar date a year later, kept within `last` (29/02 becomes 28/02). */
export function yearLater(iso: string, last: string): string {
  const next = addYears(iso, 1);
  return next > last ? last : next;
}
