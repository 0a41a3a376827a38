/**
 * Who sees and does what beyond plain scopes: organisation-wide audit events only for admins of the
 * root, separation of duties in the report workflow, reasons and comments that must say something,
 * and spreadsheets that never carry a formula someone typed into a name or a note.
 */
import { DEMO_PASSWORD, schema } from '@chitieu/db';
import { demoDatabase } from '@chitieu/db/testing';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestServer } from '../testing.ts';

let demo: ReturnType<typeof demoDatabase>;
let server: Awaited<ReturnType<typeof startTestServer>>;
const ids = { phuThuy: 0, phuHai: 0, h2: 0, h1: 0, poverty: 0 };
type Headers = Record<string, string>;
const as: Record<string, Headers> = {};

beforeAll(async () => {
  demo = demoDatabase();
  server = await startTestServer(demo.db, { today: () => '2025-01-20' });
  const unit = (code: string) =>
    demo.db
      .select()
      .from(schema.units)
      .all()
      .find((u) => u.code === code)?.id;
  const period = (start: string) =>
    demo.db
      .select()
      .from(schema.periods)
      .all()
      .find((p) => p.startDate === start)?.id;
  Object.assign(ids, {
    phuThuy: unit('22924'),
    phuHai: unit('22921'),
    h2: period('2024-07-01'),
    h1: period('2024-01-01'),
    poverty: demo.db
      .select()
      .from(schema.indicators)
      .all()
      .find((i) => i.code === 'THOATNGHEO')?.id,
  });
  for (const user of ['admin', 'nhap.phuthuy', 'duyet.phanthiet', 'duyet.tinh', 'xem.phanthiet']) {
    as[user] = await loginAs(server.url, user);
  }
});
afterAll(() => server.close());

async function call(user: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}/api${path}`, {
    method,
    headers: { ...as[user], origin: server.url, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & { error?: { message: string } },
  };
}

describe('audit visibility', () => {
  beforeAll(async () => {
    // An organisation-wide event: an account created (no unit).
    const created = await call('admin', 'POST', '/admin/users', {
      username: 'nguoi.moi',
      displayName: 'Người mới',
      password: 'mat-khau-tam-thoi',
      roles: [{ role: 'entry', unitId: ids.phuThuy }],
    });
    expect(created.status).toBe(200);
  });

  it('events without a unit (accounts) are shown to admins of the root only', async () => {
    const admin = (await call('admin', 'GET', '/audit')).body as unknown as { entity: string }[];
    expect(admin.some((e) => e.entity === 'user')).toBe(true);
    for (const user of ['nhap.phuthuy', 'duyet.phanthiet', 'duyet.tinh', 'xem.phanthiet']) {
      const events = (await call(user, 'GET', '/audit')).body as unknown as {
        entity: string;
        unitId: number | null;
      }[];
      expect(events.filter((e) => e.unitId === null)).toEqual([]);
    }
  });

  it('everyone else sees the events of their own subtree', async () => {
    const period = demo.db
      .insert(schema.periods)
      .values({ kind: 'half', startDate: '2045-01-01', endDate: '2045-06-30', deadline: '2045-07-10' })
      .returning()
      .get().id;
    const saved = await call('nhap.phuthuy', 'PUT', '/results', {
      unitId: ids.phuThuy,
      indicatorId: ids.poverty,
      periodId: period,
      value: '4',
      expectedVersion: null,
    });
    expect(saved.status).toBe(200);
    const events = (await call('nhap.phuthuy', 'GET', '/audit')).body as unknown as { unitId: number }[];
    const units = new Set(events.map((e) => e.unitId));
    expect(units.size).toBeGreaterThan(0);
    expect([...units].every((id) => id === ids.phuThuy)).toBe(true);
  });
});

describe('separation of duties', () => {
  const save = (user: string, unitId: number, periodId: number, value: string) =>
    call(user, 'PUT', '/results', {
      unitId,
      indicatorId: ids.poverty,
      periodId,
      value,
      expectedVersion: null,
    });
  const transition = (user: string, unitId: number, periodId: number, action: string, comment?: string) =>
    call(user, 'POST', `/submissions/${unitId}/${periodId}/${action}`, comment ? { comment } : {});
  const grid = (user: string, unitId: number, periodId: number) =>
    call(user, 'GET', `/entry?termId=${demo.termId}&unitId=${unitId}&periodId=${periodId}`);

  /** A fresh period: the demo's reports are approved already. */
  let year = 2030;
  const nextPeriod = () => {
    year++;
    return demo.db
      .insert(schema.periods)
      .values({
        kind: 'half',
        startDate: `${year}-01-01`,
        endDate: `${year}-06-30`,
        deadline: `${year}-07-10`,
      })
      .returning()
      .get().id;
  };

  it('is on by default: whoever entered the figures cannot approve them, even an admin; another approver can', async () => {
    const period = nextPeriod();
    expect((await save('admin', ids.phuHai, period, '5')).status).toBe(200);
    expect((await transition('admin', ids.phuHai, period, 'submit')).status).toBe(200);
    const own = await transition('admin', ids.phuHai, period, 'approve');
    expect(own.status).toBe(403);
    expect(own.body.error?.message).toContain('tách bạch');
    // The grid says so, instead of offering the button.
    const seen = (await grid('admin', ids.phuHai, period)).body as {
      permissions: { approve: boolean; approveBlocked: string | null };
    };
    expect(seen.permissions.approve).toBe(false);
    expect(seen.permissions.approveBlocked).toContain('tách bạch');
    const other = (await grid('duyet.tinh', ids.phuHai, period)).body as {
      permissions: { approve: boolean };
    };
    expect(other.permissions.approve).toBe(true);
    expect((await transition('duyet.tinh', ids.phuHai, period, 'approve')).status).toBe(200);
  });

  it('whoever submitted cannot approve either', async () => {
    const period = nextPeriod();
    expect((await save('nhap.phuthuy', ids.phuThuy, period, '3')).status).toBe(200);
    // The admin only submits (someone else entered the figures).
    expect((await transition('admin', ids.phuThuy, period, 'submit')).status).toBe(200);
    expect((await transition('admin', ids.phuThuy, period, 'approve')).status).toBe(403);
    const state = demo.db
      .select()
      .from(schema.submissions)
      .where(eq(schema.submissions.periodId, period))
      .get();
    expect(state?.state).toBe('submitted');
  });

  it('a root admin may turn it off, and it is audited', async () => {
    expect((await call('admin', 'GET', '/admin/settings')).body).toEqual({ separationOfDuties: true });
    expect((await call('duyet.tinh', 'PUT', '/admin/settings', { separationOfDuties: false })).status).toBe(
      403,
    );
    expect((await call('admin', 'PUT', '/admin/settings', { separationOfDuties: false })).status).toBe(200);
    const period = nextPeriod();
    expect((await save('admin', ids.phuHai, period, '7')).status).toBe(200);
    expect((await transition('admin', ids.phuHai, period, 'submit')).status).toBe(200);
    expect((await transition('admin', ids.phuHai, period, 'approve')).status).toBe(200);
    expect((await call('admin', 'PUT', '/admin/settings', { separationOfDuties: true })).status).toBe(200);
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
      const before = demo.db.get(sql`SELECT COUNT(*) AS n FROM audit_events`);
      const res = await call('duyet.phanthiet', 'PUT', '/results', {
        unitId: ids.phuThuy,
        indicatorId: ids.poverty,
        periodId: ids.h1,
        value: '1',
        expectedVersion: 1,
        reason,
      });
      expect(res.status).toBe(400);
      expect(res.body.error?.message).toContain('lý do');
      expect(demo.db.get(sql`SELECT COUNT(*) AS n FROM audit_events`)).toEqual(before);
    },
  );

  it('an invisible comment cannot return a report', async () => {
    const period = demo.db
      .insert(schema.periods)
      .values({ kind: 'half', startDate: '2040-01-01', endDate: '2040-06-30', deadline: '2040-07-10' })
      .returning()
      .get().id;
    expect(
      (
        await call('nhap.phuthuy', 'PUT', '/results', {
          unitId: ids.phuThuy,
          indicatorId: ids.poverty,
          periodId: period,
          value: '2',
          expectedVersion: null,
        })
      ).status,
    ).toBe(200);
    expect(
      (await call('nhap.phuthuy', 'POST', `/submissions/${ids.phuThuy}/${period}/submit`, {})).status,
    ).toBe(200);
    const res = await call('duyet.phanthiet', 'POST', `/submissions/${ids.phuThuy}/${period}/return`, {
      comment: '\u200b \u200b',
    });
    expect(res.status).toBe(400);
    expect(res.body.error?.message).toContain('nhận xét');
  });
});

describe('formula text never reaches a spreadsheet as a formula', () => {
  const FORMULAS = ['=HYPERLINK("http://x.example","y")', "+cmd|' /C calc'!A0", '@SUM(1+1)', '-2+3', '\t=1'];

  /** A period in which Phú Thủy has results. */
  let reported = 0;
  beforeAll(() => {
    reported = demo.db.get<{ p: number }>(
      sql`SELECT period_id AS p FROM results WHERE unit_id = ${ids.phuThuy} ORDER BY period_id LIMIT 1`,
    )?.p as number;
    // A unit name and a note, as an admin or a clerk could type them.
    demo.db
      .update(schema.units)
      .set({ name: FORMULAS[0] as string })
      .where(eq(schema.units.id, ids.phuThuy))
      .run();
    demo.db.run(
      sql`UPDATE results SET note = ${FORMULAS[1]} WHERE unit_id = ${ids.phuThuy} AND period_id = ${reported}`,
    );
    demo.db
      .update(schema.units)
      .set({ name: FORMULAS[2] as string })
      .where(eq(schema.units.id, ids.phuHai))
      .run();
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

  it('the units export (XLSX and CSV)', async () => {
    const xlsx = await fetch(`${server.url}/api/admin/units/export.xlsx`, { headers: as.admin });
    const texts = await cellTexts(await xlsx.arrayBuffer());
    expect(texts).toContain(`'${FORMULAS[0]}`);
    expect(unsafe(texts)).toEqual([]);
    const csv = await (await fetch(`${server.url}/api/admin/units/export.csv`, { headers: as.admin })).text();
    expect(csv).toContain(`"'=HYPERLINK(""http://x.example"",""y"")"`);
    expect(csv).toContain("'@SUM(1+1)");
  });

  it('the entry template, and its own guard is taken off when it comes back', async () => {
    const q = `termId=${demo.termId}&unitId=${ids.phuThuy}&periodId=${reported}`;
    const res = await fetch(`${server.url}/api/entry/template.xlsx?${q}`, { headers: as['nhap.phuthuy'] });
    const bytes = await res.arrayBuffer();
    const texts = await cellTexts(bytes);
    expect(texts.some((t) => t.startsWith(`'${FORMULAS[1]}`))).toBe(true);
    expect(unsafe(texts)).toEqual([]);
    // Uploaded again unchanged: the note is the same note, not a change.
    const preview = await fetch(`${server.url}/api/entry/import/preview?${q}`, {
      method: 'POST',
      headers: { ...as['nhap.phuthuy'], origin: server.url, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(bytes),
    });
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ changes: [], problems: [] });
  });

  it('the demo password still opens the demo (the fixture did not lock anyone out)', async () => {
    expect((await loginAs(server.url, 'lanhdao', DEMO_PASSWORD)).cookie).toBeTruthy();
  });
});
