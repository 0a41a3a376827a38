import { compareVietnamese } from '@chitieu/core';
/**
 * "Nhật ký": every change to results and reports, newest first, filtered by unit, target or
 * indicator, person, dates and kind of change (?page=audit&unit&indicator&user&from&to&action). Values are shown the way
 * the grid shows them ('746 hộ', '11,54 tỷ đồng'). Loaded on demand.
 */
import './audit.css';
import { AUDIT_ACTIONS, type AuditAction, formatDate, isIsoDate, parseDate } from '@chitieu/core';
import { Button, NativeSelect, TextInput } from '@mantine/core';
import { type FormEvent, type ReactNode, useEffect, useMemo, useState } from 'react';
import { usePeriods } from '../../api/get-periods.ts';
import { type Indicator, useTerm } from '../../api/get-term.ts';
import { useTerms } from '../../api/get-terms.ts';
import { useUnits } from '../../api/get-units.ts';
import { EmptyState, ErrorState, PageLoading, RetryButton } from '../../components/States.tsx';
import { UnitPicker } from '../../components/UnitPicker.tsx';
import { type MessageKey, useI18n } from '../../i18n.ts';
import { oversightRoots, type RoleLike } from '../../lib/access.ts';
import { errorMessage, isRetryable } from '../../lib/api-client.ts';
import { withinRoots } from '../../lib/units.ts';
import { useViewState } from '../../lib/url-state.ts';
import { AuditTable } from './AuditTable.tsx';
import { type AuditFilter, useAudit, useAuditPages } from './api/get-audit.ts';

/** The kinds of change to filter by, in words (the report's steps as the trail itself names them). */
const ACTION_LABELS: Record<AuditAction, MessageKey> = {
  entered: 'audit.kind.entered',
  deleted: 'audit.kind.deleted',
  draft: 'audit.action.draft',
  submitted: 'audit.action.submitted',
  approved: 'audit.action.approved',
  returned: 'audit.action.returned',
  setup: 'audit.kind.setup',
};
const isAuditAction = (value: unknown): value is AuditAction =>
  (AUDIT_ACTIONS as readonly unknown[]).includes(value);

const display = (iso: string | undefined) => (iso && isIsoDate(iso) ? formatDate(iso) : (iso ?? ''));

export default function AuditPage({ me }: { me: { roles: readonly RoleLike[] } }) {
  const { t } = useI18n();
  const [view, setView] = useViewState();
  const terms = useTerms();
  const termId = view.term ?? terms.data?.[0]?.id;
  const term = useTerm(termId);
  const periods = usePeriods(termId);
  const units = useUnits(undefined);
  const roots = useMemo(() => oversightRoots(me.roles), [me.roles]);
  const allUnits = units.data?.units;
  const pickable = useMemo(() => {
    const inside = withinRoots(allUnits ?? [], roots);
    return (allUnits ?? []).filter((unit) => inside.has(unit.id));
  }, [allUnits, roots]);

  const filter: AuditFilter = {
    unitId: view.unit,
    indicatorId: view.indicator,
    userId: view.user,
    from: view.from && isIsoDate(view.from) ? view.from : undefined,
    to: view.to && isIsoDate(view.to) ? view.to : undefined,
    action: isAuditAction(view.action) ? view.action : undefined,
  };
  const audit = useAuditPages(filter);
  const events = useMemo(() => audit.data?.pages.flat(), [audit.data]);
  // The people to filter by: those in the trail with the other filters (the same request when no
  // one is chosen).
  const people = useAudit({ ...filter, userId: undefined });

  useEffect(() => {
    document.title = `${t('nav.audit')} · ${t('app.title')}`;
  }, [t]);

  const indicators = useMemo(() => {
    const map = new Map<number, Indicator>();
    for (const target of term.data?.targets ?? []) {
      map.set(target.indicator.id, target.indicator);
      for (const related of target.related) map.set(related.id, related);
    }
    return map;
  }, [term.data]);
  const periodById = useMemo(() => new Map((periods.data ?? []).map((p) => [p.id, p])), [periods.data]);
  const indicatorOptions = (term.data?.targets ?? []).flatMap((target) => [
    { value: String(target.indicator.id), label: `${target.code} · ${target.shortName}` },
    ...target.related.map((r) => ({ value: String(r.id), label: `${target.code} · ${r.name}` })),
  ]);
  const userOptions = useMemo(() => {
    const seen = new Map<number, string>();
    for (const event of people.data ?? []) {
      if (event.userId !== null) seen.set(event.userId, event.userName ?? `#${event.userId}`);
    }
    if (view.user !== undefined && !seen.has(view.user)) seen.set(view.user, `#${view.user}`);
    return [...seen]
      .sort((a, b) => compareVietnamese(a[1], b[1]))
      .map(([id, name]) => ({ value: String(id), label: name }));
  }, [people.data, view.user]);

  const [from, setFrom] = useState(display(view.from));
  const [to, setTo] = useState(display(view.to));
  const [dateError, setDateError] = useState<{ from?: string; to?: string }>({});
  useEffect(() => setFrom(display(view.from)), [view.from]);
  useEffect(() => setTo(display(view.to)), [view.to]);
  const applyDates = (event: FormEvent) => {
    event.preventDefault();
    const read = (text: string) =>
      text.trim() === '' ? { ok: true as const, value: undefined } : parseDate(text);
    const f = read(from);
    const tt = read(to);
    const errors = { from: f.ok ? undefined : f.message, to: tt.ok ? undefined : tt.message };
    setDateError(errors);
    if (!f.ok || !tt.ok) return;
    if (f.value && tt.value && f.value > tt.value) {
      setDateError({ to: t('audit.toBeforeFrom') });
      return;
    }
    setView({ from: f.value, to: tt.value });
  };

  const filtered =
    view.unit !== undefined ||
    view.indicator !== undefined ||
    view.user !== undefined ||
    view.from ||
    view.to ||
    filter.action !== undefined;
  const error = terms.error ?? audit.error;
  let body: ReactNode;
  if (error && !events) {
    body = (
      <ErrorState
        message={errorMessage(error)}
        actions={isRetryable(error) ? <RetryButton onClick={() => audit.refetch()} /> : undefined}
      />
    );
  } else if (!events) {
    body = <PageLoading />;
  } else if (events.length === 0) {
    body = <EmptyState>{filtered ? t('audit.emptyFiltered') : t('audit.empty')}</EmptyState>;
  } else {
    body = (
      <div className={audit.isPlaceholderData ? 'audit-table is-updating' : 'audit-table'}>
        <AuditTable events={events} indicators={indicators} periodById={periodById} />
        {audit.hasNextPage && (
          <div className="audit__more">
            <Button
              variant="default"
              loading={audit.isFetchingNextPage}
              onClick={() => audit.fetchNextPage()}
            >
              {t('audit.more')}
            </Button>
          </div>
        )}
      </div>
    );
  }

  return (
    <main id="main" className="main main--wide">
      <div className="page-head">
        <h2 className="page-head__title">{t('audit.title')}</h2>
        <p className="page-head__lead">{t('audit.lead')}</p>
      </div>
      <div className="scope-bar audit-filters">
        <div className="scope-bar__controls">
          <UnitPicker
            units={pickable}
            value={view.unit}
            onChange={(id) => setView({ unit: id })}
            loading={units.isPending}
            emptyLabel={t('audit.allUnits')}
          />
          <NativeSelect
            className="audit-filters__indicator"
            label={t('audit.indicator')}
            value={view.indicator === undefined ? '' : String(view.indicator)}
            data={[{ value: '', label: t('audit.allIndicators') }, ...indicatorOptions]}
            onChange={(event) => {
              const next = Number(event.currentTarget.value);
              setView({ indicator: next > 0 ? next : undefined });
            }}
          />
          <NativeSelect
            className="audit-filters__user"
            label={t('audit.user')}
            value={view.user === undefined ? '' : String(view.user)}
            data={[{ value: '', label: t('audit.allUsers') }, ...userOptions]}
            onChange={(event) => {
              const next = Number(event.currentTarget.value);
              setView({ user: next > 0 ? next : undefined });
            }}
          />
          <NativeSelect
            className="audit-filters__action"
            label={t('audit.kind')}
            value={filter.action ?? ''}
            data={[
              { value: '', label: t('audit.allKinds') },
              ...AUDIT_ACTIONS.map((action) => ({ value: action, label: t(ACTION_LABELS[action]) })),
            ]}
            onChange={(event) => {
              const next = event.currentTarget.value;
              setView({ action: isAuditAction(next) ? next : undefined });
            }}
          />
          <form className="audit-dates" noValidate onSubmit={applyDates}>
            <TextInput
              label={t('audit.from')}
              placeholder={t('scope.asOfPlaceholder')}
              inputMode="numeric"
              value={from}
              error={dateError.from}
              onChange={(event) => setFrom(event.currentTarget.value)}
            />
            <TextInput
              label={t('audit.to')}
              placeholder={t('scope.asOfPlaceholder')}
              inputMode="numeric"
              value={to}
              error={dateError.to}
              onChange={(event) => setTo(event.currentTarget.value)}
            />
            <Button type="submit" className="audit-dates__submit">
              {t('audit.applyDates')}
            </Button>
          </form>
        </div>
        {filtered && (
          <button
            type="button"
            className="link-button audit-filters__clear"
            onClick={() =>
              setView({
                unit: undefined,
                indicator: undefined,
                user: undefined,
                from: undefined,
                to: undefined,
                action: undefined,
              })
            }
          >
            {t('audit.clear')}
          </button>
        )}
      </div>
      {body}
    </main>
  );
}
