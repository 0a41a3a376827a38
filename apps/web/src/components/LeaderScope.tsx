/**
 * The scope of the leaders' views (lagging units, missions, comparison): unit, as-of date and basis
 * from the address, the same picker and date form as the overview, and the error a refused view
 * gets (a date outside the term, a unit outside one's scope) with ways out — never a blank page.
 */
import type { Basis } from '@chitieu/core';
import { Button } from '@mantine/core';
import { useTerms } from '../api/get-terms.ts';
import { useUnits } from '../api/get-units.ts';
import type { ScopeParams } from '../features/overview/api/scope.ts';
import { ScopeBar } from '../features/overview/components/ScopeBar.tsx';
import { useI18n } from '../i18n.ts';
import { errorMessage, isRetryable } from '../lib/api-client.ts';
import { usePickableUnits } from '../lib/units.ts';
import { useViewState } from '../lib/url-state.ts';
import { ErrorState, RetryButton } from './States.tsx';

export interface ScopeViewLike {
  term: { id: number; startDate: string; endDate: string };
  unit: { id: number };
  path: { id: number; name: string }[];
  asOf: string;
  basis: Basis;
  structureVersionId: number;
}

/** The view's scope parameters from the address (undefined until the terms are known). */
export function useLeaderScope() {
  const [view, setView] = useViewState();
  const terms = useTerms();
  const termId = view.term ?? terms.data?.[0]?.id;
  const scope: ScopeParams | undefined =
    termId === undefined
      ? undefined
      : { termId, unitId: view.unit, asOf: view.asOf, basis: view.basis, structureVersionId: view.sv };
  return { view, setView, terms, termId, scope };
}

export function LeaderScopeBar({
  data,
  homeUnitIds,
  failed,
}: {
  data: ScopeViewLike | undefined;
  homeUnitIds: readonly number[];
  /** The view's request failed: still offer the unit picker (the current structure). */
  failed: boolean;
}) {
  const { view, setView, terms, termId } = useLeaderScope();
  const version = data?.structureVersionId ?? view.sv;
  const units = useUnits(version, version !== undefined || failed);
  const { openable, pickable } = usePickableUnits(units.data?.units, homeUnitIds, [data?.unit.id]);
  const term = data?.term ?? terms.data?.find((candidate) => candidate.id === termId);
  return (
    <ScopeBar
      units={pickable}
      canOpen={(id) => openable.has(id)}
      unitsLoading={units.isPending}
      unitId={data?.unit.id ?? view.unit}
      asOf={view.asOf ?? data?.asOf}
      path={data?.path ?? []}
      onUnit={(unit) => setView({ unit })}
      onAsOf={(asOf) => setView({ asOf })}
      termRange={term ? { start: term.startDate, end: term.endDate } : undefined}
      basis={view.basis ?? data?.basis ?? 'approved'}
      onBasis={(basis) => setView({ basis })}
    />
  );
}

/** A refused or failed view: the API's Vietnamese message, retry if it may help, and ways back. */
export function ScopeError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useI18n();
  const { view, setView } = useLeaderScope();
  return (
    <ErrorState
      message={errorMessage(error)}
      actions={
        <>
          {isRetryable(error) && <RetryButton onClick={onRetry} />}
          {(view.asOf !== undefined || view.asOf2 !== undefined) && (
            <Button
              size="xs"
              variant="default"
              onClick={() => setView({ asOf: undefined, asOf2: undefined })}
            >
              {t('state.resetDate')}
            </Button>
          )}
          {(view.unit !== undefined || view.unit2 !== undefined) && (
            <Button
              size="xs"
              variant="default"
              onClick={() => setView({ unit: undefined, unit2: undefined })}
            >
              {t('leaders.resetUnit')}
            </Button>
          )}
        </>
      }
    />
  );
}
