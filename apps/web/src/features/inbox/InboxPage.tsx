import { formatInstant } from '@chitieu/core';
/**
 * "Chờ duyệt": the approver's inbox. The reports of their subtree sent for approval, the longest
 * waiting first; each opens the unit's entry grid for that period, where it is approved or returned.
 * ?page=inbox. Loaded on demand.
 */
import './inbox.css';
import { type ReactNode, useEffect } from 'react';
import { EmptyState, ErrorState, PageLoading, RetryButton } from '../../components/States.tsx';
import { ViewLink } from '../../components/ViewLink.tsx';
import { useI18n } from '../../i18n.ts';
import type { RoleLike } from '../../lib/access.ts';
import { errorMessage, isRetryable } from '../../lib/api-client.ts';
import { periodName } from '../../lib/periods.ts';
import { useViewState } from '../../lib/url-state.ts';
import { useInbox } from './use-inbox.ts';

export default function InboxPage({ me }: { me: { roles: readonly RoleLike[] } }) {
  const { t } = useI18n();
  const [view] = useViewState();
  const { cockpit, termId, pending } = useInbox(me.roles, view.term, { fresh: true });
  const periods = new Map((cockpit.data?.periods ?? []).map((p) => [p.id, p]));

  useEffect(() => {
    document.title = `${t('inbox.title')} · ${t('app.title')}`;
  }, [t]);

  let body: ReactNode;
  if (cockpit.isError && !cockpit.data) {
    body = (
      <ErrorState
        message={errorMessage(cockpit.error)}
        actions={isRetryable(cockpit.error) ? <RetryButton onClick={() => cockpit.refetch()} /> : undefined}
      />
    );
  } else if (!cockpit.data) {
    body = <PageLoading />;
  } else if (pending.length === 0) {
    body = <EmptyState>{t('inbox.empty')}</EmptyState>;
  } else {
    body = (
      <div className="table-scroll">
        <table className="data-table inbox-table">
          <caption className="visually-hidden">{t('inbox.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('inbox.unit')}</th>
              <th scope="col">{t('inbox.period')}</th>
              <th scope="col">{t('inbox.sent')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('inbox.open')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {pending.map((report) => {
              const period = periods.get(report.periodId);
              const state = {
                page: 'entry' as const,
                term: termId,
                unit: report.unitId,
                period: report.periodId,
              };
              return (
                <tr key={`${report.unitId}:${report.periodId}`} data-unit={report.unitName}>
                  <th scope="row">
                    {report.unitName}
                    {report.parentName && <span className="inbox-table__parent"> · {report.parentName}</span>}
                  </th>
                  <td>
                    {period ? periodName(period) : ''}
                    {report.flagged > 0 && (
                      <span className="flag-mark inbox-table__flag" data-flagged={report.flagged}>
                        <span aria-hidden="true">⚑ </span>
                        {t('flag.cockpit', { count: report.flagged })}
                      </span>
                    )}
                  </td>
                  <td>{formatInstant(report.since)}</td>
                  <td>
                    <ViewLink to={state}>{t('inbox.open')}</ViewLink>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    );
  }

  return (
    <main id="main" className="main">
      <div className="page-head">
        <h2 className="page-head__title">{t('inbox.title')}</h2>
        <p className="page-head__lead">{t('inbox.lead')}</p>
      </div>
      {body}
    </main>
  );
}
