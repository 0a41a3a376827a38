/**
 * How the report presents itself: the letterhead, the number and date lines, the title, the parts'
 * numerals, the appendix's reference to the report, and the name of the file.
 */
import {
  documentNumberLine,
  documentReference,
  formatDate,
  formatPlaceDate,
  formatShortDate,
  letterheadCase,
  NATIONAL_MOTTO,
  NATIONAL_NAME,
  stripForbidden,
} from '@chitieu/core';
import type { ReportKind, ReportSettingsInput } from '@chitieu/db';

/** The header block as printed: letterhead lines (capitals), the motto when on, number and date lines. */
export interface HeaderView {
  parentBody: string[];
  issuingBody: string[];
  motto: { name: string; motto: string } | null;
  numberLine: string;
  placeDate: string;
}

export function headerView(settings: ReportSettingsInput): HeaderView {
  const upper = (lines: string[]) => lines.map(letterheadCase);
  return {
    parentBody: upper(settings.parentBody),
    issuingBody: upper(settings.issuingBody),
    motto: settings.motto ? { name: NATIONAL_NAME, motto: NATIONAL_MOTTO } : null,
    numberLine: documentNumberLine(settings.documentNumber, settings.documentSymbol),
    placeDate: placeDateLine(settings.place, settings.reportDate),
  };
}

/** "Phan Thiết, ngày 10 tháng 7 năm 2024"; without a date, the blanks of a draft. */
export function placeDateLine(place: string, reportDate: string | null): string {
  if (reportDate) return formatPlaceDate(place, reportDate);
  const blank = 'ngày      tháng      năm';
  return place.trim() ? `${place.trim()}, ${blank}` : blank;
}

/** "BÁO CÁO" and the summary line under it: split at a newline, or after the leading capitals. */
export function titleLines(title: string): string[] {
  const lines = title
    .split(/\r?\n/)
    .map((x) => x.trim())
    .filter(Boolean);
  if (lines.length !== 1) return lines;
  const m = /^((?:[\p{Lu}]+\s+)*[\p{Lu}]+)\s+(\p{Lu}\p{Ll}.*)$/u.exec(lines[0] as string);
  return m ? [m[1] as string, m[2] as string] : lines;
}

/** "(Kèm theo Báo cáo số 45/BC-HPN ngày 10/7/2024)" under the appendix title. */
export function appendixNote(
  settings: Pick<ReportSettingsInput, 'documentNumber' | 'documentSymbol' | 'reportDate'>,
): string {
  const number = documentReference(settings.documentNumber, settings.documentSymbol);
  const when = settings.reportDate ? ` ngày ${formatShortDate(settings.reportDate)}` : '';
  return `(Kèm theo Báo cáo${number ? ` số ${number}` : ''}${when})`;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
export const roman = (n: number) => ROMAN[n - 1] ?? String(n);

/** "Báo cáo sơ kết giữa nhiệm kỳ - Tỉnh Bình Thuận - 30-06-2024.docx" (made safe for a file name). */
export function reportFileName(kind: ReportKind, unitName: string, asOf: string, ext: string): string {
  const label = {
    mid_term: 'Báo cáo sơ kết giữa nhiệm kỳ',
    end_of_term: 'Báo cáo tổng kết nhiệm kỳ',
    yearly: 'Báo cáo năm',
  }[kind];
  const base = ext === 'csv' ? 'Dữ liệu chỉ tiêu' : label;
  const name = `${base} - ${unitName} - ${formatDate(asOf).replaceAll('/', '-')}`;
  return `${stripForbidden(name)
    .replace(/[\\/:*?"<>|\t\n]+/g, ' ')
    .trim()}.${ext}`;
}
