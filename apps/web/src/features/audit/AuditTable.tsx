import { formatInstant } from '@chitieu/core';
/**
 * The audit trail as a table: when, who, which unit, what changed (an indicator's figure before →
 * after with its note and evidence, a term's setup, a report's step) and why.
 */
import type { ReactNode } from 'react';
import type { Period } from '../../api/get-periods.ts';
import type { Indicator } from '../../api/get-term.ts';
import { type MessageKey, useI18n } from '../../i18n.ts';
import { periodName } from '../../lib/periods.ts';
import type { AuditEvent } from './api/get-audit.ts';
import { type NoteField, noteChanges } from './changes.ts';
import { asSnapshot, figureText, num } from './figure-text.ts';

type Translate = ReturnType<typeof useI18n>['t'];

const NOTE_LABELS: Record<NoteField, MessageKey> = {
  note: 'audit.field.note',
  evidenceUrl: 'audit.field.evidence',
};

/** Audit events written by the term and target setup (admin-terms). */
const SETUP_ENTITIES: Record<string, MessageKey> = {
  term: 'audit.setup.term',
  indicator: 'audit.setup.indicator',
  target: 'audit.setup.target',
  allocation: 'audit.setup.allocation',
  period: 'audit.setup.period',
};
const SETUP_ACTIONS: Record<string, MessageKey> = {
  create: 'audit.setup.create',
  update: 'audit.setup.update',
  copy: 'audit.setup.copy',
};

const STATE_ACTIONS: Record<string, MessageKey> = {
  draft: 'audit.action.draft',
  submitted: 'audit.action.submitted',
  approved: 'audit.action.approved',
  returned: 'audit.action.returned',
};

/** A save the server judged outside the plausibility rule (docs/decisions/0025). */
function FlagTag() {
  const { t } = useI18n();
  return (
    <span className="flag-mark audit__flag">
      <span aria-hidden="true">⚑ </span>
      {t('flag.mark')}
    </span>
  );
}

function describe(
  t: Translate,
  event: AuditEvent,
  indicators: ReadonlyMap<number, Indicator>,
  periodById: ReadonlyMap<number, Period>,
): { what: ReactNode; change: ReactNode } {
  const after = asSnapshot(event.after);
  const before = asSnapshot(event.before);
  const period = periodById.get(num(after?.periodId) ?? num(before?.periodId) ?? -1);
  const periodText = period ? periodName(period) : '';
  if (event.entity === 'result') {
    const indicator = indicators.get(num(after?.indicatorId) ?? -1);
    return {
      what: (
        <>
          <span className="audit__indicator">{indicator?.name ?? t('audit.indicatorUnknown')}</span>
          {periodText && <span className="audit__period">{periodText}</span>}
        </>
      ),
      change:
        before === null ? (
          <>
            <span className="audit__tag">{t('audit.created')}</span>{' '}
            <strong>{figureText(indicator, after)}</strong>
            {typeof after?.flag === 'string' && <FlagTag />}
          </>
        ) : (
          <>
            {figureText(indicator, before) === figureText(indicator, after) ? (
              <span>
                {figureText(indicator, after)} <span className="audit__tag">{t('audit.unchanged')}</span>
              </span>
            ) : (
              <>
                <span className="audit__before">{figureText(indicator, before)}</span>
                <span className="audit__arrow"> → </span>
                <strong>{figureText(indicator, after)}</strong>
              </>
            )}
            {typeof after?.flag === 'string' && <FlagTag />}
            {noteChanges(before, after).map((change) => (
              <span className="audit__field" key={change.field}>
                {t(NOTE_LABELS[change.field])}:{' '}
                <span className="audit__before">{change.before ?? t('audit.blank')}</span>
                <span className="audit__arrow"> → </span>
                <strong>{change.after ?? t('audit.blank')}</strong>
              </span>
            ))}
          </>
        ),
    };
  }
  const setup = SETUP_ENTITIES[event.entity];
  if (setup) {
    // Setting up terms and targets: what was set up, by its name, and whether it was new.
    const name = after?.shortName ?? after?.name ?? before?.shortName ?? before?.name;
    return {
      what: (
        <>
          <span className="audit__indicator">{t(setup)}</span>
          {typeof name === 'string' && <span className="audit__period">{name}</span>}
        </>
      ),
      change: <strong>{t(SETUP_ACTIONS[event.action] ?? 'audit.setup.update')}</strong>,
    };
  }
  const key = STATE_ACTIONS[event.action];
  return {
    what: (
      <>
        <span className="audit__indicator">{t('audit.report')}</span>
        {periodText && <span className="audit__period">{periodText}</span>}
      </>
    ),
    change: <strong>{key ? t(key) : event.action}</strong>,
  };
}

export function AuditTable({
  events,
  indicators,
  periodById,
}: {
  events: readonly AuditEvent[];
  /** The term's indicators by id, to name a result's indicator and write its figure. */
  indicators: ReadonlyMap<number, Indicator>;
  periodById: ReadonlyMap<number, Period>;
}) {
  const { t } = useI18n();
  return (
    <table className="data-table audit">
      <caption className="visually-hidden">{t('audit.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('audit.when')}</th>
          <th scope="col">{t('audit.who')}</th>
          <th scope="col">{t('audit.unit')}</th>
          <th scope="col">{t('audit.what')}</th>
          <th scope="col">{t('audit.change')}</th>
          <th scope="col">{t('audit.reason')}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => {
          const { what, change } = describe(t, event, indicators, periodById);
          return (
            <tr key={event.id} data-entity={event.entity}>
              <td className="audit__when" data-label={t('audit.when')}>
                {formatInstant(event.at)}
              </td>
              <td data-label={t('audit.who')}>{event.userName ?? t('history.system')}</td>
              <td data-label={t('audit.unit')}>{event.unitName ?? '—'}</td>
              <td data-label={t('audit.what')}>{what}</td>
              <td className="audit__change" data-label={t('audit.change')}>
                {change}
              </td>
              <td data-label={t('audit.reason')}>{event.reason ?? ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
