import { describe, expect, it } from 'vitest';
import { COCKPIT_FILTERS, cockpitFilterOf, matches, unitsMatching } from './filter.ts';

const cell = (state: string, overdue = false, applies = true) => ({ periodId: 1, state, overdue, applies });
const unit = (id: number, ...states: ReturnType<typeof cell>[]) => ({ id, states });

describe('the cockpit filter by state', () => {
  const units = [
    unit(1, cell('submitted'), cell('approved')),
    unit(2, cell('returned'), cell('not_started', true)),
    unit(3, cell('draft'), cell('approved')),
    unit(4, cell('approved'), cell('not_started', false, false)),
  ];

  it('offers all, awaiting approval, returned, overdue and not submitted', () => {
    expect(COCKPIT_FILTERS).toEqual(['all', 'submitted', 'returned', 'overdue', 'unsubmitted']);
  });

  it('keeps the units with at least one report in that state', () => {
    const ids = (f: Parameters<typeof unitsMatching>[1]) => unitsMatching(units, f).map((u) => u.id);
    expect(ids('all')).toEqual([1, 2, 3, 4]);
    expect(ids('submitted')).toEqual([1]);
    expect(ids('returned')).toEqual([2]);
    expect(ids('overdue')).toEqual([2]);
    // Not submitted: not started or a draft, where the unit reports that period at all.
    expect(ids('unsubmitted')).toEqual([2, 3]);
  });

  it('never matches a period the unit does not report', () => {
    expect(matches(cell('not_started', false, false), 'unsubmitted')).toBe(false);
    expect(matches(cell('not_started', false, false), 'all')).toBe(true);
  });

  it('reads the address, the old owing=1 as overdue, anything else as all', () => {
    expect(cockpitFilterOf({ state: 'returned' })).toBe('returned');
    expect(cockpitFilterOf({ owing: true })).toBe('overdue');
    expect(cockpitFilterOf({ state: 'nonsense' })).toBe('all');
    expect(cockpitFilterOf({})).toBe('all');
  });
});
