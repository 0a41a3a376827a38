/**
 * The entry grid: one row per indicator, keyboard first, and like Excel. Enter / Shift+Enter and
 * ↑ ↓ move down and up, Tab / Shift+Tab and ← → across; a cell reached by the keyboard or by a click
 * is selected whole, so typing replaces it and Delete clears it; F2 or a double-click edits it in
 * place (the caret at the end, ← → move inside the text); Escape puts back what the cell held.
 * A block pasted from Excel fills the cells it covers. Leaving a cell saves its row when the row is
 * valid.
 */
import { formatRatioPercent, growthText, parseScaled } from '@chitieu/core';
import { Button } from '@mantine/core';
import {
  type ClipboardEvent,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
  useEffect,
  useRef,
  useState,
} from 'react';
import { type MessageKey, useI18n } from '../../../i18n.ts';
import { formatInstant } from '../../../lib/time.ts';
import {
  checkTexts,
  type Field,
  flagPast,
  isBlock,
  parseBlock,
  planPaste,
  problemsOf,
  resultText,
  rowCells,
} from '../model.ts';
import type { EntryEditor, RowView } from '../use-entry-editor.ts';

const MEETS_LIST_ID = 'entry-meets-options';
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

interface CellRef {
  r: number;
  c: number;
  id: number;
  field: Field;
}

function cellOf(target: EventTarget | null): CellRef | null {
  if (!(target instanceof HTMLInputElement) || target.dataset.r === undefined) return null;
  return {
    r: Number(target.dataset.r),
    c: Number(target.dataset.c),
    id: Number(target.dataset.id),
    field: target.dataset.field as Field,
  };
}

export function EntryGrid({
  editor,
  onHistory,
  caption,
}: {
  editor: EntryEditor;
  onHistory: (view: RowView) => void;
  caption: string;
}) {
  const { t } = useI18n();
  const { views } = editor;
  const tableRef = useRef<HTMLTableElement>(null);
  /** F2 or a double-click: ← → move the caret instead of leaving the cell. */
  const caretMode = useRef(false);
  /** The cell's text when it got focus, for Escape. */
  const snapshot = useRef<{ id: number; field: Field; text: string } | null>(null);
  const [activeRow, setActiveRow] = useState<number | null>(null);
  const [notice, setNotice] = useState('');
  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => setNotice(''), 6000);
    return () => window.clearTimeout(timer);
  }, [notice]);

  const columnsOf = (r: number) => {
    const view = views[r];
    return view ? rowCells(view.row).map(([c]) => c) : [];
  };
  const focusCell = (r: number, c: number) => {
    const el = tableRef.current?.querySelector<HTMLInputElement>(`input[data-r="${r}"][data-c="${c}"]`);
    if (!el) return false;
    el.focus();
    return true;
  };
  const vertical = (r: number, c: number, step: 1 | -1) => {
    for (let next = r + step; next >= 0 && next < views.length; next += step) {
      const cols = columnsOf(next);
      if (cols.length === 0) continue;
      const target = cols.includes(c)
        ? c
        : cols.reduce((best, col) => (Math.abs(col - c) < Math.abs(best - c) ? col : best));
      return focusCell(next, target);
    }
    return false;
  };
  const across = (r: number, c: number, step: 1 | -1, wrap: boolean) => {
    const cols = columnsOf(r);
    const inRow = step === 1 ? cols.find((col) => col > c) : [...cols].reverse().find((col) => col < c);
    if (inRow !== undefined) return focusCell(r, inRow);
    if (!wrap) return false;
    for (let next = r + step; next >= 0 && next < views.length; next += step) {
      const nextCols = columnsOf(next);
      const col = step === 1 ? nextCols[0] : nextCols[nextCols.length - 1];
      if (col !== undefined) return focusCell(next, col);
    }
    return false;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const cell = cellOf(event.target);
    if (!cell) return;
    const input = event.target as HTMLInputElement;
    switch (event.key) {
      case 'Enter':
        event.preventDefault();
        if (!vertical(cell.r, cell.c, event.shiftKey ? -1 : 1)) editor.commit(cell.id, cell.field);
        return;
      case 'ArrowDown':
      case 'ArrowUp':
        if (event.altKey) return; // the options list of the Đạt/Không đạt cell
        event.preventDefault();
        vertical(cell.r, cell.c, event.key === 'ArrowDown' ? 1 : -1);
        return;
      case 'Tab':
        if (across(cell.r, cell.c, event.shiftKey ? -1 : 1, true)) event.preventDefault();
        return;
      case 'ArrowLeft':
      case 'ArrowRight':
        if (caretMode.current || event.shiftKey) return;
        if (across(cell.r, cell.c, event.key === 'ArrowRight' ? 1 : -1, false)) event.preventDefault();
        return;
      case 'Escape': {
        const before = snapshot.current;
        if (!before || before.id !== cell.id || before.field !== cell.field) return;
        event.preventDefault();
        editor.setText(cell.id, cell.field, before.text);
        caretMode.current = false;
        requestAnimationFrame(() => input.select());
        return;
      }
      case 'F2':
        event.preventDefault();
        editInPlace(input);
        return;
    }
  };

  const editInPlace = (input: HTMLInputElement) => {
    caretMode.current = true;
    input.setSelectionRange(input.value.length, input.value.length);
  };

  // A click selects the cell whole (the browser would put the caret where the pointer is, and typing
  // would add to the number); a click into the cell being edited moves the caret as usual.
  const onMouseDown = (event: MouseEvent<HTMLTableElement>) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !cellOf(input) || input.readOnly || input.disabled) return;
    if (event.detail > 1 || (document.activeElement === input && caretMode.current)) return;
    event.preventDefault();
    if (document.activeElement === input) input.select();
    else input.focus();
  };

  const onDoubleClick = (event: MouseEvent<HTMLTableElement>) => {
    const input = event.target;
    if (input instanceof HTMLInputElement && cellOf(input)) editInPlace(input);
  };

  const onFocus = (event: FocusEvent<HTMLTableElement>) => {
    const cell = cellOf(event.target);
    const input = event.target;
    if (!cell || !(input instanceof HTMLInputElement)) return;
    setActiveRow(cell.r);
    snapshot.current = { id: cell.id, field: cell.field, text: input.value };
    caretMode.current = false;
    input.select();
  };

  const onBlur = (event: FocusEvent<HTMLTableElement>) => {
    const cell = cellOf(event.target);
    if (!cell) return;
    editor.commit(cell.id, cell.field);
    const next = cellOf(event.relatedTarget);
    if (!next) setActiveRow(null);
  };

  const onPaste = (event: ClipboardEvent<HTMLTableElement>) => {
    const cell = cellOf(event.target);
    if (!cell) return;
    const text = event.clipboardData.getData('text/plain');
    if (!isBlock(text)) return; // one value: the input takes it as typed
    event.preventDefault();
    if (!views[cell.r]?.editable) {
      setNotice(t('entry.paste.locked'));
      return;
    }
    const plan = planPaste(
      views.map((v) => ({ ...v.row, editable: v.editable })),
      cell.r,
      cell.c,
      parseBlock(text),
    );
    editor.paste(
      plan.cells,
      views.map((v) => v.id),
    );
    setNotice(
      plan.skipped > 0
        ? t('entry.paste.doneSkipped', { count: plan.cells.length, skipped: plan.skipped })
        : t('entry.paste.done', { count: plan.cells.length }),
    );
  };

  const counted = views.filter((v) => v.row.counted);
  const supplementary = views.filter((v) => !v.row.counted);
  const section = (title: string, list: RowView[]) =>
    list.length === 0 ? null : (
      <tbody key={title}>
        <tr className="entry-grid__section">
          <th colSpan={6} scope="colgroup">
            {title}
          </th>
        </tr>
        {list.map((view) => (
          <GridRow
            key={view.id}
            view={view}
            active={activeRow === view.index}
            onHistory={onHistory}
            editor={editor}
          />
        ))}
      </tbody>
    );

  return (
    <>
      <div className="entry-grid__scroll">
        <table
          ref={tableRef}
          className="entry-grid"
          onKeyDown={onKeyDown}
          onFocus={onFocus}
          onBlur={onBlur}
          onPaste={onPaste}
          onMouseDown={onMouseDown}
          onDoubleClick={onDoubleClick}
        >
          <caption className="visually-hidden">{caption}</caption>
          <colgroup>
            <col className="entry-grid__col-name" />
            <col className="entry-grid__col-ref" />
            <col className="entry-grid__col-value" />
            <col className="entry-grid__col-note" />
            <col className="entry-grid__col-evidence" />
            <col className="entry-grid__col-status" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('entry.col.indicator')}</th>
              <th scope="col">{t('entry.col.reference')}</th>
              <th scope="col">{t('entry.col.value')}</th>
              <th scope="col">{t('entry.col.note')}</th>
              <th scope="col">{t('entry.col.evidence')}</th>
              <th scope="col">{t('entry.col.status')}</th>
            </tr>
          </thead>
          {section(t('entry.section.counted'), counted)}
          {section(t('entry.section.supplementary'), supplementary)}
        </table>
      </div>
      <datalist id={MEETS_LIST_ID}>
        <option value="Đạt" />
        <option value="Không đạt" />
      </datalist>
      <p className="entry-grid__notice" role="status" aria-live="polite">
        {notice}
      </p>
    </>
  );
}

function GridRow({
  view,
  active,
  editor,
  onHistory,
}: {
  view: RowView;
  active: boolean;
  editor: EntryEditor;
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

function RowStatusText({ view }: { view: RowView }) {
  const { t } = useI18n();
  const by = view.row.result?.updatedByName;
  switch (view.status) {
    case 'saving':
      return <span className="row-status row-status--saving">{t('entry.status.saving')}</span>;
    case 'saved':
    case 'stored':
      return (
        <span
          className={`row-status row-status--${view.status}`}
          title={
            view.row.result
              ? t('entry.status.savedBy', {
                  name: by ?? t('entry.someoneElse'),
                  when: formatInstant(view.row.result.updatedAt),
                })
              : undefined
          }
        >
          <span aria-hidden="true">✓ </span>
          {t('entry.status.saved')}
        </span>
      );
    case 'dirty':
      return <span className="row-status row-status--dirty">{t('entry.status.unsaved')}</span>;
    case 'invalid':
      return <span className="row-status row-status--invalid">{t('entry.status.invalid')}</span>;
    case 'error':
      return (
        <span className="row-status row-status--error" role="alert">
          {t('entry.status.failed')}
          {view.state?.kind === 'error' && <span className="row-status__detail">{view.state.message}</span>}
        </span>
      );
    case 'conflict':
      return <span className="row-status row-status--conflict">{t('entry.status.conflict')}</span>;
    default:
      return <span className="row-status row-status--empty">{t('entry.status.empty')}</span>;
  }
}
