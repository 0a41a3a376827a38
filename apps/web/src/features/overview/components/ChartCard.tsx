import { Skeleton } from '@mantine/core';
import { type ReactNode, Suspense, useId, useState } from 'react';
import { Segmented } from '../../../components/Segmented.tsx';
import { useI18n } from '../../../i18n.ts';
import { useSeen } from '../../../lib/use-seen.ts';

/**
 * A chart with its table alternative: the table is one click away (toggle) and always present for
 * screen readers. The chart itself is lazy-loaded, and with `drawWhenSeen` drawn only once the card
 * comes near the screen; `chartHeight` reserves its space meanwhile.
 */
export function ChartCard({
  title,
  subtitle,
  chart,
  table,
  hiddenTable,
  chartHeight,
  footer,
  status,
  drawWhenSeen = false,
}: {
  title: string;
  subtitle?: string;
  chart: ReactNode;
  table: ReactNode;
  /** The same table without interactive parts, read by screen readers while the chart shows. */
  hiddenTable: ReactNode;
  chartHeight: number;
  footer?: ReactNode;
  /** Loading, empty or error content instead of chart and table. */
  status?: ReactNode;
  /** Draw the chart only when the card comes near the screen (charts below the first screen). */
  drawWhenSeen?: boolean;
}) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'chart' | 'table'>('chart');
  const titleId = useId();
  const [ref, seen] = useSeen<HTMLElement>();
  const placeholder = (
    <div style={{ height: chartHeight }} className="chart-card__loading">
      <Skeleton height={chartHeight} radius="sm" />
      <span className="visually-hidden">{t('chart.loading')}</span>
    </div>
  );
  return (
    <section className="chart-card" aria-labelledby={titleId} ref={ref}>
      <div className="chart-card__head">
        <div>
          <h2 className="chart-card__title" id={titleId}>
            {title}
          </h2>
          {subtitle && <p className="chart-card__subtitle">{subtitle}</p>}
        </div>
        {!status && (
          <Segmented
            size="xs"
            className="chart-card__mode"
            aria-label={t('chart.view')}
            value={mode}
            onChange={setMode}
            data={[
              { value: 'chart' as const, label: t('chart.showChart') },
              { value: 'table' as const, label: t('chart.showTable') },
            ]}
          />
        )}
      </div>
      {status ??
        (mode === 'chart' ? (
          <>
            {seen || !drawWhenSeen ? <Suspense fallback={placeholder}>{chart}</Suspense> : placeholder}
            <div className="visually-hidden">{hiddenTable}</div>
          </>
        ) : (
          <div className="chart-card__table">{table}</div>
        ))}
      {footer}
    </section>
  );
}
