/**
 * The top of the Word report: the header block as a borderless two-column table (on the left the
 * letterhead, parent line in capitals, the issuing body in bold capitals, a short rule under it, and
 * the number; on the right the national motto when the settings keep it, name in bold capitals,
 * motto in bold with a rule of its own length, and the place and date in italics, on the number's
 * line), then "BÁO CÁO" in bold capitals and its summary line in bold.
 */
import type { ReportSettingsInput } from '@chitieu/db';
import {
  AlignmentType,
  BorderStyle,
  LineRuleType,
  Paragraph,
  Table,
  TableLayoutType,
  TableRow,
  WidthType,
} from 'docx';
import { cell, NO_BORDERS, para, run, SIZE, TEXT_WIDTH, TIGHT } from './docx-layout.ts';
import { headerView, titleLines } from './report-heading.ts';
import { cleanText } from './report-text.ts';

/**
 * Column widths of the header block, whose cells have (almost) no inner margins: the national name in 12 pt
 * bold is 5.007 twips wide (measured with Liberation Serif, Times New Roman's metrics), and a city's
 * letterhead, "HỘI LHPN THÀNH PHỐ PHAN THIẾT" in 12 pt, 4.020.
 */
const HEADER_RIGHT = 5150;
const HEADER_LEFT = TEXT_WIDTH - HEADER_RIGHT;
/** "Độc lập - Tự do - Hạnh phúc" in 13 pt bold, measured the same way: its rule is as long. */
const MOTTO_WIDTH = 3183;

/** A short rule centred in a cell: an empty paragraph's bottom border between indents. */
function rule(cellWidth: number, length: number, after: number) {
  const indent = Math.max(0, Math.round((cellWidth - 20 - length) / 2));
  return new Paragraph({
    children: [run('', { size: 8 })],
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after, line: 240, lineRule: LineRuleType.AUTO },
    indent: { left: indent, right: indent },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
  });
}

export function headerBlock(settings: ReportSettingsInput): Table {
  const view = headerView(settings);
  const letterhead = [
    ...view.parentBody.map((line) =>
      para(line, { align: AlignmentType.CENTER, spacing: TIGHT, style: { size: SIZE.header } }),
    ),
    // The issuing body itself in bold capitals.
    ...view.issuingBody.map((line) =>
      para(line, { align: AlignmentType.CENTER, spacing: TIGHT, style: { size: SIZE.header, bold: true } }),
    ),
  ];
  // The short rule under the issuing body: a third to a half of its width.
  const left = [
    ...(letterhead.length > 0 ? letterhead : [para('', { spacing: TIGHT })]),
    rule(HEADER_LEFT, HEADER_LEFT * 0.4, 120),
  ];
  const right = view.motto
    ? [
        para(view.motto.name, {
          align: AlignmentType.CENTER,
          spacing: TIGHT,
          style: { size: SIZE.header, bold: true },
        }),
        para(view.motto.motto, {
          align: AlignmentType.CENTER,
          spacing: TIGHT,
          style: { size: SIZE.motto, bold: true },
        }),
        rule(HEADER_RIGHT, MOTTO_WIDTH, 120),
      ]
    : [para('', { spacing: TIGHT })];
  const number = para(view.numberLine, {
    align: AlignmentType.CENTER,
    spacing: TIGHT,
    style: { size: SIZE.table },
  });
  const date = para(view.placeDate, {
    align: AlignmentType.CENTER,
    spacing: TIGHT,
    style: { italics: true, size: SIZE.body },
  });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [HEADER_LEFT, HEADER_RIGHT],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          cell(left, HEADER_LEFT, { borders: false, margin: 10 }),
          cell(right, HEADER_RIGHT, { borders: false, margin: 10 }),
        ],
      }),
      new TableRow({
        cantSplit: true,
        children: [
          cell([number], HEADER_LEFT, { borders: false, margin: 10 }),
          cell([date], HEADER_RIGHT, { borders: false, margin: 10 }),
        ],
      }),
    ],
  });
}

export function titleBlock(settings: ReportSettingsInput): Paragraph[] {
  const lines = titleLines(cleanText(settings.title));
  return lines.map((line, i) =>
    para(i === 0 ? line.toLocaleUpperCase('vi') : line, {
      align: AlignmentType.CENTER,
      spacing: {
        before: i === 0 ? 360 : 0,
        after: i === lines.length - 1 ? 120 : 0,
        line: 264,
        lineRule: LineRuleType.AUTO,
      },
      style: { bold: true, size: SIZE.body },
      keepNext: true,
    }),
  );
}

/** The short rule under the title. */
export const titleRule = () =>
  new Paragraph({
    children: [run('', { size: 8 })],
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 240, line: 240, lineRule: LineRuleType.AUTO },
    indent: { left: Math.round(TEXT_WIDTH * 0.38), right: Math.round(TEXT_WIDTH * 0.38) },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
  });
