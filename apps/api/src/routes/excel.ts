/**
 * Excel in and out for data entry: download a fill-in template for a unit and period, upload it
 * filled in to /entry/import/preview, then to /entry/import/apply to write it (all or nothing). Two
 * routes, so each answer has one shape.
 *
 * The upload is the file itself as the request body (Content-Type of xlsx or
 * application/octet-stream), or a multipart/form-data form with the file in the field `file`.
 */
import { RESULT_FLAGS } from '@chitieu/core';
import { applyImport, authorizeImport, entryTemplate, previewImport } from '@chitieu/db';
import { buildEntryTemplate } from '@chitieu/reports';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { Binary, errors, json } from '../lib/openapi.ts';
import { type AppEnv, createRouter } from '../lib/router.ts';
import { currentUser } from '../lib/session.ts';
import { MAX_UPLOAD_BYTES, readUpload, uploadBody, XLSX_TYPE } from '../lib/upload.ts';
import { ErrorSchema } from '../schemas/common.ts';
import { EntryQuery } from '../schemas/entry.ts';

export { MAX_UPLOAD_BYTES, XLSX_TYPE };

/** What the entry import takes as the body itself (besides a multipart form). */
const ENTRY_UPLOAD_TYPES = [XLSX_TYPE, 'application/octet-stream'] as const;

const FigureFields = z.object({
  value: z.number().int().nullable(),
  numerator: z.number().int().nullable(),
  denominator: z.number().int().nullable(),
  meets: z.boolean().nullable(),
});

const ImportProblemSchema = z.object({
  sheet: z.string(),
  cell: z.string().openapi({ example: 'H7' }),
  row: z.number().int(),
  message: z.string(),
});

export const ImportPreviewSchema = z
  .object({
    changes: z.array(
      z.object({
        row: z.number().int(),
        unitId: z.number().int(),
        unitCode: z.string(),
        unitName: z.string(),
        indicatorId: z.number().int(),
        indicatorCode: z.string(),
        indicatorName: z.string(),
        before: FigureFields.nullable(),
        after: FigureFields,
        beforeText: z.string().nullable(),
        afterText: z.string(),
        note: z.string().nullable(),
        evidenceUrl: z.string().nullable(),
        warnings: z.array(z.object({ code: z.string(), message: z.string() })),
        flag: z.enum(RESULT_FLAGS).nullable(),
      }),
    ),
    unchanged: z.number().int(),
    problems: z.array(ImportProblemSchema),
  })
  .openapi('ImportPreview');

export const ImportResultSchema = z
  .object({
    applied: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    reportsStarted: z.number().int(),
  })
  .openapi('ImportResult');

const template = createRoute({
  method: 'get',
  path: '/entry/template.xlsx',
  tags: ['Nhập liệu'],
  summary: 'Tải biểu mẫu Excel để nhập số liệu của một đơn vị cho một kỳ',
  request: { query: EntryQuery },
  responses: {
    200: { content: { [XLSX_TYPE]: { schema: Binary } }, description: 'Biểu mẫu .xlsx' },
    ...errors,
  },
});

const importDescription =
  'Gửi tệp .xlsx làm thân yêu cầu (Content-Type xlsx hoặc application/octet-stream), hoặc dạng ' +
  'multipart/form-data với tệp trong trường “file”. Tối đa 5 MB.';

const importPreview = createRoute({
  method: 'post',
  path: '/entry/import/preview',
  tags: ['Nhập liệu'],
  summary: 'Tải lên biểu mẫu đã điền: xem trước những gì sẽ thay đổi (không ghi gì)',
  description: importDescription,
  request: { query: EntryQuery, ...uploadBody(ENTRY_UPLOAD_TYPES) },
  responses: {
    200: json(ImportPreviewSchema, 'Xem trước'),
    ...errors,
    413: json(ErrorSchema, 'Tệp quá lớn'),
  },
});

const importApply = createRoute({
  method: 'post',
  path: '/entry/import/apply',
  tags: ['Nhập liệu'],
  summary: 'Tải lên biểu mẫu đã điền và ghi số liệu (tất cả hoặc không gì cả)',
  description: importDescription,
  request: { query: EntryQuery, ...uploadBody(ENTRY_UPLOAD_TYPES) },
  responses: {
    200: json(ImportResultSchema, 'Số dòng đã ghi'),
    ...errors,
    413: json(ErrorSchema, 'Tệp quá lớn'),
  },
});

/** The filled-in workbook, read only after the user's right to write is checked. */
async function uploadedWorkbook(c: Context<AppEnv>, key: z.infer<typeof EntryQuery>) {
  const user = currentUser(c);
  const { db } = c.var.deps;
  // The right to write comes first: a refused user's file is never read.
  authorizeImport(db, user, key);
  const bytes = await readUpload(c, ENTRY_UPLOAD_TYPES, 'tệp .xlsx');
  return { user, input: { ...key, workbook: await c.var.deps.uploads.readEntryWorkbook(bytes) } };
}

export const excelRoutes = createRouter()
  .openapi(template, async (c) => {
    const data = entryTemplate(c.var.deps.db, currentUser(c), c.req.valid('query'));
    const bytes = await buildEntryTemplate(data);
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': attachment(`Biểu nhập liệu - ${data.unit.name} - ${data.period.name}.xlsx`),
      // Holds figures of the user's scope: never shared caches.
      'Cache-Control': 'private, no-store',
    });
  })
  .openapi(importPreview, async (c) => {
    const { user, input } = await uploadedWorkbook(c, c.req.valid('query'));
    return c.json(previewImport(c.var.deps.db, user, input), 200);
  })
  .openapi(importApply, async (c) => {
    const { user, input } = await uploadedWorkbook(c, c.req.valid('query'));
    return c.json(applyImport(c.var.deps.db, user, input), 200);
  });

/**
 * `attachment; filename="ascii"; filename*=UTF-8''…`: browsers use the UTF-8 name (RFC 6266), old
 * clients the ASCII one, from which diacritics are stripped rather than mangled.
 */
export function attachment(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9._]+/g, '-')
    .replace(/-+(?=\.)|^-+|-+$/g, '');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
