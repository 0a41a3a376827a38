/**
 * The report's raw data as CSV: UTF-8 with a byte-order mark (so Excel reads the Vietnamese as
 * UTF-8), comma-separated, CRLF line ends, fields quoted when needed (RFC 4180), one row per
 * unit × target indicator × period, columns in the fixed order of RAW_COLUMNS.
 */
import type { ReportData } from '@chitieu/db';
import { RAW_COLUMNS, rawRecords } from './report-rows.ts';
import { neutraliseFormula, safeCellText } from './report-text.ts';

export const CSV_TYPE = 'text/csv; charset=utf-8';

function field(value: string | number | null): string {
  if (value === null) return '';
  // Numbers (and our exact decimals such as '83.8') as they are; text is kept from running as a formula
  // (rawRecords has already cleaned it).
  const text =
    typeof value === 'number' || /^-?\d+(\.\d+)?$/.test(value) ? String(value) : neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function buildReportCsv(data: ReportData): Uint8Array {
  const lines = [RAW_COLUMNS.map((c) => field(safeCellText(c.header))).join(',')];
  for (const record of rawRecords(data)) lines.push(RAW_COLUMNS.map((c) => field(record[c.key])).join(','));
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}
