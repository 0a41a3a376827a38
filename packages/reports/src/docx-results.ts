/**
 * The figures of part I: the headline sentence, the targets table (header row repeated on every page;
 * it may start at the foot of page 1) and the charts.
 */
import type { ReportData } from '@chitieu/db';
import {
  AlignmentType,
  ImageRun,
  LineRuleType,
  Paragraph,
  Table,
  TableLayoutType,
  TableRow,
  WidthType,
} from 'docx';
import { cell, cellText, GRID, para, run, SIZE, TEXT_WIDTH } from './docx-layout.ts';
import type { ChartImage } from './report-chart-specs.ts';
import { headlineTexts, type TargetRowView } from './report-summary.ts';
import { cleanText } from './report-text.ts';

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

export function targetsTable(rows: TargetRowView[]): Table {
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

export function headlineParagraph(data: ReportData): Paragraph {
  const { lead, rest } = headlineTexts(data);
  const basis = data.scope.basis === 'submitted' ? ' Số liệu gồm cả báo cáo đã gửi, chưa duyệt.' : '';
  return para([run(lead, { bold: true, size: SIZE.body }), run(rest + basis, { size: SIZE.body })], {
    indent: true,
  });
}

/** Largest drawing width in pixels (96 dpi) that fits the text column with a little room. */
const MAX_IMAGE_PX = Math.floor((TEXT_WIDTH / 1440) * 96) - 8;

export function chartBlock(chart: ChartImage): Paragraph[] {
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
