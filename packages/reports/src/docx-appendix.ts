/**
 * The appendix of the Word report: results by unit on landscape pages, money in exact figures so
 * that each column adds up as printed, with a legend per kind of column.
 */
import { formatDate } from '@chitieu/core';
import type { ReportData, ReportSettingsInput } from '@chitieu/db';
import { AlignmentType, type Paragraph, Table, TableLayoutType, TableRow, WidthType } from 'docx';
import {
  CELL_SPACING,
  cell,
  cellText,
  GRID,
  LANDSCAPE_TEXT_WIDTH,
  para,
  ROW_SPACING,
  SIZE,
  TIGHT,
} from './docx-layout.ts';
import { appendixView } from './report-appendix.ts';
import { appendixNote } from './report-heading.ts';

/** Rough width in twips of a line of Times New Roman (digits and separators exact, letters averaged). */
function textTwips(text: string, halfPoints: number): number {
  let em = 0;
  for (const ch of text) {
    if (/\d/.test(ch)) em += 0.5;
    else if (ch === '.' || ch === ',' || ch === ' ') em += 0.25;
    else if (ch === '/' || ch === '–' || ch === '-') em += 0.3;
    else if (ch === '%') em += 0.83;
    else em += 0.55;
  }
  return Math.ceil(em * halfPoints * 10);
}

export function appendix(settings: ReportSettingsInput, data: ReportData): (Paragraph | Table)[] {
  const view = appendixView(data);
  const attached = appendixNote(settings);
  const sttWidth = 640;
  const unitWidth = 4000;
  const margins = 160;
  // Each column as wide as its widest figure (exact money may be long), the rest shared out.
  const natural = view.columns.map((_, i) =>
    Math.max(900, ...view.rows.map((r) => textTwips(r.cells[i] ?? '', SIZE.appendix) + margins)),
  );
  const room = LANDSCAPE_TEXT_WIDTH - unitWidth - sttWidth;
  const spare = room - natural.reduce((a, b) => a + b, 0);
  const colWidths =
    spare >= 0
      ? natural.map((w) => w + Math.floor(spare / Math.max(1, natural.length)))
      : natural.map((w) => Math.floor((w * room) / (room - spare)));
  const widths = [sttWidth, unitWidth, ...colWidths];
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      cell(cellText('STT', AlignmentType.CENTER, { bold: true, size: SIZE.appendix }), sttWidth),
      cell(cellText('Đơn vị', AlignmentType.CENTER, { bold: true, size: SIZE.appendix }), unitWidth),
      ...view.columns.map((c, i) =>
        cell(
          [
            para(c.code, {
              align: AlignmentType.CENTER,
              spacing: CELL_SPACING,
              style: { bold: true, size: SIZE.appendix },
            }),
            para(`${c.shortName} (${c.unit})`, {
              align: AlignmentType.CENTER,
              spacing: CELL_SPACING,
              style: { size: SIZE.note },
            }),
          ],
          colWidths[i] as number,
        ),
      ),
    ],
  });
  let stt = 0;
  const rows = view.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell(
            cellText(
              r.total || r.own ? '' : String(++stt),
              AlignmentType.CENTER,
              { size: SIZE.appendix },
              ROW_SPACING,
            ),
            sttWidth,
          ),
          cell(
            cellText(
              r.name,
              AlignmentType.LEFT,
              { bold: r.total, italics: r.own, size: SIZE.appendix },
              ROW_SPACING,
            ),
            unitWidth,
          ),
          ...r.cells.map((text, i) =>
            cell(
              cellText(
                text,
                AlignmentType.CENTER,
                { bold: r.total, italics: r.own, size: SIZE.appendix },
                ROW_SPACING,
              ),
              colWidths[i] as number,
            ),
          ),
        ],
      }),
  );
  return [
    para('PHỤ LỤC', { align: AlignmentType.CENTER, spacing: TIGHT, style: { bold: true, size: SIZE.body } }),
    para('KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THEO ĐƠN VỊ', {
      align: AlignmentType.CENTER,
      spacing: TIGHT,
      style: { bold: true, size: SIZE.body },
    }),
    para(attached, {
      align: AlignmentType.CENTER,
      spacing: TIGHT,
      style: { italics: true, size: SIZE.table },
    }),
    para(`Số liệu tính đến ngày ${formatDate(data.scope.asOf)}`, {
      align: AlignmentType.CENTER,
      spacing: { ...TIGHT, after: 120 },
      style: { italics: true, size: SIZE.table },
    }),
    new Table({
      layout: TableLayoutType.FIXED,
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      columnWidths: widths,
      borders: GRID,
      rows: [header, ...rows],
    }),
    // One paragraph: the legend stays on the table's page.
    para(`Ghi chú: ${view.legend.join(' ')}`, {
      align: AlignmentType.LEFT,
      spacing: { ...TIGHT, before: 120 },
      style: { italics: true, size: SIZE.note },
    }),
  ];
}
