import { compareVietnamese, formatDate, isNotAssigned, shortUnitName } from '@chitieu/core';
import { Skeleton } from '@mantine/core';
import { lazy, useDeferredValue } from 'react';
import { EmptyState, ErrorState, RetryButton } from '../../../components/States.tsx';
import { useI18n } from '../../../i18n.ts';
import { errorMessage } from '../../../lib/api-client.ts';
import { moneyScale, valueText } from '../../../lib/figures.ts';
import { formatInteger, formatMoney } from '../../../lib/numbers.ts';
import { useBreakdown } from '../api/get-breakdown.ts';
import type { DashboardTarget } from '../api/get-dashboard.ts';
import type { ScopeParams } from '../api/scope.ts';
import type { UnitRow } from '../charts/types.ts';
import { ChartCard } from './ChartCard.tsx';

const WorksChart = lazy(() => import('../charts/WorksChart.tsx'));

const ROW_HEIGHT = 30;

/** New-rural-area works (CT3) by child unit: number of works and their value. */
export function WorksSection({
  scope,
  target,
  asOf,
  onSelectUnit,
}: {
  scope: ScopeParams;
  target: DashboardTarget;
  asOf: string;
  onSelectUnit: (unitId: number) => void;
}) {
  const { t } = useI18n();
  const breakdown = useBreakdown({ ...scope, targetId: target.id });
  // Built from a deferred copy of the answer, in slices that leave a phone free (as the overview's).
  const answer = useDeferredValue(breakdown.data);
  const amountIndex = target.related.findIndex((r) => r.measureType === 'amount');
  const all = answer?.rows ?? [];
  const rows: UnitRow[] = all
    .filter((r) => r.figure.value !== null)
    .map((r) => ({
      id: r.id,
      name: r.name,
      shortName: shortUnitName(r.name),
      count: r.figure.value ?? 0,
      value: amountIndex < 0 ? null : (r.relatedFigures[amountIndex]?.figure.value ?? null),
    }))
    .sort((a, b) => b.count - a.count || compareVietnamese(a.name, b.name));
  // The scope's own works ("Cấp tỉnh trực tiếp"), so the bars add up to the figure.
  const own = answer?.own;
  if (own && own.figure.value !== null && answer) {
    rows.push({
      id: answer.scope.unit.id,
      name: own.name,
      shortName: own.name,
      count: own.figure.value,
      value: amountIndex < 0 ? null : (own.relatedFigures[amountIndex]?.figure.value ?? null),
    });
  }
  // A former unit (ended before this structure) owes nothing: it is not listed as unreported; nor is
  // a unit the target is not given to ("không giao").
  const notAssigned = all.filter((r) => isNotAssigned(r, all, own ?? null));
  const unreported = all.filter((r) => !r.figure.hasData && !r.former && !notAssigned.includes(r));
  const total = {
    count: rows.reduce((sum, r) => sum + r.count, 0),
    value: rows.some((r) => r.value !== null) ? rows.reduce((sum, r) => sum + (r.value ?? 0), 0) : null,
  };
  const chartHeight = Math.max(160, rows.length * ROW_HEIGHT + 48);
  const hasValue = rows.some((r) => r.value !== null);
  const scale = moneyScale(Math.max(0, ...rows.map((r) => r.value ?? 0)));

  // Titled and counted by the chosen target's own words and unit, whatever it is.
  const title = t('chart.byUnit', { name: target.shortName });
  const countLabel = target.indicator.measurementUnit;
  const countText = (value: number) =>
    valueText(target.indicator, {
      value,
      hasData: true,
      numerator: 0,
      denominator: 0,
      meeting: 0,
      expected: 0,
    }) ?? formatInteger(value);
  const status = breakdown.isError ? (
    <ErrorState
      message={errorMessage(breakdown.error)}
      actions={<RetryButton onClick={() => breakdown.refetch()} />}
    />
  ) : !answer ? (
    <Skeleton height={320} radius="sm" />
  ) : all.length === 0 ? (
    <EmptyState>{t('chart.works.noChildren')}</EmptyState>
  ) : rows.length === 0 ? (
    <EmptyState>{t('chart.empty')}</EmptyState>
  ) : undefined;

  const tableOf = (interactive: boolean) => (
    <table className="data-table">
      <caption className="visually-hidden">{title}</caption>
      <thead>
        <tr>
          <th scope="col">{t('chart.works.unit')}</th>
          <th scope="col" className="num">
            {countLabel}
          </th>
          {hasValue && (
            <th scope="col" className="num">
              {t('chart.works.valueFull')}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              {interactive ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onSelectUnit(r.id)}
                  title={t('chart.works.drill', { unit: r.name })}
                >
                  {r.name}
                </button>
              ) : (
                r.name
              )}
            </th>
            <td className="num">{countText(r.count)}</td>
            {hasValue && (
              <td className="num">{r.value === null ? t('status.unreported') : formatMoney(r.value)}</td>
            )}
          </tr>
        ))}
        {[...unreported, ...notAssigned].map((r) => (
          <tr key={r.id} className="data-table__muted">
            <th scope="row">{r.name}</th>
            <td className="num" colSpan={hasValue ? 2 : 1}>
              {t(notAssigned.includes(r) ? 'status.notAssigned' : 'status.unreported')}
            </td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="data-table__total">
          <th scope="row">{t('table.total')}</th>
          <td className="num">{countText(total.count)}</td>
          {hasValue && <td className="num">{total.value === null ? '—' : formatMoney(total.value)}</td>}
        </tr>
      </tfoot>
    </table>
  );

  const summary = t('chart.works.summary', {
    list: rows
      .map((r) => `${r.name}: ${countText(r.count)}${r.value === null ? '' : `, ${formatMoney(r.value)}`}`)
      .join('; '),
  });

  return (
    <ChartCard
      drawWhenSeen
      title={title}
      subtitle={t('chart.works.subtitle', { date: formatDate(asOf) })}
      chartHeight={chartHeight}
      status={status}
      table={tableOf(true)}
      hiddenTable={tableOf(false)}
      chart={
        <WorksChart
          rows={rows}
          height={chartHeight}
          summary={summary}
          onSelect={onSelectUnit}
          moneyScale={scale}
          labels={{
            count: countLabel,
            value: hasValue ? t(scale === 'ty' ? 'chart.works.value' : 'chart.works.valueTrieu') : null,
          }}
        />
      }
      footer={
        !status && unreported.length + notAssigned.length > 0 ? (
          <>
            {unreported.length > 0 && (
              <p className="chart-card__note">
                {t('chart.works.notReportedNote', { list: unreported.map((r) => r.name).join(', ') })}
              </p>
            )}
            {notAssigned.length > 0 && (
              <p className="chart-card__note">
                {t('chart.works.notAssignedNote', { list: notAssigned.map((r) => r.name).join(', ') })}
              </p>
            )}
          </>
        ) : undefined
      }
    />
  );
}
