import { useState } from 'react';
import { Dialog } from '../../components/Dialog.tsx';
import { useI18n } from '../../i18n.ts';
import { errorMessage } from '../../lib/api-client.ts';
import type { TermSetup } from './api/get-term-setup.ts';
import { useSaveTerm } from './api/save-term.ts';
import { Field } from './Field.tsx';
import { dateInput, readDates } from './form.ts';

/**
 * Create a term, edit one, or start the next term from one (copy): the congress's name, a short
 * name, and the dates typed dd/mm/yyyy.
 */
export function TermDialog({
  mode,
  term,
  onClose,
  onSaved,
}: {
  mode: 'create' | 'edit' | 'copy';
  term?: TermSetup['term'] | undefined;
  onClose: () => void;
  onSaved: (termId: number) => void;
}) {
  const { t } = useI18n();
  const editing = mode === 'edit' ? term : undefined;
  const [code, setCode] = useState(editing?.code ?? '');
  const [name, setName] = useState(editing?.name ?? '');
  const [shortName, setShortName] = useState(editing?.shortName ?? '');
  const [congress, setCongress] = useState(dateInput(editing?.congressDate));
  const [start, setStart] = useState(dateInput(editing?.startDate));
  const [mid, setMid] = useState(dateInput(editing?.midTermDate));
  const [end, setEnd] = useState(dateInput(editing?.endDate));
  const [error, setError] = useState<string | null>(null);
  const save = useSaveTerm();

  const submit = () => {
    const dates = readDates({
      congressDate: { text: congress, label: t('terms.term.congressDate'), optional: true },
      startDate: { text: start, label: t('terms.term.start') },
      midTermDate: { text: mid, label: t('terms.term.mid') },
      endDate: { text: end, label: t('terms.term.end') },
    });
    if (!dates.ok) {
      setError(dates.message);
      return;
    }
    const { congressDate, startDate, midTermDate, endDate } = dates.values;
    setError(null);
    save.mutate(
      {
        ...(editing ? { id: editing.id, expectedVersion: editing.version } : {}),
        ...(mode === 'copy' && term ? { copyFrom: term.id } : {}),
        body: {
          code,
          name,
          shortName,
          congressDate,
          startDate: startDate as string,
          midTermDate: midTermDate as string,
          endDate: endDate as string,
        },
      },
      { onSuccess: (saved) => onSaved(saved.id), onError: (e) => setError(errorMessage(e)) },
    );
  };

  const title =
    mode === 'edit'
      ? t('terms.term.editTitle')
      : mode === 'copy'
        ? t('terms.term.copyTitle', { name: term?.shortName ?? '' })
        : t('terms.term.createTitle');
  return (
    <Dialog
      open
      wide
      title={title}
      onClose={onClose}
      onSubmit={submit}
      actions={
        <>
          <button type="button" className="at-button at-button--quiet" onClick={onClose}>
            {t('terms.cancel')}
          </button>
          <button type="submit" className="at-button" disabled={save.isPending}>
            {mode === 'copy' ? t('terms.term.copySubmit') : t('terms.save')}
          </button>
        </>
      }
    >
      {mode === 'copy' && <p className="at-note">{t('terms.term.copyNote')}</p>}
      <div className="at-grid">
        <Field label={t('terms.term.name')} className="at-field--wide">
          <input
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            placeholder={t('terms.term.namePlaceholder')}
          />
        </Field>
        <Field label={t('terms.term.shortName')}>
          <input
            value={shortName}
            onChange={(e) => setShortName(e.currentTarget.value)}
            placeholder="Nhiệm kỳ 2021–2026"
          />
        </Field>
        <Field label={t('terms.term.code')}>
          <input value={code} onChange={(e) => setCode(e.currentTarget.value)} placeholder="NK-2021" />
        </Field>
        <Field label={t('terms.term.congressDate')}>
          <input
            value={congress}
            onChange={(e) => setCongress(e.currentTarget.value)}
            placeholder="dd/mm/yyyy"
            inputMode="numeric"
          />
        </Field>
        <Field label={t('terms.term.start')}>
          <input
            value={start}
            onChange={(e) => setStart(e.currentTarget.value)}
            placeholder="dd/mm/yyyy"
            inputMode="numeric"
          />
        </Field>
        <Field label={t('terms.term.mid')}>
          <input
            value={mid}
            onChange={(e) => setMid(e.currentTarget.value)}
            placeholder="dd/mm/yyyy"
            inputMode="numeric"
          />
        </Field>
        <Field label={t('terms.term.end')}>
          <input
            value={end}
            onChange={(e) => setEnd(e.currentTarget.value)}
            placeholder="dd/mm/yyyy"
            inputMode="numeric"
          />
        </Field>
      </div>
      {error && (
        <p className="at-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
