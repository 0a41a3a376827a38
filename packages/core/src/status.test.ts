import { describe, expect, it } from 'vitest';
import {
  elapsedShare,
  headline,
  isNotAssigned,
  PACE_AT_RISK,
  PACE_ON_TRACK,
  paceStatus,
  plannedShare,
  type StatusInput,
  targetStatus,
} from './status.ts';

const term = { startDate: '2022-01-01', endDate: '2026-12-31' };
const base: StatusInput = {
  measureType: 'cumulative',
  direction: 'at_least',
  baseline: 0,
  goal: 700,
  value: 0,
  asOf: '2024-07-01',
  term,
};

describe('pace bands', () => {
  it('are the constants of DESIGN.md', () => {
    expect(PACE_ON_TRACK).toBe(0.9);
    expect(PACE_AT_RISK).toBe(0.7);
  });
  it.each([
    [0.5, 0.5, 'on_track'],
    [0.45, 0.5, 'on_track'], // exactly 90% of pace
    [0.449, 0.5, 'at_risk'],
    [0.35, 0.5, 'at_risk'], // exactly 70%
    [0.349, 0.5, 'behind'],
    [0, 0, 'on_track'], // nothing expected yet
  ] as const)('progress %d against expected %d is %s', (progress, expected, status) => {
    expect(paceStatus(progress, expected)).toBe(status);
  });
});

describe('targetStatus', () => {
  it.each([
    ['above the goal is exceeded', { value: 746 }, 'exceeded'],
    ['at the goal is achieved', { value: 700 }, 'achieved'],
    ['on pace is on track', { value: 330 }, 'on_track'], // expected ≈ 0.5 × 700 = 350, 94%
    ['behind pace by 20% is at risk', { value: 280 }, 'at_risk'],
    ['far behind is behind', { value: 100 }, 'behind'],
    ['nothing reported has no status', { value: null }, null],
    ['no goal has no status', { goal: null, value: 13 }, null],
  ] as const)('%s', (_, over, status) => {
    expect(targetStatus({ ...base, ...over }).status).toBe(status);
  });

  it('measures stock and ratio progress from the baseline', () => {
    // 70,0% → 80,0%: at 75,0% half-way there.
    const r = targetStatus({ ...base, measureType: 'ratio', baseline: 700, goal: 800, value: 750 });
    expect(r.progress).toBeCloseTo(0.5);
    expect(r.status).toBe('on_track');
    // Without the baseline it would look like 94% of the goal and hide a slow start.
    const slow = targetStatus({ ...base, measureType: 'stock', baseline: 700, goal: 800, value: 720 });
    expect(slow.progress).toBeCloseTo(0.2);
    expect(slow.status).toBe('behind');
  });

  it('cumulative progress ignores the baseline (flows start from zero each term)', () => {
    expect(targetStatus({ ...base, baseline: 500, value: 350 }).progress).toBeCloseTo(0.5);
  });

  it('gives % so với NQ as value / goal', () => {
    expect(targetStatus({ ...base, value: 746 }).pctOfGoal).toBeCloseTo(1.0657, 4);
  });

  it('judges "at most" targets only at the end of the term', () => {
    const atMost = {
      ...base,
      measureType: 'stock' as const,
      direction: 'at_most' as const,
      baseline: 100,
      goal: 50,
    };
    expect(targetStatus({ ...atMost, value: 40, asOf: '2024-07-01' }).status).not.toBe('exceeded');
    expect(targetStatus({ ...atMost, value: 40, asOf: '2026-12-31' }).status).toBe('exceeded');
    expect(targetStatus({ ...atMost, value: 50, asOf: '2026-12-31' }).status).toBe('achieved');
    expect(targetStatus({ ...atMost, value: 60, asOf: '2026-12-31' }).status).toBe('behind');
    expect(targetStatus({ ...atMost, value: 75, asOf: '2024-07-01' }).status).toBe('on_track'); // half-way, half-time
  });

  it('follows the yearly plan where one is set', () => {
    // Front-loaded plan: 400 expected by the end of 2022, so 300 then is behind even though the line says 140.
    const plan = [
      { year: 2022, amount: 400 },
      { year: 2023, amount: 100 },
      { year: 2024, amount: 100 },
      { year: 2025, amount: 50 },
      { year: 2026, amount: 50 },
    ];
    expect(targetStatus({ ...base, value: 300, asOf: '2023-01-01' }).status).toBe('on_track');
    expect(targetStatus({ ...base, value: 300, asOf: '2023-01-01', yearlyPlan: plan }).status).toBe(
      'at_risk',
    );
  });
});

describe('shares of the term', () => {
  it.each([
    ['2021-06-01', 0],
    ['2022-01-01', 0],
    ['2024-07-02', 0.5],
    ['2026-12-31', 1],
    ['2030-01-01', 1],
  ])('elapsed on %s is %d', (asOf, share) => {
    expect(elapsedShare(term, asOf)).toBeCloseTo(share, 2);
  });
  it('a plan of equal years matches the straight line at year ends', () => {
    const plan = [2022, 2023, 2024, 2025, 2026].map((year) => ({ year, amount: 140 }));
    expect(plannedShare(plan, term, '2024-01-01')).toBeCloseTo(0.4, 2);
  });
});

describe('headline', () => {
  it('counts counted targets that are exceeded or achieved: 7/8', () => {
    const statuses = [
      'achieved',
      'exceeded',
      'exceeded',
      'exceeded',
      'achieved',
      'exceeded',
      'exceeded',
      'at_risk',
    ] as const;
    const targets = [
      ...statuses.map((status) => ({ counted: true, status })),
      { counted: false, status: 'exceeded' as const },
      { counted: false, status: null },
    ];
    expect(headline(targets)).toEqual({ done: 7, counted: 8, noCases: 0 });
  });
  it('a target with no report is not done', () => {
    expect(headline([{ counted: true, status: null }])).toEqual({ done: 0, counted: 1, noCases: 0 });
  });
  it('a target with no case arising (0/0) is neither done nor owed: "1/1, 1 không phát sinh"', () => {
    const targets = [
      { counted: true, status: 'achieved' as const },
      { counted: true, status: null, noCases: true },
    ];
    expect(headline(targets)).toEqual({ done: 1, counted: 1, noCases: 1 });
  });
});

describe('pace edge cases', () => {
  it('an "at most" target moving away from its goal before the end is behind', () => {
    const atMost = {
      ...base,
      measureType: 'stock' as const,
      direction: 'at_most' as const,
      baseline: 100,
      goal: 50,
    };
    // Rose from 100 to 110: negative progress.
    const r = targetStatus({ ...atMost, value: 110, asOf: '2024-07-01' });
    expect(r.progress).toBeLessThan(0);
    expect(r.status).toBe('behind');
  });

  it('a yearly plan counts the elapsed part of the current year', () => {
    const plan = [2022, 2023, 2024, 2025, 2026].map((year, i) => ({ year, amount: i === 2 ? 300 : 100 }));
    // Mid-2024: 2022 and 2023 done (200) plus about half of 2024's 300 → ≈ 350 of 700.
    expect(plannedShare(plan, term, '2024-07-02')).toBeCloseTo(0.5, 2);
    // The same value is on track against this plan only if it keeps up with the heavy year.
    expect(targetStatus({ ...base, value: 320, asOf: '2024-07-02', yearlyPlan: plan }).status).toBe(
      'on_track',
    );
    expect(targetStatus({ ...base, value: 240, asOf: '2024-07-02', yearlyPlan: plan }).status).toBe('behind');
  });

  it('a share measured from its baseline: starting at the goal is achieved, below it is judged by pace', () => {
    const share = { ...base, measureType: 'units_meeting' as const, baseline: 900, goal: 1000 };
    expect(targetStatus({ ...share, value: 1000 }).status).toBe('achieved');
    expect(targetStatus({ ...share, value: 900 }).progress).toBe(0);
    expect(targetStatus({ ...share, value: 900 }).status).toBe('behind');
  });

  it('before the term starts nothing is expected yet', () => {
    const r = targetStatus({ ...base, value: 0, asOf: '2021-06-01' });
    expect(r.expectedShare).toBe(0);
    expect(r.status).toBe('on_track');
  });
});

describe('isNotAssigned: "không giao" rather than "chưa báo cáo"', () => {
  const row = (allocation: number | null, hasData: boolean) => ({ allocation, figure: { hasData } });
  const reportedOwn = { figure: { hasData: true } };

  it('a unit without an allocation beside allocated siblings is not assigned', () => {
    const rows = [row(110, true), row(90, false), row(null, false)];
    expect(rows.map((r) => isNotAssigned(r, rows, null))).toEqual([false, false, true]);
  });

  it('a target only the parent reports is assigned to none of the children', () => {
    const rows = [row(null, false), row(null, false)];
    expect(rows.map((r) => isNotAssigned(r, rows, reportedOwn))).toEqual([true, true]);
  });

  it('children of an unallocated target that some of them report still owe it', () => {
    const rows = [row(null, true), row(null, false)];
    expect(rows.map((r) => isNotAssigned(r, rows, reportedOwn))).toEqual([false, false]);
    // Nobody reported yet, the parent neither: all still owe it.
    const none = [row(null, false), row(null, false)];
    expect(none.map((r) => isNotAssigned(r, none, null))).toEqual([false, false]);
  });

  it('a target counted over grassroots units is not given to a unit with none below it', () => {
    const rows = [
      { allocation: null, figure: { hasData: true, expected: 18 } },
      { allocation: null, figure: { hasData: false, expected: 9 } },
      { allocation: null, figure: { hasData: false, expected: 0 } },
    ];
    const judged = rows.map((r) => isNotAssigned(r, rows, null, { unitsMeeting: true }));
    expect(judged).toEqual([false, false, true]);
    // Other measures do not count grassroots units: the rule does not apply.
    expect(isNotAssigned(rows[2] as (typeof rows)[number], rows, null)).toBe(false);
  });

  it('a unit that reported shows its figure even without an allocation', () => {
    const rows = [row(110, true), row(null, true)];
    expect(isNotAssigned(rows[1] as (typeof rows)[number], rows, null)).toBe(false);
  });
});
