import { formatInstant } from '@chitieu/core';
/**
 * The row status: what happened to the row's value (saving, saved and by whom, unsaved, invalid,
 * failed, a conflict, nothing yet), in words and a class the page colours.
 */
import { useI18n } from '../../../i18n.ts';
import type { EntryResult } from '../api/get-entry-grid.ts';
import type { RowView } from '../use-entry-editor.ts';

/** What the status reads of a row: its status, its save's state and who saved the stored value. */
export type RowStatusView = Pick<RowView, 'status' | 'state'> & {
  row: { result: Pick<EntryResult, 'updatedByName' | 'updatedAt'> | null };
};

export function RowStatusText({ view }: { view: RowStatusView }) {
  const { t } = useI18n();
  const by = view.row.result?.updatedByName;
  switch (view.status) {
    case 'saving':
      return <span className="row-status row-status--saving">{t('entry.status.saving')}</span>;
    case 'saved':
    case 'stored':
      return (
        <span
          className={`row-status row-status--${view.status}`}
          title={
            view.row.result
              ? t('entry.status.savedBy', {
                  name: by ?? t('entry.someoneElse'),
                  when: formatInstant(view.row.result.updatedAt),
                })
              : undefined
          }
        >
          <span aria-hidden="true">✓ </span>
          {t('entry.status.saved')}
        </span>
      );
    case 'dirty':
      return <span className="row-status row-status--dirty">{t('entry.status.unsaved')}</span>;
    case 'invalid':
      return <span className="row-status row-status--invalid">{t('entry.status.invalid')}</span>;
    case 'error':
      return (
        <span className="row-status row-status--error" role="alert">
          {t('entry.status.failed')}
          {view.state?.kind === 'error' && <span className="row-status__detail">{view.state.message}</span>}
        </span>
      );
    case 'conflict':
      return <span className="row-status row-status--conflict">{t('entry.status.conflict')}</span>;
    default:
      return <span className="row-status row-status--empty">{t('entry.status.empty')}</span>;
  }
}
