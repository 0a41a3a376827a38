/**
 * The target page (?page=target&target=ID&term&unit&asOf&basis&sv): one target for one unit as of a
 * date — result against the plan with the forecast, results per period, the child units (click one
 * to go down a level; the breadcrumb goes back up), and the notes and evidence behind the figures.
 * Like the overview, everything follows from the address, so a copied link reopens this view.
 */
import { formatDate, isStateMeasure } from '@chitieu/core';
import { Button } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { useTerms } from '../../api/get-terms.ts';
import { useUnits } from '../../api/get-units.ts';
import { FigureDate } from '../../components/FigureDate.tsx';
import { EmptyState, ErrorState, PageLoading, RetryButton } from '../../components/States.tsx';
import { useI18n } from '../../i18n.ts';
import { errorMessage, isRetryable } from '../../lib/api-client.ts';
import { goalText, pctOfGoalText, relatedText, shareText, valueParts } from '../../lib/figures.ts';
import { statusKey } from '../../lib/status.ts';
import { usePickableUnits } from '../../lib/units.ts';
import { navigate, useViewState, viewStateSearch } from '../../lib/url-state.ts';
import { IllustrativeNotice } from '../overview/components/IllustrativeNotice.tsx';
import { ScopeBar } from '../overview/components/ScopeBar.tsx';
import { StatusBadge } from '../overview/components/StatusBadge.tsx';
import { type TargetDetail, type TargetDetailParams, useTargetDetail } from './api/get-target-detail.ts';
import { NotesSection } from './components/NotesSection.tsx';
import { PeriodsSection } from './components/PeriodsSection.tsx';
import { ProgressSection } from './components/ProgressSection.tsx';
import { UnitsSection } from './components/UnitsSection.tsx';
import { axisFor } from './format.ts';
import './target.css';

export default function TargetPage({ homeUnitIds = [] }: { homeUnitIds?: readonly number[] }) {
  const { t } = useI18n();
  const [view, setView] = useViewState();
  const terms = useTerms();
  const termId = view.term ?? terms.data?.[0]?.id;
  const params: TargetDetailParams | undefined =
    termId === undefined || view.target === undefined
      ? undefined
      : {
          termId,
          targetId: view.target,
          unitId: view.unit,
          asOf: view.asOf,
          basis: view.basis,
          structureVersionId: view.sv,
        };
  const detail = useTargetDetail(params);
  const data = detail.data;
  const fresh = data !== undefined && !detail.isPlaceholderData;
  const unitsVersion = data?.scope.structureVersionId ?? view.sv;
  const units = useUnits(unitsVersion, unitsVersion !== undefined || detail.isError);
  const { openable, pickable } = usePickableUnits(units.data?.units, homeUnitIds, [data?.scope.unit.id]);

  // The defaults the API chose go into the address (replace: it is the same view).
  useEffect(() => {
    if (!fresh || !data) return;
    if (view.term !== undefined && view.unit !== undefined && view.asOf !== undefined) return;
    setView({ term: data.scope.term.id, unit: data.scope.unit.id, asOf: data.scope.asOf }, { replace: true });
  }, [fresh, data, view.term, view.unit, view.asOf, setView]);

  useEffect(() => {
    document.title = data
      ? `${data.target.code} · ${data.scope.unit.name} · ${t('app.title')}`
      : t('app.title');
  }, [data, t]);

  const selectUnit = (unitId: number) => setView({ unit: unitId });
  // Back to the overview of the same unit and date.
  const overviewState = { term: view.term, unit: view.unit, asOf: view.asOf, basis: view.basis, sv: view.sv };
  const term = data?.scope.term ?? terms.data?.find((candidate) => candidate.id === termId);
  const error = terms.error ?? detail.error;

  let body: ReactNode;
  if (view.target === undefined) {
    body = <EmptyState>{t('target.missing')}</EmptyState>;
  } else if (error && !data) {
    body = (
      <ErrorState
        message={errorMessage(error)}
        actions={
          <>
            {isRetryable(error) && <RetryButton onClick={() => detail.refetch()} />}
            {view.asOf !== undefined && (
              <Button size="xs" variant="default" onClick={() => setView({ asOf: undefined })}>
                {t('state.resetDate')}
              </Button>
            )}
            <Button size="xs" variant="default" onClick={() => navigate({ term: view.term })}>
              {t('state.resetView')}
            </Button>
          </>
        }
      />
    );
  } else if (!data || !params) {
    body = <PageLoading />;
  } else {
    body = (
      <div
        className={detail.isPlaceholderData ? 'target-page is-updating' : 'target-page'}
        aria-busy={detail.isPlaceholderData}
      >
        {/* A later failure (e.g. a date outside the term) is said above the figures it did not replace. */}
        {error && <ErrorState message={errorMessage(error)} />}
        <TargetSummary detail={data} />
        <TargetBody
          detail={data}
          params={{ ...params, unitId: data.scope.unit.id, asOf: data.scope.asOf }}
          onSelectUnit={selectUnit}
        />
      </div>
    );
  }

  return (
    <main id="main" className="main">
      <p className="target-page__back">
        <a
          href={`${window.location.pathname}${viewStateSearch(overviewState, window.location.search)}`}
          onClick={(event) => {
            if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
              return;
            event.preventDefault();
            navigate(overviewState);
          }}
        >
          {t('target.back')}
        </a>
      </p>
      <ScopeBar
        units={pickable}
        canOpen={(unitId) => openable.has(unitId)}
        unitsLoading={units.isPending}
        unitId={data?.scope.unit.id ?? view.unit}
        asOf={view.asOf ?? data?.scope.asOf}
        path={data?.scope.path ?? []}
        onUnit={selectUnit}
        onAsOf={(asOf) => setView({ asOf })}
        termRange={term ? { start: term.startDate, end: term.endDate } : undefined}
        basis={view.basis ?? data?.scope.basis ?? 'approved'}
        onBasis={(basis) => setView({ basis })}
      />
      {(data?.scope.illustrative ?? term?.illustrative) && <IllustrativeNotice />}
      {body}
    </main>
  );
}

/** Heading and the facts a leader reads first: result, goal, %, pace, status and forecast. */
function TargetSummary({ detail }: { detail: TargetDetail }) {
  const { t, lang } = useI18n();
  const { target, scope, forecast, forecastReason } = detail;
  const { indicator, figure, goal, goalKind } = target;
  const parts = valueParts(indicator, figure);
  const noGoal = goalKind === 'none' || goal === null;
  const key = statusKey(target.status, figure, goal);
  const pct = noGoal ? null : pctOfGoalText(figure.value, goal, target.pctOfGoal);
  const axis = axisFor(indicator, Math.max(goal ?? 0, figure.value ?? 0));
  const expected =
    noGoal || goal === null
      ? null
      : detail.plan.length > 0
        ? Math.round(
            (isStateMeasure(indicator.measureType) ? target.baseline : 0) +
              (goal - (isStateMeasure(indicator.measureType) ? target.baseline : 0)) * target.expectedShare,
          )
        : null;
  const related = target.relatedFigures
    .map((r) => relatedText(r.indicator, r.figure))
    .filter((text): text is string => text !== null);
  return (
    <section className="target-summary" aria-labelledby="target-title">
      <div className="target-summary__head">
        <h2 className="target-summary__title" id="target-title">
          {t('target.pageTitle', { code: target.code, name: target.shortName })}
        </h2>
        {!noGoal && <StatusBadge status={key} />}
      </div>
      <p className="target-summary__wording">{target.wording}</p>
      <dl className="target-facts">
        <div className="target-facts__item target-facts__item--main">
          <dt>{t('target.result', { date: formatDate(scope.asOf) })}</dt>
          <dd>
            {parts ? (
              <>
                <span className="target-facts__number" data-testid="target-value">
                  {parts.value}
                </span>
                {parts.unit && <span className="target-facts__unit"> {parts.unit}</span>}
              </>
            ) : (
              <span className="target-facts__missing" data-testid="target-value">
                {t('targets.unreported')}
              </span>
            )}
            {related.length > 0 && <span className="target-facts__related">— {related.join('; ')}</span>}
            <FigureDate termId={scope.term.id} figure={figure} always className="target-facts__dating" />
          </dd>
        </div>
        <div className="target-facts__item">
          <dt>{t(goalKind === 'allocation' ? 'target.goalAllocated' : 'target.goalTerm')}</dt>
          <dd>
            {noGoal ? t('target.noGoal') : goalText(indicator, goal)}
            {pct && <span className="target-facts__sub">{t('targets.pctOfGoal', { pct })}</span>}
          </dd>
        </div>
        {expected !== null && (
          <div className="target-facts__item">
            <dt>{t('target.expected')}</dt>
            <dd>
              {axis.full(expected)}
              <span className="target-facts__sub">
                {t('target.expectedShare', { pct: shareText(target.expectedShare) })}
              </span>
            </dd>
          </div>
        )}
        {goalKind === 'term' && target.midTermMilestone !== null && (
          <div className="target-facts__item">
            <dt>{t('target.milestone')}</dt>
            <dd>{goalText(indicator, target.midTermMilestone)}</dd>
          </div>
        )}
        <div className="target-facts__item" data-testid="target-forecast">
          <dt>{t('target.forecast')}</dt>
          <dd>
            {forecast ? (
              <>
                {axis.full(forecast.value)}
                {forecast.pctOfGoal !== null && !noGoal && (
                  <span className="target-facts__sub">
                    {t('target.forecastOfGoal', {
                      pct: pctOfGoalText(forecast.value, goal, forecast.pctOfGoal) ?? '',
                    })}
                  </span>
                )}
                <span className="target-facts__method">{forecast.description[lang]}</span>
              </>
            ) : (
              <>
                {t('target.forecastNone')}
                <span className="target-facts__method">{forecastReason?.[lang]}</span>
              </>
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}

function TargetBody({
  detail,
  params,
  onSelectUnit,
}: {
  detail: TargetDetail;
  params: TargetDetailParams;
  onSelectUnit: (unitId: number) => void;
}) {
  const { indicator } = detail.target;
  const state = isStateMeasure(indicator.measureType);
  const max = Math.max(
    0,
    ...detail.plan.map((p) => p.value),
    ...detail.points.map((p) => p.toDate.value ?? 0),
    detail.forecast?.value ?? 0,
  );
  const axis = axisFor(indicator, max);
  const unitsAxis = axisFor(indicator, Math.max(0, ...detail.rows.map((r) => r.figure.value ?? 0)));
  return (
    <>
      <div className="chart-grid">
        <ProgressSection detail={detail} axis={axis} state={state} />
        <PeriodsSection detail={detail} axis={axisFor(indicator, max)} state={state} />
      </div>
      <UnitsSection detail={detail} axis={unitsAxis} onSelectUnit={onSelectUnit} />
      <NotesSection params={params} />
    </>
  );
}
