import { describe, expect, it } from 'vitest';
import { FORECAST_MIN_PERIODS, forecastEndOfTerm, leastSquares, planLine } from './forecast.ts';
import { targetStatus } from './status.ts';

const term = { startDate: '2022-01-01', endDate: '2026-12-31' };
/** Half-year periods of the term: [start, end]. */
const halves = (count: number) =>
  Array.from({ length: count }, (_, i) => {
    const year = 2022 + Math.floor(i / 2);
    return i % 2 === 0
      ? { startDate: `${year}-01-01`, endDate: `${year}-06-30` }
      : { startDate: `${year}-07-01`, endDate: `${year}-12-31` };
  });

describe('forecast of a flow (cumulative, amount)', () => {
  it('keeps the average pace so far: 100 a half-year for 2 years is 1.000 over 5 years', () => {
    const points = halves(4).map((p, i) => ({ ...p, value: 100 * (i + 1) }));
    const r = forecastEndOfTerm({ measureType: 'cumulative', term, points });
    expect(r.reason).toBeNull();
    // 400 over 2022–2023 (730 days) → 400/730 a day for the 1.096 days left: 400 + 600,5 ≈ 1.001.
    expect(r.forecast?.value).toBe(1001);
    expect(r.forecast?.method).toBe('average_pace');
    expect(r.forecast?.from).toEqual({ date: '2023-12-31', value: 400 });
    expect(r.forecast?.to).toEqual({ date: '2026-12-31', value: 1001 });
    expect(r.forecast?.description).toEqual({
      vi: 'theo xu hướng 2022–2023 (nhịp bình quân)',
      en: 'trend 2022–2023 (average pace)',
    });
  });

  it('measures the pace from the first reported period, ignoring unreported ones', () => {
    const points = [
      { startDate: '2022-01-01', endDate: '2022-06-30', value: null },
      { startDate: '2023-01-01', endDate: '2023-06-30', value: 50 },
      { startDate: '2023-07-01', endDate: '2023-12-31', value: 100 },
    ];
    const r = forecastEndOfTerm({ measureType: 'amount', term, points });
    expect(r.forecast?.description.vi).toBe('theo xu hướng 2023 (nhịp bình quân)');
    // 100 in 365 days, 1.096 days left → 100 + 300,3.
    expect(r.forecast?.value).toBe(400);
  });

  it('does not depend on the order the points come in', () => {
    const points = halves(4).map((p, i) => ({ ...p, value: 100 * (i + 1) }));
    const a = forecastEndOfTerm({ measureType: 'cumulative', term, points });
    const b = forecastEndOfTerm({ measureType: 'cumulative', term, points: [...points].reverse() });
    expect(b).toEqual(a);
  });
});

describe('forecast of a state (stock, ratio, units meeting)', () => {
  it('follows the least-squares line through the levels', () => {
    // Level rises 10 a half-year from 700: the line reaches about 800 at the end of 2026.
    const points = halves(4).map((p, i) => ({ ...p, value: 710 + 10 * i }));
    const r = forecastEndOfTerm({ measureType: 'ratio', term, points, maxValue: 1000 });
    expect(r.forecast?.method).toBe('linear_trend');
    expect(r.forecast?.value).toBeGreaterThanOrEqual(798);
    expect(r.forecast?.value).toBeLessThanOrEqual(801);
    expect(r.forecast?.description.en).toBe('trend 2022–2023 (least-squares line)');
  });

  it('never projects a share above 100% or a level below zero', () => {
    const rising = halves(3).map((p, i) => ({ ...p, value: 800 + 90 * i }));
    expect(
      forecastEndOfTerm({ measureType: 'units_meeting', term, points: rising, maxValue: 1000 }).forecast
        ?.value,
    ).toBe(1000);
    const falling = halves(3).map((p, i) => ({ ...p, value: 30 - 14 * i }));
    expect(forecastEndOfTerm({ measureType: 'stock', term, points: falling }).forecast?.value).toBe(0);
  });

  it('a flat level stays flat', () => {
    const points = halves(3).map((p) => ({ ...p, value: 124 }));
    expect(forecastEndOfTerm({ measureType: 'stock', term, points }).forecast?.value).toBe(124);
  });
});

describe('no forecast, with a reason', () => {
  it.each([
    ['nothing reported', []],
    ['one period only', [{ ...halves(1)[0], value: 300 }]],
    ['two periods but one unreported', halves(2).map((p, i) => ({ ...p, value: i === 0 ? null : 5 }))],
  ])('%s', (_, points) => {
    const r = forecastEndOfTerm({ measureType: 'cumulative', term, points: points as never });
    expect(r.forecast).toBeNull();
    expect(r.reason?.vi).toContain(`${FORECAST_MIN_PERIODS} kỳ`);
    expect(r.reason?.en).toContain('reported periods');
  });

  it('after the term has ended', () => {
    const points = halves(10).map((p, i) => ({ ...p, value: i }));
    const r = forecastEndOfTerm({ measureType: 'cumulative', term, points });
    expect(r.forecast).toBeNull();
    expect(r.reason?.vi).toContain('kết thúc');
  });
});

describe('least squares', () => {
  it('fits a line exactly and a single x flat', () => {
    expect(leastSquares([0, 1, 2], [1, 3, 5])).toEqual({ slope: 2, intercept: 1 });
    expect(leastSquares([4, 4], [1, 3])).toEqual({ slope: 0, intercept: 2 });
  });
});

describe('plan line', () => {
  it('is straight from zero to the goal for a flow, with a point at each year end', () => {
    const line = planLine({ measureType: 'cumulative', term, baseline: 500, goal: 700 });
    expect(line.map((p) => p.date)).toEqual([
      '2022-01-01',
      '2022-12-31',
      '2023-12-31',
      '2024-12-31',
      '2025-12-31',
      '2026-12-31',
    ]);
    expect(line.map((p) => p.value)).toEqual([0, 140, 280, 420, 560, 700]);
  });

  it('starts from the baseline for a state', () => {
    const line = planLine({ measureType: 'ratio', term, baseline: 700, goal: 800 });
    expect(line[0]?.value).toBe(700);
    expect(line.at(-1)?.value).toBe(800);
    expect(line[2]?.value).toBe(740);
  });

  it('follows the yearly plan where set, and agrees with the status rule', () => {
    const yearlyPlan = [
      { year: 2022, amount: 400 },
      { year: 2023, amount: 100 },
      { year: 2024, amount: 100 },
      { year: 2025, amount: 50 },
      { year: 2026, amount: 50 },
    ];
    const line = planLine({ measureType: 'cumulative', term, baseline: 0, goal: 700, yearlyPlan });
    expect(line.map((p) => p.value)).toEqual([0, 400, 500, 600, 650, 700]);
    // The status rule's expectation on the same day is the same point of the plan.
    const judged = targetStatus({
      measureType: 'cumulative',
      direction: 'at_least',
      baseline: 0,
      goal: 700,
      value: 300,
      asOf: '2023-01-01',
      term,
      yearlyPlan,
    });
    expect(Math.round(judged.expectedShare * 700)).toBe(line[1]?.value);
  });

  it('goes down for an "at most" target', () => {
    const line = planLine({ measureType: 'stock', term, baseline: 100, goal: 50 });
    expect(line[0]?.value).toBe(100);
    expect(line.at(-1)?.value).toBe(50);
    expect(line[1]?.value).toBeLessThan(100);
  });

  it('a term starting mid-year gets its first year end and its last day', () => {
    const line = planLine({
      measureType: 'cumulative',
      term: { startDate: '2021-12-15', endDate: '2026-12-31' },
      baseline: 0,
      goal: 700,
    });
    expect(line[0]).toEqual({ date: '2021-12-15', value: 0 });
    expect(line[1]?.date).toBe('2021-12-31');
    expect(line.at(-1)).toEqual({ date: '2026-12-31', value: 700 });
  });
});
