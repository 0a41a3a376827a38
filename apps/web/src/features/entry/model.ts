/**
 * The entry grid's rules as pure functions: which cells a row has, the text a stored value is shown
 * as (and read back from, exactly), checking what was typed with @chitieu/core's checkEntry (the
 * server runs the same), and where a block pasted from Excel lands. Tested in model.test.ts.
 */
import {
  checkEntry,
  type EntryCheck,
  formatInteger,
  formatMoney,
  formatRatioPercent,
  formatScaled,
  type MeasureType,
  type PlausibilityRule,
  parseMoney,
  parseScaled,
  type ResultFlag,
} from '@chitieu/core';

export const FIELDS = ['value', 'numerator', 'denominator', 'meets', 'note', 'evidenceUrl'] as const;
export type Field = (typeof FIELDS)[number];
export type Texts = Record<Field, string>;
export const VALUE_FIELDS = [
  'value',
  'numerator',
  'denominator',
  'meets',
] as const satisfies readonly Field[];

/**
 * The grid's columns, left to right, for moving with the keyboard and for pasting: the main figure
 * (value, numerator, or Đạt/Không đạt), the denominator (ratios only), the note, the evidence link.
 */
export const COLUMNS = ['main', 'denominator', 'note', 'evidenceUrl'] as const;
export type Column = (typeof COLUMNS)[number];

export interface IndicatorLike {
  measureType: MeasureType;
  decimals: number;
  measurementUnit: string;
}

export interface ResultLike {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  meets: boolean | null;
  note: string | null;
  evidenceUrl: string | null;
  version: number;
  /** Set by the server on save: outside the plausibility rule (docs/decisions/0025). */
  flag?: ResultFlag | null;
}

export interface RowLike {
  indicator: IndicatorLike;
  applicable: boolean;
  result: ResultLike | null;
  previous: { value: number | null } | null;
  sameLastYear: { value: number | null } | null;
  allocation: number | null;
  /** The indicator's plausibility rule as the server judges by it. */
  plausibility?: PlausibilityRule;
}

/** The field in a column of a row, or null where the row has no such cell. */
export function fieldAt(row: Pick<RowLike, 'indicator' | 'applicable'>, column: Column): Field | null {
  if (!row.applicable) return null;
  const type = row.indicator.measureType;
  switch (column) {
    case 'main':
      return type === 'ratio' ? 'numerator' : type === 'units_meeting' ? 'meets' : 'value';
    case 'denominator':
      return type === 'ratio' ? 'denominator' : null;
    default:
      return column;
  }
}

/** The row's cells as [column index, field], left to right. */
export function rowCells(row: Pick<RowLike, 'indicator' | 'applicable'>): [number, Field][] {
  const cells: [number, Field][] = [];
  COLUMNS.forEach((column, index) => {
    const field = fieldAt(row, column);
    if (field) cells.push([index, field]);
  });
  return cells;
}

/**
 * A stored value as the cell shows it, in a form that reads back to exactly the same integer:
 * '3.000', '87,5', money as '11,54 tỷ' when that is exact, else in đồng ('2.153.456.789').
 */
export function valueCellText(indicator: IndicatorLike, value: number): string {
  if (indicator.measureType === 'amount') {
    const short = formatMoney(value, { short: true });
    const back = parseMoney(short);
    return back.ok && back.value === value ? short : formatInteger(value);
  }
  return formatScaled(value, indicator.decimals);
}

export const meetsText = (meets: boolean | null) => (meets === null ? '' : meets ? 'Đạt' : 'Không đạt');

const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'd')
    .toLowerCase()
    .trim()
    .replace(/\s+/g, ' ');

const YES = new Set(['dat', 'd', 'co', 'c', 'x', '1', 'yes', 'y', 'true', 'v']);
const NO = new Set(['khong dat', 'khong', 'k', 'ko', 'kd', '0', 'no', 'n', 'false', 'chua dat']);

/** 'Đạt', 'đạt', 'có', 'x', '1' → true; 'Không đạt', 'không', '0' → false; '' → null; else undefined. */
export function parseMeets(text: string): boolean | null | undefined {
  const folded = fold(text);
  if (folded === '') return null;
  if (YES.has(folded)) return true;
  if (NO.has(folded)) return false;
  return undefined;
}

const EMPTY: Texts = { value: '', numerator: '', denominator: '', meets: '', note: '', evidenceUrl: '' };

/** The texts of what is stored (empty where nothing is). */
export function serverTexts(row: Pick<RowLike, 'indicator' | 'result'>): Texts {
  const r = row.result;
  if (!r) return { ...EMPTY };
  return {
    value: r.value === null ? '' : valueCellText(row.indicator, r.value),
    numerator: r.numerator === null ? '' : formatInteger(r.numerator),
    denominator: r.denominator === null ? '' : formatInteger(r.denominator),
    meets: meetsText(r.meets),
    note: r.note ?? '',
    evidenceUrl: r.evidenceUrl ?? '',
  };
}

/** What the user typed, tidied when it reads as a value: '3000' → '3.000', 'đạt' → 'Đạt'. */
export function normalise(indicator: IndicatorLike, field: Field, text: string): string {
  switch (field) {
    case 'value': {
      const parsed =
        indicator.measureType === 'amount' ? parseMoney(text) : parseScaled(text, indicator.decimals);
      return parsed.ok && parsed.value >= 0 ? valueCellText(indicator, parsed.value) : text;
    }
    case 'numerator':
    case 'denominator': {
      const parsed = parseScaled(text, 0);
      return parsed.ok && parsed.value >= 0 ? formatInteger(parsed.value) : text;
    }
    case 'meets': {
      const meets = parseMeets(text);
      return meets === undefined ? text : meetsText(meets);
    }
    default:
      return text.trim();
  }
}

/** Whether the texts differ from what is stored (white space around a note does not count). */
export function isDirty(server: Texts, texts: Texts): boolean {
  return FIELDS.some((f) => texts[f].trim() !== server[f].trim());
}

/** A stored value whose figure was emptied: the row is to be cleared, not checked. */
export function clearsValue(row: Pick<RowLike, 'result'>, texts: Texts): boolean {
  return row.result !== null && VALUE_FIELDS.every((f) => texts[f].trim() === '');
}

/** True when nothing is stored and nothing was typed: such a row is not checked. */
export function isBlank(row: Pick<RowLike, 'result'>, texts: Texts): boolean {
  return row.result === null && FIELDS.every((f) => texts[f].trim() === '');
}

/** The core's check of a row as typed, with the history and allocation it compares with. */
export function checkTexts(row: RowLike, texts: Texts): EntryCheck {
  const meets = parseMeets(texts.meets);
  return checkEntry(
    {
      ...row.indicator,
      flagGrowth: row.plausibility?.growth ?? null,
      flagMinChange: row.plausibility?.minChange ?? null,
    },
    {
      value: texts.value,
      numerator: texts.numerator,
      denominator: texts.denominator,
      // Text that is neither yes nor no is refused the way an empty choice is.
      meets: meets === undefined ? null : meets,
    },
    {
      previous: row.previous?.value ?? null,
      sameLastYear: row.sameLastYear?.value ?? null,
      allocation: row.allocation,
    },
  );
}

/** The evidence link must be a web address (the server says the same; this says it at the cell). */
export function evidenceProblem(text: string): string | null {
  const t = text.trim();
  if (t === '') return null;
  try {
    const url = new URL(t);
    if ((url.protocol === 'http:' || url.protocol === 'https:') && t.length <= 1000) return null;
  } catch {
    // fall through
  }
  return 'Đường dẫn minh chứng phải là địa chỉ web (http:// hoặc https://).';
}

/** Problems of one field. */
export const problemsOf = <P extends { field: string }>(problems: readonly P[], field: Field) =>
  problems.filter((p) => p.field === field);

/** The request body's figure fields for a row: the typed text, or the yes/no. */
export function figureBody(row: Pick<RowLike, 'indicator'>, texts: Texts) {
  switch (row.indicator.measureType) {
    case 'ratio':
      return { numerator: texts.numerator, denominator: texts.denominator };
    case 'units_meeting':
      return { meets: parseMeets(texts.meets) ?? null };
    default:
      return { value: texts.value };
  }
}

/** A stored figure in words: '746 hộ', '21,35 tỷ đồng', '30/38 (78,9%)', 'Đạt'. */
export function resultText(
  indicator: IndicatorLike,
  result: Pick<ResultLike, 'value' | 'numerator' | 'denominator' | 'meets'>,
): string | null {
  switch (indicator.measureType) {
    case 'ratio':
      if (result.numerator === null || result.denominator === null) return null;
      if (result.denominator === 0) return `${formatInteger(result.numerator)}/0`;
      return `${formatInteger(result.numerator)}/${formatInteger(result.denominator)} (${formatRatioPercent(result.numerator, result.denominator, 1)})`;
    case 'units_meeting':
      return result.meets === null ? null : meetsText(result.meets);
    case 'amount':
      return result.value === null ? null : formatMoney(result.value);
    default:
      return result.value === null
        ? null
        : `${formatScaled(result.value, indicator.decimals)} ${indicator.measurementUnit}`;
  }
}

/**
 * Cells copied from Excel or a table: rows split by CR LF, LF or CR, cells by tabs; a cell in
 * double quotes may hold tabs and line breaks ("" is a quote). The line break Excel adds after
 * the last row does not make an empty row.
 */
export function parseBlock(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let atCellStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
      continue;
    }
    atCellStart = false;
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
      if (ch === '\r' && text[i + 1] === '\n') i++;
    } else {
      cell += ch;
    }
  }
  if (!atCellStart || cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Whether pasted text is more than one cell (else the input takes it as typed text). */
export const isBlock = (text: string) => /[\t\r\n]/.test(text.replace(/[\r\n]+$/, ''));

export interface PasteCell {
  row: number;
  field: Field;
  text: string;
}

/**
 * Where a pasted block goes: its rows down the grid's rows from `startRow`, its columns across the
 * grid's columns from `startColumn`. Cells that fall where a row has no such cell, on a locked row
 * or below the last row are left out and counted (when they hold something).
 */
export function planPaste(
  rows: readonly (Pick<RowLike, 'indicator' | 'applicable'> & { editable: boolean })[],
  startRow: number,
  startColumn: number,
  block: readonly (readonly string[])[],
): { cells: PasteCell[]; skipped: number } {
  const cells: PasteCell[] = [];
  let skipped = 0;
  block.forEach((line, i) => {
    const row = rows[startRow + i];
    line.forEach((text, j) => {
      const column = COLUMNS[startColumn + j];
      const field = row?.editable && column ? fieldAt(row, column) : null;
      if (field) cells.push({ row: startRow + i, field, text: text.trim() });
      else if (text.trim() !== '') skipped++;
    });
  });
  return { cells, skipped };
}

/** The past figure a stored flag was judged against: the period before, or the same one a year before. */
export function flagPast<R extends Pick<RowLike, 'previous' | 'sameLastYear'>>(
  row: R,
  flag: ResultFlag,
): R['previous'] | R['sameLastYear'] {
  return flag === 'far_above_previous' ? row.previous : row.sameLastYear;
}

/** Rows whose stored result is flagged, and whether each has its note (blank is none). */
export function flaggedRows<R extends RowLike>(
  rows: readonly R[],
): { row: R; flag: ResultFlag; noted: boolean }[] {
  return rows.flatMap((row) =>
    row.result?.flag ? [{ row, flag: row.result.flag, noted: (row.result.note ?? '').trim() !== '' }] : [],
  );
}
