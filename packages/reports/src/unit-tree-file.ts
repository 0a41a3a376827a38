/**
 * A unit tree as a file, in the format of the shared `units-2021.csv`: `code,name,type,parent_code`
 * (plus an optional `grassroots` column, 1/0, which the export writes). Reading accepts CSV in UTF-8
 * (with or without BOM), UTF-16 LE/BE (Excel's "Unicode text", tab-separated) and Windows-1258, and
 * XLSX. Whatever cannot be decoded with confidence is refused: a mis-decoded name stored once would
 * show as mojibake on every screen and report afterwards.
 */

import { invalid } from '@chitieu/core';
import iconv from 'iconv-lite';
import { scalarOf } from './cells.ts';
import { loadExcel } from './excel.ts';
import { neutraliseFormula, unguardFormula } from './report-text.ts';
import { checkZip, looksLikeZip, NOT_XLSX } from './zip.ts';

export interface TreeFileRow {
  /** The row number in the file (the header is row 1), for problems "dòng 7: …". */
  row: number;
  code: string;
  name: string;
  type: string;
  parentCode: string;
  /** From the optional `grassroots` column; null when absent or empty (the type decides). */
  grassroots: boolean | null;
}

export interface TreeFileProblem {
  row: number;
  message: string;
}

export interface TreeFile {
  format: 'csv' | 'xlsx';
  /** What the bytes were decoded as, shown in the preview. */
  encoding: string;
  rows: TreeFileRow[];
  problems: TreeFileProblem[];
}

export interface TreeExportRow {
  code: string;
  name: string;
  type: string;
  parentCode: string;
  grassroots: boolean;
}

export const TREE_COLUMNS = ['code', 'name', 'type', 'parent_code', 'grassroots'] as const;
type Column = (typeof TREE_COLUMNS)[number];

/** Header names accepted for each column (lower-cased, trimmed): the file's own and Vietnamese ones. */
const ALIASES: Record<Column, string[]> = {
  code: ['code', 'mã', 'mã đơn vị', 'ma'],
  name: ['name', 'tên', 'tên đơn vị', 'ten'],
  type: ['type', 'loại', 'loại đơn vị', 'cấp'],
  parent_code: ['parent_code', 'parent code', 'mã cấp trên', 'mã đơn vị cấp trên'],
  grassroots: ['grassroots', 'cơ sở hội', 'is_grassroots'],
};
const REQUIRED: Column[] = ['code', 'name', 'type', 'parent_code'];

const UNREADABLE =
  'Không đọc được bảng mã của tệp. Hãy mở tệp trong Excel và lưu lại dạng “CSV UTF-8 (phân tách bằng dấu phẩy)” rồi tải lên lại.';
const MOJIBAKE =
  'Tên trong tệp đã bị lỗi phông (ví dụ “Tá»‰nh” thay cho “Tỉnh”): tệp đã bị đọc sai bảng mã trước khi lưu. Hãy xuất lại tệp từ nguồn gốc dạng CSV UTF-8.';

// ---------------------------------------------------------------- decoding

/** Marks Vietnamese puts on letters (after NFD): grave, acute, tilde, hook, dot below, breve, circumflex, horn. */
const VIETNAMESE_MARKS = new Set([
  '\u0300',
  '\u0301',
  '\u0303',
  '\u0309',
  '\u0323',
  '\u0306',
  '\u0302',
  '\u031b',
]);

/** Whether every letter of the text is a Vietnamese (or plain Latin) letter. */
export function looksVietnamese(text: string): boolean {
  for (const ch of text.normalize('NFC')) {
    if (!/\p{L}/u.test(ch)) continue;
    if (/[A-Za-zđĐ]/.test(ch)) continue;
    const [base = '', ...marks] = ch.normalize('NFD');
    if (!/[A-Za-z]/.test(base) || marks.length === 0 || !marks.every((m) => VIETNAMESE_MARKS.has(m))) {
      return false;
    }
  }
  return true;
}

/** UTF-8 text that was once read as Windows-1252 and saved again: "Tá»‰nh", "PhÆ°á»ng". */
const MOJIBAKE_PATTERN =
  /[ÃÄÆÅá][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/;

export function decodeText(bytes: Uint8Array): { text: string; encoding: string } {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text: string;
  let encoding: string;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    text = strictUtf8(buf.subarray(3));
    encoding = 'UTF-8 (có BOM)';
  } else if (buf[0] === 0xff && buf[1] === 0xfe) {
    text = iconv.decode(buf.subarray(2), 'utf-16le');
    encoding = 'UTF-16 LE';
  } else if (buf[0] === 0xfe && buf[1] === 0xff) {
    text = iconv.decode(buf.subarray(2), 'utf-16be');
    encoding = 'UTF-16 BE';
  } else if (buf.length >= 4 && buf[1] === 0 && buf[3] === 0 && buf[0] !== 0) {
    // UTF-16 without its byte-order mark: ASCII header letters leave every second byte zero.
    text = iconv.decode(buf, 'utf-16le');
    encoding = 'UTF-16 LE';
  } else if (buf.length >= 4 && buf[0] === 0 && buf[2] === 0 && buf[1] !== 0) {
    text = iconv.decode(buf, 'utf-16be');
    encoding = 'UTF-16 BE';
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
      encoding = 'UTF-8';
    } catch {
      // Not UTF-8: the Vietnamese Windows code page is what older Excel saves "CSV" in.
      text = iconv.decode(buf, 'windows-1258');
      encoding = 'Windows-1258';
    }
  }
  text = text.normalize('NFC');
  if (MOJIBAKE_PATTERN.test(text)) throw invalid(MOJIBAKE);
  if (text.includes('\u0000') || text.includes('\uFFFD') || /[\u0080-\u009F]/.test(text)) {
    throw invalid(UNREADABLE);
  }
  if (!looksVietnamese(text)) throw invalid(UNREADABLE);
  return { text, encoding };
}

function strictUtf8(buf: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw invalid(UNREADABLE);
  }
}

// ---------------------------------------------------------------- CSV

/** RFC 4180 fields with the given delimiter; quoted fields may hold delimiters, quotes and newlines. */
export function parseCsv(text: string, delimiter: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) {
      cells.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      cells.push(field);
      records.push({ line: startLine, cells });
      cells = [];
      field = '';
      line++;
      startLine = line;
    } else field += ch;
  }
  if (field !== '' || cells.length > 0) {
    cells.push(field);
    records.push({ line: startLine, cells });
  }
  return records;
}

function delimiterOf(headerLine: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, headerLine.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

// ---------------------------------------------------------------- rows

/** A spreadsheet's guard against formulas (`'=…`) is taken off again on the way in. */
const unguard = unguardFormula;

function grassrootsOf(text: string): boolean | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return null;
  if (['1', 'x', 'có', 'co', 'true', 'yes'].includes(t)) return true;
  if (['0', 'không', 'khong', 'false', 'no'].includes(t)) return false;
  return undefined;
}

function rowsFromRecords(
  records: { line: number; cells: string[] }[],
): Omit<TreeFile, 'format' | 'encoding'> {
  const header = records.find((r) => r.cells.some((c) => c.trim() !== ''));
  if (!header) throw invalid('Tệp không có dữ liệu.');
  const columns = new Map<Column, number>();
  header.cells.forEach((cell, index) => {
    const name = cell
      .replace(/^\uFEFF/, '')
      .trim()
      .toLowerCase();
    const column = TREE_COLUMNS.find((c) => ALIASES[c].includes(name));
    if (column && !columns.has(column)) columns.set(column, index);
  });
  const missing = REQUIRED.filter((c) => !columns.has(c));
  if (missing.length > 0) {
    throw invalid(
      `Dòng tiêu đề thiếu cột ${missing.map((c) => `“${c}”`).join(', ')}. Tệp cần các cột code, name, type, parent_code.`,
    );
  }
  const rows: TreeFileRow[] = [];
  const problems: TreeFileProblem[] = [];
  for (const record of records) {
    if (record === header || record.cells.every((c) => c.trim() === '')) continue;
    const at = (c: Column) => {
      const index = columns.get(c);
      return index === undefined ? '' : unguard((record.cells[index] ?? '').trim()).normalize('NFC');
    };
    const grassroots = grassrootsOf(at('grassroots'));
    if (grassroots === undefined) {
      problems.push({
        row: record.line,
        message: `Cột grassroots chỉ nhận 1/0 (có/không), không phải “${at('grassroots')}”.`,
      });
    }
    rows.push({
      row: record.line,
      code: at('code'),
      name: at('name').replace(/\s+/g, ' '),
      type: at('type'),
      parentCode: at('parent_code'),
      grassroots: grassroots ?? null,
    });
  }
  return { rows, problems };
}

async function readXlsx(bytes: Uint8Array): Promise<{ line: number; cells: string[] }[]> {
  checkZip(bytes);
  const wb = new (await loadExcel()).Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw invalid(NOT_XLSX);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw invalid(NOT_XLSX);
  const records: { line: number; cells: string[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, TREE_COLUMNS.length); c++) {
      const v = scalarOf(row.getCell(c).value);
      // Codes Excel turned into numbers are written back as digits (never with thousands dots).
      cells.push(v === null || typeof v === 'object' ? '' : String(v));
    }
    records.push({ line, cells });
  });
  return records;
}

/** Read a tree file (CSV or XLSX, told apart by content): rows, or a refusal with the reason. */
export async function readUnitTreeFile(bytes: Uint8Array): Promise<TreeFile> {
  if (bytes.byteLength === 0) throw invalid('Tệp rỗng.');
  if (looksLikeZip(bytes)) {
    return { format: 'xlsx', encoding: 'XLSX', ...rowsFromRecords(await readXlsx(bytes)) };
  }
  const { text, encoding } = decodeText(bytes);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return { format: 'csv', encoding, ...rowsFromRecords(parseCsv(text, delimiterOf(firstLine))) };
}

// ---------------------------------------------------------------- export

function csvField(value: string): string {
  const text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const cellsOf = (r: TreeExportRow) => [r.code, r.name, r.type, r.parentCode, r.grassroots ? '1' : '0'];

/** UTF-8 with BOM (Excel then reads the Vietnamese right), CRLF line ends, the import's own columns. */
export function buildUnitTreeCsv(rows: TreeExportRow[]): Uint8Array {
  const lines = [TREE_COLUMNS.join(','), ...rows.map((r) => cellsOf(r).map(csvField).join(','))];
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

export async function buildUnitTreeXlsx(rows: TreeExportRow[]): Promise<Buffer> {
  const wb = new (await loadExcel()).Workbook();
  const ws = wb.addWorksheet('Đơn vị');
  ws.columns = [
    { header: 'code', width: 12 },
    { header: 'name', width: 40 },
    { header: 'type', width: 18 },
    { header: 'parent_code', width: 14 },
    { header: 'grassroots', width: 12 },
  ];
  ws.getRow(1).font = { bold: true };
  // Codes stay text, so 060 keeps its zero and Excel does not group digits.
  ws.getColumn(1).numFmt = '@';
  ws.getColumn(4).numFmt = '@';
  for (const r of rows) ws.addRow([...cellsOf(r).slice(0, 4).map(neutraliseFormula), r.grassroots ? 1 : 0]);
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
