import { ViewLink } from '../../components/ViewLink.tsx';
import { useI18n } from '../../i18n.ts';
import { useNotifications } from './api.ts';

/** "Thông báo (2)" in the header: the count of unread notifications; opens their list. */
export function NotificationsLink({ term, current }: { term: number | undefined; current: boolean }) {
  const { t } = useI18n();
  const notifications = useNotifications();
  const unread = notifications.data?.unread ?? 0;
  return (
    <span className={unread > 0 ? 'notif-link notif-link--unread' : 'notif-link'}>
      <ViewLink to={{ page: 'notifications', term }} current={current}>
        <svg className="notif-link__bell" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
          />
        </svg>
        {/* On a phone only the bell and the count show, so the header stays as tall as before. */}
        <span className="notif-link__label">{t('nav.notifications')}</span>
        {unread > 0 && ` (${unread})`}
      </ViewLink>
    </span>
  );
}
