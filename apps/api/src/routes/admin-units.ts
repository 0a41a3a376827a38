/**
 * Administering the unit tree: list, create, rename/recode/mark grassroots, move, close, import
 * (/admin/units/import/preview, then /admin/units/import/apply: all or nothing) and export (CSV with
 * BOM, XLSX). Authorisation and the rules live in @chitieu/db (admin/units.ts, unit-edits.ts,
 * unit-import.ts); handlers parse, call and answer.
 */

import { UNIT_CODE_PATTERN } from '@chitieu/core';
import {
  adminUnitTree,
  applyTreeImport,
  closeUnit,
  createUnit,
  exportTreeRows,
  moveUnit,
  previewTreeImport,
  setTreeStart,
  updateUnit,
} from '@chitieu/db';
import { buildUnitTreeCsv, buildUnitTreeXlsx } from '@chitieu/reports';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { limitJsonBody } from '../lib/body-limit.ts';
import { Binary, errors, json, jsonBody } from '../lib/openapi.ts';
import { type AppEnv, createRouter } from '../lib/router.ts';
import { currentUser } from '../lib/session.ts';
import { readUpload, uploadBody, XLSX_TYPE } from '../lib/upload.ts';
import { ErrorSchema, IsoDate, idParam } from '../schemas/common.ts';
import { attachment } from './excel.ts';

export const UnitCode = z.string().trim().regex(UNIT_CODE_PATTERN, {
  error: 'Mã đơn vị gồm 1–40 ký tự: chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới.',
});
const UnitName = z
  .string()
  .trim()
  .min(1, { error: 'Tên đơn vị không được để trống.' })
  .max(200, { error: 'Tên đơn vị dài quá 200 ký tự.' });
const UnitType = z
  .string()
  .trim()
  .min(1, { error: 'Hãy chọn loại đơn vị.' })
  .max(60, { error: 'Loại đơn vị dài quá 60 ký tự.' });
const Version = z
  .string()
  .min(1)
  .max(64)
  .openapi({ description: 'Mã phiên bản đơn vị đã xem (chống ghi đè)' });
const IdParam = z.object({ id: idParam('id').openapi({ param: { name: 'id', in: 'path' } }) });

const AdminUnitSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    type: z.string(),
    isGrassroots: z.boolean(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
    parentId: z.number().int().nullable(),
    depth: z.number().int(),
    openChildren: z.number().int(),
    version: z.string(),
  })
  .openapi('AdminUnit');

const Problem = z.object({ row: z.number().int(), message: z.string() });
const ByType = z.array(z.object({ type: z.string(), count: z.number().int() }));

const TreePreviewSchema = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    encoding: z.string(),
    rows: z.array(
      z.object({
        row: z.number().int(),
        code: z.string(),
        name: z.string(),
        type: z.string(),
        parentCode: z.string(),
        isGrassroots: z.boolean(),
        action: z.enum(['create', 'match']),
        note: z
          .string()
          .optional()
          .openapi({ description: 'What differs in a matched row, or why it is kept' }),
      }),
    ),
    problems: z.array(Problem),
    created: z.number().int(),
    byType: ByType,
  })
  .openapi('UnitTreePreview');

const TreeAppliedSchema = z.object({ applied: z.literal(true), created: z.number().int(), byType: ByType });

const TreeStartSchema = z.object({ date: z.string(), movable: z.boolean() }).openapi('TreeStart', {
  description: 'When the tree begins, and whether it may still move (no reorganisation, no result before)',
});

const setStart = createRoute({
  method: 'put',
  path: '/admin/units/start',
  tags: ['Quản trị'],
  summary: 'Đổi ngày hiệu lực ban đầu của cây đơn vị (khi chưa có gì phụ thuộc vào nó)',
  middleware: [limitJsonBody] as const,
  request: jsonBody(z.object({ validFrom: IsoDate })),
  responses: { 200: json(TreeStartSchema, 'Ngày hiệu lực của cây đơn vị'), ...errors },
});

const list = createRoute({
  method: 'get',
  path: '/admin/units',
  tags: ['Quản trị'],
  summary: 'Cây đơn vị bạn quản trị (cơ cấu hiện hành)',
  responses: {
    200: json(
      z.object({
        structureVersionId: z.number().int(),
        start: TreeStartSchema.nullable(),
        units: z.array(AdminUnitSchema),
      }),
      'Cây đơn vị',
    ),
    ...errors,
  },
});

const create = createRoute({
  method: 'post',
  path: '/admin/units',
  tags: ['Quản trị'],
  summary: 'Thêm đơn vị',
  middleware: [limitJsonBody] as const,
  request: jsonBody(
    z.object({
      code: UnitCode,
      name: UnitName,
      type: UnitType,
      parentId: z.number().int().positive(),
      isGrassroots: z.boolean().optional(),
      validFrom: IsoDate.optional(),
    }),
  ),
  responses: {
    200: json(z.object({ id: z.number().int() }), 'Đã thêm'),
    ...errors,
    409: json(ErrorSchema, 'Trùng mã'),
  },
});

const update = createRoute({
  method: 'patch',
  path: '/admin/units/{id}',
  tags: ['Quản trị'],
  summary: 'Đổi tên, mã, loại, hoặc đánh dấu cơ sở Hội',
  middleware: [limitJsonBody] as const,
  request: {
    params: IdParam,
    ...jsonBody(
      z.object({
        version: Version,
        code: UnitCode.optional(),
        name: UnitName.optional(),
        type: UnitType.optional(),
        isGrassroots: z.boolean().optional(),
      }),
    ),
  },
  responses: {
    200: json(z.object({ ok: z.boolean() }), 'Đã lưu'),
    ...errors,
    409: json(ErrorSchema, 'Xung đột'),
  },
});

const move = createRoute({
  method: 'post',
  path: '/admin/units/{id}/move',
  tags: ['Quản trị'],
  summary: 'Chuyển đơn vị (cùng các đơn vị trực thuộc) sang cấp trên khác',
  middleware: [limitJsonBody] as const,
  request: {
    params: IdParam,
    ...jsonBody(z.object({ version: Version, parentId: z.number().int().positive() })),
  },
  responses: {
    200: json(z.object({ moved: z.number().int() }), 'Đã chuyển'),
    ...errors,
    409: json(ErrorSchema, 'Xung đột'),
  },
});

const close = createRoute({
  method: 'post',
  path: '/admin/units/{id}/close',
  tags: ['Quản trị'],
  summary: 'Giải thể đơn vị từ một ngày (không được khi còn đơn vị trực thuộc đang hoạt động)',
  middleware: [limitJsonBody] as const,
  request: { params: IdParam, ...jsonBody(z.object({ version: Version, date: IsoDate })) },
  responses: {
    200: json(z.object({ validTo: z.string() }), 'Đã giải thể'),
    ...errors,
    409: json(ErrorSchema, 'Xung đột'),
  },
});

/**
 * What the tree import takes as the body itself: CSV as browsers label it (Windows calls a .csv
 * "application/vnd.ms-excel"), plain text, XLSX, or bytes of no declared type. The content decides.
 */
const TREE_UPLOAD_TYPES = [
  'text/csv',
  'text/plain',
  'application/vnd.ms-excel',
  XLSX_TYPE,
  'application/octet-stream',
] as const;

const importDescription =
  'Gửi tệp làm thân yêu cầu, hoặc multipart/form-data với tệp trong trường “file”. Tối đa 5 MB. ' +
  'Dòng không có parent_code phải là đơn vị gốc của tổ chức (khớp theo mã). Có lỗi thì không ghi gì.';

const importTreePreview = createRoute({
  method: 'post',
  path: '/admin/units/import/preview',
  tags: ['Quản trị'],
  summary: 'Xem trước việc nhập cây đơn vị từ CSV hoặc XLSX (code, name, type, parent_code): không ghi gì',
  description: importDescription,
  request: uploadBody(TREE_UPLOAD_TYPES),
  responses: {
    200: json(TreePreviewSchema, 'Xem trước'),
    ...errors,
    413: json(ErrorSchema, 'Tệp quá lớn'),
  },
});

const importTreeApply = createRoute({
  method: 'post',
  path: '/admin/units/import/apply',
  tags: ['Quản trị'],
  summary: 'Nhập cây đơn vị từ CSV hoặc XLSX (code, name, type, parent_code): ghi tất cả hoặc không gì cả',
  description: importDescription,
  request: {
    query: z.object({
      validFrom: IsoDate.optional().openapi({
        description: 'Ngày các đơn vị mới bắt đầu (mặc định: ngày bắt đầu cơ cấu)',
      }),
    }),
    ...uploadBody(TREE_UPLOAD_TYPES),
  },
  responses: {
    200: json(TreeAppliedSchema, 'Số đơn vị đã thêm'),
    ...errors,
    413: json(ErrorSchema, 'Tệp quá lớn'),
  },
});

/** The uploaded tree file, read only after the user is found to be an admin. */
async function uploadedTree(c: Context<AppEnv>) {
  const user = currentUser(c);
  const { db, today } = c.var.deps;
  // Refuse a non-admin before reading the file.
  adminUnitTree(db, user, today());
  const bytes = await readUpload(c, TREE_UPLOAD_TYPES, 'tệp CSV hoặc XLSX');
  return { user, file: await c.var.deps.uploads.readUnitTreeFile(bytes) };
}

const exportCsv = createRoute({
  method: 'get',
  path: '/admin/units/export.csv',
  tags: ['Quản trị'],
  summary: 'Xuất cây đơn vị (CSV UTF-8 có BOM, cùng định dạng với tệp nhập)',
  responses: { 200: { content: { 'text/csv': { schema: Binary } }, description: 'Tệp CSV' }, ...errors },
});

const exportXlsx = createRoute({
  method: 'get',
  path: '/admin/units/export.xlsx',
  tags: ['Quản trị'],
  summary: 'Xuất cây đơn vị (XLSX, cùng các cột với tệp nhập)',
  responses: { 200: { content: { [XLSX_TYPE]: { schema: Binary } }, description: 'Tệp XLSX' }, ...errors },
});

const download = { 'Cache-Control': 'private, no-store' };

export const adminUnitsRoutes = createRouter()
  .openapi(setStart, (c) => {
    const { db } = c.var.deps;
    return c.json(setTreeStart(db, currentUser(c), c.req.valid('json').validFrom), 200);
  })
  .openapi(list, (c) => {
    const { db, today } = c.var.deps;
    return c.json(adminUnitTree(db, currentUser(c), today()), 200);
  })
  .openapi(create, (c) => {
    const { db, today } = c.var.deps;
    const unit = createUnit(db, currentUser(c), today(), c.req.valid('json'));
    return c.json({ id: unit.id }, 200);
  })
  .openapi(update, (c) => {
    const { db, today } = c.var.deps;
    updateUnit(db, currentUser(c), today(), c.req.valid('param').id, c.req.valid('json'));
    return c.json({ ok: true }, 200);
  })
  .openapi(move, (c) => {
    const { db, today } = c.var.deps;
    return c.json(moveUnit(db, currentUser(c), today(), c.req.valid('param').id, c.req.valid('json')), 200);
  })
  .openapi(close, (c) => {
    const { db, today } = c.var.deps;
    return c.json(closeUnit(db, currentUser(c), today(), c.req.valid('param').id, c.req.valid('json')), 200);
  })
  .openapi(importTreePreview, async (c) => {
    const { user, file } = await uploadedTree(c);
    const preview = previewTreeImport(c.var.deps.db, user, c.var.deps.today(), file.rows, file.problems);
    return c.json({ format: file.format, encoding: file.encoding, ...preview }, 200);
  })
  .openapi(importTreeApply, async (c) => {
    const { user, file } = await uploadedTree(c);
    const { db, today } = c.var.deps;
    const { validFrom } = c.req.valid('query');
    const done = applyTreeImport(db, user, today(), file.rows, file.problems, validFrom);
    return c.json({ applied: true as const, ...done }, 200);
  })
  .openapi(exportCsv, (c) => {
    const { db, today } = c.var.deps;
    const bytes = buildUnitTreeCsv(exportTreeRows(db, currentUser(c), today()));
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': attachment(`Cây đơn vị ${today()}.csv`),
      ...download,
    });
  })
  .openapi(exportXlsx, async (c) => {
    const { db, today } = c.var.deps;
    const bytes = await buildUnitTreeXlsx(exportTreeRows(db, currentUser(c), today()));
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': attachment(`Cây đơn vị ${today()}.xlsx`),
      ...download,
    });
  });
