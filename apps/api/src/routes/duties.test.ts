/**
 * Who sees and does what beyond plain scopes: organisation-wide audit events only for admins of the
 * root, separation of duties in the report workflow, reasons and comments that must say something,
 * and spreadsheets that never carry a formula someone typed into a name or a note. Each test runs on
 * its own copy of the demo and arranges what it stands on.
 */
import { DEMO_PASSWORD, schema } from '@chitieu/db';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { AuditSchema } from '../schemas/audit.ts';
import type { EntryGridSchema, SaveResultResponse, SubmissionSchema } from '../schemas/entry.ts';
import { type Answer, demoServerPerTest, loginAs, type Routes } from '../testing.ts';
import type { ImportPreviewSchema } from './excel.ts';

type Audit = z.infer<typeof AuditSchema>;
type Grid = z.infer<typeof EntryGridSchema>;
type Settings = Answer<Routes['admin']['settings']['$get']>;
type Preview = z.infer<typeof ImportPreviewSchema>;

const demo = demoServerPerTest({
  today: () => '2025-01-20',
  users: ['admin', 'nhap.phuthuy', 'duyet.phanthiet', 'duyet.tinh', 'xem.phanthiet'],
});
const ids = () => ({
  phuThuy: demo.find.unit('22924'),
  phuHai: demo.find.unit('22921'),
  h1: demo.find.period('2024-01-01'),
  poverty: demo.find.indicator('THOATNGHEO'),
});

/** A half-year of this test's own: the demo's reports are approved already. */
const newPeriod = (year: number) =>
  demo.db
    .insert(schema.periods)
    .values({ kind: 'half', startDate: `${year}-01-01`, endDate: `${year}-06-30`, deadline: `${year}-07-10` })
    .returning()
    .get().id;
const save = (user: string, unitId: number, periodId: number, value: string) =>
  demo.as(user).put<z.infer<typeof SaveResultResponse>>('/api/results', {
    unitId,
    indicatorId: ids().poverty,
    periodId,
    value,
    expectedVersion: null,
  });
const transition = (user: string, unitId: number, periodId: number, action: string, comment?: string) =>
  demo
    .as(user)
    .post<z.infer<typeof SubmissionSchema>>(
      `/api/submissions/${unitId}/${periodId}/${action}`,
      comment ? { comment } : {},
    );
const grid = (user: string, unitId: number, periodId: number) =>
  demo.as(user).get<Grid>(`/api/entry?termId=${demo.termId}&unitId=${unitId}&periodId=${periodId}`);
const auditCount = () => demo.db.get(sql`SELECT COUNT(*) AS n FROM audit_events`);

describe('audit visibility', () => {
  // An organisation-wide event: an account created (no unit).
  beforeEach(async () => {
    const created = await demo.as('admin').post('/api/admin/users', {
      username: 'nguoi.moi',
      displayName: 'Người mới',
      password: 'mat-khau-tam-thoi',
      roles: [{ role: 'entry', unitId: ids().phuThuy }],
    });
    expect(created.status).toBe(200);
  });

  it('events without a unit (accounts) are shown to admins of the root only', async () => {
    const admin = (await demo.as('admin').get<Audit>('/api/audit')).body;
    expect(admin.some((e) => e.entity === 'user')).toBe(true);
    for (const user of ['nhap.phuthuy', 'duyet.phanthiet', 'duyet.tinh', 'xem.phanthiet']) {
      const events = (await demo.as(user).get<Audit>('/api/audit')).body;
      expect(events.filter((e) => e.unitId === null)).toEqual([]);
    }
  });

  it('everyone else sees the events of their own subtree', async () => {
    const saved = await save('nhap.phuthuy', ids().phuThuy, newPeriod(2045), '4');
    expect(saved.status).toBe(200);
    const events = (await demo.as('nhap.phuthuy').get<Audit>('/api/audit')).body;
    const units = new Set(events.map((e) => e.unitId));
    expect(units.size).toBeGreaterThan(0);
    expect([...units].every((id) => id === ids().phuThuy)).toBe(true);
  });
});

describe('separation of duties', () => {
  it('is on by default: whoever entered the figures cannot approve them, even an admin; another approver can', async () => {
    const { phuHai } = ids();
    const period = newPeriod(2031);
    expect((await save('admin', phuHai, period, '5')).status).toBe(200);
    expect((await transition('admin', phuHai, period, 'submit')).status).toBe(200);
    const own = await transition('admin', phuHai, period, 'approve');
    expect(own.status).toBe(403);
    expect(own.error?.message).toContain('tách bạch');
    // The grid says so, instead of offering the button.
    const seen = (await grid('admin', phuHai, period)).body;
    expect(seen.permissions.approve).toBe(false);
    expect(seen.permissions.approveBlocked).toContain('tách bạch');
    const other = (await grid('duyet.tinh', phuHai, period)).body;
    expect(other.permissions.approve).toBe(true);
    expect((await transition('duyet.tinh', phuHai, period, 'approve')).status).toBe(200);
  });

  it('whoever submitted cannot approve either', async () => {
    const { phuThuy } = ids();
    const period = newPeriod(2031);
    expect((await save('nhap.phuthuy', phuThuy, period, '3')).status).toBe(200);
    // The admin only submits (someone else entered the figures).
    expect((await transition('admin', phuThuy, period, 'submit')).status).toBe(200);
    expect((await transition('admin', phuThuy, period, 'approve')).status).toBe(403);
    const state = demo.db
      .select()
      .from(schema.submissions)
      .where(eq(schema.submissions.periodId, period))
      .get();
    expect(state?.state).toBe('submitted');
  });

  it('a root admin may turn it off, and it is audited', async () => {
    const { phuHai } = ids();
    const admin = demo.as('admin');
    expect((await admin.get<Settings>('/api/admin/settings')).body).toEqual({ separationOfDuties: true });
    expect(
      (await demo.as('duyet.tinh').put<Settings>('/api/admin/settings', { separationOfDuties: false }))
        .status,
    ).toBe(403);
    expect((await admin.put<Settings>('/api/admin/settings', { separationOfDuties: false })).status).toBe(
      200,
    );
    const period = newPeriod(2031);
    expect((await save('admin', phuHai, period, '7')).status).toBe(200);
    expect((await transition('admin', phuHai, period, 'submit')).status).toBe(200);
    expect((await transition('admin', phuHai, period, 'approve')).status).toBe(200);
    expect((await admin.put<Settings>('/api/admin/settings', { separationOfDuties: true })).status).toBe(200);
    const audit = demo.db.all<{ action: string }>(
      sql`SELECT action FROM audit_events WHERE entity = 'settings'`,
    );
    expect(audit.map((a) => a.action)).toEqual(['update', 'update']);
  });
});

describe('reasons and comments must say something', () => {
  it.each(['\u200b', '  \u200b\u200c\u200d\ufeff ', '\u2060', '\u00a0\u3000'])(
    'an invisible reason %j to correct an approved value is refused, nothing written',
    async (reason) => {
      const before = auditCount();
      const res = await demo.as('duyet.phanthiet').put('/api/results', {
        unitId: ids().phuThuy,
        indicatorId: ids().poverty,
        periodId: ids().h1,
        value: '1',
        expectedVersion: 1,
        reason,
      });
      expect(res.status).toBe(400);
      expect(res.error?.message).toContain('lý do');
      expect(auditCount()).toEqual(before);
    },
  );

  it('an invisible comment cannot return a report', async () => {
    const { phuThuy } = ids();
    const period = newPeriod(2040);
    expect((await save('nhap.phuthuy', phuThuy, period, '2')).status).toBe(200);
    expect((await transition('nhap.phuthuy', phuThuy, period, 'submit')).status).toBe(200);
    const res = await transition('duyet.phanthiet', phuThuy, period, 'return', '\u200b \u200b');
    expect(res.status).toBe(400);
    expect(res.error?.message).toContain('nhận xét');
  });
});

describe('formula text never reaches a spreadsheet as a formula', () => {
  const HYPERLINK = '=HYPERLINK("http://x.example","y")';
  const COMMAND = "+cmd|' /C calc'!A0";
  const SUM = '@SUM(1+1)';
  /** The first period in which Phú Thủy has results. */
  const reported = () => {
    const row = demo.db.get<{ p: number }>(
      sql`SELECT period_id AS p FROM results WHERE unit_id = ${ids().phuThuy} ORDER BY period_id LIMIT 1`,
    );
    if (!row) throw new Error('The demo has no results for Phú Thủy.');
    return row.p;
  };

  // A unit name and a note, as an admin or a clerk could type them.
  beforeEach(() => {
    const { phuThuy, phuHai } = ids();
    demo.db.update(schema.units).set({ name: HYPERLINK }).where(eq(schema.units.id, phuThuy)).run();
    demo.db.run(
      sql`UPDATE results SET note = ${COMMAND} WHERE unit_id = ${phuThuy} AND period_id = ${reported()}`,
    );
    demo.db.update(schema.units).set({ name: SUM }).where(eq(schema.units.id, phuHai)).run();
  });

  const cellTexts = async (bytes: ArrayBuffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as never);
    const texts: string[] = [];
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.formula).toBeUndefined();
          if (typeof cell.value === 'string') texts.push(cell.value);
        }),
      );
    }
    return texts;
  };
  const unsafe = (texts: string[]) => texts.filter((t) => /^[=+\-@\t\r]/.test(t));
  const download = (user: string, path: string) =>
    fetch(`${demo.url}${path}`, { headers: demo.headers(user) });

  it('the units export (XLSX and CSV)', async () => {
    const xlsx = await download('admin', '/api/admin/units/export.xlsx');
    const texts = await cellTexts(await xlsx.arrayBuffer());
    expect(texts).toContain(`'${HYPERLINK}`);
    expect(unsafe(texts)).toEqual([]);
    const csv = await (await download('admin', '/api/admin/units/export.csv')).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://x.example"",""y"")"`);
    expect(csv).toContain("'@SUM(1+1)");
  });

  it('the entry template, and its own guard is taken off when it comes back', async () => {
    const q = `termId=${demo.termId}&unitId=${ids().phuThuy}&periodId=${reported()}`;
    const res = await download('nhap.phuthuy', `/api/entry/template.xlsx?${q}`);
    const bytes = await res.arrayBuffer();
    const texts = await cellTexts(bytes);
    expect(texts.some((t) => t.startsWith(`'${COMMAND}`))).toBe(true);
    expect(unsafe(texts)).toEqual([]);
    // Uploaded again unchanged: the note is the same note, not a change.
    const preview = await demo
      .as('nhap.phuthuy')
      .upload<Preview>(`/api/entry/import/preview?${q}`, new Uint8Array(bytes));
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ changes: [], problems: [] });
  });

  it('the demo password still opens the demo (the fixture did not lock anyone out)', async () => {
    expect((await loginAs(demo.url, 'lanhdao', DEMO_PASSWORD)).cookie).toBeTruthy();
  });
});
