/**
 * Leaders' views beyond the overview: lagging units, the mission's named views, and comparing two
 * views side by side. Each resolves its scope(s) like the dashboard (defaults, term dates,
 * authorisation in the domain layer) and calls one query function.
 */
import { clampDate, TARGET_STATUSES } from '@chitieu/core';
import {
  compareViews,
  defaultCompareDates,
  laggingUnits,
  MISSIONS,
  missionView,
  targetTrends,
} from '@chitieu/db';
import { createRoute, z } from '@hono/zod-openapi';
import { keptJson } from '../lib/kept-json.ts';
import { errors, json } from '../lib/openapi.ts';
import { createRouter } from '../lib/router.ts';
import { requestScope } from '../lib/session.ts';
import { IsoDate, idParam, ScopeQuery, TermParams } from '../schemas/common.ts';
import { FigureSchema, ScopeViewSchema } from '../schemas/figures.ts';
import { IndicatorSchema, TargetDefinitionSchema } from '../schemas/terms.ts';

const Status = z.enum(TARGET_STATUSES).nullable();
const GoalKind = z.enum(['term', 'allocation', 'none']);

const LaggingSchema = z
  .object({
    scope: ScopeViewSchema,
    targets: z.array(
      z.object({ id: z.number().int(), code: z.string(), shortName: z.string(), indicator: IndicatorSchema }),
    ),
    expectedShare: z.number(),
    rows: z.array(
      z.object({
        unitId: z.number().int(),
        code: z.string(),
        name: z.string(),
        hasChildren: z.boolean(),
        rank: z.number().int(),
        score: z.number().nullable(),
        unreported: z.boolean(),
        judged: z.number().int(),
        behindOn: z.array(
          z.object({ targetId: z.number().int(), reason: z.enum(['behind', 'at_risk', 'unreported']) }),
        ),
        cells: z.array(
          z.object({
            targetId: z.number().int(),
            goal: z.number().int().nullable(),
            goalKind: GoalKind,
            value: z.number().int().nullable(),
            status: Status,
            progress: z.number().nullable(),
            pctOfGoal: z.number().nullable(),
          }),
        ),
      }),
    ),
  })
  .openapi('Lagging');

const MissionCell = z.object({ value: z.number().int().nullable(), second: z.number().int().nullable() });
const MissionRow = MissionCell.extend({
  figure: FigureSchema,
  goal: z.number().int().nullable(),
  goalKind: GoalKind,
  status: Status,
  pctOfGoal: z.number().nullable(),
  byYear: z.array(MissionCell),
});

const MissionSchema = z
  .object({
    scope: ScopeViewSchema,
    mission: z.enum(MISSIONS),
    target: TargetDefinitionSchema,
    secondIndicator: IndicatorSchema.nullable(),
    total: MissionRow,
    years: z.array(
      MissionCell.extend({
        year: z.number().int(),
        partialMonths: z.number().int().nullable(),
        plan: z.number().int().nullable(),
      }),
    ),
    units: z.array(
      MissionRow.extend({
        id: z.number().int(),
        code: z.string(),
        name: z.string(),
        hasChildren: z.boolean(),
      }),
    ),
    notMeeting: z.array(
      z.object({
        id: z.number().int(),
        code: z.string(),
        name: z.string(),
        parentName: z.string().nullable(),
        reason: z.enum(['no', 'unreported']),
      }),
    ),
  })
  .openapi('Mission');

const CompareSide = z.object({
  value: z.number().int().nullable(),
  hasData: z.boolean(),
  goal: z.number().int().nullable(),
  goalKind: GoalKind,
  status: Status,
  pctOfGoal: z.number().nullable(),
  progress: z.number().nullable(),
  expectedShare: z.number(),
  meeting: z.number().int(),
  expected: z.number().int(),
});
const Headline = z.object({ done: z.number().int(), counted: z.number().int(), noCases: z.number().int() });

const CompareSchema = z
  .object({
    a: z.object({ scope: ScopeViewSchema, headline: Headline }),
    b: z.object({ scope: ScopeViewSchema, headline: Headline }),
    rows: z.array(
      z.object({
        id: z.number().int(),
        code: z.string(),
        shortName: z.string(),
        counted: z.boolean(),
        indicator: IndicatorSchema,
        a: CompareSide,
        b: CompareSide,
        difference: z.number().int().nullable(),
      }),
    ),
  })
  .openapi('Compare');

const MissionParams = TermParams.extend({
  mission: z
    .enum(MISSIONS, { error: '“mission” phải là poverty, rural hoặc grassroots.' })
    .openapi({ param: { name: 'mission', in: 'path' }, example: 'poverty' }),
});

/** The second side of a comparison: its own unit and date; what is left out is the first side's. */
const CompareQuery = ScopeQuery.extend({
  unitId2: idParam('unitId2').optional(),
  asOf2: IsoDate.optional(),
});

const TrendsSchema = z
  .object({
    targets: z.array(
      z.object({
        targetId: z.number().int(),
        points: z.array(z.object({ endDate: z.string(), value: z.number().int().nullable() })),
      }),
    ),
  })
  .openapi('Trends');

const trends = createRoute({
  method: 'get',
  path: '/terms/{termId}/trends',
  tags: ['Bảng điều khiển'],
  summary: 'Diễn biến lũy kế của mọi chỉ tiêu theo từng kỳ (biểu đồ nhỏ trên trang tổng quan)',
  request: { params: TermParams, query: ScopeQuery },
  responses: { 200: json(TrendsSchema, 'Diễn biến'), ...errors },
});

const lagging = createRoute({
  method: 'get',
  path: '/terms/{termId}/lagging',
  tags: ['Bảng điều khiển'],
  summary: 'Các đơn vị trực thuộc xếp theo mức hoàn thành, đơn vị chậm nhất trước',
  request: { params: TermParams, query: ScopeQuery },
  responses: { 200: json(LaggingSchema, 'Đơn vị chậm tiến độ'), ...errors },
});

const mission = createRoute({
  method: 'get',
  path: '/terms/{termId}/missions/{mission}',
  tags: ['Bảng điều khiển'],
  summary: 'Giảm nghèo, nông thôn mới, hoạt động cơ sở: theo năm và theo đơn vị',
  request: { params: MissionParams, query: ScopeQuery },
  responses: { 200: json(MissionSchema, 'Nhiệm vụ'), ...errors },
});

const compare = createRoute({
  method: 'get',
  path: '/terms/{termId}/compare',
  tags: ['Bảng điều khiển'],
  summary: 'So sánh hai ngày số liệu và/hoặc hai đơn vị, từng chỉ tiêu',
  request: { params: TermParams, query: CompareQuery },
  responses: { 200: json(CompareSchema, 'So sánh'), ...errors },
});

export const leadersRoutes = createRouter()
  .openapi(trends, (c) => {
    const input = { ...c.req.valid('query'), ...c.req.valid('param') };
    return keptJson(c, 'trends', input, () => ({
      targets: targetTrends(c.var.deps.db, requestScope(c, input)),
    }));
  })
  .openapi(lagging, (c) => {
    const scope = requestScope(c, { ...c.req.valid('query'), ...c.req.valid('param') });
    return c.json(laggingUnits(c.var.deps.db, scope), 200);
  })
  .openapi(mission, (c) => {
    const { mission: name, termId } = c.req.valid('param');
    const scope = requestScope(c, { ...c.req.valid('query'), termId });
    return c.json(missionView(c.var.deps.db, scope, name), 200);
  })
  .openapi(compare, (c) => {
    const { termId } = c.req.valid('param');
    const { unitId2, asOf2, ...first } = c.req.valid('query');
    // Opened bare, it compares the mid-term with the newest data (see defaultCompareDates).
    let dates: { asOf: string; asOf2: string } | null = null;
    if (first.asOf === undefined && asOf2 === undefined && unitId2 === undefined) {
      const { term } = requestScope(c, { ...first, termId });
      const now = clampDate(c.var.deps.today(), term.startDate, term.endDate);
      dates = defaultCompareDates(c.var.deps.db, requestScope(c, { ...first, termId, asOf: now }));
    }
    const a = requestScope(c, { ...first, termId, asOf: dates?.asOf ?? first.asOf });
    // Otherwise the second view defaults to the first's unit and date, so one changed parameter compares.
    const b = requestScope(c, {
      termId,
      unitId: unitId2 ?? a.unit.id,
      asOf: dates?.asOf2 ?? asOf2 ?? a.asOf,
      basis: a.basis,
    });
    return c.json(compareViews(c.var.deps.db, a, b), 200);
  });
