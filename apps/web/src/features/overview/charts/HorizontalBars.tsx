/**
 * Child units as horizontal bars, in the order given, with the value at each bar's end. A bar click
 * opens the unit (the table beside every such chart does the same by keyboard). Used by the works
 * chart (one colour per measure) and the target page's units chart (one colour per status).
 */
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

const LABEL_WIDTH = 150;

export interface BarUnit {
  id: number;
  /** Full name, for the tooltip. */
  name: string;
  /** On the axis. */
  shortName: string;
}

export function HorizontalBars<R extends BarUnit>({
  rows,
  height,
  dataKey,
  name,
  colour,
  tickFormatter,
  labelFormatter,
  tooltipFormatter,
  onSelect,
}: {
  rows: R[];
  height: number;
  dataKey: string;
  name: string;
  /** One colour, or one per row. */
  colour: string | ((row: R) => string);
  tickFormatter: (value: number) => string;
  labelFormatter: (value: unknown) => string;
  tooltipFormatter: (value: number) => string;
  onSelect: (unitId: number) => void;
}) {
  return (
    <div style={{ height }}>
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
            tickFormatter={tickFormatter}
            tickLine={false}
            axisLine={false}
            tick={{ fontSize: 12, fill: '#5B6673' }}
            allowDecimals={false}
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
            labelFormatter={(_, payload) => (payload?.[0]?.payload as R | undefined)?.name ?? ''}
            formatter={(value) => [typeof value === 'number' ? tooltipFormatter(value) : '—', name]}
          />
          <Bar
            dataKey={dataKey}
            name={name}
            fill={typeof colour === 'string' ? colour : undefined}
            radius={[0, 4, 4, 0]}
            isAnimationActive={false}
            cursor="pointer"
            minPointSize={2}
            onClick={(_, index) => {
              const row = rows[index];
              if (row) onSelect(row.id);
            }}
          >
            {typeof colour === 'function' && rows.map((row) => <Cell key={row.id} fill={colour(row)} />)}
            <LabelList
              dataKey={dataKey}
              position="right"
              formatter={labelFormatter}
              className="chart-value-label"
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
