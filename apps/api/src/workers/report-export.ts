/**
 * `npm run cli -- export --term 1 --format docx|xlsx|csv --out FILE [--unit CODE] [--as-of YYYY-MM-DD]
 *  [--kind mid_term|end_of_term|yearly] [--basis approved|submitted]`
 * The report as the system sees it (no user scope), built in this process. Bad arguments are a
 * one-line reason (the caller exits with status 2).
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { type Basis, isIsoDate } from '@chitieu/core';
import {
  type Db,
  getReportSettings,
  getTerm,
  REPORT_KINDS,
  type ReportKind,
  resolveScope,
  schema,
  versionAt,
} from '@chitieu/db';
import { reportFileName } from '@chitieu/reports';
import { and, eq } from 'drizzle-orm';
import {
  figuresFor,
  REPORT_FORMATS,
  type ReportFormat,
  type ReportJob,
  runReportJob,
} from './report-jobs.ts';

/** A bad argument: the message is the whole reason, said in one line. */
export class UsageError extends Error {}

export const EXPORT_USAGE =
  'export --term SỐ --format docx|xlsx|csv --out TỆP [--unit MÃ] [--as-of YYYY-MM-DD] [--kind mid_term|end_of_term|yearly] [--basis approved|submitted]';

export interface ExportArgs {
  termId: number;
  format: ReportFormat;
  out: string;
  unitCode?: string;
  asOf?: string;
  kind: ReportKind;
  basis?: Basis;
}

export function parseExportArgs(args: string[]): ExportArgs {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args,
      options: {
        term: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        unit: { type: 'string' },
        'as-of': { type: 'string' },
        kind: { type: 'string' },
        basis: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values as Record<string, string | undefined>;
  } catch (error) {
    const message = (error as Error).message;
    const option = /'([^']+)'/.exec(message)?.[1];
    throw new UsageError(
      option
        ? `tùy chọn không hợp lệ: ${option}. Dùng: ${EXPORT_USAGE}`
        : `${message}. Dùng: ${EXPORT_USAGE}`,
    );
  }
  if (!values.term) throw new UsageError(`thiếu --term (số của nhiệm kỳ, ví dụ 1). Dùng: ${EXPORT_USAGE}`);
  if (!/^[1-9]\d{0,14}$/.test(values.term))
    throw new UsageError(`--term phải là số nguyên dương, không phải “${values.term}”`);
  if (!values.format) throw new UsageError('thiếu --format (docx, xlsx hoặc csv)');
  if (!(REPORT_FORMATS as readonly string[]).includes(values.format)) {
    throw new UsageError(`--format phải là docx, xlsx hoặc csv, không phải “${values.format}”`);
  }
  if (!values.out) throw new UsageError('thiếu --out (tệp sẽ ghi ra)');
  if (values['as-of'] !== undefined && !isIsoDate(values['as-of'])) {
    throw new UsageError(`--as-of phải là ngày có thật dạng YYYY-MM-DD, không phải “${values['as-of']}”`);
  }
  const kind = values.kind ?? 'mid_term';
  if (!(REPORT_KINDS as readonly string[]).includes(kind)) {
    throw new UsageError(`--kind phải là mid_term, end_of_term hoặc yearly, không phải “${kind}”`);
  }
  if (values.basis !== undefined && values.basis !== 'approved' && values.basis !== 'submitted') {
    throw new UsageError(`--basis phải là approved hoặc submitted, không phải “${values.basis}”`);
  }
  return {
    termId: Number(values.term),
    format: values.format as ReportFormat,
    out: values.out,
    ...(values.unit !== undefined ? { unitCode: values.unit } : {}),
    ...(values['as-of'] !== undefined ? { asOf: values['as-of'] } : {}),
    kind: kind as ReportKind,
    ...(values.basis !== undefined ? { basis: values.basis as Basis } : {}),
  };
}

/** The unit with this code in the structure in force on the date. */
function unitByCode(db: Db, code: string, structureVersionId: number): number {
  const row = db
    .select({ id: schema.units.id })
    .from(schema.units)
    .innerJoin(
      schema.placements,
      and(
        eq(schema.placements.unitId, schema.units.id),
        eq(schema.placements.structureVersionId, structureVersionId),
      ),
    )
    .where(eq(schema.units.code, code))
    .get();
  if (!row) throw new UsageError(`không có đơn vị mang mã “${code}” trong cơ cấu tổ chức của ngày số liệu`);
  return row.id;
}

/** Build the file and write it; returns the path written and its size. */
export async function exportReport(
  db: Db,
  args: ExportArgs,
): Promise<{ path: string; bytes: number; name: string }> {
  getTerm(db, args.termId);
  const basis = args.basis ? { basis: args.basis } : {};
  // The scope first (its unit decides whose report settings), then that report's as-of date unless given.
  const asOf = args.asOf ?? getReportSettings(db, args.termId, args.kind).asOf;
  const unitId = args.unitCode === undefined ? undefined : unitByCode(db, args.unitCode, versionAt(db, asOf));
  let scope = resolveScope(
    db,
    'system',
    { termId: args.termId, asOf, ...(unitId ? { unitId } : {}), ...basis },
    asOf,
  );
  const settings = getReportSettings(db, args.termId, args.kind, scope.unit.id);
  if (args.asOf === undefined && settings.asOf !== scope.asOf) {
    scope = resolveScope(
      db,
      'system',
      { termId: args.termId, asOf: settings.asOf, unitId: scope.unit.id, ...basis },
      settings.asOf,
    );
  }
  const ids = {
    termId: scope.term.id,
    unitId: scope.unit.id,
    asOf: scope.asOf,
    basis: scope.basis,
    structureVersionId: scope.structureVersionId,
  };
  const job: ReportJob = {
    type: 'file',
    format: args.format,
    kind: args.kind,
    settings,
    scope: ids,
    source: { data: figuresFor(db, ids, args.format !== 'docx') },
  };
  const { bytes } = await runReportJob(job, () => db);
  const path = resolve(args.out);
  writeFileSync(path, bytes);
  return {
    path,
    bytes: bytes.byteLength,
    name: reportFileName(args.kind, scope.unit.name, scope.asOf, args.format),
  };
}
