/** The audit trail and its filters. */
import { AUDIT_ACTIONS } from '@chitieu/core';
import { z } from '@hono/zod-openapi';
import { decimalParam, IsoDate, id } from './common.ts';

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
