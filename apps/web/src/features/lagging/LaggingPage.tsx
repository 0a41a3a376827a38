/**
 * Lagging units: the children of the chosen unit ranked by the API (the rule is @chitieu/core's
 * rankUnits), worst first, with the targets each is behind on — the list a leader uses to decide
 * whom to call. A table, not a chart: it is read row by row, and a unit's name opens its own units.
 */
import { formatDate } from '@chitieu/core';
import { Skeleton } from '@mantine/core';
import { useEffect } from 'react';
import { LeaderScopeBar, ScopeError, useLeaderScope } from '../../components/LeaderScope.tsx';
import { PrintButton } from '../../components/PrintButton.tsx';
import { EmptyState } from '../../components/States.tsx';
import { useI18n } from '../../i18n.ts';
import { formatPercent } from '../../lib/numbers.ts';
import { STATUS_STYLES } from '../../lib/status.ts';
import { StatusBadge } from '../overview/components/StatusBadge.tsx';
import { type LaggingRow, useLagging } from './api/get-lagging.ts';
import './lagging.css';

const scoreText = (score: number) => formatPercent(Math.round(score * 100), 0);

export default function LaggingPage({ homeUnitIds }: { homeUnitIds: readonly number[] }) {
  const { t } = useI18n();
  const { scope, setView } = useLeaderScope();
  const lagging = useLagging(scope);
  const data = lagging.data;

  useEffect(() => {
    document.title = `${t('lagging.title')} · ${data?.scope.unit.name ?? t('app.title')}`;
  }, [data, t]);

  const names = new Map(data?.targets.map((target) => [target.id, `${target.code} ${target.shortName}`]));
  const lagCount = data?.rows.filter((r) => r.unreported || (r.score !== null && r.score < 0.9)).length ?? 0;

  let body: React.ReactNode;
  if (lagging.error && !data) {
    body = <ScopeError error={lagging.error} onRetry={() => lagging.refetch()} />;
  } else if (!data) {
    body = <Skeleton height={360} radius="sm" aria-label={t('state.loading')} />;
  } else if (data.rows.length === 0) {
    body = <EmptyState>{t('lagging.noChildren')}</EmptyState>;
  } else {
    body = (
      <>
        {lagging.error && <ScopeError error={lagging.error} onRetry={() => lagging.refetch()} />}
        <p className="lagging__count">
          {t('lagging.lagCount', { count: lagCount, total: data.rows.length })}
        </p>
        <div className="table-scroll">
          <table className="data-table lagging-table">
            <caption className="visually-hidden">{t('lagging.title')}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t('lagging.rank')}
                </th>
                <th scope="col">{t('lagging.unit')}</th>
                <th scope="col">{t('lagging.score')}</th>
                <th scope="col">{t('lagging.behindOn')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <Row
                  key={row.unitId}
                  row={row}
                  names={names}
                  onOpen={row.hasChildren ? () => setView({ unit: row.unitId }) : undefined}
                />
              ))}
            </tbody>
          </table>
        </div>
      </>
    );
  }

  return (
    <main id="main" className="main leaders-page">
      <LeaderScopeBar data={data?.scope} homeUnitIds={homeUnitIds} failed={lagging.isError} />
      <div className="page-head leaders-head">
        <div>
          <h1 className="page-head__title">{t('lagging.title')}</h1>
          {data && (
            <p className="page-head__lead">
              {t('lagging.lead', { unit: data.scope.unit.name, date: formatDate(data.scope.asOf) })}
            </p>
          )}
        </div>
        <PrintButton />
      </div>
      <div className={lagging.isPlaceholderData ? 'is-updating' : undefined} aria-busy={lagging.isFetching}>
        {body}
      </div>
    </main>
  );
}

function Row({
  row,
  names,
  onOpen,
}: {
  row: LaggingRow;
  names: Map<number, string>;
  onOpen: (() => void) | undefined;
}) {
  const { t } = useI18n();
  const fill = row.score === null ? 0 : Math.min(1, row.score);
  const colour =
    row.score === null
      ? STATUS_STYLES.unreported.fill
      : row.score >= 0.9
        ? STATUS_STYLES.on_track.background
        : row.score >= 0.7
          ? STATUS_STYLES.at_risk.fill
          : STATUS_STYLES.behind.fill;
  return (
    <tr
      data-unit-id={row.unitId}
      data-rank={row.rank}
      className={row.unreported ? 'lagging-row--unreported' : undefined}
    >
      <td className="num">{row.rank}</td>
      <th scope="row">
        {onOpen ? (
          <button
            type="button"
            className="link-button"
            onClick={onOpen}
            title={t('lagging.drill', { unit: row.name })}
          >
            {row.name}
          </button>
        ) : (
          row.name
        )}
      </th>
      <td>
        {row.unreported ? (
          <StatusBadge status="unreported" size="sm" />
        ) : row.score === null ? (
          <span className="lagging__muted">{t('lagging.noGoal')}</span>
        ) : (
          <div className="lagging-score">
            <span className="lagging-score__value">{scoreText(row.score)}</span>
            <span
              className="lagging-score__bar"
              role="img"
              aria-label={t('lagging.scoreLabel', { score: scoreText(row.score) })}
            >
              <span style={{ width: `${fill * 100}%`, background: colour }} />
              <span className="lagging-score__mark" />
            </span>
            <span className="lagging__muted">{t('lagging.judged', { count: row.judged })}</span>
          </div>
        )}
      </td>
      <td>
        {row.unreported ? (
          <span className="lagging__muted">{t('lagging.unreportedNote')}</span>
        ) : row.behindOn.length === 0 ? (
          <span className="lagging__muted">{row.judged === 0 ? '—' : t('lagging.none')}</span>
        ) : (
          <ul className="lagging-behind">
            {row.behindOn.map((b) => (
              <li key={b.targetId}>
                <StatusBadge status={b.reason === 'unreported' ? 'unreported' : b.reason} size="sm" />{' '}
                {names.get(b.targetId)}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
