import { describe, expect, it } from 'vitest';
import { meetingShare, reportedSums } from './grassroots.ts';

describe('the grassroots table', () => {
  it('writes the share of units meeting the rule, with one decimal as the tables do', () => {
    expect(meetingShare({ meeting: 7, expected: 8 })).toBe('87,5%');
    expect(meetingShare({ meeting: 8, expected: 8 })).toBe('100,0%');
  });

  it('shows a dash, not 0% or a division by zero, when no unit is expected', () => {
    expect(meetingShare({ meeting: 0, expected: 0 })).toBe('—');
  });

  it('adds up only the units that reported', () => {
    const units = [
      { value: 3, figure: { meeting: 3, expected: 4, reported: 4 } },
      // Not reported: its figures (here left from the structure) must not reach the total row.
      { value: null, figure: { meeting: 0, expected: 5, reported: 0 } },
      { value: 2, figure: { meeting: 2, expected: 2, reported: 1 } },
    ];
    expect(reportedSums(units)).toEqual({ meeting: 5, expected: 6, reported: 5 });
    expect(reportedSums([])).toEqual({ meeting: 0, expected: 0, reported: 0 });
  });
});
