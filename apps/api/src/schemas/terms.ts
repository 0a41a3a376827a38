/** A term, its indicators and its targets as every reader sees them. */
import { DIRECTIONS, MEASURE_TYPES, MISSIONS, PERIOD_KINDS } from '@chitieu/core';
import { z } from '@hono/zod-openapi';

export const TermSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    shortName: z.string(),
    ownerUnitId: z.number().int(),
    congressDate: z.string().nullable(),
    startDate: z.string(),
    midTermDate: z.string(),
    endDate: z.string(),
    defaultAsOf: z.string().nullable(),
    illustrative: z.boolean(),
  })
  .openapi('Term');

/** An indicator as every reader sees it; the admin's view (AdminIndicator) adds to these fields. */
export const IndicatorFields = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  measurementUnit: z.string(),
  measureType: z.enum(MEASURE_TYPES),
  decimals: z.number().int(),
  frequency: z.enum(PERIOD_KINDS),
  ratioOverTime: z.enum(['sum', 'latest']),
});

export const IndicatorSchema = IndicatorFields.openapi('Indicator');

export const TargetDefinitionSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    wording: z.string(),
    shortName: z.string(),
    counted: z.boolean(),
    direction: z.enum(DIRECTIONS),
    baseline: z.number().int(),
    goal: z.number().int().nullable(),
    midTermMilestone: z.number().int().nullable(),
    indicator: IndicatorSchema,
    related: z.array(IndicatorSchema),
    yearlyPlan: z.array(z.object({ year: z.number().int(), amount: z.number().int() })),
    mission: z
      .enum(MISSIONS)
      .nullable()
      .openapi({ description: 'The named view it feeds: overview chart and mission page' }),
  })
  .openapi('TargetDefinition');
