/**
 * The fill-in template for data entry: one protected sheet where only the answer cells of each row
 * are open (with data validation), current values pre-filled, the previous period beside them, and
 * a hidden sheet naming the term, unit and period the file belongs to.
 */
import {
  type EntryTemplateInput,
  formatDate,
  type MeasureType,
  type TemplateFigure,
  type TemplateIndicator,
  type TemplateMeta,
} from '@chitieu/core';
import type ExcelJS from 'exceljs';
import {
  COLUMNS,
  type ColumnKey,
  ENTRY_SHEET,
  META_SHEET,
  TEMPLATE_FORMAT,
  TEMPLATE_VERSION,
} from './entry-layout.ts';
import { loadExcel } from './excel.ts';
import { neutraliseFormula } from './report-text.ts';
import { decimalFormat } from './xlsx-numbers.ts';

export const HEADER_ROW = 6;
const col = (key: ColumnKey) => COLUMNS.findIndex((c) => c.key === key) + 1;

const INPUT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const CLOSED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};

/** A scaled integer as the number a person reads: 875 with 1 decimal → 87.5 (division by 10^d is exact to the nearest double). */
function unscale(n: number, decimals: number): number {
  return decimals > 0 ? n / 10 ** decimals : n;
}

/** Which answer columns a measure type uses. */
export function inputColumns(type: MeasureType): ColumnKey[] {
  if (type === 'ratio') return ['numerator', 'denominator'];
  if (type === 'units_meeting') return ['meets'];
  return ['value'];
}

const decimalsOf = (i: TemplateIndicator) => (i.measureType === 'amount' ? 0 : i.decimals);

export async function buildEntryTemplate(input: EntryTemplateInput, now = new Date()): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  wb.creator = 'Chỉ tiêu';
  wb.created = now;
  const ws = wb.addWorksheet(ENTRY_SHEET, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: HEADER_ROW }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = COLUMNS.map((c) => ({ key: c.key, width: c.width }));

  const last = COLUMNS.length;
  const titles: [string, Partial<ExcelJS.Font>][] = [
    ['BIỂU NHẬP SỐ LIỆU KẾT QUẢ THỰC HIỆN CHỈ TIÊU', { bold: true, size: 14 }],
    [input.term.name, { bold: true }],
    [`Đơn vị: ${input.unit.name} (mã ${input.unit.code})`, { bold: true }],
    [`Kỳ báo cáo: ${input.period.label} — Hạn nộp: ${formatDate(input.period.deadline)}`, { bold: true }],
    [
      'Chỉ nhập vào các ô nền vàng. Số viết kiểu Việt Nam (3.000; 11,54) hay số của Excel đều được. ' +
        'Không thêm, xoá hay đổi thứ tự cột; có thể xoá dòng không nhập.',
      { italic: true, color: { argb: 'FF595959' } },
    ],
  ];
  titles.forEach(([text, font], i) => {
    ws.mergeCells(i + 1, 1, i + 1, last);
    const cell = ws.getCell(i + 1, 1);
    cell.value = neutraliseFormula(text);
    cell.font = font;
    cell.alignment = { vertical: 'middle', horizontal: i === 0 ? 'center' : 'left', wrapText: i === 4 };
  });
  ws.getRow(1).height = 22;
  ws.getRow(5).height = 30;

  const header = ws.getRow(HEADER_ROW);
  COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  header.height = 32;

  input.rows.forEach((r, i) => {
    const row = ws.getRow(HEADER_ROW + 1 + i);
    const d = decimalsOf(r.indicator);
    row.getCell(col('unitCode')).value = neutraliseFormula(r.unit.code);
    row.getCell(col('unitName')).value = neutraliseFormula(r.unit.name);
    row.getCell(col('targetCode')).value = neutraliseFormula(r.targetCode);
    row.getCell(col('indicatorCode')).value = neutraliseFormula(r.indicator.code);
    row.getCell(col('indicatorName')).value = neutraliseFormula(r.indicator.name);
    row.getCell(col('measurementUnit')).value = neutraliseFormula(r.indicator.measurementUnit);
    const previous = row.getCell(col('previous'));
    previous.value = r.previous ? figureCellValue(r.indicator, r.previous) : null;
    if (typeof previous.value === 'number') previous.numFmt = decimalFormat(d);
    previous.alignment = { horizontal: 'right' };

    const open = new Set<ColumnKey>([...inputColumns(r.indicator.measureType), 'note', 'evidenceUrl']);
    const current = r.current;
    for (const key of ['value', 'numerator', 'denominator', 'meets', 'note', 'evidenceUrl'] as const) {
      const cell = row.getCell(col(key));
      if (!open.has(key)) {
        cell.fill = CLOSED_FILL;
        continue;
      }
      cell.protection = { locked: false };
      cell.fill = INPUT_FILL;
      if (key === 'value') {
        cell.numFmt = decimalFormat(d);
        cell.value = current?.value != null ? unscale(current.value, d) : null;
        cell.dataValidation = numberValidation(d > 0 || r.indicator.measureType === 'amount');
      } else if (key === 'numerator' || key === 'denominator') {
        cell.numFmt = '#,##0';
        cell.value = current?.[key] ?? null;
        cell.dataValidation = numberValidation(false);
      } else if (key === 'meets') {
        cell.value = current?.meets == null ? null : current.meets ? 'Có' : 'Không';
        cell.alignment = { horizontal: 'center' };
        cell.dataValidation = {
          type: 'list',
          allowBlank: true,
          formulae: ['"Có,Không"'],
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: 'Đạt',
          error: 'Chọn “Có” hoặc “Không”.',
        };
      } else if (key === 'note') {
        cell.value = current?.note == null ? null : neutraliseFormula(current.note);
        cell.alignment = { wrapText: true, vertical: 'top' };
      } else {
        cell.value = current?.evidenceUrl == null ? null : neutraliseFormula(current.evidenceUrl);
      }
    }
  });

  ws.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: HEADER_ROW + Math.max(input.rows.length, 1), column: last },
  };
  // No password: protection only keeps people from typing into the wrong cells by mistake.
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
  });

  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  const ids: TemplateMeta = { termId: input.term.id, unitId: input.unit.id, periodId: input.period.id };
  meta.addRows([
    ['format', TEMPLATE_FORMAT],
    ['version', TEMPLATE_VERSION],
    ['termId', ids.termId],
    ['unitId', ids.unitId],
    ['periodId', ids.periodId],
    ['unit', neutraliseFormula(`${input.unit.code} ${input.unit.name}`)],
    ['period', input.period.label],
    ['createdAt', now.toISOString()],
  ]);
  await meta.protect('', {});
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function numberValidation(decimal: boolean): ExcelJS.DataValidation {
  return {
    type: decimal ? 'decimal' : 'whole',
    operator: 'greaterThanOrEqual',
    formulae: [0],
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Số không hợp lệ',
    error: decimal ? 'Nhập một số không âm.' : 'Nhập một số nguyên không âm.',
  };
}

/** How the "Kỳ trước" column shows a figure: a number, '12/15' for a ratio, Có/Không. */
function figureCellValue(indicator: TemplateIndicator, f: TemplateFigure): ExcelJS.CellValue {
  switch (indicator.measureType) {
    case 'ratio':
      return f.numerator == null || f.denominator == null ? null : `${f.numerator}/${f.denominator}`;
    case 'units_meeting':
      return f.meets == null ? null : f.meets ? 'Có' : 'Không';
    default:
      return f.value == null ? null : unscale(f.value, decimalsOf(indicator));
  }
}
