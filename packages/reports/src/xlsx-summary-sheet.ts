/**
 * The "Tổng hợp" sheet: the letterhead, motto and number, the title naming the unit, then the
 * targets table as the DOCX has it: every cell shows the same text ("124/124 cơ sở", "21,35",
 * "106,8%") in LibreOffice and Excel, and every figure is a live formula into the target's own sheet
 * with its result cached. Every shown number is a value already rounded to what its format shows,
 * so no reader's display rounding can differ.
 */
import { formatDate, formatMoneyIn, type MoneyScale, statusKeyOf } from '@chitieu/core';
import type { ReportData, ReportKind, ReportSettingsInput } from '@chitieu/db';
import type ExcelJS from 'exceljs';
import { ILLUSTRATIVE_NOTE } from './report-format.ts';
import { headerView, titleLines } from './report-heading.ts';
import { headlineTexts, moneyFootnote, type TargetRowView, targetRows } from './report-summary.ts';
import { safeCellText } from './report-text.ts';
import {
  cellNumber,
  decimalFormat,
  goalShareFormat,
  isShare,
  meetingFormat,
  numberFormat,
  PERCENT_FORMAT,
  pctFraction,
  ref,
  round,
  setFormula,
} from './xlsx-numbers.ts';
import {
  BORDER,
  FONT,
  fitHeight,
  RAW_SHEET,
  STATUS_FILLS,
  SUMMARY_SHEET,
  sheetOptions,
  styleBody,
  styleHeader,
  titleRow,
} from './xlsx-sheet.ts';
import type { TargetSheetRefs } from './xlsx-target-layout.ts';

type Target = ReportData['targets'][number];

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

export function summarySheet(
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
  const exact = t.goal === null ? null : pctFraction(value, t.goal);
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
