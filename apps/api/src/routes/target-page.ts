/**
 * The target page's reads: one target for one unit as of a date (figure, plan, per-period figures,
 * forecast, breakdown by child unit) and the notes and evidence behind it. Both go through
 * resolveScope, so the same parameters mean the same view as the dashboard, with the same checks
 * (as-of date within the term: 400; unit outside the user's scope: 403; target of another term: 404).
 */
import { targetDetail, targetNotes } from '@chitieu/db';
import { createRoute, z } from '@hono/zod-openapi';
import { keptJson } from '../lib/kept-json.ts';
import { errors, json } from '../lib/openapi.ts';
import { createRouter } from '../lib/router.ts';
import { requestScope } from '../lib/session.ts';
import { decimalParam, ScopeQuery, TargetParams } from '../schemas/common.ts';
import { BreakdownSchema, DashboardSchema, ScopeViewSchema, SeriesSchema } from '../schemas/figures.ts';

const Bilingual = z.object({ vi: z.string(), en: z.string() });
const DatedValue = z.object({ date: z.string(), value: z.number().int() });

export const TargetDetailSchema = z
  .object({
    scope: ScopeViewSchema,
    target: DashboardSchema.shape.targets.element,
    plan: z
      .array(DatedValue)
      .openapi({ description: 'Where the target should stand: term start, year ends, term end' }),
    points: SeriesSchema.shape.points,
    related: SeriesSchema.shape.related,
    forecast: z
      .object({
        value: z.number().int(),
        from: DatedValue,
        to: DatedValue,
        method: z.enum(['average_pace', 'linear_trend']),
        description: Bilingual,
        pctOfGoal: z.number().nullable(),
      })
      .nullable(),
    forecastReason: Bilingual.nullable(),
    rows: BreakdownSchema.shape.rows,
    own: BreakdownSchema.shape.own,
  })
  .openapi('TargetDetail');

const page = (name: string, max: number, fallback: number) =>
  decimalParam(name, { min: name === 'limit' ? 1 : 0, max }).default(fallback);

export const NotesQuery = ScopeQuery.extend({
  limit: page('limit', 100, 20),
  offset: page('offset', 1_000_000, 0),
});

export const TargetNotesSchema = z
  .object({
    items: z.array(
      z.object({
        resultId: z.number().int(),
        unitId: z.number().int(),
        unitName: z.string(),
        indicatorId: z.number().int(),
        indicatorName: z.string(),
        periodId: z.number().int(),
        periodKind: z.string(),
        periodStart: z.string(),
        periodEnd: z.string(),
        note: z.string().nullable(),
        evidenceUrl: z.string().nullable(),
        updatedAt: z.string(),
      }),
    ),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  })
  .openapi('TargetNotes');

const detail = createRoute({
  method: 'get',
  path: '/terms/{termId}/targets/{targetId}',
  tags: ['Bảng điều khiển'],
  summary: 'Một chỉ tiêu: kết quả so với kế hoạch, theo kỳ, dự báo cuối nhiệm kỳ và theo đơn vị trực thuộc',
  request: { params: TargetParams, query: ScopeQuery },
  responses: { 200: json(TargetDetailSchema, 'Chi tiết chỉ tiêu'), ...errors },
});

const notes = createRoute({
  method: 'get',
  path: '/terms/{termId}/targets/{targetId}/notes',
  tags: ['Bảng điều khiển'],
  summary: 'Ghi chú và minh chứng của các kết quả tạo nên số liệu một chỉ tiêu',
  request: { params: TargetParams, query: NotesQuery },
  responses: { 200: json(TargetNotesSchema, 'Ghi chú, minh chứng'), ...errors },
});

export const targetPageRoutes = createRouter()
  .openapi(detail, (c) => {
    const { targetId, ...params } = c.req.valid('param');
    const input = { ...c.req.valid('query'), ...params };
    return keptJson(c, 'target', { ...input, targetId }, () =>
      targetDetail(c.var.deps.db, requestScope(c, input), targetId),
    );
  })
  .openapi(notes, (c) => {
    const { targetId, ...params } = c.req.valid('param');
    const { limit, offset, ...query } = c.req.valid('query');
    const scope = requestScope(c, { ...query, ...params });
    return c.json(targetNotes(c.var.deps.db, scope, targetId, { limit, offset }), 200);
  });
