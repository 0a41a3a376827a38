import { describe, expect, it } from 'vitest';
import type { Cockpit } from '../cockpit/api/get-cockpit.ts';
import { pendingReports } from './pending.ts';

const state = (
  periodId: number,
  state: Cockpit['units'][number]['states'][number]['state'],
  since: string | null,
  flagged = 0,
) => ({
  periodId,
  state,
  since,
  applies: true,
  overdue: false,
  flagged,
  unexplained: 0,
});

const COCKPIT = {
  periods: [],
  units: [
    {
      id: 1,
      code: '22924',
      name: 'Phường Phú Thủy',
      parentName: 'Thành phố Phan Thiết',
      former: false,
      states: [
        state(10, 'approved', '2025-01-05T08:00:00.000Z'),
        state(11, 'submitted', '2025-07-20T08:00:00.000Z', 2),
      ],
    },
    {
      id: 2,
      code: '22921',
      name: 'Phường Phú Hài',
      parentName: 'Thành phố Phan Thiết',
      former: false,
      states: [
        state(10, 'submitted', '2025-07-02T09:30:00.000Z'),
        state(11, 'returned', '2025-07-21T08:00:00.000Z'),
      ],
    },
  ],
} satisfies Cockpit;

describe('the approver’s inbox', () => {
  it('lists only the reports sent for approval, the longest waiting first', () => {
    expect(pendingReports(COCKPIT).map((r) => [r.unitName, r.periodId])).toEqual([
      ['Phường Phú Hài', 10],
      ['Phường Phú Thủy', 11],
    ]);
  });

  it('carries how many of the report’s figures are flagged as unusual', () => {
    expect(pendingReports(COCKPIT).map((r) => [r.unitName, r.flagged])).toEqual([
      ['Phường Phú Hài', 0],
      ['Phường Phú Thủy', 2],
    ]);
  });

  it('is empty while the reporting status is loading', () => {
    expect(pendingReports(undefined)).toEqual([]);
  });
});
