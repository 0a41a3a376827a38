/**
 * "Thông báo": the signed-in user's notifications, newest first — a report sent for their approval,
 * one of theirs returned (with the reason), one overdue. Each opens the unit's entry grid for that
 * period and is marked read on the way. ?page=notifications. Loaded on demand.
 */
import './notifications.css';
import { formatDate, formatInstant } from '@chitieu/core';
import { Button } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';
import { EmptyState, ErrorState, PageLoading, RetryButton } from '../../components/States.tsx';
import { ViewLink } from '../../components/ViewLink.tsx';
import { useI18n } from '../../i18n.ts';
import { errorMessage, isRetryable } from '../../lib/api-client.ts';
import { periodName } from '../../lib/periods.ts';
import { useViewState } from '../../lib/url-state.ts';
import { type Notification, useMarkRead, useNotifications } from './api.ts';

function useWords() {
  const { t } = useI18n();
  return (n: Notification) => {
    // Mid-sentence: "báo cáo năm 2024", "its report for second half of 2024".
    const name = periodName(n.period);
    const period = `${name.charAt(0).toLocaleLowerCase()}${name.slice(1)}`;
    const vars = { unit: n.unitName, period, deadline: formatDate(n.period.deadline) };
    const title =
      n.kind === 'submitted'
        ? t('notices.submitted', vars)
        : n.kind === 'returned'
          ? t('notices.returned', vars)
          : t('notices.overdue', vars);
    const details: string[] = [];
    if (n.params.by)
      details.push(t(n.kind === 'returned' ? 'notices.returnedBy' : 'notices.by', { name: n.params.by }));
    if (n.kind === 'returned' && n.params.comment)
      details.push(t('notices.reason', { comment: n.params.comment }));
    return { title, details };
  };
}

export default function NotificationsPage() {
  const { t } = useI18n();
  const [view] = useViewState();
  const notifications = useNotifications({ fresh: true });
  const mark = useMarkRead();
  const words = useWords();

  useEffect(() => {
    document.title = `${t('notices.title')} · ${t('app.title')}`;
  }, [t]);

  const data = notifications.data;
  let body: ReactNode;
  if (notifications.isError && !data) {
    body = (
      <ErrorState
        message={errorMessage(notifications.error)}
        actions={
          isRetryable(notifications.error) ? (
            <RetryButton onClick={() => notifications.refetch()} />
          ) : undefined
        }
      />
    );
  } else if (!data) {
    body = <PageLoading />;
  } else if (data.items.length === 0) {
    body = <EmptyState>{t('notices.empty')}</EmptyState>;
  } else {
    body = (
      <ul className="notif-list" aria-label={t('notices.title')}>
        {data.items.map((n) => {
          const { title, details } = words(n);
          const unread = n.readAt === null;
          return (
            <li
              key={n.id}
              className={unread ? 'notif notif--unread' : 'notif'}
              data-kind={n.kind}
              data-unit={n.unitName}
            >
              {/* A click on the link (it moves within the app) also marks the notification read. */}
              {/* biome-ignore lint/a11y/noStaticElementInteractions: the link inside is what is operated */}
              {/* biome-ignore lint/a11y/useKeyWithClickEvents: Enter on the link bubbles as a click */}
              <div
                className="notif__body"
                onClick={(event) => {
                  if (unread && (event.target as Element).closest('a')) mark.mutate(n.id);
                }}
              >
                <ViewLink
                  className="notif__link"
                  to={{ page: 'entry', term: view.term, unit: n.unitId, period: n.period.id }}
                >
                  {unread && <span className="visually-hidden">{t('notices.unread')}: </span>}
                  {title}
                </ViewLink>
                {details.map((line) => (
                  <p key={line} className="notif__detail">
                    {line}
                  </p>
                ))}
                <div className="notif__foot">
                  <span className="notif__time">{formatInstant(n.createdAt)}</span>
                  {unread && (
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      className="notif__mark"
                      onClick={() => mark.mutate(n.id)}
                      aria-label={`${t('notices.markRead')}: ${title}`}
                    >
                      {t('notices.markRead')}
                    </Button>
                  )}
                </div>
              </div>
            </li>
          );
        })}
      </ul>
    );
  }

  return (
    <main id="main" className="main">
      <div className="page-head">
        <h2 className="page-head__title">{t('notices.title')}</h2>
        <p className="page-head__lead">{t('notices.lead')}</p>
      </div>
      {data && data.items.length > 0 && (
        <div className="notif-toolbar">
          <span className="notif-toolbar__count">{t('notices.unreadCount', { count: data.unread })}</span>
          <Button
            size="compact-sm"
            variant="light"
            disabled={data.unread === 0 || mark.isPending}
            onClick={() => mark.mutate('all')}
          >
            {t('notices.markAll')}
          </Button>
        </div>
      )}
      {mark.isError && (
        <p className="notif-error" role="alert">
          {errorMessage(mark.error)}
        </p>
      )}
      {body}
    </main>
  );
}
