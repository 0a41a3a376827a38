/**
 * The forced password change: after an admin created the account or reset its password, the user
 * chooses their own before seeing anything else.
 */
import '../setup/setup.css';
import { Alert, Button, TextInput } from '@mantine/core';
import { useState } from 'react';
import { AppHeader } from '../../components/AppHeader.tsx';
import { useI18n } from '../../i18n.ts';
import { errorMessage } from '../../lib/api-client.ts';
import { AccountMenu } from './AccountMenu.tsx';
import { useChangePassword } from './api/change-password.ts';
import type { Me } from './api/get-me.ts';

export function ChangePasswordPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  return (
    <div className="page">
      <AppHeader organisation={undefined} account={<AccountMenu me={me} />} />
      <main id="main" className="main main--narrow">
        <form
          className="first-run"
          noValidate
          aria-labelledby="change-password-title"
          onSubmit={(event) => {
            event.preventDefault();
            setMismatch(next !== confirm);
            if (next === confirm) change.mutate({ currentPassword: current, newPassword: next });
          }}
        >
          <h2 className="first-run__title" id="change-password-title">
            {t('password.title')}
          </h2>
          <p className="first-run__lead">{t('password.lead')}</p>
          {change.isError && (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(change.error)}
            </Alert>
          )}
          <TextInput
            type="password"
            label={t('password.current')}
            autoComplete="current-password"
            required
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
          />
          <TextInput
            type="password"
            label={t('password.new')}
            description={t('setup.passwordHint')}
            autoComplete="new-password"
            required
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
          />
          <TextInput
            type="password"
            label={t('password.confirm')}
            autoComplete="new-password"
            required
            value={confirm}
            error={mismatch ? t('setup.passwordMismatch') : undefined}
            onChange={(e) => setConfirm(e.currentTarget.value)}
          />
          <Button type="submit" size="md" fullWidth loading={change.isPending}>
            {t('password.submit')}
          </Button>
        </form>
      </main>
    </div>
  );
}
