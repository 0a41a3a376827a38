import { Alert, Button, Group, Skeleton } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n.ts';

export function ErrorState({ message, actions }: { message: string; actions?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Alert color="red" variant="light" title={t('state.errorTitle')} role="alert" className="error-state">
      <p className="error-state__message">{message}</p>
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

/** The overview's shape while the first figures load. */
export function OverviewSkeleton() {
  const { t } = useI18n();
  return (
    <div className="overview-skeleton" aria-busy="true">
      <p className="visually-hidden" role="status">
        {t('state.loading')}
      </p>
      <Skeleton height={132} radius="lg" mb="lg" />
      <div className="target-grid">
        {Array.from({ length: 8 }, (_, i) => (
          <Skeleton key={i} height={210} radius="md" />
        ))}
      </div>
    </div>
  );
}
