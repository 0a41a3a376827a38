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
import { buildReportXlsx, RAW_SHEET, SUMMARY_SHEET } from './report-xlsx.ts';

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

describe('mid-term report as XLSX', () => {
  it('has a summary like the screen: figures, live % formulas with results, statuses in words', () => {
    const sheet = workbook.getWorksheet(SUMMARY_SHEET) as ExcelJS.Worksheet;
    expect(sheet.getCell('A1').value).toContain('Sơ kết giữa nhiệm kỳ');
    expect(sheet.getCell('A3').value).toMatch(/^Hoàn thành 7\/8 chỉ tiêu/);
    expect(sheet.getRow(4).values).toEqual([
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
    const rowOf = (code: string) => {
      for (let r = 5; r <= sheet.rowCount; r++) if (sheet.getCell(r, 9).value === code) return r;
      throw new Error(`no row for ${code}`);
    };
    // CT1 is the first target, on row 5.
    expect(rowOf('CT1')).toBe(5);
    expect(sheet.getCell('E5').value).toBe(1);
    expect(sheet.getCell('E5').numFmt).toBe('0.0%');
    expect(sheet.getCell('F5').value).toEqual({ formula: 'E5/D5', result: 1 });

    const ct2 = rowOf('CT2');
    expect(sheet.getCell(ct2, 4).value).toBe(700);
    expect(sheet.getCell(ct2, 5).value).toBe(746);
    expect(sheet.getCell(ct2, 5).numFmt).toBe('#,##0');
    expect(sheet.getCell(ct2, 6).value).toEqual({ formula: `E${ct2}/D${ct2}`, result: 746 / 700 });
    expect(sheet.getCell(ct2, 6).numFmt).toBe('0.0%');
    expect(sheet.getCell(ct2, 7).value).toBe('Vượt');
    expect(sheet.getCell(rowOf('CT4'), 5).value).toBe(2986);
    expect(sheet.getCell(rowOf('CT3'), 8).value).toContain('Trị giá 11,54 tỷ đồng');
    expect(sheet.getCell(rowOf('CT6'), 5).value).toBeCloseTo(0.838, 10);
    expect(sheet.getCell(rowOf('CT7'), 5).value).toBe(21_350_000_000);
    expect(sheet.getCell(rowOf('CT8'), 7).value).toBe('Khó đạt');
    // Supplementary figures have no goal: no formula.
    expect(sheet.getCell(rowOf('BS1'), 6).value).toBe('—');
  });

  it('freezes the header and prints on A4 landscape, fitted to the width', () => {
    const sheet = workbook.getWorksheet(SUMMARY_SHEET) as ExcelJS.Worksheet;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 4 });
    expect(sheet.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
    });
  });

  it('has one sheet per target with the breakdown by unit, and the raw data with an autofilter', () => {
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toEqual([SUMMARY_SHEET, ...data.targets.map((t) => t.code), RAW_SHEET]);
    const ct3 = workbook.getWorksheet('CT3') as ExcelJS.Worksheet;
    expect(ct3.getCell('C5').value).toBe('Thành phố Phan Thiết');
    // The last data row is the scope's own figure, equal to the summary's.
    let totalRow = 0;
    ct3.eachRow((row, n) => {
      if (String(row.getCell(3).value).startsWith('Toàn ')) totalRow = n;
    });
    expect(ct3.getCell(totalRow, 5).value).toBe(584);
    expect(ct3.getCell(totalRow, 8).value).toBe(11_540_000_000);

    const raw = workbook.getWorksheet(RAW_SHEET) as ExcelJS.Worksheet;
    expect(raw.getRow(1).values).toEqual([undefined, ...RAW_COLUMNS.map((c) => c.header)]);
    expect(raw.autoFilter).toBeTruthy();
    expect(raw.rowCount - 1).toBe(data.raw?.rows.length);
    // The province's CT2 rows add up to the dashboard's 746.
    const col = (key: string) => RAW_COLUMNS.findIndex((c) => c.key === key) + 1;
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
            expect(cell.formula).toMatch(/^E\d+\/D\d+$/);
          }
        }),
      );
    }
    expect(formulas).toBeGreaterThan(8);
    expect(safeCellText('+1')).toBe("'+1");
    expect(safeCellText('-x')).toBe("'-x");
    expect(safeCellText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(safeCellText('Bình thường')).toBe('Bình thường');
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
