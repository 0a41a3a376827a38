/**
 * What every sheet of the report workbook shares: the sheet names, the page setup, the fonts,
 * borders and fills, and the title lines.
 */
import type { StatusKey } from '@chitieu/core';
import type ExcelJS from 'exceljs';
import { safeCellText } from './report-text.ts';

export const SUMMARY_SHEET = 'Tổng hợp';
export const RAW_SHEET = 'Dữ liệu';

export const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FF9E9E9E' } },
  bottom: { style: 'thin', color: { argb: 'FF9E9E9E' } },
  left: { style: 'thin', color: { argb: 'FF9E9E9E' } },
  right: { style: 'thin', color: { argb: 'FF9E9E9E' } },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
export const STATUS_FILLS: Record<StatusKey, string> = {
  exceeded: 'FFD5EBF8',
  achieved: 'FFD7F0E7',
  on_track: 'FFF7E4EF',
  at_risk: 'FFFBEBC8',
  behind: 'FFF8DCCB',
  unreported: 'FFEDEFF2',
  noCases: 'FFEDEFF2',
  noGoal: 'FFEDEFF2',
};
export const FONT = 'Times New Roman';

/**
 * A4 landscape, fitted to the page width, the header row(s) repeated on every page, pages numbered
 * from 1 on each sheet ("Tổng hợp – Trang 2"): LibreOffice counts pages over the whole workbook, so a
 * "page x of y" footer would count other sheets' pages.
 */
export function sheetOptions(frozenRows: number, state: 'visible' | 'hidden' = 'visible') {
  return {
    state,
    views: [{ state: 'frozen' as const, ySplit: frozenRows, xSplit: 0, topLeftCell: `A${frozenRows + 1}` }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape' as const,
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      firstPageNumber: 1,
      horizontalCentered: true,
      printTitlesRow: `${frozenRows}:${frozenRows}`,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C&A – Trang &P' },
  } satisfies Partial<ExcelJS.AddWorksheetOptions>;
}

export function styleHeader(row: ExcelJS.Row, count: number) {
  row.height = 32;
  for (let c = 1; c <= count; c++) {
    const cell = row.getCell(c);
    cell.font = { name: FONT, bold: true, size: 11 };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  }
}

/**
 * Rows with wrapped text get a height for their lines: LibreOffice does not grow a row on opening
 * a file, so text would overlap the next row. Widths are in characters, as exceljs takes them.
 */
export function fitHeight(row: ExcelJS.Row, widths: number[]) {
  let lines = 1;
  widths.forEach((width, i) => {
    const value = row.getCell(i + 1).value;
    if (typeof value !== 'string') return;
    const count = value
      .split('\n')
      .reduce((sum, line) => sum + Math.max(1, Math.ceil((line.length * 1.05) / Math.max(1, width - 1))), 0);
    lines = Math.max(lines, count);
  });
  if (lines > 1) row.height = Math.ceil(lines * 14.5 + 3);
}

export function styleBody(row: ExcelJS.Row, count: number, wrapColumns: number[], bold = false) {
  for (let c = 1; c <= count; c++) {
    const cell = row.getCell(c);
    cell.font = { name: FONT, size: 11, ...(bold ? { bold: true } : {}) };
    cell.border = BORDER;
    cell.alignment = {
      vertical: 'middle',
      horizontal: wrapColumns.includes(c) ? 'left' : 'center',
      wrapText: wrapColumns.includes(c),
    };
  }
}

/** A title line merged across columns. */
export function titleRow(
  sheet: ExcelJS.Worksheet,
  row: number,
  text: string,
  from: number,
  to: number,
  font: Partial<ExcelJS.Font>,
) {
  sheet.mergeCells(row, from, row, to);
  const cell = sheet.getCell(row, from);
  cell.value = safeCellText(text);
  cell.font = { name: FONT, size: 12, ...font };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}
