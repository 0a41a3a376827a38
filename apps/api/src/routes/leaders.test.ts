import { schema } from '@chitieu/db';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { EntryGridSchema } from '../schemas/entry.ts';
import { type Answer, demoServerPerTest, type Routes } from '../testing.ts';

const demo = demoServerPerTest({
  today: () => '2026-11-29',
  users: ['lanhdao', 'xem.phanthiet', 'duyet.tinh'],
});
const unitId = (code: string) => demo.find.unit(code);

type Term = Routes['terms'][':termId'];
type Lagging = Answer<Term['lagging']['$get']>;
type Mission = Answer<Term['missions'][':mission']['$get']>;
type Compare = Answer<Term['compare']['$get']>;

/** A view of the demo's term, as `user` sees it. */
const get = <T>(path: string, user = 'lanhdao') => demo.as(user).get<T>(`/api/terms/${demo.termId}${path}`);

describe('lagging units', () => {
  it('ranks the province’s units worst first, with the targets each is behind on', async () => {
    const { status, body } = await get<Lagging>('/lagging');
    expect(status).toBe(200);
    expect(body.scope.asOf).toBe('2024-06-30');
    // 10 districts and 3 directly attached units (Police, Military, Border Guard Women's Unions).
    expect(body.rows).toHaveLength(13);
    expect(body.rows.map((r: { rank: number }) => r.rank)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13,
    ]);
    // The attached units reported nothing: flagged, no score (not 0), first on the list.
    const first = body.rows.slice(0, 3);
    for (const row of first) {
      expect(row).toMatchObject({ unreported: true, score: null });
      expect(row.name).toMatch(/^Hội Phụ nữ/);
      expect(row.behindOn.every((b: { reason: string }) => b.reason === 'unreported')).toBe(true);
    }
    const districts = body.rows.slice(3);
    const scores = districts.map((r) => r.score);
    for (const score of scores) expect(score).not.toBeNull();
    expect([...scores].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(scores);
    // Districts are judged on what they have a goal for: CT1, CT2 (allocated) and CT6 (a share).
    const codes = new Map(body.targets.map((t: { id: number; code: string }) => [t.id, t.code]));
    const judged = (districts[0]?.cells ?? [])
      .filter((c) => c.goalKind !== 'none')
      .map((c) => codes.get(c.targetId));
    expect(judged.sort()).toEqual(['CT1', 'CT2', 'CT6']);
    // Each "behind on" entry is what the cell says: at risk / behind, or nothing reported.
    for (const row of districts) {
      for (const b of row.behindOn) {
        const cell = row.cells.find((c) => c.targetId === b.targetId);
        expect(cell).toBeDefined();
        if (b.reason === 'unreported') expect(cell?.value).toBeNull();
        else expect(cell?.status).toBe(b.reason);
      }
    }
    // A district behind on a target ranks before one on pace everywhere.
    const behind = districts.findIndex((r: { behindOn: unknown[] }) => r.behindOn.length > 0);
    const clean = districts.findIndex((r: { behindOn: unknown[] }) => r.behindOn.length === 0);
    expect(behind).toBeGreaterThanOrEqual(0);
    expect(behind).toBeLessThan(clean);
  });

  it('ranks a district’s communes', async () => {
    const { status, body } = await get<Lagging>(`/lagging?unitId=${unitId('593')}`);
    expect(status).toBe(200);
    expect(body.scope.unit.name).toBe('Thành phố Phan Thiết');
    expect(body.rows.length).toBeGreaterThan(10);
    expect(body.rows.every((r: { unitId: number }) => r.unitId !== unitId('593'))).toBe(true);
  });

  it('a commune has no units to rank: an empty list, not an error', async () => {
    const { status, body } = await get<Lagging>(`/lagging?unitId=${unitId('22924')}`);
    expect(status).toBe(200);
    expect(body.rows).toEqual([]);
  });
});

describe('mission views', () => {
  it('poverty: households by year against the plan, and by district against the allocation', async () => {
    const { status, body } = await get<Mission>('/missions/poverty');
    expect(status).toBe(200);
    expect(body.target.code).toBe('CT2');
    expect(body.total.value).toBe(746);
    const sumYears = body.years.reduce((s: number, y: { value: number | null }) => s + (y.value ?? 0), 0);
    expect(sumYears).toBe(746);
    expect(body.years.some((y: { plan: number | null }) => y.plan !== null)).toBe(true);
    expect(body.years.at(-1)).toMatchObject({ year: 2024, partialMonths: 6 });
    expect(body.units).toHaveLength(13); // 10 districts, 3 directly attached units
    const attached = body.units.filter((u: { name: string }) => u.name.startsWith('Hội Phụ nữ'));
    // Units with no data are "not reported" (null), never 0.
    for (const u of attached) expect(u).toMatchObject({ value: null, status: null });
    const sumUnits = body.units.reduce((s: number, u: { value: number | null }) => s + (u.value ?? 0), 0);
    expect(sumUnits).toBe(746);
    const allocations = body.units.reduce((s: number, u: { goal: number | null }) => s + (u.goal ?? 0), 0);
    expect(allocations).toBe(700);
    for (const u of body.units) {
      const byYear = u.byYear.reduce((s: number, c: { value: number | null }) => s + (c.value ?? 0), 0);
      expect(byYear).toBe(u.value ?? 0);
    }
  });

  it('new rural areas: 584 works worth 11,54 tỷ đồng, by district and by year', async () => {
    const { body } = await get<Mission>('/missions/rural');
    expect(body.total).toMatchObject({ value: 584, second: 11_540_000_000 });
    expect(body.secondIndicator?.measureType).toBe('amount');
    const works = body.units.reduce((s: number, u: { value: number | null }) => s + (u.value ?? 0), 0);
    expect(works).toBe(584);
  });

  it('grassroots: 124/124 units meet the rule at mid-term, none listed as not meeting', async () => {
    const { body } = await get<Mission>('/missions/grassroots');
    expect(body.total.figure).toMatchObject({ meeting: 124, expected: 124 });
    expect(body.notMeeting).toEqual([]);
  });
});

describe('comparison', () => {
  it('compares mid-term with a year later, target by target', async () => {
    const { status, body } = await get<Compare>('/compare?asOf=2024-06-30&asOf2=2025-06-30');
    expect(status).toBe(200);
    expect(body.a.scope.asOf).toBe('2024-06-30');
    expect(body.b.scope.asOf).toBe('2025-06-30');
    expect(body.a.headline).toEqual({ done: 7, counted: 8, noCases: 0 });
    const ct2 = body.rows.find((r) => r.code === 'CT2');
    expect(ct2?.a.value).toBe(746);
    if (ct2?.b.value != null) expect(ct2.difference).toBe(ct2.b.value - 746);
  });

  it('opened bare, compares the newest data with a year before it (the demo has nothing after the mid-term)', async () => {
    const { status, body } = await get<Compare>('/compare');
    expect(status).toBe(200);
    expect([body.a.scope.asOf, body.b.scope.asOf]).toEqual(['2023-06-30', '2024-06-30']);
    expect(body.b.headline).toEqual({ done: 7, counted: 8, noCases: 0 });
    // A date asked for is kept: the second column then defaults to it.
    const asked = await get<Compare>('/compare?asOf=2024-06-30');
    expect([asked.body.a.scope.asOf, asked.body.b.scope.asOf]).toEqual(['2024-06-30', '2024-06-30']);
  });

  it('compares two districts on the same date', async () => {
    const { body } = await get<Compare>(`/compare?unitId=${unitId('593')}&unitId2=${unitId('595')}`);
    expect(body.a.scope.unit.name).toBe('Thành phố Phan Thiết');
    expect(body.b.scope.unit.id).toBe(unitId('595'));
    expect(body.a.scope.asOf).toBe(body.b.scope.asOf);
    const ct2 = body.rows.find((r) => r.code === 'CT2');
    expect(ct2?.a.goalKind).toBe('allocation');
    expect(ct2?.difference).toBe((ct2?.b.value ?? 0) - (ct2?.a.value ?? 0));
    expect(ct2?.a.value).not.toBeNull();
    expect(ct2?.b.value).not.toBeNull();
  });
});

describe('bad input: a clear 4xx in Vietnamese, never a 500', () => {
  it.each([
    ['/lagging?asOf=2019-01-01', 400, 'trong nhiệm kỳ'],
    ['/lagging?asOf=2031-01-01', 400, 'trong nhiệm kỳ'],
    ['/lagging?asOf=31/12/2023', 400, '“asOf”'],
    ['/lagging?unitId=99999', 404, 'Không tìm thấy đơn vị'],
    ['/missions/poverty?asOf=2019-01-01', 400, 'trong nhiệm kỳ'],
    ['/missions/forestry', 400, '“mission”'],
    ['/compare?unitId2=99999', 404, 'Không tìm thấy đơn vị'],
    ['/compare?unitId2=abc', 400, '“unitId2”'],
    ['/compare?asOf2=2035-01-01', 400, 'trong nhiệm kỳ'],
    ['/compare?asOf2=2024-13-01', 400, '“asOf2”'],
  ])('%s → %d', async (path, status, words) => {
    const res = await get(path);
    expect(res.status).toBe(status);
    expect(res.error?.message).toContain(words);
  });

  it('a unit outside the user’s scope is refused, on either side of a comparison', async () => {
    const other = unitId('595');
    for (const path of [
      `/lagging?unitId=${other}`,
      `/missions/rural?unitId=${other}`,
      `/compare?unitId2=${other}`,
    ]) {
      const res = await get(path, 'xem.phanthiet');
      expect(res.status).toBe(403);
      expect(res.error?.message).toMatch(/quyền/);
    }
    // Their own district opens by default.
    const own = await get<Lagging>('/lagging', 'xem.phanthiet');
    expect(own.status).toBe(200);
    expect(own.body.scope.unit.id).toBe(unitId('593'));
  });

  it('a term without the mission’s target says so', async () => {
    const other = demo.db
      .insert(schema.terms)
      .values({
        code: 'EMPTY',
        name: 'Nhiệm kỳ trống',
        shortName: 'Trống',
        ownerUnitId: demo.provinceId,
        startDate: '2027-01-01',
        midTermDate: '2029-06-30',
        endDate: '2031-12-31',
      })
      .returning()
      .get();
    const res = await demo.as('lanhdao').get(`/api/terms/${other.id}/missions/poverty?asOf=2028-01-01`);
    expect(res.status).toBe(404);
    expect(res.error?.message).toContain('giảm nghèo');
  });

  it('no query string shape produces a 500, and a refusal changes nothing', async () => {
    const auditCount = () => demo.db.$client.prepare('SELECT count(*) AS n FROM audit_events').get();
    const before = auditCount();
    const paths = [
      '/lagging',
      '/missions/poverty',
      '/missions/rural',
      '/missions/grassroots',
      '/compare',
      '/trends',
    ];
    const params = ['unitId', 'asOf', 'basis', 'structureVersionId', 'unitId2', 'asOf2'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.dictionary(
          fc.constantFrom(...params),
          fc.oneof(
            fc.string({ maxLength: 24 }),
            fc.constantFrom('2019-01-01', '2024-06-30', '0', '99999', '1e3'),
          ),
          { maxKeys: 3 },
        ),
        async (path, query) => {
          const { status, error } = await get(`${path}?${new URLSearchParams(query)}`);
          expect(status).toBeLessThan(500);
          if (status >= 400) expect(error?.message).toBeTruthy();
        },
      ),
      { numRuns: 120 },
    );
    expect(auditCount()).toEqual(before);
  });

  it('needs a session', async () => {
    const res = await demo.anonymous().get(`/api/terms/${demo.termId}/lagging`);
    expect(res.status).toBe(401);
  });
});

describe('a changed figure shows in the views', () => {
  it('a commune corrected to “not meeting” is listed by the grassroots view', async () => {
    const approver = demo.as('duyet.tinh');
    const phuThuy = unitId('22924');
    const period = demo.find.period('2024-01-01');
    const grid = await approver.get<z.infer<typeof EntryGridSchema>>(
      `/api/entry?termId=${demo.termId}&unitId=${phuThuy}&periodId=${period}`,
    );
    const row = grid.body.rows.find((r) => r.indicator.code === 'HD5LH');
    expect(row?.result?.meets).toBe(true);
    const saved = await approver.put('/api/results', {
      unitId: phuThuy,
      indicatorId: row?.indicator.id,
      periodId: period,
      meets: false,
      expectedVersion: row?.result?.version,
      reason: 'Kiểm tra lại: chưa duy trì đủ 5 loại hình',
    });
    expect(saved.status).toBe(200);
    const { body } = await get<Mission>('/missions/grassroots');
    expect(body.total.figure).toMatchObject({ meeting: 123, expected: 124 });
    expect(body.notMeeting).toEqual([
      expect.objectContaining({
        id: phuThuy,
        name: 'Phường Phú Thủy',
        parentName: 'Thành phố Phan Thiết',
        reason: 'no',
      }),
    ]);
    const district = await get<Mission>(`/missions/grassroots?unitId=${unitId('593')}`);
    expect(district.body.notMeeting.map((u: { id: number }) => u.id)).toEqual([phuThuy]);
  });
});
