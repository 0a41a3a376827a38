/** The grassroots table's sums: what the total row adds up, and a share written as a percentage. */
import { pctOfGoalText } from '../../lib/figures.ts';

export interface MeetingFigure {
  meeting: number;
  expected: number;
  reported: number;
}

/** Units meeting the rule out of those expected, as "87,5%"; "—" when none are expected. */
export const meetingShare = (f: Pick<MeetingFigure, 'meeting' | 'expected'>) =>
  f.expected > 0 ? (pctOfGoalText(f.meeting, f.expected, null) ?? '—') : '—';

/** The total row adds up the rows above it: only units that reported (a unit not reporting shows no figures). */
export function reportedSums(
  units: readonly { value: number | null; figure: MeetingFigure }[],
): MeetingFigure {
  return units
    .filter((u) => u.value !== null)
    .reduce(
      (sum, u) => ({
        meeting: sum.meeting + u.figure.meeting,
        expected: sum.expected + u.figure.expected,
        reported: sum.reported + u.figure.reported,
      }),
      { meeting: 0, expected: 0, reported: 0 },
    );
}
