import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { AccountMenu } from '../features/auth/AccountMenu.tsx';
import { ME_KEY, useMe } from '../features/auth/api/get-me.ts';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { ErrorState, RetryButton } from '../features/overview/components/States.tsx';
import { Overview } from '../features/overview/Overview.tsx';
import { useI18n } from '../i18n.ts';
import { errorMessage } from '../lib/api-client.ts';
import { createQueryClient } from '../lib/query-client.ts';
import { theme } from './theme.ts';

/** Signed in: the overview; otherwise the sign-in page (also when a session ends mid-way). */
function Gate() {
  const { t } = useI18n();
  const me = useMe();
  const homeUnitIds = useMemo(() => me.data?.roles.map((role) => role.unitId) ?? [], [me.data]);
  if (me.isPending) {
    return (
      <p className="boot-message" role="status">
        {t('state.loading')}
      </p>
    );
  }
  if (me.isError) {
    return (
      <main className="main main--narrow">
        <ErrorState message={errorMessage(me.error)} actions={<RetryButton onClick={() => me.refetch()} />} />
      </main>
    );
  }
  if (me.data === null) return <LoginPage />;
  return <Overview account={<AccountMenu me={me.data} />} homeUnitIds={homeUnitIds} />;
}

export function App() {
  const [queryClient] = useState(() => createQueryClient((client) => client.setQueryData(ME_KEY, null)));
  return (
    <MantineProvider theme={theme} defaultColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <Gate />
      </QueryClientProvider>
    </MantineProvider>
  );
}
