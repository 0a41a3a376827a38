/**
 * One sheet per target: the breakdown by the scope's child units in exact figures (money in đồng),
 * the scope's own activity where it has some, and a total row of SUM formulas wherever the rows add
 * up to the figure (flows always do). A share's result is a formula over its counts.
 */
import { formatDate, statusKeyOf } from '@chitieu/core';
import type { IndicatorInfo, ReportData } from '@chitieu/db';
import type ExcelJS from 'exceljs';
import { ownLabel, totalLabel } from './report-appendix.ts';
import { goalText, missingText, STATUS_LABELS, unitText } from './report-format.ts';
import { safeCellText } from './report-text.ts';
import {
  cellNumber,
  goalShareFormat,
  isFormulaValue,
  isShare,
  letter,
  meetingFormat,
  numberFormat,
  PERCENT_FORMAT,
  pctFraction,
  round,
  sameNumber,
  setFormula,
} from './xlsx-numbers.ts';
import { FONT, fitHeight, sheetOptions, styleBody, styleHeader, titleRow } from './xlsx-sheet.ts';
import { breakdownOf, ownActivity, TARGET_HEADER_ROW, type TargetSheetRefs } from './xlsx-target-layout.ts';

type Target = ReportData['targets'][number];
type Figure = Target['figure'];

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

export function targetSheet(
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
    const exact = pctFraction(figure.value, goal) as number;
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
