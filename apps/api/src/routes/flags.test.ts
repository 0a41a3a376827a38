/**
 * Flags that persist (issue #15): the server judges every save by the indicator's plausibility
 * rule and stores the flag with the result; a report with a flagged result and no note cannot be
 * sent; the flag and the note reach the approver, the cockpit and the audit; managers set the rule
 * per indicator, and bad thresholds are refused without changing anything.
 */
import { recordResult, schema } from '@chitieu/db';
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
  previous: number;
  poverty: number;
  money: number;
  families: number;
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
  const period = (start: string) =>
    demo.db
      .select()
      .from(schema.periods)
      .all()
      .find((p) => p.startDate === start && p.kind === 'half')?.id as number;
  ids = {
    phuThuy: unit('22924'),
    phanThiet: unit('593'),
    period: period('2024-07-01'),
    previous: period('2024-01-01'),
    poverty: indicator('THOATNGHEO'),
    money: indicator('NTM_GT'),
    families: indicator('GD5K3S'),
  };
  // The ward's figures for the half-year before: 2 households, 20 triệu đồng, 2 families.
  for (const [indicatorId, value] of [
    [ids.poverty, 2],
    [ids.money, 20_000_000],
    [ids.families, 2],
  ] as const) {
    recordResult(demo.db, { unitId: ids.phuThuy, indicatorId, periodId: ids.previous, value });
  }
  for (const user of ['nhap.phuthuy', 'duyet.phanthiet', 'admin', 'quanly']) {
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
const save = (fields: Record<string, unknown>) =>
  call('nhap.phuthuy', 'PUT', '/results', {
    unitId: ids.phuThuy,
    periodId: ids.period,
    expectedVersion: null,
    ...fields,
  });
const grid = (user = 'nhap.phuthuy') =>
  call(user, 'GET', `/entry?termId=${demo.termId}&unitId=${ids.phuThuy}&periodId=${ids.period}`);
const rowOf = (body: { rows: { indicator: { id: number } }[] }, indicatorId: number) =>
  // biome-ignore lint/suspicious/noExplicitAny: as above
  body.rows.find((r) => r.indicator.id === indicatorId) as any;
const storedFlag = (indicatorId: number) =>
  demo.db.get<{ flag: string | null }>(
    sql`SELECT flag FROM results WHERE unit_id = ${ids.phuThuy} AND indicator_id = ${indicatorId}
        AND period_id = ${ids.period}`,
  )?.flag;
/** Everything a refused submit must leave as it was. */
const snapshot = () =>
  JSON.stringify([
    demo.db.all(sql`SELECT * FROM submissions ORDER BY unit_id, period_id`),
    demo.db.all(sql`SELECT COUNT(*) FROM audit_events`),
    demo.db.all(sql`SELECT * FROM rollups WHERE indicator_id = ${ids.poverty} AND period_id = ${ids.period}`),
  ]);
const cockpitCell = async () => {
  const { body } = await call(
    'duyet.phanthiet',
    'GET',
    `/terms/${demo.termId}/cockpit?unitId=${ids.phanThiet}`,
  );
  const unit = body.units.find((u: { id: number }) => u.id === ids.phuThuy);
  return unit.states.find((st: { periodId: number }) => st.periodId === ids.period);
};

describe('flags that persist', () => {
  it('2 → 7 households saves without a flag: a rise below the absolute threshold', async () => {
    const res = await save({ indicatorId: ids.poverty, value: '7' });
    expect(res.status).toBe(200);
    expect(res.body.warnings).toEqual([]);
    expect(res.body.result.flag).toBeNull();
    expect(storedFlag(ids.poverty)).toBeNull();
  });

  it('stores the flag with the result on save: 2 → 3.000 households, 20 triệu → 11,54 tỷ', async () => {
    // The grid cannot clear the flag: a `flag` in the body is not read.
    const poverty = await save({ indicatorId: ids.poverty, value: '3.000', expectedVersion: 1, flag: null });
    expect(poverty.status).toBe(200);
    expect(poverty.body.result.flag).toBe('far_above_previous');
    expect(poverty.body.warnings[0].message).toContain('Gấp hơn 3 lần kỳ trước (2 hộ)');
    const money = await save({ indicatorId: ids.money, value: '11,54 tỷ' });
    expect(money.body.result).toMatchObject({ value: 11_540_000_000, flag: 'far_above_previous' });
    expect(storedFlag(ids.poverty)).toBe('far_above_previous');
    expect(storedFlag(ids.money)).toBe('far_above_previous');

    // After a reload the grid carries the flag and the rule it was judged by.
    const { body } = await grid();
    expect(rowOf(body, ids.poverty).result).toMatchObject({
      value: 3000,
      flag: 'far_above_previous',
      note: null,
    });
    expect(rowOf(body, ids.poverty).plausibility).toEqual({ growth: 300, minChange: 10 });
    expect(rowOf(body, ids.money).plausibility).toEqual({ growth: 300, minChange: 10_000_000 });
  });

  it('shows the save in the audit with its flag', async () => {
    const { body } = await call(
      'duyet.phanthiet',
      'GET',
      `/audit?unitId=${ids.phuThuy}&indicatorId=${ids.poverty}`,
    );
    expect(body[0].after).toMatchObject({ value: 3000, flag: 'far_above_previous' });
    expect(body[1].after).toMatchObject({ value: 7, flag: null });
  });

  it('refuses to submit while a flagged result has no note, listing the cells, and changes nothing', async () => {
    const before = snapshot();
    const res = await call('nhap.phuthuy', 'POST', `/submissions/${ids.phuThuy}/${ids.period}/submit`, {});
    expect(res.status).toBe(400);
    const message: string = res.body.error.message;
    expect(message).toContain('2 số liệu bất thường chưa có ghi chú lý do');
    expect(message).toContain('Hộ thoát nghèo, cận nghèo được Hội hỗ trợ: 3.000 hộ (kỳ trước 2 hộ)');
    expect(message).toContain('11,54 tỷ đồng (kỳ trước 20 triệu đồng)');
    expect(res.body.error.details.flagged).toHaveLength(2);
    expect(snapshot()).toBe(before);
    expect((await grid()).body.submission.state).toBe('draft');
    expect(await cockpitCell()).toMatchObject({ state: 'draft', flagged: 2, unexplained: 2 });
  });

  it('a blank note is no note; with a note on every flagged cell the report is sent', async () => {
    const blank = await save({ indicatorId: ids.money, value: '11,54 tỷ', note: '   ', expectedVersion: 1 });
    expect(blank.body.result).toMatchObject({ note: null, flag: 'far_above_previous' });
    const still = await call('nhap.phuthuy', 'POST', `/submissions/${ids.phuThuy}/${ids.period}/submit`, {});
    expect(still.status).toBe(400);
    expect(still.body.error.details.flagged).toHaveLength(2);

    await save({
      indicatorId: ids.poverty,
      value: '3.000',
      note: 'Chương trình sinh kế của tỉnh hỗ trợ cả phường',
      expectedVersion: 2,
    });
    const partly = await call('nhap.phuthuy', 'POST', `/submissions/${ids.phuThuy}/${ids.period}/submit`, {});
    expect(partly.status).toBe(400);
    expect(partly.body.error.details.flagged.map((f: { indicatorId: number }) => f.indicatorId)).toEqual([
      ids.money,
    ]);
    expect(await cockpitCell()).toMatchObject({ flagged: 2, unexplained: 1 });

    await save({ indicatorId: ids.money, value: '11,54 tỷ', note: 'Cầu bê tông', expectedVersion: 2 });
    const sent = await call('nhap.phuthuy', 'POST', `/submissions/${ids.phuThuy}/${ids.period}/submit`, {});
    expect(sent.status).toBe(200);
    expect(sent.body.state).toBe('submitted');
    expect(await cockpitCell()).toMatchObject({ state: 'submitted', flagged: 2, unexplained: 0 });
  });

  it("shows the flag and the note in the approver's grid", async () => {
    const { body } = await grid('duyet.phanthiet');
    expect(body.permissions.approve).toBe(true);
    expect(rowOf(body, ids.poverty).result).toMatchObject({
      flag: 'far_above_previous',
      note: 'Chương trình sinh kế của tỉnh hỗ trợ cả phường',
    });
    expect(rowOf(body, ids.poverty).previous.value).toBe(2);
  });
});

describe('thresholds per indicator, set on the indicator admin screen', () => {
  const indicatorRow = () =>
    JSON.stringify(demo.db.all(sql`SELECT * FROM indicators WHERE id = ${ids.families}`));
  const current = async () => {
    const { body } = await call('admin', 'GET', '/admin/indicators');
    // biome-ignore lint/suspicious/noExplicitAny: as above
    const found = body.find((i: { id: number }) => i.id === ids.families) as any;
    const { id: _, version, hasResults: _r, targetCount: _t, ...fields } = found;
    return { fields, version: version as string };
  };
  const put = async (user: string, changes: Record<string, unknown>) => {
    const { fields, version } = await current();
    return call(user, 'PUT', `/admin/indicators/${ids.families}`, {
      ...fields,
      flagGrowth: '',
      flagMinChange: '',
      ...changes,
      expectedVersion: version,
    });
  };

  it('lists each indicator with its thresholds (null: the defaults)', async () => {
    const { fields } = await current();
    expect(fields).toMatchObject({ flagGrowth: null, flagMinChange: null });
  });

  it('refuses bad thresholds with a Vietnamese 400 and changes nothing', async () => {
    const before = indicatorRow();
    for (const [changes, words] of [
      [{ flagGrowth: '0,5' }, /từ 1 trở lên/],
      [{ flagGrowth: 'ba' }, /Hệ số gấp: Không phải là số/],
      [{ flagGrowth: '-2' }, /Hệ số gấp/],
      [{ flagGrowth: 3 }, /Hệ số gấp phải là số/],
      [{ flagGrowth: '1e9' }, /Hệ số gấp/],
      [{ flagMinChange: '-5' }, /không được âm/],
      [{ flagMinChange: 'mười' }, /Mức tăng tối thiểu: Không phải là số/],
      [{ flagMinChange: '1,5' }, /Mức tăng tối thiểu/],
      [{ flagMinChange: 10 }, /Mức tăng tối thiểu phải là số/],
    ] as const) {
      const res = await put('admin', changes);
      expect(res.status, JSON.stringify(changes)).toBe(400);
      expect(res.body.error.message).toMatch(words);
      expect(indicatorRow()).toBe(before);
    }
    // Only an administrator of the whole tree sets up shared indicators.
    expect((await put('nhap.phuthuy', { flagGrowth: '2' })).status).toBe(403);
    expect(indicatorRow()).toBe(before);
  });

  it('stores typed thresholds, and the next save is judged by them', async () => {
    // The report was sent above; return it so the ward may save again.
    await call('duyet.phanthiet', 'POST', `/submissions/${ids.phuThuy}/${ids.period}/return`, {
      comment: 'Kiểm tra lại chỉ tiêu gia đình 5 không 3 sạch.',
    });
    // By default 2 → 7 families is plausible.
    const lax = await save({ indicatorId: ids.families, value: '7' });
    expect(lax.body.result.flag).toBeNull();

    const res = await put('admin', { flagGrowth: '2,5', flagMinChange: '1' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ flagGrowth: 250, flagMinChange: 1 });
    const audit = await call('admin', 'GET', '/audit?limit=1');
    expect(audit.body[0]).toMatchObject({
      entity: 'indicator',
      after: { flagGrowth: 250, flagMinChange: 1 },
    });

    const strict = await save({ indicatorId: ids.families, value: '7', expectedVersion: 1 });
    expect(strict.status).toBe(200);
    expect(strict.body.result.flag).toBe('far_above_previous');
    expect(strict.body.warnings[0].message).toContain('Gấp hơn 2,5 lần kỳ trước (2 hộ)');
    expect(rowOf((await grid()).body, ids.families).plausibility).toEqual({ growth: 250, minChange: 1 });

    // Empty is the default again.
    const reset = await put('admin', {});
    expect(reset.body).toMatchObject({ flagGrowth: null, flagMinChange: null });
  });
});
