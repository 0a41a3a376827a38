/** The bodies and answers of the term, indicator, target and allocation editors. */
import { DIRECTIONS, MAX_DECIMALS, MEASURE_TYPES, MISSIONS, PERIOD_KINDS } from '@chitieu/core';
import { z } from '@hono/zod-openapi';
import { errors, json } from '../../lib/openapi.ts';
import { ErrorSchema, IsoDate, idField, idParam } from '../../schemas/common.ts';
import { IndicatorFields, TermSchema } from '../../schemas/terms.ts';

export const id = idField;
export const pathId = (name: string) => idParam(name).openapi({ param: { name, in: 'path' } });
const text = (max: number, empty?: string) =>
  empty
    ? z
        .string()
        .trim()
        .min(1, { error: empty })
        .max(max, { error: `Dài quá ${max} ký tự.` })
    : z.string().max(max, { error: `Dài quá ${max} ký tự.` });
export const frequency = z.enum(PERIOD_KINDS, { error: 'Tần suất phải là year, half hoặc quarter.' });
export const version = z.string().min(1).max(64);
export const withConflict = {
  ...errors,
  409: json(ErrorSchema, 'Xung đột: người khác vừa sửa, hoặc mã đã có'),
};

// ---------------------------------------------------------------- shapes

export const IndicatorBody = z
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
export const AdminIndicatorSchema = IndicatorFields.extend({
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

export const TermBody = z
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

export const AdminTermSchema = TermSchema.extend({ version: z.string() }).openapi('AdminTerm');

export const AdminPeriodSchema = z
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
export const typed = text(100);

export const TargetBody = z
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

export const SavedTargetSchema = z.object({ target: AdminTargetSchema, warnings: z.array(z.string()) });

export const TermSetupSchema = z
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

export const AllocationEditorSchema = z
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

export const TermIdParam = z.object({ termId: pathId('termId') });
export const TargetIdParam = z.object({ targetId: pathId('targetId') });

// ---------------------------------------------------------------- routes
