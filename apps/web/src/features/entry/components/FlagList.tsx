/**
 * The unusual figures of a report (docs/decisions/0025), as the send and approve dialogs list them:
 * indicator, value, the past figure it was judged against, and the note giving the reason.
 */
import { useI18n } from '../../../i18n.ts';
import type { EntryRow } from '../api/get-entry-grid.ts';
import { flaggedRows, flagPast, resultText } from '../model.ts';

export function FlagList({ rows }: { rows: readonly EntryRow[] }) {
  const { t } = useI18n();
  const flagged = flaggedRows(rows);
  if (flagged.length === 0) return null;
  return (
    <section className="flag-list" aria-label={t('flag.list.title', { count: flagged.length })}>
      <p className="flag-list__title">
        <span aria-hidden="true">⚑ </span>
        {t('flag.list.title', { count: flagged.length })}
      </p>
      <table className="flag-list__table">
        <thead>
          <tr>
            <th scope="col">{t('flag.list.indicator')}</th>
            <th scope="col">{t('flag.list.value')}</th>
            <th scope="col">{t('flag.list.past')}</th>
            <th scope="col">{t('flag.list.note')}</th>
          </tr>
        </thead>
        <tbody>
          {flagged.map(({ row, flag, noted }) => {
            const past = flagPast(row, flag);
            return (
              <tr key={row.indicator.id} data-indicator={row.indicator.code}>
                <th scope="row">{row.primary ? row.targetName : row.indicator.name}</th>
                <td className="flag-list__value" data-label={t('flag.list.value')}>
                  {row.result ? (resultText(row.indicator, row.result) ?? '—') : '—'}
                </td>
                <td className="flag-list__past" data-label={t('flag.list.past')}>
                  {past ? (resultText(row.indicator, past) ?? '—') : '—'} (
                  {flag === 'far_above_previous' ? t('flag.list.previous') : t('flag.list.lastYear')})
                </td>
                <td data-label={t('flag.list.note')}>
                  {noted ? (
                    row.result?.note
                  ) : (
                    <span className="flag-list__missing">{t('flag.list.noNote')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
