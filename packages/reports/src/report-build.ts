/**
 * Entry points that build files and images. The builders pull in heavy modules (docx, vega,
 * vega-lite, resvg); they are loaded on first use, so that a process that only reads settings or
 * serves the API (the main thread) never loads them — the report worker does.
 */
import type { ReportData } from '@chitieu/db';
import { loadExcel } from './excel.ts';
import type { ChartImage, ChartKey } from './report-chart-specs.ts';
import type { ReportDocumentInput } from './report-docx.ts';

export type { ReportDocumentInput };

/** The report as DOCX bytes (see report-docx.ts). */
export async function buildReportDocx(input: ReportDocumentInput): Promise<Uint8Array> {
  const { buildReportDocx: build } = await import('./report-docx.ts');
  return build(input);
}

/** The report's charts as PNG images (see report-charts.ts); all three unless keys are given. */
export async function renderReportCharts(
  data: ReportData,
  keys?: readonly ChartKey[],
): Promise<ChartImage[]> {
  const { reportCharts } = await import('./report-charts.ts');
  return reportCharts(data, keys);
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const PNG_TYPE = 'image/png';

/** Load the builders now (a worker calls this when it starts, so its first job is not slower). */
export async function preloadReportBuilders(): Promise<void> {
  await Promise.all([import('./report-docx.ts'), import('./report-charts.ts'), loadExcel()]);
}
