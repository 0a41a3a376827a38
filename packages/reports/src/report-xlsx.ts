/**
 * The report as a workbook an office can print and recalculate:
 *  - "Tổng hợp": the letterhead, motto and number, the title naming the unit, then the targets
 *    table as the DOCX has it: every cell shows the same text ("124/124 cơ sở", "21,35", "106,8%")
 *    in LibreOffice and Excel, and every figure is a live formula into the target's own sheet with
 *    its result cached. Printed A4 landscape, fitted to the width, its header row repeated on every
 *    page, numbered on its own ("Tổng hợp – Trang 1");
 *  - one sheet per target: the breakdown by the scope's child units in exact figures (money in
 *    đồng), the scope's own activity where it has some, and a total row of SUM formulas wherever the
 *    rows add up to the figure (flows always do);
 *  - "Dữ liệu": unit × target indicator × period rows with an autofilter (the CSV's columns, dates as
 *    dates); a hidden sheet, so that printing the workbook does not print ~80 pages of raw data.
 *
 * Percentages are computed as @chitieu/core computes them, from integers rounded half away from
 * zero: `ROUND(E7/D7,3)`, never a bare quotient whose binary value a reader rounds down
 * (0,838/0,8 is 1,04749999… in binary: 104,7% instead of 104,8%). Every shown number is a value
 * already rounded to what its format shows, so no reader's display rounding can differ.
 * Number formats are written US-style (`#,##0`, `0.0%`): Excel and LibreOffice show them with the
 * reader's separators, 3.000 and 87,5% in a Vietnamese locale. User text never runs as a formula.
 *
 * Written with exceljs's streaming writer (inline strings, rows committed as they are written): a
 * province's raw sheet has ~8.000 rows × 25 columns, which the in-memory writer takes seconds to
 * serialise and the streaming one a fraction of that.
 */
import { PassThrough } from 'node:stream';
import {
  formatDate,
  formatMoneyIn,
  formatScaled,
  type MoneyScale,
  type StatusKey,
  statusKeyOf,
} from '@chitieu/core';
import type { IndicatorInfo, ReportData, ReportKind, ReportSettingsInput } from '@chitieu/db';
import ExcelJS from 'exceljs';
import {
  cleanReportData,
  cleanSettings,
  goalText,
  headerView,
  headlineTexts,
  ILLUSTRATIVE_NOTE,
  isFlow,
  missingText,
  moneyFootnote,
  ownFigureValue,
  ownLabel,
  STATUS_LABELS,
  type TargetRowView,
  targetRows,
  titleLines,
  totalLabel,
  unitText,
} from './report-format.ts';
import { RAW_COLUMNS, rawRecords } from './report-rows.ts';
import { neutraliseFormula, safeCellText } from './report-text.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const SUMMARY_SHEET = 'Tổng hợp';
export const RAW_SHEET = 'Dữ liệu';
/** The summary table: header on row 6, first target on row 7 (so "% so với NQ" of CT1 is in F7). */
export const SUMMARY_HEADER_ROW = 6;
export const SUMMARY_COLUMNS = [
  { header: 'STT', width: 5 },
  { header: 'Chỉ tiêu', width: 46 },
  { header: 'ĐVT', width: 10 },
  { header: 'Chỉ tiêu NQ', width: 12 },
  { header: 'Kết quả', width: 16 },
  { header: 'Tỷ lệ % so với NQ', width: 11 },
  { header: 'Đánh giá', width: 14 },
  { header: 'Ghi chú', width: 34 },
  { header: 'Mã', width: 6 },
];
/** A target sheet: header on row 4, its units from row 5. */
const TARGET_HEADER_ROW = 4;

type Indicator = Pick<IndicatorInfo, 'measureType' | 'decimals'>;
type Target = ReportData['targets'][number];
type Figure = Target['figure'];

const isShare = (indicator: Indicator) =>
  indicator.measureType === 'ratio' || indicator.measureType === 'units_meeting';

/** A scaled integer as the number a spreadsheet holds: counts and đồng as they are, shares as fractions. */
export function cellNumber(indicator: Indicator, scaled: number): number {
  return scaled / 10 ** (indicator.decimals + (isShare(indicator) ? 2 : 0));
}

/** `#,##0`, `#,##0.0`, `0.0%`: a fixed number of decimals, as the figure's text has. */
export function decimalFormat(decimals: number, percent = false): string {
  const fraction = decimals > 0 ? `.${'0'.repeat(decimals)}` : '';
  return percent ? `0${fraction}%` : `#,##0${fraction}`;
}

/** The US-style number format for an indicator's cells. */
export function numberFormat(indicator: Indicator): string {
  return decimalFormat(indicator.decimals, isShare(indicator));
}

/** A goal of a share, as its text has it ('100%', '87,5%'): no trailing zeros. */
function goalShareFormat(indicator: Indicator, goal: number): string {
  const text = formatScaled(goal, indicator.decimals, { trimZeros: true });
  return decimalFormat(text.split(',')[1]?.length ?? 0, true);
}

export const PERCENT_FORMAT = '0.0%';

/** Text inside a number format's quotes: no quote or backslash can break out of it. */
const formatLiteral = (text: string) => text.replace(/["\\]/g, '');

/** "18/18", "124/124 cơ sở": the meeting count shown over the expected one, by its format. */
function meetingFormat(expected: number, unit: string): string {
  const total = new Intl.NumberFormat('vi-VN').format(expected);
  return `#,##0"/${formatLiteral(`${total}${unit ? ` ${unit}` : ''}`)}"`;
}

/** A sheet name as a formula reference: 'CT1'!E18. */
const ref = (sheet: string, cell: string) => `'${sheet.replaceAll("'", "''")}'!${cell}`;

/** ROUND(x, n) in a formula and the same rounding in JavaScript for the cached result. */
const round = (expr: string, places: number) => `ROUND(${expr},${places})`;

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
  on_track: 'FFF7E4EF',
  at_risk: 'FFFBEBC8',
  behind: 'FFF8DCCB',
  unreported: 'FFEDEFF2',
  noCases: 'FFEDEFF2',
  noGoal: 'FFEDEFF2',
};
const FONT = 'Times New Roman';

/**
 * A4 landscape, fitted to the page width, the header row(s) repeated on every page, pages numbered
 * from 1 on each sheet ("Tổng hợp – Trang 2"): LibreOffice counts pages over the whole workbook, so a
 * "page x of y" footer would count other sheets' pages.
 */
function sheetOptions(frozenRows: number, state: 'visible' | 'hidden' = 'visible') {
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

function styleBody(row: ExcelJS.Row, count: number, wrapColumns: number[], bold = false) {
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
function titleRow(
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

/** A formula with its cached result, or the text a reader sees when there is nothing to compute. */
function setFormula(cell: ExcelJS.Cell, formula: string, result: number, numFmt: string) {
  cell.value = { formula, result };
  cell.numFmt = numFmt;
}

// ---------------------------------------------------------------- a target's sheet

/** Where the summary finds a target's figures: its sheet, the total row, and the columns it needs. */
interface TargetSheetRefs {
  sheet: string;
  totalRow: number;
  /** Column letters of the goal, the result, and (units meeting) the meeting and expected counts. */
  goal: string;
  result: string;
  meeting: string | null;
  expected: string | null;
}

const letter = (column: number) => {
  let n = column;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
};

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(code: string, used: Set<string>): string {
  let name = code.replace(/[:\\/?*[\]]/g, '-').slice(0, 28) || 'CT';
  if (name === SUMMARY_SHEET || name === RAW_SHEET) name = `${name} (CT)`;
  let unique = name;
  for (let i = 2; used.has(unique.toLowerCase()); i++) unique = `${name} ${i}`;
  used.add(unique.toLowerCase());
  return unique;
}

/** A column of a target's sheet: its header and how each row fills it. */
interface NumberColumn {
  header: string;
  /** The exact value for a row (null: empty), in the cell's units. */
  value: (row: SheetRow) => number | null;
  numFmt: string;
  /** Whether a total of the rows above can stand for the figure (SUM). */
  additive: boolean;
}

interface SheetRow {
  figure: Figure;
  related: { indicator: IndicatorInfo; figure: Figure }[];
}

/** The scope's own activity on a target's sheet: the flows' totals beyond the units listed (null: none). */
function ownActivity(t: Target, rows: ReportData['breakdowns'][number]['rows']) {
  const result =
    rows.length > 0 && isFlow(t.indicator.measureType)
      ? ownFigureValue(
          t.figure.value,
          rows.map((x) => x.figure.value),
        )
      : null;
  const related = t.related.map((x) => {
    const total = t.relatedFigures.find((f) => f.indicator.id === x.id)?.figure.value ?? null;
    return rows.length > 0 && isFlow(x.measureType)
      ? ownFigureValue(
          total,
          rows.map((row) => row.relatedFigures.find((f) => f.indicator.id === x.id)?.figure.value ?? null),
        )
      : null;
  });
  return result === null && related.every((v) => v === null) ? null : { result, related };
}

const breakdownOf = (data: ReportData, t: Target) =>
  data.breakdowns.find((b) => b.targetId === t.id)?.rows ?? [];

/**
 * Where a target's sheet will put its figures, known before it is written: the summary comes first
 * in the workbook and refers to them.
 */
function targetSheetLayout(data: ReportData, t: Target, used: Set<string>): TargetSheetRefs {
  const rows = breakdownOf(data, t);
  const own = ownActivity(t, rows) ? 1 : 0;
  const first = 8 + t.related.length;
  const meeting = t.indicator.measureType === 'units_meeting';
  return {
    sheet: sheetName(t.code, used),
    totalRow: TARGET_HEADER_ROW + 1 + rows.length + own,
    goal: 'D',
    result: 'E',
    meeting: meeting ? letter(first) : null,
    expected: meeting ? letter(first + 2) : null,
  };
}

function targetSheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  data: ReportData,
  t: Target,
  layout: TargetSheetRefs,
): void {
  const sheet = workbook.addWorksheet(layout.sheet, sheetOptions(TARGET_HEADER_ROW));
  const type = t.indicator.measureType;
  const meeting = type === 'units_meeting';
  const ratio = type === 'ratio';
  const unitOf = (indicator: IndicatorInfo) =>
    indicator.measureType === 'amount'
      ? 'đồng'
      : indicator.measureType === 'units_meeting'
        ? `${indicator.measurementUnit} đạt/${indicator.measurementUnit}`
        : unitText(indicator);
  const unit = unitOf(t.indicator);
  const goalUnit = isShare(t.indicator) ? '%' : unitOf(t.indicator);

  // Columns after the fixed seven: related indicators, then a ratio's terms or the units-meeting counts.
  const extra: NumberColumn[] = [
    ...t.related.map((x) => ({
      header: `${x.name} (${unitOf(x)})`,
      value: (row: SheetRow) => {
        const f = row.related.find((r) => r.indicator.id === x.id)?.figure;
        return f?.value == null ? null : cellNumber(x, f.value);
      },
      numFmt: x.measureType === 'amount' ? '#,##0' : numberFormat(x),
      additive: x.measureType !== 'ratio' && x.measureType !== 'units_meeting',
    })),
    ...(ratio
      ? [
          {
            header: 'Tử số',
            value: (row: SheetRow) => (row.figure.value === null ? null : row.figure.numerator),
          },
          {
            header: 'Mẫu số',
            value: (row: SheetRow) => (row.figure.value === null ? null : row.figure.denominator),
          },
        ].map((c) => ({ ...c, numFmt: '#,##0', additive: true }))
      : []),
    ...(meeting
      ? [
          { header: 'Cơ sở đạt', value: (row: SheetRow) => row.figure.meeting },
          { header: 'Cơ sở đã báo cáo', value: (row: SheetRow) => row.figure.reported },
          { header: 'Cơ sở phải báo cáo', value: (row: SheetRow) => row.figure.expected },
        ].map((c) => ({ ...c, numFmt: '#,##0', additive: true }))
      : []),
  ];
  const headers = [
    'STT',
    'Mã đơn vị',
    'Đơn vị',
    `${t.goalKind === 'term' ? 'Chỉ tiêu NQ' : 'Chỉ tiêu giao'} (${goalUnit})`,
    `Kết quả (${unit})`,
    'Tỷ lệ % so với chỉ tiêu',
    'Đánh giá',
    ...extra.map((c) => c.header),
  ];
  const width = headers.length;
  const widths = headers.map((_, i) => [6, 11, 30, 15, 18, 12, 16][i] ?? 18);
  sheet.columns = widths.map((w) => ({ width: w }));
  titleRow(sheet, 1, `${t.code}. ${t.shortName} — theo đơn vị`, 1, width, { bold: true, size: 13 });
  titleRow(sheet, 2, t.wording, 1, width, { italic: true });
  sheet.getRow(2).height = 30;
  titleRow(
    sheet,
    3,
    `${data.scope.unit.name} — số liệu tính đến ngày ${formatDate(data.scope.asOf)}`,
    1,
    width,
    {},
  );
  const header = sheet.getRow(TARGET_HEADER_ROW);
  header.values = headers;
  styleHeader(header, width);

  const first = 8; // the first extra column
  const col = (header: string) => first + extra.findIndex((c) => c.header === header);
  // Where the summary was told the counts are (targetSheetLayout).
  const meetingCol = layout.meeting;
  const expectedCol = layout.expected;
  if (
    meeting &&
    (meetingCol !== letter(col('Cơ sở đạt')) || expectedCol !== letter(col('Cơ sở phải báo cáo')))
  ) {
    throw new Error(`${t.code}: the units-meeting columns are not where they were laid out`);
  }
  const ratioCols = ratio ? [letter(col('Tử số')), letter(col('Mẫu số'))] : null;
  const resultDecimals = t.indicator.decimals + (isShare(t.indicator) ? 2 : 0);

  /** The result cell: a number, or for a share the formula that computes it from the row's counts. */
  const writeResult = (cell: ExcelJS.Cell, r: number, figure: Figure) => {
    if (figure.value === null) {
      cell.value = missingText(figure);
      return;
    }
    const value = cellNumber(t.indicator, figure.value);
    if (ratio && ratioCols) {
      setFormula(
        cell,
        round(`${ratioCols[0]}${r}/${ratioCols[1]}${r}`, resultDecimals),
        value,
        numberFormat(t.indicator),
      );
    } else if (meeting && meetingCol) {
      setFormula(cell, `${meetingCol}${r}`, figure.meeting, meetingFormat(figure.expected, ''));
    } else {
      cell.value = value;
      cell.numFmt = type === 'amount' ? '#,##0' : numberFormat(t.indicator);
    }
  };
  /** "% so với chỉ tiêu" as core computes it: from the rounded share for units meeting, else from the result. */
  const writePct = (cell: ExcelJS.Cell, r: number, figure: Figure, goal: number | null) => {
    if (figure.value === null || goal === null || goal === 0) {
      cell.value = '—';
      return;
    }
    const exact = ratioToScaled(figure.value, goal) as number;
    const formula =
      meeting && meetingCol && expectedCol
        ? round(`${round(`${meetingCol}${r}/${expectedCol}${r}`, resultDecimals)}/D${r}`, 3)
        : round(`E${r}/D${r}`, 3);
    setFormula(cell, formula, exact, PERCENT_FORMAT);
  };
  const writeGoal = (cell: ExcelJS.Cell, goal: number | null) => {
    if (goal === null) {
      cell.value = '—';
      return;
    }
    cell.value = cellNumber(t.indicator, goal);
    cell.numFmt = isShare(t.indicator)
      ? goalShareFormat(t.indicator, goal)
      : type === 'amount'
        ? '#,##0'
        : numberFormat(t.indicator);
  };

  const rows = breakdownOf(data, t);
  const firstRow = TARGET_HEADER_ROW + 1;
  let r = firstRow;
  const writeRow = (
    stt: number | string,
    unitCell: { code: string; name: string },
    row: SheetRow,
    goal: number | null,
    status: string,
  ) => {
    const line = sheet.getRow(r);
    line.getCell(1).value = stt;
    line.getCell(2).value = safeCellText(unitCell.code);
    line.getCell(3).value = safeCellText(unitCell.name);
    writeGoal(line.getCell(4), goal);
    writeResult(line.getCell(5), r, row.figure);
    writePct(line.getCell(6), r, row.figure, goal);
    line.getCell(7).value = status;
    extra.forEach((c, i) => {
      const v = c.value(row);
      const cell = line.getCell(first + i);
      if (v === null) cell.value = '—';
      else {
        cell.value = v;
        cell.numFmt = c.numFmt;
      }
    });
    styleBody(line, width, [3]);
    fitHeight(line, widths);
    r++;
  };
  rows.forEach((row, i) => {
    const goal = row.allocation ?? (isShare(t.indicator) ? t.goal : null);
    writeRow(
      i + 1,
      row,
      { figure: row.figure, related: row.relatedFigures },
      goal,
      goal === null && row.figure.value !== null
        ? '—'
        : STATUS_LABELS[statusKeyOf(row.status, row.figure, goal)],
    );
  });

  // The scope's own activity: what the flows' totals hold beyond the units listed.
  const own = ownActivity(t, rows);
  if (own) {
    const ownResult = own.result;
    const ownRelated = own.related;
    const line = sheet.getRow(r);
    line.getCell(3).value = safeCellText(ownLabel(data.scope.unit.name));
    if (ownResult !== null) {
      line.getCell(5).value = cellNumber(t.indicator, ownResult);
      line.getCell(5).numFmt = type === 'amount' ? '#,##0' : numberFormat(t.indicator);
    }
    t.related.forEach((x, i) => {
      const v = ownRelated[i];
      if (v === null || v === undefined) return;
      line.getCell(first + i).value = cellNumber(x, v);
      line.getCell(first + i).numFmt = x.measureType === 'amount' ? '#,##0' : numberFormat(x);
    });
    styleBody(line, width, [3]);
    for (let c = 1; c <= width; c++) line.getCell(c).font = { name: FONT, size: 11, italic: true };
    r++;
  }
  const lastRow = r - 1;

  // The total: SUM of the rows above wherever they add up to the figure, else the figure itself.
  const totalRow = r;
  if (totalRow !== layout.totalRow)
    throw new Error(`${t.code}: total row ${totalRow}, laid out at ${layout.totalRow}`);
  const line = sheet.getRow(totalRow);
  line.getCell(2).value = safeCellText(data.scope.unit.code);
  line.getCell(3).value = safeCellText(totalLabel(data.scope.unit.name));
  writeGoal(line.getCell(4), t.goal);
  const sumOrValue = (
    cell: ExcelJS.Cell,
    column: string,
    cells: (number | null)[],
    total: number,
    numFmt: string,
  ) => {
    const sum = cells.reduce<number>((a, v) => a + (v ?? 0), 0);
    if (lastRow >= firstRow && sameNumber(sum, total)) {
      setFormula(cell, `SUM(${column}${firstRow}:${column}${lastRow})`, total, numFmt);
    } else {
      cell.value = total;
      cell.numFmt = numFmt;
    }
  };
  const columnValues = (columnIndex: number) => {
    const values: (number | null)[] = [];
    for (let row = firstRow; row <= lastRow; row++) {
      const v = sheet.getCell(row, columnIndex).value;
      values.push(typeof v === 'number' ? v : isFormulaValue(v) ? (v.result as number) : null);
    }
    return values;
  };
  const total: SheetRow = { figure: t.figure, related: t.relatedFigures };
  // Extra columns first: a share's result is computed from them.
  extra.forEach((c, i) => {
    const v = c.value(total);
    const cell = line.getCell(first + i);
    if (v === null) cell.value = '—';
    else if (c.additive) sumOrValue(cell, letter(first + i), columnValues(first + i), v, c.numFmt);
    else {
      cell.value = v;
      cell.numFmt = c.numFmt;
    }
  });
  if (t.figure.value === null) line.getCell(5).value = missingText(t.figure);
  else if (ratio || meeting) writeResult(line.getCell(5), totalRow, t.figure);
  else {
    const numFmt = type === 'amount' ? '#,##0' : numberFormat(t.indicator);
    sumOrValue(line.getCell(5), 'E', columnValues(5), cellNumber(t.indicator, t.figure.value), numFmt);
  }
  writePct(line.getCell(6), totalRow, t.figure, t.goal);
  line.getCell(7).value =
    t.goal === null && t.figure.value !== null ? '—' : STATUS_LABELS[statusKeyOf(t.status, t.figure, t.goal)];
  styleBody(line, width, [3], true);
  r++;

  if (rows.length === 0) sheet.getCell(r + 1, 3).value = 'Đơn vị không có đơn vị trực thuộc.';
  if (t.goal !== null && t.goalKind === 'term') {
    sheet.getCell(r + 1, 3).value = `Chỉ tiêu Nghị quyết: ${goalText(t.indicator, t.goal)}`;
  }
  sheet.commit();
}

/** Two cell values are the same number (sums of fractions compared within rounding noise). */
const sameNumber = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

const isFormulaValue = (v: ExcelJS.CellValue): v is ExcelJS.CellFormulaValue =>
  v !== null && typeof v === 'object' && 'formula' in v;

/** value/goal as a fraction rounded to 0,1% exactly as core does (106,8% → 1.068). */
function ratioToScaled(value: number, goal: number): number | null {
  if (goal === 0) return null;
  // ratioToScaledPercent(value, goal, 1) / 1000, through BigInt, half away from zero.
  const n = BigInt(value) * 1000n;
  const d = BigInt(goal);
  const negative = n < 0n !== d < 0n;
  const an = n < 0n ? -n : n;
  const ad = d < 0n ? -d : d;
  const q = (2n * an + ad) / (2n * ad);
  return Number(negative ? -q : q) / 1000;
}

// ---------------------------------------------------------------- the summary

function summarySheet(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  settings: ReportSettingsInput,
  data: ReportData,
  kind: ReportKind,
  refs: Map<number, TargetSheetRefs>,
) {
  const sheet = workbook.addWorksheet(SUMMARY_SHEET, sheetOptions(SUMMARY_HEADER_ROW));
  const width = SUMMARY_COLUMNS.length;
  sheet.columns = SUMMARY_COLUMNS.map((c) => ({ width: c.width }));

  // The letterhead and the motto, as on the DOCX's first page.
  const head = headerView(settings);
  const letterhead = sheet.getCell(1, 1);
  sheet.mergeCells(1, 1, 1, 3);
  letterhead.value = {
    richText: [
      ...head.parentBody.map((text) => ({ text: `${safeCellText(text)}\n`, font: { name: FONT, size: 12 } })),
      ...head.issuingBody.map((text, i) => ({
        text: `${safeCellText(text)}${i < head.issuingBody.length - 1 ? '\n' : ''}`,
        font: { name: FONT, size: 12, bold: true },
      })),
    ],
  };
  letterhead.alignment = { horizontal: 'center', vertical: 'top', wrapText: true };
  sheet.mergeCells(1, 4, 1, width);
  const motto = sheet.getCell(1, 4);
  if (head.motto) {
    motto.value = {
      richText: [
        { text: `${head.motto.name}\n`, font: { name: FONT, size: 12, bold: true } },
        { text: head.motto.motto, font: { name: FONT, size: 13, bold: true, underline: true } },
      ],
    };
  }
  motto.alignment = { horizontal: 'center', vertical: 'top', wrapText: true };
  sheet.getRow(1).height = 16 * Math.max(2, head.parentBody.length + head.issuingBody.length);
  sheet.mergeCells(2, 1, 2, 3);
  sheet.getCell(2, 1).value = safeCellText(head.numberLine);
  sheet.getCell(2, 1).font = { name: FONT, size: 12 };
  sheet.getCell(2, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 4, 2, width);
  sheet.getCell(2, 4).value = safeCellText(head.placeDate);
  sheet.getCell(2, 4).font = { name: FONT, size: 12, italic: true };
  sheet.getCell(2, 4).alignment = { horizontal: 'center' };

  titleRow(sheet, 3, titleLines(settings.title).join(' '), 1, width, { bold: true, size: 13 });
  sheet.getRow(3).height = 36;
  const basis = data.scope.basis === 'submitted' ? 'đã gửi và đã duyệt' : 'đã duyệt';
  titleRow(
    sheet,
    4,
    `${data.scope.unit.name} — số liệu tính đến ngày ${formatDate(data.scope.asOf)} (${basis})`,
    1,
    width,
    { italic: true },
  );
  const { lead, rest } = headlineTexts(data);
  titleRow(sheet, 5, `${lead}${rest}`, 1, width, { bold: true });
  sheet.getRow(5).height = 34;
  const header = sheet.getRow(SUMMARY_HEADER_ROW);
  header.values = SUMMARY_COLUMNS.map((c) => c.header);
  styleHeader(header, width);

  const views = targetRows(data, kind);
  let r = SUMMARY_HEADER_ROW + 1;
  data.targets.forEach((t, i) => {
    const view = views[i];
    const at = refs.get(t.id);
    if (!view || !at) return;
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
    row.getCell(3).value = safeCellText(view.unit);
    summaryFigures(row, r, t, view, at);
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
      fgColor: { argb: STATUS_FILLS[statusKeyOf(t.status, t.figure, t.goal)] },
    };
    r++;
  });
  if (data.targets.length === 0) {
    sheet.getCell(r, 2).value = 'Nhiệm kỳ này chưa có chỉ tiêu nào.';
    r++;
  }
  r++;
  const footnote = moneyFootnote(views, false);
  const notes = [
    ...(footnote ? [`${footnote} Số chính xác đến đồng ở trang tính của từng chỉ tiêu.`] : []),
    ...(!data.hasResults ? ['Chưa có số liệu: các đơn vị chưa báo cáo kết quả.'] : []),
    ...(data.scope.illustrative ? [ILLUSTRATIVE_NOTE] : []),
    `Dữ liệu gốc (từng đơn vị, từng kỳ) ở trang tính ẩn “${RAW_SHEET}” (bấm chuột phải vào tên trang tính → Hiện) và trong tệp CSV.`,
  ];
  for (const text of notes) {
    sheet.mergeCells(r, 2, r, width);
    const note = sheet.getCell(r, 2);
    note.value = safeCellText(text);
    note.font = { name: FONT, italic: true, size: 10 };
    note.alignment = { wrapText: true, vertical: 'top' };
    sheet.getRow(r).height = 28;
    r++;
  }
  sheet.commit();
}

/**
 * Goal, result and "% so với NQ" of a summary row: the result is a formula into the target's sheet,
 * each shown number already rounded to what the DOCX prints (money in the row's scale: ROUND of the
 * exact đồng), the percentage computed from the exact figures.
 */
function summaryFigures(row: ExcelJS.Row, r: number, t: Target, view: TargetRowView, at: TargetSheetRefs) {
  const goalCell = row.getCell(4);
  const resultCell = row.getCell(5);
  const pctCell = row.getCell(6);
  const total = (column: string) => ref(at.sheet, `${column}${at.totalRow}`);
  const type = t.indicator.measureType;
  const money = view.moneyScale;
  if (t.goal === null) goalCell.value = '—';
  else if (money) {
    goalCell.value = Number(view.goal.replaceAll('.', '').replace(',', '.'));
    goalCell.numFmt = decimalFormat(view.goal.split(',')[1]?.length ?? 0);
  } else {
    goalCell.value = cellNumber(t.indicator, t.goal);
    goalCell.numFmt = isShare(t.indicator) ? goalShareFormat(t.indicator, t.goal) : numberFormat(t.indicator);
  }
  const value = t.figure.value;
  if (value === null) {
    resultCell.value = view.result;
    pctCell.value = '—';
    return;
  }
  if (money) {
    const divisor = { ty: 1_000_000_000, trieu: 1_000_000, dong: 1 }[money as MoneyScale];
    const decimals = money === 'dong' ? 0 : 2;
    const shown = formatMoneyIn(value, money, { trimZeros: true });
    setFormula(
      resultCell,
      money === 'dong' ? total(at.result) : round(`${total(at.result)}/${divisor}`, decimals),
      Number(formatMoneyIn(value, money).replaceAll('.', '').replace(',', '.')),
      decimalFormat(shown.split(',')[1]?.length ?? 0),
    );
  } else if (type === 'units_meeting' && at.meeting) {
    setFormula(
      resultCell,
      total(at.meeting),
      t.figure.meeting,
      meetingFormat(t.figure.expected, t.indicator.measurementUnit),
    );
  } else {
    setFormula(resultCell, total(at.result), cellNumber(t.indicator, value), numberFormat(t.indicator));
  }
  const exact = t.goal === null ? null : ratioToScaled(value, t.goal);
  if (exact === null) {
    pctCell.value = '—';
    return;
  }
  const formula = money
    ? round(`${total(at.result)}/${total(at.goal)}`, 3)
    : type === 'units_meeting' && at.expected
      ? round(`${round(`E${r}/${total(at.expected)}`, t.indicator.decimals + 2)}/D${r}`, 3)
      : round(`E${r}/D${r}`, 3);
  setFormula(pctCell, formula, exact, PERCENT_FORMAT);
}

// ---------------------------------------------------------------- raw data

const DATE_COLUMNS = new Set(['periodStart', 'periodEnd', 'asOf']);

/** 'dd/mm/yyyy' text (as the CSV writes it) → the date a spreadsheet holds. */
function dateOf(text: string): Date | null {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  return m ? new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1]))) : null;
}

function rawSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, data: ReportData) {
  const records = rawRecords(data);
  const sheet = workbook.addWorksheet(RAW_SHEET, sheetOptions(1, 'hidden'));
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
  const dateColumns = new Set(
    RAW_COLUMNS.map((c, i) => (DATE_COLUMNS.has(c.key) ? i + 1 : 0)).filter((i) => i > 0),
  );
  // exceljs renders a style to XML for every cell to find its id, unless it has seen the very same
  // style object before: shared, never mutated style objects make this sheet several times faster.
  const plain: Partial<ExcelJS.Style> = Object.freeze({});
  const dateStyle: Partial<ExcelJS.Style> = Object.freeze({ numFmt: 'dd/mm/yyyy' });
  const valueStyles = new Map<number, Partial<ExcelJS.Style>>();
  const valueStyle = (decimals: number) => {
    let style = valueStyles.get(decimals);
    if (!style) {
      style = Object.freeze({ numFmt: decimalFormat(decimals) });
      valueStyles.set(decimals, style);
    }
    return style;
  };
  const dates = new Map<string, Date | null>();
  const date = (text: string) => {
    let d = dates.get(text);
    if (d === undefined) {
      d = dateOf(text);
      dates.set(text, d);
    }
    return d;
  };
  for (const record of records) {
    const values = RAW_COLUMNS.map((c) => {
      const v = record[c.key];
      if (v === null) return null;
      if (c.key === 'value') return Number(v);
      if (numeric.has(c.key)) return v;
      if (DATE_COLUMNS.has(c.key) && typeof v === 'string') return date(v) ?? v;
      return typeof v === 'string' ? neutraliseFormula(v) : v;
    });
    const row = sheet.addRow(values);
    const value = record.value;
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      cell.style =
        col === valueColumn && typeof value === 'string'
          ? valueStyle(value.split('.')[1]?.length ?? 0)
          : dateColumns.has(col)
            ? dateStyle
            : plain;
    });
    row.commit();
  }
  sheet.commit();
}

// ---------------------------------------------------------------- the workbook

/** The whole workbook as XLSX bytes. */
export async function buildReportXlsx(input: {
  kind: ReportKind;
  settings: ReportSettingsInput;
  data: ReportData;
}): Promise<Uint8Array> {
  const { kind } = input;
  const settings = cleanSettings(input.settings);
  const data = cleanReportData(input.data);
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
  workbook.title = titleLines(settings.title).join(' ');
  // Fixed, so that the same figures give the same file.
  workbook.created = new Date(`${data.scope.asOf}T00:00:00Z`);
  workbook.modified = workbook.created;
  // The summary comes first and refers to the target sheets: lay them out, then write in order.
  const used = new Set([SUMMARY_SHEET.toLowerCase(), RAW_SHEET.toLowerCase()]);
  const layouts = new Map(data.targets.map((t) => [t.id, targetSheetLayout(data, t, used)] as const));
  summarySheet(workbook, settings, data, kind, layouts);
  for (const t of data.targets) targetSheet(workbook, data, t, layouts.get(t.id) as TargetSheetRefs);
  rawSheet(workbook, data);
  await workbook.commit();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}
