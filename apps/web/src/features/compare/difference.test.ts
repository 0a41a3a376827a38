import { describe, expect, it } from 'vitest';
import { differenceText, yearLater } from './difference.ts';

describe('difference in the indicator’s terms', () => {
  it.each([
    [{ measureType: 'cumulative', decimals: 0, measurementUnit: 'hộ' }, 46, '+46 hộ', false],
    [{ measureType: 'cumulative', decimals: 0, measurementUnit: 'hộ' }, -3000, '−3.000 hộ', false],
    [{ measureType: 'amount', decimals: 0, measurementUnit: 'đồng' }, 1_200_000_000, '+1,2 tỷ đồng', false],
    [{ measureType: 'ratio', decimals: 1, measurementUnit: '%' }, -35, '−3,5', true],
    [{ measureType: 'units_meeting', decimals: 1, measurementUnit: 'cơ sở' }, 0, '0', false],
  ] as const)('%o %d → %s', (indicator, diff, text, points) => {
    expect(differenceText(indicator, diff)).toEqual({ text, points });
  });
});

describe('a year later', () => {
  it('moves the year, keeps 29/02 valid and stays within the term', () => {
    expect(yearLater('2024-06-30', '2026-12-31')).toBe('2025-06-30');
    expect(yearLater('2024-02-29', '2026-12-31')).toBe('2025-02-28');
    expect(yearLater('2026-06-30', '2026-12-31')).toBe('2026-12-31');
  });
});
