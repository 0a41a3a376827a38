/**
 * Child units as horizontal bars, in the order given, with the value at each bar's end. A bar click
 * opens the unit (the table beside every such chart does the same by keyboard). Used by the works
 * chart (one colour per measure) and the target page's units chart (one colour per status, hatched
 * where lib/status.ts says so). An optional marker draws a second value of each row as a dark
 * vertical mark across its bar (the target allocated to the unit).
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

import { STATUS_STYLES, type StatusKey } from '../../../lib/status.ts';

const LABEL_WIDTH = 150;
export const MARKER_COLOUR = '#1E2A36';

/** The hatch patterns svgFill() refers to, one per hatched status. */
function StatusPatterns() {
  const hatched = (Object.keys(STATUS_STYLES) as StatusKey[]).filter((k) => STATUS_STYLES[k].hatched);
  return (
    <defs>
      {hatched.map((key) => (
        <pattern
          key={key}
          id={`status-hatch-${key}`}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" fill="#FFFFFF" />
          <rect width="4" height="6" fill={STATUS_STYLES[key].fill} />
        </pattern>
      ))}
    </defs>
  );
}

interface LabelProps {
  x?: number | string;
  y?: number | string;
  width?: number | string;
  height?: number | string;
  value?: unknown;
  index?: number;
}

/** A bar's value at its right end, or just past its mark when the mark would cross the value. */
function ValueAfterMark({
  x,
  y,
  width,
  height,
  value,
  index,
  mark,
  format,
}: LabelProps & { mark: (index: number) => number | null; format: (value: unknown) => string }) {
  const [left, top, w, h] = [x, y, width, height].map((n) => Number(n ?? 0)) as [
    number,
    number,
    number,
    number,
  ];
  const end = left + w;
  const marked = index === undefined ? null : mark(index);
  // The bar's scale from its own length: value units per pixel (a bar of 0 has no scale to read).
  const at = marked !== null && typeof value === 'number' && value > 0 ? left + (marked * w) / value : end;
  const text = format(value);
  // Beside the bar as usual; after the mark only when the mark would cross the text.
  const textWidth = text.length * 8 + 8;
  const overlaps = at > end - 3 && at < end + textWidth;
  return (
    <text
      x={(overlaps ? at + 2 : end) + 5}
      y={top + h / 2}
      dominantBaseline="central"
      className="chart-value-label"
    >
      {text}
    </text>
  );
}

/** A dark vertical mark at the end of an invisible bar: where the row's marker value is. */
function MarkerShape(props: unknown) {
  const { x, y, width, height, value } = props as {
    x?: number;
    y?: number;
    width?: number;
    height?: number;
    value?: number | null;
  };
  if (value === null || value === undefined || x === undefined || y === undefined) return <g />;
  const at = x + (width ?? 0);
  return (
    <line
      className="bar-marker"
      x1={at}
      x2={at}
      y1={y - 3}
      y2={y + (height ?? 0) + 3}
      stroke={MARKER_COLOUR}
      strokeWidth={3}
    />
  );
}

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
  marker,
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
  /** A second value per row drawn as a mark (e.g. the allocation), named in the tooltip. */
  marker?: { dataKey: string; name: string };
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
          <StatusPatterns />
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
          {/* The marker's own category axis, the same bands: its bars overlap the values' bars. */}
          {marker && <YAxis yAxisId="marker" type="category" dataKey="shortName" hide />}
          <Tooltip
            separator=": "
            cursor={{ fill: 'rgba(11, 84, 159, 0.06)' }}
            labelFormatter={(_, payload) => (payload?.[0]?.payload as R | undefined)?.name ?? ''}
            formatter={(value, seriesName) => [
              typeof value === 'number' ? tooltipFormatter(value) : '—',
              seriesName ?? name,
            ]}
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
              {...(marker
                ? {
                    // The value goes after the bar's mark when the mark lies beyond the bar's end.
                    content: (props: unknown) => (
                      <ValueAfterMark
                        {...(props as LabelProps)}
                        mark={(index) => {
                          const row = rows[index] as Record<string, unknown> | undefined;
                          const v = row?.[marker.dataKey];
                          return typeof v === 'number' ? v : null;
                        }}
                        format={labelFormatter}
                      />
                    ),
                  }
                : {})}
            />
          </Bar>
          {marker && (
            <Bar
              yAxisId="marker"
              dataKey={marker.dataKey}
              name={marker.name}
              fill={MARKER_COLOUR}
              shape={MarkerShape}
              isAnimationActive={false}
            />
          )}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
