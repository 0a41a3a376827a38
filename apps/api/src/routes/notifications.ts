/**
 * "Thông báo": the signed-in user's own reminders (a report sent to approve, returned, overdue),
 * newest first with the unread count; marking one or all read. Nobody reads or marks another's.
 */
import { PERIOD_KINDS, type PeriodKind } from '@chitieu/core';
import {
  markAllNotificationsRead,
  markNotificationRead,
  myNotifications,
  NOTIFICATIONS_PAGE,
} from '@chitieu/db';
import { createRoute, z } from '@hono/zod-openapi';
import { errors, json } from '../lib/openapi.ts';
import { createRouter } from '../lib/router.ts';
import { currentUser } from '../lib/session.ts';
import { decimalParam, idParam } from '../schemas/common.ts';

const NotificationSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(['submitted', 'returned', 'overdue']),
    unitId: z.number().int(),
    unitName: z.string(),
    period: z.object({
      id: z.number().int(),
      kind: z.enum(PERIOD_KINDS),
      startDate: z.string(),
      endDate: z.string(),
      deadline: z.string(),
    }),
    params: z.object({
      by: z.string().optional().openapi({ description: 'Who sent or returned the report' }),
      comment: z.string().optional().openapi({ description: 'Why it was returned' }),
    }),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');

const Unread = z.object({ unread: z.number().int() });

const list = createRoute({
  method: 'get',
  path: '/notifications',
  tags: ['Thông báo'],
  summary: 'Thông báo của tôi, mới nhất trước, kèm số chưa đọc',
  request: { query: z.object({ limit: decimalParam('limit', { max: 200 }).optional() }) },
  responses: {
    200: json(Unread.extend({ items: z.array(NotificationSchema) }).openapi('Notifications'), 'Thông báo'),
    ...errors,
  },
});

const readOne = createRoute({
  method: 'post',
  path: '/notifications/{id}/read',
  tags: ['Thông báo'],
  summary: 'Đánh dấu một thông báo của tôi là đã đọc',
  request: { params: z.object({ id: idParam('id').openapi({ param: { name: 'id', in: 'path' } }) }) },
  responses: { 200: json(Unread, 'Đã đánh dấu; còn lại bao nhiêu chưa đọc'), ...errors },
});

const readAll = createRoute({
  method: 'post',
  path: '/notifications/read-all',
  tags: ['Thông báo'],
  summary: 'Đánh dấu mọi thông báo của tôi là đã đọc',
  responses: { 200: json(Unread, 'Đã đánh dấu'), ...errors },
});

export const notificationsRoutes = createRouter()
  .openapi(list, (c) => {
    const limit = c.req.valid('query').limit ?? NOTIFICATIONS_PAGE;
    const mine = myNotifications(c.var.deps.db, currentUser(c), limit);
    return c.json(
      {
        unread: mine.unread,
        items: mine.items.map((n) => ({
          ...n,
          period: { ...n.period, kind: n.period.kind as PeriodKind },
        })),
      },
      200,
    );
  })
  .openapi(readAll, (c) => c.json(markAllNotificationsRead(c.var.deps.db, currentUser(c)), 200))
  .openapi(readOne, (c) =>
    c.json(markNotificationRead(c.var.deps.db, currentUser(c), c.req.valid('param').id), 200),
  );
