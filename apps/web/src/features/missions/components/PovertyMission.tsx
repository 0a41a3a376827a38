/** Poverty reduction: households out of poverty by year against the plan, and by unit. */
import { formatDate } from '@chitieu/core';
import { lazy } from 'react';
import { EmptyState } from '../../../components/States.tsx';
import { useI18n } from '../../../i18n.ts';
import { pctOfGoalText } from '../../../lib/figures.ts';
import { formatInteger } from '../../../lib/numbers.ts';
import type { YearRow } from '../../overview/charts/types.ts';
import { ChartCard } from '../../overview/components/ChartCard.tsx';
import { PovertyYearTable, povertySummary } from '../../overview/components/PovertyYearTable.tsx';
import type { MissionView } from '../api/get-mission.ts';
import { yearLabel } from '../format.ts';
import { StatusCell, UnitYearTable } from './MissionTables.tsx';

const YearBars = lazy(() => import('../../overview/charts/PovertyChart.tsx'));

export function PovertyMission({ data, onUnit }: { data: MissionView; onUnit: (id: number) => void }) {
  const { t } = useI18n();
  const { target, total, years, scope } = data;
  const rows: YearRow[] = years.map((y) => ({
    key: String(y.year),
    label: yearLabel(t, y),
    value: y.value,
    plan: y.plan,
  }));
  const hasPlan = rows.some((r) => r.plan !== null);
  const yearTable = <PovertyYearTable rows={rows} caption={t('missions.povertyYearTitle')} />;
  const summary = povertySummary(t, rows);
  return (
    <>
      <p className="leaders-lead">
        {total.value === null
          ? `${target.shortName}: ${t('status.unreported')}`
          : t('missions.povertyLead', {
              value: formatInteger(total.value),
              date: formatDate(scope.asOf),
              goal: total.goal === null ? '—' : formatInteger(total.goal),
              pct: pctOfGoalText(total.value, total.goal, total.pctOfGoal) ?? '—',
            })}{' '}
        {total.goal !== null && <StatusCell row={total} />}
      </p>
      <ChartCard
        title={t('missions.povertyYearTitle')}
        chartHeight={260}
        status={rows.length === 0 ? <EmptyState>{t('chart.empty')}</EmptyState> : undefined}
        table={yearTable}
        hiddenTable={yearTable}
        chart={
          <YearBars
            rows={rows}
            height={260}
            summary={summary}
            labels={{ value: t('chart.poverty.households'), plan: hasPlan ? t('chart.poverty.plan') : null }}
          />
        }
      />
      <UnitYearTable
        data={data}
        onUnit={onUnit}
        title={t('missions.byUnitYear', { name: t('missions.poverty') })}
      />
    </>
  );
}
