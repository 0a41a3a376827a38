import { schema } from '@chitieu/db';
import { demoDatabase } from '@chitieu/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestServer } from '../testing.ts';

let demo: ReturnType<typeof demoDatabase>;
let server: Awaited<ReturnType<typeof startTestServer>>;
let ids: {
  phuThuy: number;
  phanThiet: number;
  period: number;
  poverty: number;
  money: number;
  ratio: number;
  meeting: number;
};
const as: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  demo = demoDatabase();
  server = await startTestServer(demo.db, { today: () => '2025-01-20' });
  const unit = (code: string) =>
    demo.db
      .select()
      .from(schema.units)
      .all()
      .find((u) => u.code === code)?.id as number;
  const indicator = (code: string) =>
    demo.db
      .select()
      .from(schema.indicators)
      .all()
      .find((i) => i.code === code)?.id as number;
  ids = {
    phuThuy: unit('22924'),
    phanThiet: unit('593'),
    period: demo.db
      .select()
      .from(schema.periods)
      .all()
      .find((p) => p.startDate === '2024-07-01')?.id as number,
    poverty: indicator('THOATNGHEO'),
    money: indicator('NTM_GT'),
    ratio: indicator('NANNHAN'),
    meeting: indicator('HD5LH'),
  };
  for (const user of ['nhap.phuthuy', 'nhap.phuhai', 'duyet.phanthiet', 'lanhdao']) {
    as[user] = { ...(await loginAs(server.url, user)), 'content-type': 'application/json' };
  }
});
afterAll(() => server.close());

async function call(user: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${server.url}/api${path}`, {
    method,
    headers: as[user],
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the test walks JSON bodies of many shapes
  return { status: res.status, body: (await res.json()) as any };
}
const save = (user: string, fields: Record<string, unknown>) =>
  call(user, 'PUT', '/results', {
    unitId: ids.phuThuy,
    periodId: ids.period,
    expectedVersion: null,
    ...fields,
  });
const grid = (user = 'nhap.phuthuy') =>
  call(user, 'GET', `/entry?termId=${demo.termId}&unitId=${ids.phuThuy}&periodId=${ids.period}`);
const provinceFigure = async (basis: 'approved' | 'submitted') => {
  const { body } = await call(
    'lanhdao',
    'GET',
    `/terms/${demo.termId}/dashboard?asOf=2024-12-31&basis=${basis}`,
  );
  return body.targets.find((t: { code: string }) => t.code === 'CT2').figure.value as number;
};
const auditCount = () => demo.db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM audit_events`)?.n;

describe('entry, workflow and audit over HTTP', () => {
  it('shows the grid with the previous period beside each cell', async () => {
    const { status, body } = await grid();
    expect(status).toBe(200);
    const poverty = body.rows.find((r: { indicator: { id: number } }) => r.indicator.id === ids.poverty);
    expect(poverty.result).toBeNull();
    expect(poverty.previous.value).toBeGreaterThanOrEqual(0); // 2024-H1, from the demo
    expect(body.permissions).toMatchObject({ edit: true, submit: true, approve: false });
  });

  it('accepts numbers typed the Vietnamese way, and refuses bad ones at the field', async () => {
    expect(
      // Far above the half-year before: flagged, so it carries its reason (sending needs one).
      (
        await save('nhap.phuthuy', {
          indicatorId: ids.money,
          value: '11,54 tỷ',
          note: 'Gồm cả cầu dân sinh do tỉnh đầu tư',
        })
      ).body.result.value,
    ).toBe(11_540_000_000);
    const saved = await save('nhap.phuthuy', {
      indicatorId: ids.poverty,
      value: '3.000',
      note: 'Chương trình sinh kế lớn',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.result.value).toBe(3000);
    expect(saved.body.warnings[0].code).toBe('far_above_history');
    const before = auditCount();
    for (const [fields, words] of [
      [{ indicatorId: ids.poverty, value: '12 hộ', expectedVersion: 1 }, 'Không phải là số'],
      [{ indicatorId: ids.poverty, value: '-4', expectedVersion: 1 }, 'âm'],
      [{ indicatorId: ids.poverty, value: '2,5', expectedVersion: 1 }, 'số nguyên'],
      [{ indicatorId: ids.ratio, numerator: '9', denominator: '4' }, 'Tử số'],
      [
        { indicatorId: ids.poverty, value: '4', expectedVersion: 1, evidenceUrl: 'javascript:alert(1)' },
        'minh chứng',
      ],
    ] as const) {
      const res = await save('nhap.phuthuy', fields);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(words);
    }
    expect(auditCount()).toBe(before);
  });

  it('refuses a save based on a stale version with 409, the current value and its author', async () => {
    const stale = await save('nhap.phuthuy', {
      indicatorId: ids.poverty,
      value: '10',
      expectedVersion: null,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current).toMatchObject({
      value: 3000,
      version: 1,
      updatedByName: 'Hội LHPN phường Phú Thủy',
    });
    const fresh = await save('nhap.phuthuy', { indicatorId: ids.poverty, value: '30', expectedVersion: 1 });
    // A save without a note keeps the one already there.
    expect(fresh.body.result).toMatchObject({ value: 30, version: 2, note: 'Chương trình sinh kế lớn' });
  });

  it('walks the workflow: submit, return with a comment, fix, resubmit, approve — and the figures follow', async () => {
    const approvedBefore = await provinceFigure('approved');
    expect(
      (await call('nhap.phuthuy', 'POST', `/submissions/${ids.phuThuy}/${ids.period}/submit`, {})).status,
    ).toBe(200);
    expect(await provinceFigure('submitted')).toBe(approvedBefore + 30);
    expect(await provinceFigure('approved')).toBe(approvedBefore);
    // Submitted reports are locked for entry until returned.
    expect(
      (await save('nhap.phuthuy', { indicatorId: ids.poverty, value: '31', expectedVersion: 2 })).status,
    ).toBe(409);

    const noComment = await call(
      'duyet.phanthiet',
      'POST',
      `/submissions/${ids.phuThuy}/${ids.period}/return`,
      {},
    );
    expect(noComment.status).toBe(400);
    const returned = await call(
      'duyet.phanthiet',
      'POST',
      `/submissions/${ids.phuThuy}/${ids.period}/return`,
      {
        comment: 'Số hộ thoát nghèo cần kiểm tra lại.',
      },
    );
    expect(returned.body).toMatchObject({
      state: 'returned',
      comment: 'Số hộ thoát nghèo cần kiểm tra lại.',
    });
    expect((await grid()).body.submission.comment).toBe('Số hộ thoát nghèo cần kiểm tra lại.');

    expect(
      (await save('nhap.phuthuy', { indicatorId: ids.poverty, value: '25', expectedVersion: 2 })).status,
    ).toBe(200);
    expect(
      (await call('nhap.phuthuy', 'POST', `/submissions/${ids.phuThuy}/${ids.period}/submit`, {})).status,
    ).toBe(200);
    expect(
      (await call('duyet.phanthiet', 'POST', `/submissions/${ids.phuThuy}/${ids.period}/approve`, {})).status,
    ).toBe(200);
    expect(await provinceFigure('approved')).toBe(approvedBefore + 25);
  });

  it('locks approved values: entry staff cannot change them; an approver can, with a reason', async () => {
    expect(
      (await save('nhap.phuthuy', { indicatorId: ids.poverty, value: '26', expectedVersion: 3 })).status,
    ).toBe(403);
    const noReason = await save('duyet.phanthiet', {
      indicatorId: ids.poverty,
      value: '26',
      expectedVersion: 3,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.message).toContain('lý do');
    const withReason = await save('duyet.phanthiet', {
      indicatorId: ids.poverty,
      value: '26',
      expectedVersion: 3,
      reason: 'Bổ sung 1 hộ theo biên bản.',
    });
    expect(withReason.status).toBe(200);
    const approvedNow = await provinceFigure('approved');
    expect(approvedNow - (await provinceFigure('submitted'))).toBe(0);
  });

  it('records every change with who, before, after and reason, newest first', async () => {
    const { body } = await call(
      'duyet.phanthiet',
      'GET',
      `/audit?unitId=${ids.phuThuy}&indicatorId=${ids.poverty}`,
    );
    expect(body[0]).toMatchObject({
      userName: 'Hội LHPN TP. Phan Thiết (duyệt)',
      reason: 'Bổ sung 1 hộ theo biên bản.',
    });
    expect(body[0].before.value).toBe(25);
    expect(body[0].after.value).toBe(26);
    expect(body.map((e: { after: { value: number } }) => e.after.value)).toEqual([26, 25, 30, 3000]);
    const states = await call('duyet.phanthiet', 'GET', `/audit?unitId=${ids.phuThuy}`);
    expect(
      states.body
        .filter((e: { entity: string }) => e.entity === 'submission')
        .map((e: { action: string }) => e.action),
    ).toEqual(['approved', 'submitted', 'returned', 'submitted']);
    // Outside your subtree: refused.
    expect((await call('nhap.phuthuy', 'GET', `/audit?unitId=${ids.phanThiet}`)).status).toBe(403);
  });

  it("filters the audit trail by a whole subtree, pages it, and fills pages within the reader's scope", async () => {
    type Event = { id: number; unitId: number | null; unitName: string | null };
    const district = (await call('duyet.phanthiet', 'GET', `/audit?unitId=${ids.phanThiet}`)).body as Event[];
    expect(district.some((e) => e.unitName === 'Phường Phú Thủy')).toBe(true);
    const all = (await call('duyet.phanthiet', 'GET', `/audit?unitId=${ids.phuThuy}`)).body as Event[];
    expect(all.length).toBeGreaterThanOrEqual(6);
    const first = (await call('duyet.phanthiet', 'GET', `/audit?unitId=${ids.phuThuy}&limit=3`))
      .body as Event[];
    const next = (
      await call('duyet.phanthiet', 'GET', `/audit?unitId=${ids.phuThuy}&limit=3&before=${first.at(-1)?.id}`)
    ).body as Event[];
    expect([...first, ...next].map((e) => e.id)).toEqual(all.slice(0, 6).map((e) => e.id));
    // A neighbour's newer changes do not crowd a commune's own out of its page.
    const phuHai = demo.db
      .select()
      .from(schema.units)
      .all()
      .find((u) => u.code === '22921')?.id;
    const neighbour = await save('nhap.phuhai', { unitId: phuHai, indicatorId: ids.money, value: '1' });
    expect(neighbour.body).toMatchObject({ result: { unitId: phuHai } });
    const own = (await call('nhap.phuthuy', 'GET', '/audit?limit=1')).body as Event[];
    expect(own).toHaveLength(1);
    expect(own[0]?.unitId).toBe(ids.phuThuy);
    expect((await call('nhap.phuthuy', 'GET', '/audit?limit=0')).status).toBe(400);
  });

  it('shows the reporting cockpit with states and overdue reports', async () => {
    const { body } = await call(
      'duyet.phanthiet',
      'GET',
      `/terms/${demo.termId}/cockpit?unitId=${ids.phanThiet}`,
    );
    expect(body.units).toHaveLength(18);
    const phuThuy = body.units.find((u: { id: number }) => u.id === ids.phuThuy);
    const h2 = phuThuy.states.find((st: { periodId: number }) => st.periodId === ids.period);
    expect(h2).toMatchObject({ state: 'approved', overdue: false });
    const other = body.units.find((u: { id: number }) => u.id !== ids.phuThuy);
    expect(other.states.find((st: { periodId: number }) => st.periodId === ids.period)).toMatchObject({
      state: 'not_started',
      overdue: true, // deadline 10/01/2025, today 20/01/2025
    });
  });
  it('clears a value typed in the wrong row: same rights and version check as a save, audited, figures follow', async () => {
    // Phú Thủy's 2024-H2 report is approved by now: clearing needs the approver and a reason.
    const grid = await call(
      'duyet.phanthiet',
      'GET',
      `/entry?termId=${demo.termId}&unitId=${ids.phuThuy}&periodId=${ids.period}`,
    );
    const row = grid.body.rows.find((r: { indicator: { id: number } }) => r.indicator.id === ids.poverty);
    const { version, value } = row.result as { version: number; value: number };
    const clear = (user: string, fields: Record<string, unknown>) =>
      call(user, 'DELETE', '/results', {
        unitId: ids.phuThuy,
        indicatorId: ids.poverty,
        periodId: ids.period,
        expectedVersion: version,
        ...fields,
      });
    const auditBefore = auditCount();
    expect((await clear('nhap.phuthuy', { reason: 'Nhầm.' })).status).toBe(403);
    expect((await clear('duyet.phanthiet', {})).status).toBe(400);
    const stale = await clear('duyet.phanthiet', { expectedVersion: version - 1, reason: 'Nhầm.' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.value).toBe(value);
    expect(auditCount()).toBe(auditBefore);

    const figureBefore = await provinceFigure('approved');
    const cleared = await clear('duyet.phanthiet', { reason: 'Nhập nhầm dòng.' });
    expect(cleared.status).toBe(200);
    expect(cleared.body.cleared).toMatchObject({ value, version });
    expect(await provinceFigure('approved')).toBe(figureBefore - value);
    const [event] = (await call('duyet.phanthiet', 'GET', `/audit?unitId=${ids.phuThuy}&limit=1`)).body;
    expect(event).toMatchObject({ action: 'delete', reason: 'Nhập nhầm dòng.', after: null });
    const after = await call(
      'duyet.phanthiet',
      'GET',
      `/entry?termId=${demo.termId}&unitId=${ids.phuThuy}&periodId=${ids.period}`,
    );
    expect(
      after.body.rows.find((r: { indicator: { id: number } }) => r.indicator.id === ids.poverty).result,
    ).toBeNull();
    // Nothing left to clear, and the caller saw nothing: a no-op, not an error.
    expect((await clear('duyet.phanthiet', { expectedVersion: null, reason: 'Nhầm.' })).body).toEqual({
      cleared: null,
    });
  });
});
