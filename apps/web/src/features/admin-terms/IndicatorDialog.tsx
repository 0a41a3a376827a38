import {
  DEFAULT_FLAG_GROWTH,
  defaultFlagMinChange,
  flagsApply,
  goalText,
  growthText,
  MEASURE_TYPES,
  type MeasureType,
  minChangeText,
  PERIOD_KINDS,
  type PeriodKind,
  parseFlagGrowth,
  parseFlagMinChange,
  plausibilityRule,
} from '@chitieu/core';
import { useState } from 'react';
import { Dialog } from '../../components/Dialog.tsx';
import { useI18n } from '../../i18n.ts';
import { errorMessage } from '../../lib/api-client.ts';
import type { AdminIndicator } from './api/get-indicators.ts';
import { useSaveIndicator } from './api/save-indicator.ts';
import { Field } from './Field.tsx';
import { FREQUENCY_LABELS, MEASURE_LABELS } from './form.ts';

const UNITS = ['hộ', 'cơ sở', 'công trình', 'đồng', '%', 'người', 'mô hình', 'hội viên', 'chi hội'];

/** Create or edit an indicator. Once it has results, its measure type and decimals are fixed. */
export function IndicatorDialog({
  indicator,
  onClose,
}: {
  indicator?: AdminIndicator | undefined;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const [code, setCode] = useState(indicator?.code ?? '');
  const [name, setName] = useState(indicator?.name ?? '');
  const [unit, setUnit] = useState(indicator?.measurementUnit ?? '');
  const [measureType, setMeasureType] = useState<MeasureType>(indicator?.measureType ?? 'cumulative');
  const [decimals, setDecimals] = useState(String(indicator?.decimals ?? 0));
  const [frequency, setFrequency] = useState<PeriodKind>(indicator?.frequency ?? 'half');
  const [ratioOverTime, setRatioOverTime] = useState<'sum' | 'latest'>(indicator?.ratioOverTime ?? 'sum');
  // The plausibility rule (docs/decisions/0025), as typed; empty is the default.
  const [flagGrowth, setFlagGrowth] = useState(
    indicator?.flagGrowth != null ? growthText(indicator.flagGrowth) : '',
  );
  const [flagMinChange, setFlagMinChange] = useState(
    indicator?.flagMinChange != null ? goalText(indicator, indicator.flagMinChange) : '',
  );
  const [error, setError] = useState<string | null>(null);
  const save = useSaveIndicator();
  // What the form now says the indicator counts, for the thresholds' defaults and help.
  const shape = {
    measureType,
    decimals: /^\d$/.test(decimals.trim()) ? Number(decimals.trim()) : 0,
  };
  const typedGrowth = parseFlagGrowth(flagGrowth);
  const typedMinChange = parseFlagMinChange(shape, flagMinChange);
  const rule = plausibilityRule({
    ...shape,
    flagGrowth: typedGrowth.ok ? typedGrowth.value : null,
    flagMinChange: typedMinChange.ok ? typedMinChange.value : null,
  });
  const locked = indicator?.hasResults === true;

  const submit = () => {
    if (!/^\d$/.test(decimals.trim())) {
      setError(t('terms.indicator.decimalsError'));
      return;
    }
    setError(null);
    save.mutate(
      {
        ...(indicator ? { id: indicator.id, expectedVersion: indicator.version } : {}),
        body: {
          code,
          name,
          measurementUnit: unit,
          measureType,
          decimals: Number(decimals.trim()),
          frequency,
          ratioOverTime,
          flagGrowth,
          flagMinChange,
        },
      },
      { onSuccess: onClose, onError: (e) => setError(errorMessage(e)) },
    );
  };

  return (
    <Dialog
      open
      wide
      title={indicator ? t('terms.indicator.editTitle') : t('terms.indicator.createTitle')}
      onClose={onClose}
      onSubmit={submit}
      actions={
        <>
          <button type="button" className="at-button at-button--quiet" onClick={onClose}>
            {t('terms.cancel')}
          </button>
          <button type="submit" className="at-button" disabled={save.isPending}>
            {t('terms.save')}
          </button>
        </>
      }
    >
      <div className="at-grid">
        <Field label={t('terms.indicator.name')} className="at-field--wide">
          <input value={name} onChange={(e) => setName(e.currentTarget.value)} />
        </Field>
        <Field label={t('terms.indicator.code')}>
          <input value={code} onChange={(e) => setCode(e.currentTarget.value)} />
        </Field>
        <Field label={t('terms.indicator.unit')}>
          <input value={unit} onChange={(e) => setUnit(e.currentTarget.value)} list="at-units" />
        </Field>
        <Field label={t('terms.indicator.measureType')}>
          <select
            value={measureType}
            disabled={locked}
            onChange={(e) => {
              const next = e.currentTarget.value as MeasureType;
              setMeasureType(next);
              if (next === 'amount') setDecimals('0');
            }}
          >
            {MEASURE_TYPES.map((m) => (
              <option key={m} value={m}>
                {t(MEASURE_LABELS[m])}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('terms.indicator.decimals')}>
          <input
            value={decimals}
            disabled={locked || measureType === 'amount'}
            inputMode="numeric"
            onChange={(e) => setDecimals(e.currentTarget.value)}
          />
        </Field>
        <Field label={t('terms.indicator.frequency')}>
          <select value={frequency} onChange={(e) => setFrequency(e.currentTarget.value as typeof frequency)}>
            {PERIOD_KINDS.map((f) => (
              <option key={f} value={f}>
                {t(FREQUENCY_LABELS[f])}
              </option>
            ))}
          </select>
        </Field>
        {measureType === 'ratio' && (
          <Field label={t('terms.indicator.ratioOverTime')}>
            <select
              value={ratioOverTime}
              onChange={(e) => setRatioOverTime(e.currentTarget.value as typeof ratioOverTime)}
            >
              <option value="sum">{t('terms.indicator.ratioSum')}</option>
              <option value="latest">{t('terms.indicator.ratioLatest')}</option>
            </select>
          </Field>
        )}
      </div>
      <fieldset className="at-flags">
        <legend>{t('flag.admin.title')}</legend>
        {flagsApply(measureType) ? (
          <>
            <div className="at-grid">
              <Field label={t('flag.admin.growth')}>
                <input
                  value={flagGrowth}
                  inputMode="decimal"
                  placeholder={growthText(DEFAULT_FLAG_GROWTH)}
                  onChange={(e) => setFlagGrowth(e.currentTarget.value)}
                />
              </Field>
              <Field
                label={t('flag.admin.minChange', { unit: measureType === 'amount' ? 'đồng' : unit || '…' })}
              >
                <input
                  value={flagMinChange}
                  inputMode={measureType === 'amount' ? undefined : 'decimal'}
                  placeholder={goalText(shape, defaultFlagMinChange(shape))}
                  onChange={(e) => setFlagMinChange(e.currentTarget.value)}
                />
              </Field>
            </div>
            <p className="at-note">
              {t('flag.admin.help', {
                factor: growthText(rule.growth),
                change: minChangeText({ ...shape, measurementUnit: unit }, rule.minChange),
              })}
            </p>
          </>
        ) : (
          <p className="at-note">{t('flag.admin.notApplicable')}</p>
        )}
      </fieldset>
      <datalist id="at-units">
        {UNITS.map((u) => (
          <option key={u} value={u} />
        ))}
      </datalist>
      <p className="at-note">{t(`terms.measureHelp.${measureType}`)}</p>
      {locked && <p className="at-note">{t('terms.indicator.locked')}</p>}
      {error && (
        <p className="at-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
