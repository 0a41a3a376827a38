import {
  auditTrail,
  clearEntry,
  entryGrid,
  reportingCockpit,
  saveEntry,
  termPeriods,
  transitionReport,
} from '@chitieu/db';
import { createRoute, z } from '@hono/zod-openapi';
import { limitJsonBody } from '../lib/body-limit.ts';
import { mailNotifications } from '../lib/mailer.ts';
import { errors, json, jsonBody } from '../lib/openapi.ts';
import { createRouter } from '../lib/router.ts';
import { currentUser } from '../lib/session.ts';
import { AuditQuery, AuditSchema } from '../schemas/audit.ts';
import { ErrorSchema, TermParams } from '../schemas/common.ts';
import {
  ClearResultBody,
  ClearResultResponse,
  EntryGridSchema,
  EntryQuery,
  PeriodSchema,
  ReportBody,
  ReportParams,
  SaveResultBody,
  SaveResultResponse,
  SubmissionSchema,
} from '../schemas/entry.ts';
import { CockpitSchema } from '../schemas/figures.ts';

const periods = createRoute({
  method: 'get',
  path: '/terms/{termId}/periods',
  tags: ['Nhập liệu'],
  summary: 'Các kỳ báo cáo của nhiệm kỳ',
  request: { params: TermParams },
  responses: { 200: json(z.array(PeriodSchema), 'Kỳ báo cáo'), ...errors },
});

const grid = createRoute({
  method: 'get',
  path: '/entry',
  tags: ['Nhập liệu'],
  summary: 'Bảng nhập liệu của một đơn vị cho một kỳ',
  request: { query: EntryQuery },
  responses: { 200: json(EntryGridSchema, 'Bảng nhập liệu'), ...errors },
});

const save = createRoute({
  method: 'put',
  path: '/results',
  tags: ['Nhập liệu'],
  summary: 'Lưu một giá trị (kèm phiên bản đã thấy; 409 nếu người khác vừa sửa)',
  middleware: [limitJsonBody] as const,
  request: jsonBody(SaveResultBody),
  responses: {
    200: json(SaveResultResponse, 'Đã lưu, kèm cảnh báo nếu có'),
    ...errors,
    409: json(ErrorSchema, 'Xung đột: người khác vừa sửa'),
  },
});

const clear = createRoute({
  method: 'delete',
  path: '/results',
  tags: ['Nhập liệu'],
  summary: 'Xóa một giá trị nhập nhầm (kèm phiên bản đã thấy; 409 nếu người khác vừa sửa)',
  middleware: [limitJsonBody] as const,
  request: jsonBody(ClearResultBody),
  responses: {
    200: json(ClearResultResponse, 'Đã xóa (hoặc không có gì để xóa)'),
    ...errors,
    409: json(ErrorSchema, 'Xung đột: người khác vừa sửa'),
  },
});

const transition = createRoute({
  method: 'post',
  path: '/submissions/{unitId}/{periodId}/{action}',
  tags: ['Nhập liệu'],
  summary: 'Gửi, duyệt hoặc trả lại báo cáo kỳ của một đơn vị',
  middleware: [limitJsonBody] as const,
  request: { params: ReportParams, ...jsonBody(ReportBody) },
  responses: {
    200: json(SubmissionSchema, 'Trạng thái mới'),
    ...errors,
    409: json(ErrorSchema, 'Không đúng trạng thái'),
  },
});

const audit = createRoute({
  method: 'get',
  path: '/audit',
  tags: ['Nhật ký'],
  summary: 'Nhật ký thay đổi, mới nhất trước',
  request: { query: AuditQuery },
  responses: { 200: json(AuditSchema, 'Các thay đổi'), ...errors },
});

const cockpit = createRoute({
  method: 'get',
  path: '/terms/{termId}/cockpit',
  tags: ['Nhập liệu'],
  summary: 'Tình hình báo cáo: đơn vị × kỳ',
  request: { params: TermParams, query: z.object({ unitId: EntryQuery.shape.unitId }) },
  responses: { 200: json(CockpitSchema, 'Tình hình báo cáo'), ...errors },
});

export const entryRoutes = createRouter()
  .openapi(periods, (c) => {
    currentUser(c);
    return c.json(termPeriods(c.var.deps.db, c.req.valid('param').termId), 200);
  })
  .openapi(grid, (c) => c.json(entryGrid(c.var.deps.db, currentUser(c), c.req.valid('query')), 200))
  .openapi(save, (c) => {
    const { value, numerator, denominator, meets, ...rest } = c.req.valid('json');
    const saved = saveEntry(c.var.deps.db, currentUser(c), {
      ...rest,
      input: { value, numerator, denominator, meets },
    });
    return c.json(saved, 200);
  })
  .openapi(clear, (c) => c.json(clearEntry(c.var.deps.db, currentUser(c), c.req.valid('json')), 200))
  .openapi(transition, (c) => {
    const { db, mailer } = c.var.deps;
    const notified: number[] = [];
    const submission = transitionReport(
      db,
      currentUser(c),
      { ...c.req.valid('param'), ...c.req.valid('json') },
      notified,
    );
    // Committed: mail those told, in the background (never holding up or failing the answer).
    if (mailer && notified.length > 0) setImmediate(() => void mailNotifications(db, mailer, notified));
    if (!submission) throw new Error('transition left no submission');
    return c.json(submission, 200);
  })
  .openapi(audit, (c) => c.json(auditTrail(c.var.deps.db, currentUser(c), c.req.valid('query')), 200))
  .openapi(cockpit, (c) => {
    const { db, today } = c.var.deps;
    const report = reportingCockpit(db, currentUser(c), {
      termId: c.req.valid('param').termId,
      unitId: c.req.valid('query').unitId,
      today: today(),
    });
    return c.json(report, 200);
  });
