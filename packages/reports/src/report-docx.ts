/**
 * The report as a Word document in the Vietnamese administrative layout (Decree 30/2020/NĐ-CP,
 * Appendix I):
 *  - A4, margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman, body 14 pt,
 *    justified, first-line indent 1,27 cm; page numbers centred at the top from page 2; every run
 *    tagged Vietnamese (vi-VN), so Word and LibreOffice spell-check it as Vietnamese;
 *  - header block as a borderless two-column table: on the left the letterhead (parent line in
 *    capitals, the issuing body in bold capitals, a short rule under it) and the number; on the
 *    right the national motto when the settings keep it (name in bold capitals, motto in bold with
 *    a rule of its own length) and the place and date in italics, on the number's line;
 *  - "BÁO CÁO" in bold capitals and its summary line in bold; parts numbered I., II., …;
 *  - the targets table (header row repeated on every page; it may start at the foot of page 1), the
 *    rounding rule of its money figures, the headline, three charts;
 *  - the signature block and "Nơi nhận:"; an appendix of results by unit on landscape pages, money
 *    in exact figures so that each column adds up as printed, with a legend per kind of column.
 * This module puts the document together; its blocks are built in docx-layout.ts (page, type, cells),
 * docx-heading.ts, docx-results.ts, docx-parts.ts and docx-appendix.ts.
 */
import { formatDate } from '@chitieu/core';
import type { ReportData, ReportKind, ReportSettingsInput } from '@chitieu/db';
import {
  AlignmentType,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  type Table,
  TextRun,
} from 'docx';
import { appendix } from './docx-appendix.ts';
import { headerBlock, titleBlock, titleRule } from './docx-heading.ts';
import { BODY_SPACING, FONT, LANGUAGE, PAGE, para, SIZE, TIGHT } from './docx-layout.ts';
import { narrative, partHeading, signatureBlock, subHeading } from './docx-parts.ts';
import { chartBlock, headlineParagraph, targetsTable } from './docx-results.ts';
import type { ChartImage } from './report-chart-specs.ts';
import { ILLUSTRATIVE_NOTE } from './report-format.ts';
import { titleLines } from './report-heading.ts';
import { moneyFootnote, targetRows } from './report-summary.ts';
import { cleanReportData, cleanSettings } from './report-text.ts';

export interface ReportDocumentInput {
  kind: ReportKind;
  settings: ReportSettingsInput;
  data: ReportData;
  charts: ChartImage[];
}

const pageNumberHeader = () =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: TIGHT,
        children: [
          new TextRun({
            children: [PageNumber.CURRENT],
            font: FONT,
            size: SIZE.table,
            language: { value: LANGUAGE },
          }),
        ],
      }),
    ],
  });

/** The whole report as a DOCX file. */
export async function buildReportDocx(input: ReportDocumentInput): Promise<Uint8Array> {
  const { kind, charts } = input;
  const settings = cleanSettings(input.settings);
  const data = cleanReportData(input.data);
  const sections = settings.sections;
  const first = sections[0];
  const rows = targetRows(data, kind);
  const body: (Paragraph | Table)[] = [headerBlock(settings), ...titleBlock(settings), titleRule()];
  if (data.scope.illustrative) {
    body.push(
      para(ILLUSTRATIVE_NOTE, {
        align: AlignmentType.CENTER,
        spacing: { ...TIGHT, after: 120 },
        style: { italics: true, size: SIZE.table },
      }),
    );
  }
  // I. Results: the narrative, then the figures (headline, table, charts).
  body.push(partHeading(1, first?.title ?? 'Kết quả đạt được'), ...narrative(first?.body ?? ''));
  body.push(subHeading('1. Kết quả thực hiện các chỉ tiêu Nghị quyết'), headlineParagraph(data));
  body.push(
    para(`Bảng 1. Kết quả thực hiện các chỉ tiêu Nghị quyết (tính đến ngày ${formatDate(data.scope.asOf)})`, {
      align: AlignmentType.CENTER,
      keepNext: true,
      style: { italics: true, size: SIZE.table },
    }),
    targetsTable(rows),
  );
  const footnote = moneyFootnote(
    rows,
    data.targets.some((t) => t.counted),
  );
  if (footnote) {
    body.push(
      para(footnote, {
        align: AlignmentType.LEFT,
        spacing: { ...TIGHT, before: 60 },
        style: { italics: true, size: SIZE.note },
      }),
    );
  }
  body.push(subHeading('2. Biểu đồ kết quả thực hiện'));
  for (const chart of charts) body.push(...chartBlock(chart));
  // II.–V.
  sections.slice(1).forEach((section, i) => {
    body.push(partHeading(i + 2, section.title), ...narrative(section.body));
  });
  body.push(para('', { spacing: TIGHT }), signatureBlock(settings));

  const doc = new Document({
    creator: 'Chỉ tiêu',
    title: titleLines(settings.title).join(' '),
    description: 'Báo cáo tạo bởi ứng dụng Chỉ tiêu',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZE.body, language: { value: LANGUAGE } },
          paragraph: { spacing: BODY_SPACING },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.PORTRAIT },
            margin: PAGE.margin,
          },
          titlePage: true,
        },
        headers: {
          default: pageNumberHeader(),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
        },
        children: body,
      },
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height, orientation: PageOrientation.LANDSCAPE },
            margin: PAGE.margin,
          },
        },
        headers: { default: pageNumberHeader() },
        children: appendix(settings, data),
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
