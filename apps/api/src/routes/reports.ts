/**
 * The term's report (mid-term, end of term, yearly): settings and narrative, the figures as the
 * report prints them, downloads (DOCX, XLSX, CSV), chart images, and issued versions.
 *
 * Every figure comes from the dashboard's functions for the same scope (unitId, asOf, basis,
 * structureVersionId), resolved with the signed-in user: a scope they may not see is a 403 before
 * any file is built. Without `asOf`, the report's own as-of date (its settings) applies. Files and
 * charts are built in the report worker pool, off the request thread.
 */

import { resolve } from 'node:path';
import { BASES, DomainError, forbidden } from '@chitieu/core';
import {
  assertIssuable,
  can,
  type Db,
  getIssuedReport,
  getReportSettings,
  issueReport,
  listIssuedReports,
  REPORT_KINDS,
  REPORT_SECTION_KEYS,
  type ReportKind,
  reportData,
  resolveScope,
  type Scope,
  saveReportSettings,
} from '@chitieu/db';
import {
  appendixNote,
  appendixView,
  CHART_KEYS,
  type ChartKey,
  CSV_TYPE,
  chartSpecs,
  cleanReportData,
  cleanSettings,
  compareSnapshots,
  DOCX_TYPE,
  headerView,
  headlineTexts,
  ILLUSTRATIVE_NOTE,
  moneyFootnote,
  PNG_TYPE,
  type ReportSnapshot,
  reportFileName,
  snapshotOf,
  targetRows,
  titleLines,
  XLSX_TYPE,
} from '@chitieu/reports';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { limitJsonBody } from '../lib/body-limit.ts';
import { Binary, errors, json } from '../lib/openapi.ts';
import type { AppEnv } from '../lib/router.ts';
import { createRouter } from '../lib/router.ts';
import { currentUser } from '../lib/session.ts';
import { ErrorSchema, IsoDate, idParam, ScopeQuery, ScopeViewSchema, TermParams } from '../schemas.ts';
import {
  type FigureSource,
  REPORT_FORMATS,
  type ReportFormat,
  type ScopeIds,
} from '../workers/report-jobs.ts';
import { reportPool } from '../workers/report-pool.ts';
import { attachment } from './excel.ts';

// ---------------------------------------------------------------- schemas

const KIND_ERROR = '“kind” phải là mid_term, end_of_term hoặc yearly.';
export const ReportKindParams = TermParams.extend({
  kind: z
    .enum(REPORT_KINDS, { error: KIND_ERROR })
    .openapi({ param: { name: 'kind', in: 'path' }, example: 'mid_term' }),
});
const FormatParams = ReportKindParams.extend({
  format: z
    .enum(REPORT_FORMATS, { error: '“format” phải là docx, xlsx hoặc csv.' })
    .openapi({ param: { name: 'format', in: 'path' }, example: 'docx' }),
});
const ChartParams = ReportKindParams.extend({
  chart: z
    .enum(CHART_KEYS, { error: '“chart” phải là completion, poverty hoặc works.' })
    .openapi({ param: { name: 'chart', in: 'path' }, example: 'completion' }),
});
const IssuedParams = ReportKindParams.extend({
  issuedId: idParam('issuedId').openapi({ param: { name: 'issuedId', in: 'path' }, example: 1 }),
});

const line = (max: number, what: string) =>
  z.string({ error: `${what} phải là chuỗi ký tự.` }).max(max, { error: `${what}: dài quá ${max} ký tự.` });
const lines = (maxItems: number, maxLength: number, what: string) =>
  z
    .array(line(maxLength, what), { error: `${what} phải là danh sách các dòng.` })
    .max(maxItems, { error: `${what}: nhiều nhất ${maxItems} dòng.` });

export const SECTION_MAX_LENGTH = 40_000;

const SectionSchema = z.object({
  key: z.enum(REPORT_SECTION_KEYS as [string, ...string[]], { error: 'Phần báo cáo không hợp lệ.' }),
  title: line(300, 'Tên phần').trim().min(1, { error: 'Tên phần không được để trống.' }),
  body: line(SECTION_MAX_LENGTH, 'Nội dung phần'),
});

const SettingsFields = {
  parentBody: lines(4, 200, 'Tên cơ quan chủ quản'),
  issuingBody: lines(4, 200, 'Tên cơ quan ban hành').min(1, {
    error: 'Cần ít nhất một dòng tên cơ quan ban hành.',
  }),
  motto: z.boolean({ error: '“motto” phải là true hoặc false (có in quốc hiệu, tiêu ngữ hay không).' }),
  documentNumber: line(20, 'Số văn bản'),
  documentSymbol: line(40, 'Ký hiệu văn bản'),
  place: line(100, 'Địa danh'),
  reportDate: IsoDate.nullable(),
  asOf: IsoDate,
  title: line(1000, 'Tên báo cáo').trim().min(1, { error: 'Chưa nhập tên báo cáo.' }),
  signerTitle: lines(4, 200, 'Chức vụ người ký'),
  signerName: line(200, 'Họ tên người ký'),
  recipients: lines(40, 300, 'Nơi nhận'),
  sections: z.array(SectionSchema).max(REPORT_SECTION_KEYS.length, { error: 'Có quá nhiều phần.' }),
};

export const ReportSettingsBody = z
  .object({
    /** Whose report: the unit of the report page's scope (default: the term's own unit). */
    unitId: z
      .number({ error: '“unitId” phải là số nguyên dương.' })
      .int({ error: '“unitId” phải là số nguyên dương.' })
      .positive({ error: '“unitId” phải là số nguyên dương.' })
      .max(Number.MAX_SAFE_INTEGER)
      .optional(),
    version: z
      .number({ error: '“version” phải là số nguyên (phiên bản đã xem).' })
      .int({ error: '“version” phải là số nguyên.' })
      .min(0, { error: '“version” không được âm.' }),
    ...SettingsFields,
  })
  .openapi('ReportSettingsInput');

export const ReportSettingsSchema = z
  .object({
    termId: z.number().int(),
    kind: z.enum(REPORT_KINDS),
    unitId: z.number().int(),
    version: z.number().int(),
    stored: z.boolean(),
    ...SettingsFields,
    sections: z.array(z.object({ key: z.string(), title: z.string(), body: z.string() })),
  })
  .openapi('ReportSettings');

const IssuedInfoSchema = z.object({
  id: z.number().int(),
  kind: z.enum(REPORT_KINDS),
  issuedAt: z.string(),
  /** As printed after "Số:", e.g. "45/BC-HPN" (null for an issue from before numbers were checked). */
  documentNumber: z.string().nullable(),
  documentDate: z.string().nullable(),
  issuedBy: z.number().int().nullable(),
  issuedByName: z.string().nullable(),
  scope: z.object({
    unitId: z.number().int(),
    unitName: z.string(),
    asOf: z.string(),
    basis: z.enum(BASES),
    structureVersionId: z.number().int(),
  }),
  headline: z.object({ done: z.number().int(), counted: z.number().int() }).nullable(),
  bytes: z.number().int(),
});

export const ReportViewSchema = z
  .object({
    settings: ReportSettingsSchema,
    scope: ScopeViewSchema,
    headline: z.object({ done: z.number().int(), counted: z.number().int() }),
    headlineText: z.object({ lead: z.string(), rest: z.string() }),
    hasResults: z.boolean(),
    illustrativeNote: z.string().nullable(),
    /** Lines as the document prints them (the page shows the same). */
    print: z.object({
      parentBody: z.array(z.string()),
      issuingBody: z.array(z.string()),
      motto: z.object({ name: z.string(), motto: z.string() }).nullable(),
      numberLine: z.string(),
      placeDate: z.string(),
      title: z.array(z.string()),
      appendixNote: z.string(),
      /** Under the targets table: how money was rounded, where the exact đồng are. */
      moneyNote: z.string().nullable(),
    }),
    rows: z.array(
      z.object({
        id: z.number().int(),
        code: z.string(),
        counted: z.boolean(),
        stt: z.number().int(),
        name: z.string(),
        shortName: z.string(),
        unit: z.string(),
        goal: z.string(),
        result: z.string(),
        pct: z.string(),
        status: z.string(),
        statusKey: z.string(),
        note: z.string(),
      }),
    ),
    appendix: z.object({
      columns: z.array(
        z.object({ id: z.number().int(), code: z.string(), shortName: z.string(), unit: z.string() }),
      ),
      rows: z.array(
        z.object({
          unitId: z.number().int(),
          code: z.string(),
          name: z.string(),
          cells: z.array(z.string()),
          total: z.boolean(),
          own: z.boolean(),
        }),
      ),
      legend: z.array(z.string()),
    }),
    charts: z.array(z.object({ key: z.enum(CHART_KEYS), title: z.string(), available: z.boolean() })),
    permissions: z.object({ edit: z.boolean(), issue: z.boolean() }),
    files: z.object({ docx: z.string(), xlsx: z.string(), csv: z.string() }),
    issued: z.object({
      latest: IssuedInfoSchema.nullable(),
      count: z.number().int(),
      /** Null when there is no issued version to compare with (or its scope is not readable). */
      differences: z
        .array(
          z.object({
            key: z.string(),
            label: z.string(),
            issued: z.string(),
            live: z.string(),
            change: z.string().nullable(),
          }),
        )
        .nullable(),
    }),
  })
  .openapi('ReportView');

// ---------------------------------------------------------------- routes

const view = createRoute({
  method: 'get',
  path: '/terms/{termId}/reports/{kind}',
  tags: ['Báo cáo'],
  summary: 'Báo cáo của nhiệm kỳ: thiết lập, nội dung, số liệu như bản in, khác biệt so với bản đã ban hành',
  request: { params: ReportKindParams, query: ScopeQuery },
  responses: { 200: json(ReportViewSchema, 'Báo cáo'), ...errors },
});

const save = createRoute({
  method: 'put',
  path: '/terms/{termId}/reports/{kind}',
  tags: ['Báo cáo'],
  summary: 'Lưu thiết lập và nội dung báo cáo (kèm phiên bản đã xem; 409 nếu người khác vừa sửa)',
  middleware: [limitJsonBody] as const,
  request: {
    params: ReportKindParams,
    body: { content: { 'application/json': { schema: ReportSettingsBody } }, required: true },
  },
  responses: {
    200: json(ReportSettingsSchema, 'Đã lưu'),
    ...errors,
    409: json(ErrorSchema, 'Xung đột: người khác vừa sửa'),
  },
});

const download = createRoute({
  method: 'get',
  path: '/terms/{termId}/reports/{kind}/download/{format}',
  tags: ['Báo cáo'],
  summary: 'Tải báo cáo: DOCX (thể thức văn bản hành chính), XLSX (như màn hình), CSV (dữ liệu gốc)',
  request: { params: FormatParams, query: ScopeQuery },
  responses: {
    200: {
      content: {
        [DOCX_TYPE]: { schema: Binary },
        [XLSX_TYPE]: { schema: Binary },
        [CSV_TYPE]: { schema: Binary },
      },
      description: 'Tệp báo cáo',
    },
    ...errors,
    429: json(ErrorSchema, 'Đang bận'),
  },
});

const chart = createRoute({
  method: 'get',
  path: '/terms/{termId}/reports/{kind}/charts/{chart}',
  tags: ['Báo cáo'],
  summary: 'Biểu đồ của báo cáo (PNG), như trong tệp DOCX',
  request: { params: ChartParams, query: ScopeQuery },
  responses: {
    200: { content: { [PNG_TYPE]: { schema: Binary } }, description: 'Ảnh PNG' },
    ...errors,
    429: json(ErrorSchema, 'Đang bận'),
  },
});

const issue = createRoute({
  method: 'post',
  path: '/terms/{termId}/reports/{kind}/issue',
  tags: ['Báo cáo'],
  summary: 'Ban hành: lưu tệp DOCX và ảnh chụp số liệu của nó',
  request: { params: ReportKindParams, query: ScopeQuery },
  responses: { 201: json(IssuedInfoSchema, 'Đã ban hành'), ...errors, 429: json(ErrorSchema, 'Đang bận') },
});

const issuedList = createRoute({
  method: 'get',
  path: '/terms/{termId}/reports/{kind}/issued',
  tags: ['Báo cáo'],
  summary: 'Các bản đã ban hành, mới nhất trước',
  request: { params: ReportKindParams },
  responses: { 200: json(z.array(IssuedInfoSchema), 'Các bản đã ban hành'), ...errors },
});

const issuedFile = createRoute({
  method: 'get',
  path: '/terms/{termId}/reports/{kind}/issued/{issuedId}',
  tags: ['Báo cáo'],
  summary: 'Tải một bản đã ban hành, đúng như khi ban hành',
  request: { params: IssuedParams },
  responses: { 200: { content: { [DOCX_TYPE]: { schema: Binary } }, description: 'Tệp DOCX' }, ...errors },
});

// ---------------------------------------------------------------- helpers

type Ctx = Context<AppEnv>;

/**
 * The dashboard's scope for this user, and the settings of its unit's report; without an as-of date
 * in the query, that report's own.
 */
function scopeFor(c: Ctx, params: { termId: number; kind: ReportKind }, query: z.infer<typeof ScopeQuery>) {
  const { db, today } = c.var.deps;
  const user = currentUser(c);
  let scope = resolveScope(db, user, { termId: params.termId, ...query }, today());
  const settings = getReportSettings(db, params.termId, params.kind, scope.unit.id);
  if (query.asOf === undefined && settings.asOf !== scope.asOf) {
    scope = resolveScope(
      db,
      user,
      { termId: params.termId, ...query, unitId: scope.unit.id, asOf: settings.asOf },
      today(),
    );
  }
  return { user, settings, scope };
}

const idsOf = (scope: Scope): ScopeIds => ({
  termId: scope.term.id,
  unitId: scope.unit.id,
  asOf: scope.asOf,
  basis: scope.basis,
  structureVersionId: scope.structureVersionId,
});

/** A file database: the worker reads it itself. In memory (tests): the figures go with the job. */
function sourceFor(db: Db, scope: Scope, raw: boolean): FigureSource {
  const client = db.$client;
  if (!client.memory && client.name && client.name !== ':memory:') return { file: resolve(client.name) };
  return { data: reportData(db, scope, { raw }) };
}

const TYPES: Record<ReportFormat, string> = { docx: DOCX_TYPE, xlsx: XLSX_TYPE, csv: CSV_TYPE };

function fileResponse(c: Ctx, bytes: Uint8Array, type: string, name: string) {
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': type,
    'Content-Disposition': attachment(name),
    'Content-Length': String(bytes.byteLength),
    // Figures of the user's scope: never in shared caches.
    'Cache-Control': 'private, no-store',
  });
}

/** Live figures at an issued snapshot's scope, compared with it (null if that scope is not readable). */
function differencesFrom(c: Ctx, termId: number, snapshot: unknown) {
  const snap = snapshot as Partial<ReportSnapshot> | null;
  if (!snap?.scope || !Array.isArray(snap.figures) || !snap.headline) return null;
  const { db, today } = c.var.deps;
  try {
    const scope = resolveScope(
      db,
      currentUser(c),
      {
        termId,
        unitId: snap.scope.unitId,
        asOf: snap.scope.asOf,
        basis: snap.scope.basis,
        structureVersionId: snap.scope.structureVersionId,
      },
      today(),
    );
    return compareSnapshots(snap as ReportSnapshot, snapshotOf(cleanReportData(reportData(db, scope))));
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
}

// ---------------------------------------------------------------- handlers

export const reportsRoutes = createRouter()
  .openapi(view, (c) => {
    const { db } = c.var.deps;
    const params = c.req.valid('param');
    const { user, settings, scope } = scopeFor(c, params, c.req.valid('query'));
    // Cleaned as every file is: what the page prints is what the DOCX prints.
    const data = cleanReportData(reportData(db, scope));
    const printed = cleanSettings(settings);
    const header = headerView(printed);
    const rows = targetRows(data, params.kind);
    const appendix = appendixView(data);
    // The last issue of this unit's report of this kind, on the same basis: what the page compares with.
    const issued = listIssuedReports(db, user, params.termId, params.kind, {
      unitId: scope.unit.id,
      basis: scope.basis,
    });
    const latest = issued[0] ?? null;
    const { snapshot: _snapshot, ...latestInfo } = latest ?? { snapshot: null };
    return c.json(
      {
        settings,
        scope: data.scope,
        headline: data.headline,
        headlineText: headlineTexts(data),
        hasResults: data.hasResults,
        illustrativeNote: data.scope.illustrative ? ILLUSTRATIVE_NOTE : null,
        print: {
          parentBody: header.parentBody,
          issuingBody: header.issuingBody,
          motto: header.motto,
          numberLine: header.numberLine,
          placeDate: header.placeDate,
          title: titleLines(printed.title),
          appendixNote: appendixNote(printed),
          moneyNote: moneyFootnote(rows, appendix.columns.length > 0),
        },
        rows: rows.map(({ moneyScale: _scale, ...row }) => row),
        appendix: {
          columns: appendix.columns.map(({ id, code, shortName, unit }) => ({ id, code, shortName, unit })),
          rows: appendix.rows,
          legend: appendix.legend,
        },
        charts: chartSpecs(data).map((x) => ({ key: x.key, title: x.title, available: x.spec !== null })),
        permissions: {
          edit: can(db, user, 'manage_targets', scope.unit.id),
          issue: can(db, user, 'manage_targets', scope.unit.id),
        },
        files: {
          docx: reportFileName(params.kind, scope.unit.name, scope.asOf, 'docx'),
          xlsx: reportFileName(params.kind, scope.unit.name, scope.asOf, 'xlsx'),
          csv: reportFileName(params.kind, scope.unit.name, scope.asOf, 'csv'),
        },
        issued: {
          latest: latest ? (latestInfo as Omit<typeof latest, 'snapshot'>) : null,
          count: issued.length,
          differences: latest ? differencesFrom(c, params.termId, latest.snapshot) : null,
        },
      },
      200,
    );
  })
  .openapi(save, (c) => {
    const { termId, kind } = c.req.valid('param');
    const { version, unitId, ...settings } = c.req.valid('json');
    const saved = saveReportSettings(c.var.deps.db, currentUser(c), {
      termId,
      kind,
      ...(unitId === undefined ? {} : { unitId }),
      version,
      settings: {
        ...settings,
        sections: settings.sections.map((x) => ({
          ...x,
          key: x.key as (typeof REPORT_SECTION_KEYS)[number],
        })),
      },
    });
    return c.json(saved, 200);
  })
  .openapi(download, async (c) => {
    const { db } = c.var.deps;
    const { format, ...params } = c.req.valid('param');
    const { settings, scope } = scopeFor(c, params, c.req.valid('query'));
    const result = await reportPool().run({
      type: 'file',
      format,
      kind: params.kind,
      settings,
      scope: idsOf(scope),
      source: sourceFor(db, scope, format !== 'docx'),
    });
    const name = reportFileName(params.kind, scope.unit.name, scope.asOf, format);
    return fileResponse(c, result.bytes, TYPES[format], name);
  })
  .openapi(chart, async (c) => {
    const { db } = c.var.deps;
    const { chart: key, ...params } = c.req.valid('param');
    const { scope } = scopeFor(c, params, c.req.valid('query'));
    const result = await reportPool().run({
      type: 'chart',
      chart: key as ChartKey,
      scope: idsOf(scope),
      source: sourceFor(db, scope, false),
    });
    if (!result.drawn) throw new DomainError('not_found', 'Chưa có số liệu để vẽ biểu đồ này.');
    return c.body(result.bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': PNG_TYPE,
      'Content-Length': String(result.bytes.byteLength),
      'Cache-Control': 'private, no-cache',
    });
  })
  .openapi(issue, async (c) => {
    const { db } = c.var.deps;
    const params = c.req.valid('param');
    const { user, settings, scope } = scopeFor(c, params, c.req.valid('query'));
    // Refuse before building anything: the right, then a number and a date that may be issued.
    if (!can(db, user, 'manage_targets', scope.unit.id)) {
      throw forbidden('Bạn không có quyền ban hành báo cáo của đơn vị này.');
    }
    assertIssuable(db, { kind: params.kind, unitId: scope.unit.id, asOf: scope.asOf, settings });
    const result = await reportPool().run({
      type: 'file',
      format: 'docx',
      kind: params.kind,
      settings,
      scope: idsOf(scope),
      source: sourceFor(db, scope, false),
      snapshot: true,
    });
    const info = issueReport(db, user, {
      ...params,
      scope,
      settingsVersion: settings.version,
      snapshot: result.snapshot,
      docx: result.bytes,
    });
    return c.json(info, 201);
  })
  .openapi(issuedList, (c) => {
    const { termId, kind } = c.req.valid('param');
    const list = listIssuedReports(c.var.deps.db, currentUser(c), termId, kind);
    return c.json(
      list.map(({ snapshot: _snapshot, ...info }) => info),
      200,
    );
  })
  .openapi(issuedFile, (c) => {
    const { termId, kind, issuedId } = c.req.valid('param');
    const issued = getIssuedReport(c.var.deps.db, currentUser(c), termId, kind, issuedId);
    const day = issued.issuedAt.slice(0, 10).split('-').reverse().join('-');
    const number = issued.documentNumber
      ? `số ${issued.documentNumber.replaceAll('/', '-')}`
      : `lần ${issued.id}`;
    const name = `Báo cáo đã ban hành ${number} - ${issued.scope.unitName} - ${day}.docx`;
    return fileResponse(c, new Uint8Array(issued.docx), DOCX_TYPE, name);
  });
