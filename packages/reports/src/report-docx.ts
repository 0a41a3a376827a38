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
 * Every paragraph that sets line spacing sets `lineRule: AUTO` (LibreOffice otherwise crops inline
 * images to one line).
 */
import { formatDate } from '@chitieu/core';
import type { ReportData, ReportKind, ReportSettingsInput } from '@chitieu/db';
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  ImageRun,
  LineRuleType,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { ChartImage } from './report-chart-specs.ts';
import {
  appendixNote,
  appendixView,
  cleanReportData,
  cleanSettings,
  headerView,
  headlineTexts,
  ILLUSTRATIVE_NOTE,
  moneyFootnote,
  roman,
  type TargetRowView,
  targetRows,
  titleLines,
} from './report-format.ts';
import { cleanText, paragraphsOf } from './report-text.ts';

const mm = (n: number) => Math.round((n * 1440) / 25.4);
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15), header: mm(10), footer: mm(10) },
};
const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
const LANDSCAPE_TEXT_WIDTH = PAGE.height - PAGE.margin.left - PAGE.margin.right;

export const FONT = 'Times New Roman';
/** Every run says it is Vietnamese (spelling, hyphenation, fonts). */
export const LANGUAGE = 'vi-VN';
/**
 * Half-points: 14 pt body, 13 pt tables, 12 pt the header block (Decree 30 allows 12–13; at 13 pt
 * "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and a city's letterhead do not fit side by side), 13 pt the
 * motto, 12/11 pt for "Nơi nhận", 11 pt notes under tables, 12 pt the appendix (a province's units
 * and its legend on one landscape page).
 */
const SIZE = {
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
const BODY_SPACING = { before: 120, after: 0, line: 276, lineRule: LineRuleType.AUTO };
const TIGHT = { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO };
const CELL_SPACING = { before: 40, after: 40, line: 240, lineRule: LineRuleType.AUTO };
/** The appendix's rows: a province's units on one page. */
const ROW_SPACING = { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO };

export interface ReportDocumentInput {
  kind: ReportKind;
  settings: ReportSettingsInput;
  data: ReportData;
  charts: ChartImage[];
}

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  size?: number;
}

const run = (text: string, style: RunStyle = {}) =>
  new TextRun({ text: cleanText(text), font: FONT, language: { value: LANGUAGE }, ...style });

function para(
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
const NO_BORDERS = {
  top: NONE,
  bottom: NONE,
  left: NONE,
  right: NONE,
  insideHorizontal: NONE,
  insideVertical: NONE,
};
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const GRID = {
  top: LINE,
  bottom: LINE,
  left: LINE,
  right: LINE,
  insideHorizontal: LINE,
  insideVertical: LINE,
};

function cell(
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

const cellText = (
  text: string,
  align: (typeof AlignmentType)[keyof typeof AlignmentType] = AlignmentType.CENTER,
  style: RunStyle = {},
  spacing = CELL_SPACING,
) => text.split('\n').map((line) => para(line, { align, spacing, style: { size: SIZE.table, ...style } }));

// ---------------------------------------------------------------- header block

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

function headerBlock(settings: ReportSettingsInput): Table {
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

function titleBlock(settings: ReportSettingsInput): Paragraph[] {
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
const titleRule = () =>
  new Paragraph({
    children: [run('', { size: 8 })],
    alignment: AlignmentType.CENTER,
    spacing: { before: 0, after: 240, line: 240, lineRule: LineRuleType.AUTO },
    indent: { left: Math.round(TEXT_WIDTH * 0.38), right: Math.round(TEXT_WIDTH * 0.38) },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
  });

// ---------------------------------------------------------------- parts

const partHeading = (n: number, title: string) =>
  para(`${roman(n)}. ${cleanText(title).toLocaleUpperCase('vi')}`, {
    align: AlignmentType.LEFT,
    indent: true,
    keepNext: true,
    spacing: { ...BODY_SPACING, before: 200 },
    style: { bold: true, size: SIZE.body },
  });

const subHeading = (text: string) =>
  para(text, {
    align: AlignmentType.LEFT,
    indent: true,
    keepNext: true,
    style: { bold: true, size: SIZE.body },
  });

function narrative(body: string): Paragraph[] {
  const paragraphs = paragraphsOf(body);
  if (paragraphs.length === 0) {
    return [para('(Chưa có nội dung.)', { indent: true, style: { italics: true, size: SIZE.body } })];
  }
  return paragraphs.map((text) => para(text, { indent: true, style: { size: SIZE.body } }));
}

// ---------------------------------------------------------------- the targets table

const TARGET_COLUMNS = [
  { title: 'STT', width: 640 },
  { title: 'Chỉ tiêu', width: 2400 },
  { title: 'ĐVT', width: 800 },
  { title: 'Chỉ tiêu NQ', width: 1000 },
  { title: 'Kết quả', width: 1250 },
  { title: 'Tỷ lệ % so với NQ', width: 950 },
  { title: 'Đánh giá', width: 900 },
  { title: 'Ghi chú', width: TEXT_WIDTH - (640 + 2400 + 800 + 1000 + 1250 + 950 + 900) },
];

function targetsTable(rows: TargetRowView[]): Table {
  // The header row repeats on every page; kept with the next row, never alone at the foot of a page.
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    keepNext: true,
    children: TARGET_COLUMNS.map((c) =>
      cell(cellText(c.title, AlignmentType.CENTER, { bold: true }), c.width),
    ),
  });
  const full = TEXT_WIDTH;
  // Not kept with the next row: LibreOffice then keeps the whole table together and moves it to the
  // next page, leaving the foot of page 1 empty.
  const groupRow = (text: string) =>
    new TableRow({
      cantSplit: true,
      children: [
        cell(cellText(text, AlignmentType.LEFT, { bold: true }), full, { columnSpan: TARGET_COLUMNS.length }),
      ],
    });
  const body: TableRow[] = [];
  const hasSupplementary = rows.some((r) => !r.counted);
  if (hasSupplementary) body.push(groupRow('A. Chỉ tiêu Nghị quyết'));
  for (const [i, r] of rows.entries()) {
    if (!r.counted && (i === 0 || rows[i - 1]?.counted)) {
      body.push(groupRow('B. Chỉ tiêu bổ sung (không tính vào kết quả chung)'));
    }
    const w = TARGET_COLUMNS.map((c) => c.width);
    body.push(
      new TableRow({
        cantSplit: true,
        children: [
          cell(cellText(String(r.stt)), w[0] as number),
          cell(cellText(r.name, AlignmentType.LEFT), w[1] as number),
          cell(cellText(r.unit), w[2] as number),
          cell(cellText(r.goal), w[3] as number),
          // "124/124" above "cơ sở": the narrow column would otherwise break inside the unit.
          cell(
            cellText(r.result.replace(/^(\S+\/\S+) /, '$1\n'), AlignmentType.CENTER, { bold: true }),
            w[4] as number,
          ),
          cell(cellText(r.pct), w[5] as number),
          cell(cellText(r.status), w[6] as number),
          cell(cellText(r.note, AlignmentType.LEFT), w[7] as number),
        ],
      }),
    );
  }
  if (rows.length === 0) body.push(groupRow('Nhiệm kỳ này chưa có chỉ tiêu nào.'));
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: TARGET_COLUMNS.map((c) => c.width),
    borders: GRID,
    rows: [header, ...body],
  });
}

function headlineParagraph(data: ReportData): Paragraph {
  const { lead, rest } = headlineTexts(data);
  const basis = data.scope.basis === 'submitted' ? ' Số liệu gồm cả báo cáo đã gửi, chưa duyệt.' : '';
  return para([run(lead, { bold: true, size: SIZE.body }), run(rest + basis, { size: SIZE.body })], {
    indent: true,
  });
}

// ---------------------------------------------------------------- charts

/** Largest drawing width in pixels (96 dpi) that fits the text column with a little room. */
const MAX_IMAGE_PX = Math.floor((TEXT_WIDTH / 1440) * 96) - 8;

function chartBlock(chart: ChartImage): Paragraph[] {
  const caption = para(chart.title, {
    align: AlignmentType.CENTER,
    spacing: { before: 60, after: 120, line: 240, lineRule: LineRuleType.AUTO },
    style: { italics: true, size: SIZE.table },
  });
  if (!chart.png) {
    return [
      para('(Chưa có số liệu để vẽ biểu đồ.)', {
        align: AlignmentType.CENTER,
        keepNext: true,
        style: { italics: true, size: SIZE.table },
      }),
      caption,
    ];
  }
  const scale = Math.min(1, MAX_IMAGE_PX / chart.width);
  const image = new ImageRun({
    type: 'png',
    data: chart.png,
    transformation: { width: Math.round(chart.width * scale), height: Math.round(chart.height * scale) },
    altText: { name: chart.key, title: cleanText(chart.title), description: cleanText(chart.title) },
  });
  return [
    new Paragraph({
      children: [image],
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 200, after: 0, line: 240, lineRule: LineRuleType.AUTO },
    }),
    caption,
  ];
}

// ---------------------------------------------------------------- signature and recipients

function signatureBlock(settings: ReportSettingsInput): Table {
  const left = Math.round(TEXT_WIDTH * 0.45);
  const right = TEXT_WIDTH - left;
  const recipients = [
    para('Nơi nhận:', {
      align: AlignmentType.LEFT,
      spacing: TIGHT,
      style: { bold: true, italics: true, size: SIZE.recipientsTitle },
    }),
    ...settings.recipients.map((r) =>
      para(`- ${cleanText(r)}`, {
        align: AlignmentType.LEFT,
        spacing: TIGHT,
        style: { size: SIZE.recipients },
      }),
    ),
  ];
  const signer = [
    ...settings.signerTitle.map((line) =>
      para(line.toLocaleUpperCase('vi'), {
        align: AlignmentType.CENTER,
        spacing: TIGHT,
        style: { bold: true, size: SIZE.body },
      }),
    ),
    ...Array.from({ length: 4 }, () => para('', { spacing: TIGHT, style: { size: SIZE.body } })),
    para(settings.signerName, {
      align: AlignmentType.CENTER,
      spacing: TIGHT,
      style: { bold: true, size: SIZE.body },
    }),
  ];
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: [left, right],
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [cell(recipients, left, { borders: false }), cell(signer, right, { borders: false })],
      }),
    ],
  });
}

// ---------------------------------------------------------------- appendix

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

function appendix(settings: ReportSettingsInput, data: ReportData): (Paragraph | Table)[] {
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

// ---------------------------------------------------------------- the document

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
