import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { AuditSchema } from '../schemas/audit.ts';
import type {
  ClearResultResponse,
  EntryGridSchema,
  SaveResultResponse,
  SubmissionSchema,
} from '../schemas/entry.ts';
import type { CockpitSchema, DashboardSchema } from '../schemas/figures.ts';
import { demoServerPerTest } from '../testing.ts';

type Grid = z.infer<typeof EntryGridSchema>;
type Saved = z.infer<typeof SaveResultResponse>;
type Submission = z.infer<typeof SubmissionSchema>;
type Audit = z.infer<typeof AuditSchema>;
type Value = { value: number } | null;

const demo = demoServerPerTest({
  today: () => '2025-01-20',
  users: ['nhap.phuthuy', 'nhap.phuhai', 'duyet.phanthiet', 'lanhdao'],
});
const ids = () => ({
  phuThuy: demo.find.unit('22924'),
  phanThiet: demo.find.unit('593'),
  period: demo.find.period('2024-07-01'),
  poverty: demo.find.indicator('THOATNGHEO'),
  money: demo.find.indicator('NTM_GT'),
  ratio: demo.find.indicator('NANNHAN'),
});

const save = (user: string, fields: Record<string, unknown>) =>
  demo.as(user).put<Saved>('/api/results', {
    unitId: ids().phuThuy,
    periodId: ids().period,
    expectedVersion: null,
    ...fields,
  });
const report = (user: string, action: 'submit' | 'return' | 'approve', body: Record<string, unknown> = {}) =>
  demo.as(user).post<Submission>(`/api/submissions/${ids().phuThuy}/${ids().period}/${action}`, body);
const grid = (user = 'nhap.phuthuy') =>
  demo
    .as(user)
    .get<Grid>(`/api/entry?termId=${demo.termId}&unitId=${ids().phuThuy}&periodId=${ids().period}`);
const povertyRow = (body: Grid) => body.rows.find((r) => r.indicator.id === ids().poverty);
const provinceFigure = async (basis: 'approved' | 'submitted') => {
  const { body } = await demo
    .as('lanhdao')
    .get<z.infer<typeof DashboardSchema>>(
      `/api/terms/${demo.termId}/dashboard?asOf=2024-12-31&basis=${basis}`,
    );
  return body.targets.find((t) => t.code === 'CT2')?.figure.value;
};
const auditCount = () => demo.db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM audit_events`)?.n;
const audit = (user: string, query: string) => demo.as(user).get<Audit>(`/api/audit?${query}`);

/** Steps a test stands on, each checked as it is taken: a test arranges its own report. */
async function step(reply: Promise<{ status: number; error: unknown }>) {
  const { status, error } = await reply;
  expect(error).toBeUndefined();
  expect(status).toBe(200);
}
/** Phú Thủy's half-year saved with a large figure that carries its reason (sending needs one). */
const saveFirst = () =>
  step(
    save('nhap.phuthuy', { indicatorId: ids().poverty, value: '3.000', note: 'Chương trình sinh kế lớn' }),
  );
/** Phú Thủy's report approved, its poverty figure at version 1. */
async function approvedReport() {
  await saveFirst();
  await step(report('nhap.phuthuy', 'submit'));
  await step(report('duyet.phanthiet', 'approve'));
}
/** The whole story: saved, corrected, sent, returned, fixed, sent, approved, corrected with a reason. */
async function reportHistory() {
  await saveFirst();
  await step(save('nhap.phuthuy', { indicatorId: ids().poverty, value: '30', expectedVersion: 1 }));
  await step(report('nhap.phuthuy', 'submit'));
  await step(report('duyet.phanthiet', 'return', { comment: 'Số hộ thoát nghèo cần kiểm tra lại.' }));
  await step(save('nhap.phuthuy', { indicatorId: ids().poverty, value: '25', expectedVersion: 2 }));
  await step(report('nhap.phuthuy', 'submit'));
  await step(report('duyet.phanthiet', 'approve'));
  await step(
    save('duyet.phanthiet', {
      indicatorId: ids().poverty,
      value: '26',
      expectedVersion: 3,
      reason: 'Bổ sung 1 hộ theo biên bản.',
    }),
  );
}

describe('entry, workflow and audit over HTTP', () => {
  it('shows the grid with the previous period beside each cell', async () => {
    const { status, body } = await grid();
    expect(status).toBe(200);
    const poverty = povertyRow(body);
    expect(poverty?.result).toBeNull();
    expect(poverty?.previous?.value).toBeGreaterThanOrEqual(0); // 2024-H1, from the demo
    expect(body.permissions).toMatchObject({ edit: true, submit: true, approve: false });
  });

  it('accepts numbers typed the Vietnamese way, and refuses bad ones at the field', async () => {
    expect(
      // Far above the half-year before: flagged, so it carries its reason (sending needs one).
      (
        await save('nhap.phuthuy', {
          indicatorId: ids().money,
          value: '11,54 tỷ',
          note: 'Gồm cả cầu dân sinh do tỉnh đầu tư',
        })
      ).body.result.value,
    ).toBe(11_540_000_000);
    const saved = await save('nhap.phuthuy', {
      indicatorId: ids().poverty,
      value: '3.000',
      note: 'Chương trình sinh kế lớn',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.result.value).toBe(3000);
    expect(saved.body.warnings[0]?.code).toBe('far_above_history');
    const before = auditCount();
    for (const [fields, words] of [
      [{ indicatorId: ids().poverty, value: '12 hộ', expectedVersion: 1 }, 'Không phải là số'],
      [{ indicatorId: ids().poverty, value: '-4', expectedVersion: 1 }, 'âm'],
      [{ indicatorId: ids().poverty, value: '2,5', expectedVersion: 1 }, 'số nguyên'],
      [{ indicatorId: ids().ratio, numerator: '9', denominator: '4' }, 'Tử số'],
      [
        { indicatorId: ids().poverty, value: '4', expectedVersion: 1, evidenceUrl: 'javascript:alert(1)' },
        'minh chứng',
      ],
    ] as const) {
      const res = await save('nhap.phuthuy', fields);
      expect(res.status).toBe(400);
      expect(res.error?.message).toContain(words);
    }
    expect(auditCount()).toBe(before);
  });

  it('refuses a save based on a stale version with 409, the current value and its author', async () => {
    await saveFirst();
    const stale = await save('nhap.phuthuy', {
      indicatorId: ids().poverty,
      value: '10',
      expectedVersion: null,
    });
    expect(stale.status).toBe(409);
    expect(stale.error?.details).toMatchObject({
      current: { value: 3000, version: 1, updatedByName: 'Hội LHPN phường Phú Thủy' },
    });
    const fresh = await save('nhap.phuthuy', { indicatorId: ids().poverty, value: '30', expectedVersion: 1 });
    // A save without a note keeps the one already there.
    expect(fresh.body.result).toMatchObject({ value: 30, version: 2, note: 'Chương trình sinh kế lớn' });
  });

  it('walks the workflow: submit, return with a comment, fix, resubmit, approve — and the figures follow', async () => {
    await saveFirst();
    const approvedBefore = (await provinceFigure('approved')) ?? 0;
    await step(report('nhap.phuthuy', 'submit'));
    expect(await provinceFigure('submitted')).toBe(approvedBefore + 3000);
    expect(await provinceFigure('approved')).toBe(approvedBefore);
    // Submitted reports are locked for entry until returned.
    expect(
      (await save('nhap.phuthuy', { indicatorId: ids().poverty, value: '31', expectedVersion: 1 })).status,
    ).toBe(409);

    expect((await report('duyet.phanthiet', 'return')).status).toBe(400);
    const returned = await report('duyet.phanthiet', 'return', {
      comment: 'Số hộ thoát nghèo cần kiểm tra lại.',
    });
    expect(returned.body).toMatchObject({
      state: 'returned',
      comment: 'Số hộ thoát nghèo cần kiểm tra lại.',
    });
    expect((await grid()).body.submission?.comment).toBe('Số hộ thoát nghèo cần kiểm tra lại.');

    await step(save('nhap.phuthuy', { indicatorId: ids().poverty, value: '25', expectedVersion: 1 }));
    await step(report('nhap.phuthuy', 'submit'));
    await step(report('duyet.phanthiet', 'approve'));
    expect(await provinceFigure('approved')).toBe(approvedBefore + 25);
  });

  it('locks approved values: entry staff cannot change them; an approver can, with a reason', async () => {
    await approvedReport();
    expect(
      (await save('nhap.phuthuy', { indicatorId: ids().poverty, value: '26', expectedVersion: 1 })).status,
    ).toBe(403);
    const noReason = await save('duyet.phanthiet', {
      indicatorId: ids().poverty,
      value: '26',
      expectedVersion: 1,
    });
    expect(noReason.status).toBe(400);
    expect(noReason.error?.message).toContain('lý do');
    const figureBefore = (await provinceFigure('approved')) ?? 0;
    const withReason = await save('duyet.phanthiet', {
      indicatorId: ids().poverty,
      value: '26',
      expectedVersion: 1,
      reason: 'Bổ sung 1 hộ theo biên bản.',
    });
    expect(withReason.status).toBe(200);
    const approvedNow = await provinceFigure('approved');
    expect(approvedNow).toBe(figureBefore - 3000 + 26);
    expect(await provinceFigure('submitted')).toBe(approvedNow);
  });

  it('records every change with who, before, after and reason, newest first', async () => {
    await reportHistory();
    const { body } = await audit('duyet.phanthiet', `unitId=${ids().phuThuy}&indicatorId=${ids().poverty}`);
    expect(body[0]).toMatchObject({
      userName: 'Hội LHPN TP. Phan Thiết (duyệt)',
      reason: 'Bổ sung 1 hộ theo biên bản.',
      before: { value: 25 },
      after: { value: 26 },
    });
    expect(body.map((e) => (e.after as Value)?.value)).toEqual([26, 25, 30, 3000]);
    const states = await audit('duyet.phanthiet', `unitId=${ids().phuThuy}`);
    expect(states.body.filter((e) => e.entity === 'submission').map((e) => e.action)).toEqual([
      'approved',
      'submitted',
      'returned',
      'submitted',
    ]);
    // Outside your subtree: refused.
    expect((await audit('nhap.phuthuy', `unitId=${ids().phanThiet}`)).status).toBe(403);
  });

  it("filters the audit trail by a whole subtree, pages it, and fills pages within the reader's scope", async () => {
    await reportHistory();
    const { phuThuy, phanThiet } = ids();
    const district = (await audit('duyet.phanthiet', `unitId=${phanThiet}`)).body;
    expect(district.some((e) => e.unitName === 'Phường Phú Thủy')).toBe(true);
    const all = (await audit('duyet.phanthiet', `unitId=${phuThuy}`)).body;
    expect(all.length).toBeGreaterThanOrEqual(6);
    const first = (await audit('duyet.phanthiet', `unitId=${phuThuy}&limit=3`)).body;
    const next = (await audit('duyet.phanthiet', `unitId=${phuThuy}&limit=3&before=${first.at(-1)?.id}`))
      .body;
    expect([...first, ...next].map((e) => e.id)).toEqual(all.slice(0, 6).map((e) => e.id));
    // A neighbour's newer changes do not crowd a commune's own out of its page.
    const phuHai = demo.find.unit('22921');
    const neighbour = await save('nhap.phuhai', { unitId: phuHai, indicatorId: ids().money, value: '1' });
    expect(neighbour.body).toMatchObject({ result: { unitId: phuHai } });
    const own = (await audit('nhap.phuthuy', 'limit=1')).body;
    expect(own).toHaveLength(1);
    expect(own[0]?.unitId).toBe(phuThuy);
    expect((await audit('nhap.phuthuy', 'limit=0')).status).toBe(400);
  });

  it('shows the reporting cockpit with states and overdue reports', async () => {
    await approvedReport();
    const { body } = await demo
      .as('duyet.phanthiet')
      .get<z.infer<typeof CockpitSchema>>(`/api/terms/${demo.termId}/cockpit?unitId=${ids().phanThiet}`);
    expect(body.units).toHaveLength(18);
    const phuThuy = body.units.find((u) => u.id === ids().phuThuy);
    const h2 = phuThuy?.states.find((st) => st.periodId === ids().period);
    expect(h2).toMatchObject({ state: 'approved', overdue: false });
    const other = body.units.find((u) => u.id !== ids().phuThuy);
    expect(other?.states.find((st) => st.periodId === ids().period)).toMatchObject({
      state: 'not_started',
      overdue: true, // deadline 10/01/2025, today 20/01/2025
    });
  });

  it('clears a value typed in the wrong row: same rights and version check as a save, audited, figures follow', async () => {
    // Phú Thủy's 2024-H2 report is approved: clearing needs the approver and a reason.
    await saveFirst();
    await step(save('nhap.phuthuy', { indicatorId: ids().poverty, value: '30', expectedVersion: 1 }));
    await step(report('nhap.phuthuy', 'submit'));
    await step(report('duyet.phanthiet', 'approve'));
    const row = povertyRow((await grid('duyet.phanthiet')).body);
    const version = row?.result?.version ?? 0;
    const value = row?.result?.value ?? 0;
    expect({ version, value }).toEqual({ version: 2, value: 30 });
    const clear = (user: string, fields: Record<string, unknown>) =>
      demo.as(user).delete<z.infer<typeof ClearResultResponse>>('/api/results', {
        unitId: ids().phuThuy,
        indicatorId: ids().poverty,
        periodId: ids().period,
        expectedVersion: version,
        ...fields,
      });
    const auditBefore = auditCount();
    expect((await clear('nhap.phuthuy', { reason: 'Nhầm.' })).status).toBe(403);
    expect((await clear('duyet.phanthiet', {})).status).toBe(400);
    const stale = await clear('duyet.phanthiet', { expectedVersion: version - 1, reason: 'Nhầm.' });
    expect(stale.status).toBe(409);
    expect(stale.error?.details).toMatchObject({ current: { value } });
    expect(auditCount()).toBe(auditBefore);

    const figureBefore = (await provinceFigure('approved')) ?? 0;
    const cleared = await clear('duyet.phanthiet', { reason: 'Nhập nhầm dòng.' });
    expect(cleared.status).toBe(200);
    expect(cleared.body.cleared).toMatchObject({ value, version });
    expect(await provinceFigure('approved')).toBe(figureBefore - value);
    const [event] = (await audit('duyet.phanthiet', `unitId=${ids().phuThuy}&limit=1`)).body;
    expect(event).toMatchObject({ action: 'delete', reason: 'Nhập nhầm dòng.', after: null });
    expect(povertyRow((await grid('duyet.phanthiet')).body)?.result).toBeNull();
    // Nothing left to clear, and the caller saw nothing: a no-op, not an error.
    expect((await clear('duyet.phanthiet', { expectedVersion: null, reason: 'Nhầm.' })).body).toEqual({
      cleared: null,
    });
  });
});
