/**
 * "Tài khoản": the accounts within the admin's subtree. Create one with a temporary password and a
 * scoped role; add or remove roles; reset a password; lock or unlock. ?page=users. Loaded on demand.
 */
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Switch.css';
import './admin-users.css';
import { formatDate, ROLES, type Role } from '@chitieu/core';
import { Alert, Button, NativeSelect, Switch, TextInput } from '@mantine/core';
import { type ReactNode, useEffect, useMemo, useState } from 'react';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { ErrorState, PageLoading, RetryButton } from '../../components/States.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { type MessageKey, useI18n } from '../../i18n.ts';
import { errorMessage } from '../../lib/api-client.ts';
import { useAdminUnits } from '../admin-units/api/get-admin-units.ts';
import { useAddRole } from './api/add-role.ts';
import { useCreateUser } from './api/create-user.ts';
import { type AdminUser, useAdminUsers } from './api/get-admin-users.ts';
import { useRemoveRole } from './api/remove-role.ts';
import { useResetPassword } from './api/reset-password.ts';
import { useSetActive } from './api/set-active.ts';
import { useSetEmail } from './api/set-email.ts';
import { useSaveSettings, useSettings } from './api/settings.ts';

const ROLE_LABELS: Record<Role, MessageKey> = {
  admin: 'role.admin',
  manager: 'role.manager',
  entry: 'role.entry',
  approver: 'role.approver',
  viewer: 'role.viewer',
};

type Open = { kind: 'create' } | { kind: 'role' | 'reset' | 'email'; user: AdminUser } | null;

/** Separation of duties: on by default; only admins of the root unit may change it (the API says so). */
function DutiesSetting() {
  const { t } = useI18n();
  const settings = useSettings();
  const save = useSaveSettings();
  if (!settings.data) return null;
  return (
    <section className="users-setting" aria-label={t('users.duties.title')}>
      <Switch
        checked={settings.data.separationOfDuties}
        disabled={save.isPending}
        onChange={(event) => save.mutate({ separationOfDuties: event.currentTarget.checked })}
        label={t('users.duties.title')}
        description={t('users.duties.hint')}
      />
      {save.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(save.error)}
        </Alert>
      )}
    </section>
  );
}

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

/** A role and the unit it is scoped to (the unit and everything below it). */
function RoleFields({
  role,
  unitId,
  onRole,
  onUnit,
}: {
  role: Role;
  unitId: number | undefined;
  onRole: (r: Role) => void;
  onUnit: (id: number | undefined) => void;
}) {
  const { t } = useI18n();
  const units = useAdminUnits();
  const open = useMemo(() => (units.data?.units ?? []).filter((u) => u.validTo === null), [units.data]);
  return (
    <>
      <NativeSelect
        label={t('users.role')}
        data={ROLES.map((r) => ({ value: r, label: t(ROLE_LABELS[r]) }))}
        value={role}
        onChange={(e) => onRole(e.currentTarget.value as Role)}
      />
      <UnitPicker
        className="dialog-unit-picker"
        units={open}
        value={unitId}
        onChange={onUnit}
        loading={units.isPending}
        label={t('users.scope')}
      />
      <p className="users-hint">{t('users.scopeHint')}</p>
    </>
  );
}

function CreateUserDialog({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const create = useCreateUser();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('entry');
  const [unitId, setUnitId] = useState<number | undefined>();
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('users.createTitle')}
      onSubmit={() =>
        create.mutate(
          { username, displayName, password, roles: unitId === undefined ? [] : [{ role, unitId }] },
          { onSuccess: onClose },
        )
      }
      actions={<DialogActions onClose={onClose} pending={create.isPending} label={t('users.create')} />}
    >
      {create.isError && (
        <p className="dialog__error" role="alert">
          {errorMessage(create.error)}
        </p>
      )}
      <TextInput
        label={t('auth.username')}
        autoCapitalize="none"
        spellCheck={false}
        required
        value={username}
        onChange={(e) => setUsername(e.currentTarget.value)}
      />
      <TextInput
        label={t('setup.displayName')}
        required
        value={displayName}
        onChange={(e) => setDisplayName(e.currentTarget.value)}
      />
      <TextInput
        type="password"
        label={t('users.tempPassword')}
        description={t('users.tempPasswordHint')}
        required
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
      />
      <RoleFields role={role} unitId={unitId} onRole={setRole} onUnit={setUnitId} />
    </Dialog>
  );
}

function AddRoleDialog({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const { t } = useI18n();
  const add = useAddRole();
  const [role, setRole] = useState<Role>('viewer');
  const [unitId, setUnitId] = useState<number | undefined>();
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('users.addRoleTitle', { name: user.displayName })}
      onSubmit={() =>
        unitId !== undefined && add.mutate({ userId: user.id, role, unitId }, { onSuccess: onClose })
      }
      actions={<DialogActions onClose={onClose} pending={add.isPending} label={t('users.addRole')} />}
    >
      {add.isError && (
        <p className="dialog__error" role="alert">
          {errorMessage(add.error)}
        </p>
      )}
      <RoleFields role={role} unitId={unitId} onRole={setRole} onUnit={setUnitId} />
    </Dialog>
  );
}

function ResetDialog({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const { t } = useI18n();
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('users.resetTitle', { name: user.displayName })}
      onSubmit={() => reset.mutate({ userId: user.id, password }, { onSuccess: onClose })}
      actions={<DialogActions onClose={onClose} pending={reset.isPending} label={t('users.reset')} />}
    >
      <p>{t('users.resetLead')}</p>
      {reset.isError && (
        <p className="dialog__error" role="alert">
          {errorMessage(reset.error)}
        </p>
      )}
      <TextInput
        type="password"
        label={t('users.tempPassword')}
        required
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
      />
    </Dialog>
  );
}

/** The address the user's notifications are mailed to (when the server sends mail); empty for none. */
function EmailDialog({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const { t } = useI18n();
  const save = useSetEmail();
  const [email, setEmail] = useState(user.email ?? '');
  return (
    <Dialog
      open
      onClose={onClose}
      title={t('users.emailTitle', { name: user.displayName })}
      onSubmit={() => save.mutate({ userId: user.id, email }, { onSuccess: onClose })}
      actions={<DialogActions onClose={onClose} pending={save.isPending} label={t('users.emailSave')} />}
    >
      <p>{t('users.emailLead')}</p>
      {save.isError && (
        <p className="dialog__error" role="alert">
          {errorMessage(save.error)}
        </p>
      )}
      <TextInput
        type="email"
        label={t('users.email')}
        autoCapitalize="none"
        spellCheck={false}
        maxLength={254}
        value={email}
        onChange={(e) => setEmail(e.currentTarget.value)}
      />
    </Dialog>
  );
}
