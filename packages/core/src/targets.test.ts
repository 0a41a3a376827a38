import { describe, expect, test } from 'vitest';
import {
  checkAllocations,
  type GoalIndicator,
  goalText,
  parseGoal,
  quantityText,
  termPeriodPlan,
} from './targets.ts';

const households: GoalIndicator = { measureType: 'cumulative', decimals: 0, measurementUnit: 'hộ' };
const money: GoalIndicator = { measureType: 'amount', decimals: 0, measurementUnit: 'đồng' };
const share: GoalIndicator = { measureType: 'ratio', decimals: 1, measurementUnit: '%' };
const units: GoalIndicator = { measureType: 'units_meeting', decimals: 1, measurementUnit: 'cơ sở' };

describe('goals typed the Vietnamese way', () => {
  test.each([
    [households, '3.000', 3000],
    [households, '3000', 3000],
    [money, '11,54 tỷ', 11_540_000_000],
    [money, '850 triệu đồng', 850_000_000],
    [share, '87,5', 875],
    [share, '87,5%', 875],
    [share, '100', 1000],
    [units, '100', 1000],
  ])('%o reads %s as %i', (indicator, text, value) => {
    expect(parseGoal(indicator, text)).toEqual({ ok: true, value });
    // And back: the editable text reads to the same integer.
    expect(parseGoal(indicator, goalText(indicator, value))).toEqual({ ok: true, value });
  });

  test.each([
    [households, '1,5', 'too_many_decimals'],
    [households, 'ba nghìn', 'not_a_number'],
    [households, '-5', 'not_a_number'],
    [share, '87.500', 'ambiguous_thousands'],
    [money, '0,5 đồng', 'too_many_decimals'],
  ])('%o refuses %s', (indicator, text, code) => {
    const parsed = parseGoal(indicator, text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.code).toBe(code);
  });

  test('quantities in sentences', () => {
    expect(quantityText(households, 12)).toBe('12 hộ');
    expect(quantityText(money, 11_540_000_000)).toBe('11,54 tỷ đồng');
    expect(quantityText(share, 875)).toBe('87,5%');
    // A units_meeting goal is a share of the units, not a count of them.
    expect(quantityText(units, 1000)).toBe('100,0%');
  });
});

describe('allocations add up, or the difference is named', () => {
  test.each([
    [households, 100, [40, 40, 32], 'over', 12, 'Tổng phân bổ vượt chỉ tiêu 12 hộ.'],
    [households, 100, [40, 40, 15], 'under', -5, 'Tổng phân bổ còn thiếu 5 hộ so với chỉ tiêu.'],
    [households, 100, [50, 50], 'equal', 0, null],
    [
      money,
      11_540_000_000,
      [11_000_000_000, 1_040_000_000],
      'over',
      500_000_000,
      'Tổng phân bổ vượt chỉ tiêu 500 triệu đồng.',
    ],
  ] as const)(
    '%o goal %i, allocations %o: %s',
    (indicator, goal, allocations, state, difference, message) => {
      const check = checkAllocations(indicator, goal, allocations);
      expect(check).toEqual({
        total: allocations.reduce((a, b) => a + b, 0),
        difference,
        state,
        message,
      });
    },
  );

  test('shares, missing goals and empty allocations are not added up', () => {
    expect(checkAllocations(share, 875, [900, 800]).state).toBe('not_summed');
    expect(checkAllocations(households, null, [1, 2]).state).toBe('not_summed');
    expect(checkAllocations(households, 10, [])).toMatchObject({ state: 'not_summed', message: null });
  });
});

describe('a term’s periods', () => {
  test('calendar periods overlapping the term, due ten days after they end', () => {
    const halves = termPeriodPlan('half', '2021-10-01', '2026-09-30');
    expect(halves).toHaveLength(11);
    expect(halves[0]).toEqual({
      kind: 'half',
      startDate: '2021-07-01',
      endDate: '2021-12-31',
      deadline: '2022-01-10',
    });
    expect(halves.at(-1)).toEqual({
      kind: 'half',
      startDate: '2026-07-01',
      endDate: '2026-12-31',
      deadline: '2027-01-10',
    });
    const quarters = termPeriodPlan('quarter', '2024-02-15', '2024-12-31');
    expect(quarters.map((q) => q.endDate)).toEqual(['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31']);
    expect(termPeriodPlan('year', '2021-10-01', '2026-09-30').map((y) => y.startDate.slice(0, 4))).toEqual([
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
      '2026',
    ]);
  });
});
