import { Alert, Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n.ts';

export function ErrorState({
  message,
  actions,
  title,
  children,
}: {
  message: string;
  actions?: ReactNode;
  title?: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Alert
      color="red"
      variant="light"
      title={title ?? t('state.errorTitle')}
      role="alert"
      className="error-state"
    >
      <p className="error-state__message">{message}</p>
      {children}
      {actions && <Group gap="sm">{actions}</Group>}
    </Alert>
  );
}

export function RetryButton({ onClick }: { onClick: () => void }) {
  const { t } = useI18n();
  return (
    <Button size="xs" variant="filled" color="red" onClick={onClick}>
      {t('state.retry')}
    </Button>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <p className="empty-state">{children}</p>;
}

/** A page's place while it loads: a status for screen readers and a calm grey block. */
export function PageLoading() {
  const { t } = useI18n();
  return (
    <div className="page-loading" aria-busy="true">
      <p role="status">{t('state.loading')}</p>
    </div>
  );
}
