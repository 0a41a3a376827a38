import { type Direction, goalText, goalUnit, MISSIONS, type Mission, parseGoal } from '@chitieu/core';
import { useState } from 'react';
import { Dialog } from '../../components/Dialog.tsx';
import { useI18n } from '../../i18n.ts';
import { errorMessage } from '../../lib/api-client.ts';
import type { AdminIndicator } from './api/get-indicators.ts';
import type { AdminTarget } from './api/get-term-setup.ts';
import { useSaveTarget } from './api/save-target.ts';
import { Field } from './Field.tsx';

/** The named views a target may feed, as the manager reads them. */
const MISSION_LABELS = {
  poverty: 'terms.target.mission.poverty',
  rural: 'terms.target.mission.rural',
  grassroots: 'terms.target.mission.grassroots',
} as const;

/**
 * Every field of a target. Numbers are typed the Vietnamese way ('3.000', '11,54 tỷ', '87,5') and
 * checked as you type with the primary indicator's rules; the server reads them again.
 */
export function TargetDialog({
  termId,
  years,
  target,
  indicators,
  nextOrder,
  onClose,
}: {
  termId: number;
  years: number[];
  target?: AdminTarget | undefined;
  indicators: AdminIndicator[];
  nextOrder: number;
  onClose: (warnings?: string[]) => void;
}) {
  const { t } = useI18n();
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const firstIndicator = target ? byId.get(target.primaryIndicatorId) : indicators[0];
  const asText = (value: number | null | undefined, ind = firstIndicator) =>
    value === null || value === undefined || !ind ? '' : goalText(ind, value);
  const [code, setCode] = useState(target?.code ?? '');
  const [wording, setWording] = useState(target?.wording ?? '');
  const [shortName, setShortName] = useState(target?.shortName ?? '');
  const [primaryId, setPrimaryId] = useState<number | undefined>(firstIndicator?.id);
  const [related, setRelated] = useState<number[]>(target?.relatedIndicatorIds ?? []);
  const [baseline, setBaseline] = useState(asText(target?.baseline));
  const [goal, setGoal] = useState(asText(target?.goal));
  const [milestone, setMilestone] = useState(asText(target?.midTermMilestone));
  const [plan, setPlan] = useState<Record<number, string>>(() =>
    Object.fromEntries((target?.yearlyPlan ?? []).map((p) => [p.year, asText(p.amount)])),
  );
  const [direction, setDirection] = useState<Direction>(target?.direction ?? 'at_least');
  const [counted, setCounted] = useState(target?.counted ?? true);
  const [mission, setMission] = useState<Mission | ''>(target?.mission ?? '');
  const [order, setOrder] = useState(String(target?.sortOrder ?? nextOrder));
  const [error, setError] = useState<string | null>(null);
  const save = useSaveTarget(termId);
  const primary = primaryId === undefined ? undefined : byId.get(primaryId);

  /** The live reading of a typed number: nothing when empty, the parser's message when wrong. */
  const check = (text: string) => {
    if (!primary || text.trim() === '') return null;
    const parsed = parseGoal(primary, text);
    return parsed.ok ? null : parsed.message;
  };

  const submit = () => {
    if (primaryId === undefined) {
      setError(t('terms.target.needIndicator'));
      return;
    }
    setError(null);
    save.mutate(
      {
        termId,
        ...(target ? { id: target.id, expectedVersion: target.version } : {}),
        body: {
          code,
          wording,
          shortName,
          primaryIndicatorId: primaryId,
          relatedIndicatorIds: related.filter((id) => id !== primaryId),
          baseline,
          goal,
          midTermMilestone: milestone,
          yearlyPlan: Object.entries(plan).map(([year, amount]) => ({ year: Number(year), amount })),
          direction,
          counted,
          mission: mission === '' ? null : mission,
          sortOrder: /^\d+$/.test(order.trim()) ? Number(order.trim()) : 0,
        },
      },
      { onSuccess: (saved) => onClose(saved.warnings), onError: (e) => setError(errorMessage(e)) },
    );
  };

  // The label names the field alone; the unit or the parser's message is its description.
  const numberField = (
    key: string,
    label: string,
    value: string,
    set: (v: string) => void,
    hint?: string,
  ) => {
    const problem = check(value);
    const id = `at-target-${key}`;
    return (
      <div className="at-field">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          value={value}
          inputMode="decimal"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem || hint ? `${id}-note` : undefined}
          onChange={(e) => set(e.currentTarget.value)}
        />
        {problem ? (
          <small id={`${id}-note`} className="at-field__error">
            {problem}
          </small>
        ) : (
          hint && <small id={`${id}-note`}>{hint}</small>
        )}
      </div>
    );
  };
  const unitHint = primary ? t('terms.target.inUnit', { unit: goalUnit(primary) }) : undefined;

  return (
    <Dialog
      open
      wide
      title={target ? t('terms.target.editTitle', { code: target.code }) : t('terms.target.createTitle')}
      onClose={() => onClose()}
      onSubmit={submit}
      actions={
        <>
          <button type="button" className="at-button at-button--quiet" onClick={() => onClose()}>
            {t('terms.cancel')}
          </button>
          <button type="submit" className="at-button" disabled={save.isPending}>
            {t('terms.save')}
          </button>
        </>
      }
    >
      <div className="at-grid">
        <Field label={t('terms.target.code')}>
          <input value={code} onChange={(e) => setCode(e.currentTarget.value)} />
        </Field>
        <Field label={t('terms.target.shortName')} className="at-field--wide">
          <input value={shortName} onChange={(e) => setShortName(e.currentTarget.value)} />
        </Field>
        <Field label={t('terms.target.wording')} className="at-field--full">
          <textarea rows={2} value={wording} onChange={(e) => setWording(e.currentTarget.value)} />
        </Field>
        <Field label={t('terms.target.primary')} className="at-field--wide">
          <select value={primaryId ?? ''} onChange={(e) => setPrimaryId(Number(e.currentTarget.value))}>
            {indicators.map((i) => (
              <option key={i.id} value={i.id}>
                {i.code} — {i.name} ({i.measurementUnit})
              </option>
            ))}
          </select>
        </Field>
        <fieldset className="at-field at-field--wide at-checks">
          <legend>{t('terms.target.related')}</legend>
          {indicators
            .filter((i) => i.id !== primaryId)
            .map((i) => (
              <label key={i.id} className="at-check">
                <input
                  type="checkbox"
                  checked={related.includes(i.id)}
                  onChange={(e) => {
                    const on = e.currentTarget.checked;
                    setRelated((list) => (on ? [...list, i.id] : list.filter((x) => x !== i.id)));
                  }}
                />
                {i.name}
              </label>
            ))}
        </fieldset>
        {numberField('baseline', t('terms.target.baseline'), baseline, setBaseline, unitHint)}
        {numberField('goal', t('terms.target.goal'), goal, setGoal, unitHint)}
        {numberField('milestone', t('terms.target.milestone'), milestone, setMilestone, unitHint)}
        <Field label={t('terms.target.direction')}>
          <select value={direction} onChange={(e) => setDirection(e.currentTarget.value as typeof direction)}>
            <option value="at_least">{t('terms.target.atLeast')}</option>
            <option value="at_most">{t('terms.target.atMost')}</option>
          </select>
        </Field>
        <Field label={t('terms.target.kind')}>
          <select
            value={counted ? 'counted' : 'supplementary'}
            onChange={(e) => setCounted(e.currentTarget.value === 'counted')}
          >
            <option value="counted">{t('terms.target.counted')}</option>
            <option value="supplementary">{t('terms.target.supplementary')}</option>
          </select>
        </Field>
        <Field label={t('terms.target.mission')}>
          <select value={mission} onChange={(e) => setMission(e.currentTarget.value as Mission | '')}>
            <option value="">{t('terms.target.missionNone')}</option>
            {MISSIONS.map((m) => (
              <option key={m} value={m}>
                {t(MISSION_LABELS[m])}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('terms.target.order')}>
          <input value={order} inputMode="numeric" onChange={(e) => setOrder(e.currentTarget.value)} />
        </Field>
      </div>
      <fieldset className="at-plan">
        <legend>{t('terms.target.yearlyPlan')}</legend>
        {years.map((year) => (
          <div key={year}>
            {numberField(`plan-${year}`, t('terms.target.planYear', { year }), plan[year] ?? '', (v) =>
              setPlan((p) => ({ ...p, [year]: v })),
            )}
          </div>
        ))}
      </fieldset>
      {error && (
        <p className="at-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
