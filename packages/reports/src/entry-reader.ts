/**
 * Reading an uploaded entry workbook: refuse what is not a safe XLSX, find our metadata and the
 * header row, and read every data row's cells as text (see cells.ts). Deciding what the text means
 * (numbers, units, rights) is the database layer's job: it knows the indicators.
 */
import { type CellText, type EntryWorkbook, invalid, type SheetRow, type TemplateMeta } from '@chitieu/core';
import type ExcelJS from 'exceljs';
import { flagCell, linkCell, numberCell, textCell } from './cells.ts';
import {
  COLUMNS,
  type ColumnKey,
  ENTRY_SHEET,
  INPUT_COLUMNS,
  META_SHEET,
  TEMPLATE_FORMAT,
  TEMPLATE_VERSION,
} from './entry-layout.ts';
import { loadExcel } from './excel.ts';
import { unguardFormula } from './report-text.ts';
import { checkZip, NOT_XLSX } from './zip.ts';

const NOT_OURS =
  'Tệp không phải là biểu mẫu nhập liệu của Chỉ tiêu. Hãy tải biểu mẫu Excel của đơn vị và kỳ báo cáo, nhập vào đó rồi tải lên.';

/** How many rows from the top to look for the header in (the template puts it on row 6). */
const HEADER_SEARCH_ROWS = 30;

export async function readEntryWorkbook(bytes: Uint8Array): Promise<EntryWorkbook> {
  checkZip(bytes);
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    // A zip that is not a spreadsheet (a .docx, a jar) or a damaged one: exceljs throws assorted errors.
    throw invalid(NOT_XLSX);
  }
  // A zip of something else (a .docx) loads as a workbook without sheets.
  if (wb.worksheets.length === 0) throw invalid(NOT_XLSX);
  const meta = readMeta(wb);
  const ws = wb.getWorksheet(ENTRY_SHEET) ?? wb.worksheets.find((w) => findHeader(w) !== null);
  const header = ws ? findHeader(ws) : null;
  if (!ws || !header) {
    throw invalid(`Không tìm thấy trang “${ENTRY_SHEET}” với dòng tiêu đề (Mã đơn vị, Mã chỉ số, Giá trị…).`);
  }
  const missing = INPUT_COLUMNS.filter((k) => !header.columns.has(k));
  if (missing.length > 0) {
    const names = missing.map((k) => `“${COLUMNS.find((c) => c.key === k)?.header}”`).join(', ');
    throw invalid(`Thiếu cột ${names} trong dòng tiêu đề (dòng ${header.row}). Hãy dùng biểu mẫu tải về.`);
  }

  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n <= header.row) return;
    const at = (key: ColumnKey) => row.getCell(header.columns.get(key) as number);
    const read = <T extends CellText>(key: ColumnKey, f: (c: ExcelJS.Cell) => T) => {
      const cell = at(key);
      return { ...f(cell), address: cell.address };
    };
    const r: SheetRow = {
      row: n,
      unitCode: read('unitCode', (c) => textCell(c.value)),
      indicatorCode: read('indicatorCode', (c) => textCell(c.value)),
      value: read('value', (c) => numberCell(c.value, c.numFmt)),
      numerator: read('numerator', (c) => numberCell(c.value, c.numFmt)),
      denominator: read('denominator', (c) => numberCell(c.value, c.numFmt)),
      meets: read('meets', (c) => flagCell(c.value)),
      // Our template guards a note that looks like a formula ('=…): the note is the text after it.
      note: read('note', (c) => unguardedText(textCell(c.value))),
      evidenceUrl: read('evidenceUrl', (c) => linkCell(c.value)),
    };
    const blank = INPUT_COLUMNS.every((k) => r[k].text === null && !r[k].problem);
    if (!blank) rows.push(r);
  });
  return { sheet: ws.name, meta, rows };
}

const unguardedText = (cell: CellText): CellText =>
  cell.text === null ? cell : { ...cell, text: unguardFormula(cell.text) };

const norm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
const HEADERS = new Map(COLUMNS.map((c) => [norm(c.header), c.key]));

function findHeader(ws: ExcelJS.Worksheet): { row: number; columns: Map<ColumnKey, number> } | null {
  for (let n = 1; n <= Math.min(ws.rowCount, HEADER_SEARCH_ROWS); n++) {
    const columns = new Map<ColumnKey, number>();
    ws.getRow(n).eachCell((cell, c) => {
      const text = textCell(cell.value).text;
      const key = text ? HEADERS.get(norm(text)) : undefined;
      if (key && !columns.has(key)) columns.set(key, c);
    });
    if (columns.has('unitCode') && columns.has('indicatorCode')) return { row: n, columns };
  }
  return null;
}

/** The hidden sheet's key/value rows: which term, unit and period the file was made for. */
function readMeta(wb: ExcelJS.Workbook): TemplateMeta {
  const ws = wb.getWorksheet(META_SHEET);
  if (!ws) throw invalid(NOT_OURS);
  const values = new Map<string, string>();
  ws.eachRow((row) => {
    const key = textCell(row.getCell(1).value).text;
    const value = textCell(row.getCell(2).value).text;
    if (key && value) values.set(key, value);
  });
  if (values.get('format') !== TEMPLATE_FORMAT) throw invalid(NOT_OURS);
  const version = Number(values.get('version'));
  if (version !== TEMPLATE_VERSION) {
    throw invalid(
      `Biểu mẫu này thuộc phiên bản ${values.get('version')}, không còn dùng được. Hãy tải biểu mẫu mới.`,
    );
  }
  const id = (key: string) => {
    const n = Number(values.get(key));
    if (!Number.isSafeInteger(n) || n <= 0) throw invalid(NOT_OURS);
    return n;
  };
  return { termId: id('termId'), unitId: id('unitId'), periodId: id('periodId') };
}
