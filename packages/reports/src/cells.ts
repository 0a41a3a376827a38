/**
 * Turning an exceljs cell into what a person typed. Files come from Excel, LibreOffice and other
 * tools, so one cell may hold a number, text ("3.000", "11,54"), rich text, a formula with its
 * cached result, a hyperlink, an error, a boolean or a date. Numbers become text in the Vietnamese
 * grammar so that the one parser in @chitieu/core (checkEntry → parseScaled) decides what they
 * mean: we never turn a float into a stored integer here.
 */
import type { CellText } from '@chitieu/core';
import type { CellValue } from 'exceljs';

type Scalar = number | string | boolean | Date | { error: string } | null;

/** Unwrap rich text, hyperlinks and formulas down to the value a person sees in the cell. */
export function scalarOf(value: CellValue): Scalar | { missingResult: true } {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return scalarOf(value.text as CellValue);
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: CellValue }).result;
    // A formula written by a tool that does not calculate carries no result: we cannot guess it.
    if (result === undefined) return { missingResult: true };
    return scalarOf(result);
  }
  return null;
}

const MISSING_RESULT =
  'Ô có công thức chưa được tính. Hãy mở tệp bằng Excel hoặc LibreOffice, lưu lại rồi tải lên.';
const errorMessage = (code: string) => `Ô bị lỗi ${code}: hãy sửa công thức hoặc nhập số.`;
const DATE_IN_NUMBER = 'Ô chứa ngày tháng, không phải số. Hãy nhập số (ví dụ 3.000 hoặc 11,54).';
/** 30/06/2025, 30-6-2025, 30.06.2025: a date typed as text into a number column. */
const DATE_TEXT = /^\d{1,2}([/.-])\d{1,2}\1\d{2,4}$/;

/**
 * The exact decimal text of a number in the Vietnamese grammar: 3000 → '3000', 87.5 → '87,5',
 * -4 → '-4'. Excel keeps 15 significant digits, so a formula's binary noise (0.1 + 0.2 =
 * 0.30000000000000004) is rounded away exactly as Excel shows it. `percent` multiplies by 100 by
 * moving the decimal point (a cell formatted 0.0% holding 0.875 means 87,5).
 */
export function numberText(n: number, percent = false): string | null {
  if (!Number.isFinite(n)) return null;
  let s = expandExponent(String(Number(n.toPrecision(15))));
  if (percent) s = shiftPoint(s, 2);
  return s.replace('.', ',');
}

function expandExponent(s: string): string {
  const m = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign = '', int = '', frac = '', exp = '0'] = m;
  return sign + shiftPoint(`${int}.${frac}`, Number(exp));
}

/** Move the decimal point of a plain decimal string `by` places to the right (negative: left). */
function shiftPoint(s: string, by: number): string {
  const negative = s.startsWith('-');
  const [int = '', frac = ''] = (negative ? s.slice(1) : s).split('.');
  let digits = int + frac;
  let point = int.length + by;
  if (point < 0) {
    digits = '0'.repeat(-point) + digits;
    point = 0;
  }
  if (point > digits.length) digits = digits.padEnd(point, '0');
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const rest = digits.slice(point).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${rest ? `.${rest}` : ''}`;
}

/** A number format that shows percentages (0%, 0.0%), ignoring quoted literal text. */
function isPercentFormat(numFmt: string | undefined): boolean {
  return !!numFmt && numFmt.replace(/"[^"]*"/g, '').includes('%');
}

/** A cell of a number column, as text for parseScaled, or a problem. */
export function numberCell(value: CellValue, numFmt?: string): CellText {
  const v = scalarOf(value);
  if (v === null) return { text: null };
  if (typeof v === 'object' && 'missingResult' in v) return { text: null, problem: MISSING_RESULT };
  if (typeof v === 'object' && 'error' in v) return { text: null, problem: errorMessage(v.error) };
  if (v instanceof Date) return { text: null, problem: DATE_IN_NUMBER };
  if (typeof v === 'boolean') {
    return { text: null, problem: 'Ô chứa giá trị đúng/sai (TRUE/FALSE), không phải số.' };
  }
  if (typeof v === 'number') {
    const text = numberText(v, isPercentFormat(numFmt));
    return text === null ? { text: null, problem: 'Ô không chứa số hợp lệ.' } : { text };
  }
  const text = v.trim();
  if (text === '') return { text: null };
  if (DATE_TEXT.test(text)) return { text, problem: DATE_IN_NUMBER };
  return { text };
}

/** A text cell (codes, notes): numbers as written (a code 22924 Excel turned into a number). */
export function textCell(value: CellValue): CellText {
  const v = scalarOf(value);
  if (v === null) return { text: null };
  if (typeof v === 'object' && 'missingResult' in v) return { text: null, problem: MISSING_RESULT };
  if (typeof v === 'object' && 'error' in v) return { text: null, problem: errorMessage(v.error) };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10) };
  const text = typeof v === 'number' ? (numberText(v) ?? '') : String(v).trim();
  return { text: text === '' ? null : text };
}

/** The evidence column: a hyperlink's target when the cell shows other text. */
export function linkCell(value: CellValue): CellText {
  if (value && typeof value === 'object' && 'hyperlink' in value && /^https?:\/\//i.test(value.hyperlink)) {
    return { text: value.hyperlink.trim() };
  }
  return textCell(value);
}

const YES = new Set(['co', 'dat', 'x', 'yes', 'y', 'true', '1']);
const NO = new Set(['khong', 'khong dat', 'chua dat', 'no', 'n', 'false', '0']);

/** Strip Vietnamese diacritics and case: 'Không đạt' → 'khong dat'. */
function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The "Đạt (Có/Không)" column: Có/Không (with or without diacritics), Đạt/Không đạt, TRUE/FALSE, 1/0. */
export function flagCell(value: CellValue): CellText & { flag: boolean | null } {
  const v = scalarOf(value);
  if (v === null) return { text: null, flag: null };
  if (typeof v === 'object' && 'missingResult' in v)
    return { text: null, flag: null, problem: MISSING_RESULT };
  if (typeof v === 'object' && 'error' in v)
    return { text: null, flag: null, problem: errorMessage(v.error) };
  if (typeof v === 'boolean') return { text: v ? 'Có' : 'Không', flag: v };
  const text = v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim();
  if (text === '') return { text: null, flag: null };
  const key = plain(text);
  if (YES.has(key)) return { text, flag: true };
  if (NO.has(key)) return { text, flag: false };
  return { text, flag: null, problem: 'Cột “Đạt” chỉ nhận “Có” hoặc “Không”.' };
}
