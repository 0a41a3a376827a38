/**
 * One indicator's row of the entry grid: its name and hints, the previous figure and allocation,
 * the input cells (marked changed, invalid, flagged or asking for a note), the row's status, and
 * the conflict box when someone else saved first.
 */
import { formatInstant, formatRatioPercent, growthText, parseScaled } from '@chitieu/core';
import { Button } from '@mantine/core';
import type { ReactNode } from 'react';
import { type MessageKey, useI18n } from '../../../i18n.ts';
import { checkTexts, type Field, flagPast, problemsOf, resultText } from '../model.ts';
import type { EntryEditor, RowView } from '../use-entry-editor.ts';
import { RowStatusText } from './RowStatus.tsx';

/** The options list the Đạt/Không đạt cells share (rendered once by the grid). */
export const MEETS_LIST_ID = 'entry-meets-options';
const EMPTY_FIGURE = { value: null, numerator: null, denominator: null, meets: null };

const FIELD_LABELS: Record<Field, MessageKey> = {
  value: 'entry.field.value',
  numerator: 'entry.field.numerator',
  denominator: 'entry.field.denominator',
  meets: 'entry.field.meets',
  note: 'entry.field.note',
  evidenceUrl: 'entry.field.evidenceUrl',
};

/** The grid column (see COLUMNS in model.ts) each field sits in. */
const COLUMN_OF: Record<Field, number> = {
  value: 0,
  numerator: 0,
  meets: 0,
  denominator: 1,
  note: 2,
  evidenceUrl: 3,
};

export function GridRow({
  view,
  active,
  editor,
  onHistory,
}: {
  view: RowView;
  active: boolean;
  editor: Pick<EntryEditor, 'setText' | 'keepMine' | 'takeTheirs'>;
  onHistory: (view: RowView) => void;
}) {
  const { t } = useI18n();
  const { row, texts, check, index } = view;
  const { indicator } = row;
  const name = row.primary ? row.targetName : indicator.name;
  // What is stored and unchanged was valid when saved; "empty" waits until the row is left.
  const problems = view.dirty ? (check?.errors ?? []).filter((p) => !(active && p.code === 'empty')) : [];
  const showWarnings = view.dirty || view.state?.kind === 'saved';
  const warnings = showWarnings
    ? view.state?.kind === 'saved' && !view.dirty
      ? view.state.warnings
      : (check?.warnings ?? [])
    : [];
  // The flag the server stored with the value (docs/decisions/0025): shown after a reload, to the
  // approver too, until the value is changed (then the check of what is typed speaks).
  const storedFlag = view.dirty ? null : (row.result?.flag ?? null);
  const flagged = storedFlag !== null || warnings.some((w) => w.code === 'far_above_history');
  const flagText =
    storedFlag && !warnings.some((w) => w.code === 'far_above_history')
      ? t(`flag.${storedFlag}`, {
          factor: growthText(row.plausibility.growth),
          past: resultText(indicator, flagPast(row, storedFlag) ?? EMPTY_FIGURE) ?? '—',
        })
      : null;
  const asksNote = (warnings.length > 0 || storedFlag !== null) && texts.note.trim() === '';

  const input = (field: Field, extra: { className?: string; placeholder?: string; list?: string } = {}) => {
    const errors = problemsOf(problems, field);
    const fieldWarnings = problemsOf(warnings, field);
    const messageId = `cell-${view.id}-${field}-msg`;
    const evidenceError = field === 'evidenceUrl' && view.dirty ? view.evidenceError : null;
    const invalid = errors.length > 0 || evidenceError !== null;
    const flagMessage = field === 'value' ? flagText : null;
    const column = COLUMN_OF[field];
    const numeric = field === 'numerator' || field === 'denominator';
    return (
      <span className="cell">
        <input
          className={`cell-input${extra.className ? ` ${extra.className}` : ''}${view.server[field] !== texts[field] ? ' cell-input--changed' : ''}${field === 'value' && flagged ? ' cell-input--flagged' : ''}`}
          data-r={index}
          data-c={column}
          data-id={view.id}
          data-field={field}
          value={texts[field]}
          readOnly={!view.editable}
          aria-label={`${name} — ${t(FIELD_LABELS[field])}`}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid || fieldWarnings.length > 0 || flagMessage ? messageId : undefined}
          autoComplete="off"
          spellCheck={field === 'note'}
          inputMode={
            numeric || (field === 'value' && indicator.measureType !== 'amount') ? 'decimal' : undefined
          }
          placeholder={view.editable ? extra.placeholder : undefined}
          list={extra.list}
          onChange={(event) => editor.setText(view.id, field, event.currentTarget.value)}
        />
        {(invalid || fieldWarnings.length > 0 || flagMessage) && (
          <span id={messageId} className="cell-messages">
            {flagMessage && (
              <span className="cell-msg cell-msg--flag">
                <span aria-hidden="true">⚑ </span>
                <strong>{t('flag.mark')}:</strong> {flagMessage}
              </span>
            )}
            {errors.map((p) => (
              <span key={p.code} className="cell-msg cell-msg--error" role="alert">
                {p.message}
              </span>
            ))}
            {evidenceError && (
              <span className="cell-msg cell-msg--error" role="alert">
                {evidenceError}
              </span>
            )}
            {fieldWarnings.map((p) => (
              <span key={p.code} className="cell-msg cell-msg--warn">
                {p.message}
              </span>
            ))}
          </span>
        )}
      </span>
    );
  };

  let valueCell: ReactNode;
  if (!row.applicable) {
    valueCell = <span className="cell-na">{t('entry.notApplicable')}</span>;
  } else if (indicator.measureType === 'ratio') {
    const num = parseScaled(texts.numerator, 0);
    const den = parseScaled(texts.denominator, 0);
    const pct =
      num.ok && den.ok && den.value > 0 && num.value <= den.value
        ? formatRatioPercent(num.value, den.value, indicator.decimals)
        : null;
    valueCell = (
      <span className="cell-ratio">
        {input('numerator', { placeholder: t('entry.field.numerator') })}
        <span className="cell-ratio__slash" aria-hidden="true">
          /
        </span>
        {input('denominator', { placeholder: t('entry.field.denominator') })}
        {pct && <span className="cell-ratio__pct">= {pct}</span>}
      </span>
    );
  } else if (indicator.measureType === 'units_meeting') {
    valueCell = input('meets', { list: MEETS_LIST_ID, placeholder: t('entry.meetsPlaceholder') });
  } else {
    valueCell = input('value', {
      className: 'cell-input--num',
      placeholder: indicator.measureType === 'amount' ? t('entry.moneyPlaceholder') : undefined,
    });
  }

  const previous = row.previous ? resultText(indicator, row.previous) : null;
  const unitHint =
    indicator.measureType === 'units_meeting'
      ? t('entry.hint.meets')
      : indicator.measureType === 'ratio'
        ? t('entry.hint.ratio')
        : indicator.measureType === 'amount'
          ? t('entry.hint.money')
          : t('entry.hint.unit', { unit: indicator.measurementUnit });
  const conflict = view.state?.kind === 'conflict' ? view.state : null;

  return (
    <>
      <tr
        className={`entry-row entry-row--${view.status}${row.primary ? '' : ' entry-row--related'}${active ? ' is-active' : ''}`}
        data-indicator={indicator.code}
        data-status={view.status}
        data-flag={storedFlag ?? undefined}
      >
        <th scope="row" className="entry-row__name">
          {row.primary && <span className="entry-row__code">{row.targetCode}</span>}
          <span className="entry-row__title">
            {!row.primary && <span aria-hidden="true">↳ </span>}
            {name}
          </span>
          <span className="entry-row__hint">{unitHint}</span>
        </th>
        <td className="entry-row__ref" data-label={t('entry.col.reference')}>
          <span className="ref-line">
            <span className="ref-line__label">{t('entry.previous')}</span>{' '}
            <span className="ref-line__value">{previous ?? '—'}</span>
          </span>
          {row.allocation !== null && (
            <span className="ref-line">
              <span className="ref-line__label">{t('entry.allocation')}</span>{' '}
              <span className="ref-line__value">
                {resultText(indicator, {
                  value: row.allocation,
                  numerator: null,
                  denominator: null,
                  meets: null,
                })}
              </span>
            </span>
          )}
        </td>
        <td className="entry-row__value" data-label={t('entry.col.value')}>
          {valueCell}
        </td>
        <td className="entry-row__note" data-label={t('entry.col.note')}>
          {row.applicable &&
            input('note', {
              className: asksNote ? 'cell-input--ask' : undefined,
              placeholder: asksNote
                ? t(storedFlag ? 'flag.noteNeeded' : 'entry.noteNeeded')
                : t('entry.notePlaceholder'),
            })}
        </td>
        <td className="entry-row__evidence" data-label={t('entry.col.evidence')}>
          {row.applicable && input('evidenceUrl', { placeholder: 'https://…' })}
          {!view.dirty && view.server.evidenceUrl && !view.evidenceError && (
            <a
              className="evidence-link"
              href={view.server.evidenceUrl}
              target="_blank"
              rel="noreferrer noopener"
            >
              {t('entry.openEvidence')}
            </a>
          )}
        </td>
        <td className="entry-row__status" data-label={t('entry.col.status')}>
          <RowStatusText view={view} />
          {row.result && (
            <button type="button" className="link-button history-button" onClick={() => onHistory(view)}>
              {t('entry.history')}
              <span className="visually-hidden">: {name}</span>
            </button>
          )}
        </td>
      </tr>
      {conflict && (
        <tr className="entry-conflict" data-indicator={indicator.code}>
          <td colSpan={6}>
            <div className="entry-conflict__box" role="alert">
              <p className="entry-conflict__title">
                {t('entry.conflict.title', {
                  name: conflict.current.updatedByName ?? t('entry.someoneElse'),
                })}
              </p>
              <p className="entry-conflict__values">
                <span>
                  {t('entry.conflict.mine')} <strong>{typedText(view, conflict.mine) ?? '—'}</strong>
                </span>
                <span>
                  {t('entry.conflict.theirs', {
                    name: conflict.current.updatedByName ?? t('entry.someoneElse'),
                  })}{' '}
                  <strong>{resultText(indicator, conflict.current) ?? '—'}</strong>
                  {conflict.current.updatedAt && (
                    <span className="entry-conflict__when">
                      {' '}
                      ({formatInstant(conflict.current.updatedAt)})
                    </span>
                  )}
                </span>
              </p>
              <div className="entry-conflict__actions">
                <Button size="xs" onClick={() => editor.keepMine(view.id)}>
                  {t('entry.conflict.keepMine')}
                </Button>
                <Button size="xs" variant="default" onClick={() => editor.takeTheirs(view.id)}>
                  {t('entry.conflict.takeTheirs')}
                </Button>
              </div>
            </div>
          </td>
        </tr>
      )}
    </>
  );
}

/** What the user typed, in the same words as a stored value ('20 hộ'). */
function typedText(view: RowView, texts: RowView['texts']): string | null {
  const fields = checkTexts(view.row, texts).fields;
  return fields ? resultText(view.row.indicator, fields) : null;
}
