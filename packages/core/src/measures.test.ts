import { describe, expect, it } from 'vitest';
import {
  addSums,
  combineFigure,
  contribution,
  type FigureParts,
  figureFromPeriods,
  type IndicatorRule,
  isLevelMeasure,
  isNoCases,
  levelChanges,
  type PeriodSums,
  type ResultFields,
  type UnitReport,
  ZERO_SUMS,
} from './measures.ts';
import { lifeRefusal, reportsPeriod } from './units.ts';

const rule = (
  measureType: IndicatorRule['measureType'],
  extra: Partial<IndicatorRule> = {},
): IndicatorRule => ({
  measureType,
  decimals: 0,
  ratioOverTime: 'sum',
  ...extra,
});

const fields = (f: Partial<ResultFields>): ResultFields => ({
  value: null,
  numerator: null,
  denominator: null,
  meets: null,
  ...f,
});
const report = (periodId: number, endDate: string, f: Partial<ResultFields>): UnitReport => ({
  periodId,
  endDate,
  fields: fields(f),
});
const always = { validFrom: '2021-01-01', validTo: null };

/** A unit's standing level at each period end, by replaying its changes (as a roll-up read does). */
function levelAt(changes: Map<number, ReturnType<typeof addSums>>, upTo: number[]) {
  return upTo.reduce((sum, id) => addSums(sum, changes.get(id) ?? ZERO_SUMS), ZERO_SUMS);
}

describe('isLevelMeasure', () => {
  it.each([
    ['cumulative', 'sum', false],
    ['amount', 'sum', false],
    ['ratio', 'sum', false],
    ['ratio', 'latest', true],
    ['stock', 'sum', true],
    ['units_meeting', 'sum', true],
  ] as const)('%s (%s) → %s', (measureType, ratioOverTime, level) => {
    expect(isLevelMeasure({ measureType, ratioOverTime })).toBe(level);
  });
});

describe('levelChanges: each unit counts with its own latest report', () => {
  it('a first report enters, a later one replaces it: the level is always the latest', () => {
    const changes = levelChanges(
      // Given out of order: the rule sorts by period end.
      [
        report(3, '2023-06-30', { value: 7 }),
        report(1, '2022-06-30', { value: 5 }),
        report(2, '2022-12-31', { value: 5 }),
      ],
      always,
      null,
    );
    expect(levelAt(changes, [1]).levelValue).toBe(5);
    expect(levelAt(changes, [1, 2]).levelValue).toBe(5);
    expect(levelAt(changes, [1, 2, 3])).toMatchObject({ levelValue: 7, levelUnits: 1 });
    expect(changes.get(2)).toMatchObject({ levelValue: 0, levelUnits: 0 });
  });

  it('a reported 0 stands as a report (units 1), unlike no report', () => {
    const changes = levelChanges([report(1, '2022-06-30', { value: 0 })], always, null);
    expect(levelAt(changes, [1])).toMatchObject({ levelValue: 0, levelUnits: 1 });
  });

  it('a closed unit leaves at the first period ending on or after its end', () => {
    const life = { validFrom: '2021-01-01', validTo: '2024-12-01' };
    const changes = levelChanges([report(1, '2024-06-30', { meets: true })], life, 9);
    expect(levelAt(changes, [1])).toMatchObject({ levelMeeting: 1, levelUnits: 1 });
    expect(levelAt(changes, [1, 9])).toEqual(ZERO_SUMS);
  });

  it('reports outside the unit’s life count for nothing', () => {
    const life = { validFrom: '2024-12-01', validTo: null };
    const changes = levelChanges(
      [report(1, '2022-06-30', { value: 40 }), report(2, '2024-12-31', { value: 3 })],
      life,
      null,
    );
    expect(changes.has(1)).toBe(false);
    expect(levelAt(changes, [1, 2])).toMatchObject({ levelValue: 3, levelUnits: 1 });
  });

  it('ratios and yes/no keep their parts', () => {
    const changes = levelChanges(
      [
        report(1, '2022-06-30', { numerator: 3, denominator: 4, meets: false }),
        report(2, '2022-12-31', { numerator: 1, denominator: 2, meets: true }),
      ],
      always,
      null,
    );
    expect(levelAt(changes, [1, 2])).toMatchObject({
      levelNumerator: 1,
      levelDenominator: 2,
      levelMeeting: 1,
      levelUnits: 1,
    });
  });
});

describe('reportsPeriod and lifeRefusal', () => {
  const merged = { name: 'Phường Phan Thiết', validFrom: '2024-12-01', validTo: null };
  const closed = { name: 'Phường Đức Nghĩa', validFrom: '2021-01-01', validTo: '2024-12-01' };
  const h2of2024 = { kind: 'half', startDate: '2024-07-01', endDate: '2024-12-31' };
  const h1of2025 = { kind: 'half', startDate: '2025-01-01', endDate: '2025-06-30' };
  const h1of2022 = { kind: 'half', startDate: '2022-01-01', endDate: '2022-06-30' };

  it('the unit existing on a period’s last day reports it: the new ward, not the wards it replaced', () => {
    expect(reportsPeriod(merged, h2of2024)).toBe(true);
    expect(reportsPeriod(closed, h2of2024)).toBe(false);
    expect(reportsPeriod(closed, { endDate: '2024-06-30' })).toBe(true);
  });

  it('says why, in Vietnamese', () => {
    expect(lifeRefusal(closed, h1of2025)).toBe(
      'Phường Đức Nghĩa đã kết thúc hoạt động từ ngày 01/12/2024: 6 tháng đầu năm 2025 do đơn vị kế thừa báo cáo.',
    );
    expect(lifeRefusal(merged, h1of2022)).toBe(
      'Phường Phan Thiết thành lập từ ngày 01/12/2024: không báo cáo 6 tháng đầu năm 2022.',
    );
    expect(lifeRefusal(merged, h1of2025)).toBeNull();
  });
});

const parts = (p: Partial<FigureParts['flow'] & FigureParts['level']>, expected = 0): FigureParts => {
  const sums = { ...ZERO_SUMS, ...p };
  return { flow: sums, level: sums, latestPeriodId: 1, coverage: { periodId: 1, reported: 0, expected } };
};

describe('combineFigure', () => {
  it.each([
    ['cumulative sums the flow', rule('cumulative'), parts({ value: 60, resultCount: 3 }), 60],
    ['amount sums the flow', rule('amount'), parts({ value: 60, resultCount: 3 }), 60],
    [
      'stock is the level',
      rule('stock'),
      parts({ value: 60, resultCount: 3, levelValue: 30, levelUnits: 2 }),
      30,
    ],
    [
      'ratio (sum) divides the summed parts',
      rule('ratio', { decimals: 1 }),
      parts({ numerator: 6, denominator: 14, resultCount: 3 }),
      429,
    ],
    [
      'ratio (latest) divides the standing parts',
      rule('ratio', { decimals: 1, ratioOverTime: 'latest' }),
      parts({
        numerator: 6,
        denominator: 14,
        resultCount: 3,
        levelNumerator: 3,
        levelDenominator: 4,
        levelUnits: 1,
      }),
      750,
    ],
  ])('%s', (_, r, p, expected) => {
    expect(combineFigure(r, p).value).toBe(expected);
  });

  it('units meeting is meeting / expected over the same units, with reported beside it', () => {
    const f = combineFigure(
      rule('units_meeting', { decimals: 1 }),
      parts({ levelMeeting: 120, levelUnits: 122 }, 124),
    );
    expect(f).toMatchObject({ value: 968, meeting: 120, reported: 122, expected: 124, hasData: true });
  });

  it.each(['cumulative', 'amount', 'stock', 'ratio', 'units_meeting'] as const)(
    '%s: nothing reported is null and has no data ("chưa báo cáo"), not zero',
    (type) => {
      const f = combineFigure(rule(type), parts({}, 10));
      expect(f).toMatchObject({ value: null, hasData: false });
    },
  );

  it('a reported zero is zero, and a ratio of 0/0 is "không phát sinh", both reports', () => {
    expect(combineFigure(rule('cumulative'), parts({ resultCount: 1 }))).toMatchObject({
      value: 0,
      hasData: true,
    });
    expect(combineFigure(rule('stock'), parts({ levelUnits: 1 }))).toMatchObject({ value: 0, hasData: true });
    const none = combineFigure(rule('ratio'), parts({ resultCount: 2 }));
    expect(none).toMatchObject({ value: null, hasData: true });
    expect(isNoCases(none)).toBe(true);
    expect(isNoCases(combineFigure(rule('ratio'), parts({})))).toBe(false);
  });

  it('money sums stay exact beyond float-friendly sizes', () => {
    const big = 2_010_000_000 * 1000 + (999 * 1000) / 2;
    expect(combineFigure(rule('amount'), parts({ value: big, resultCount: 1000 })).value).toBe(big);
  });
});

describe('figureFromPeriods', () => {
  const row = (periodId: number, endDate: string, s: Partial<PeriodSums>): PeriodSums => ({
    ...ZERO_SUMS,
    ...s,
    periodId,
    endDate,
  });
  // Period 0 is before the range: its flow does not count, its level change does.
  const rows = [
    row(2, '2022-12-31', { value: 20, resultCount: 1, levelValue: 2 }),
    row(0, '2021-12-31', { value: 5, resultCount: 1, levelValue: 10, levelUnits: 1 }),
    row(1, '2022-06-30', { value: 10, resultCount: 1, levelValue: 0 }),
    row(3, '2023-06-30', { value: 30, resultCount: 1, levelValue: 100 }),
  ];

  it('sums flows over the range only', () => {
    expect(figureFromPeriods(rule('cumulative'), rows, new Set([1, 2]), null)).toMatchObject({
      value: 30,
      latestPeriodId: 2,
    });
  });

  it('takes levels at the end of the range, counting every change up to it', () => {
    expect(figureFromPeriods(rule('stock'), rows, new Set([1, 2]), null).value).toBe(12);
    expect(figureFromPeriods(rule('stock'), rows, new Set([1]), null).value).toBe(10);
  });

  it('a delta of an edit is after minus before', () => {
    const before = contribution(fields({ value: 7 }));
    const after = contribution(fields({ value: 10 }));
    expect(addSums(after, before, -1)).toEqual({ ...ZERO_SUMS, value: 3 });
  });
});
