import { ratioToScaledPercent } from '@chitieu/core';
import {
  getReportSettings,
  type ReportData,
  reportData,
  resolveScope,
  schema,
  seedDemoReport,
} from '@chitieu/db';
import { demoDatabase } from '@chitieu/db/testing';
import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportCsv } from './report-csv.ts';
import { RAW_COLUMNS } from './report-rows.ts';
import { cleanText, safeCellText } from './report-text.ts';
import { buildReportXlsx } from './report-xlsx.ts';
import { RAW_SHEET, SUMMARY_SHEET } from './xlsx-sheet.ts';
import { SUMMARY_HEADER_ROW } from './xlsx-summary-sheet.ts';

let demo: ReturnType<typeof demoDatabase>;
let data: ReportData;
let workbook: ExcelJS.Workbook;

const load = async (bytes: Uint8Array) => {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
};

beforeAll(async () => {
  demo = demoDatabase();
  seedDemoReport(demo.db, demo.termId);
  // A unit name that would run as a formula in a spreadsheet.
  demo.db
    .update(schema.units)
    .set({ name: '=HYPERLINK("http://x","bấm")' })
    .where(eq(schema.units.code, '22924'))
    .run();
  data = reportData(demo.db, resolveScope(demo.db, 'system', { termId: demo.termId }, '2024-07-10'), {
    raw: true,
  });
  const settings = getReportSettings(demo.db, demo.termId, 'mid_term');
  workbook = await load(await buildReportXlsx({ kind: 'mid_term', settings, data }));
});

/** "% so với NQ" as @chitieu/core computes it, as the fraction a spreadsheet holds. */
const corePct = (value: number, goal: number) => ratioToScaledPercent(value, goal, 1) / 1000;

describe('mid-term report as XLSX', () => {
  const summary = () => workbook.getWorksheet(SUMMARY_SHEET) as ExcelJS.Worksheet;
  const rowOf = (code: string) => {
    const sheet = summary();
    for (let r = SUMMARY_HEADER_ROW + 1; r <= sheet.rowCount; r++)
      if (sheet.getCell(r, 9).value === code) return r;
    throw new Error(`no row for ${code}`);
  };
  const textOf = (v: ExcelJS.CellValue) =>
    v && typeof v === 'object' && 'richText' in v ? v.richText.map((x) => x.text).join('') : String(v);

  it('heads the summary as the DOCX: letterhead, motto, number, title naming the unit, headline', () => {
    const sheet = summary();
    expect(textOf(sheet.getCell('A1').value)).toBe('HỘI LHPN TỈNH BÌNH THUẬN\nBAN THƯỜNG VỤ');
    expect(textOf(sheet.getCell('D1').value)).toBe(
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc',
    );
    expect(sheet.getCell('A2').value).toBe('Số: 45/BC-HPN');
    expect(sheet.getCell('D2').value).toBe('Phan Thiết, ngày 10 tháng 7 năm 2024');
    expect(sheet.getCell('A3').value).toContain('Sơ kết giữa nhiệm kỳ');
    expect(sheet.getCell('A5').value).toMatch(/^Hoàn thành 7\/8 chỉ tiêu/);
    expect(sheet.getRow(SUMMARY_HEADER_ROW).values).toEqual([
      undefined,
      'STT',
      'Chỉ tiêu',
      'ĐVT',
      'Chỉ tiêu NQ',
      'Kết quả',
      'Tỷ lệ % so với NQ',
      'Đánh giá',
      'Ghi chú',
      'Mã',
    ]);
  });

  it('shows each figure as the DOCX prints it, as live formulas into the target sheets with cached results', () => {
    const sheet = summary();
    expect(rowOf('CT1')).toBe(SUMMARY_HEADER_ROW + 1);
    const ct1 = rowOf('CT1');
    // 124/124 cơ sở, not 100,0%: the meeting count, formatted over the units expected.
    expect(sheet.getCell(ct1, 5).value).toEqual({ formula: "'CT1'!H18", result: 124 });
    expect(sheet.getCell(ct1, 5).numFmt).toBe('#,##0"/124 cơ sở"');
    expect(sheet.getCell(ct1, 4).value).toBe(1);
    expect(sheet.getCell(ct1, 4).numFmt).toBe('0%');
    expect(sheet.getCell(ct1, 6).value).toEqual({
      formula: `ROUND(ROUND(E${ct1}/'CT1'!J18,3)/D${ct1},3)`,
      result: 1,
    });

    const ct2 = rowOf('CT2');
    expect(sheet.getCell(ct2, 4).value).toBe(700);
    expect(sheet.getCell(ct2, 5).value).toEqual({ formula: "'CT2'!E18", result: 746 });
    expect(sheet.getCell(ct2, 5).numFmt).toBe('#,##0');
    expect(sheet.getCell(ct2, 6).value).toEqual({ formula: `ROUND(E${ct2}/D${ct2},3)`, result: 1.066 });
    expect(sheet.getCell(ct2, 6).numFmt).toBe('0.0%');
    expect(sheet.getCell(ct2, 7).value).toBe('Vượt');
    expect(sheet.getCell(rowOf('CT3'), 8).value).toContain('Trị giá 11,54 tỷ đồng');

    // A share: 83,8% against 80% is 104,8%, computed from the integers, not 0,838/0,8 in binary (104,7%).
    const ct6 = rowOf('CT6');
    expect(sheet.getCell(ct6, 5).value).toEqual({ formula: "'CT6'!E18", result: 0.838 });
    expect(sheet.getCell(ct6, 6).value).toEqual({ formula: `ROUND(E${ct6}/D${ct6},3)`, result: 1.048 });

    // Money: ĐVT "tỷ đồng", 20 and 21,35 as the DOCX; the % from the exact đồng (106,8%, not 106,7%).
    const ct7 = rowOf('CT7');
    expect(sheet.getCell(ct7, 3).value).toBe('tỷ đồng');
    expect(sheet.getCell(ct7, 4).value).toBe(20);
    expect(sheet.getCell(ct7, 4).numFmt).toBe('#,##0');
    expect(sheet.getCell(ct7, 5).value).toEqual({ formula: "ROUND('CT7'!E18/1000000000,2)", result: 21.35 });
    expect(sheet.getCell(ct7, 5).numFmt).toBe('#,##0.00');
    expect(sheet.getCell(ct7, 6).value).toEqual({ formula: "ROUND('CT7'!E18/'CT7'!D18,3)", result: 1.068 });
    expect(sheet.getCell(rowOf('CT8'), 7).value).toBe('Khó đạt');
    // Supplementary figures have no goal: no percentage.
    expect(sheet.getCell(rowOf('BS1'), 6).value).toBe('—');

    // Every cached percentage is the one core computes.
    for (const t of data.targets) {
      if (t.goal === null || t.figure.value === null) continue;
      const cell = sheet.getCell(rowOf(t.code), 6).value as ExcelJS.CellFormulaValue;
      expect(cell.formula, t.code).toMatch(/^ROUND\(/);
      expect(cell.result, t.code).toBe(corePct(t.figure.value, t.goal));
    }
  });

  it('prints the summary on A4 landscape, header row repeated, pages numbered per sheet; the raw data is not printed', () => {
    const sheet = summary();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: SUMMARY_HEADER_ROW });
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      firstPageNumber: 1,
      printTitlesRow: `${SUMMARY_HEADER_ROW}:${SUMMARY_HEADER_ROW}`,
    });
    expect(sheet.headerFooter.oddFooter).toBe('&C&A – Trang &P');
    const raw = workbook.getWorksheet(RAW_SHEET) as ExcelJS.Worksheet;
    expect(raw.state).toBe('hidden');
    expect(workbook.worksheets.filter((w) => w.state !== 'hidden').map((w) => w.name)).toEqual([
      SUMMARY_SHEET,
      ...data.targets.map((t) => t.code),
    ]);
  });

  it('has one sheet per target in exact figures, its total a SUM of the rows with its result cached', () => {
    const ct3 = workbook.getWorksheet('CT3') as ExcelJS.Worksheet;
    expect(ct3.getCell('C5').value).toBe('Thành phố Phan Thiết');
    expect(ct3.getRow(4).values).toEqual([
      undefined,
      'STT',
      'Mã đơn vị',
      'Đơn vị',
      'Chỉ tiêu NQ (công trình)',
      'Kết quả (công trình)',
      'Tỷ lệ % so với chỉ tiêu',
      'Đánh giá',
      'Giá trị công trình, phần việc nông thôn mới (đồng)',
    ]);
    // As the DOCX writes it: "Toàn tỉnh", not "Toàn Tỉnh".
    expect(ct3.getCell('C18').value).toBe('Toàn tỉnh Bình Thuận');
    expect(ct3.getCell('E18').value).toEqual({ formula: 'SUM(E5:E17)', result: 584 });
    expect(ct3.getCell('H18').value).toEqual({ formula: 'SUM(H5:H17)', result: 11_540_000_000 });
    expect(ct3.getCell('F18').value).toEqual({ formula: 'ROUND(E18/D18,3)', result: 1.168 });
    const ct7 = workbook.getWorksheet('CT7') as ExcelJS.Worksheet;
    expect(ct7.getCell('E4').value).toBe('Kết quả (đồng)');
    expect(ct7.getCell('E5').value).toBe(2_590_000_000);
    expect(ct7.getCell('E18').value).toEqual({ formula: 'SUM(E5:E17)', result: 21_350_000_000 });
    // Units meeting: "18/18" under "Kết quả (cơ sở đạt/cơ sở)", the counts added up.
    const ct1 = workbook.getWorksheet('CT1') as ExcelJS.Worksheet;
    expect(ct1.getCell('E4').value).toBe('Kết quả (cơ sở đạt/cơ sở)');
    expect(ct1.getCell('E5').value).toEqual({ formula: 'H5', result: 18 });
    expect(ct1.getCell('E5').numFmt).toBe('#,##0"/18"');
    expect(ct1.getCell('H18').value).toEqual({ formula: 'SUM(H5:H17)', result: 124 });
    expect(ct1.getCell('J18').value).toEqual({ formula: 'SUM(J5:J17)', result: 124 });
    // A ratio: computed from its numerator and denominator, which add up.
    const ct6 = workbook.getWorksheet('CT6') as ExcelJS.Worksheet;
    expect(ct6.getCell('E18').value).toEqual({ formula: 'ROUND(H18/I18,3)', result: 0.838 });
    expect(ct6.getCell('H18').value).toEqual({ formula: 'SUM(H5:H17)', result: 171 });
    expect(ct6.getCell('I18').value).toEqual({ formula: 'SUM(I5:I17)', result: 204 });
  });

  it('keeps the raw data with an autofilter, dates as dates, the same rows as the CSV', () => {
    const raw = workbook.getWorksheet(RAW_SHEET) as ExcelJS.Worksheet;
    expect(raw.getRow(1).values).toEqual([undefined, ...RAW_COLUMNS.map((c) => c.header)]);
    expect(raw.autoFilter).toBeTruthy();
    expect(raw.rowCount - 1).toBe(data.raw?.rows.length);
    const col = (key: string) => RAW_COLUMNS.findIndex((c) => c.key === key) + 1;
    const start = raw.getCell(2, col('periodStart'));
    expect(start.value).toBeInstanceOf(Date);
    expect(start.numFmt).toBe('dd/mm/yyyy');
    expect(raw.getCell(2, col('asOf')).value).toEqual(new Date(Date.UTC(2024, 5, 30)));
    // The province's CT2 rows add up to the dashboard's 746.
    let sum = 0;
    raw.eachRow((row, n) => {
      if (
        n > 1 &&
        row.getCell(col('unitCode')).value === '60' &&
        row.getCell(col('indicatorCode')).value === 'THOATNGHEO'
      ) {
        sum += Number(row.getCell(col('value')).value);
      }
    });
    expect(sum).toBe(746);
  });

  it('never writes user text that a spreadsheet would run as a formula', () => {
    const raw = workbook.getWorksheet(RAW_SHEET) as ExcelJS.Worksheet;
    const names = new Set<unknown>();
    raw.eachRow((row) => names.add(row.getCell(3).value));
    expect(names.has('\'=HYPERLINK("http://x","bấm")')).toBe(true);
    let formulas = 0;
    for (const sheet of workbook.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) {
            formulas++;
            // Only our own: sums, roundings and references to a target's sheet.
            expect(cell.formula).toMatch(
              /^(ROUND\(|SUM\([A-Z]+\d+:[A-Z]+\d+\)$|'[A-Z]+\d+'![A-Z]+\d+$|[A-Z]+\d+$)/,
            );
            expect(cell.formula).not.toContain('HYPERLINK');
          }
        }),
      );
    }
    expect(formulas).toBeGreaterThan(50);
    expect(safeCellText('+1')).toBe("'+1");
    expect(safeCellText('-x')).toBe("'-x");
    expect(safeCellText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeCellText('Bình thường')).toBe('Bình thường');
  });
});

describe("a district's workbook", () => {
  it('carries its letterhead and its own figures', async () => {
    const phanThiet = demo.db.select().from(schema.units).where(eq(schema.units.code, '593')).get()
      ?.id as number;
    const settings = getReportSettings(demo.db, demo.termId, 'mid_term', phanThiet);
    const district = reportData(
      demo.db,
      resolveScope(demo.db, 'system', { termId: demo.termId, unitId: phanThiet }, '2024-07-10'),
      { raw: true },
    );
    const book = await load(await buildReportXlsx({ kind: 'mid_term', settings, data: district }));
    const sheet = book.getWorksheet(SUMMARY_SHEET) as ExcelJS.Worksheet;
    const textOf = (v: ExcelJS.CellValue) =>
      v && typeof v === 'object' && 'richText' in v ? v.richText.map((x) => x.text).join('') : String(v);
    expect(textOf(sheet.getCell('A1').value)).toBe('HỘI LHPN THÀNH PHỐ PHAN THIẾT\nBAN THƯỜNG VỤ');
    expect(sheet.getCell('A2').value).toBe('Số:      /BC-HPN');
    expect(sheet.getCell('A3').value).toContain('tại thành phố Phan Thiết');
    expect(sheet.getCell('A5').value).toMatch(/^Hoàn thành 2\/3 chỉ tiêu/);
    const ct1 = book.getWorksheet('CT1') as ExcelJS.Worksheet;
    let total = 0;
    ct1.eachRow((row, n) => {
      if (row.getCell(3).value === 'Toàn thành phố Phan Thiết') total = n;
    });
    expect(total).toBeGreaterThan(0);
    expect(ct1.getCell(total, 8).value).toMatchObject({ result: 18 });
  });
});

describe('raw data as CSV', () => {
  it('is UTF-8 with a BOM, one row per unit × target indicator × period, columns in a fixed order', () => {
    const bytes = buildReportCsv(data);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // TextDecoder drops the BOM it reads.
    const text = new TextDecoder().decode(bytes);
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(RAW_COLUMNS.map((c) => c.header).join(','));
    expect(lines).toHaveLength((data.raw?.rows.length ?? 0) + 1);
    const province = lines.find(
      (l) => l.startsWith('BT-XV,60,Tỉnh Bình Thuận,') && l.includes(',NTM_GT,') && l.includes('01/01/2024'),
    );
    expect(province).toContain(',2210000000,"2,21 tỷ đồng",');
    expect(text).toContain('"\'=HYPERLINK(""http://x"",""bấm"")"');
  });
});

describe('text hygiene', () => {
  it('drops what XML cannot hold and composes Vietnamese', () => {
    expect(cleanText('a\u0000b\u0008c\u000Bd\uFFFEe\uD800f\uDC00g😀h\r\ni\tj')).toBe('abcdefg😀h\ni\tj');
    expect(cleanText('Vie\u0323\u0302t')).toBe('Việt');
  });
});
