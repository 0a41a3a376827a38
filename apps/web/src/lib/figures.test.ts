import { describe, expect, test } from 'vitest';
import {
  goalText,
  moneyScale,
  pctOfGoalText,
  relatedText,
  scaledMoneyText,
  totalsByYear,
  valueText,
} from './figures.ts';
import { depthFirst, withinRoots } from './units.ts';

const figure = (
  value: number | null,
  extra: Partial<{ meeting: number; expected: number; hasData: boolean }> = {},
) => ({
  value,
  hasData: extra.hasData ?? value !== null,
  numerator: 0,
  denominator: 0,
  meeting: extra.meeting ?? 0,
  expected: extra.expected ?? 0,
});
const indicator = (
  measureType: 'cumulative' | 'amount' | 'stock' | 'ratio' | 'units_meeting',
  unit: string,
  decimals = 0,
) => ({
  name: 'Chỉ số',
  measurementUnit: unit,
  measureType,
  decimals,
});

describe('figures in words', () => {
  test('values by measure type, as in the mid-term report', () => {
    expect(valueText(indicator('cumulative', 'hộ'), figure(746))).toBe('746 hộ');
    expect(valueText(indicator('cumulative', 'hộ'), figure(2986))).toBe('2.986 hộ');
    expect(
      valueText(indicator('units_meeting', 'cơ sở', 1), figure(1000, { meeting: 124, expected: 124 })),
    ).toBe('124/124 cơ sở (100%)');
    expect(valueText(indicator('ratio', '%', 1), figure(838))).toBe('83,8%');
    expect(valueText(indicator('amount', 'đồng'), figure(21_350_000_000))).toBe('21,35 tỷ đồng');
    expect(valueText(indicator('cumulative', 'hộ'), figure(null))).toBeNull();
    expect(valueText(indicator('cumulative', 'hộ'), figure(0))).toBe('0 hộ');
    expect(valueText(indicator('ratio', '%', 1), figure(null, { hasData: true }))).toBe('Không phát sinh');
    expect(relatedText(indicator('amount', 'đồng'), figure(11_540_000_000))).toBe('trị giá 11,54 tỷ đồng');
  });

  test('goals and % of goal', () => {
    expect(goalText(indicator('cumulative', 'hộ'), 700)).toBe('700 hộ');
    expect(goalText(indicator('units_meeting', 'cơ sở', 1), 1000)).toBe('100% cơ sở');
    expect(goalText(indicator('ratio', '%', 1), 800)).toBe('80%');
    expect(goalText(indicator('amount', 'đồng'), 20_000_000_000)).toBe('20 tỷ đồng');
    expect(pctOfGoalText(746, 700, 1.0657)).toBe('106,6%');
    expect(pctOfGoalText(838, 800, 1.0475)).toBe('104,8%');
    expect(pctOfGoalText(null, 700, null)).toBeNull();
    expect(pctOfGoalText(5, 0, 0.5)).toBe('50,0%');
  });

  test('half-year periods add up per calendar year; a part year says how many months', () => {
    const p = (start: string, end: string, value: number | null) => ({
      startDate: start,
      endDate: end,
      period: { value },
    });
    const years = totalsByYear([
      p('2022-01-01', '2022-06-30', 130),
      p('2022-07-01', '2022-12-31', 160),
      p('2023-01-01', '2023-06-30', 140),
      p('2023-07-01', '2023-12-31', 175),
      p('2024-01-01', '2024-06-30', 141),
    ]);
    expect(years).toEqual([
      { year: 2022, value: 290, partialMonths: null },
      { year: 2023, value: 315, partialMonths: null },
      { year: 2024, value: 141, partialMonths: 6 },
    ]);
    expect(totalsByYear([p('2025-01-01', '2025-06-30', null)])).toEqual([
      { year: 2025, value: null, partialMonths: 6 },
    ]);
  });

  test('money axis scale and short unit names', () => {
    expect(moneyScale(1_914_000_000)).toBe('ty');
    expect(moneyScale(200_000_000)).toBe('trieu');
    expect(scaledMoneyText(1_460_000_000, 'ty')).toBe('1,46');
    expect(scaledMoneyText(955_000_000, 'ty')).toBe('0,96');
    expect(scaledMoneyText(176_000_000, 'trieu')).toBe('176');
  });

  test('unit tree in reading order', () => {
    const units = [
      { id: 1, name: 'Tỉnh', parentId: null, depth: 0 },
      { id: 2, name: 'Huyện A', parentId: 1, depth: 1 },
      { id: 5, name: 'Huyện B', parentId: 1, depth: 1 },
      { id: 3, name: 'Xã A1', parentId: 2, depth: 2 },
      { id: 6, name: 'Xã B1', parentId: 5, depth: 2 },
      { id: 4, name: 'Xã A2', parentId: 2, depth: 2 },
    ];
    expect(depthFirst(units).map((u) => u.id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect([...withinRoots(units, [2])].sort()).toEqual([2, 3, 4]);
    expect(withinRoots(units, [1]).size).toBe(6);
    expect(withinRoots(units, []).size).toBe(6);
  });
});
