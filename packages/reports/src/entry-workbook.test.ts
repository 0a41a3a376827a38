import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EntryTemplateInput } from '@chitieu/core';
import { DomainError } from '@chitieu/core';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { flagCell, linkCell, numberCell, numberText, textCell } from './cells.ts';
import { COLUMNS, ENTRY_SHEET, META_SHEET, TEMPLATE_FORMAT, TEMPLATE_VERSION } from './entry-layout.ts';
import { readEntryWorkbook } from './entry-reader.ts';
import { buildEntryTemplate, HEADER_ROW } from './entry-template.ts';
import { checkZip, NOT_XLSX } from './zip.ts';

const indicator = (code: string, measureType: string, decimals = 0, measurementUnit = 'hộ') =>
  ({
    code,
    name: `Chỉ số ${code}`,
    measureType,
    decimals,
    measurementUnit,
  }) as EntryTemplateInput['rows'][number]['indicator'];
const figure = (f: Partial<{ value: number; numerator: number; denominator: number; meets: boolean }>) => ({
  value: null,
  numerator: null,
  denominator: null,
  meets: null,
  ...f,
});

const INPUT: EntryTemplateInput = {
  term: { id: 1, name: 'Nhiệm kỳ XV (2021–2026)' },
  unit: { id: 7, code: '22924', name: 'Phường Phú Thủy' },
  period: {
    id: 6,
    name: '6 tháng cuối năm 2024',
    label: '6 tháng cuối năm 2024 (01/07/2024 – 31/12/2024)',
    deadline: '2025-01-10',
  },
  rows: [
    {
      unit: { code: '22924', name: 'Phường Phú Thủy' },
      targetCode: 'CT2',
      indicator: indicator('THOATNGHEO', 'cumulative'),
      current: { ...figure({ value: 3000 }), note: 'Ghi chú cũ', evidenceUrl: null },
      previous: figure({ value: 12 }),
    },
    {
      unit: { code: '22924', name: 'Phường Phú Thủy' },
      targetCode: 'CT6',
      indicator: indicator('NANNHAN', 'ratio', 1, '%'),
      current: null,
      previous: figure({ numerator: 3, denominator: 4 }),
    },
    {
      unit: { code: '22924', name: 'Phường Phú Thủy' },
      targetCode: 'CT1',
      indicator: indicator('HD5LH', 'units_meeting', 1, 'cơ sở'),
      current: { ...figure({ meets: true }), note: null, evidenceUrl: null },
      previous: figure({ meets: false }),
    },
    {
      unit: { code: '22924', name: 'Phường Phú Thủy' },
      targetCode: 'X',
      indicator: indicator('TYLE', 'stock', 1, '%'),
      current: { ...figure({ value: 875 }), note: null, evidenceUrl: null },
      previous: null,
    },
  ],
};

async function load(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as never);
  return wb;
}
async function save(wb: ExcelJS.Workbook) {
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
/** The 400 message a function throws, for expect(). */
async function refusal(f: () => unknown): Promise<string> {
  try {
    await f();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('invalid');
    return (error as DomainError).message;
  }
  throw new Error('expected a refusal');
}

describe('cells as people typed them', () => {
  it('writes numbers as exact Vietnamese text, rounding float noise to the 15 digits Excel keeps', () => {
    expect(numberText(3000)).toBe('3000');
    expect(numberText(87.5)).toBe('87,5');
    expect(numberText(0.1 + 0.2)).toBe('0,3');
    expect(numberText(-4)).toBe('-4');
    expect(numberText(1e21)).toBe('1000000000000000000000');
    expect(numberText(1e-7)).toBe('0,0000001');
    expect(numberText(0.875, true)).toBe('87,5');
    expect(numberText(Number.NaN)).toBeNull();
  });

  it('reads every exceljs cell shape of a number column', () => {
    expect(numberCell(11540000000)).toEqual({ text: '11540000000' });
    expect(numberCell(0.875, '0.0%')).toEqual({ text: '87,5' });
    // A "%" in quotes is literal text: Excel shows the number as it is, so do we.
    expect(numberCell(0.875, '0.0"%"')).toEqual({ text: '0,875' });
    expect(numberCell(5, '#,##0 "hộ"')).toEqual({ text: '5' });
    expect(numberCell(' 3.000 ')).toEqual({ text: '3.000' });
    expect(numberCell('')).toEqual({ text: null });
    expect(numberCell(null)).toEqual({ text: null });
    expect(numberCell({ richText: [{ text: '1.2' }, { text: '34' }] })).toEqual({ text: '1.234' });
    expect(numberCell({ formula: 'A1*2', result: 24 })).toEqual({ text: '24' });
    expect(numberCell({ sharedFormula: 'H7', result: '11,54' } as never)).toEqual({ text: '11,54' });
    expect(numberCell({ text: '12', hyperlink: 'https://a.vn' })).toEqual({ text: '12' });
    expect(numberCell({ formula: 'A1*2' }).problem).toContain('công thức chưa được tính');
    expect(numberCell({ error: '#DIV/0!' }).problem).toContain('#DIV/0!');
    expect(numberCell({ formula: '1/0', result: { error: '#DIV/0!' } }).problem).toContain('#DIV/0!');
    expect(numberCell(new Date('2025-06-30')).problem).toContain('ngày tháng');
    expect(numberCell('30/06/2025').problem).toContain('ngày tháng');
    expect(numberCell(true).problem).toContain('TRUE/FALSE');
  });

  it('reads codes, yes/no and links', () => {
    expect(textCell(22924)).toEqual({ text: '22924' });
    expect(textCell({ richText: [{ text: 'THOAT' }, { text: 'NGHEO ' }] })).toEqual({ text: 'THOATNGHEO' });
    for (const yes of ['Có', 'co', 'ĐẠT', 'x', true, 1]) expect(flagCell(yes).flag).toBe(true);
    for (const no of ['Không', 'khong', 'Không đạt', false, 0]) expect(flagCell(no).flag).toBe(false);
    expect(flagCell('có lẽ').problem).toContain('Có');
    expect(flagCell(null)).toEqual({ text: null, flag: null });
    expect(linkCell({ text: 'Biên bản', hyperlink: 'https://hoi.vn/bb.pdf' })).toEqual({
      text: 'https://hoi.vn/bb.pdf',
    });
    expect(linkCell('https://hoi.vn/a')).toEqual({ text: 'https://hoi.vn/a' });
  });
});

describe('the fill-in template', () => {
  it('has the headers, a title with unit, period and deadline, frozen panes and widths', async () => {
    const wb = await load(await buildEntryTemplate(INPUT));
    const ws = wb.getWorksheet(ENTRY_SHEET) as ExcelJS.Worksheet;
    expect((ws.getRow(HEADER_ROW).values as unknown[]).slice(1)).toEqual(COLUMNS.map((c) => c.header));
    expect(ws.getCell('A3').value).toContain('Phường Phú Thủy');
    expect(ws.getCell('A4').value).toBe(
      'Kỳ báo cáo: 6 tháng cuối năm 2024 (01/07/2024 – 31/12/2024) — Hạn nộp: 10/01/2025',
    );
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
    expect(ws.getColumn(5).width).toBe(48);
  });

  it('protects the sheet and opens only the answer cells of each measure type, with validation', async () => {
    const wb = await load(await buildEntryTemplate(INPUT));
    const ws = wb.getWorksheet(ENTRY_SHEET) as ExcelJS.Worksheet;
    // exceljs reads the protection but does not declare it in its types.
    expect((ws as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({ sheet: true });
    const open = (address: string) => ws.getCell(address).protection?.locked === false;
    // Row 7 cumulative: Giá trị, Ghi chú, Minh chứng.
    expect(['A7', 'G7', 'H7', 'I7', 'J7', 'K7', 'L7', 'M7'].map(open)).toEqual([
      false,
      false,
      true,
      false,
      false,
      false,
      true,
      true,
    ]);
    expect(['H8', 'I8', 'J8', 'K8'].map(open)).toEqual([false, true, true, false]); // ratio
    expect(['H9', 'I9', 'J9', 'K9'].map(open)).toEqual([false, false, false, true]); // yes/no
    expect(ws.getCell('H7').dataValidation).toMatchObject({
      type: 'whole',
      operator: 'greaterThanOrEqual',
      formulae: [0],
    });
    expect(ws.getCell('H10').dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'greaterThanOrEqual',
    });
    expect(ws.getCell('I8').dataValidation).toMatchObject({ type: 'whole' });
    expect(ws.getCell('K9').dataValidation).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });
  });

  it('pre-fills current values in US-style number formats, the previous period beside them', async () => {
    const wb = await load(await buildEntryTemplate(INPUT));
    const ws = wb.getWorksheet(ENTRY_SHEET) as ExcelJS.Worksheet;
    expect([ws.getCell('H7').value, ws.getCell('H7').numFmt, ws.getCell('G7').value]).toEqual([
      3000,
      '#,##0',
      12,
    ]);
    expect([
      ws.getCell('L7').value,
      ws.getCell('G8').value,
      ws.getCell('K9').value,
      ws.getCell('G9').value,
    ]).toEqual(['Ghi chú cũ', '3/4', 'Có', 'Không']);
    expect([ws.getCell('H10').value, ws.getCell('H10').numFmt]).toEqual([87.5, '#,##0.0']);
  });

  it('records term, unit, period and format version on a very hidden sheet', async () => {
    const wb = await load(await buildEntryTemplate(INPUT));
    const meta = wb.getWorksheet(META_SHEET) as ExcelJS.Worksheet;
    expect(meta.state).toBe('veryHidden');
    const values = Object.fromEntries(
      meta.getSheetValues().flatMap((r) => (Array.isArray(r) ? [[r[1], r[2]]] : [])),
    );
    expect(values).toMatchObject({
      format: TEMPLATE_FORMAT,
      version: TEMPLATE_VERSION,
      termId: 1,
      unitId: 7,
      periodId: 6,
    });
  });
});

describe('reading a filled template', () => {
  it('reads back what the template wrote, unchanged', async () => {
    const book = await readEntryWorkbook(await buildEntryTemplate(INPUT));
    expect(book.meta).toEqual({ termId: 1, unitId: 7, periodId: 6 });
    expect(book.sheet).toBe(ENTRY_SHEET);
    expect(book.rows.map((r) => [r.row, r.unitCode.text, r.indicatorCode.text])).toEqual([
      [7, '22924', 'THOATNGHEO'],
      [8, '22924', 'NANNHAN'],
      [9, '22924', 'HD5LH'],
      [10, '22924', 'TYLE'],
    ]);
    expect(book.rows[0]?.value).toEqual({ text: '3000', address: 'H7' });
    expect(book.rows[3]?.value.text).toBe('87,5');
    expect(book.rows[2]?.meets.flag).toBe(true);
  });

  it('reads odd shapes other tools write: numbers as text, formulas, rich text, links, errors, text dates', async () => {
    const wb = await load(await buildEntryTemplate(INPUT));
    const ws = wb.getWorksheet(ENTRY_SHEET) as ExcelJS.Worksheet;
    ws.getCell('A7').value = 22924; // a code Excel turned into a number
    ws.getCell('H7').value = { formula: 'G7*250', result: 3000 };
    ws.getCell('I8').value = { richText: [{ text: '1' }, { text: '2', font: { bold: true } }] };
    ws.getCell('J8').value = '1.500';
    ws.getCell('K9').value = { formula: 'IF(1,"Không","Có")', result: 'Không' };
    ws.getCell('M7').value = { text: 'Biên bản', hyperlink: 'https://hoi.vn/bb.pdf' };
    ws.getCell('H10').value = '30/06/2025';
    const book = await readEntryWorkbook(await save(wb));
    const [a, b, c, d] = book.rows;
    expect([a?.unitCode.text, a?.value.text, a?.evidenceUrl.text]).toEqual([
      '22924',
      '3000',
      'https://hoi.vn/bb.pdf',
    ]);
    expect([b?.numerator.text, b?.denominator.text]).toEqual(['12', '1.500']);
    expect(c?.meets.flag).toBe(false);
    expect(d?.value).toMatchObject({ address: 'H10', problem: expect.stringContaining('ngày tháng') });
  });

  it('reads a workbook made from scratch the way LibreOffice saves it (no styles, codes as numbers)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['Biểu do LibreOffice lưu']);
    ws.addRow(COLUMNS.map((c) => c.header));
    ws.addRow([22924, 'Phú Thủy', 'CT2', 'THOATNGHEO', '', '', '', '2.500', null, null, null, ' ghi chú ']);
    ws.addRow([22924, 'Phú Thủy', 'CT6', 'NANNHAN', '', '', '', null, 7, { formula: 'I3+1', result: 8 }]);
    ws.addRow([]);
    ws.addRow([22924, 'Phú Thủy', 'CT1', 'HD5LH', '', '', '', null, null, null, true]);
    const meta = wb.addWorksheet(META_SHEET, { state: 'hidden' });
    meta.addRows([
      ['format', TEMPLATE_FORMAT],
      ['version', String(TEMPLATE_VERSION)],
      ['termId', '1'],
      ['unitId', '7'],
      ['periodId', '6'],
    ]);
    const book = await readEntryWorkbook(await save(wb));
    expect(book.sheet).toBe('Sheet1');
    expect(book.meta).toEqual({ termId: 1, unitId: 7, periodId: 6 });
    expect(
      book.rows.map((r) => [r.row, r.value.text, r.numerator.text, r.denominator.text, r.meets.flag]),
    ).toEqual([
      [3, '2.500', null, null, null],
      [4, null, '7', '8', null],
      [6, null, null, null, true],
    ]);
    expect(book.rows[0]?.note.text).toBe('ghi chú');
  });

  it.skipIf(!hasSoffice())('reads the template after a LibreOffice round trip', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-lo-'));
    writeFileSync(join(dir, 'in.xlsx'), await buildEntryTemplate(INPUT));
    execFileSync('soffice', [
      '--headless',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      join(dir, 'out'),
      join(dir, 'in.xlsx'),
    ]);
    const book = await readEntryWorkbook(readFileSync(join(dir, 'out', 'in.xlsx')));
    expect(book.meta).toEqual({ termId: 1, unitId: 7, periodId: 6 });
    expect(book.rows.map((r) => r.indicatorCode.text)).toEqual(['THOATNGHEO', 'NANNHAN', 'HD5LH', 'TYLE']);
    expect(book.rows[3]?.value.text).toBe('87,5');
  });

  it('refuses workbooks that are not our template, naming what is wrong', async () => {
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Sheet1').addRow(['Mã đơn vị', 'Mã chỉ số']);
    expect(await refusal(async () => readEntryWorkbook(await save(plain)))).toContain(
      'không phải là biểu mẫu',
    );

    const old = await load(await buildEntryTemplate(INPUT));
    (old.getWorksheet(META_SHEET) as ExcelJS.Worksheet).getCell('B2').value = 0;
    expect(await refusal(async () => readEntryWorkbook(await save(old)))).toContain('Hãy tải biểu mẫu mới');

    const noValue = await load(await buildEntryTemplate(INPUT));
    (noValue.getWorksheet(ENTRY_SHEET) as ExcelJS.Worksheet).getCell(HEADER_ROW, 8).value = 'Số liệu';
    expect(await refusal(async () => readEntryWorkbook(await save(noValue)))).toContain(
      'Thiếu cột “Giá trị”',
    );
  });
});

describe('files that are not spreadsheets, and zip bombs', () => {
  const zipOf = async (files: Record<string, Uint8Array | string>, level = 6) => {
    const zip = new JSZip();
    for (const [name, data] of Object.entries(files)) zip.file(name, data);
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level } });
  };

  it('refuses a PDF, random bytes, a truncated file and a zip that is not a workbook', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF');
    const random = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251);
    const template = await buildEntryTemplate(INPUT);
    const docx = await zipOf({ 'word/document.xml': '<w:document/>', '[Content_Types].xml': '<Types/>' });
    for (const bytes of [pdf, random, new Uint8Array(0), template.subarray(0, 2000), docx]) {
      expect(await refusal(() => readEntryWorkbook(bytes))).toBe(NOT_XLSX);
    }
  });

  it('passes a real template: every part within limits', async () => {
    const entries = checkZip(await buildEntryTemplate(INPUT));
    expect(entries.map((e) => e.name)).toContain('xl/worksheets/sheet1.xml');
  });

  it('refuses a small file that expands past 50 MB, before inflating it', async () => {
    const bomb = await zipOf({ 'xl/worksheets/sheet1.xml': new Uint8Array(100 * 1024 * 1024) }, 9);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const started = performance.now();
    expect(await refusal(() => readEntryWorkbook(bomb))).toContain('giải nén ra quá lớn');
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('refuses an entry compressed more than 200:1, even under 50 MB in all', async () => {
    const dense = await zipOf({ 'xl/sharedStrings.xml': 'a'.repeat(5 * 1024 * 1024) }, 9);
    try {
      checkZip(dense);
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as DomainError).details).toMatchObject({ reason: 'compression_ratio' });
    }
  });

  it('does not believe a central directory that understates an entry', async () => {
    const bytes = await zipOf({ 'xl/a.xml': 'x'.repeat(3_000_000) }, 1);
    // Patch the declared size in the central directory (offset 24 of its one entry) down to 1.000.
    const view = new DataView(bytes.buffer);
    const central = bytes.findLastIndex(
      (_, i) => i + 4 <= bytes.length && view.getUint32(i, true) === 0x02014b50,
    );
    view.setUint32(central + 24, 1000, true);
    try {
      checkZip(bytes);
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as DomainError).details).toMatchObject({ reason: 'size_mismatch' });
    }
  });
});

function hasSoffice(): boolean {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
