import { Alert, Button, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useMeta } from '../../api/get-meta.ts';
import { AppHeader } from '../../components/AppHeader.tsx';
import { DemoBanner } from '../../components/DemoBanner.tsx';
import { type MessageKey, useI18n } from '../../i18n.ts';
import { errorMessage } from '../../lib/api-client.ts';
import { SESSION_ENDED_KEY } from './api/get-me.ts';
import { useLogin } from './api/login.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from './demo-accounts.ts';

const ROLE_LABELS: Record<DemoAccount['role'], MessageKey> = {
  admin: 'role.admin',
  manager: 'role.manager',
  entry: 'role.entry',
  approver: 'role.approver',
  viewer: 'role.viewer',
};

/** Sign-in: figures are for signed-in users only; what one sees depends on one's units. */
export function LoginPage() {
  const { t } = useI18n();
  const meta = useMeta();
  const login = useLogin();
  // Signing in again removes the mark (queries other than the sign-in state are dropped).
  const sessionEnded = useQueryClient().getQueryData<boolean>(SESSION_ENDED_KEY) === true;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submitRef = useRef<HTMLButtonElement>(null);
  const demo = meta.data?.demo ?? false;
  return (
    <div className="page">
      <AppHeader organisation={meta.data?.organisation} />
      {demo && <DemoBanner />}
      <main id="main" className={demo ? 'main login-layout' : 'main main--narrow'}>
        <form
          className="login"
          noValidate
          aria-labelledby="login-title"
          onSubmit={(event) => {
            event.preventDefault();
            login.mutate({ username, password });
          }}
        >
          <h2 className="login__title" id="login-title">
            {t('auth.title')}
          </h2>
          <p className="login__subtitle">{t('auth.subtitle')}</p>
          {sessionEnded && !login.isError && (
            <Alert color="yellow" variant="light" role="status" className="login__error">
              {t('auth.sessionEnded')}
            </Alert>
          )}
          {login.isError && (
            <Alert color="red" variant="light" role="alert" className="login__error">
              {errorMessage(login.error)}
            </Alert>
          )}
          <TextInput
            label={t('auth.username')}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
          />
          <TextInput
            label={t('auth.password')}
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
          />
          <Button ref={submitRef} type="submit" fullWidth loading={login.isPending} size="md">
            {t('auth.submit')}
          </Button>
        </form>
        {demo && (
          <section className="demo-accounts" aria-labelledby="demo-accounts-title">
            <h2 className="demo-accounts__title" id="demo-accounts-title">
              {t('auth.demoTitle')}
            </h2>
            <p className="demo-accounts__lead">
              {t('auth.demoLead')} <code className="demo-accounts__password">{DEMO_PASSWORD}</code>
            </p>
            <ul className="demo-accounts__list">
              {DEMO_ACCOUNTS.map((account) => (
                <li key={account.username}>
                  <button
                    type="button"
                    className="demo-account"
                    aria-pressed={username === account.username}
                    onClick={() => {
                      setUsername(account.username);
                      setPassword(DEMO_PASSWORD);
                      login.reset();
                      submitRef.current?.focus();
                    }}
                  >
                    <span className="demo-account__user">{account.username}</span>
                    <span className="demo-account__role">{t(ROLE_LABELS[account.role])}</span>
                    <span className="demo-account__unit">{account.unitName}</span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </main>
    </div>
  );
}
