import { Skeleton } from '@mantine/core';
import { lazy, useDeferredValue } from 'react';
import { EmptyState, ErrorState, RetryButton } from '../../../components/States.tsx';
import { useI18n } from '../../../i18n.ts';
import { errorMessage } from '../../../lib/api-client.ts';
import { totalsByYear } from '../../../lib/figures.ts';
import { periodShortName } from '../../../lib/periods.ts';
import type { DashboardTarget } from '../api/get-dashboard.ts';
import { useSeries } from '../api/get-series.ts';
import type { ScopeParams } from '../api/scope.ts';
import type { YearRow } from '../charts/types.ts';
import { ChartCard } from './ChartCard.tsx';
import { PovertyYearTable, povertySummary } from './PovertyYearTable.tsx';

const PovertyChart = lazy(() => import('../charts/PovertyChart.tsx'));

const CHART_HEIGHT = 260;

/** Households out of poverty (CT2) per calendar year: the half-year reports added up. */
export function PovertySection({
  scope,
  target,
  showPlan,
}: {
  scope: ScopeParams;
  target: DashboardTarget;
  /** The yearly plan is the whole term's: show it only for the term's own unit. */
  showPlan: boolean;
}) {
  const { t } = useI18n();
  const series = useSeries({ ...scope, targetId: target.id });
  // Built from a deferred copy of the answer, in slices that leave a phone free (as the overview's).
  const answer = useDeferredValue(series.data);
  const plan = new Map(showPlan ? target.yearlyPlan.map((p) => [p.year, p.amount]) : []);
  const points = answer?.points ?? [];
  // Half-years not all units have reported yet: their year is marked, and the note says how many have.
  const incomplete = points.filter(
    (p) => p.period.coverage && p.period.coverage.reported < p.period.coverage.expected,
  );
  const incompleteYears = new Set(incomplete.map((p) => Number(p.startDate.slice(0, 4))));
  const rows: YearRow[] = totalsByYear(points).map((y) => ({
    key: String(y.year),
    label:
      (y.partialMonths === null
        ? String(y.year)
        : t('chart.poverty.partialYear', { year: y.year, months: y.partialMonths })) +
      (incompleteYears.has(y.year) ? ' *' : ''),
    value: y.value,
    plan: plan.get(y.year) ?? null,
  }));
  const note =
    incomplete.length > 0
      ? t('chart.incompleteNote', {
          list: incomplete
            .map((p) =>
              t('chart.incompletePeriod', {
                period: periodShortName({ kind: target.indicator.frequency, startDate: p.startDate }),
                reported: p.period.coverage?.reported ?? 0,
                expected: p.period.coverage?.expected ?? 0,
              }),
            )
            .join('; '),
        })
      : null;
  const hasPlan = rows.some((r) => r.plan !== null);
  const status = series.isError ? (
    <ErrorState
      message={errorMessage(series.error)}
      actions={<RetryButton onClick={() => series.refetch()} />}
    />
  ) : !answer ? (
    <Skeleton height={CHART_HEIGHT} radius="sm" />
  ) : rows.length === 0 ? (
    <EmptyState>{t('chart.empty')}</EmptyState>
  ) : undefined;

  // Titled by the chosen target's own words, whatever it is.
  const title = t('chart.byYear', { name: target.shortName });
  const table = <PovertyYearTable rows={rows} caption={title} />;
  const summary = povertySummary(t, rows);

  return (
    <ChartCard
      drawWhenSeen
      title={title}
      subtitle={t('chart.poverty.subtitle')}
      chartHeight={CHART_HEIGHT}
      status={status}
      table={table}
      hiddenTable={table}
      chart={
        <PovertyChart
          rows={rows}
          height={CHART_HEIGHT}
          summary={summary}
          labels={{ value: target.indicator.measurementUnit, plan: hasPlan ? t('chart.poverty.plan') : null }}
        />
      }
      footer={note ? <p className="chart-card__note">{note}</p> : undefined}
    />
  );
}
