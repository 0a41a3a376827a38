import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Axis } from '../format.ts';

export interface UnitBar {
  id: number;
  name: string;
  shortName: string;
  value: number;
  fill: string;
}

const LABEL_WIDTH = 150;

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
  onSelect,
}: {
  rows: UnitBar[];
  height: number;
  axis: Axis;
  summary: string;
  name: string;
  onSelect: (unitId: number) => void;
}) {
  const label = (value: unknown) => (typeof value === 'number' ? axis.tick(value) : '');
  return (
    <div className="chart units-chart" role="img" aria-label={summary} style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={rows}
          layout="vertical"
          margin={{ top: 4, right: 56, bottom: 4, left: 0 }}
          barCategoryGap={6}
          accessibilityLayer={false}
        >
          <CartesianGrid horizontal={false} stroke="#E6E9EE" />
          <XAxis
            type="number"
            tickFormatter={axis.tick}
            allowDecimals={false}
            tickLine={false}
            axisLine={false}
            tick={{ fontSize: 12, fill: '#5B6673' }}
          />
          <YAxis
            type="category"
            dataKey="shortName"
            width={LABEL_WIDTH}
            tickLine={false}
            axisLine={{ stroke: '#C5CCD5' }}
            interval={0}
            tick={{ fontSize: 12.5, fill: '#27313C' }}
          />
          <Tooltip
            separator=": "
            cursor={{ fill: 'rgba(11, 84, 159, 0.06)' }}
            labelFormatter={(_, payload) => (payload?.[0]?.payload as UnitBar | undefined)?.name ?? ''}
            formatter={(value) => [typeof value === 'number' ? axis.full(value) : '—', name]}
          />
          <Bar
            dataKey="value"
            name={name}
            radius={[0, 4, 4, 0]}
            isAnimationActive={false}
            cursor="pointer"
            minPointSize={2}
            onClick={(_, index) => {
              const row = rows[index];
              if (row) onSelect(row.id);
            }}
          >
            {rows.map((row) => (
              <Cell key={row.id} fill={row.fill} />
            ))}
            <LabelList dataKey="value" position="right" formatter={label} className="chart-value-label" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
