/** The report's parameters, settings and view as the API takes and answers them. */

import { BASES } from '@chitieu/core';
import { REPORT_KINDS, REPORT_SECTION_KEYS } from '@chitieu/db';
import { CHART_KEYS } from '@chitieu/reports';
import { z } from '@hono/zod-openapi';
import { IsoDate, idParam, TermParams } from '../../schemas/common.ts';
import { ScopeViewSchema } from '../../schemas/figures.ts';
import { REPORT_FORMATS } from '../../workers/report-jobs.ts';

const KIND_ERROR = '“kind” phải là mid_term, end_of_term hoặc yearly.';
export const ReportKindParams = TermParams.extend({
  kind: z
    .enum(REPORT_KINDS, { error: KIND_ERROR })
    .openapi({ param: { name: 'kind', in: 'path' }, example: 'mid_term' }),
});
export const FormatParams = ReportKindParams.extend({
  format: z
    .enum(REPORT_FORMATS, { error: '“format” phải là docx, xlsx hoặc csv.' })
    .openapi({ param: { name: 'format', in: 'path' }, example: 'docx' }),
});
export const ChartParams = ReportKindParams.extend({
  chart: z
    .enum(CHART_KEYS, { error: '“chart” phải là completion, poverty hoặc works.' })
    .openapi({ param: { name: 'chart', in: 'path' }, example: 'completion' }),
});
export const IssuedParams = ReportKindParams.extend({
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

export const IssuedInfoSchema = z.object({
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
