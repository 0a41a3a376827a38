import { formatDate } from '@chitieu/core';
import { lazy } from 'react';
import { useI18n } from '../../../i18n.ts';
import { ChartCard } from '../../overview/components/ChartCard.tsx';
import type { TargetDetail } from '../api/get-target-detail.ts';
import type { ProgressRow } from '../charts/ProgressChart.tsx';
import { type Axis, dayNumber } from '../format.ts';

const ProgressChart = lazy(() => import('../charts/ProgressChart.tsx'));
const HEIGHT = 280;

/** The figure to date against the plan, with the forecast to the term's end. */
export function ProgressSection({
  detail,
  axis,
  state,
}: {
  detail: TargetDetail;
  axis: Axis;
  state: boolean;
}) {
  const { t, lang } = useI18n();
  const { scope, plan, points, forecast, forecastReason, target } = detail;
  const term = scope.term;

  // One row per date where any line has a point; the lines skip the others (connectNulls).
  const byDay = new Map<number, ProgressRow>();
  const row = (iso: string) => {
    const day = dayNumber(iso);
    const found = byDay.get(day) ?? { day, actual: null, plan: null, forecast: null };
    byDay.set(day, found);
    return found;
  };
  for (const p of plan) row(p.date).plan = p.value;
  // A flow starts the term at zero; a state starts where it was first measured.
  if (!state && points.some((p) => p.toDate.value !== null)) row(term.startDate).actual = 0;
  // A flow's running total holds through the periods nothing came in and steps at the end of the
  // period its results are for (all 13 in 6T đầu 2024 is one step there, not a slope from 2022).
  const lastReported = points.findLastIndex((p) => p.toDate.value !== null);
  let runningTotal = 0;
  points.forEach((p, i) => {
    if (p.toDate.value !== null) {
      runningTotal = p.toDate.value;
      row(p.endDate).actual = p.toDate.value;
    } else if (!state && i < lastReported) {
      row(p.endDate).actual = runningTotal;
    }
  });
  if (forecast) {
    row(forecast.from.date).forecast = forecast.from.value;
    row(forecast.to.date).forecast = forecast.to.value;
  }
  const rows = [...byDay.values()].sort((a, b) => a.day - b.day);
  const firstYear = Number(term.startDate.slice(0, 4));
  const lastYear = Number(term.endDate.slice(0, 4));
  const yearTicks: number[] = [];
  for (let y = firstYear + 1; y <= lastYear; y++) yearTicks.push(dayNumber(`${y}-01-01`));

  const planKind =
    plan.length === 0
      ? t('target.progress.noPlan')
      : target.goalKind === 'term' && target.yearlyPlan.length > 0
        ? t('target.progress.planYearly')
        : t('target.progress.planLinear');
  const method = forecast ? forecast.description[lang] : (forecastReason?.[lang] ?? '');
  const last = [...points].reverse().find((p) => p.toDate.value !== null);
  const summary = t('target.progress.summary', {
    date: formatDate(scope.asOf),
    value: last?.toDate.value == null ? t('status.unreported') : axis.full(last.toDate.value),
    goal: target.goal === null ? '—' : axis.full(target.goal),
    forecast: forecast ? `${axis.full(forecast.value)} (${forecast.description[lang]})` : method,
  });

  const table = (
    <table className="data-table">
      <caption className="visually-hidden">
        {t(state ? 'target.progress.titleLevel' : 'target.progress.title')}
      </caption>
      <thead>
        <tr>
          <th scope="col">{t('target.progress.date')}</th>
          <th scope="col" className="num">
            {t(state ? 'target.progress.actualLevel' : 'target.progress.actual')}
          </th>
          <th scope="col" className="num">
            {t('target.progress.plan')}
          </th>
          <th scope="col" className="num">
            {t('target.progress.forecastLine')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.day}>
            <th scope="row">{formatDate(new Date(r.day * 86_400_000).toISOString().slice(0, 10))}</th>
            <td className="num">{r.actual === null ? '' : axis.full(r.actual)}</td>
            <td className="num">{r.plan === null ? '' : axis.full(r.plan)}</td>
            <td className="num">{r.forecast === null ? '' : axis.full(r.forecast)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  return (
    <ChartCard
      title={t(state ? 'target.progress.titleLevel' : 'target.progress.title')}
      subtitle={`${t('target.progress.subtitle', { plan: planKind, method })}${state ? '' : ` ${t('target.progress.steps')}`}`}
      chartHeight={HEIGHT + 30}
      table={table}
      hiddenTable={table}
      chart={
        <ProgressChart
          rows={rows}
          height={HEIGHT}
          axis={axis}
          yearTicks={yearTicks}
          domain={[dayNumber(term.startDate), dayNumber(term.endDate)]}
          stepped={!state}
          summary={summary}
          labels={{
            actual: t(state ? 'target.progress.actualLevel' : 'target.progress.actual'),
            plan: plan.length > 0 ? t('target.progress.plan') : null,
            forecast: forecast ? t('target.progress.forecastLine') : null,
          }}
        />
      }
    />
  );
}
