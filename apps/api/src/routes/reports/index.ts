/**
 * The term's report (mid-term, end of term, yearly): settings and narrative, the figures as the
 * report prints them, downloads (DOCX, XLSX, CSV), chart images, and issued versions.
 *
 * Every figure comes from the dashboard's functions for the same scope (unitId, asOf, basis,
 * structureVersionId), resolved with the signed-in user: a scope they may not see is a 403 before
 * any file is built. Without `asOf`, the report's own as-of date (its settings) applies. Files and
 * charts are built in the report worker pool, off the request thread.
 */

import { DomainError, forbidden } from '@chitieu/core';
import {
  assertIssuable,
  can,
  getIssuedReport,
  issueReport,
  listIssuedReports,
  type REPORT_SECTION_KEYS,
  reportData,
  saveReportSettings,
} from '@chitieu/db';
import {
  appendixNote,
  appendixView,
  type ChartKey,
  CSV_TYPE,
  chartSpecs,
  cleanReportData,
  cleanSettings,
  DOCX_TYPE,
  headerView,
  headlineTexts,
  ILLUSTRATIVE_NOTE,
  moneyFootnote,
  PNG_TYPE,
  reportFileName,
  targetRows,
  titleLines,
  XLSX_TYPE,
} from '@chitieu/reports';
import { createRoute, z } from '@hono/zod-openapi';
import { limitJsonBody } from '../../lib/body-limit.ts';
import { Binary, errors, json } from '../../lib/openapi.ts';
import { createRouter } from '../../lib/router.ts';
import { currentUser } from '../../lib/session.ts';
import { ErrorSchema, ScopeQuery } from '../../schemas/common.ts';
import { reportPool } from '../../workers/report-pool.ts';

// ---------------------------------------------------------------- schemas

import { differencesFrom, fileResponse, idsOf, scopeFor, sourceFor, TYPES } from './compose.ts';
import {
  ChartParams,
  FormatParams,
  IssuedInfoSchema,
  IssuedParams,
  ReportKindParams,
  ReportSettingsBody,
  ReportSettingsSchema,
  ReportViewSchema,
} from './schemas.ts';

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
