/**
 * Names, notes, reasons and comments cannot carry control characters or noncharacters into the
 * database: each is refused with a Vietnamese message that names the field, the character and where
 * it is, and nothing is written.
 */
import { type Db, schema } from '@chitieu/db';
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { type Answer, demoServerPerTest, type Routes } from '../testing.ts';

type AdminUnits = Answer<Routes['admin']['units']['$get']>;

const demo = demoServerPerTest({
  today: () => '2024-07-10',
  users: ['admin', 'nhap.phuthuy', 'duyet.phanthiet'],
});

const changes = (db: Db) =>
  db.get<{ n: number }>(sql`SELECT (SELECT COUNT(*) FROM audit_events) + (SELECT COUNT(*) FROM results) AS n`)
    ?.n;

describe('text that cannot break a file is refused on input', () => {
  it('in a unit name, a target name, a note, a reason and a comment', async () => {
    const ward = demo.find.unit('22924');
    const poverty = demo.find.indicator('THOATNGHEO');
    const period = demo.find.period('2024-07-01');
    const approved = demo.find.period('2024-01-01');
    const before = changes(demo.db);
    const units = (await demo.as('admin').get<AdminUnits>('/api/admin/units')).body.units;
    const version = units.find((u) => u.id === ward)?.version;
    const rename = await demo.as('admin').patch(`/api/admin/units/${ward}`, {
      version,
      name: 'Phường Phú\u0001 Thủy',
    });
    expect(rename.status).toBe(400);
    expect(rename.error?.message).toMatch(/^Tên đơn vị chứa ký tự điều khiển U\+0001 ở vị trí 11\. /);

    const target = await demo.as('admin').post(`/api/admin/terms/${demo.termId}/targets`, {
      code: 'CT9',
      wording: 'Chỉ tiêu mới',
      shortName: 'Chỉ tiêu\uffff mới',
      primaryIndicatorId: poverty,
      goal: '10',
      direction: 'at_least',
      counted: true,
    });
    expect(target.status).toBe(400);
    expect(target.error?.message).toMatch(
      /^Tên ngắn của chỉ tiêu chứa ký tự không dùng được U\+FFFF ở vị trí 9\. /,
    );

    const note = await demo.as('nhap.phuthuy').put('/api/results', {
      unitId: ward,
      indicatorId: poverty,
      periodId: period,
      value: '3',
      note: 'Ghi chú\u001b[31m',
      expectedVersion: null,
    });
    expect(note.status).toBe(400);
    expect(note.error?.message).toMatch(/^Ghi chú chứa ký tự điều khiển U\+001B ở vị trí 8\. /);

    // An approved value corrected with a reason holding a NUL.
    const current = demo.db
      .select()
      .from(schema.results)
      .where(
        and(
          eq(schema.results.unitId, ward),
          eq(schema.results.indicatorId, poverty),
          eq(schema.results.periodId, approved),
        ),
      )
      .get();
    const reason = await demo.as('duyet.phanthiet').put('/api/results', {
      unitId: ward,
      indicatorId: poverty,
      periodId: approved,
      value: '5',
      expectedVersion: current?.version,
      reason: 'Sửa theo\u0000 biên bản',
    });
    expect(reason.status).toBe(400);
    expect(reason.error?.message).toMatch(/^Lý do sửa chứa ký tự điều khiển U\+0000/);

    // Returning a report with a comment pasted from elsewhere.
    const comment = await demo
      .as('duyet.phanthiet')
      .post(`/api/submissions/${ward}/${approved}/return`, { comment: 'Xem lại\ufdd0 số liệu' });
    expect(comment.status).toBe(400);
    expect(comment.error?.message).toMatch(/^Nhận xét chứa ký tự không dùng được U\+FDD0/);

    // Line breaks are fine where text has several lines.
    const multiline = await demo.as('nhap.phuthuy').put('/api/results', {
      unitId: ward,
      indicatorId: poverty,
      periodId: period,
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
