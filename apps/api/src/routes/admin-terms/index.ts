/**
 * Setting up terms, indicators, targets and allocations (issue 6, item 3). Handlers parse and hand
 * over to @chitieu/db, which authorises, checks versions, audits and writes in one transaction.
 * Numbers travel as typed ('3.000', '11,54 tỷ') and are read by the same rules as on screen.
 */

import {
  allocationEditor,
  copyTerm,
  createIndicator,
  createTarget,
  createTerm,
  generateTermPeriods,
  listIndicators,
  saveAllocations,
  termSetup,
  updateIndicator,
  updatePeriodDeadline,
  updateTarget,
  updateTerm,
} from '@chitieu/db';
import { createRoute, z } from '@hono/zod-openapi';
import { limitJsonBody } from '../../lib/body-limit.ts';
import { errors, json, jsonBody } from '../../lib/openapi.ts';
import { createRouter } from '../../lib/router.ts';
import { currentUser } from '../../lib/session.ts';
import { IsoDate, idParam } from '../../schemas/common.ts';
import {
  AdminIndicatorSchema,
  AdminPeriodSchema,
  AdminTermSchema,
  AllocationEditorSchema,
  frequency,
  IndicatorBody,
  id,
  pathId,
  SavedTargetSchema,
  TargetBody,
  TargetIdParam,
  TermBody,
  TermIdParam,
  TermSetupSchema,
  typed,
  version,
  withConflict,
} from './schemas.ts';

const tags = ['Khai báo nhiệm kỳ, chỉ tiêu'];

const indicatorsList = createRoute({
  method: 'get',
  path: '/admin/indicators',
  tags,
  summary: 'Các chỉ số (dùng chung cho mọi nhiệm kỳ)',
  responses: { 200: json(z.array(AdminIndicatorSchema), 'Chỉ số'), ...errors },
});

const indicatorCreate = createRoute({
  method: 'post',
  path: '/admin/indicators',
  tags,
  summary: 'Tạo chỉ số',
  middleware: [limitJsonBody] as const,
  request: jsonBody(IndicatorBody),
  responses: { 201: json(AdminIndicatorSchema, 'Đã tạo'), ...withConflict },
});

const indicatorUpdate = createRoute({
  method: 'put',
  path: '/admin/indicators/{indicatorId}',
  tags,
  summary: 'Sửa chỉ số (loại đo lường và số thập phân cố định khi đã có kết quả)',
  middleware: [limitJsonBody] as const,
  request: {
    params: z.object({ indicatorId: pathId('indicatorId') }),
    ...jsonBody(IndicatorBody.extend({ expectedVersion: version })),
  },
  responses: { 200: json(AdminIndicatorSchema, 'Đã lưu'), ...withConflict },
});

const termCreate = createRoute({
  method: 'post',
  path: '/admin/terms',
  tags,
  summary: 'Tạo nhiệm kỳ',
  middleware: [limitJsonBody] as const,
  request: jsonBody(TermBody),
  responses: { 201: json(AdminTermSchema, 'Đã tạo'), ...withConflict },
});

const termGet = createRoute({
  method: 'get',
  path: '/admin/terms/{termId}',
  tags,
  summary: 'Nhiệm kỳ, kỳ báo cáo và chỉ tiêu để khai báo',
  request: { params: TermIdParam },
  responses: { 200: json(TermSetupSchema, 'Khai báo nhiệm kỳ'), ...errors },
});

const termUpdate = createRoute({
  method: 'put',
  path: '/admin/terms/{termId}',
  tags,
  summary: 'Sửa nhiệm kỳ',
  middleware: [limitJsonBody] as const,
  request: { params: TermIdParam, ...jsonBody(TermBody.extend({ expectedVersion: version })) },
  responses: { 200: json(AdminTermSchema, 'Đã lưu'), ...withConflict },
});

const periodsGenerate = createRoute({
  method: 'post',
  path: '/admin/terms/{termId}/periods',
  tags,
  summary: 'Tạo các kỳ báo cáo (năm, 6 tháng, quý) của nhiệm kỳ, kèm hạn báo cáo',
  middleware: [limitJsonBody] as const,
  request: {
    params: TermIdParam,
    ...jsonBody(z.object({ kinds: z.array(frequency).min(1, { error: 'Chọn ít nhất một loại kỳ.' }) })),
  },
  responses: { 200: json(z.array(AdminPeriodSchema), 'Các kỳ của nhiệm kỳ'), ...errors },
});

const periodUpdate = createRoute({
  method: 'put',
  path: '/admin/periods/{periodId}',
  tags,
  summary: 'Sửa hạn báo cáo của một kỳ',
  middleware: [limitJsonBody] as const,
  request: {
    params: z.object({ periodId: pathId('periodId') }),
    ...jsonBody(z.object({ deadline: IsoDate, expectedVersion: version })),
  },
  responses: { 200: json(AdminPeriodSchema, 'Đã lưu'), ...withConflict },
});

const termCopy = createRoute({
  method: 'post',
  path: '/admin/terms/{termId}/copy',
  tags,
  summary: 'Chép các chỉ tiêu của nhiệm kỳ làm bản nháp cho nhiệm kỳ sau',
  middleware: [limitJsonBody] as const,
  request: { params: TermIdParam, ...jsonBody(TermBody) },
  responses: { 201: json(TermSetupSchema, 'Nhiệm kỳ mới'), ...withConflict },
});

const targetCreate = createRoute({
  method: 'post',
  path: '/admin/terms/{termId}/targets',
  tags,
  summary: 'Thêm chỉ tiêu',
  middleware: [limitJsonBody] as const,
  request: { params: TermIdParam, ...jsonBody(TargetBody) },
  responses: { 201: json(SavedTargetSchema, 'Đã tạo'), ...withConflict },
});

const targetUpdate = createRoute({
  method: 'put',
  path: '/admin/targets/{targetId}',
  tags,
  summary: 'Sửa chỉ tiêu (cảnh báo nếu phân bổ không còn khớp)',
  middleware: [limitJsonBody] as const,
  request: { params: TargetIdParam, ...jsonBody(TargetBody.extend({ expectedVersion: version })) },
  responses: { 200: json(SavedTargetSchema, 'Đã lưu, kèm cảnh báo nếu có'), ...withConflict },
});

const allocationsGet = createRoute({
  method: 'get',
  path: '/admin/targets/{targetId}/allocations',
  tags,
  summary: 'Phân bổ chỉ tiêu cho các đơn vị trực thuộc',
  request: { params: TargetIdParam, query: z.object({ parentUnitId: idParam('parentUnitId').optional() }) },
  responses: { 200: json(AllocationEditorSchema, 'Phân bổ'), ...errors },
});

const allocationsSave = createRoute({
  method: 'put',
  path: '/admin/targets/{targetId}/allocations',
  tags,
  summary: 'Lưu phân bổ (cảnh báo nêu chênh lệch, không tự sửa)',
  middleware: [limitJsonBody] as const,
  request: {
    params: TargetIdParam,
    ...jsonBody(
      z.object({
        parentUnitId: id('parentUnitId').optional(),
        expectedVersion: version,
        allocations: z.array(z.object({ unitId: id('unitId'), goal: typed })).max(5000),
      }),
    ),
  },
  responses: {
    200: json(z.object({ editor: AllocationEditorSchema, warnings: z.array(z.string()) }), 'Đã lưu'),
    ...withConflict,
  },
});

export const adminTermsRoutes = createRouter()
  .openapi(indicatorsList, (c) => {
    currentUser(c);
    return c.json(listIndicators(c.var.deps.db), 200);
  })
  .openapi(indicatorCreate, (c) =>
    c.json(createIndicator(c.var.deps.db, currentUser(c), c.req.valid('json')), 201),
  )
  .openapi(indicatorUpdate, (c) =>
    c.json(
      updateIndicator(c.var.deps.db, currentUser(c), c.req.valid('param').indicatorId, c.req.valid('json')),
      200,
    ),
  )
  .openapi(termCreate, (c) => c.json(createTerm(c.var.deps.db, currentUser(c), c.req.valid('json')), 201))
  .openapi(termGet, (c) => c.json(termSetup(c.var.deps.db, currentUser(c), c.req.valid('param').termId), 200))
  .openapi(termUpdate, (c) =>
    c.json(updateTerm(c.var.deps.db, currentUser(c), c.req.valid('param').termId, c.req.valid('json')), 200),
  )
  .openapi(periodsGenerate, (c) =>
    c.json(
      generateTermPeriods(
        c.var.deps.db,
        currentUser(c),
        c.req.valid('param').termId,
        c.req.valid('json').kinds,
      ),
      200,
    ),
  )
  .openapi(periodUpdate, (c) =>
    c.json(
      updatePeriodDeadline(c.var.deps.db, currentUser(c), c.req.valid('param').periodId, c.req.valid('json')),
      200,
    ),
  )
  .openapi(termCopy, (c) =>
    c.json(copyTerm(c.var.deps.db, currentUser(c), c.req.valid('param').termId, c.req.valid('json')), 201),
  )
  .openapi(targetCreate, (c) =>
    c.json(
      createTarget(c.var.deps.db, currentUser(c), c.req.valid('param').termId, c.req.valid('json')),
      201,
    ),
  )
  .openapi(targetUpdate, (c) =>
    c.json(
      updateTarget(c.var.deps.db, currentUser(c), c.req.valid('param').targetId, c.req.valid('json')),
      200,
    ),
  )
  .openapi(allocationsGet, (c) =>
    c.json(
      allocationEditor(
        c.var.deps.db,
        currentUser(c),
        c.req.valid('param').targetId,
        c.req.valid('query').parentUnitId,
      ),
      200,
    ),
  )
  .openapi(allocationsSave, (c) =>
    c.json(
      saveAllocations(c.var.deps.db, currentUser(c), c.req.valid('param').targetId, c.req.valid('json')),
      200,
    ),
  );
