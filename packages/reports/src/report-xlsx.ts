/**
 * The report as a workbook that looks like the screen:
 *  - "Tổng hợp": the targets table with live formulas for "% so với NQ" (`E5/D5`, with the computed
 *    result cached so that readers without a calculation engine see it), the status in words as
 *    @chitieu/core judged it, frozen header, printed A4 landscape fitted to the page width;
 *  - one sheet per target, the breakdown by the scope's child units;
 *  - "Dữ liệu": unit × target indicator × period rows with an autofilter (the CSV's columns).
 * Number formats are written US-style (`#,##0`, `0.0%`): Excel and LibreOffice show them with the
 * reader's separators, 3.000 and 87,5% in a Vietnamese locale. User text never runs as a formula.
 *
 * Written with exceljs's streaming writer (inline strings, rows committed as they are written): a
 * province's raw sheet has ~8.000 rows × 25 columns, which the in-memory writer takes seconds to
 * serialise and the streaming one a fraction of that.
 */
import { PassThrough } from 'node:stream';
import { formatDate } from '@chitieu/core';
import type { IndicatorInfo, ReportData, ReportKind, ReportSettingsInput } from '@chitieu/db';
import ExcelJS from 'exceljs';
import {
  goalText,
  headlineTexts,
  ILLUSTRATIVE_NOTE,
  STATUS_LABELS,
  type StatusKey,
  statusKey,
  targetRows,
  titleLines,
  unitText,
} from './report-format.ts';
import { RAW_COLUMNS, rawRecords } from './report-rows.ts';
import { cleanText, neutraliseFormula, safeCellText } from './report-text.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const SUMMARY_SHEET = 'Tổng hợp';
export const RAW_SHEET = 'Dữ liệu';
/** The summary table: header on row 4, first target on row 5 (so "% so với NQ" of CT1 is `E5/D5`). */
export const SUMMARY_HEADER_ROW = 4;
export const SUMMARY_COLUMNS = [
  { header: 'STT', width: 5 },
  { header: 'Chỉ tiêu', width: 46 },
  { header: 'ĐVT', width: 10 },
  { header: 'Chỉ tiêu NQ', width: 15 },
  { header: 'Kết quả', width: 16 },
  { header: 'Tỷ lệ % so với NQ', width: 11 },
  { header: 'Đánh giá', width: 14 },
  { header: 'Ghi chú', width: 32 },
  { header: 'Mã', width: 6 },
];

type Indicator = Pick<IndicatorInfo, 'measureType' | 'decimals'>;

/** A scaled integer as the number a spreadsheet holds: counts and đồng as they are, shares as fractions. */
export function cellNumber(indicator: Indicator, scaled: number): number {
  const share = indicator.measureType === 'ratio' || indicator.measureType === 'units_meeting';
  return scaled / 10 ** (indicator.decimals + (share ? 2 : 0));
}

/** The US-style number format for an indicator's cells. */
export function numberFormat(indicator: Indicator): string {
  const share = indicator.measureType === 'ratio' || indicator.measureType === 'units_meeting';
  const fraction = indicator.decimals > 0 ? `.${'0'.repeat(indicator.decimals)}` : '';
  return share ? `0${fraction}%` : `#,##0${fraction}`;
}

export const PERCENT_FORMAT = '0.0%';

const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FF9E9E9E' } },
  bottom: { style: 'thin', color: { argb: 'FF9E9E9E' } },
  left: { style: 'thin', color: { argb: 'FF9E9E9E' } },
  right: { style: 'thin', color: { argb: 'FF9E9E9E' } },
};
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const STATUS_FILLS: Record<StatusKey, string> = {
  exceeded: 'FFD5EBF8',
  achieved: 'FFD7F0E7',
  on_track: 'FFE8F4FB',
  at_risk: 'FFFBEBC8',
  behind: 'FFF8DCCB',
  unreported: 'FFEDEFF2',
  noGoal: 'FFEDEFF2',
};
const FONT = 'Times New Roman';

/** Every sheet prints on A4 landscape, fitted to the page width, numbered in the footer. */
function sheetOptions(frozenRows: number): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    views: [{ state: 'frozen', ySplit: frozenRows, xSplit: 0, topLeftCell: `A${frozenRows + 1}` }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&CTrang &P/&N' },
  };
}

function styleHeader(row: ExcelJS.Row, count: number) {
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
function fitHeight(row: ExcelJS.Row, widths: number[]) {
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

function styleBody(row: ExcelJS.Row, count: number, wrapColumns: number[]) {
  for (let c = 1; c <= count; c++) {
    const cell = row.getCell(c);
    cell.font = { name: FONT, size: 11, ...(cell.font?.bold ? { bold: true } : {}) };
    cell.border = BORDER;
    cell.alignment = {
      vertical: 'middle',
      horizontal: wrapColumns.includes(c) ? 'left' : 'center',
      wrapText: wrapColumns.includes(c),
    };
  }
}

/** A title line merged across the table's width. */
function titleRow(
  sheet: ExcelJS.Worksheet,
  row: number,
  text: string,
  width: number,
  font: Partial<ExcelJS.Font>,
) {
  sheet.mergeCells(row, 1, row, width);
  const cell = sheet.getCell(row, 1);
  cell.value = safeCellText(text);
  cell.font = { name: FONT, size: 12, ...font };
  cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
}

function percentCell(
  cell: ExcelJS.Cell,
  valueRef: string,
  goalRef: string,
  value: number | null,
  goal: number | null,
) {
  if (value === null || goal === null || goal === 0) {
    cell.value = '—';
    return;
  }
  cell.value = { formula: `${valueRef}/${goalRef}`, result: value / goal };
  cell.numFmt = PERCENT_FORMAT;
}

function summarySheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  settings: ReportSettingsInput,
  data: ReportData,
  kind: ReportKind,
) {
  const sheet = workbook.addWorksheet(SUMMARY_SHEET, sheetOptions(SUMMARY_HEADER_ROW));
  const width = SUMMARY_COLUMNS.length;
  sheet.columns = SUMMARY_COLUMNS.map((c) => ({ width: c.width }));
  titleRow(sheet, 1, titleLines(cleanText(settings.title)).join(' '), width, { bold: true, size: 13 });
  sheet.getRow(1).height = 36;
  const basis = data.scope.basis === 'submitted' ? 'đã gửi và đã duyệt' : 'đã duyệt';
  titleRow(
    sheet,
    2,
    `${data.scope.unit.name} — số liệu tính đến ngày ${formatDate(data.scope.asOf)} (${basis})`,
    width,
    { italic: true },
  );
  const { lead, rest } = headlineTexts(data);
  titleRow(sheet, 3, `${lead}${rest}`, width, { bold: true });
  sheet.getRow(3).height = 34;
  const header = sheet.getRow(SUMMARY_HEADER_ROW);
  header.values = SUMMARY_COLUMNS.map((c) => c.header);
  styleHeader(header, width);

  const views = targetRows(data, kind);
  let r = SUMMARY_HEADER_ROW + 1;
  data.targets.forEach((t, i) => {
    const view = views[i];
    if (!view) return;
    if (!t.counted && (i === 0 || data.targets[i - 1]?.counted)) {
      sheet.mergeCells(r, 1, r, width);
      const group = sheet.getCell(r, 1);
      group.value = 'Chỉ tiêu bổ sung (không tính vào kết quả chung)';
      group.font = { name: FONT, bold: true, size: 11 };
      group.border = BORDER;
      r++;
    }
    const row = sheet.getRow(r);
    row.getCell(1).value = view.stt;
    row.getCell(2).value = safeCellText(t.wording);
    row.getCell(3).value = safeCellText(unitText(t.indicator));
    if (t.goal !== null) {
      row.getCell(4).value = cellNumber(t.indicator, t.goal);
      row.getCell(4).numFmt = numberFormat(t.indicator);
    } else row.getCell(4).value = '—';
    if (t.figure.value !== null) {
      row.getCell(5).value = cellNumber(t.indicator, t.figure.value);
      row.getCell(5).numFmt = numberFormat(t.indicator);
    } else row.getCell(5).value = 'Chưa có số liệu';
    percentCell(row.getCell(6), `E${r}`, `D${r}`, t.figure.value, t.goal);
    row.getCell(7).value = view.status;
    row.getCell(8).value = safeCellText(view.note);
    row.getCell(9).value = safeCellText(t.code);
    styleBody(row, width, [2, 8]);
    fitHeight(
      row,
      SUMMARY_COLUMNS.map((c) => c.width),
    );
    row.getCell(5).font = { name: FONT, size: 11, bold: true };
    row.getCell(7).fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: STATUS_FILLS[statusKey(t.status, t.figure.value, t.goal)] },
    };
    r++;
  });
  if (data.targets.length === 0) {
    sheet.getCell(r, 2).value = 'Nhiệm kỳ này chưa có chỉ tiêu nào.';
    r++;
  }
  r++;
  if (!data.hasResults) sheet.getCell(r++, 2).value = 'Chưa có số liệu: các đơn vị chưa báo cáo kết quả.';
  if (data.scope.illustrative) {
    const note = sheet.getCell(r++, 2);
    note.value = ILLUSTRATIVE_NOTE;
    note.font = { name: FONT, italic: true, size: 10 };
  }
  sheet.commit();
}

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(code: string, used: Set<string>): string {
  let name =
    cleanText(code)
      .replace(/[:\\/?*[\]]/g, '-')
      .slice(0, 28) || 'CT';
  if (name === SUMMARY_SHEET || name === RAW_SHEET) name = `${name} (CT)`;
  let unique = name;
  for (let i = 2; used.has(unique.toLowerCase()); i++) unique = `${name} ${i}`;
  used.add(unique.toLowerCase());
  return unique;
}

function targetSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  data: ReportData,
  t: ReportData['targets'][number],
  used: Set<string>,
) {
  const sheet = workbook.addWorksheet(sheetName(t.code, used), sheetOptions(4));
  const related = t.related;
  const meeting = t.indicator.measureType === 'units_meeting';
  const headers = [
    'STT',
    'Mã đơn vị',
    'Đơn vị',
    t.goalKind === 'term' ? 'Chỉ tiêu NQ' : 'Chỉ tiêu giao',
    `Kết quả (${unitText(t.indicator)})`,
    'Tỷ lệ % so với chỉ tiêu',
    'Đánh giá',
    ...related.map((x) => `${x.name} (${unitText(x)})`),
    ...(meeting ? ['Cơ sở đạt', 'Cơ sở đã báo cáo', 'Cơ sở phải báo cáo'] : []),
  ];
  const width = headers.length;
  const widths = headers.map((_, i) => [6, 11, 30, 14, 16, 12, 16][i] ?? 18);
  sheet.columns = widths.map((width) => ({ width }));
  titleRow(sheet, 1, `${t.code}. ${t.shortName} — theo đơn vị`, width, { bold: true, size: 13 });
  titleRow(sheet, 2, t.wording, width, { italic: true });
  sheet.getRow(2).height = 30;
  titleRow(
    sheet,
    3,
    `${data.scope.unit.name} — số liệu tính đến ngày ${formatDate(data.scope.asOf)}`,
    width,
    {},
  );
  const header = sheet.getRow(4);
  header.values = headers;
  styleHeader(header, width);

  const rows = data.breakdowns.find((b) => b.targetId === t.id)?.rows ?? [];
  let r = 5;
  const write = (
    stt: number | string,
    unit: { code: string; name: string },
    figure: ReportData['targets'][number]['figure'],
    goal: number | null,
    status: StatusKey,
    relatedFigures: ReportData['targets'][number]['relatedFigures'],
    bold: boolean,
  ) => {
    const row = sheet.getRow(r);
    row.getCell(1).value = stt;
    row.getCell(2).value = safeCellText(unit.code);
    row.getCell(3).value = safeCellText(unit.name);
    if (goal !== null) {
      row.getCell(4).value = cellNumber(t.indicator, goal);
      row.getCell(4).numFmt = numberFormat(t.indicator);
    } else row.getCell(4).value = '—';
    if (figure.value !== null) {
      row.getCell(5).value = cellNumber(t.indicator, figure.value);
      row.getCell(5).numFmt = numberFormat(t.indicator);
    } else row.getCell(5).value = 'Chưa báo cáo';
    percentCell(row.getCell(6), `E${r}`, `D${r}`, figure.value, goal);
    row.getCell(7).value = goal === null && figure.value !== null ? '—' : STATUS_LABELS[status];
    related.forEach((x, i) => {
      const f = relatedFigures.find((rf) => rf.indicator.id === x.id)?.figure;
      const c = row.getCell(8 + i);
      if (f?.value != null) {
        c.value = cellNumber(x, f.value);
        c.numFmt = numberFormat(x);
      } else c.value = '—';
    });
    if (meeting) {
      const base = 8 + related.length;
      row.getCell(base).value = figure.meeting;
      row.getCell(base + 1).value = figure.reported;
      row.getCell(base + 2).value = figure.expected;
    }
    styleBody(row, width, [3]);
    fitHeight(row, widths);
    if (bold) for (let c = 1; c <= width; c++) row.getCell(c).font = { name: FONT, size: 11, bold: true };
    r++;
  };
  rows.forEach((row, i) => {
    write(
      i + 1,
      row,
      row.figure,
      row.allocation ?? (meeting || t.indicator.measureType === 'ratio' ? t.goal : null),
      statusKey(row.status, row.figure.value, row.allocation ?? t.goal),
      row.relatedFigures,
      false,
    );
  });
  write(
    '',
    { code: data.scope.unit.code, name: `Toàn ${data.scope.unit.name}` },
    t.figure,
    t.goal,
    statusKey(t.status, t.figure.value, t.goal),
    t.relatedFigures,
    true,
  );
  if (rows.length === 0) sheet.getCell(r + 1, 3).value = 'Đơn vị không có đơn vị trực thuộc.';
  if (t.goal !== null && t.goalKind === 'term') {
    sheet.getCell(r + 1, 3).value = `Chỉ tiêu Nghị quyết: ${goalText(t.indicator, t.goal)}`;
  }
  sheet.commit();
}

function rawSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, data: ReportData) {
  const records = rawRecords(data);
  const sheet = workbook.addWorksheet(RAW_SHEET, sheetOptions(1));
  sheet.autoFilter = {
    from: { row: 1, column: 1 },
    to: { row: Math.max(1, records.length + 1), column: RAW_COLUMNS.length },
  };
  sheet.columns = RAW_COLUMNS.map((c) => ({ width: c.width }));
  const header = sheet.addRow(RAW_COLUMNS.map((c) => c.header));
  styleHeader(header, RAW_COLUMNS.length);
  header.commit();
  const numeric = new Set([
    'level',
    'primary',
    'numerator',
    'denominator',
    'meeting',
    'reported',
    'expected',
  ]);
  const valueColumn = RAW_COLUMNS.findIndex((c) => c.key === 'value') + 1;
  // exceljs renders a style to XML for every cell to find its id, unless it has seen the very same
  // style object before: shared, never mutated style objects make this sheet several times faster.
  const plain: Partial<ExcelJS.Style> = Object.freeze({});
  const valueStyles = new Map<number, Partial<ExcelJS.Style>>();
  const valueStyle = (decimals: number) => {
    let style = valueStyles.get(decimals);
    if (!style) {
      style = Object.freeze({ numFmt: decimals > 0 ? `#,##0.${'0'.repeat(decimals)}` : '#,##0' });
      valueStyles.set(decimals, style);
    }
    return style;
  };
  for (const record of records) {
    const values = RAW_COLUMNS.map((c) => {
      const v = record[c.key];
      if (v === null) return null;
      if (c.key === 'value') return Number(v);
      if (numeric.has(c.key)) return v;
      return typeof v === 'string' ? neutraliseFormula(v) : v;
    });
    const row = sheet.addRow(values);
    const value = record.value;
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.style =
        col === valueColumn && typeof value === 'string'
          ? valueStyle(value.split('.')[1]?.length ?? 0)
          : plain;
    });
    row.commit();
  }
  sheet.commit();
}

/** The whole workbook as XLSX bytes. */
export async function buildReportXlsx(input: {
  kind: ReportKind;
  settings: ReportSettingsInput;
  data: ReportData;
}): Promise<Uint8Array> {
  const { settings, data, kind } = input;
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Chỉ tiêu';
  workbook.title = cleanText(titleLines(settings.title).join(' '));
  // Fixed, so that the same figures give the same file.
  workbook.created = new Date(`${data.scope.asOf}T00:00:00Z`);
  workbook.modified = workbook.created;
  summarySheet(workbook, settings, data, kind);
  const used = new Set([SUMMARY_SHEET.toLowerCase(), RAW_SHEET.toLowerCase()]);
  for (const t of data.targets) targetSheet(workbook, data, t, used);
  rawSheet(workbook, data);
  await workbook.commit();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}
