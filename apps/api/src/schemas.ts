/**
 * The API's contract: request parameters and response shapes. The OpenAPI document and the typed
 * client (`hc<AppType>`) both come from these; the web never writes response types by hand.
 */
import {
  AUDIT_ACTIONS,
  BASES,
  DIRECTIONS,
  ERROR_CODES,
  isIsoDate,
  MEASURE_TYPES,
  MISSIONS,
  PERIOD_KINDS,
  REPORT_STATES,
  RESULT_FLAGS,
  SUBMISSION_STATES,
  TARGET_STATUSES,
} from '@chitieu/core';
import { z } from '@hono/zod-openapi';

/**
 * A number in a path or query string: plain decimal digits only. `Number()` (and z.coerce) would
 * also take '0x10', ' 1', '1e1' or '1.0', so one id could be written many ways; here it cannot.
 */
export const decimalParam = (name: string, { min = 1, max = Number.MAX_SAFE_INTEGER } = {}) => {
  const range = min === 1 ? 'số nguyên dương' : `số nguyên từ ${min} đến ${max}`;
  return z
    .string({ error: `“${name}” phải là ${range}.` })
    .regex(/^(0|[1-9][0-9]{0,15})$/, { error: `“${name}” phải là ${range}, chỉ gồm chữ số.` })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `“${name}” phải là ${range}.` })
        .max(max, {
          error: max === Number.MAX_SAFE_INTEGER ? `“${name}” quá lớn.` : `“${name}” tối đa ${max}.`,
        }),
    );
};

/** An id in a path or query string. */
export const idParam = (name: string) => decimalParam(name);

/** An id in a JSON body: a JSON integer, never a string. */
export const idField = (name: string) =>
  z
    .number({ error: `“${name}” phải là số nguyên dương.` })
    .int({ error: `“${name}” phải là số nguyên dương.` })
    .positive({ error: `“${name}” phải là số nguyên dương.` })
    .max(Number.MAX_SAFE_INTEGER, { error: `“${name}” quá lớn.` });

const id = idParam;

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
  basis: z.enum(BASES, { error: '“basis” phải là approved hoặc submitted.' }).optional(),
  structureVersionId: id('structureVersionId').optional(),
});

export const UnitsQuery = z.object({ structureVersionId: id('structureVersionId').optional() });

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
      details: z.unknown().optional(),
      /** Quote it to the administrator: the server's log line for this failure carries it too. */
      requestId: z.string(),
    }),
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

export const CoverageSchema = z
  .object({
    periodId: z.number().int(),
    reported: z.number().int(),
    expected: z.number().int(),
  })
  .openapi('Coverage', {
    description:
      'The newest period of the indicator’s frequency ended by the date (the one the figure stands at): grassroots units expected to report it in scope, and how many did on this basis',
  });

export const FigureSchema = z
  .object({
    value: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Scaled integer; null = not reported, or (hasData) a ratio of 0/0' }),
    numerator: z.number().int(),
    denominator: z.number().int(),
    meeting: z.number().int(),
    reported: z.number().int().openapi({ description: 'Levels: units whose own latest report is counted' }),
    expected: z.number().int(),
    hasData: z.boolean().openapi({ description: 'Something counted was reported (0 and 0/0 are reports)' }),
    latestPeriodId: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'Newest period with a counted report' }),
    coverage: CoverageSchema.nullable(),
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
    basis: z.enum(BASES),
    structureVersionId: z.number().int(),
    illustrative: z.boolean(),
  })
  .openapi('ScopeView');

export const DashboardSchema = z
  .object({
    scope: ScopeViewSchema,
    headline: z.object({ done: z.number().int(), counted: z.number().int(), noCases: z.number().int() }),
    dating: z
      .object({ latestPeriodId: z.number().int().nullable(), coverage: CoverageSchema.nullable() })
      .openapi({
        description: 'The view’s newest period with data, and who has reported the newest period due',
      }),
    targets: z.array(
      TargetDefinitionSchema.extend({
        termGoal: z.number().int().nullable(),
        goalKind: z.enum(['term', 'allocation', 'none']),
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
    validFrom: z.string(),
    validTo: z.string().nullable().openapi({ description: 'Exclusive; null while the unit exists' }),
    former: z.boolean().openapi({
      description: 'Closed before this structure began; kept below the successor its results go to',
    }),
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
    own: z
      .object({ name: z.string(), figure: FigureSchema, relatedFigures: RelatedFigures })
      .nullable()
      .openapi({
        description: 'The unit’s own results (“Cấp tỉnh trực tiếp”): rows + own = the unit’s figure',
      }),
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

const PeriodSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(PERIOD_KINDS),
    startDate: z.string(),
    endDate: z.string(),
    deadline: z.string(),
  })
  .openapi('Period');

const SubmissionSchema = z
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
export { PeriodSchema, SubmissionSchema };

export const AuditQuery = z.object({
  unitId: id('unitId').optional(),
  indicatorId: id('indicatorId').optional(),
  resultId: id('resultId').optional(),
  userId: id('userId').optional(),
  /** Days in Vietnam, both included; from after to is refused. */
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  action: z
    .enum(AUDIT_ACTIONS, {
      error: `Loại thay đổi phải là một trong: ${AUDIT_ACTIONS.join(', ')}.`,
    })
    .optional()
    .openapi({ description: 'entered, deleted, draft, submitted, approved, returned or setup' }),
  /** Paging: events older than this id (the last of the previous page). */
  before: id('before').optional(),
  limit: decimalParam('limit', { max: 1000 }).optional(),
});

export const AuditSchema = z.array(
  z.object({
    id: z.number().int(),
    at: z.string(),
    userId: z.number().int().nullable(),
    userName: z.string().nullable(),
    entity: z.string(),
    entityId: z.string(),
    unitId: z.number().int().nullable(),
    unitName: z.string().nullable(),
    action: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    reason: z.string().nullable(),
  }),
);

export const CockpitSchema = z
  .object({
    periods: z.array(PeriodSchema.extend({ overdue: z.boolean() })),
    units: z.array(
      z.object({
        id: z.number().int(),
        code: z.string(),
        name: z.string(),
        parentName: z.string().nullable(),
        former: z.boolean().openapi({ description: 'Ended before today; listed for its own past periods' }),
        states: z.array(
          z.object({
            periodId: z.number().int(),
            state: z.enum(REPORT_STATES),
            since: z.string().nullable().openapi({
              description: 'When the report entered this state (ISO instant); null if never started',
            }),
            applies: z
              .boolean()
              .openapi({ description: 'The period is inside the unit’s life (it exists on the last day)' }),
            overdue: z.boolean(),
            flagged: z.number().int().openapi({ description: 'Results outside the plausibility rule' }),
            unexplained: z.number().int().openapi({ description: 'Flagged results still without a note' }),
          }),
        ),
      }),
    ),
  })
  .openapi('Cockpit');
