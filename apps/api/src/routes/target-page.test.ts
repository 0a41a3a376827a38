/**
 * The target page's API over HTTP on the demo: figures that match the overview, plan and forecast,
 * the breakdown, the notes behind the figures, and the refusals the page must explain.
 */
import { type Db, recordResult, schema, setSubmissionState } from '@chitieu/db';
import { demoLookups } from '@chitieu/db/testing';
import { sql } from 'drizzle-orm';
import { parseResponse } from 'hono/client';
import { describe, expect, it } from 'vitest';
import { createClient } from '../client.ts';
import { demoServerPerTest } from '../testing.ts';

/** A second term with a target, to ask for it under the wrong term; returns the target's id. */
function addOtherTerm(db: Db, ownerUnitId: number) {
  const other = db
    .insert(schema.terms)
    .values({
      code: 'T2',
      name: 'Nhiệm kỳ sau',
      shortName: 'Sau',
      ownerUnitId,
      startDate: '2027-01-01',
      midTermDate: '2029-06-30',
      endDate: '2031-12-31',
    })
    .returning()
    .get();
  return db
    .insert(schema.targets)
    .values({
      termId: other.id,
      code: 'X',
      wording: 'x',
      shortName: 'x',
      primaryIndicatorId: demoLookups(db).indicator('THOATNGHEO'),
      goal: 1,
    })
    .returning()
    .get().id;
}

let otherTermTarget = 0;
const demo = demoServerPerTest({
  today: () => '2026-11-29',
  users: ['lanhdao', 'xem.phanthiet'],
  prepare: ({ db, provinceId }) => {
    otherTermTarget = addOtherTerm(db, provinceId);
  },
});
/** The demo's ids these tests use, by name. */
const ids = () => ({
  ct2: demo.find.target('CT2'),
  ct3: demo.find.target('CT3'),
  phanThiet: demo.find.unit('593'),
  tuyPhong: demo.find.unit('594'),
  phuThuy: demo.find.unit('22924'),
  h1of2024: demo.find.period('2024-01-01'),
  h2of2024: demo.find.period('2024-07-01'),
  poverty: demo.find.indicator('THOATNGHEO'),
  otherTermTarget,
});
/** The web's typed client, signed in as a leader. */
const client = () => createClient(`${demo.url}/api`, { headers: demo.headers('lanhdao') });

const detail = (targetId: number, query: Record<string, string> = {}) =>
  parseResponse(
    client().terms[':termId'].targets[':targetId'].$get({
      param: { termId: String(demo.termId), targetId: String(targetId) },
      query,
    }),
  );

describe('target detail', () => {
  it('gives the overview’s figure, the plan, per-period figures and a forecast with its method', async () => {
    const body = await detail(ids().ct2);
    expect(body.scope.asOf).toBe('2024-06-30');
    expect(body.target).toMatchObject({ code: 'CT2', goal: 700, status: 'exceeded', figure: { value: 746 } });
    // The plan runs from 0 on the term's first day to the goal on its last.
    expect(body.plan[0]).toEqual({ date: body.scope.term.startDate, value: 0 });
    expect(body.plan.at(-1)).toEqual({ date: body.scope.term.endDate, value: 700 });
    // Per period: what arose in it, and the total to date, ending at the overview's figure.
    expect(body.points.length).toBeGreaterThanOrEqual(4);
    expect(body.points.at(-1)?.toDate.value).toBe(746);
    const sum = body.points.reduce((s, p) => s + (p.period.value ?? 0), 0);
    expect(sum).toBe(746);
    // Forecast: from the last reported period to the term's end, above today's figure for a flow.
    expect(body.forecastReason).toBeNull();
    expect(body.forecast?.from).toEqual({ date: '2024-06-30', value: 746 });
    expect(body.forecast?.to.date).toBe('2026-12-31');
    expect(body.forecast?.value).toBeGreaterThan(746);
    expect(body.forecast?.description.vi).toMatch(/^theo xu hướng 2022–2024/);
    expect(body.forecast?.description.en).toMatch(/^trend 2022–2024/);
    // Breakdown: one row per district, allocation where set, nobody shown as 0 for no data.
    expect(body.rows.length).toBeGreaterThanOrEqual(10);
    const pt = body.rows.find((r) => r.id === ids().phanThiet);
    expect(pt?.allocation).toBe(110);
    expect(pt?.hasChildren).toBe(true);
    const rowSum = body.rows.reduce((s, r) => s + (r.figure.value ?? 0), 0);
    expect(rowSum).toBeLessThanOrEqual(746); // the province office's own work is the rest
  });

  it('changes with the as-of date', async () => {
    const earlier = await detail(ids().ct2, { asOf: '2023-12-31' });
    expect(earlier.scope.asOf).toBe('2023-12-31');
    expect(earlier.target.figure.value).toBeLessThan(746);
    expect(earlier.points.at(-1)?.endDate).toBe('2023-12-31');
    expect(earlier.forecast?.from.date).toBe('2023-12-31');
  });

  it('too few periods: no forecast, and a reason in both languages', async () => {
    const body = await detail(ids().ct2, { asOf: '2022-07-15' });
    expect(body.forecast).toBeNull();
    expect(body.forecastReason?.vi).toContain('Chưa đủ số liệu');
    expect(body.forecastReason?.en).toContain('Not enough');
  });

  it('a district is judged against its allocation, and its plan ends there', async () => {
    const body = await detail(ids().ct2, { unitId: String(ids().phanThiet) });
    expect(body.scope.path.map((p) => p.name)).toEqual(['Tỉnh Bình Thuận', 'Thành phố Phan Thiết']);
    expect(body.target.goalKind).toBe('allocation');
    expect(body.plan.at(-1)?.value).toBe(110);
    // Its children are communes; they have no children.
    expect(body.rows.every((r) => r.hasChildren === false)).toBe(true);
  });

  it('a target without a goal here has no plan, but still its figures', async () => {
    const body = await detail(ids().ct3, { unitId: String(ids().phanThiet) });
    expect(body.target.goalKind).toBe('none');
    expect(body.plan).toEqual([]);
    expect(body.rows.length).toBeGreaterThan(0);
  });
});

describe('notes and evidence behind the figures', () => {
  it('lists the subtree’s notes on counted results, newest period first, paged', async () => {
    const noteOf = (unitId: number, periodId: number, note: string, evidenceUrl: string | null = null) => {
      const existing = demo.db.get<{ value: number | null }>(
        sql`SELECT value FROM results WHERE unit_id = ${unitId} AND indicator_id = ${ids().poverty} AND period_id = ${periodId}`,
      );
      recordResult(demo.db, {
        unitId,
        indicatorId: ids().poverty,
        periodId,
        value: existing?.value ?? 0,
        note,
        evidenceUrl,
      });
    };
    noteOf(ids().phuThuy, ids().h1of2024, 'Hỗ trợ vốn 5 hộ', 'https://example.vn/bien-ban.pdf');
    // A later period, sent but not approved: counted only on the "submitted" basis, after its end.
    noteOf(ids().phuThuy, ids().h2of2024, 'Kỳ sau: chờ duyệt');
    setSubmissionState(demo.db, { unitId: ids().phuThuy, periodId: ids().h2of2024, state: 'submitted' });
    const get = (query: Record<string, string>) =>
      parseResponse(
        client().terms[':termId'].targets[':targetId'].notes.$get({
          param: { termId: String(demo.termId), targetId: String(ids().ct2) },
          query,
        }),
      );
    const province = await get({});
    expect(province.total).toBe(1);
    expect(province.items[0]).toMatchObject({
      unitName: 'Phường Phú Thủy',
      note: 'Hỗ trợ vốn 5 hộ',
      evidenceUrl: 'https://example.vn/bien-ban.pdf',
      periodStart: '2024-01-01',
    });
    expect((await get({ asOf: '2024-12-31' })).total).toBe(1);
    const later = await get({ asOf: '2024-12-31', basis: 'submitted' });
    expect(later.items.map((n) => n.note)).toEqual(['Kỳ sau: chờ duyệt', 'Hỗ trợ vốn 5 hộ']);
    // Another district's subtree does not see Phú Thủy's note.
    expect((await get({ unitId: String(ids().tuyPhong) })).total).toBe(0);
    // Paging.
    const paged = await get({ limit: '1', offset: '1' });
    expect(paged).toMatchObject({ items: [], total: 1, limit: 1, offset: 1 });
  });
});

describe('refusals the page explains', () => {
  const get = (path: string, user = 'lanhdao') => demo.as(user).get(`/api/terms/${demo.termId}${path}`);

  it.each([
    [
      '/targets/{ct2}?asOf=2019-01-01',
      400,
      'Ngày số liệu phải nằm trong nhiệm kỳ (15/12/2021 – 31/12/2026).',
    ],
    ['/targets/{ct2}?asOf=2024-02-30', 400, '“asOf”'],
    ['/targets/{ct2}?basis=x', 400, '“basis”'],
    ['/targets/9999', 404, 'Không tìm thấy chỉ tiêu 9999 trong nhiệm kỳ này.'],
    ['/targets/{other}', 404, 'Không tìm thấy chỉ tiêu'],
    ['/targets/{other}/notes', 404, 'Không tìm thấy chỉ tiêu'],
    ['/targets/{ct2}/notes?limit=0', 400, '“limit”'],
    ['/targets/{ct2}/notes?limit=1000', 400, '“limit”'],
    ['/targets/{ct2}/notes?offset=-1', 400, '“offset”'],
    ['/targets/{ct2}/notes?asOf=2030-01-01', 400, 'trong nhiệm kỳ'],
  ])('%s → %d', async (template, status, words) => {
    const path = template
      .replace('{ct2}', String(ids().ct2))
      .replace('{other}', String(ids().otherTermTarget));
    const { status: got, error } = await get(path);
    expect(got).toBe(status);
    expect(error?.message).toContain(words);
  });

  it('a unit outside the user’s scope is forbidden (403), with a message', async () => {
    const phanThietViewer = 'xem.phanthiet';
    for (const path of [
      `/targets/${ids().ct2}?unitId=${ids().tuyPhong}`,
      `/targets/${ids().ct2}/notes?unitId=${ids().tuyPhong}`,
    ]) {
      const { status, error } = await get(path, phanThietViewer);
      expect(status).toBe(403);
      expect(error?.code).toBe('forbidden');
      expect(error?.message.length).toBeGreaterThan(10);
    }
    // Within their scope it works.
    expect((await get(`/targets/${ids().ct2}?unitId=${ids().phanThiet}`, phanThietViewer)).status).toBe(200);
  });

  it('without a session: 401', async () => {
    const res = await demo.anonymous().get(`/api/terms/${demo.termId}/targets/${ids().ct2}`);
    expect(res.status).toBe(401);
  });
});

describe('documented and cached like the other dashboard reads', () => {
  it('is in the OpenAPI document', async () => {
    const doc = await demo.anonymous().get<{ paths: Record<string, unknown> }>('/api/openapi.json');
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/terms/{termId}/targets/{targetId}',
        '/terms/{termId}/targets/{targetId}/notes',
      ]),
    );
  });

  it('answers a repeated request with 304 (ETag from the data revision)', async () => {
    const url = `${demo.url}/api/terms/${demo.termId}/targets/${ids().ct2}`;
    const headers = demo.headers('lanhdao');
    const first = await fetch(url, { headers });
    const etag = first.headers.get('etag');
    expect(first.status).toBe(200);
    expect(etag).toBeTruthy();
    const again = await fetch(url, { headers: { ...headers, 'if-none-match': etag ?? '' } });
    expect(again.status).toBe(304);
  });
});
