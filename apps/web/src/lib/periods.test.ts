import { describe, expect, it } from 'vitest';
import { type PeriodLike, type PeriodReport, periodToOpen } from './periods.ts';

const half = (id: number, year: number, second: boolean): PeriodLike => ({
  id,
  kind: 'half',
  startDate: `${year}-${second ? '07-01' : '01-01'}`,
  endDate: `${year}-${second ? '12-31' : '06-30'}`,
  deadline: second ? `${year + 1}-01-15` : `${year}-07-15`,
});
const PERIODS = [
  half(1, 2024, false),
  half(2, 2024, true),
  half(3, 2025, false),
  half(4, 2025, true),
  half(5, 2026, false),
];
const report = (periodId: number, state: PeriodReport['state'], overdue = false): PeriodReport => ({
  periodId,
  state,
  applies: true,
  overdue,
});

describe('the period an entry clerk lands on', () => {
  it('the oldest overdue report, not the newest period', () => {
    const reports = [report(1, 'approved'), report(2, 'not_started', true), report(3, 'draft', true)];
    expect(periodToOpen(PERIODS, reports, '2026-03-01')?.id).toBe(2);
  });

  it('a report sent back counts as owed, whatever its deadline', () => {
    const reports = [report(1, 'approved'), report(2, 'approved'), report(3, 'returned')];
    expect(periodToOpen(PERIODS, reports, '2025-08-01')?.id).toBe(3);
  });

  it('periods outside the unit’s life are never opened for it', () => {
    const reports = [{ ...report(1, 'not_started', true), applies: false }, report(2, 'approved')];
    expect(periodToOpen(PERIODS, reports, '2025-03-01')?.id).toBe(2);
  });

  it('nothing owed: the latest period that has ended', () => {
    const reports = [report(1, 'approved'), report(2, 'submitted'), report(3, 'approved')];
    expect(periodToOpen(PERIODS, reports, '2025-08-01')?.id).toBe(3);
  });
});
