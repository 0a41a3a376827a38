import type { ReactNode } from 'react';
import { type MoneyScale, scaledMoneyText } from '../../../lib/figures.ts';
import { formatInteger, formatMoney } from '../../../lib/numbers.ts';
import { HorizontalBars } from './HorizontalBars.tsx';
import type { UnitRow } from './types.ts';

const COUNT_COLOUR = '#0072B2';
const VALUE_COLOUR = '#E69F00';

const countLabel = (value: unknown) => (typeof value === 'number' ? formatInteger(value) : '');

/** One measure's bars under its name and colour key. */
function Panel({ name, colour, children }: { name: string; colour: string; children: ReactNode }) {
  return (
    <div className="works-chart__panel">
      <p className="works-chart__label">
        <span className="chart-legend__swatch" style={{ background: colour }} aria-hidden="true" />
        {name}
      </p>
      {children}
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
      <Panel name={labels.count} colour={COUNT_COLOUR}>
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
      </Panel>
      {labels.value && (
        <Panel name={labels.value} colour={VALUE_COLOUR}>
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
        </Panel>
      )}
    </div>
  );
}
