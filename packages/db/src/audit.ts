/** The audit trail, filtered by unit, indicator, user, day and kind of change, limited to what the actor may read. */
import { type AuditAction, addDays, invalid } from '@chitieu/core';
import { and, desc, eq, gte, inArray, lt, lte, or, sql } from 'drizzle-orm';
import { type Actor, authorize, homeUnits, isRootAdmin } from './access.ts';
import type { DbOrTx } from './client.ts';
import * as s from './schema.ts';
import { subtreeOf } from './subtree.ts';

/** Each kind of change the audit page filters by (AUDIT_ACTIONS) as a set of (entity, action) pairs. */

const SETUP_ENTITIES = ['term', 'indicator', 'target', 'allocation', 'period'];

function actionCondition(action: AuditAction) {
  const e = s.auditEvents;
  switch (action) {
    case 'entered':
      return and(eq(e.entity, 'result'), inArray(e.action, ['create', 'update']));
    case 'deleted':
      return and(eq(e.entity, 'result'), eq(e.action, 'delete'));
    case 'setup':
      return inArray(e.entity, SETUP_ENTITIES);
    default:
      return and(eq(e.entity, 'submission'), eq(e.action, action));
  }
}

/**
 * A day in Vietnam (UTC+7, no daylight saving) as instants: 05/03 runs from 04/03 17:00 UTC to
 * 05/03 16:59:59.999 UTC, so a change made at 00:30 on 05/03 is found under 05/03, as the page shows it.
 */
const startOfDayInVietnam = (iso: string) => `${addDays(iso, -1)}T17:00:00.000Z`;
const endOfDayInVietnam = (iso: string) => `${iso}T16:59:59.999Z`;

export interface AuditFilter {
  /** The unit and everything below it (in any structure version). */
  unitId?: number;
  indicatorId?: number;
  resultId?: number;
  userId?: number;
  /** Days in Vietnam, both included. */
  from?: string;
  to?: string;
  action?: AuditAction;
  /** Paging: events older than this id (the last one of the previous page). */
  before?: number;
  limit?: number;
}

export const AUDIT_PAGE_SIZE = 200;

/**
 * The audit trail, newest first, limited to what the actor may read. The scope is part of the
 * query, so a page is always full while older readable events exist.
 */
export function auditTrail(db: DbOrTx, actor: Actor, filter: AuditFilter) {
  if (filter.from && filter.to && filter.from > filter.to) {
    throw invalid('Ngày bắt đầu (“từ ngày”) đang ở sau ngày kết thúc (“đến ngày”).', {
      from: filter.from,
      to: filter.to,
    });
  }
  if (filter.unitId !== undefined) authorize(db, actor, 'read', filter.unitId);
  const readable = homeUnits(actor).map((unitId) => sql`${s.auditEvents.unitId} IN ${subtreeOf(unitId)}`);
  // Events not tied to a unit (accounts, settings, reports of the whole organisation) concern the
  // whole organisation: its root admins see them; everyone else sees their own subtree only.
  const orgWide = isRootAdmin(db, actor) ? sql`${s.auditEvents.unitId} IS NULL OR ` : sql``;
  const where = [
    sql`(${orgWide}${readable.length ? or(...readable) : sql`0`})`,
    filter.unitId !== undefined ? sql`${s.auditEvents.unitId} IN ${subtreeOf(filter.unitId)}` : undefined,
    filter.userId !== undefined ? eq(s.auditEvents.userId, filter.userId) : undefined,
    filter.resultId !== undefined
      ? and(eq(s.auditEvents.entity, 'result'), eq(s.auditEvents.entityId, String(filter.resultId)))
      : undefined,
    filter.indicatorId !== undefined
      ? sql`json_extract(${s.auditEvents.after}, '$.indicatorId') = ${filter.indicatorId}`
      : undefined,
    filter.from ? gte(s.auditEvents.at, startOfDayInVietnam(filter.from)) : undefined,
    filter.to ? lte(s.auditEvents.at, endOfDayInVietnam(filter.to)) : undefined,
    filter.action !== undefined ? actionCondition(filter.action) : undefined,
    filter.before !== undefined ? lt(s.auditEvents.id, filter.before) : undefined,
  ].filter((w) => w !== undefined);
  return db
    .select({
      id: s.auditEvents.id,
      at: s.auditEvents.at,
      userId: s.auditEvents.userId,
      userName: s.users.displayName,
      entity: s.auditEvents.entity,
      entityId: s.auditEvents.entityId,
      unitId: s.auditEvents.unitId,
      unitName: s.units.name,
      action: s.auditEvents.action,
      before: s.auditEvents.before,
      after: s.auditEvents.after,
      reason: s.auditEvents.reason,
    })
    .from(s.auditEvents)
    .leftJoin(s.users, eq(s.users.id, s.auditEvents.userId))
    .leftJoin(s.units, eq(s.units.id, s.auditEvents.unitId))
    .where(and(...where))
    .orderBy(desc(s.auditEvents.id))
    .limit(Math.min(filter.limit ?? AUDIT_PAGE_SIZE, 1000))
    .all();
}
