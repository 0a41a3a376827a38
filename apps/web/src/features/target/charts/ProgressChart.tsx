import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { type Axis, dayLabel } from '../format.ts';

export interface ProgressRow {
  /** Day number (see format.ts). */
  day: number;
  actual: number | null;
  plan: number | null;
  forecast: number | null;
}

export const ACTUAL_COLOUR = '#0072B2';
export const PLAN_COLOUR = '#8A94A1';
export const FORECAST_COLOUR = '#D55E00';

/**
 * The figure to date over the term (solid), the plan (grey) and the forecast to the term's end
 * (dashed, a different colour and a different stroke, so it reads without colour too).
 */
export default function ProgressChart({
  rows,
  height,
  axis,
  yearTicks,
  domain,
  summary,
  labels,
  stepped = false,
}: {
  rows: ProgressRow[];
  height: number;
  axis: Axis;
  yearTicks: number[];
  domain: [number, number];
  summary: string;
  labels: { actual: string; plan: string | null; forecast: string | null };
  /** A running total: drawn in steps at the end of each period, never as a slope between reports. */
  stepped?: boolean;
}) {
  return (
    <div className="chart">
      <ul className="chart-legend" aria-hidden="true">
        <li>
          <span className="chart-legend__line" style={{ borderColor: ACTUAL_COLOUR }} />
          {labels.actual}
        </li>
        {labels.plan && (
          <li>
            <span className="chart-legend__line" style={{ borderColor: PLAN_COLOUR }} />
            {labels.plan}
          </li>
        )}
        {labels.forecast && (
          <li>
            <span
              className="chart-legend__line chart-legend__line--dashed"
              style={{ borderColor: FORECAST_COLOUR }}
            />
            {labels.forecast}
          </li>
        )}
      </ul>
      <div role="img" aria-label={summary} style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart
            data={rows}
            margin={{ top: 12, right: 16, bottom: 4, left: 4 }}
            accessibilityLayer={false}
          >
            <CartesianGrid stroke="#E6E9EE" />
            <XAxis
              type="number"
              dataKey="day"
              domain={domain}
              ticks={yearTicks}
              tickFormatter={(day: number) => dayLabel(day).slice(6)}
              tickLine={false}
              axisLine={{ stroke: '#C5CCD5' }}
              tick={{ fontSize: 12, fill: '#3F4A57' }}
            />
            <YAxis
              tickFormatter={axis.tick}
              allowDecimals={false}
              tickLine={false}
              axisLine={false}
              width={56}
              tick={{ fontSize: 12, fill: '#5B6673' }}
            />
            <Tooltip
              separator=": "
              labelFormatter={(day) => (typeof day === 'number' ? dayLabel(day) : '')}
              formatter={(value, name) => [typeof value === 'number' ? axis.full(value) : '—', name]}
            />
            {labels.plan && (
              <Line
                dataKey="plan"
                name={labels.plan}
                stroke={PLAN_COLOUR}
                strokeWidth={2}
                dot={false}
                connectNulls
                isAnimationActive={false}
              />
            )}
            <Line
              dataKey="actual"
              name={labels.actual}
              type={stepped ? 'stepAfter' : 'linear'}
              stroke={ACTUAL_COLOUR}
              strokeWidth={3}
              dot={{ r: 3.5, fill: ACTUAL_COLOUR }}
              connectNulls
              isAnimationActive={false}
            />
            {labels.forecast && (
              <Line
                dataKey="forecast"
                name={labels.forecast}
                stroke={FORECAST_COLOUR}
                strokeWidth={2.5}
                strokeDasharray="7 5"
                dot={{ r: 3, fill: '#fff', stroke: FORECAST_COLOUR }}
                connectNulls
                isAnimationActive={false}
              />
            )}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
