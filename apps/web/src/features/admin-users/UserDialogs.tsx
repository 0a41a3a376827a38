/** The dialogs that create a user, add a role, reset a password and set an e-mail address. */
import { ROLES, type Role } from '@chitieu/core';
import { NativeSelect, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Dialog, DialogActions } from '../../components/Dialog.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { useI18n } from '../../i18n.ts';
import { errorMessage } from '../../lib/api-client.ts';
import { useAdminUnits } from '../admin-units/api/get-admin-units.ts';
import { useAddRole } from './api/add-role.ts';
import { useCreateUser } from './api/create-user.ts';
import type { AdminUser } from './api/get-admin-users.ts';
import { useResetPassword } from './api/reset-password.ts';
import { useSetEmail } from './api/set-email.ts';
import { ROLE_LABELS } from './role-labels.ts';

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

export function CreateUserDialog({ onClose }: { onClose: () => void }) {
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

export function AddRoleDialog({ user, onClose }: { user: AdminUser; onClose: () => void }) {
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

export function ResetDialog({ user, onClose }: { user: AdminUser; onClose: () => void }) {
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
export function EmailDialog({ user, onClose }: { user: AdminUser; onClose: () => void }) {
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
