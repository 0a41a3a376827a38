import {
  dashboardSummary,
  getTerm,
  listTerms,
  targetBreakdown,
  targetSeries,
  termTargets,
} from '@chitieu/db';
import { createRoute, z } from '@hono/zod-openapi';
import { keptJson } from '../lib/kept-json.ts';
import { errors, json } from '../lib/openapi.ts';
import { createRouter } from '../lib/router.ts';
import { currentUser, requestScope } from '../lib/session.ts';
import { ScopeQuery, TargetParams, TermParams } from '../schemas/common.ts';
import { BreakdownSchema, DashboardSchema, SeriesSchema } from '../schemas/figures.ts';
import { TargetDefinitionSchema, TermSchema } from '../schemas/terms.ts';

const list = createRoute({
  method: 'get',
  path: '/terms',
  tags: ['Nhiệm kỳ'],
  summary: 'Danh sách nhiệm kỳ',
  responses: { 200: json(z.array(TermSchema), 'Các nhiệm kỳ') },
});

const detail = createRoute({
  method: 'get',
  path: '/terms/{termId}',
  tags: ['Nhiệm kỳ'],
  summary: 'Một nhiệm kỳ và các chỉ tiêu của nó',
  request: { params: TermParams },
  responses: {
    200: json(z.object({ term: TermSchema, targets: z.array(TargetDefinitionSchema) }), 'Nhiệm kỳ'),
    ...errors,
  },
});

const dashboard = createRoute({
  method: 'get',
  path: '/terms/{termId}/dashboard',
  tags: ['Bảng điều khiển'],
  summary: 'Tổng hợp: "Hoàn thành x/y chỉ tiêu" và từng chỉ tiêu, cho một đơn vị và một ngày',
  request: { params: TermParams, query: ScopeQuery },
  responses: { 200: json(DashboardSchema, 'Tổng hợp'), ...errors },
});

const breakdown = createRoute({
  method: 'get',
  path: '/terms/{termId}/targets/{targetId}/breakdown',
  tags: ['Bảng điều khiển'],
  summary: 'Kết quả một chỉ tiêu theo các đơn vị trực thuộc',
  request: { params: TargetParams, query: ScopeQuery },
  responses: { 200: json(BreakdownSchema, 'Theo đơn vị'), ...errors },
});

const series = createRoute({
  method: 'get',
  path: '/terms/{termId}/targets/{targetId}/series',
  tags: ['Bảng điều khiển'],
  summary: 'Kết quả một chỉ tiêu theo từng kỳ báo cáo',
  request: { params: TargetParams, query: ScopeQuery },
  responses: { 200: json(SeriesSchema, 'Theo kỳ'), ...errors },
});

export const termsRoutes = createRouter()
  .openapi(list, (c) => {
    currentUser(c);
    return c.json(listTerms(c.var.deps.db), 200);
  })
  .openapi(detail, (c) => {
    const { db } = c.var.deps;
    currentUser(c);
    const { termId } = c.req.valid('param');
    return c.json({ term: getTerm(db, termId), targets: termTargets(db, termId) }, 200);
  })
  .openapi(dashboard, (c) => {
    const input = { ...c.req.valid('query'), ...c.req.valid('param') };
    return keptJson(c, 'dashboard', input, () => dashboardSummary(c.var.deps.db, requestScope(c, input)));
  })
  .openapi(breakdown, (c) => {
    const { targetId, ...params } = c.req.valid('param');
    const input = { ...c.req.valid('query'), ...params };
    return keptJson(c, 'breakdown', { ...input, targetId }, () =>
      targetBreakdown(c.var.deps.db, requestScope(c, input), targetId),
    );
  })
  .openapi(series, (c) => {
    const { targetId, ...params } = c.req.valid('param');
    const input = { ...c.req.valid('query'), ...params };
    return keptJson(c, 'series', { ...input, targetId }, () =>
      targetSeries(c.var.deps.db, requestScope(c, input), targetId),
    );
  });
