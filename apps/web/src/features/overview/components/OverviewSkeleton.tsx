import { Skeleton } from '@mantine/core';
import { useI18n } from '../../../i18n.ts';

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
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list that is never reordered
          <Skeleton key={i} height={210} radius="md" />
        ))}
      </div>
    </div>
  );
}
