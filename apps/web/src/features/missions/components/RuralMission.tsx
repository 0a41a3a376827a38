/** New rural areas: works and their value by year and by unit. */
import { compareVietnamese, formatDate, shortUnitName } from '@chitieu/core';
import { lazy } from 'react';
import { EmptyState } from '../../../components/States.tsx';
import { useI18n } from '../../../i18n.ts';
import { moneyScale } from '../../../lib/figures.ts';
import { formatInteger, formatMoney } from '../../../lib/numbers.ts';
import type { UnitRow, YearRow } from '../../overview/charts/types.ts';
import { ChartCard } from '../../overview/components/ChartCard.tsx';
import type { MissionView } from '../api/get-mission.ts';
import { countText, yearLabel } from '../format.ts';
import { UnitYearTable, WorksTable } from './MissionTables.tsx';

// The overview's chart modules, fetched only when a chart is shown.
const YearBars = lazy(() => import('../../overview/charts/PovertyChart.tsx'));
const WorksChart = lazy(() => import('../../overview/charts/WorksChart.tsx'));

export function RuralMission({ data, onUnit }: { data: MissionView; onUnit: (id: number) => void }) {
  const { t } = useI18n();
  const { total, years, units, scope } = data;
  const yearRows: YearRow[] = years.map((y) => ({
    key: String(y.year),
    label: yearLabel(t, y),
    value: y.value,
    plan: null,
  }));
  const unitRows: UnitRow[] = units
    .filter((u) => u.value !== null)
    .map((u) => ({
      id: u.id,
      name: u.name,
      shortName: shortUnitName(u.name),
      count: u.value ?? 0,
      value: u.second,
    }))
    .sort((a, b) => b.count - a.count || compareVietnamese(a.name, b.name));
  const scale = moneyScale(Math.max(0, ...unitRows.map((r) => r.value ?? 0)));
  const yearTable = (
    <WorksTable
      caption={t('missions.ruralYearTitle')}
      first={t('missions.year')}
      rows={years.map((y) => ({ key: y.year, label: yearLabel(t, y), count: y.value, value: y.second }))}
    />
  );
  const unitTable = (
    <WorksTable
      caption={t('chart.works.title')}
      first={t('missions.unit')}
      rows={units.map((u) => ({ key: u.id, label: u.name, count: u.value, value: u.second }))}
    />
  );
  const byUnitHeight = Math.max(160, unitRows.length * 30 + 48);
  return (
    <>
      <p className="leaders-lead">
        {total.value === null
          ? `${data.target.shortName}: ${t('status.unreported')}`
          : t('missions.ruralLead', {
              count: formatInteger(total.value),
              money: total.second === null ? '—' : formatMoney(total.second),
              date: formatDate(scope.asOf),
            })}
      </p>
      <div className="chart-grid">
        <ChartCard
          title={t('missions.ruralYearTitle')}
          chartHeight={260}
          status={yearRows.length === 0 ? <EmptyState>{t('chart.empty')}</EmptyState> : undefined}
          table={yearTable}
          hiddenTable={yearTable}
          chart={
            <YearBars
              rows={yearRows}
              height={260}
              summary={t('missions.ruralSummary', {
                list: yearRows.map((r) => `${r.label}: ${countText(t, r.value)}`).join('; '),
              })}
              labels={{ value: t('missions.works'), plan: null }}
            />
          }
        />
        <ChartCard
          title={t('chart.works.title')}
          subtitle={t('chart.works.subtitle', { date: formatDate(scope.asOf) })}
          chartHeight={byUnitHeight}
          status={
            units.length === 0 ? (
              <EmptyState>{t('chart.works.noChildren')}</EmptyState>
            ) : unitRows.length === 0 ? (
              <EmptyState>{t('chart.empty')}</EmptyState>
            ) : undefined
          }
          table={unitTable}
          hiddenTable={unitTable}
          chart={
            <WorksChart
              rows={unitRows}
              height={byUnitHeight}
              summary={t('chart.works.summary', {
                list: unitRows.map((r) => `${r.name}: ${formatInteger(r.count)}`).join('; '),
              })}
              onSelect={onUnit}
              moneyScale={scale}
              labels={{
                count: t('chart.works.count'),
                value: t(scale === 'ty' ? 'chart.works.value' : 'chart.works.valueTrieu'),
              }}
            />
          }
        />
      </div>
      <UnitYearTable
        data={data}
        onUnit={onUnit}
        title={t('missions.byUnitYear', { name: t('missions.rural') })}
      />
    </>
  );
}
