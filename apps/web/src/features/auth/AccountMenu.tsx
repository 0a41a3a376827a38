import { useI18n } from '../../i18n.ts';
import type { Me } from './api/get-me.ts';
import { useLogout } from './api/logout.ts';

/** Who is signed in, and the way out. */
export function AccountMenu({ me }: { me: Me }) {
  const { t } = useI18n();
  const logout = useLogout();
  return (
    <div className="account">
      <span className="account__name" title={me.username}>
        {me.displayName}
      </span>
      <button
        type="button"
        className="account__logout"
        onClick={() => logout.mutate()}
        disabled={logout.isPending}
      >
        {t('auth.logout')}
      </button>
    </div>
  );
}
