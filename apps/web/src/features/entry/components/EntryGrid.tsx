/**
 * The entry grid: one row per indicator, keyboard first, and like Excel. Enter / Shift+Enter and
 * ↑ ↓ move down and up, Tab / Shift+Tab and ← → across; a cell reached by the keyboard or by a click
 * is selected whole, so typing replaces it and Delete clears it; F2 or a double-click edits it in
 * place (the caret at the end, ← → move inside the text); Escape puts back what the cell held.
 * A block pasted from Excel fills the cells it covers. Leaving a cell saves its row when the row is
 * valid.
 */
import { useI18n } from '../../../i18n.ts';
import type { EntryEditor, RowView } from '../use-entry-editor.ts';
import { useGridKeyboard } from '../use-grid-keyboard.ts';
import { GridRow, MEETS_LIST_ID } from './GridRow.tsx';

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
  const { tableRef, activeRow, notice, handlers } = useGridKeyboard(editor);

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
        <table ref={tableRef} className="entry-grid" {...handlers}>
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
