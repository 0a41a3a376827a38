/**
 * "Nhiệm kỳ và chỉ tiêu": set up a term (congress, dates, periods and deadlines), the indicators it
 * measures, its targets and their allocations; start the next term from this one.
 * ?page=terms&term=N. Loaded on demand. The API decides who may change what.
 */
import './admin-terms.css';
import { formatDate } from '@chitieu/core';
import { useEffect, useState } from 'react';
import { useTerms } from '../../api/get-terms.ts';
import { EmptyState, ErrorState, PageLoading } from '../../components/States.tsx';
import { useI18n } from '../../i18n.ts';
import { errorMessage } from '../../lib/api-client.ts';
import { useViewState } from '../../lib/url-state.ts';
import { AllocationDialog } from './AllocationDialog.tsx';
import { type AdminIndicator, useIndicators } from './api/get-indicators.ts';
import { type AdminTarget, useTermSetup } from './api/get-term-setup.ts';
import { Field } from './Field.tsx';
import { IndicatorDialog } from './IndicatorDialog.tsx';
import { IndicatorsSection, TargetsTable } from './IndicatorsSection.tsx';
import { PeriodsSection } from './PeriodsSection.tsx';
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
