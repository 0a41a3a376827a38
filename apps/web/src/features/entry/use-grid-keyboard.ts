/**
 * The entry grid's keyboard, mouse and paste, wired to its inputs: each input carries its place
 * (`data-r`, `data-c`) and its field, the table listens once, and `grid-navigation.ts` decides
 * where a key leads. What stays here is what needs the DOM: focus, the selection, the caret.
 */
import {
  type ClipboardEvent,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  useEffect,
  useRef,
  useState,
} from 'react';
import { useI18n } from '../../i18n.ts';
import { type GridPosition, type GridShape, planKey, pressSelectsWhole } from './grid-navigation.ts';
import { type Field, isBlock, parseBlock, planPaste, rowCells } from './model.ts';
import type { EntryEditor } from './use-entry-editor.ts';

interface CellRef extends GridPosition {
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

export function useGridKeyboard(editor: EntryEditor) {
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

  const shape = (): GridShape => views.map((view) => rowCells(view.row).map(([c]) => c));
  const focusCell = ({ r, c }: GridPosition) => {
    const el = tableRef.current?.querySelector<HTMLInputElement>(`input[data-r="${r}"][data-c="${c}"]`);
    if (!el) return false;
    el.focus();
    return true;
  };
  const editInPlace = (input: HTMLInputElement) => {
    caretMode.current = true;
    input.setSelectionRange(input.value.length, input.value.length);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    const cell = cellOf(event.target);
    if (!cell) return;
    const input = event.target as HTMLInputElement;
    const before = snapshot.current;
    const plan = planKey(shape(), cell, event, {
      editingInPlace: caretMode.current,
      canRestore: before !== null && before.id === cell.id && before.field === cell.field,
    });
    switch (plan.kind) {
      case 'move': {
        if (plan.prevent === 'always') event.preventDefault();
        const moved = plan.to !== null && focusCell(plan.to);
        if (moved && plan.prevent === 'if-moved') event.preventDefault();
        if (!moved && plan.commitIfStayed) editor.commit(cell.id, cell.field);
        return;
      }
      case 'restore':
        if (!before) return;
        event.preventDefault();
        editor.setText(cell.id, cell.field, before.text);
        caretMode.current = false;
        requestAnimationFrame(() => input.select());
        return;
      case 'edit-in-place':
        event.preventDefault();
        editInPlace(input);
        return;
      case 'ignore':
        return;
    }
  };

  // A click selects the cell whole (the browser would put the caret where the pointer is, and typing
  // would add to the number); a click into the cell being edited moves the caret as usual.
  const onMouseDown = (event: MouseEvent<HTMLTableElement>) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !cellOf(input)) return;
    const focused = document.activeElement === input;
    const selectsWhole = pressSelectsWhole({
      clickCount: event.detail,
      locked: input.readOnly || input.disabled,
      focused,
      editingInPlace: caretMode.current,
    });
    if (!selectsWhole) return;
    event.preventDefault();
    if (focused) input.select();
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

  return {
    tableRef,
    /** The row holding the focused cell, if any: drawn as active, and its "empty" waits. */
    activeRow,
    /** What the last paste did, shown for a few seconds. */
    notice,
    handlers: { onKeyDown, onFocus, onBlur, onPaste, onMouseDown, onDoubleClick },
  };
}
