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
import type { Axis } from '../format.ts';

export interface PeriodRow {
  key: number;
  label: string;
  value: number | null;
}

const COLOUR = '#009E73';

/** '6T đầu 2022' on two lines ('6T đầu' / '2022'), so period names never overlap on a phone. */
function TwoLineTick({
  x,
  y,
  payload,
}: {
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
}) {
  const text = String(payload?.value ?? '');
  const at = text.lastIndexOf(' ');
  const [first, second] = at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + 1)];
  return (
    <text x={Number(x)} y={Number(y)} textAnchor="middle" fontSize={11.5} fill="#3F4A57">
      <tspan x={Number(x)} dy="0.9em">
        {first}
      </tspan>
      {second && (
        <tspan x={Number(x)} dy="1.2em">
          {second}
        </tspan>
      )}
    </text>
  );
}

/** One bar per reporting period: what arose in it (or the level at its end, for states). */
export default function PeriodChart({
  rows,
  height,
  axis,
  summary,
  name,
}: {
  rows: PeriodRow[];
  height: number;
  axis: Axis;
  summary: string;
  name: string;
}) {
  const label = (value: unknown) => (typeof value === 'number' ? axis.tick(value) : '');
  return (
    <div className="chart" role="img" aria-label={summary} style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 22, right: 8, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid vertical={false} stroke="#E6E9EE" />
          <XAxis
            dataKey="label"
            tickLine={false}
            axisLine={{ stroke: '#C5CCD5' }}
            interval={0}
            height={40}
            tick={(props) => <TwoLineTick {...props} />}
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
            cursor={{ fill: 'rgba(11, 84, 159, 0.06)' }}
            formatter={(value) => [typeof value === 'number' ? axis.full(value) : '—', name]}
          />
          <Bar dataKey="value" name={name} fill={COLOUR} radius={[4, 4, 0, 0]} isAnimationActive={false}>
            <LabelList dataKey="value" position="top" formatter={label} className="chart-value-label" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
