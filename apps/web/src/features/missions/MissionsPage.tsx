/**
 * The mission's named views: poverty reduction (households by year against the plan, by district
 * against the allocation), new rural areas (works and their value by district and by year), and
 * grassroots activity (share of units meeting the rule and the list of those that do not).
 * `?page=missions&mission=poverty|rural|grassroots&unit&asOf`.
 */
import { formatDate } from '@chitieu/core';
import { Skeleton } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { LeaderScopeBar, ScopeError, useLeaderScope } from '../../components/LeaderScope.tsx';
import { PrintButton } from '../../components/PrintButton.tsx';
import { Segmented } from '../../components/Segmented.tsx';
import { ErrorState } from '../../components/States.tsx';
import { type MessageKey, useI18n } from '../../i18n.ts';
import { MISSION_NAMES, type Mission, useMission } from './api/get-mission.ts';
import { GrassrootsMission } from './components/GrassrootsMission.tsx';
import { PovertyMission } from './components/PovertyMission.tsx';
import { RuralMission } from './components/RuralMission.tsx';

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
    body = <PovertyMission data={data} onUnit={(unit) => setView({ unit })} />;
  } else if (mission === 'rural') {
    body = <RuralMission data={data} onUnit={(unit) => setView({ unit })} />;
  } else {
    body = <GrassrootsMission data={data} onUnit={(unit) => setView({ unit })} />;
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
