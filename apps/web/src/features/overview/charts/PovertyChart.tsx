import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatInteger } from '../../../lib/numbers.ts';
import type { YearRow } from './types.ts';

const VALUE_COLOUR = '#009E73';
const PLAN_COLOUR = '#C5CCD5';

const integerLabel = (value: unknown) => (typeof value === 'number' ? formatInteger(value) : '');

/** Bars per calendar year (households), with the year's plan beside them when there is one. */
export default function PovertyChart({
  rows,
  height,
  summary,
  labels,
}: {
  rows: YearRow[];
  height: number;
  summary: string;
  labels: { value: string; plan: string | null };
}) {
  return (
    <div className="chart">
      <ul className="chart-legend" aria-hidden="true">
        <li>
          <span className="chart-legend__swatch" style={{ background: VALUE_COLOUR }} />
          {labels.value}
        </li>
        {labels.plan && (
          <li>
            <span className="chart-legend__swatch" style={{ background: PLAN_COLOUR }} />
            {labels.plan}
          </li>
        )}
      </ul>
      <div role="img" aria-label={summary} style={{ height }}>
        <ResponsiveContainer width="100%" height="100%">
          <BarChart
            data={rows}
            margin={{ top: 24, right: 8, bottom: 4, left: 0 }}
            barGap={4}
            accessibilityLayer={false}
          >
            <CartesianGrid vertical={false} stroke="#E6E9EE" />
            <XAxis
              dataKey="label"
              tickLine={false}
              axisLine={{ stroke: '#C5CCD5' }}
              tick={{ fontSize: 13, fill: '#3F4A57' }}
            />
            <YAxis
              tickFormatter={(v: number) => formatInteger(v)}
              tickLine={false}
              axisLine={false}
              width={44}
              tick={{ fontSize: 12, fill: '#5B6673' }}
              allowDecimals={false}
            />
            <Tooltip
              separator=": "
              cursor={{ fill: 'rgba(11, 84, 159, 0.06)' }}
              formatter={(value, name) => [typeof value === 'number' ? formatInteger(value) : '—', name]}
            />
            <Bar
              dataKey="value"
              name={labels.value}
              fill={VALUE_COLOUR}
              radius={[4, 4, 0, 0]}
              isAnimationActive={false}
            >
              <LabelList
                dataKey="value"
                position="top"
                formatter={integerLabel}
                className="chart-value-label"
              />
            </Bar>
            {labels.plan && (
              <Bar
                dataKey="plan"
                name={labels.plan}
                fill={PLAN_COLOUR}
                radius={[4, 4, 0, 0]}
                isAnimationActive={false}
              >
                <LabelList
                  dataKey="plan"
                  position="top"
                  formatter={integerLabel}
                  className="chart-plan-label"
                />
              </Bar>
            )}
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
