/**
 * User text on its way into a file. Narratives and names may hold anything a keyboard or a paste
 * can produce; a DOCX or XLSX is XML, which cannot hold most control characters or unpaired
 * surrogates, and a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula.
 */

import { stripForbidden } from '@chitieu/core';
import type { ReportData, ReportSettingsInput } from '@chitieu/db';

/**
 * Characters a file cannot hold or should not (controls, lone surrogates, noncharacters: see
 * @chitieu/core text.ts) are dropped; carriage returns become newlines. Text is normalised to NFC
 * so that Vietnamese typed with combining marks looks (and searches) the same as precomposed text.
 * Input refuses these characters; this is the second guard, for text stored before it did.
 */
export function cleanText(text: string): string {
  return stripForbidden(text);
}

/**
 * A copy of a report's data with every string cleaned (names of units, targets, indicators, the term):
 * what the builders, the charts and the print view lay out. Numbers and structure are kept.
 */
export function cleanDeep<T>(value: T): T {
  if (typeof value === 'string') return cleanText(value) as T;
  if (Array.isArray(value)) return value.map((x) => cleanDeep(x)) as T;
  if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value) && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = cleanDeep(v);
    return out as T;
  }
  return value;
}

/** The paragraphs of a narrative: one per line, blank lines dropped, spaces tidied. */
export function paragraphsOf(text: string): string[] {
  return cleanText(text)
    .split('\n')
    .map((line) => line.replace(/\t/g, ' ').replace(/ {2,}/g, ' ').trim())
    .filter((line) => line !== '');
}

/** What a spreadsheet would take as the start of a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The one guard every XLSX and CSV the app writes puts on text: a leading `=`, `+`, `-`, `@` (or
 * tab / carriage return) gets an apostrophe in front (OWASP "CSV injection"), so a name or a note
 * typed as `=HYPERLINK(…)` is shown, never run — also after the sheet is saved as CSV and opened.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The guard taken off again when one of our own files comes back (an import of an export). */
export function unguardFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/**
 * Text for a spreadsheet cell or a CSV field that must never run as a formula: a leading `=`, `+`,
 * `-`, `@` (or tab / carriage return) gets an apostrophe in front (OWASP "CSV injection").
 * In XLSX we write the cell as a string anyway; the apostrophe also keeps it safe when the sheet is
 * saved as CSV and opened again.
 */
export function safeCellText(text: string): string {
  return neutraliseFormula(cleanText(text));
}

/**
 * The report's data with every name cleaned (the second guard against characters a file cannot
 * hold); the raw rows, ids and figures only, are shared as they are.
 */
export function cleanReportData(data: ReportData): ReportData {
  const { raw, ...rest } = data;
  const clean = cleanDeep(rest) as ReportData;
  if (raw) clean.raw = { units: cleanDeep(raw.units), periods: raw.periods, rows: raw.rows };
  return clean;
}

/** The settings with every line cleaned, for the same reason. */
export const cleanSettings = (settings: ReportSettingsInput): ReportSettingsInput => cleanDeep(settings);
