/** Data entry: the grid, saving and clearing a result, and the workflow of a unit's report. */
import { PERIOD_KINDS, RESULT_FLAGS, SUBMISSION_STATES } from '@chitieu/core';
import { z } from '@hono/zod-openapi';
import { id, idField } from './common.ts';
import { IndicatorSchema } from './terms.ts';

const ResultSchema = z
  .object({
    id: z.number().int(),
    unitId: z.number().int(),
    indicatorId: z.number().int(),
    periodId: z.number().int(),
    value: z.number().int().nullable(),
    numerator: z.number().int().nullable(),
    denominator: z.number().int().nullable(),
    meets: z.boolean().nullable(),
    note: z.string().nullable(),
    evidenceUrl: z.string().nullable(),
    flag: z.enum(RESULT_FLAGS).nullable().openapi({
      description:
        'Set by the server on save: outside the indicator’s plausibility rule; the report cannot be sent while a flagged result has no note',
    }),
    illustrative: z.boolean(),
    version: z.number().int(),
    updatedBy: z.number().int().nullable(),
    updatedAt: z.string(),
  })
  .openapi('Result');

export const PeriodSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(PERIOD_KINDS),
    startDate: z.string(),
    endDate: z.string(),
    deadline: z.string(),
  })
  .openapi('Period');

export const SubmissionSchema = z
  .object({
    unitId: z.number().int(),
    periodId: z.number().int(),
    state: z.enum(SUBMISSION_STATES),
    comment: z.string().nullable(),
    version: z.number().int(),
    updatedBy: z.number().int().nullable(),
    updatedAt: z.string(),
  })
  .openapi('Submission');

const ProblemSchema = z.object({ field: z.string(), code: z.string(), message: z.string() });

export const EntryQuery = z.object({
  termId: id('termId'),
  unitId: id('unitId'),
  periodId: id('periodId'),
});

export const EntryGridSchema = z
  .object({
    term: z.object({ id: z.number().int(), shortName: z.string() }),
    unit: z.object({
      id: z.number().int(),
      code: z.string(),
      name: z.string(),
      isGrassroots: z.boolean(),
      validFrom: z.string(),
      validTo: z.string().nullable(),
    }),
    outsideLife: z
      .string()
      .nullable()
      .openapi({ description: 'Why the unit takes no results for this period (outside its life), or null' }),
    period: PeriodSchema,
    submission: SubmissionSchema.extend({ updatedByName: z.string().nullable() }).nullable(),
    rows: z.array(
      z.object({
        targetId: z.number().int(),
        targetCode: z.string(),
        targetName: z.string(),
        counted: z.boolean(),
        primary: z.boolean(),
        indicator: IndicatorSchema,
        applicable: z.boolean(),
        result: ResultSchema.extend({ updatedByName: z.string().nullable() }).nullable(),
        previous: ResultSchema.nullable(),
        sameLastYear: ResultSchema.nullable(),
        allocation: z.number().int().nullable(),
        plausibility: z.object({
          growth: z.number().int().openapi({ description: 'Growth factor in hundredths (300 = ×3)' }),
          minChange: z.number().int().openapi({
            description: 'A rise smaller than this (scaled, in the indicator’s unit) never flags',
          }),
        }),
      }),
    ),
    permissions: z.object({
      edit: z.boolean(),
      reasonRequired: z.boolean(),
      submit: z.boolean(),
      approve: z.boolean(),
      /** Why approving is not offered to this user (separation of duties), or null. */
      approveBlocked: z.string().nullable(),
      return: z.boolean(),
    }),
  })
  .openapi('EntryGrid');

const text = (max: number) => z.string().max(max, { error: `Dài quá ${max} ký tự.` });

export const SaveResultBody = z
  .object({
    unitId: idField('unitId'),
    indicatorId: idField('indicatorId'),
    periodId: idField('periodId'),
    /** What the user typed: '3.000', '11,54 tỷ'; parsed on the server by the same rules as the grid. */
    value: text(100).nullish(),
    numerator: text(100).nullish(),
    denominator: text(100).nullish(),
    meets: z.boolean().nullish(),
    note: text(2000).nullish(),
    evidenceUrl: text(1000).nullish(),
    expectedVersion: z.number().int().min(1).nullable(),
    reason: text(2000).nullish(),
  })
  .openapi('SaveResult');

export const ClearResultBody = z
  .object({
    unitId: idField('unitId'),
    indicatorId: idField('indicatorId'),
    periodId: idField('periodId'),
    expectedVersion: z.number().int().min(1).nullable(),
    reason: text(2000).nullish(),
  })
  .openapi('ClearResult');

export const ClearResultResponse = z.object({ cleared: ResultSchema.nullable() }).openapi('ClearedResult');

export const SaveResultResponse = z
  .object({ result: ResultSchema, warnings: z.array(ProblemSchema) })
  .openapi('SavedResult');

export const ReportParams = z.object({
  unitId: id('unitId').openapi({ param: { name: 'unitId', in: 'path' } }),
  periodId: id('periodId').openapi({ param: { name: 'periodId', in: 'path' } }),
  action: z
    .enum(['submit', 'approve', 'return'], { error: '“action” phải là submit, approve hoặc return.' })
    .openapi({ param: { name: 'action', in: 'path' } }),
});

export const ReportBody = z.object({
  comment: text(2000).nullish(),
  expectedVersion: z.number().int().min(1).nullish(),
});
