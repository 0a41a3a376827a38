import { formatDate, type PeriodKind } from '@chitieu/core';
import { Button, Skeleton } from '@mantine/core';
import { useState } from 'react';
import { EmptyState, ErrorState, RetryButton } from '../../../components/States.tsx';
import { useI18n } from '../../../i18n.ts';
import { errorMessage } from '../../../lib/api-client.ts';
import { periodName } from '../../../lib/periods.ts';
import type { TargetDetailParams } from '../api/get-target-detail.ts';
import { useTargetNotes } from '../api/get-target-notes.ts';

const PAGE = 10;

/** Only web links open; anything else in the evidence field is shown as text. */
const isWebLink = (text: string) => /^https?:\/\//i.test(text);

/** The notes and evidence links behind the figures: the unit's subtree, counted results, newest first. */
export function NotesSection({ params }: { params: TargetDetailParams }) {
  const { t } = useI18n();
  const [limit, setLimit] = useState(PAGE);
  const notes = useTargetNotes({ ...params, limit, offset: 0 });
  const data = notes.data;
  return (
    <section className="chart-card target-notes" aria-labelledby="target-notes-title">
      <div className="chart-card__head">
        <div>
          <h2 className="chart-card__title" id="target-notes-title">
            {t('target.notes.title')}
          </h2>
          <p className="chart-card__subtitle">{t('target.notes.subtitle')}</p>
        </div>
      </div>
      {notes.isPending ? (
        <Skeleton height={80} radius="sm" />
      ) : notes.isError && !data ? (
        <ErrorState
          message={errorMessage(notes.error)}
          actions={<RetryButton onClick={() => notes.refetch()} />}
        />
      ) : !data || data.items.length === 0 ? (
        <EmptyState>{t('target.notes.empty')}</EmptyState>
      ) : (
        <>
          <ul className="target-notes__list">
            {data.items.map((n) => (
              <li key={n.resultId} className="target-notes__item">
                <p className="target-notes__meta">
                  <strong>{n.unitName}</strong> ·{' '}
                  {periodName({
                    kind: n.periodKind as PeriodKind,
                    startDate: n.periodStart,
                  })}{' '}
                  · {n.indicatorName}
                  <span className="visually-hidden"> · {formatDate(n.periodEnd)}</span>
                </p>
                {n.note && <p className="target-notes__text">{n.note}</p>}
                {n.evidenceUrl && (
                  <p className="target-notes__evidence">
                    {t('target.notes.evidence')}:{' '}
                    {isWebLink(n.evidenceUrl) ? (
                      <a href={n.evidenceUrl} target="_blank" rel="noopener noreferrer">
                        {n.evidenceUrl}
                      </a>
                    ) : (
                      n.evidenceUrl
                    )}
                  </p>
                )}
              </li>
            ))}
          </ul>
          <div className="target-notes__foot">
            <span>{t('target.notes.count', { shown: data.items.length, total: data.total })}</span>
            {data.items.length < data.total && (
              <Button size="xs" variant="default" onClick={() => setLimit((l) => Math.min(100, l + PAGE))}>
                {t('target.notes.more')}
              </Button>
            )}
          </div>
        </>
      )}
    </section>
  );
}
