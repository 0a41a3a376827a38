/** A term's periods, generated from its kinds, each with its report deadline. */
import { formatDate, PERIOD_KINDS, type PeriodKind, parseDate } from '@chitieu/core';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n.ts';
import { errorMessage } from '../../lib/api-client.ts';
import { periodName } from '../../lib/periods.ts';
import type { AdminPeriod } from './api/get-term-setup.ts';
import { useGeneratePeriods, useSavePeriodDeadline } from './api/save-periods.ts';
import { FREQUENCY_LABELS } from './form.ts';

export function PeriodsSection({
  termId,
  periods,
  editable,
}: {
  termId: number;
  periods: AdminPeriod[];
  editable: boolean;
}) {
  const { t } = useI18n();
  const [kinds, setKinds] = useState<Set<PeriodKind>>(new Set(['half']));
  const generate = useGeneratePeriods(termId);
  return (
    <section className="section at-section" aria-labelledby="at-periods">
      <div className="section__head">
        <h2 className="section__title" id="at-periods">
          {t('terms.periods.title', { count: periods.length })}
        </h2>
      </div>
      {editable && (
        <div className="at-toolbar">
          {PERIOD_KINDS.map((kind) => (
            <label key={kind} className="at-check">
              <input
                type="checkbox"
                checked={kinds.has(kind)}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  setKinds((prev) => {
                    const next = new Set(prev);
                    if (on) next.add(kind);
                    else next.delete(kind);
                    return next;
                  });
                }}
              />
              {t(FREQUENCY_LABELS[kind])}
            </label>
          ))}
          <button
            type="button"
            className="at-button"
            disabled={kinds.size === 0 || generate.isPending}
            onClick={() => generate.mutate({ termId, kinds: [...kinds] })}
          >
            {t('terms.periods.generate')}
          </button>
        </div>
      )}
      {generate.isError && (
        <p className="at-error" role="alert">
          {errorMessage(generate.error)}
        </p>
      )}
      {periods.length === 0 ? (
        <p className="at-note">{t('terms.periods.empty')}</p>
      ) : (
        <div className="at-table-wrap">
          <table className="data-table at-table">
            <thead>
              <tr>
                <th scope="col">{t('terms.periods.period')}</th>
                <th scope="col">{t('terms.periods.dates')}</th>
                <th scope="col">{t('terms.periods.deadline')}</th>
              </tr>
            </thead>
            <tbody>
              {periods.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{periodName(p)}</th>
                  <td>
                    {formatDate(p.startDate)} – {formatDate(p.endDate)}
                  </td>
                  <td>{editable ? <DeadlineCell termId={termId} period={p} /> : formatDate(p.deadline)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** A deadline typed dd/mm/yyyy, saved when the field is left with a changed value. */
function DeadlineCell({ termId, period }: { termId: number; period: AdminPeriod }) {
  const { t } = useI18n();
  const [text, setText] = useState(formatDate(period.deadline));
  const [problem, setProblem] = useState<string | null>(null);
  const save = useSavePeriodDeadline(termId);
  useEffect(() => setText(formatDate(period.deadline)), [period.deadline]);
  const commit = () => {
    const parsed = parseDate(text);
    if (!parsed.ok) {
      setProblem(parsed.message);
      return;
    }
    setProblem(null);
    if (parsed.value === period.deadline) return;
    save.mutate(
      { periodId: period.id, deadline: parsed.value, expectedVersion: period.version },
      { onError: (e) => setProblem(errorMessage(e)) },
    );
  };
  return (
    <>
      <input
        className="at-date"
        aria-label={t('terms.periods.deadlineFor', { period: periodName(period) })}
        value={text}
        inputMode="numeric"
        onChange={(e) => setText(e.currentTarget.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
        }}
      />
      {problem && <small className="at-field__error">{problem}</small>}
    </>
  );
}
