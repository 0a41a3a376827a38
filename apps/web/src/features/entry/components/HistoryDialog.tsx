import { formatInstant } from '@chitieu/core';
import { Loader } from '@mantine/core';
import { Dialog } from '../../../components/Dialog.tsx';
import { useI18n } from '../../../i18n.ts';
import { errorMessage } from '../../../lib/api-client.ts';
import { useResultHistory } from '../api/get-result-history.ts';
import { type IndicatorLike, resultText } from '../model.ts';

type Figure = {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  meets: boolean | null;
};

/** The stored figure an audit event's before/after holds, if it holds one. */
function figureOf(snapshot: unknown): (Figure & { note: string | null }) | null {
  if (typeof snapshot !== 'object' || snapshot === null) return null;
  const s = snapshot as Record<string, unknown>;
  const num = (v: unknown) => (typeof v === 'number' ? v : null);
  return {
    value: num(s.value),
    numerator: num(s.numerator),
    denominator: num(s.denominator),
    meets: typeof s.meets === 'boolean' ? s.meets : null,
    note: typeof s.note === 'string' ? s.note : null,
  };
}

/** Who changed one value, when, from what to what, and why. */
export function HistoryDialog({
  resultId,
  indicator,
  title,
  onClose,
}: {
  resultId: number | undefined;
  indicator: IndicatorLike | undefined;
  title: string;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const history = useResultHistory(resultId);
  const text = (snapshot: unknown) => {
    const figure = figureOf(snapshot);
    return figure && indicator ? (resultText(indicator, figure) ?? '—') : '—';
  };
  return (
    <Dialog
      open={resultId !== undefined}
      onClose={onClose}
      title={t('history.title', { name: title })}
      wide
      actions={
        <button type="button" className="dialog__close" onClick={onClose}>
          {t('dialog.close')}
        </button>
      }
    >
      {history.isPending ? (
        <p role="status">
          <Loader size="xs" /> {t('state.loading')}
        </p>
      ) : history.isError ? (
        <p role="alert">{errorMessage(history.error)}</p>
      ) : history.data.length === 0 ? (
        <p>{t('history.empty')}</p>
      ) : (
        <ol className="history-list">
          {history.data.map((event) => {
            const before = figureOf(event.before);
            const after = figureOf(event.after);
            const noteChanged = (before?.note ?? null) !== (after?.note ?? null);
            return (
              <li key={event.id} className="history-item">
                <p className="history-item__head">
                  <span className="history-item__when">{formatInstant(event.at)}</span>
                  <span className="history-item__who">{event.userName ?? t('history.system')}</span>
                </p>
                <p className="history-item__change">
                  {event.before === null ? (
                    <>
                      {t('history.created')} <strong>{text(event.after)}</strong>
                    </>
                  ) : (
                    <>
                      <span className="history-item__before">{text(event.before)}</span>
                      <span> → </span>
                      <strong>{text(event.after)}</strong>
                    </>
                  )}
                </p>
                {noteChanged && after?.note && (
                  <p className="history-item__note">{t('history.note', { note: after.note })}</p>
                )}
                {event.reason && (
                  <p className="history-item__reason">{t('history.reason', { reason: event.reason })}</p>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Dialog>
  );
}
