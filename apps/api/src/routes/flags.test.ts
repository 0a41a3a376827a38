/**
 * Flags that persist (issue #15): the server judges every save by the indicator's plausibility
 * rule and stores the flag with the result; a report with a flagged result and no note cannot be
 * sent; the flag and the note reach the approver, the cockpit and the audit; managers set the rule
 * per indicator, and bad thresholds are refused without changing anything.
 */
import { type Db, recordResult } from '@chitieu/db';
import { demoLookups } from '@chitieu/db/testing';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { AuditSchema } from '../schemas/audit.ts';
import type { EntryGridSchema, SaveResultResponse, SubmissionSchema } from '../schemas/entry.ts';
import type { CockpitSchema } from '../schemas/figures.ts';
import { type Answer, demoServerPerTest, type Routes } from '../testing.ts';

type Grid = z.infer<typeof EntryGridSchema>;
type Saved = z.infer<typeof SaveResultResponse>;
type Flagged = { flagged: { indicatorId: number }[] };
type AdminIndicators = Answer<Routes['admin']['indicators']['$get']>;

/** The ward's figures for the half-year before: 2 households, 20 triệu đồng, 2 families. */
function halfYearBefore(db: Db) {
  const find = demoLookups(db);
  for (const [code, value] of [
    ['THOATNGHEO', 2],
    ['NTM_GT', 20_000_000],
    ['GD5K3S', 2],
  ] as const) {
    recordResult(db, {
      unitId: find.unit('22924'),
      indicatorId: find.indicator(code),
      periodId: find.period('2024-01-01'),
      value,
    });
  }
}
const demo = demoServerPerTest({
  today: () => '2025-01-20',
  prepare: ({ db }) => halfYearBefore(db),
  users: ['nhap.phuthuy', 'duyet.phanthiet', 'admin', 'quanly'],
});
const ids = () => ({
  phuThuy: demo.find.unit('22924'),
  phanThiet: demo.find.unit('593'),
  period: demo.find.period('2024-07-01'),
  poverty: demo.find.indicator('THOATNGHEO'),
  money: demo.find.indicator('NTM_GT'),
  families: demo.find.indicator('GD5K3S'),
});

const save = (fields: Record<string, unknown>) =>
  demo.as('nhap.phuthuy').put<Saved>('/api/results', {
    unitId: ids().phuThuy,
    periodId: ids().period,
    expectedVersion: null,
    ...fields,
  });
const submit = () =>
  demo
    .as('nhap.phuthuy')
    .post<z.infer<typeof SubmissionSchema>>(`/api/submissions/${ids().phuThuy}/${ids().period}/submit`);
const flaggedIn = (reply: { error?: { details?: unknown } }) =>
  (reply.error?.details as Flagged | undefined)?.flagged ?? [];
const grid = (user = 'nhap.phuthuy') =>
  demo
    .as(user)
    .get<Grid>(`/api/entry?termId=${demo.termId}&unitId=${ids().phuThuy}&periodId=${ids().period}`);
const rowOf = (body: Grid, indicatorId: number) => body.rows.find((r) => r.indicator.id === indicatorId);
const storedFlag = (indicatorId: number) =>
  demo.db.get<{ flag: string | null }>(
    sql`SELECT flag FROM results WHERE unit_id = ${ids().phuThuy} AND indicator_id = ${indicatorId}
        AND period_id = ${ids().period}`,
  )?.flag;
/** Everything a refused submit must leave as it was. */
const snapshot = () =>
  JSON.stringify([
    demo.db.all(sql`SELECT * FROM submissions ORDER BY unit_id, period_id`),
    demo.db.all(sql`SELECT COUNT(*) FROM audit_events`),
    demo.db.all(
      sql`SELECT * FROM rollups WHERE indicator_id = ${ids().poverty} AND period_id = ${ids().period}`,
    ),
  ]);
const cockpitCell = async () => {
  const { body } = await demo
    .as('duyet.phanthiet')
    .get<z.infer<typeof CockpitSchema>>(`/api/terms/${demo.termId}/cockpit?unitId=${ids().phanThiet}`);
  const unit = body.units.find((u) => u.id === ids().phuThuy);
  return unit?.states.find((st) => st.periodId === ids().period);
};
/** 2 → 3.000 households and 20 triệu → 11,54 tỷ, saved without a note: both flagged. */
async function saveFlagged() {
  expect((await save({ indicatorId: ids().poverty, value: '3.000' })).status).toBe(200);
  expect((await save({ indicatorId: ids().money, value: '11,54 tỷ' })).status).toBe(200);
}

describe('flags that persist', () => {
  it('2 → 7 households saves without a flag: a rise below the absolute threshold', async () => {
    const res = await save({ indicatorId: ids().poverty, value: '7' });
    expect(res.status).toBe(200);
    expect(res.body.warnings).toEqual([]);
    expect(res.body.result.flag).toBeNull();
    expect(storedFlag(ids().poverty)).toBeNull();
  });

  it('stores the flag with the result on save: 2 → 3.000 households, 20 triệu → 11,54 tỷ', async () => {
    await save({ indicatorId: ids().poverty, value: '7' });
    // The grid cannot clear the flag: a `flag` in the body is not read.
    const poverty = await save({
      indicatorId: ids().poverty,
      value: '3.000',
      expectedVersion: 1,
      flag: null,
    });
    expect(poverty.status).toBe(200);
    expect(poverty.body.result.flag).toBe('far_above_previous');
    expect(poverty.body.warnings[0]?.message).toContain('Gấp hơn 3 lần kỳ trước (2 hộ)');
    const money = await save({ indicatorId: ids().money, value: '11,54 tỷ' });
    expect(money.body.result).toMatchObject({ value: 11_540_000_000, flag: 'far_above_previous' });
    expect(storedFlag(ids().poverty)).toBe('far_above_previous');
    expect(storedFlag(ids().money)).toBe('far_above_previous');

    // After a reload the grid carries the flag and the rule it was judged by.
    const { body } = await grid();
    expect(rowOf(body, ids().poverty)?.result).toMatchObject({
      value: 3000,
      flag: 'far_above_previous',
      note: null,
    });
    expect(rowOf(body, ids().poverty)?.plausibility).toEqual({ growth: 300, minChange: 10 });
    expect(rowOf(body, ids().money)?.plausibility).toEqual({ growth: 300, minChange: 10_000_000 });
  });

  it('shows the save in the audit with its flag', async () => {
    await save({ indicatorId: ids().poverty, value: '7' });
    await save({ indicatorId: ids().poverty, value: '3.000', expectedVersion: 1 });
    const { body } = await demo
      .as('duyet.phanthiet')
      .get<z.infer<typeof AuditSchema>>(`/api/audit?unitId=${ids().phuThuy}&indicatorId=${ids().poverty}`);
    expect(body[0]?.after).toMatchObject({ value: 3000, flag: 'far_above_previous' });
    expect(body[1]?.after).toMatchObject({ value: 7, flag: null });
  });

  it('refuses to submit while a flagged result has no note, listing the cells, and changes nothing', async () => {
    await saveFlagged();
    const before = snapshot();
    const res = await submit();
    expect(res.status).toBe(400);
    const message = res.error?.message;
    expect(message).toContain('2 số liệu bất thường chưa có ghi chú lý do');
    expect(message).toContain('Hộ thoát nghèo, cận nghèo được Hội hỗ trợ: 3.000 hộ (kỳ trước 2 hộ)');
    expect(message).toContain('11,54 tỷ đồng (kỳ trước 20 triệu đồng)');
    expect(flaggedIn(res)).toHaveLength(2);
    expect(snapshot()).toBe(before);
    expect((await grid()).body.submission?.state).toBe('draft');
    expect(await cockpitCell()).toMatchObject({ state: 'draft', flagged: 2, unexplained: 2 });
  });

  it('a blank note is no note; with a note on every flagged cell the report is sent', async () => {
    await saveFlagged();
    const blank = await save({
      indicatorId: ids().money,
      value: '11,54 tỷ',
      note: '   ',
      expectedVersion: 1,
    });
    expect(blank.body.result).toMatchObject({ note: null, flag: 'far_above_previous' });
    const still = await submit();
    expect(still.status).toBe(400);
    expect(flaggedIn(still)).toHaveLength(2);

    await save({
      indicatorId: ids().poverty,
      value: '3.000',
      note: 'Chương trình sinh kế của tỉnh hỗ trợ cả phường',
      expectedVersion: 1,
    });
    const partly = await submit();
    expect(partly.status).toBe(400);
    expect(flaggedIn(partly).map((f) => f.indicatorId)).toEqual([ids().money]);
    expect(await cockpitCell()).toMatchObject({ flagged: 2, unexplained: 1 });

    await save({ indicatorId: ids().money, value: '11,54 tỷ', note: 'Cầu bê tông', expectedVersion: 2 });
    const sent = await submit();
    expect(sent.status).toBe(200);
    expect(sent.body.state).toBe('submitted');
    expect(await cockpitCell()).toMatchObject({ state: 'submitted', flagged: 2, unexplained: 0 });
  });

  it("shows the flag and the note in the approver's grid", async () => {
    const note = 'Chương trình sinh kế của tỉnh hỗ trợ cả phường';
    expect((await save({ indicatorId: ids().poverty, value: '3.000', note })).status).toBe(200);
    expect((await submit()).status).toBe(200);
    const { body } = await grid('duyet.phanthiet');
    expect(body.permissions.approve).toBe(true);
    expect(rowOf(body, ids().poverty)?.result).toMatchObject({ flag: 'far_above_previous', note });
    expect(rowOf(body, ids().poverty)?.previous?.value).toBe(2);
  });
});

describe('thresholds per indicator, set on the indicator admin screen', () => {
  const indicatorRow = () =>
    JSON.stringify(demo.db.all(sql`SELECT * FROM indicators WHERE id = ${ids().families}`));
  const current = async () => {
    const { body } = await demo.as('admin').get<AdminIndicators>('/api/admin/indicators');
    const found = body.find((i) => i.id === ids().families);
    if (!found) throw new Error('The demo lists no families indicator.');
    const { id: _, version, hasResults: _r, targetCount: _t, ...fields } = found;
    return { fields, version };
  };
  const put = async (user: string, changes: Record<string, unknown>) => {
    const { fields, version } = await current();
    return demo.as(user).put<AdminIndicators[number]>(`/api/admin/indicators/${ids().families}`, {
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
      expect(res.error?.message).toMatch(words);
      expect(indicatorRow()).toBe(before);
    }
    // Only an administrator of the whole tree sets up shared indicators.
    expect((await put('nhap.phuthuy', { flagGrowth: '2' })).status).toBe(403);
    expect(indicatorRow()).toBe(before);
  });

  it('stores typed thresholds, and the next save is judged by them', async () => {
    // By default 2 → 7 families is plausible.
    const lax = await save({ indicatorId: ids().families, value: '7' });
    expect(lax.body.result.flag).toBeNull();

    const res = await put('admin', { flagGrowth: '2,5', flagMinChange: '1' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ flagGrowth: 250, flagMinChange: 1 });
    const audit = await demo.as('admin').get<z.infer<typeof AuditSchema>>('/api/audit?limit=1');
    expect(audit.body[0]).toMatchObject({
      entity: 'indicator',
      after: { flagGrowth: 250, flagMinChange: 1 },
    });

    const strict = await save({ indicatorId: ids().families, value: '7', expectedVersion: 1 });
    expect(strict.status).toBe(200);
    expect(strict.body.result.flag).toBe('far_above_previous');
    expect(strict.body.warnings[0]?.message).toContain('Gấp hơn 2,5 lần kỳ trước (2 hộ)');
    expect(rowOf((await grid()).body, ids().families)?.plausibility).toEqual({ growth: 250, minChange: 1 });

    // Empty is the default again.
    const reset = await put('admin', {});
    expect(reset.body).toMatchObject({ flagGrowth: null, flagMinChange: null });
  });
});
