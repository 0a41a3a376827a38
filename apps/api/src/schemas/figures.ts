/** Leaders' figures: a scope's view, the dashboard, breakdowns, series and the cockpit. */
import { BASES, REPORT_STATES, TARGET_STATUSES } from '@chitieu/core';
import { z } from '@hono/zod-openapi';
import { PeriodSchema } from './entry.ts';
import { IndicatorSchema, TargetDefinitionSchema, TermSchema } from './terms.ts';
import { TreeUnitSchema } from './units.ts';

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
