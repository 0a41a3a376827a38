/**
 * The API's contract: request parameters and response shapes. The OpenAPI document and the typed
 * client (`hc<AppType>`) both come from these; the web never writes response types by hand.
 */
import { isIsoDate, MEASURE_TYPES, TARGET_STATUSES } from '@chitieu/core';
import { z } from '@hono/zod-openapi';

const id = (name: string) =>
  z.coerce
    .number({ error: `“${name}” phải là số nguyên dương.` })
    .int({ error: `“${name}” phải là số nguyên dương.` })
    .positive({ error: `“${name}” phải là số nguyên dương.` })
    .max(Number.MAX_SAFE_INTEGER, { error: `“${name}” quá lớn.` });

export const IsoDate = z
  .string()
  .refine(isIsoDate, { error: 'Ngày phải có dạng YYYY-MM-DD và là ngày có thật.' })
  .openapi({ example: '2024-06-30' });

export const TermParams = z.object({
  termId: id('termId').openapi({ param: { name: 'termId', in: 'path' }, example: 1 }),
});
export const TargetParams = TermParams.extend({
  targetId: id('targetId').openapi({ param: { name: 'targetId', in: 'path' }, example: 2 }),
});

/** The view a leader looks at: whose figures, as of when, counting which results, in which structure. */
export const ScopeQuery = z.object({
  unitId: id('unitId').optional(),
  asOf: IsoDate.optional(),
  basis: z.enum(['approved', 'submitted'], { error: '“basis” phải là approved hoặc submitted.' }).optional(),
  structureVersionId: id('structureVersionId').optional(),
});

export const UnitsQuery = z.object({ structureVersionId: id('structureVersionId').optional() });

export const ErrorSchema = z
  .object({
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  })
  .openapi('Error');

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

export const IndicatorSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    measurementUnit: z.string(),
    measureType: z.enum(MEASURE_TYPES),
    decimals: z.number().int(),
  })
  .openapi('Indicator');

export const TargetDefinitionSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    wording: z.string(),
    shortName: z.string(),
    counted: z.boolean(),
    direction: z.enum(['at_least', 'at_most']),
    baseline: z.number().int(),
    goal: z.number().int().nullable(),
    midTermMilestone: z.number().int().nullable(),
    indicator: IndicatorSchema,
    related: z.array(IndicatorSchema),
    yearlyPlan: z.array(z.object({ year: z.number().int(), amount: z.number().int() })),
  })
  .openapi('TargetDefinition');

export const FigureSchema = z
  .object({
    value: z.number().int().nullable().openapi({ description: 'Scaled integer; null = not reported' }),
    numerator: z.number().int(),
    denominator: z.number().int(),
    meeting: z.number().int(),
    reported: z.number().int(),
    expected: z.number().int(),
    latestPeriodId: z.number().int().nullable(),
  })
  .openapi('Figure');

const StatusSchema = z.enum(TARGET_STATUSES).nullable();
const RelatedFigures = z.array(z.object({ indicator: IndicatorSchema, figure: FigureSchema }));

export const ScopeViewSchema = z
  .object({
    term: TermSchema,
    unit: z.object({ id: z.number().int(), code: z.string(), name: z.string(), type: z.string() }),
    path: z.array(z.object({ id: z.number().int(), name: z.string() })),
    asOf: z.string(),
    basis: z.enum(['approved', 'submitted']),
    structureVersionId: z.number().int(),
    illustrative: z.boolean(),
  })
  .openapi('ScopeView');

export const DashboardSchema = z
  .object({
    scope: ScopeViewSchema,
    headline: z.object({ done: z.number().int(), counted: z.number().int() }),
    targets: z.array(
      TargetDefinitionSchema.extend({
        figure: FigureSchema,
        status: StatusSchema,
        progress: z.number().nullable(),
        expectedShare: z.number(),
        pctOfGoal: z.number().nullable(),
        relatedFigures: RelatedFigures,
      }),
    ),
  })
  .openapi('Dashboard');

export const TreeUnitSchema = z
  .object({
    id: z.number().int(),
    code: z.string(),
    name: z.string(),
    type: z.string(),
    isGrassroots: z.boolean(),
    parentId: z.number().int().nullable(),
    depth: z.number().int(),
  })
  .openapi('TreeUnit');

export const BreakdownSchema = z
  .object({
    scope: ScopeViewSchema,
    target: TargetDefinitionSchema,
    rows: z.array(
      TreeUnitSchema.extend({
        figure: FigureSchema,
        allocation: z.number().int().nullable(),
        status: StatusSchema,
        pctOfGoal: z.number().nullable(),
        relatedFigures: RelatedFigures,
        hasChildren: z.boolean(),
      }),
    ),
  })
  .openapi('Breakdown');

const SeriesPoints = z.array(
  z.object({
    periodId: z.number().int(),
    startDate: z.string(),
    endDate: z.string(),
    period: FigureSchema,
    toDate: FigureSchema,
  }),
);

export const SeriesSchema = z
  .object({
    scope: ScopeViewSchema,
    target: TargetDefinitionSchema,
    points: SeriesPoints,
    related: z.array(z.object({ indicator: IndicatorSchema, points: SeriesPoints })),
  })
  .openapi('Series');

export const StructureVersionSchema = z
  .object({ id: z.number().int(), name: z.string(), validFrom: z.string(), validTo: z.string().nullable() })
  .openapi('StructureVersion');

export const MetaSchema = z
  .object({ organisation: z.string().nullable(), demo: z.boolean(), revision: z.number().int() })
  .openapi('Meta');
