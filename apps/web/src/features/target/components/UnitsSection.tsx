import { compareVietnamese, isNotAssigned, isShareMeasure, shortUnitName } from '@chitieu/core';
import { lazy } from 'react';
import { EmptyState } from '../../../components/States.tsx';
import { useI18n } from '../../../i18n.ts';
import { pctOfGoalText, valueText } from '../../../lib/figures.ts';
import { STATUS_STYLES, type StatusKey, svgFill } from '../../../lib/status.ts';
import { ChartCard } from '../../overview/components/ChartCard.tsx';
import { StatusBadge } from '../../overview/components/StatusBadge.tsx';
import type { TargetDetail, TargetDetailRow } from '../api/get-target-detail.ts';
import type { UnitBar } from '../charts/UnitsChart.tsx';
import type { Axis } from '../format.ts';

const UnitsChart = lazy(() => import('../charts/UnitsChart.tsx'));
const ROW_HEIGHT = 30;

/** A unit's status: "chưa báo cáo" when it reported nothing (never 0), "không phát sinh" for 0/0, none without a goal. */
function rowStatus(row: Pick<TargetDetailRow, 'figure' | 'status'>): StatusKey {
  if (!row.figure.hasData) return 'unreported';
  if (row.figure.value === null) return 'noCases';
  return row.status ?? 'noGoal';
}

/**
 * The target by child unit: sorted bars and a table with value, allocation, %, status in words and
 * whether the unit reported. A unit's name (a button, so the keyboard reaches it) or its bar opens it.
 */
export function UnitsSection({
  detail,
  axis,
  onSelectUnit,
}: {
  detail: TargetDetail;
  axis: Axis;
  onSelectUnit: (unitId: number) => void;
}) {
  const { t } = useI18n();
  const { target } = detail;
  const share = isShareMeasure(target.indicator.measureType);
  const goalOf = (row: TargetDetailRow) => (share ? target.termGoal : row.allocation);
  // A unit closed before this structure began sits below the unit its results went to: say so.
  const former = (row: TargetDetailRow, key: 'units.former' | 'units.formerShort') =>
    row.former ? ` (${t(key)})` : '';
  const nameOf = (row: TargetDetailRow) => row.name + former(row, 'units.former');
  const reported = detail.rows
    .filter((r) => r.figure.value !== null)
    .sort((a, b) => (b.figure.value ?? 0) - (a.figure.value ?? 0) || compareVietnamese(a.name, b.name));
  const noCases = detail.rows.filter((r) => r.figure.hasData && r.figure.value === null);
  // The scope's own results ("Cấp tỉnh trực tiếp"): a row of its own, so the rows add up to the figure.
  const own = detail.own;
  // A unit the target is not given to reads "không giao", below the units that owe a report.
  const unitsMeeting = target.indicator.measureType === 'units_meeting';
  const notAssigned = (r: TargetDetailRow) => isNotAssigned(r, detail.rows, own, { unitsMeeting });
  const unreported = detail.rows.filter((r) => !r.figure.hasData && !notAssigned(r));
  const unassigned = detail.rows.filter((r) => !r.figure.hasData && notAssigned(r));
  // A former unit (ended before this structure) owes nothing: not named in the "chưa báo cáo" note.
  const owing = unreported.filter((r) => !r.former);
  const ownName = own ? t('target.units.own', { name: own.name, unit: detail.scope.unit.name }) : '';
  const bars: UnitBar[] = reported.map((r) => ({
    id: r.id,
    name: nameOf(r),
    shortName: shortUnitName(r.name) + former(r, 'units.formerShort'),
    value: r.figure.value ?? 0,
    allocation: share ? null : r.allocation,
    fill: svgFill(rowStatus(r)),
  }));
  if (own && own.figure.value !== null) {
    bars.push({
      id: detail.scope.unit.id,
      name: ownName,
      shortName: ownName,
      value: own.figure.value,
      allocation: null,
      fill: STATUS_STYLES.noGoal.fill,
    });
  }
  const legend = [...new Set(reported.map(rowStatus))];
  const height = Math.max(140, bars.length * ROW_HEIGHT + 40);
  const hasAllocation = detail.rows.some((r) => r.allocation !== null);
  // Allocations are drawn on the bars (a mark across each); a share's goal is the term's, not allocated.
  const marked = !share && bars.some((b) => b.allocation !== null);
  const hasGoal = hasAllocation || (share && target.termGoal !== null);

  const tableOf = (interactive: boolean) => (
    <table className="data-table units-table">
      <caption className="visually-hidden">{t('target.units.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('target.units.unit')}</th>
          <th scope="col" className="num">
            {t('target.units.value')}
          </th>
          {target.related.map((indicator) => (
            <th scope="col" className="num" key={indicator.id}>
              {indicator.name}
            </th>
          ))}
          {hasAllocation && (
            <th scope="col" className="num">
              {t('target.units.allocation')}
            </th>
          )}
          {hasGoal && (
            <th scope="col" className="num">
              {t('target.units.pct')}
            </th>
          )}
          <th scope="col">{t('target.units.status')}</th>
          <th scope="col">{t('target.units.reported')}</th>
        </tr>
      </thead>
      <tbody>
        {[...reported, ...noCases, ...unreported, ...unassigned].map((r) => {
          const goal = goalOf(r);
          const pct = goal === null ? null : pctOfGoalText(r.figure.value, goal, r.pctOfGoal);
          const status = rowStatus(r);
          const given = !unassigned.includes(r);
          return (
            <tr key={r.id} data-unit={r.id} className={r.figure.hasData ? undefined : 'data-table__muted'}>
              <th scope="row">
                {interactive ? (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onSelectUnit(r.id)}
                    title={t('target.units.drill', { unit: r.name })}
                  >
                    {nameOf(r)}
                  </button>
                ) : (
                  nameOf(r)
                )}
              </th>
              <td className="num">
                {valueText(target.indicator, r.figure) ??
                  t(given ? 'status.unreported' : 'status.notAssigned')}
              </td>
              {target.related.map((indicator, index) => {
                const related = r.relatedFigures[index];
                return (
                  <td className="num" key={indicator.id}>
                    {(related && valueText(indicator, related.figure)) ??
                      t(given ? 'status.unreported' : 'status.notAssigned')}
                  </td>
                );
              })}
              {hasAllocation && (
                <td className="num">{r.allocation === null ? '—' : axis.full(r.allocation)}</td>
              )}
              {hasGoal && <td className="num">{pct ?? '—'}</td>}
              <td>{status === 'unreported' ? '—' : <StatusBadge status={status} size="sm" />}</td>
              <td>
                {target.indicator.measureType === 'units_meeting' && r.figure.expected > 0
                  ? `${r.figure.reported}/${r.figure.expected}`
                  : given
                    ? t(r.figure.hasData ? 'target.units.reportedYes' : 'target.units.reportedNo')
                    : '—'}
              </td>
            </tr>
          );
        })}
        {own && (
          <tr data-own="true" className="units-table__own">
            <th scope="row">{ownName}</th>
            <td className="num">{valueText(target.indicator, own.figure) ?? t('status.unreported')}</td>
            {target.related.map((indicator, index) => {
              const related = own.relatedFigures[index];
              return (
                <td className="num" key={indicator.id}>
                  {(related && valueText(indicator, related.figure)) ?? t('status.unreported')}
                </td>
              );
            })}
            {hasAllocation && <td className="num">—</td>}
            {hasGoal && <td className="num">—</td>}
            <td>—</td>
            <td>
              {target.indicator.measureType === 'units_meeting' && own.figure.expected > 0
                ? `${own.figure.reported}/${own.figure.expected}`
                : t(own.figure.hasData ? 'target.units.reportedYes' : 'target.units.reportedNo')}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );

  const summary = t('target.units.summary', {
    list: bars.map((b) => `${b.name}: ${axis.full(b.value)}`).join('; '),
  });
  const status =
    detail.rows.length === 0 && !own ? (
      <EmptyState>{t('target.units.none')}</EmptyState>
    ) : bars.length === 0 ? (
      <>
        <EmptyState>{t('target.units.noneReported')}</EmptyState>
        {tableOf(true)}
      </>
    ) : undefined;

  return (
    <ChartCard
      title={t('target.units.title')}
      subtitle={t('target.units.subtitle')}
      chartHeight={height}
      status={status}
      table={tableOf(true)}
      hiddenTable={tableOf(false)}
      chart={
        <UnitsChart
          rows={bars}
          height={height}
          axis={axis}
          summary={summary}
          name={t('target.units.value')}
          allocationName={marked ? t('target.units.allocationMark') : null}
          onSelect={onSelectUnit}
        />
      }
      footer={
        status ? undefined : (
          <>
            {/* What the bar colours mean, in words and symbols (never colour alone). */}
            <ul className="status-legend" aria-hidden="true">
              {legend.map((key) => (
                <li key={key}>
                  <span
                    className="chart-legend__swatch"
                    style={{ background: STATUS_STYLES[key].background }}
                  />
                  {STATUS_STYLES[key].symbol} {t(STATUS_STYLES[key].label)}
                </li>
              ))}
              {marked && (
                <li>
                  <span className="chart-legend__mark" />
                  {t('target.units.allocationMark')}
                </li>
              )}
            </ul>
            {owing.length > 0 && (
              <p className="chart-card__note">
                {t('target.units.unreportedNote', { list: owing.map(nameOf).join(', ') })}
              </p>
            )}
            {unassigned.length > 0 && (
              <p className="chart-card__note">
                {unassigned.length === detail.rows.length
                  ? t('target.units.notAssignedAll', { unit: detail.scope.unit.name })
                  : t('target.units.notAssignedNote', { list: unassigned.map(nameOf).join(', ') })}
              </p>
            )}
          </>
        )
      }
    />
  );
}
