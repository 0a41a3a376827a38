/**
 * The report as a workbook an office can print and recalculate: "Tổng hợp" (xlsx-summary-sheet.ts),
 * one sheet per target (xlsx-target-sheet.ts) and the hidden raw "Dữ liệu" (xlsx-raw-sheet.ts).
 * Every sheet is printed A4 landscape, fitted to the width, its header row repeated on every page,
 * numbered on its own ("Tổng hợp – Trang 1"). User text never runs as a formula.
 *
 * Written with exceljs's streaming writer (inline strings, rows committed as they are written): a
 * province's raw sheet has ~8.000 rows × 25 columns, which the in-memory writer takes seconds to
 * serialise and the streaming one a fraction of that.
 */
import { PassThrough } from 'node:stream';
import type { ReportData, ReportKind, ReportSettingsInput } from '@chitieu/db';
import { loadExcel } from './excel.ts';
import { titleLines } from './report-heading.ts';
import { cleanReportData, cleanSettings } from './report-text.ts';
import { rawSheet } from './xlsx-raw-sheet.ts';
import { RAW_SHEET, SUMMARY_SHEET } from './xlsx-sheet.ts';
import { summarySheet } from './xlsx-summary-sheet.ts';
import { type TargetSheetRefs, targetSheetLayout } from './xlsx-target-layout.ts';
import { targetSheet } from './xlsx-target-sheet.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The whole workbook as XLSX bytes. */
export async function buildReportXlsx(input: {
  kind: ReportKind;
  settings: ReportSettingsInput;
  data: ReportData;
}): Promise<Uint8Array> {
  const { kind } = input;
  const settings = cleanSettings(input.settings);
  const data = cleanReportData(input.data);
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new (await loadExcel()).stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Chỉ tiêu';
  workbook.title = titleLines(settings.title).join(' ');
  // Fixed, so that the same figures give the same file.
  workbook.created = new Date(`${data.scope.asOf}T00:00:00Z`);
  workbook.modified = workbook.created;
  // The summary comes first and refers to the target sheets: lay them out, then write in order.
  const used = new Set([SUMMARY_SHEET.toLowerCase(), RAW_SHEET.toLowerCase()]);
  const layouts = new Map(data.targets.map((t) => [t.id, targetSheetLayout(data, t, used)] as const));
  summarySheet(workbook, settings, data, kind, layouts);
  for (const t of data.targets) targetSheet(workbook, data, t, layouts.get(t.id) as TargetSheetRefs);
  rawSheet(workbook, data);
  await workbook.commit();
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}
