/**
 * The cockpit's filter by report state, kept in the address as ?state= (the older ?owing=1 reads
 * as "quá hạn"). A unit is listed when at least one of its periods is in the chosen state; its
 * other cells are shown dimmed, so the row still reads in full.
 */
export const COCKPIT_FILTERS = ['all', 'submitted', 'returned', 'overdue', 'unsubmitted'] as const;
export type CockpitFilter = (typeof COCKPIT_FILTERS)[number];

export interface FilterCell {
  state: string;
  overdue: boolean;
  /** Whether the unit reports this period at all (it existed then). */
  applies: boolean;
}

export function isCockpitFilter(value: unknown): value is CockpitFilter {
  return (COCKPIT_FILTERS as readonly unknown[]).includes(value);
}

/** The filter an address asks for; anything unknown is "all". */
export function cockpitFilterOf(view: {
  state?: string | undefined;
  owing?: boolean | undefined;
}): CockpitFilter {
  if (isCockpitFilter(view.state)) return view.state;
  return view.owing ? 'overdue' : 'all';
}

/** Whether a report (one unit, one period) is in the chosen state. */
export function matches(cell: FilterCell, filter: CockpitFilter): boolean {
  if (filter === 'all') return true;
  if (!cell.applies) return false;
  switch (filter) {
    case 'submitted':
      return cell.state === 'submitted';
    case 'returned':
      return cell.state === 'returned';
    case 'overdue':
      return cell.overdue;
    case 'unsubmitted':
      return cell.state === 'not_started' || cell.state === 'draft';
  }
}

export function unitsMatching<U extends { states: readonly FilterCell[] }>(
  units: readonly U[],
  filter: CockpitFilter,
): U[] {
  return filter === 'all' ? [...units] : units.filter((u) => u.states.some((s) => matches(s, filter)));
}
