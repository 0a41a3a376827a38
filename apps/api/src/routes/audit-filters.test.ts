/**
 * The audit trail's filters over real HTTP: by unit subtree, person, date range (days in Vietnam)
 * and kind of change, combined with AND and paged as before; bad input is a 4xx with a Vietnamese
 * message, never a 500.
 */
import type { Db } from '@chitieu/db';
import { demoLookups } from '@chitieu/db/testing';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { AuditSchema } from '../schemas/audit.ts';
import { demoServerPerTest } from '../testing.ts';

type Event = z.infer<typeof AuditSchema>[number];

/** Known events: instants chosen around Vietnam's midnight (UTC+7), by two people in two communes. */
function seedEvents(db: Db) {
  const find = demoLookups(db);
  const phuThuy = find.unit('22924');
  const phuHai = find.unit('22921');
  const laGi = find.unit('23231'); // Phường Phước Hội, La Gi
  const writer = find.user('nhap.phuthuy');
  const approver = find.user('duyet.phanthiet');
  const rows: [string, number, number, string, string][] = [
    // at, user, unit, entity, action
    ['2025-03-04T16:59:59.000Z', writer, phuThuy, 'result', 'create'], // 04/03 23:59 in Vietnam
    ['2025-03-04T17:00:00.000Z', writer, phuThuy, 'result', 'update'], // 05/03 00:00 in Vietnam
    ['2025-03-05T10:00:00.000Z', writer, phuThuy, 'submission', 'submitted'],
    ['2025-03-05T11:00:00.000Z', approver, phuThuy, 'submission', 'returned'],
    ['2025-03-05T16:59:59.000Z', approver, phuHai, 'submission', 'approved'], // 05/03 23:59
    ['2025-03-05T17:00:00.000Z', writer, phuThuy, 'result', 'delete'], // 06/03 00:00
    ['2025-03-05T12:00:00.000Z', approver, laGi, 'submission', 'approved'],
  ];
  for (const [at, userId, unitId, entity, action] of rows) {
    db.run(sql`INSERT INTO audit_events (at, user_id, entity, entity_id, unit_id, action, before, after)
      VALUES (${at}, ${userId}, ${entity}, '1', ${unitId}, ${action}, NULL, '{}')`);
  }
}

const demo = demoServerPerTest({
  today: () => '2025-03-10',
  prepare: ({ db }) => seedEvents(db),
  users: ['admin', 'nhap.phuthuy', 'duyet.phanthiet'],
});
const unit = (code: string) => demo.find.unit(code);
const user = (username: string) => demo.find.user(username);

const audit = (who: string, query: string) => demo.as(who).get<Event[]>(`/api/audit?${query}`);
/** The events seeded above that `who` may read, filtered by `query`. */
const events = async (who: string, query: string) => {
  const { status, body, error } = await audit(who, query);
  expect(status, error?.message).toBe(200);
  return body.filter((e) => e.at.startsWith('2025-03-0'));
};

describe('audit filters', () => {
  it('a date range is days in Vietnam, both ends included', async () => {
    const day = await events('admin', 'from=2025-03-05&to=2025-03-05');
    expect(day.map((e) => e.at).sort()).toEqual([
      '2025-03-04T17:00:00.000Z',
      '2025-03-05T10:00:00.000Z',
      '2025-03-05T11:00:00.000Z',
      '2025-03-05T12:00:00.000Z',
      '2025-03-05T16:59:59.000Z',
    ]);
  });

  it('filters by kind of change', async () => {
    const kinds = async (action: string) =>
      (await events('admin', `action=${action}`)).map((e) => `${e.entity}:${e.action}`).sort();
    expect(await kinds('approved')).toEqual(['submission:approved', 'submission:approved']);
    expect(await kinds('returned')).toEqual(['submission:returned']);
    expect(await kinds('entered')).toEqual(['result:create', 'result:update']);
    expect(await kinds('deleted')).toEqual(['result:delete']);
  });

  it('combines unit subtree, person, dates and kind with AND, paged as before', async () => {
    const phanThiet = unit('593');
    const both = await events(
      'admin',
      `unitId=${phanThiet}&userId=${user('duyet.phanthiet')}&from=2025-03-05&to=2025-03-05&action=approved`,
    );
    // Phú Hài's approval is in Phan Thiết; La Gi's, the same day by the same person, is not.
    expect(both.map((e) => e.unitId)).toEqual([unit('22921')]);
    const all = await events('admin', `unitId=${phanThiet}&from=2025-03-04&to=2025-03-06`);
    expect(all).toHaveLength(6);
    const first = await events('admin', `unitId=${phanThiet}&from=2025-03-04&to=2025-03-06&limit=4`);
    const last = first.at(-1);
    const rest = await events(
      'admin',
      `unitId=${phanThiet}&from=2025-03-04&to=2025-03-06&limit=4&before=${last?.id}`,
    );
    expect([...first, ...rest].map((e) => e.id)).toEqual(all.map((e) => e.id));
  });

  it('still limits a filtered trail to what the reader may see', async () => {
    const own = await events('nhap.phuthuy', 'action=approved');
    expect(own).toEqual([]);
  });

  it.each([
    ['from=2025-02-30', /Ngày phải có dạng YYYY-MM-DD/],
    ['to=05/03/2025', /Ngày phải có dạng YYYY-MM-DD/],
    ['from=2025-03-06&to=2025-03-05', /Ngày bắt đầu.*sau ngày kết thúc/],
    ['unitId=abc', /unitId/],
    ['userId=-1', /userId/],
    ['action=hack', /Loại thay đổi/],
    ['limit=5000', /limit/],
  ])('refuses %s with a Vietnamese message', async (query, message) => {
    const { status, error } = await audit('admin', query);
    expect(status).toBe(400);
    expect(error?.message).toMatch(message);
  });

  it('an unknown unit is refused (4xx, in Vietnamese), not a 500; an unknown person is simply no events', async () => {
    const { status, error } = await audit('admin', 'unitId=999999');
    expect([403, 404]).toContain(status);
    expect(error?.message).toMatch(/[ạảấầẩậắằẳặẹẻếềểệịỉọỏốồổộớờởợụủứừửựỳỵỷđ]/);
    expect(await events('admin', 'userId=999999')).toEqual([]);
  });
});
