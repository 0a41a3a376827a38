/**
 * Names, notes, reasons and comments cannot carry control characters or noncharacters into the
 * database: each is refused with a Vietnamese message that names the field, the character and where
 * it is, and nothing is written.
 */
import { type Db, schema } from '@chitieu/db';
import { demoDatabase } from '@chitieu/db/testing';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestServer } from '../testing.ts';

let demo: ReturnType<typeof demoDatabase>;
let server: Awaited<ReturnType<typeof startTestServer>>;
const as: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  demo = demoDatabase();
  server = await startTestServer(demo.db, { today: () => '2024-07-10' });
  for (const user of ['admin', 'nhap.phuthuy', 'duyet.phanthiet']) {
    as[user] = { ...(await loginAs(server.url, user)), 'content-type': 'application/json' };
  }
});
afterAll(async () => {
  await server.close();
});

async function send(user: string, method: string, path: string, body: unknown) {
  const res = await fetch(`${server.url}/api${path}`, {
    method,
    headers: as[user],
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
}

const changes = (db: Db) =>
  db.get<{ n: number }>(sql`SELECT (SELECT COUNT(*) FROM audit_events) + (SELECT COUNT(*) FROM results) AS n`)
    ?.n;
const id = (code: string) =>
  demo.db.select().from(schema.units).where(eq(schema.units.code, code)).get()?.id as number;

describe('text that cannot break a file is refused on input', () => {
  it('in a unit name, a target name, a note, a reason and a comment', async () => {
    const before = changes(demo.db);
    const units = (await (await fetch(`${server.url}/api/admin/units`, { headers: as.admin })).json())
      .units as {
      id: number;
      code: string;
      version: string;
    }[];
    const ward = units.find((u) => u.code === '22924') as { id: number; version: string };
    const rename = await send('admin', 'PATCH', `/admin/units/${ward.id}`, {
      version: ward.version,
      name: 'Phường Phú\u0001 Thủy',
    });
    expect(rename.status).toBe(400);
    expect(rename.body.error.message).toMatch(/^Tên đơn vị chứa ký tự điều khiển U\+0001 ở vị trí 11\. /);

    const indicator = demo.db
      .select()
      .from(schema.indicators)
      .where(eq(schema.indicators.code, 'THOATNGHEO'))
      .get();
    const target = await send('admin', 'POST', `/admin/terms/${demo.termId}/targets`, {
      code: 'CT9',
      wording: 'Chỉ tiêu mới',
      shortName: 'Chỉ tiêu\uffff mới',
      primaryIndicatorId: indicator?.id,
      goal: '10',
      direction: 'at_least',
      counted: true,
    });
    expect(target.status).toBe(400);
    expect(target.body.error.message).toMatch(
      /^Tên ngắn của chỉ tiêu chứa ký tự không dùng được U\+FFFF ở vị trí 9\. /,
    );

    const period = demo.db
      .select()
      .from(schema.periods)
      .where(eq(schema.periods.startDate, '2024-07-01'))
      .get();
    const note = await send('nhap.phuthuy', 'PUT', '/results', {
      unitId: id('22924'),
      indicatorId: indicator?.id,
      periodId: period?.id,
      value: '3',
      note: 'Ghi chú\u001b[31m',
      expectedVersion: null,
    });
    expect(note.status).toBe(400);
    expect(note.body.error.message).toMatch(/^Ghi chú chứa ký tự điều khiển U\+001B ở vị trí 8\. /);

    // An approved value corrected with a reason holding a NUL.
    const approved = demo.db
      .select()
      .from(schema.periods)
      .where(eq(schema.periods.startDate, '2024-01-01'))
      .get();
    const current = demo.db
      .select()
      .from(schema.results)
      .where(sql`${schema.results.unitId} = ${id('22924')} AND ${schema.results.indicatorId} = ${indicator?.id}
                 AND ${schema.results.periodId} = ${approved?.id}`)
      .get();
    const reason = await send('duyet.phanthiet', 'PUT', '/results', {
      unitId: id('22924'),
      indicatorId: indicator?.id,
      periodId: approved?.id,
      value: '5',
      expectedVersion: current?.version,
      reason: 'Sửa theo\u0000 biên bản',
    });
    expect(reason.status).toBe(400);
    expect(reason.body.error.message).toMatch(/^Lý do sửa chứa ký tự điều khiển U\+0000/);

    // Returning a report with a comment pasted from elsewhere.
    const comment = await send(
      'duyet.phanthiet',
      'POST',
      `/submissions/${id('22924')}/${approved?.id}/return`,
      {
        comment: 'Xem lại\ufdd0 số liệu',
      },
    );
    expect(comment.status).toBe(400);
    expect(comment.body.error.message).toMatch(/^Nhận xét chứa ký tự không dùng được U\+FDD0/);

    // Line breaks are fine where text has several lines.
    const multiline = await send('nhap.phuthuy', 'PUT', '/results', {
      unitId: id('22924'),
      indicatorId: indicator?.id,
      periodId: period?.id,
      value: '3',
      note: 'Dòng một\nDòng hai',
      expectedVersion: null,
    });
    expect(multiline.status).toBe(200);
    expect(changes(demo.db)).toBeGreaterThan(before ?? 0);
    const names = demo.db.get<{ n: number }>(
      sql`SELECT COUNT(*) AS n FROM units WHERE name LIKE '%' || char(1) || '%'`,
    );
    expect(names?.n).toBe(0);
  });
});
