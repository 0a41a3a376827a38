/**
 * The mission's named views: poverty reduction (households by year against the plan, by district
 * against the allocation), new rural areas (works and their value by district and by year), and
 * grassroots activity (share of units meeting the rule and the list of those that do not).
 * `?page=missions&mission=poverty|rural|grassroots&unit&asOf`.
 */
import { formatDate, isNotAssigned, shortUnitName } from '@chitieu/core';
import { Skeleton } from '@mantine/core';
import { lazy, type ReactNode, useEffect } from 'react';
import { LeaderScopeBar, ScopeError, useLeaderScope } from '../../components/LeaderScope.tsx';
import { PrintButton } from '../../components/PrintButton.tsx';
import { Segmented } from '../../components/Segmented.tsx';
import { EmptyState, ErrorState } from '../../components/States.tsx';
import { type MessageKey, useI18n } from '../../i18n.ts';
import { goalText, moneyScale, pctOfGoalText, valueText } from '../../lib/figures.ts';
import { formatInteger, formatMoney } from '../../lib/numbers.ts';
import { statusKey } from '../../lib/status.ts';
import type { UnitRow, YearRow } from '../overview/charts/types.ts';
import { ChartCard } from '../overview/components/ChartCard.tsx';
import { PovertyYearTable, povertySummary } from '../overview/components/PovertyYearTable.tsx';
import { StatusBadge } from '../overview/components/StatusBadge.tsx';
import { MISSION_NAMES, type Mission, type MissionView, useMission } from './api/get-mission.ts';

// The overview's chart modules, fetched only when a chart is shown.
const YearBars = lazy(() => import('../overview/charts/PovertyChart.tsx'));
const WorksChart = lazy(() => import('../overview/charts/WorksChart.tsx'));

const LABELS: Record<Mission, MessageKey> = {
  poverty: 'missions.poverty',
  rural: 'missions.rural',
  grassroots: 'missions.grassroots',
};

const isMission = (text: string | undefined): text is Mission =>
  text !== undefined && (MISSION_NAMES as readonly string[]).includes(text);

export default function MissionsPage({ homeUnitIds }: { homeUnitIds: readonly number[] }) {
  const { t } = useI18n();
  const { view, setView, scope } = useLeaderScope();
  const known = view.mission === undefined || isMission(view.mission);
  const mission: Mission = isMission(view.mission) ? view.mission : 'poverty';
  const query = useMission(scope && known ? { ...scope, mission } : undefined);
  // A different mission's data is not a placeholder for this one.
  const data = query.data?.mission === mission ? query.data : undefined;

  useEffect(() => {
    document.title = `${t(LABELS[mission])} · ${data?.scope.unit.name ?? t('app.title')}`;
  }, [data, mission, t]);

  let body: ReactNode;
  if (!known) {
    body = <ErrorState message={t('missions.unknown', { mission: view.mission ?? '' })} />;
  } else if (query.error && !data) {
    body = <ScopeError error={query.error} onRetry={() => query.refetch()} />;
  } else if (!data) {
    body = <Skeleton height={420} radius="sm" aria-label={t('state.loading')} />;
  } else if (mission === 'poverty') {
    body = <Poverty data={data} onUnit={(unit) => setView({ unit })} />;
  } else if (mission === 'rural') {
    body = <Rural data={data} onUnit={(unit) => setView({ unit })} />;
  } else {
    body = <Grassroots data={data} onUnit={(unit) => setView({ unit })} />;
  }

  return (
    <main id="main" className="main leaders-page">
      <LeaderScopeBar data={data?.scope} homeUnitIds={homeUnitIds} failed={query.isError} />
      <div className="page-head leaders-head">
        <div>
          <h1 className="page-head__title">{t('missions.title')}</h1>
          {data && (
            <p className="page-head__lead">
              {t('headline.context', { unit: data.scope.unit.name, date: formatDate(data.scope.asOf) })}
            </p>
          )}
        </div>
        <PrintButton />
      </div>
      <Segmented
        className="mission-tabs no-print"
        aria-label={t('missions.choose')}
        value={known ? mission : ''}
        onChange={(value) => setView({ mission: value })}
        data={MISSION_NAMES.map((name) => ({ value: name, label: t(LABELS[name]) }))}
      />
      <div className={query.isPlaceholderData ? 'is-updating' : undefined} aria-busy={query.isFetching}>
        {body}
      </div>
    </main>
  );
}

function yearLabel(t: ReturnType<typeof useI18n>['t'], y: { year: number; partialMonths: number | null }) {
  return y.partialMonths === null
    ? String(y.year)
    : t('chart.poverty.partialYear', { year: y.year, months: y.partialMonths });
}

const count = (t: ReturnType<typeof useI18n>['t'], value: number | null) =>
  value === null ? t('status.unreported') : formatInteger(value);

/** New-rural works and their value, by year or by unit: the two rural charts as tables. */
function WorksTable({
  caption,
  first,
  rows,
}: {
  caption: string;
  first: string;
  rows: { key: number; label: string; count: number | null; value: number | null }[];
}) {
  const { t } = useI18n();
  const reported = rows.filter((r) => r.count !== null);
  const totalCount = reported.reduce((sum, r) => sum + (r.count ?? 0), 0);
  const valued = rows.filter((r) => r.value !== null);
  const totalValue = valued.reduce((sum, r) => sum + (r.value ?? 0), 0);
  return (
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{first}</th>
          <th scope="col" className="num">
            {t('missions.works')}
          </th>
          <th scope="col" className="num">
            {t('missions.worksValue')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className={r.count === null ? 'data-table__muted' : undefined}>
            <th scope="row">{r.label}</th>
            <td className="num">{count(t, r.count)}</td>
            <td className="num">{r.value === null ? t('status.unreported') : formatMoney(r.value)}</td>
          </tr>
        ))}
      </tbody>
      {reported.length > 0 && (
        <tfoot>
          <tr className="data-table__total">
            <th scope="row">{t('table.total')}</th>
            <td className="num">{formatInteger(totalCount)}</td>
            <td className="num">{valued.length === 0 ? '—' : formatMoney(totalValue)}</td>
          </tr>
        </tfoot>
      )}
    </table>
  );
}

/** A unit's name: a button that opens its own units when it has some. */
function UnitName({
  unit,
  onUnit,
}: {
  unit: { id: number; name: string; hasChildren: boolean };
  onUnit: (id: number) => void;
}) {
  const { t } = useI18n();
  return unit.hasChildren ? (
    <button
      type="button"
      className="link-button"
      onClick={() => onUnit(unit.id)}
      title={t('chart.works.drill', { unit: unit.name })}
    >
      {unit.name}
    </button>
  ) : (
    unit.name
  );
}

function StatusCell({ row }: { row: MissionView['units'][number] | MissionView['total'] }) {
  if (row.goal === null) return <>—</>;
  return <StatusBadge status={statusKey(row.status, row.figure, row.goal)} size="sm" />;
}

function Poverty({ data, onUnit }: { data: MissionView; onUnit: (id: number) => void }) {
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

/** Units × years, with the unit's total, its goal, % and status: the table behind a mission. */
function UnitYearTable({
  data,
  onUnit,
  title,
}: {
  data: MissionView;
  onUnit: (id: number) => void;
  title: string;
}) {
  const { t } = useI18n();
  const { units, years, target, secondIndicator, total } = data;
  if (units.length === 0) return <EmptyState>{t('chart.works.noChildren')}</EmptyState>;
  const hasGoal = units.some((u) => u.goal !== null);
  const money = (v: number | null) => (v === null ? t('status.unreported') : formatMoney(v));
  return (
    <section className="leaders-section" aria-label={title}>
      <h2>{title}</h2>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('missions.unit')}</th>
              {years.map((y) => (
                <th key={y.year} scope="col" className="num">
                  {yearLabel(t, y)}
                </th>
              ))}
              <th scope="col" className="num">
                {t('missions.total')}
              </th>
              {secondIndicator && (
                <th scope="col" className="num">
                  {t('missions.worksValue')}
                </th>
              )}
              {hasGoal && (
                <th scope="col" className="num">
                  {t('missions.allocated')}
                </th>
              )}
              {hasGoal && (
                <th scope="col" className="num">
                  {t('missions.pct')}
                </th>
              )}
              {hasGoal && <th scope="col">{t('missions.status')}</th>}
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.id} className={u.value === null ? 'data-table__muted' : undefined}>
                <th scope="row">
                  <UnitName unit={u} onUnit={onUnit} />
                </th>
                {u.byYear.map((c, i) => (
                  <td key={years[i]?.year} className="num">
                    {c.value === null ? '—' : formatInteger(c.value)}
                  </td>
                ))}
                <td className="num">
                  <strong>{count(t, u.value)}</strong>
                </td>
                {secondIndicator && <td className="num">{money(u.second)}</td>}
                {hasGoal && (
                  <td className="num">{u.goal === null ? '—' : goalText(target.indicator, u.goal)}</td>
                )}
                {hasGoal && <td className="num">{pctOfGoalText(u.value, u.goal, u.pctOfGoal) ?? '—'}</td>}
                {hasGoal && (
                  <td>
                    <StatusCell row={u} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('missions.total')}</th>
              {years.map((y) => (
                <td key={y.year} className="num">
                  {y.value === null ? '—' : formatInteger(y.value)}
                </td>
              ))}
              <td className="num">
                <strong>{count(t, total.value)}</strong>
              </td>
              {secondIndicator && <td className="num">{money(total.second)}</td>}
              {hasGoal && (
                <td className="num">{total.goal === null ? '—' : goalText(target.indicator, total.goal)}</td>
              )}
              {hasGoal && (
                <td className="num">{pctOfGoalText(total.value, total.goal, total.pctOfGoal) ?? '—'}</td>
              )}
              {hasGoal && (
                <td>
                  <StatusCell row={total} />
                </td>
              )}
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

function Rural({ data, onUnit }: { data: MissionView; onUnit: (id: number) => void }) {
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
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name, 'vi'));
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
                list: yearRows.map((r) => `${r.label}: ${count(t, r.value)}`).join('; '),
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

function Grassroots({ data, onUnit }: { data: MissionView; onUnit: (id: number) => void }) {
  const { t } = useI18n();
  const { total, units, scope, target, notMeeting } = data;
  const share = (f: { meeting: number; expected: number }) =>
    f.expected > 0 ? (pctOfGoalText(f.meeting, f.expected, null) ?? '—') : '—';
  // A unit with no grassroots unit below it owes nothing here: "không giao", not "chưa báo cáo".
  const assignable = units.map((u) => ({
    allocation: u.goalKind === 'allocation' ? u.goal : null,
    figure: u.figure,
  }));
  const notAssigned = (index: number) =>
    isNotAssigned(assignable[index] as (typeof assignable)[number], assignable, null, { unitsMeeting: true });
  // The total row adds up the rows above it (units that reported).
  const sums = units
    .filter((u) => u.value !== null)
    .reduce(
      (sum, u) => ({
        meeting: sum.meeting + u.figure.meeting,
        expected: sum.expected + u.figure.expected,
        reported: sum.reported + u.figure.reported,
      }),
      { meeting: 0, expected: 0, reported: 0 },
    );
  return (
    <>
      <p className="leaders-lead">
        {total.value === null
          ? `${target.shortName}: ${t('status.unreported')}`
          : t('missions.grassrootsLead', {
              meeting: formatInteger(total.figure.meeting),
              expected: formatInteger(total.figure.expected),
              pct: share(total.figure),
              date: formatDate(scope.asOf),
            })}{' '}
        {total.goal !== null && <StatusCell row={total} />}
      </p>
      <section className="leaders-section" aria-labelledby="grassroots-units">
        <h2 id="grassroots-units">{t('missions.byUnit')}</h2>
        {units.length === 0 ? (
          <EmptyState>{t('chart.works.noChildren')}</EmptyState>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('missions.unit')}</th>
                  <th scope="col" className="num">
                    {t('missions.meeting')}
                  </th>
                  <th scope="col" className="num">
                    {t('missions.expected')}
                  </th>
                  <th scope="col" className="num">
                    {t('missions.share')}
                  </th>
                  <th scope="col" className="num">
                    {t('missions.reported')}
                  </th>
                  <th scope="col">{t('missions.status')}</th>
                </tr>
              </thead>
              <tbody>
                {units.map((u, index) => (
                  <tr key={u.id} className={u.value === null ? 'data-table__muted' : undefined}>
                    <th scope="row">
                      <UnitName unit={u} onUnit={onUnit} />
                    </th>
                    {u.value === null ? (
                      <td className="num" colSpan={4}>
                        {t(notAssigned(index) ? 'status.notAssigned' : 'status.unreported')}
                      </td>
                    ) : (
                      <>
                        <td className="num">{formatInteger(u.figure.meeting)}</td>
                        <td className="num">{formatInteger(u.figure.expected)}</td>
                        <td className="num">{share(u.figure)}</td>
                        <td className="num">{formatInteger(u.figure.reported)}</td>
                      </>
                    )}
                    <td>{u.value === null && notAssigned(index) ? '—' : <StatusCell row={u} />}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="data-table__total">
                  <th scope="row">{t('table.total')}</th>
                  <td className="num">{formatInteger(sums.meeting)}</td>
                  <td className="num">{formatInteger(sums.expected)}</td>
                  <td className="num">{share(sums)}</td>
                  <td className="num">{formatInteger(sums.reported)}</td>
                  <td>{total.goal !== null && <StatusCell row={total} />}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>
      <section className="leaders-section" aria-labelledby="not-meeting">
        <h2 id="not-meeting">{t('missions.notMeetingTitle')}</h2>
        {notMeeting.length === 0 ? (
          <EmptyState>{t('missions.notMeetingNone')}</EmptyState>
        ) : (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('missions.unit')}</th>
                  <th scope="col">{t('missions.parent')}</th>
                  <th scope="col">{t('missions.status')}</th>
                </tr>
              </thead>
              <tbody>
                {notMeeting.map((u) => (
                  <tr key={u.id}>
                    <th scope="row">{u.name}</th>
                    <td>{u.parentName ?? '—'}</td>
                    <td>
                      <StatusBadge status={u.reason === 'no' ? 'behind' : 'unreported'} size="sm" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {total.figure.value !== null && (
        <p className="visually-hidden">{valueText(target.indicator, total.figure)}</p>
      )}
    </>
  );
}
