import { lazy } from 'react';
import { EmptyState } from '../../../components/States.tsx';
import { useI18n } from '../../../i18n.ts';
import { periodName, periodShortName } from '../../../lib/periods.ts';
import { ChartCard } from '../../overview/components/ChartCard.tsx';
import type { TargetDetail } from '../api/get-target-detail.ts';
import type { PeriodRow } from '../charts/PeriodChart.tsx';
import type { Axis } from '../format.ts';

const PeriodChart = lazy(() => import('../charts/PeriodChart.tsx'));
const HEIGHT = 240;

/** Results per reporting period; for states (levels, shares) the level at each period's end. */
export function PeriodsSection({
  detail,
  axis,
  state,
}: {
  detail: TargetDetail;
  axis: Axis;
  state: boolean;
}) {
  const { t } = useI18n();
  const kind = detail.target.indicator.frequency;
  const points = detail.points.map((p) => ({ ...p, kind }));
  const rows: PeriodRow[] = points.map((p) => ({
    key: p.periodId,
    label: periodShortName(p),
    value: state ? p.toDate.value : p.period.value,
  }));
  const show = (v: number | null, hasData = v !== null) =>
    v !== null ? axis.full(v) : t(hasData ? 'status.noCases' : 'status.unreported');
  const coverage = (f: (typeof points)[number]['period']) =>
    f.coverage && f.coverage.expected > 0 && f.coverage.reported < f.coverage.expected
      ? ` (${t('target.periods.coverage', { reported: f.coverage.reported, expected: f.coverage.expected })})`
      : '';
  const table = (
    <table className="data-table">
      <caption className="visually-hidden">{t('target.periods.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('target.periods.period')}</th>
          <th scope="col" className="num">
            {t(state ? 'target.periods.level' : 'target.periods.value')}
          </th>
          {!state && (
            <th scope="col" className="num">
              {t('target.periods.toDate')}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {points.map((p) => (
          <tr key={p.periodId}>
            <th scope="row">{periodName(p)}</th>
            <td className="num">
              {state ? show(p.toDate.value, p.toDate.hasData) : show(p.period.value, p.period.hasData)}
              {coverage(p.period)}
            </td>
            {!state && <td className="num">{show(p.toDate.value, p.toDate.hasData)}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
  const summary = t('target.periods.summary', {
    list: rows.map((r) => `${r.label}: ${show(r.value)}`).join('; '),
  });
  return (
    <ChartCard
      title={t('target.periods.title')}
      subtitle={t(state ? 'target.periods.subtitleLevel' : 'target.periods.subtitle')}
      chartHeight={HEIGHT}
      status={rows.length === 0 ? <EmptyState>{t('target.periods.empty')}</EmptyState> : undefined}
      table={table}
      hiddenTable={table}
      chart={
        <PeriodChart
          rows={rows}
          height={HEIGHT}
          axis={axis}
          summary={summary}
          name={t(state ? 'target.periods.level' : 'target.periods.value')}
        />
      }
    />
  );
}
