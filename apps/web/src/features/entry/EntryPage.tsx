/**
 * "Nhập liệu": one unit's results for one reporting period (?page=entry&unit&period), the report's
 * workflow (send, approve, return) and Excel in and out. Loaded on demand (not in the overview's
 * first download).
 */
import './entry.css';
import { reportsPeriod, todayInVietnam } from '@chitieu/core';
import { NativeSelect } from '@mantine/core';
import { useDeferredValue, useEffect, useMemo } from 'react';
import { usePeriods } from '../../api/get-periods.ts';
import { useTerms } from '../../api/get-terms.ts';
import { useUnits } from '../../api/get-units.ts';
import { ErrorState, PageLoading, RetryButton } from '../../components/States.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useI18n } from '../../i18n.ts';
import { entryRoots } from '../../lib/access.ts';
import { errorMessage, isRetryable } from '../../lib/api-client.ts';
import { openPeriods, periodOption, periodToOpen } from '../../lib/periods.ts';
import { REPORT_STATE_STYLES } from '../../lib/report-state.ts';
import { withinRoots } from '../../lib/units.ts';
import { useViewState } from '../../lib/url-state.ts';
import { useCockpit } from '../cockpit/api/get-cockpit.ts';
import { type EntryParams, useEntryGrid } from './api/get-entry-grid.ts';
import { type EntryUser, EntryWorkspace } from './EntryWorkspace.tsx';

export default function EntryPage({ me }: { me: EntryUser }) {
  const { t } = useI18n();
  const [view, setView] = useViewState();
  const terms = useTerms();
  const termId = view.term ?? terms.data?.[0]?.id;
  const periods = usePeriods(termId);
  const units = useUnits(undefined);
  const roots = useMemo(() => entryRoots(me.roles), [me.roles]);
  const allUnits = units.data?.units;
  // The picker's options are drawn from a deferred copy of the unit list, in slices (0023).
  const shownUnits = useDeferredValue(allUnits);
  const pickable = useMemo(() => {
    const inside = withinRoots(shownUnits ?? [], roots);
    return (shownUnits ?? []).filter((unit) => inside.has(unit.id));
  }, [shownUnits, roots]);
  const today = todayInVietnam();
  const unitId = view.unit ?? roots[0];
  const unit = allUnits?.find((u) => u.id === unitId);
  // Only the periods the unit reports: those inside its life (a merged ward from its first half-year).
  const periodList = useMemo(
    () => (periods.data ?? []).filter((p) => !unit || reportsPeriod(unit, p)),
    [periods.data, unit],
  );
  // Each period's report for this unit: the form opens on the oldest still owed, and the picker says
  // which are overdue, sent or approved.
  const cockpit = useCockpit(termId !== undefined && unitId !== undefined ? { termId, unitId } : undefined);
  const reports = cockpit.data?.units.find((u) => u.id === unitId)?.states;
  const reportOf = new Map((reports ?? []).map((r) => [r.periodId, r]));
  const periodId =
    view.period ?? (cockpit.isPending ? undefined : periodToOpen(periodList, reports ?? [], today)?.id);
  const periodLabel = (p: (typeof periodList)[number]) => {
    const report = reportOf.get(p.id);
    if (!report) return periodOption(p);
    if (report.overdue) return `${periodOption(p)} · ${t('cockpit.overdue')}`;
    if (report.state === 'not_started') return periodOption(p);
    return `${periodOption(p)} · ${t(REPORT_STATE_STYLES[report.state].label)}`;
  };

  // Reflect the defaults in the address (replace: it is the same view).
  useEffect(() => {
    if (termId === undefined || unitId === undefined || periodId === undefined) return;
    if (view.term === termId && view.unit === unitId && view.period === periodId) return;
    setView({ term: termId, unit: unitId, period: periodId }, { replace: true });
  }, [termId, unitId, periodId, view.term, view.unit, view.period, setView]);

  const params: EntryParams | undefined =
    termId !== undefined && unitId !== undefined && periodId !== undefined
      ? { termId, unitId, periodId }
      : undefined;
  const grid = useEntryGrid(params);
  // The grid's first draw is a transition too: only its arrival is deferred, never the answer itself
  // (a save is made against the version the grid shows, which must be the latest).
  const gridArrived = useDeferredValue(grid.data !== undefined);

  useEffect(() => {
    document.title = grid.data
      ? `${t('nav.entry')} · ${grid.data.unit.name} · ${t('app.title')}`
      : `${t('nav.entry')} · ${t('app.title')}`;
  }, [grid.data, t]);

  const options = openPeriods(periodList, today);
  if (periodId !== undefined && !options.some((p) => p.id === periodId)) {
    const chosen = periodList.find((p) => p.id === periodId);
    if (chosen) options.unshift(chosen);
  }
  const error = terms.error ?? periods.error ?? grid.error;

  return (
    <main id="main" className="main main--wide">
      <div className="page-head">
        <h2 className="page-head__title">{t('entry.title')}</h2>
        <p className="page-head__lead">{t('entry.lead')}</p>
      </div>
      <div className="scope-bar entry-scope">
        <div className="scope-bar__controls">
          <UnitPicker
            units={pickable}
            value={unitId}
            onChange={(id) => id !== undefined && setView({ unit: id })}
            loading={shownUnits === undefined && !units.isError}
          />
          <NativeSelect
            className="period-picker"
            label={t('entry.period')}
            value={periodId === undefined ? '' : String(periodId)}
            data={
              options.length === 0
                ? [{ value: '', label: t('state.loading') }]
                : options.map((p) => ({ value: String(p.id), label: periodLabel(p) }))
            }
            onChange={(event) => {
              const next = Number(event.currentTarget.value);
              if (next > 0) setView({ period: next });
            }}
            disabled={options.length === 0}
          />
        </div>
      </div>
      {error && !grid.data ? (
        <ErrorState
          message={errorMessage(error)}
          actions={isRetryable(error) ? <RetryButton onClick={() => grid.refetch()} /> : undefined}
        />
      ) : !grid.data || !gridArrived || !params ? (
        <PageLoading />
      ) : (
        <EntryWorkspace
          key={`${params.unitId}:${params.periodId}`}
          grid={grid.data}
          params={params}
          me={me}
        />
      )}
    </main>
  );
}
