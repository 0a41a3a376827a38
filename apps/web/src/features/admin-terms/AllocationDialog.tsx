import { checkAllocations, goalText, goalUnit, parseGoal, quantityText } from '@chitieu/core';
import { useState } from 'react';
import { Dialog } from '../../components/Dialog.tsx';
import { ErrorState, PageLoading } from '../../components/States.tsx';
import { useI18n } from '../../i18n.ts';
import { errorMessage } from '../../lib/api-client.ts';
import { type AllocationEditorData, useAllocations, useSaveAllocations } from './api/allocations.ts';

/** Allocate a target to the owner unit's children, with the live check of what is left or over. */
export function AllocationDialog({
  targetId,
  parentUnitId,
  onClose,
}: {
  targetId: number;
  /** Whose share is allocated to its children; default the term's owner unit. */
  parentUnitId?: number | undefined;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const editor = useAllocations(targetId, parentUnitId);
  return editor.data ? (
    <AllocationForm data={editor.data} onClose={onClose} />
  ) : (
    <Dialog open wide title={t('terms.allocation.title', { code: '' })} onClose={onClose}>
      {editor.isError ? <ErrorState message={errorMessage(editor.error)} /> : <PageLoading />}
    </Dialog>
  );
}

function AllocationForm({ data, onClose }: { data: AllocationEditorData; onClose: () => void }) {
  const { t } = useI18n();
  const { indicator } = data;
  const ind = { ...indicator };
  const [texts, setTexts] = useState<Record<number, string>>(() =>
    Object.fromEntries(data.children.map((c) => [c.unitId, c.goal === null ? '' : goalText(ind, c.goal)])),
  );
  const [error, setError] = useState<string | null>(null);
  const save = useSaveAllocations();

  // The live check: what the typed allocations add up to, against the parent's goal.
  const parsed = data.children.map((c) => {
    const text = texts[c.unitId] ?? '';
    if (text.trim() === '') return { unitId: c.unitId, value: null, problem: null };
    const result = parseGoal(ind, text);
    return result.ok
      ? { unitId: c.unitId, value: result.value, problem: null }
      : { unitId: c.unitId, value: null, problem: result.message };
  });
  const values = parsed.flatMap((p) => (p.value === null ? [] : [p.value]));
  const live = checkAllocations(ind, data.parentGoal, values);
  const hasProblems = parsed.some((p) => p.problem !== null);

  const submit = () => {
    setError(null);
    save.mutate(
      {
        targetId: data.target.id,
        parentUnitId: data.parent.id,
        expectedVersion: data.version,
        allocations: data.children.map((c) => ({ unitId: c.unitId, goal: texts[c.unitId] ?? '' })),
      },
      { onSuccess: onClose, onError: (e) => setError(errorMessage(e)) },
    );
  };

  return (
    <Dialog
      open
      wide
      title={t('terms.allocation.title', { code: `${data.target.code} · ${data.target.shortName}` })}
      onClose={onClose}
      onSubmit={submit}
      actions={
        <>
          <button type="button" className="at-button at-button--quiet" onClick={onClose}>
            {t('terms.cancel')}
          </button>
          <button type="submit" className="at-button" disabled={save.isPending || hasProblems}>
            {t('terms.allocation.save')}
          </button>
        </>
      }
    >
      <p className="at-note">
        {data.parentGoal === null
          ? t('terms.allocation.noGoal')
          : t('terms.allocation.goal', { unit: data.parent.name, goal: quantityText(ind, data.parentGoal) })}
      </p>
      {data.children.length === 0 ? (
        <p className="at-note">{t('terms.allocation.noChildren')}</p>
      ) : (
        <table className="data-table at-table">
          <thead>
            <tr>
              <th scope="col">{t('terms.allocation.unit')}</th>
              <th scope="col">{t('terms.allocation.amount', { unit: goalUnit(ind) })}</th>
            </tr>
          </thead>
          <tbody>
            {data.children.map((c, i) => {
              const problem = parsed[i]?.problem;
              return (
                <tr key={c.unitId}>
                  <th scope="row">{c.name}</th>
                  <td>
                    <input
                      className="at-number"
                      aria-label={t('terms.allocation.for', { unit: c.name })}
                      value={texts[c.unitId] ?? ''}
                      inputMode="decimal"
                      aria-invalid={problem ? true : undefined}
                      onChange={(e) => {
                        const value = e.currentTarget.value;
                        setTexts((prev) => ({ ...prev, [c.unitId]: value }));
                      }}
                    />
                    {problem && <small className="at-field__error">{problem}</small>}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('terms.allocation.total')}</th>
              <td className="at-number-cell">{live.total === null ? '—' : quantityText(ind, live.total)}</td>
            </tr>
          </tfoot>
        </table>
      )}
      <p
        className={live.message ? 'at-check-result at-check-result--warn' : 'at-check-result'}
        role="status"
        aria-live="polite"
      >
        {live.message ??
          (live.state === 'equal' ? t('terms.allocation.matches') : t('terms.allocation.notSummed'))}
      </p>
      {error && (
        <p className="at-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
