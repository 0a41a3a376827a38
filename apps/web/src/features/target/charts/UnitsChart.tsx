import { HorizontalBars } from '../../overview/charts/HorizontalBars.tsx';
import type { Axis } from '../format.ts';

export interface UnitBar {
  id: number;
  name: string;
  shortName: string;
  value: number;
  /** The target allocated to the unit, drawn as a mark across its bar; null when none. */
  allocation: number | null;
  fill: string;
}

/**
 * Child units as a sorted horizontal bar chart, coloured by status (the table beside it says the
 * status in words). A bar click opens the unit; the table's buttons do the same by keyboard.
 */
export default function UnitsChart({
  rows,
  height,
  axis,
  summary,
  name,
  allocationName,
  onSelect,
}: {
  rows: UnitBar[];
  height: number;
  axis: Axis;
  summary: string;
  name: string;
  /** Set when some unit has an allocation: the marks' name in the tooltip. */
  allocationName: string | null;
  onSelect: (unitId: number) => void;
}) {
  const label = (value: unknown) => (typeof value === 'number' ? axis.tick(value) : '');
  return (
    <div className="chart units-chart" role="img" aria-label={summary}>
      <HorizontalBars
        rows={rows}
        height={height}
        dataKey="value"
        name={name}
        colour={(row) => row.fill}
        tickFormatter={axis.tick}
        labelFormatter={label}
        tooltipFormatter={axis.full}
        onSelect={onSelect}
        {...(allocationName ? { marker: { dataKey: 'allocation', name: allocationName } } : {})}
      />
    </div>
  );
}
