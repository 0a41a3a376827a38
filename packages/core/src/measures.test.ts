import { describe, expect, it } from 'vitest';
import {
  addSums,
  combinePeriods,
  contribution,
  type IndicatorRule,
  type PeriodSums,
  ZERO_SUMS,
} from './measures.ts';

const period = (periodId: number, endDate: string, s: Partial<PeriodSums>): PeriodSums => ({
  ...ZERO_SUMS,
  resultCount: 1,
  ...s,
  periodId,
  endDate,
});
const rule = (
  measureType: IndicatorRule['measureType'],
  extra: Partial<IndicatorRule> = {},
): IndicatorRule => ({
  measureType,
  decimals: 0,
  ratioOverTime: 'sum',
  ...extra,
});

// Given out of order on purpose: combining must not depend on the order rows come back in.
const halves = [
  period(3, '2023-06-30', { value: 30, numerator: 3, denominator: 4, meeting: 120, reported: 122 }),
  period(1, '2022-06-30', { value: 10, numerator: 1, denominator: 2, meeting: 100, reported: 124 }),
  period(2, '2022-12-31', { value: 20, numerator: 2, denominator: 8, meeting: 110, reported: 110 }),
];

describe('combinePeriods', () => {
  it.each([
    ['cumulative sums the periods', rule('cumulative'), 60],
    ['amount sums the periods', rule('amount'), 60],
    ['stock takes the latest period', rule('stock'), 30],
    ['ratio (sum) adds numerators and denominators, then divides', rule('ratio', { decimals: 1 }), 429], // 6/14
    [
      'ratio (latest) uses the latest period only',
      rule('ratio', { decimals: 1, ratioOverTime: 'latest' }),
      750,
    ],
  ])('%s', (_, r, expected) => {
    expect(combinePeriods(r, halves).value).toBe(expected);
  });

  it('units_meeting is meeting / expected units in the latest period, with reported beside it', () => {
    const f = combinePeriods(rule('units_meeting', { decimals: 1 }), halves, 124);
    expect(f).toMatchObject({ value: 968, meeting: 120, reported: 122, expected: 124, latestPeriodId: 3 });
  });

  it('124/124 is 100%', () => {
    const f = combinePeriods(
      rule('units_meeting', { decimals: 1 }),
      [period(1, '2024-06-30', { meeting: 124, reported: 124 })],
      124,
    );
    expect(f.value).toBe(1000);
  });

  it('stock ignores later periods nobody reported', () => {
    const rows = [...halves, period(4, '2023-12-31', { value: 0, resultCount: 0 })];
    expect(combinePeriods(rule('stock'), rows).value).toBe(30);
  });

  it.each(['cumulative', 'amount', 'stock', 'ratio', 'units_meeting'] as const)(
    '%s: nothing reported is null ("chưa báo cáo"), not zero',
    (type) => {
      expect(combinePeriods(rule(type), [], 10).value).toBeNull();
      expect(combinePeriods(rule(type), [period(1, '2022-06-30', { resultCount: 0 })], 10).value).toBeNull();
    },
  );

  it('reported zero is zero', () => {
    expect(combinePeriods(rule('cumulative'), [period(1, '2022-06-30', { value: 0 })]).value).toBe(0);
  });

  it('money sums stay exact beyond float-friendly sizes', () => {
    const rows = Array.from({ length: 1000 }, (_, i) =>
      period(i, `2022-01-${String((i % 28) + 1).padStart(2, '0')}`, { value: 2_010_000_000 + i }),
    );
    expect(combinePeriods(rule('amount'), rows).value).toBe(2_010_000_000 * 1000 + (999 * 1000) / 2);
  });
});

describe('contribution', () => {
  it.each([
    [
      { value: 5, numerator: null, denominator: null, meets: null },
      { value: 5, meeting: 0, reported: 0, resultCount: 1 },
    ],
    [
      { value: null, numerator: 3, denominator: 4, meets: null },
      { numerator: 3, denominator: 4, resultCount: 1 },
    ],
    [
      { value: null, numerator: null, denominator: null, meets: true },
      { meeting: 1, reported: 1 },
    ],
    [
      { value: null, numerator: null, denominator: null, meets: false },
      { meeting: 0, reported: 1 },
    ],
  ])('%o adds %o', (result, expected) => {
    expect(contribution(result)).toMatchObject(expected);
  });

  it('a delta of an edit is after minus before', () => {
    const before = contribution({ value: 7, numerator: null, denominator: null, meets: null });
    const after = contribution({ value: 10, numerator: null, denominator: null, meets: null });
    expect(addSums(after, before, -1)).toEqual({ ...ZERO_SUMS, value: 3 });
  });
});
