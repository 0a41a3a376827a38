/**
 * Numbers and formulas as a spreadsheet holds them. Number formats are written US-style (`#,##0`,
 * `0.0%`): Excel and LibreOffice show them with the reader's separators, 3.000 and 87,5% in a
 * Vietnamese locale. Percentages are computed as @chitieu/core computes them, from integers rounded
 * half away from zero: `ROUND(E7/D7,3)`, never a bare quotient whose binary value a reader rounds
 * down (0,838/0,8 is 1,04749999… in binary: 104,7% instead of 104,8%).
 */
import { formatInteger, formatScaled, isShareMeasure, ratioToScaledPercent } from '@chitieu/core';
import type { IndicatorInfo } from '@chitieu/db';
import type ExcelJS from 'exceljs';

type Indicator = Pick<IndicatorInfo, 'measureType' | 'decimals'>;

/** Whether the indicator's figures are shares, held as fractions and shown as percentages. */
export const isShare = (indicator: Indicator) => isShareMeasure(indicator.measureType);

/** A scaled integer as the number a spreadsheet holds: counts and đồng as they are, shares as fractions. */
export function cellNumber(indicator: Indicator, scaled: number): number {
  return scaled / 10 ** (indicator.decimals + (isShare(indicator) ? 2 : 0));
}

/** `#,##0`, `#,##0.0`, `0.0%`: a fixed number of decimals, as the figure's text has. */
export function decimalFormat(decimals: number, percent = false): string {
  const fraction = decimals > 0 ? `.${'0'.repeat(decimals)}` : '';
  return percent ? `0${fraction}%` : `#,##0${fraction}`;
}

/** The US-style number format for an indicator's cells. */
export function numberFormat(indicator: Indicator): string {
  return decimalFormat(indicator.decimals, isShare(indicator));
}

/** A goal of a share, as its text has it ('100%', '87,5%'): no trailing zeros. */
export function goalShareFormat(indicator: Indicator, goal: number): string {
  const text = formatScaled(goal, indicator.decimals, { trimZeros: true });
  return decimalFormat(text.split(',')[1]?.length ?? 0, true);
}

export const PERCENT_FORMAT = '0.0%';

/** Text inside a number format's quotes: no quote or backslash can break out of it. */
const formatLiteral = (text: string) => text.replace(/["\\]/g, '');

/** "18/18", "124/124 cơ sở": the meeting count shown over the expected one, by its format. */
export function meetingFormat(expected: number, unit: string): string {
  const total = formatInteger(expected);
  return `#,##0"/${formatLiteral(`${total}${unit ? ` ${unit}` : ''}`)}"`;
}

/** value/goal as a fraction rounded to 0,1% as core rounds it (106,8% → 1.068); null for a goal of 0. */
export function pctFraction(value: number, goal: number): number | null {
  return goal === 0 ? null : ratioToScaledPercent(value, goal, 1) / 1000;
}

/** A sheet name as a formula reference: 'CT1'!E18. */
export const ref = (sheet: string, cell: string) => `'${sheet.replaceAll("'", "''")}'!${cell}`;

/** ROUND(x, n) in a formula and the same rounding in JavaScript for the cached result. */
export const round = (expr: string, places: number) => `ROUND(${expr},${places})`;

/** A column's letters from its number: 1 → A, 27 → AA. */
export const letter = (column: number) => {
  let n = column;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
};

/** A formula with its cached result, or the text a reader sees when there is nothing to compute. */
export function setFormula(cell: ExcelJS.Cell, formula: string, result: number, numFmt: string) {
  cell.value = { formula, result };
  cell.numFmt = numFmt;
}

/** Two cell values are the same number (sums of fractions compared within rounding noise). */
export const sameNumber = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** A cell that holds a formula; its cached result is the number a reader sees. */
export const isFormulaValue = (v: ExcelJS.CellValue): v is ExcelJS.CellFormulaValue =>
  v !== null && typeof v === 'object' && 'formula' in v;
