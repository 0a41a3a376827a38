// What @chitieu/reports offers the API, the benchmarks and the tests: the files it writes and reads.
// Everything else (sheet layouts, DOCX blocks, number formats) stays inside the package.

export { readEntryWorkbook } from './entry-reader.ts';
// The entry workbook: the template units fill in, and reading it back.
export { buildEntryTemplate } from './entry-template.ts';
export { appendixView } from './report-appendix.ts';
// The report as files. DOCX and the charts load their heavy modules on first use (report-build.ts).
export {
  buildReportDocx,
  DOCX_TYPE,
  PNG_TYPE,
  preloadReportBuilders,
  renderReportCharts,
} from './report-build.ts';
export { CHART_KEYS, type ChartKey, chartSpecs } from './report-chart-specs.ts';
export { buildReportCsv, CSV_TYPE } from './report-csv.ts';
export { ILLUSTRATIVE_NOTE } from './report-format.ts';
export { appendixNote, headerView, reportFileName, titleLines } from './report-heading.ts';
// A DOCX read back as text (tests check what a person would read).
export { docxText, readDocx } from './report-inspect.ts';
// What an issued report said, to compare with what the figures say now.
export { compareSnapshots, type ReportSnapshot, snapshotOf } from './report-snapshot.ts';
export { headlineTexts, moneyFootnote, targetRows } from './report-summary.ts';
// The report as text, for the print view: the same words and figures the files have.
export { cleanReportData, cleanSettings } from './report-text.ts';
export { buildReportXlsx, XLSX_TYPE } from './report-xlsx.ts';
// The unit tree as a file: written for the admin, read back from an upload.
export {
  buildUnitTreeCsv,
  buildUnitTreeXlsx,
  parseCsv,
  readUnitTreeFile,
  type TreeFile,
} from './unit-tree-file.ts';
export { SUMMARY_SHEET } from './xlsx-sheet.ts';
