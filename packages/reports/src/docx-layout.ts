/**
 * The page and the type of the Word report (Decree 30/2020/NĐ-CP, Appendix I): A4, margins top/bottom
 * 20 mm, left 30 mm, right 15 mm; Times New Roman, body 14 pt, justified, first-line indent 1,27 cm;
 * every run tagged Vietnamese (vi-VN). The paragraph, run and cell makers every part is built with.
 * Every paragraph that sets line spacing sets `lineRule: AUTO` (LibreOffice otherwise crops inline
 * images to one line).
 */
import {
  AlignmentType,
  BorderStyle,
  type ImageRun,
  LineRuleType,
  Paragraph,
  TableCell,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { cleanText } from './report-text.ts';

const mm = (n: number) => Math.round((n * 1440) / 25.4);
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) },
};
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
export const LANDSCAPE_TEXT_WIDTH = PAGE.height - PAGE.margin.left - PAGE.margin.right;

export const FONT = 'Times New Roman';
/** Every run says it is Vietnamese (spelling, hyphenation, fonts). */
export const LANGUAGE = 'vi-VN';
/**
 * Half-points: 14 pt body, 13 pt tables, 12 pt the header block (Decree 30 allows 12–13; at 13 pt
 * "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and a city's letterhead do not fit side by side), 13 pt the
 * motto, 12/11 pt for "Nơi nhận", 11 pt notes under tables, 12 pt the appendix (a province's units
 * and its legend on one landscape page).
 */
export const SIZE = {
  body: 28,
  table: 26,
  appendix: 24,
  header: 24,
  motto: 26,
  recipientsTitle: 24,
  recipients: 22,
  note: 22,
};
const INDENT = 720; // 1,27 cm
export const BODY_SPACING = { before: 120, after: 0, line: 276, lineRule: LineRuleType.AUTO };
export const TIGHT = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO };
export const CELL_SPACING = { before: 40, after: 40, line: 240, lineRule: LineRuleType.AUTO };
/** The appendix's rows: a province's units on one page. */
export const ROW_SPACING = { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO };

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

export const run = (text: string, style: RunStyle = {}) =>
  new TextRun({ text: cleanText(text), font: FONT, language: { value: LANGUAGE }, ...style });

export function para(
  children: (TextRun | ImageRun)[] | string,
  options: {
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    indent?: boolean;
    spacing?: typeof BODY_SPACING;
    keepNext?: boolean;
    style?: RunStyle;
    pageBreakBefore?: boolean;
  } = {},
) {
  return new Paragraph({
    children: typeof children === 'string' ? [run(children, options.style)] : children,
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    spacing: options.spacing ?? BODY_SPACING,
    ...(options.indent ? { indent: { firstLine: INDENT } } : {}),
    ...(options.keepNext ? { keepNext: true } : {}),
    ...(options.pageBreakBefore ? { pageBreakBefore: true } : {}),
  });
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
export const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
export const GRID = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
};

export function cell(
  paragraphs: Paragraph[],
  width: number,
  options: { columnSpan?: number; borders?: boolean; margin?: number } = {},
): TableCell {
  return new TableCell({
    children: paragraphs,
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { left: options.margin ?? 70, right: options.margin ?? 70 },
    ...(options.columnSpan ? { columnSpan: options.columnSpan } : {}),
    ...(options.borders === false ? { borders: { top: NONE, bottom: NONE, left: NONE, right: NONE } } : {}),
  });
}

export const cellText = (
  text: string,
  align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.CENTER,
  style: RunStyle = {},
  spacing = CELL_SPACING,
) => text.split('\n').map((line) => para(line, { align, spacing, style: { size: SIZE.table, ...style } }));
