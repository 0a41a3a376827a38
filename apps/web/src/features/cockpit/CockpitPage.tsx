/**
 * "Tình hình báo cáo": who has reported, who is late. Units × periods of a subtree, each report's
 * state in words and colour, overdue ones marked; a cell opens that unit's entry grid for that
 * period. ?page=cockpit&unit&state=submitted|returned|overdue|unsubmitted (filter.ts). Loaded on demand.
 */
import './cockpit.css';
import { formatDate, type ReportState } from '@chitieu/core';
import { Fragment, type ReactNode, useEffect, useMemo } from 'react';
import { useTerms } from '../../api/get-terms.ts';
import { useUnits } from '../../api/get-units.ts';
import { ReportStateBadge } from '../../components/ReportStateBadge.tsx';
import { Segmented } from '../../components/Segmented.tsx';
import { EmptyState, ErrorState, PageLoading, RetryButton } from '../../components/States.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useI18n } from '../../i18n.ts';
import { oversightRoots, type RoleLike } from '../../lib/access.ts';
import { errorMessage, isRetryable } from '../../lib/api-client.ts';
import { periodName, periodShortName } from '../../lib/periods.ts';
import { REPORT_STATE_STYLES } from '../../lib/report-state.ts';
import { withinRoots } from '../../lib/units.ts';
import { navigate, useViewState } from '../../lib/url-state.ts';
import { useCockpit } from './api/get-cockpit.ts';
import { COCKPIT_FILTERS, type CockpitFilter, cockpitFilterOf, matches, unitsMatching } from './filter.ts';

const DONE = new Set<ReportState>(['submitted', 'approved']);
const LEGEND: ReportState[] = ['not_started', 'draft', 'submitted', 'returned', 'approved'];

export default function CockpitPage({ me }: { me: { roles: readonly RoleLike[] } }) {
  const { t } = useI18n();
  const [view, setView] = useViewState();
  const terms = useTerms();
  const termId = view.term ?? terms.data?.[0]?.id;
  const units = useUnits(undefined);
  const roots = useMemo(() => oversightRoots(me.roles), [me.roles]);
  const allUnits = units.data?.units;
  const pickable = useMemo(() => {
    const inside = withinRoots(allUnits ?? [], roots);
    // Reports are made by grassroots units: pick the levels above them.
    return (allUnits ?? []).filter((unit) => inside.has(unit.id) && !unit.isGrassroots);
  }, [allUnits, roots]);
  const unitId = view.unit ?? roots[0];

  useEffect(() => {
    if (termId === undefined || unitId === undefined) return;
    if (view.term === termId && view.unit === unitId) return;
    setView({ term: termId, unit: unitId }, { replace: true });
  }, [termId, unitId, view.term, view.unit, setView]);

  const cockpit = useCockpit(termId !== undefined && unitId !== undefined ? { termId, unitId } : undefined);
  const data = cockpit.data;

  useEffect(() => {
    document.title = `${t('nav.cockpit')} · ${t('app.title')}`;
  }, [t]);

  const filter = cockpitFilterOf(view);
  const shown = unitsMatching(data?.units ?? [], filter);
  const countOf = (f: CockpitFilter) => unitsMatching(data?.units ?? [], f).length;
  const setFilter = (f: CockpitFilter) => setView({ state: f === 'all' ? undefined : f, owing: undefined });
  const showGroups = new Set(shown.map((u) => u.parentName)).size > 1;
  const error = terms.error ?? cockpit.error;

  let body: ReactNode;
  if (error && !data) {
    body = (
      <ErrorState
        message={errorMessage(error)}
        actions={isRetryable(error) ? <RetryButton onClick={() => cockpit.refetch()} /> : undefined}
      />
    );
  } else if (!data) {
    body = <PageLoading />;
  } else if (data.units.length === 0) {
    body = <EmptyState>{t('cockpit.noUnits')}</EmptyState>;
  } else {
    // Newest first: what is due now is what one looks for (and all a phone shows at first).
    const periods = [...data.periods].sort((a, b) => b.startDate.localeCompare(a.startDate));
    body = (
      <div className={cockpit.isPlaceholderData ? 'cockpit-table is-updating' : 'cockpit-table'}>
        <table className="cockpit">
          <caption className="visually-hidden">{t('cockpit.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="cockpit__unit-head">
                {t('cockpit.unit')}
              </th>
              {periods.map((p) => {
                const cells = data.units.map((u) => u.states.find((s) => s.periodId === p.id));
                const due = cells.filter((c) => c?.applies).length;
                const done = cells.filter((c) => c?.applies && DONE.has(c.state)).length;
                return (
                  <th
                    key={p.id}
                    scope="col"
                    className={p.overdue ? 'cockpit__period is-past' : 'cockpit__period'}
                  >
                    <span className="cockpit__period-name" title={periodName(p)}>
                      {periodShortName(p)}
                    </span>
                    <span className="cockpit__deadline">
                      {t('cockpit.deadline', { date: formatDate(p.deadline) })}
                    </span>
                    <span className="cockpit__done">{t('cockpit.done', { done, total: due })}</span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {shown.length === 0 && (
              <tr>
                <td colSpan={periods.length + 1} className="cockpit__none">
                  {filter === 'overdue'
                    ? t('cockpit.noneOwing')
                    : t('cockpit.noneMatching', { state: t(`cockpit.filter.${filter}`) })}
                </td>
              </tr>
            )}
            {shown.map((unit, index) => {
              const group = showGroups && unit.parentName !== shown[index - 1]?.parentName;
              return (
                <Fragment key={unit.id}>
                  {group && (
                    <tr className="cockpit__group">
                      <th colSpan={periods.length + 1} scope="colgroup">
                        {unit.parentName}
                      </th>
                    </tr>
                  )}
                  <tr data-unit={unit.name}>
                    <th scope="row" className="cockpit__unit">
                      {unit.name}
                      {unit.former && <span className="cockpit__former"> ({t('units.former')})</span>}
                    </th>
                    {periods.map((p) => {
                      const cell = unit.states.find((s) => s.periodId === p.id);
                      if (!cell?.applies) {
                        // Outside the unit's life: not expected, never overdue.
                        return (
                          <td key={p.id} className="cockpit__cell cockpit__cell--none" data-period={p.id}>
                            <span title={t('cockpit.notExpected')}>—</span>
                            <span className="visually-hidden"> {t('cockpit.notExpected')}</span>
                          </td>
                        );
                      }
                      const state: ReportState = cell.state;
                      const style = REPORT_STATE_STYLES[state];
                      // Under a filter, the cells in other states stay, dimmed: the row still reads whole.
                      const dimmed = !matches(cell, filter);
                      return (
                        <td
                          key={p.id}
                          className={dimmed ? 'cockpit__cell is-dimmed' : 'cockpit__cell'}
                          data-period={p.id}
                        >
                          <button
                            type="button"
                            className={cell?.overdue ? 'cockpit__open is-overdue' : 'cockpit__open'}
                            style={{ background: style.bg, color: style.fg, borderColor: style.border }}
                            data-state={state}
                            title={t('cockpit.open', { unit: unit.name, period: periodName(p) })}
                            onClick={() =>
                              navigate({ page: 'entry', term: termId, unit: unit.id, period: p.id })
                            }
                          >
                            <span className="cockpit__state">
                              <span aria-hidden="true">{style.symbol} </span>
                              {t(style.label)}
                            </span>
                            {cell?.overdue && (
                              <span className="cockpit__overdue">{t('cockpit.overdue')}</span>
                            )}
                            {cell.flagged > 0 && (
                              <span
                                className={
                                  cell.unexplained > 0
                                    ? 'flag-mark cockpit__flag is-unexplained'
                                    : 'flag-mark cockpit__flag'
                                }
                                data-flagged={cell.flagged}
                              >
                                <span aria-hidden="true">⚑ </span>
                                {t('flag.cockpit', { count: cell.flagged })}
                                {cell.unexplained > 0 && (
                                  <span className="cockpit__flag-note">
                                    {t('flag.cockpit.unexplained', { count: cell.unexplained })}
                                  </span>
                                )}
                              </span>
                            )}
                            <span className="visually-hidden">
                              {' '}
                              · {unit.name} · {periodName(p)}
                            </span>
                          </button>
                        </td>
                      );
                    })}
                  </tr>
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <main id="main" className="main main--wide">
      <div className="page-head">
        <h2 className="page-head__title">{t('cockpit.title')}</h2>
        <p className="page-head__lead">{t('cockpit.lead')}</p>
      </div>
      <div className="scope-bar">
        <div className="scope-bar__controls cockpit-controls">
          <UnitPicker
            units={pickable}
            value={unitId}
            onChange={(id) => id !== undefined && setView({ unit: id })}
            loading={units.isPending}
          />
          <div className="cockpit-filter">
            <span className="cockpit-filter__label" id="cockpit-filter-label">
              {t('cockpit.filter')}
            </span>
            <Segmented
              aria-labelledby="cockpit-filter-label"
              className="cockpit-filter__choices"
              value={filter}
              onChange={setFilter}
              data={COCKPIT_FILTERS.map((f) => ({
                value: f,
                label: data ? `${t(`cockpit.filter.${f}`)} · ${countOf(f)}` : t(`cockpit.filter.${f}`),
              }))}
            />
          </div>
        </div>
        <ul className="cockpit-legend" aria-label={t('cockpit.legend')}>
          {LEGEND.map((state) => (
            <li key={state}>
              <ReportStateBadge state={state} size="sm" />
            </li>
          ))}
          <li>
            <span className="cockpit-legend__overdue">{t('cockpit.overdue')}</span>
            {t('cockpit.overdueMeaning')}
          </li>
          <li>
            <span className="flag-mark cockpit-legend__flag">
              <span aria-hidden="true">⚑ </span>
              {t('flag.mark')}
            </span>
            {t('flag.cockpit.legend')}
          </li>
        </ul>
      </div>
      {body}
    </main>
  );
}
