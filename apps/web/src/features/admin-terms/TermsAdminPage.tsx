/**
 * "Nhiệm kỳ và chỉ tiêu": set up a term (congress, dates, periods and deadlines), the indicators it
 * measures, its targets and their allocations; start the next term from this one.
 * ?page=terms&term=N. Loaded on demand. The API decides who may change what.
 */
import './admin-terms.css';
import { formatDate, PERIOD_KINDS, type PeriodKind, parseDate, quantityText } from '@chitieu/core';
import { useEffect, useState } from 'react';
import { useTerms } from '../../api/get-terms.ts';
import { EmptyState, ErrorState, PageLoading } from '../../components/States.tsx';
import { useI18n } from '../../i18n.ts';
import { errorMessage } from '../../lib/api-client.ts';
import { periodName } from '../../lib/periods.ts';
import { useViewState } from '../../lib/url-state.ts';
import { AllocationDialog } from './AllocationDialog.tsx';
import { type AdminIndicator, useIndicators } from './api/get-indicators.ts';
import { type AdminPeriod, type AdminTarget, useTermSetup } from './api/get-term-setup.ts';
import { useGeneratePeriods, useSavePeriodDeadline } from './api/save-periods.ts';
import { Field } from './Field.tsx';
import { FREQUENCY_LABELS, MEASURE_LABELS } from './form.ts';
import { IndicatorDialog } from './IndicatorDialog.tsx';
import { TargetDialog } from './TargetDialog.tsx';
import { TermDialog } from './TermDialog.tsx';

type Open =
  | { kind: 'term'; mode: 'create' | 'edit' | 'copy' }
  | { kind: 'indicator'; indicator?: AdminIndicator }
  | { kind: 'target'; target?: AdminTarget }
  | { kind: 'allocation'; targetId: number }
  | null;

export default function TermsAdminPage() {
  const { t } = useI18n();
  const [view, setView] = useViewState();
  const terms = useTerms();
  const termId = view.term ?? terms.data?.[0]?.id;
  const setup = useTermSetup(termId);
  const indicators = useIndicators();
  const [open, setOpen] = useState<Open>(null);
  const [warnings, setWarnings] = useState<string[]>([]);

  useEffect(() => {
    document.title = `${t('nav.terms')} · ${t('app.title')}`;
  }, [t]);

  const term = setup.data?.term;
  // Without a term yet, offer to create one; the API says who may.
  const permissions = setup.data?.permissions ?? {
    editTerm: true,
    editTargets: false,
    allocationParents: [],
  };
  const years = term
    ? Array.from(
        { length: Number(term.endDate.slice(0, 4)) - Number(term.startDate.slice(0, 4)) + 1 },
        (_, i) => Number(term.startDate.slice(0, 4)) + i,
      )
    : [];

  return (
    <main id="main" className="main main--wide admin-terms">
      <header className="page-head">
        <h1 className="page-head__title">{t('terms.title')}</h1>
        <p className="page-head__lead">{t('terms.lead')}</p>
      </header>

      <div className="at-toolbar">
        {(terms.data?.length ?? 0) > 0 && (
          <Field label={t('scope.term')}>
            <select value={termId ?? ''} onChange={(e) => setView({ term: Number(e.currentTarget.value) })}>
              {terms.data?.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.shortName}
                </option>
              ))}
            </select>
          </Field>
        )}
        {permissions.editTerm && (
          <button
            type="button"
            className="at-button"
            onClick={() => setOpen({ kind: 'term', mode: 'create' })}
          >
            {t('terms.term.create')}
          </button>
        )}
        {term && permissions.editTerm && (
          <button
            type="button"
            className="at-button at-button--quiet"
            onClick={() => setOpen({ kind: 'term', mode: 'copy' })}
          >
            {t('terms.term.copy')}
          </button>
        )}
      </div>

      {terms.isPending ? (
        <PageLoading />
      ) : terms.data?.length === 0 ? (
        <EmptyState>{t('terms.noTerm')}</EmptyState>
      ) : setup.isError ? (
        <ErrorState message={errorMessage(setup.error)} />
      ) : !setup.data || !term ? (
        <PageLoading />
      ) : (
        <>
          <section className="section at-section" aria-labelledby="at-term">
            <div className="section__head">
              <h2 className="section__title" id="at-term">
                {term.name}
              </h2>
              {permissions.editTerm && (
                <button
                  type="button"
                  className="at-button at-button--quiet"
                  onClick={() => setOpen({ kind: 'term', mode: 'edit' })}
                >
                  {t('terms.term.edit')}
                </button>
              )}
            </div>
            <dl className="at-facts">
              <dt>{t('terms.term.shortName')}</dt>
              <dd>{term.shortName}</dd>
              <dt>{t('terms.term.start')}</dt>
              <dd>{formatDate(term.startDate)}</dd>
              <dt>{t('terms.term.mid')}</dt>
              <dd>{formatDate(term.midTermDate)}</dd>
              <dt>{t('terms.term.end')}</dt>
              <dd>{formatDate(term.endDate)}</dd>
            </dl>
          </section>

          <PeriodsSection termId={term.id} periods={setup.data.periods} editable={permissions.editTerm} />

          <IndicatorsSection
            editable={permissions.editTerm}
            indicators={indicators.data ?? []}
            onOpen={(indicator) => setOpen({ kind: 'indicator', ...(indicator ? { indicator } : {}) })}
          />

          <section className="section at-section" aria-labelledby="at-targets">
            <div className="section__head">
              <h2 className="section__title" id="at-targets">
                {t('terms.targets.title', { count: setup.data.targets.length })}
              </h2>
              {permissions.editTargets && (
                <button
                  type="button"
                  className="at-button"
                  disabled={(indicators.data?.length ?? 0) === 0}
                  onClick={() => setOpen({ kind: 'target' })}
                >
                  {t('terms.target.create')}
                </button>
              )}
            </div>
            {warnings.length > 0 && (
              <div className="at-warning" role="alert">
                {warnings.map((w) => (
                  <p key={w}>{w}</p>
                ))}
              </div>
            )}
            {setup.data.targets.length === 0 ? (
              <p className="at-note">
                {(indicators.data?.length ?? 0) === 0
                  ? t('terms.targets.needIndicators')
                  : t('terms.targets.empty')}
              </p>
            ) : (
              <TargetsTable
                targets={setup.data.targets}
                indicators={indicators.data ?? []}
                onEdit={permissions.editTargets ? (target) => setOpen({ kind: 'target', target }) : undefined}
                onAllocate={
                  permissions.allocationParents.length > 0
                    ? (target) => setOpen({ kind: 'allocation', targetId: target.id })
                    : undefined
                }
              />
            )}
          </section>
        </>
      )}

      {open?.kind === 'term' && (
        <TermDialog
          mode={open.mode}
          term={term}
          onClose={() => setOpen(null)}
          onSaved={(id) => {
            setOpen(null);
            setView({ term: id });
          }}
        />
      )}
      {open?.kind === 'indicator' && (
        <IndicatorDialog indicator={open.indicator} onClose={() => setOpen(null)} />
      )}
      {open?.kind === 'target' && term && (
        <TargetDialog
          termId={term.id}
          years={years}
          target={open.target}
          indicators={indicators.data ?? []}
          nextOrder={(setup.data?.targets.length ?? 0) + 1}
          onClose={(saved) => {
            setOpen(null);
            if (saved) setWarnings(saved);
          }}
        />
      )}
      {open?.kind === 'allocation' && (
        <AllocationDialog targetId={open.targetId} onClose={() => setOpen(null)} />
      )}
    </main>
  );
}

function PeriodsSection({
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

function IndicatorsSection({
  indicators,
  editable,
  onOpen,
}: {
  indicators: AdminIndicator[];
  editable: boolean;
  onOpen: (indicator?: AdminIndicator) => void;
}) {
  const { t } = useI18n();
  return (
    <section className="section at-section" aria-labelledby="at-indicators">
      <div className="section__head">
        <h2 className="section__title" id="at-indicators">
          {t('terms.indicators.title', { count: indicators.length })}
        </h2>
        {editable && (
          <button type="button" className="at-button" onClick={() => onOpen()}>
            {t('terms.indicator.create')}
          </button>
        )}
      </div>
      <p className="section__note">{t('terms.indicators.note')}</p>
      {indicators.length === 0 ? (
        <p className="at-note">{t('terms.indicators.empty')}</p>
      ) : (
        <div className="at-table-wrap">
          <table className="data-table at-table">
            <thead>
              <tr>
                <th scope="col">{t('terms.indicator.code')}</th>
                <th scope="col">{t('terms.indicator.name')}</th>
                <th scope="col">{t('terms.indicator.unit')}</th>
                <th scope="col">{t('terms.indicator.measureType')}</th>
                <th scope="col">{t('terms.indicator.frequency')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('terms.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {indicators.map((i) => (
                <tr key={i.id} data-indicator={i.code}>
                  <td>{i.code}</td>
                  <th scope="row">{i.name}</th>
                  <td>{i.measurementUnit}</td>
                  <td>
                    {t(MEASURE_LABELS[i.measureType])}
                    {i.decimals > 0 ? ` · ${t('terms.indicator.decimalsShort', { n: i.decimals })}` : ''}
                  </td>
                  <td>{t(FREQUENCY_LABELS[i.frequency])}</td>
                  <td>
                    {editable && (
                      <button type="button" className="link-button" onClick={() => onOpen(i)}>
                        {t('terms.edit')}
                        <span className="visually-hidden"> {i.name}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function TargetsTable({
  targets,
  indicators,
  onEdit,
  onAllocate,
}: {
  targets: AdminTarget[];
  indicators: AdminIndicator[];
  onEdit: ((target: AdminTarget) => void) | undefined;
  onAllocate: ((target: AdminTarget) => void) | undefined;
}) {
  const { t } = useI18n();
  const byId = new Map(indicators.map((i) => [i.id, i]));
  return (
    <div className="at-table-wrap">
      <table className="data-table at-table">
        <thead>
          <tr>
            <th scope="col">{t('terms.target.code')}</th>
            <th scope="col">{t('terms.target.shortName')}</th>
            <th scope="col">{t('terms.target.primary')}</th>
            <th scope="col">{t('terms.target.goal')}</th>
            <th scope="col">{t('terms.target.kind')}</th>
            <th scope="col">{t('terms.allocation.column')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('terms.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {targets.map((target) => {
            const ind = byId.get(target.primaryIndicatorId);
            return (
              <tr key={target.id} data-target={target.code}>
                <td>{target.code}</td>
                <th scope="row">{target.shortName}</th>
                <td>{ind?.name ?? '—'}</td>
                <td className="at-number-cell">
                  {target.goal === null || !ind ? '—' : quantityText(ind, target.goal)}
                  {target.direction === 'at_most' ? ` (${t('terms.target.atMostShort')})` : ''}
                </td>
                <td>{target.counted ? t('terms.target.counted') : t('terms.target.supplementary')}</td>
                <td
                  className={
                    target.allocation.message ||
                    (target.allocation.count === 0 && target.allocation.formerCount > 0)
                      ? 'at-alloc at-alloc--warn'
                      : 'at-alloc'
                  }
                >
                  {target.allocation.count === 0
                    ? target.allocation.formerCount > 0
                      ? t('terms.allocation.redo', { count: target.allocation.formerCount })
                      : t('terms.allocation.none')
                    : (target.allocation.message ??
                      t('terms.allocation.matchesShort', { count: target.allocation.count }))}
                </td>
                <td className="at-actions">
                  {onEdit && (
                    <button type="button" className="link-button" onClick={() => onEdit(target)}>
                      {t('terms.edit')}
                      <span className="visually-hidden"> {target.code}</span>
                    </button>
                  )}
                  {onAllocate && (
                    <button type="button" className="link-button" onClick={() => onAllocate(target)}>
                      {t('terms.allocate')}
                      <span className="visually-hidden"> {target.code}</span>
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
