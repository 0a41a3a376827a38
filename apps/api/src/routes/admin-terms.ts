/**
 * Setting up terms, indicators, targets and allocations (issue 6, item 3). Handlers parse and hand
 * over to @chitieu/db, which authorises, checks versions, audits and writes in one transaction.
 * Numbers travel as typed ('3.000', '11,54 tỷ') and are read by the same rules as on screen.
 */

import { DIRECTIONS, MAX_DECIMALS, MEASURE_TYPES, MISSIONS, PERIOD_KINDS } from '@chitieu/core';
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
import { limitJsonBody } from '../lib/body-limit.ts';
import { errors, json, jsonBody } from '../lib/openapi.ts';
import { createRouter } from '../lib/router.ts';
import { currentUser } from '../lib/session.ts';
import { ErrorSchema, IndicatorFields, IsoDate, idField, idParam, TermSchema } from '../schemas.ts';

const id = idField;
const pathId = (name: string) => idParam(name).openapi({ param: { name, in: 'path' } });
const text = (max: number, empty?: string) =>
  empty
    ? z
        .string()
        .trim()
        .min(1, { error: empty })
        .max(max, { error: `Dài quá ${max} ký tự.` })
    : z.string().max(max, { error: `Dài quá ${max} ký tự.` });
const frequency = z.enum(PERIOD_KINDS, { error: 'Tần suất phải là year, half hoặc quarter.' });
const version = z.string().min(1).max(64);
const withConflict = { ...errors, 409: json(ErrorSchema, 'Xung đột: người khác vừa sửa, hoặc mã đã có') };

// ---------------------------------------------------------------- shapes

const IndicatorBody = z
  .object({
    code: text(40, 'Chưa nhập mã chỉ số.'),
    name: text(300, 'Chưa nhập tên chỉ số.'),
    measurementUnit: text(40, 'Chưa nhập đơn vị tính.'),
    measureType: z.enum(MEASURE_TYPES, { error: 'Loại đo lường không hợp lệ.' }),
    decimals: z
      .number({ error: 'Số chữ số thập phân phải là số nguyên.' })
      .int({ error: 'Số chữ số thập phân phải là số nguyên.' })
      .min(0, { error: 'Số chữ số thập phân không được âm.' })
      .max(Math.min(MAX_DECIMALS, 6), { error: 'Tối đa 6 chữ số thập phân.' }),
    frequency,
    ratioOverTime: z.enum(['sum', 'latest'], { error: 'Cách tính theo thời gian phải là sum hoặc latest.' }),
    flagGrowth: z
      .string({ error: 'Hệ số gấp phải là số, nhập như trên màn hình (3 hoặc 2,5).' })
      .max(100, { error: 'Dài quá 100 ký tự.' })
      .nullish()
      .openapi({
        description:
          'Plausibility: flag a value more than this many times the past figure, as typed (“3”, “2,5”); empty for the default (3); omit to keep',
      }),
    flagMinChange: z
      .string({ error: 'Mức tăng tối thiểu phải là số, nhập như trên màn hình (10 hoặc 50 triệu).' })
      .max(100, { error: 'Dài quá 100 ký tự.' })
      .nullish()
      .openapi({
        description:
          'Plausibility: a rise smaller than this, in the indicator’s unit, never flags (“10”, “50 triệu”); empty for the default; omit to keep',
      }),
  })
  .openapi('IndicatorInput');

/** The same indicator readers see (IndicatorFields), with what only its editor needs. */
const AdminIndicatorSchema = IndicatorFields.extend({
  flagGrowth: z.number().int().nullable().openapi({ description: 'Hundredths (300 = ×3); null: default' }),
  flagMinChange: z
    .number()
    .int()
    .nullable()
    .openapi({ description: 'Scaled, in the indicator’s unit; null: default by measure type' }),
  version: z.string(),
  hasResults: z.boolean(),
  targetCount: z.number().int(),
}).openapi('AdminIndicator');

const TermBody = z
  .object({
    code: text(40, 'Chưa nhập mã nhiệm kỳ.'),
    name: text(300, 'Chưa nhập tên đại hội, nhiệm kỳ.'),
    shortName: text(80, 'Chưa nhập tên ngắn của nhiệm kỳ.'),
    ownerUnitId: id('ownerUnitId').optional(),
    congressDate: IsoDate.nullish(),
    startDate: IsoDate,
    midTermDate: IsoDate,
    endDate: IsoDate,
  })
  .openapi('TermInput');

const AdminTermSchema = TermSchema.extend({ version: z.string() }).openapi('AdminTerm');

const AdminPeriodSchema = z
  .object({
    id: z.number().int(),
    kind: frequency,
    startDate: z.string(),
    endDate: z.string(),
    deadline: z.string(),
    version: z.string(),
  })
  .openapi('AdminPeriod');

const AllocationCheckSchema = z.object({
  total: z.number().int().nullable(),
  difference: z.number().int().nullable(),
  state: z.enum(['over', 'under', 'equal', 'not_summed']),
  message: z.string().nullable(),
});

const AdminTargetSchema = z
  .object({
    id: z.number().int(),
    termId: z.number().int(),
    code: z.string(),
    wording: z.string(),
    shortName: z.string(),
    primaryIndicatorId: z.number().int(),
    relatedIndicatorIds: z.array(z.number().int()),
    baseline: z.number().int(),
    goal: z.number().int().nullable(),
    midTermMilestone: z.number().int().nullable(),
    direction: z.enum(DIRECTIONS),
    counted: z.boolean(),
    sortOrder: z.number().int(),
    mission: z.enum(MISSIONS).nullable(),
    yearlyPlan: z.array(z.object({ year: z.number().int(), amount: z.number().int() })),
    version: z.string(),
    allocation: AllocationCheckSchema.extend({
      count: z.number().int(),
      formerCount: z
        .number()
        .int()
        .openapi({ description: 'Allocations to units that have since ended: to redo while count is 0' }),
    }),
  })
  .openapi('AdminTarget');

/** Numbers as typed: '3.000', '11,54 tỷ', '87,5'; empty for none. */
const typed = text(100);

const TargetBody = z
  .object({
    code: text(40, 'Chưa nhập mã chỉ tiêu.'),
    wording: text(2000, 'Chưa nhập nguyên văn chỉ tiêu.'),
    shortName: text(200, 'Chưa nhập tên ngắn của chỉ tiêu.'),
    primaryIndicatorId: id('primaryIndicatorId'),
    relatedIndicatorIds: z.array(id('relatedIndicatorIds')).max(10).default([]),
    baseline: typed.default(''),
    goal: typed.default(''),
    midTermMilestone: typed.default(''),
    yearlyPlan: z
      .array(z.object({ year: z.number().int().min(1900).max(2200), amount: typed }))
      .max(20)
      .default([]),
    direction: z.enum(DIRECTIONS, { error: 'Chiều chỉ tiêu phải là at_least hoặc at_most.' }),
    counted: z.boolean(),
    sortOrder: z.number().int().min(0).max(10_000).default(0),
    mission: z
      .enum(MISSIONS, { error: 'Mục nhiệm vụ phải là poverty, rural hoặc grassroots.' })
      .nullable()
      .optional()
      .openapi({ description: 'The named view it feeds (overview chart, mission page); omit to keep' }),
  })
  .openapi('TargetInput');

const SavedTargetSchema = z.object({ target: AdminTargetSchema, warnings: z.array(z.string()) });

const TermSetupSchema = z
  .object({
    term: AdminTermSchema,
    periods: z.array(AdminPeriodSchema),
    targets: z.array(AdminTargetSchema),
    permissions: z.object({
      editTerm: z.boolean(),
      editTargets: z.boolean(),
      allocationParents: z.array(z.number().int()),
    }),
  })
  .openapi('TermSetup');

const AllocationEditorSchema = z
  .object({
    target: z.object({
      id: z.number().int(),
      code: z.string(),
      shortName: z.string(),
      goal: z.number().int().nullable(),
      termId: z.number().int(),
    }),
    indicator: z.object({
      id: z.number().int(),
      measureType: z.enum(MEASURE_TYPES),
      decimals: z.number().int(),
      measurementUnit: z.string(),
    }),
    parent: z.object({ id: z.number().int(), name: z.string() }),
    parentGoal: z.number().int().nullable(),
    children: z.array(
      z.object({
        unitId: z.number().int(),
        code: z.string(),
        name: z.string(),
        goal: z.number().int().nullable(),
      }),
    ),
    check: AllocationCheckSchema,
    version: z.string(),
  })
  .openapi('AllocationEditor');

const TermIdParam = z.object({ termId: pathId('termId') });
const TargetIdParam = z.object({ targetId: pathId('targetId') });

// ---------------------------------------------------------------- routes

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
