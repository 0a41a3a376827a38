import { formatInteger, formatMoney } from '@chitieu/core';
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
import { type MoneyScale, scaledMoneyText } from '../../../lib/figures.ts';
import type { UnitRow } from './types.ts';

const COUNT_COLOUR = '#0072B2';
const VALUE_COLOUR = '#E69F00';
const LABEL_WIDTH = 146;

const countLabel = (value: unknown) => (typeof value === 'number' ? formatInteger(value) : '');

function HorizontalBars({
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
  rows: UnitRow[];
  height: number;
  dataKey: 'count' | 'value';
  name: string;
  colour: string;
  tickFormatter: (value: number) => string;
  labelFormatter: (value: unknown) => string;
  tooltipFormatter: (value: number) => string;
  onSelect: (unitId: number) => void;
}) {
  return (
    <div className="works-chart__panel">
      <p className="works-chart__label">
        <span className="chart-legend__swatch" style={{ background: colour }} aria-hidden="true" />
        {name}
      </p>
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
              labelFormatter={(_, payload) => (payload?.[0]?.payload as UnitRow | undefined)?.name ?? ''}
              formatter={(value) => [typeof value === 'number' ? tooltipFormatter(value) : '—', name]}
            />
            <Bar
              dataKey={dataKey}
              name={name}
              fill={colour}
              radius={[0, 4, 4, 0]}
              isAnimationActive={false}
              cursor="pointer"
              minPointSize={2}
              onClick={(_, index) => {
                const row = rows[index];
                if (row) onSelect(row.id);
              }}
            >
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
    </div>
  );
}

/** Works per child unit, and their value in tỷ đồng, as two aligned horizontal bar charts. */
export default function WorksChart({
  rows,
  height,
  summary,
  labels,
  moneyScale,
  onSelect,
}: {
  rows: UnitRow[];
  height: number;
  summary: string;
  labels: { count: string; value: string | null };
  /** Value axis and bar labels in tỷ or triệu (the tooltip and the table give the full amount). */
  moneyScale: MoneyScale;
  onSelect: (unitId: number) => void;
}) {
  const money = (value: number) => scaledMoneyText(value, moneyScale);
  const moneyLabel = (value: unknown) => (typeof value === 'number' ? money(value) : '');
  return (
    <div className="chart works-chart" role="img" aria-label={summary}>
      <HorizontalBars
        rows={rows}
        height={height}
        dataKey="count"
        name={labels.count}
        colour={COUNT_COLOUR}
        tickFormatter={formatInteger}
        labelFormatter={countLabel}
        tooltipFormatter={formatInteger}
        onSelect={onSelect}
      />
      {labels.value && (
        <HorizontalBars
          rows={rows}
          height={height}
          dataKey="value"
          name={labels.value}
          colour={VALUE_COLOUR}
          tickFormatter={money}
          labelFormatter={moneyLabel}
          tooltipFormatter={(v) => formatMoney(v)}
          onSelect={onSelect}
        />
      )}
    </div>
  );
}
