import type { ReactNode } from 'react';
import { useI18n } from '../../i18n.ts';
import type { Me } from './api/get-me.ts';
import { useLogout } from './api/logout.ts';

/** Who is signed in, and the way out; `children` go first (the notifications' count). */
export function AccountMenu({ me, children }: { me: Me; children?: ReactNode }) {
  const { t } = useI18n();
  const logout = useLogout();
  return (
    <div className="account">
      {children}
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
