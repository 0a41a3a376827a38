/**
 * The overview dashboard. Everything it shows follows from the address (?term&unit&asOf&basis): the API
 * fills in what is missing (first term, its owner unit, its default as-of date) and the page writes
 * what it got back into the address, so a copied link reopens exactly this view.
 */
import { formatDate, isIsoDate } from '@chitieu/core';
import { Button } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { memo, type ReactNode, useCallback, useDeferredValue, useEffect } from 'react';
import { useMeta } from '../../api/get-meta.ts';
import { useStructureVersions } from '../../api/get-structure-versions.ts';
import { useTerms } from '../../api/get-terms.ts';
import { useUnits } from '../../api/get-units.ts';
import { EmptyState, ErrorState, RetryButton } from '../../components/States.tsx';
import { StructureSwitch } from '../../components/StructureSwitch.tsx';
import { useI18n } from '../../i18n.ts';
import { errorMessage, isRetryable } from '../../lib/api-client.ts';
import { usePickableUnits } from '../../lib/units.ts';
import { useViewState } from '../../lib/url-state.ts';
import { type Dashboard, dashboardQueryOptions, useDashboard } from './api/get-dashboard.ts';
import { type Trends, useTrends } from './api/get-trends.ts';
import type { ScopeParams } from './api/scope.ts';
import { Headline } from './components/Headline.tsx';
import { IllustrativeNotice } from './components/IllustrativeNotice.tsx';
import { OverviewSkeleton } from './components/OverviewSkeleton.tsx';
import { PovertySection } from './components/PovertySection.tsx';
import { ScopeBar } from './components/ScopeBar.tsx';
import { Supplementary } from './components/Supplementary.tsx';
import { TargetCard } from './components/TargetCard.tsx';
import { WorksSection } from './components/WorksSection.tsx';

export function Overview({
  homeUnitIds = [],
}: {
  /** Units the user holds roles at: the picker offers these and what lies below them. */
  homeUnitIds?: readonly number[];
}) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [view, setView] = useViewState();
  const meta = useMeta();
  const terms = useTerms();
  const structureVersions = useStructureVersions();

  const termId = view.term ?? terms.data?.[0]?.id;
  const scope: ScopeParams | undefined =
    termId === undefined
      ? undefined
      : { termId, unitId: view.unit, asOf: view.asOf, basis: view.basis, structureVersionId: view.sv };
  const dashboard = useDashboard(scope);
  const data = dashboard.data;
  // The small trends and the charts ask for the view the dashboard resolved (its unit and date): the
  // same requests the address holds once the defaults are written into it. Asked with the bare address
  // first, each was fetched twice on every first visit. The headline and cards do not wait for them.
  const resolvedScope: ScopeParams | undefined = data && {
    termId: data.scope.term.id,
    unitId: data.scope.unit.id,
    asOf: data.scope.asOf,
    basis: view.basis,
    structureVersionId: view.sv,
  };
  const trends = useTrends(resolvedScope);
  // The figures are drawn from deferred copies: React draws them in the background, in slices that
  // leave the phone free to respond, instead of one long task each time a query answers.
  // So is the frame around them (scope bar, picker, footer): a user's move is drawn at once, and an
  // answer already cached for it would otherwise draw all of it in that synchronous render (0036).
  const shownData = useDeferredValue(data);
  const shownTrends = useDeferredValue(trends.data);
  const fresh = data !== undefined && !dashboard.isPlaceholderData;
  // The tree of the structure the figures use; if the dashboard fails, the current one (so another
  // unit can still be picked).
  const unitsVersion = data?.scope.structureVersionId ?? view.sv;
  const units = useUnits(unitsVersion, unitsVersion !== undefined || dashboard.isError);
  const shownUnits = useDeferredValue(units.data);

  // Reflect the defaults the API chose in the address (replace, not push: it is the same view).
  useEffect(() => {
    if (!fresh || !data) return;
    if (view.term !== undefined && view.unit !== undefined && view.asOf !== undefined) return;
    const { scope: s } = data;
    const resolved: ScopeParams = {
      termId: s.term.id,
      unitId: s.unit.id,
      asOf: s.asOf,
      basis: view.basis,
      structureVersionId: view.sv,
    };
    queryClient.setQueryData(dashboardQueryOptions(resolved).queryKey, data);
    setView({ term: s.term.id, unit: s.unit.id, asOf: s.asOf }, { replace: true });
  }, [fresh, data, view.term, view.unit, view.asOf, view.basis, view.sv, queryClient, setView]);

  useEffect(() => {
    document.title = data ? `${data.scope.unit.name} · ${t('app.title')}` : t('app.title');
  }, [data, t]);

  const term = shownData?.scope.term ?? terms.data?.find((candidate) => candidate.id === termId);
  const illustrative = shownData?.scope.illustrative ?? term?.illustrative ?? false;
  const selectUnit = useCallback((unitId: number) => setView({ unit: unitId }), [setView]);
  const { openable, pickable } = usePickableUnits(shownUnits?.units, homeUnitIds, [shownData?.scope.unit.id]);

  const topError = terms.error ?? (scope ? dashboard.error : null);
  let body: ReactNode;
  if (terms.isSuccess && terms.data.length === 0) {
    body = <EmptyState>{t('state.noTerms')}</EmptyState>;
  } else if (topError && !data) {
    body = (
      <ErrorState
        message={errorMessage(topError)}
        actions={
          <>
            {isRetryable(topError) && (
              <RetryButton onClick={() => (terms.error ? terms.refetch() : dashboard.refetch())} />
            )}
            {view.asOf !== undefined && (
              <Button size="xs" variant="default" onClick={() => setView({ asOf: undefined })}>
                {t('state.resetDate')}
              </Button>
            )}
            {(view.unit !== undefined || view.term !== undefined) && (
              <Button
                size="xs"
                variant="default"
                onClick={() => setView({ term: undefined, unit: undefined, asOf: undefined })}
              >
                {t('state.resetView')}
              </Button>
            )}
          </>
        }
      />
    );
  } else if (!shownData || !scope) {
    body = <OverviewSkeleton />;
  } else {
    body = (
      <OverviewFigures
        data={shownData}
        trends={shownTrends}
        updating={dashboard.isPlaceholderData || shownData !== data}
        sameTerm={shownData.scope.term.id === termId}
        basis={view.basis}
        structureVersionId={view.sv}
        onSelectUnit={selectUnit}
      />
    );
  }

  // Until the terms are known, nothing above the figures can be drawn at its height (the term's
  // dates, the illustrative notice): a placeholder, replaced whole, so nothing moves on arrival.
  if (terms.isPending) {
    return (
      <main id="main" className="main" key="waiting">
        <OverviewSkeleton />
      </main>
    );
  }

  const shownAsOf = view.asOf ?? shownData?.scope.asOf;
  return (
    <>
      <main id="main" className="main" key="overview">
        <ScopeBar
          units={pickable}
          canOpen={(unitId) => openable.has(unitId)}
          unitsLoading={shownUnits === undefined && !units.isError}
          unitId={shownData?.scope.unit.id ?? view.unit}
          asOf={shownAsOf}
          path={shownData?.scope.path ?? []}
          onUnit={selectUnit}
          onAsOf={(asOf) => setView({ asOf })}
          termRange={term ? { start: term.startDate, end: term.endDate } : undefined}
          basis={view.basis ?? shownData?.scope.basis ?? 'approved'}
          onBasis={(basis) => setView({ basis })}
        >
          {/* A new structure has other units: the API opens the default unit (or its successor). */}
          <StructureSwitch
            versions={structureVersions.data ?? []}
            asOf={shownAsOf}
            current={shownData?.scope.structureVersionId}
            onChange={(sv) => setView({ sv, unit: undefined })}
          />
        </ScopeBar>
        {illustrative && <IllustrativeNotice />}
        {body}
      </main>
      <footer className="footer">
        <p>
          {t('footer.source')}
          {meta.data?.demo && ` ${t('footer.demo')}.`}
        </p>
        {shownData && isIsoDate(shownData.scope.asOf) && (
          <p>
            {term?.name} · {formatDate(shownData.scope.asOf)}
          </p>
        )}
      </footer>
    </>
  );
}

/** The headline, the target cards and the charts of one answered view (memoised: see the caller). */
const OverviewFigures = memo(function OverviewFigures({
  data,
  trends,
  updating,
  sameTerm,
  basis,
  structureVersionId,
  onSelectUnit,
}: {
  data: Dashboard;
  trends: Trends | undefined;
  updating: boolean;
  /** Whether the answer is for the term in the address (not the previous one, still shown). */
  sameTerm: boolean;
  basis: ScopeParams['basis'];
  structureVersionId: number | undefined;
  onSelectUnit: (unitId: number) => void;
}) {
  const { t } = useI18n();
  const { scope } = data;
  const resolvedScope: ScopeParams = {
    termId: scope.term.id,
    unitId: scope.unit.id,
    asOf: scope.asOf,
    basis,
    structureVersionId,
  };
  const counted = data.targets.filter((target) => target.counted);
  const supplementary = data.targets.filter((target) => !target.counted);
  // The charts draw the targets a manager chose for them (never a code written here).
  const poverty = sameTerm ? data.targets.find((target) => target.mission === 'poverty') : undefined;
  const works = sameTerm ? data.targets.find((target) => target.mission === 'rural') : undefined;
  return (
    <div className={updating ? 'overview is-updating' : 'overview'}>
      <Headline dashboard={data} updating={updating} />
      <section className="section" aria-labelledby="targets-title">
        <div className="section__head">
          <h2 className="section__title" id="targets-title">
            {t('targets.title')}
          </h2>
          <p className="section__note">{t('status.legend')}</p>
        </div>
        {counted.length === 0 ? (
          <EmptyState>{t('targets.empty')}</EmptyState>
        ) : (
          <div className="target-grid">
            {counted.map((target) => (
              <TargetCard
                key={target.id}
                termId={scope.term.id}
                dating={data.dating}
                target={target}
                trend={trends?.targets.find((x) => x.targetId === target.id)?.points}
              />
            ))}
          </div>
        )}
      </section>
      <Supplementary targets={supplementary} />
      {(poverty || works) && (
        <div className="chart-grid">
          {poverty && (
            <PovertySection
              scope={resolvedScope}
              target={poverty}
              showPlan={scope.unit.id === scope.term.ownerUnitId}
            />
          )}
          {works && (
            <WorksSection
              scope={resolvedScope}
              target={works}
              asOf={scope.asOf}
              onSelectUnit={onSelectUnit}
            />
          )}
        </div>
      )}
    </div>
  );
});
