/**
 * "Tài khoản": the accounts within the admin's subtree. Create one with a temporary password and a
 * scoped role; add or remove roles; reset a password; lock or unlock. ?page=users. Loaded on demand.
 */
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Switch.css';
import './admin-users.css';
import { formatDate } from '@chitieu/core';
import { Alert, Button } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';
import { ErrorState, PageLoading, RetryButton } from '../../components/States.tsx';
import { useI18n } from '../../i18n.ts';
import { errorMessage } from '../../lib/api-client.ts';
import { type AdminUser, useAdminUsers } from './api/get-admin-users.ts';
import { useRemoveRole } from './api/remove-role.ts';
import { useSetActive } from './api/set-active.ts';
import { DutiesSetting } from './DutiesSetting.tsx';
import { ROLE_LABELS } from './role-labels.ts';
import { AddRoleDialog, CreateUserDialog, EmailDialog, ResetDialog } from './UserDialogs.tsx';

type Open = { kind: 'create' } | { kind: 'role' | 'reset' | 'email'; user: AdminUser } | null;

export default function UsersAdminPage() {
  const { t } = useI18n();
  const users = useAdminUsers();
  const removeRole = useRemoveRole();
  const setActive = useSetActive();
  const [dialog, setDialog] = useState<Open>(null);
  useEffect(() => {
    document.title = `${t('nav.users')} · ${t('app.title')}`;
  }, [t]);
  const failure = removeRole.error ?? setActive.error;

  let body: ReactNode;
  if (users.isError) {
    body = (
      <ErrorState
        message={errorMessage(users.error)}
        actions={<RetryButton onClick={() => users.refetch()} />}
      />
    );
  } else if (!users.data) {
    body = <PageLoading />;
  } else {
    // Roles on units a reorganisation ended: listed until an admin moves or removes them.
    const toReassign = users.data.flatMap((u) =>
      u.roles.filter((r) => r.unitEndedOn !== null).map((r) => ({ user: u, role: r })),
    );
    body = (
      <>
        {toReassign.length > 0 && (
          <Alert
            color="orange"
            title={t('users.reassign.title', { count: toReassign.length })}
            className="users-reassign"
          >
            <p>{t('users.reassign.lead')}</p>
            <ul>
              {toReassign.map(({ user, role }) => (
                <li key={role.id}>
                  {user.displayName} ({user.username}) · {t(ROLE_LABELS[role.role])} · {role.unitName}{' '}
                  <Button size="compact-xs" variant="light" onClick={() => setDialog({ kind: 'role', user })}>
                    {t('users.addRole')}
                  </Button>
                </li>
              ))}
            </ul>
          </Alert>
        )}
        <div className="users-table-wrap">
          <table className="data-table users-table">
            <caption className="visually-hidden">{t('users.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('auth.username')}</th>
                <th scope="col">{t('setup.displayName')}</th>
                <th scope="col">{t('users.roles')}</th>
                <th scope="col">{t('users.status')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('units.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => (
                <tr key={u.id} data-username={u.username} className={u.active ? '' : 'is-inactive'}>
                  <th scope="row">{u.username}</th>
                  <td>
                    {u.displayName}
                    <span className={u.email ? 'users-email' : 'users-email users-email--none'}>
                      {u.email ?? t('users.noEmail')}
                    </span>
                  </td>
                  <td>
                    <ul className="users-roles">
                      {u.roles.map((r) => (
                        <li
                          key={r.id}
                          className={r.unitEndedOn ? 'users-role users-role--ended' : 'users-role'}
                          data-role={r.role}
                        >
                          <span>
                            {t(ROLE_LABELS[r.role])} · {r.unitName}
                            {r.unitEndedOn &&
                              ` (${t('users.unitEnded', { date: formatDate(r.unitEndedOn) })})`}
                          </span>
                          <button
                            type="button"
                            className="users-role__remove"
                            aria-label={t('users.removeRole', {
                              role: t(ROLE_LABELS[r.role]),
                              unit: r.unitName,
                            })}
                            onClick={() => removeRole.mutate({ userId: u.id, roleId: r.id })}
                          >
                            ×
                          </button>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    <span className={u.active ? 'users-pill users-pill--active' : 'users-pill'}>
                      {u.active ? t('users.active') : t('users.inactive')}
                    </span>{' '}
                    {u.mustChangePassword && (
                      <span className="users-pill users-pill--pending">{t('users.mustChange')}</span>
                    )}
                  </td>
                  <td className="users-table__actions">
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => setDialog({ kind: 'role', user: u })}
                    >
                      {t('users.addRole')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => setDialog({ kind: 'reset', user: u })}
                    >
                      {t('users.reset')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      onClick={() => setDialog({ kind: 'email', user: u })}
                      aria-label={t('users.emailTitle', { name: u.displayName })}
                    >
                      {t('users.email')}
                    </Button>
                    <Button
                      size="compact-sm"
                      variant="subtle"
                      color={u.active ? 'red' : 'green'}
                      onClick={() => setActive.mutate({ userId: u.id, active: !u.active })}
                    >
                      {u.active ? t('users.deactivate') : t('users.activate')}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </>
    );
  }

  return (
    <main id="main" className="main main--wide">
      <div className="page-head">
        <h2 className="page-head__title">{t('users.title')}</h2>
        <p className="page-head__lead">{t('users.lead')}</p>
      </div>
      <div className="users-toolbar">
        <Button onClick={() => setDialog({ kind: 'create' })}>{t('users.create')}</Button>
      </div>
      <DutiesSetting />
      {failure && (
        <Alert color="red" variant="light" role="alert" className="users-alert">
          {errorMessage(failure)}
        </Alert>
      )}
      {body}
      {dialog?.kind === 'create' && <CreateUserDialog onClose={() => setDialog(null)} />}
      {dialog?.kind === 'role' && <AddRoleDialog user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reset' && <ResetDialog user={dialog.user} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'email' && <EmailDialog user={dialog.user} onClose={() => setDialog(null)} />}
    </main>
  );
}
