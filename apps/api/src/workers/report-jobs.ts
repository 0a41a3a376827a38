/**
 * One report job: figures → file or chart image. Runs in a report worker (report-worker.ts) and, for
 * the command line, in the calling process. The figures are either given (computed by the caller
 * from an in-memory database) or read here through a read-only connection to the database file.
 */
import { type Basis, DomainError } from '@chitieu/core';
import {
  type Db,
  type ReportData,
  type ReportKind,
  type ReportSettingsInput,
  reportData,
  resolveScope,
} from '@chitieu/db';
import {
  buildReportCsv,
  buildReportDocx,
  buildReportXlsx,
  type ChartKey,
  cleanReportData,
  type ReportSnapshot,
  renderReportCharts,
  snapshotOf,
} from '@chitieu/reports';

export const REPORT_FORMATS = ['docx', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** A resolved scope (every part explicit): the worker rebuilds it without a user or "today". */
export interface ScopeIds {
  termId: number;
  unitId: number;
  asOf: string;
  basis: Basis;
  structureVersionId: number;
}

/** Where the figures come from: the database file (opened read-only), or computed already. */
export type FigureSource = { file: string } | { data: ReportData };

export type ReportJob =
  | {
      type: 'file';
      format: ReportFormat;
      kind: ReportKind;
      settings: ReportSettingsInput;
      scope: ScopeIds;
      source: FigureSource;
      /** Also return the snapshot of the figures in the file (issuing). */
      snapshot?: boolean;
    }
  | { type: 'chart'; chart: ChartKey; scope: ScopeIds; source: FigureSource };

export interface JobResult {
  bytes: Uint8Array;
  /** For charts: false when there was nothing to draw (bytes empty). */
  drawn?: boolean;
  snapshot?: ReportSnapshot;
}

/** The figures a job needs: raw rows only for the XLSX and CSV. */
export function needsRaw(job: ReportJob): boolean {
  return job.type === 'file' && job.format !== 'docx';
}

export function figuresFor(db: Db, scope: ScopeIds, raw: boolean): ReportData {
  const resolved = resolveScope(db, 'system', scope, scope.asOf);
  return reportData(db, resolved, { raw });
}

export async function runReportJob(job: ReportJob, openReadOnly: (file: string) => Db): Promise<JobResult> {
  const data =
    'data' in job.source
      ? job.source.data
      : figuresFor(openReadOnly(job.source.file), job.scope, needsRaw(job));
  if (job.type === 'chart') {
    const [chart] = await renderReportCharts(data, [job.chart]);
    return chart?.png ? { bytes: chart.png, drawn: true } : { bytes: new Uint8Array(0), drawn: false };
  }
  const { settings, kind } = job;
  let bytes: Uint8Array;
  if (job.format === 'docx') {
    const charts = await renderReportCharts(data);
    bytes = await buildReportDocx({ kind, settings, data, charts });
  } else if (job.format === 'xlsx') {
    bytes = await buildReportXlsx({ kind, settings, data });
  } else {
    bytes = buildReportCsv(data);
  }
  if (!job.snapshot) return { bytes };
  const { documentNumber, documentSymbol, reportDate, title } = settings;
  return {
    bytes,
    snapshot: snapshotOf(cleanReportData(data), { documentNumber, documentSymbol, reportDate, title }),
  };
}

/** A job's failure as plain data across the thread boundary; domain errors keep their code. */
export interface JobError {
  domain: boolean;
  code: string;
  message: string;
  details?: unknown;
}

export function toJobError(error: unknown): JobError {
  if (error instanceof DomainError) {
    return { domain: true, code: error.code, message: error.message, details: error.details };
  }
  return {
    domain: false,
    code: 'internal',
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  };
}
