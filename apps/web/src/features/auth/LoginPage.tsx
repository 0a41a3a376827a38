import { Alert, Button, TextInput } from '@mantine/core';
import { useState } from 'react';
import { AppHeader } from '../../components/AppHeader.tsx';
import { useI18n } from '../../i18n.ts';
import { errorMessage } from '../../lib/api-client.ts';
import { useMeta } from '../overview/api/get-meta.ts';
import { useLogin } from './api/login.ts';

/** Sign-in: figures are for signed-in users only; what one sees depends on one's units. */
export function LoginPage() {
  const { t } = useI18n();
  const meta = useMeta();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  return (
    <div className="page">
      <AppHeader organisation={meta.data?.organisation} demo={meta.data?.demo ?? false} />
      <main id="main" className="main main--narrow">
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
          <Button type="submit" fullWidth loading={login.isPending} size="md">
            {t('auth.submit')}
          </Button>
          {meta.data?.demo && <p className="login__hint">{t('auth.demoHint')}</p>}
        </form>
      </main>
    </div>
  );
}
