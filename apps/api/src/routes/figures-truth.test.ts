/**
 * Figures that stay true once real use starts (issue: partial reporting, zeros, unit lifetimes and
 * reorganisations), over HTTP on the demo. Each case is what a tester saw go wrong.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyReorganisation, type Db, schema } from '@chitieu/db';
import { cloneDatabase, demoDatabase } from '@chitieu/db/testing';
import { docxText, parseCsv, readDocx, SUMMARY_SHEET } from '@chitieu/reports';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loginAs, startTestServer } from '../testing.ts';

const DATA = join(import.meta.dirname, '../../../../packages/db/src/seed/data');
const MAP_2024 = readFileSync(join(DATA, 'merges-2024.csv'));
const MAP_2025 = readFileSync(join(DATA, 'merges-2025.csv'));

type Demo = ReturnType<typeof demoDatabase>;
type Server = Awaited<ReturnType<typeof startTestServer>>;
// biome-ignore lint/suspicious/noExplicitAny: the tests walk JSON bodies of many shapes
type Json = any;

const base = demoDatabase();
const unitId = (demo: Demo['db'], code: string, open = true) =>
  demo
    .select()
    .from(schema.units)
    .all()
    .filter((u) => u.code === code && (u.validTo === null) === open)
    .sort((a, b) => b.id - a.id)[0]?.id as number;
const periodId = (demo: Demo['db'], start: string) =>
  demo
    .select()
    .from(schema.periods)
    .all()
    .find((p) => p.kind === 'half' && p.startDate === start)?.id as number;
const indicatorId = (demo: Demo['db'], code: string) =>
  demo
    .select()
    .from(schema.indicators)
    .all()
    .find((i) => i.code === code)?.id as number;

async function session(server: Server, users: string[]) {
  const as: Record<string, Record<string, string>> = {};
  for (const user of users)
    as[user] = { ...(await loginAs(server.url, user)), 'content-type': 'application/json' };
  return async (user: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${server.url}/api${path}`, {
      method,
      headers: as[user],
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as Json };
  };
}

const target = (body: Json, code: string) => body.targets.find((t: Json) => t.code === code);

describe('one ward reporting early (item 1)', () => {
  const db = cloneDatabase(base.db);
  let server: Server;
  let call: Awaited<ReturnType<typeof session>>;
  const phuThuy = unitId(db, '22924');
  const phanThiet = unitId(db, '593');
  const h2 = periodId(db, '2024-07-01');
  const dashboard = (unit?: number) =>
    call('lanhdao', 'GET', `/terms/${base.termId}/dashboard?asOf=2024-12-31${unit ? `&unitId=${unit}` : ''}`);

  beforeAll(async () => {
    server = await startTestServer(db, { today: () => '2025-01-20' });
    call = await session(server, ['nhap.phuthuy', 'duyet.phanthiet', 'lanhdao']);
    const put = (code: string, fields: Record<string, unknown>) =>
      call('nhap.phuthuy', 'PUT', '/results', {
        unitId: phuThuy,
        periodId: h2,
        indicatorId: indicatorId(db, code),
        expectedVersion: null,
        ...fields,
      });
    for (const [code, fields] of [
      ['HD5LH', { meets: true }],
      ['THOATNGHEO', { value: '7' }],
      ['TO_CDS', { value: '1' }],
      ['NANNHAN', { numerator: '0', denominator: '0' }],
    ] as const) {
      expect((await put(code, fields)).status).toBe(200);
    }
    expect((await call('nhap.phuthuy', 'POST', `/submissions/${phuThuy}/${h2}/submit`, {})).status).toBe(200);
    expect((await call('duyet.phanthiet', 'POST', `/submissions/${phuThuy}/${h2}/approve`, {})).status).toBe(
      200,
    );
  });
  afterAll(() => server.close());

  it('keeps the province at 7/8 with CT1 124/124 and says who has reported the new half-year', async () => {
    const { body } = await dashboard();
    expect(body.headline).toMatchObject({ done: 7, counted: 8 });
    const ct1 = target(body, 'CT1');
    expect(ct1.figure).toMatchObject({ meeting: 124, expected: 124, value: 1000 });
    expect(ct1.figure.coverage).toMatchObject({ periodId: h2, reported: 1, expected: 124 });
    expect(ct1.figure.latestPeriodId).toBe(h2);
  });

  it('moves a stock by exactly the ward’s own change: 10 models, Phú Thủy now has 1', async () => {
    const before = target(
      (await call('lanhdao', 'GET', `/terms/${base.termId}/dashboard?asOf=2024-06-30&unitId=${phuThuy}`))
        .body,
      'CT5',
    ).figure.value;
    const { body } = await dashboard();
    expect(target(body, 'CT5').figure.value).toBe(10 - (before ?? 0) + 1);
  });

  it('keeps Phan Thiết at 18/18', async () => {
    const { body } = await dashboard(phanThiet);
    expect(target(body, 'CT1').figure).toMatchObject({ meeting: 18, expected: 18 });
  });

  it('the DOCX and the XLSX say who has reported the half-year the figures stand at', async () => {
    const headers = await loginAs(server.url, 'lanhdao');
    const download = async (format: string) =>
      new Uint8Array(
        await (
          await fetch(
            `${server.url}/api/terms/${base.termId}/reports/mid_term/download/${format}?asOf=2024-12-31`,
            {
              headers,
            },
          )
        ).arrayBuffer(),
      );
    const coverage = '1/124 đơn vị đã báo cáo kỳ 6 tháng cuối năm 2024';
    const docx = docxText(await readDocx(await download('docx'))).replace(/\s+/g, ' ');
    // In the headline's sentence, and beside each target standing at that half-year.
    expect(docx).toContain(`số liệu tính đến ngày 31/12/2024; ${coverage}`);
    expect(docx.split(coverage).length - 1).toBeGreaterThan(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download('xlsx')).buffer as ArrayBuffer);
    const texts: string[] = [];
    workbook.getWorksheet(SUMMARY_SHEET)?.eachRow((row) =>
      row.eachCell((cell) => {
        if (typeof cell.value === 'string') texts.push(cell.value);
      }),
    );
    expect(texts.filter((t) => t.includes(coverage)).length).toBeGreaterThan(1);
  });
});

describe('ratios after the merges (item 2)', () => {
  const db = cloneDatabase(base.db);
  let server: Server;
  let call: Awaited<ReturnType<typeof session>>;
  let versions: number[];

  beforeAll(async () => {
    const v2024 = applyReorganisation(db, 'system', { map: MAP_2024, effectiveDate: '2024-12-01' });
    const v2025 = applyReorganisation(db, 'system', {
      map: MAP_2025,
      effectiveDate: '2025-07-01',
      parentNames: { '68': 'Tỉnh Lâm Đồng' },
    });
    versions = [base.structureVersionId, v2024.structureVersionId, v2025.structureVersionId];
    server = await startTestServer(db, { today: () => '2026-01-20' });
    call = await session(server, ['lanhdao']);
  });
  afterAll(() => server.close());

  const ct1 = async (asOf: string, version: number) => {
    const { status, body } = await call(
      'lanhdao',
      'GET',
      `/terms/${base.termId}/dashboard?asOf=${asOf}&structureVersionId=${version}`,
    );
    expect(status).toBe(200);
    return { figure: target(body, 'CT1').figure, headline: body.headline };
  };

  it('never counts more units meeting than units, in any structure, and every structure agrees', async () => {
    for (const asOf of ['2024-06-30', '2024-12-31', '2025-06-30', '2025-12-31']) {
      const seen = [];
      for (const version of versions) {
        const { figure, headline } = await ct1(asOf, version);
        expect(figure.meeting).toBeLessThanOrEqual(figure.expected);
        if (figure.value !== null) expect(figure.value).toBeLessThanOrEqual(1000);
        seen.push({ figure, headline });
      }
      expect(seen[1]).toEqual(seen[0]);
      expect(seen[2]).toEqual(seen[0]);
    }
  });

  it('counts the 121 communes at the end of 2024 and the 45 units in the second half of 2025', async () => {
    expect((await ct1('2024-12-31', versions[1] as number)).figure.expected).toBe(121);
    const late = await ct1('2025-12-31', versions[2] as number);
    expect(late.figure.expected).toBe(45);
    // No new unit has reported yet: nothing stands, which is said, not shown as 275 %.
    expect(late.figure).toMatchObject({
      value: null,
      hasData: false,
      coverage: { reported: 0, expected: 45 },
    });
  });
});

describe('a reported zero (item 3)', () => {
  let server: Server;
  let call: Awaited<ReturnType<typeof session>>;
  const db = cloneDatabase(base.db);
  const phuThuy = unitId(db, '22924');
  const phanThiet = unitId(db, '593');

  beforeAll(async () => {
    server = await startTestServer(db, { today: () => '2025-01-20' });
    call = await session(server, ['lanhdao']);
  });
  afterAll(() => server.close());

  it('Phú Thủy’s CT6 of 0/0 is "không phát sinh", a report, and not owed in its headline', async () => {
    const { body } = await call('lanhdao', 'GET', `/terms/${base.termId}/dashboard?unitId=${phuThuy}`);
    expect(target(body, 'CT6').figure).toMatchObject({ value: null, hasData: true });
    expect(body.headline).toMatchObject({ done: 1, counted: 1, noCases: 1 });
  });

  it('the lagging page does not rank a commune for a 0/0 it reported', async () => {
    const { body } = await call('lanhdao', 'GET', `/terms/${base.termId}/lagging?unitId=${phanThiet}`);
    const ct6 = target(body, 'CT6').id;
    const row = body.rows.find((r: Json) => r.unitId === phuThuy);
    expect(row.behindOn.filter((b: Json) => b.targetId === ct6)).toEqual([]);
    // No commune of Phan Thiết is listed as owing CT6 for a 0/0 it reported.
    const owing = body.rows.filter((r: Json) =>
      r.behindOn.some((b: Json) => b.targetId === ct6 && b.reason === 'unreported'),
    );
    expect(owing.map((r: Json) => r.name)).toEqual([]);
  });

  it('the CSV and the DOCX say "không phát sinh" for it, never blank or "chưa báo cáo"', async () => {
    const headers = await loginAs(server.url, 'lanhdao');
    const download = (format: string) =>
      fetch(
        `${server.url}/api/terms/${base.termId}/reports/mid_term/download/${format}?unitId=${phanThiet}`,
        {
          headers,
        },
      );
    const csv = await (await download('csv')).text();
    const [header, ...lines] = parseCsv(csv.replace(/^\uFEFF/, ''), ',').map((l) => l.cells);
    const rows = lines.map((cells) => Object.fromEntries(cells.map((cell, i) => [header?.[i], cell])));
    const ct6 = rows.filter((r) => r['Mã đơn vị'] === '22924' && r['Mã chỉ tiêu'] === 'CT6');
    expect(ct6.length).toBeGreaterThan(0);
    for (const row of ct6) {
      expect(row['Giá trị (hiển thị)']).toBe('Không phát sinh');
      expect([row['Tử số'], row['Mẫu số']]).toEqual(['0', '0']);
    }
    const docx = docxText(await readDocx(new Uint8Array(await (await download('docx')).arrayBuffer())));
    expect(docx).toContain('“KPS”: không phát sinh');
  });
});

describe('unit lifetimes (item 4)', () => {
  const db = cloneDatabase(base.db);
  let server: Server;
  let call: Awaited<ReturnType<typeof session>>;

  beforeAll(async () => {
    applyReorganisation(db, 'system', { map: MAP_2024, effectiveDate: '2024-12-01' });
    server = await startTestServer(db, { today: () => '2026-01-20' });
    call = await session(server, ['admin']);
  });
  afterAll(() => server.close());

  const put = (unit: number, start: string) =>
    call('admin', 'PUT', '/results', {
      unitId: unit,
      periodId: periodId(db, start),
      indicatorId: indicatorId(db, 'THOATNGHEO'),
      value: '2',
      expectedVersion: null,
    });

  it('refuses results for a closed unit after it ended, and for a new unit before it was formed', async () => {
    const ducNghia = unitId(db, '22942', false);
    const newLacDao = unitId(db, '22945');
    const closed = await put(ducNghia, '2025-01-01');
    expect(closed.status).toBe(400);
    expect(closed.body.error.message).toMatch(/Đức Nghĩa đã kết thúc hoạt động từ ngày 01\/12\/2024/);
    const early = await put(newLacDao, '2022-01-01');
    expect(early.status).toBe(400);
    expect(early.body.error.message).toMatch(/Lạc Đạo thành lập từ ngày 01\/12\/2024/);
    // The new ward reports the half-year it was formed in.
    expect((await put(newLacDao, '2024-07-01')).status).toBe(200);
  });

  it('the cockpit expects each unit only inside its life', async () => {
    const province = unitId(db, '60');
    const { body } = await call('admin', 'GET', `/terms/${base.termId}/cockpit?unitId=${province}`);
    const h1of2022 = periodId(db, '2022-01-01');
    const h1of2025 = periodId(db, '2025-01-01');
    const cell = (code: string, open: boolean, period: number) =>
      body.units
        .find((u: Json) => u.id === unitId(db, code, open))
        ?.states.find((s: Json) => s.periodId === period);
    expect(cell('22945', true, h1of2022)).toMatchObject({ applies: false, overdue: false });
    expect(cell('22942', false, h1of2025)).toMatchObject({ applies: false, overdue: false });
    expect(cell('22945', true, h1of2025)).toMatchObject({ applies: true, overdue: true });
  });
});

describe('rows that add up (item 5)', () => {
  let server: Server;
  let call: Awaited<ReturnType<typeof session>>;
  const db = cloneDatabase(base.db);

  beforeAll(async () => {
    server = await startTestServer(db, { today: () => '2025-01-20' });
    call = await session(server, ['lanhdao']);
  });
  afterAll(() => server.close());

  it('the province breakdown of BS1 has the province’s own 13 as a row', async () => {
    const { body: dash } = await call('lanhdao', 'GET', `/terms/${base.termId}/dashboard`);
    const bs1 = target(dash, 'BS1');
    const { body } = await call('lanhdao', 'GET', `/terms/${base.termId}/targets/${bs1.id}/breakdown`);
    expect(body.own).toMatchObject({ name: 'Cấp tỉnh trực tiếp', figure: { value: 13 } });
    const children = body.rows.reduce((sum: number, r: Json) => sum + (r.figure.value ?? 0), 0);
    expect(children + body.own.figure.value).toBe(bs1.figure.value);
  });
});

describe('the term through the 2025 merge (item 6)', () => {
  const db = cloneDatabase(base.db);
  let server: Server;
  let call: Awaited<ReturnType<typeof session>>;

  beforeAll(async () => {
    applyReorganisation(db, 'system', { map: MAP_2024, effectiveDate: '2024-12-01' });
    applyReorganisation(db, 'system', {
      map: MAP_2025,
      effectiveDate: '2025-07-01',
      parentNames: { '68': 'Tỉnh Lâm Đồng' },
    });
    server = await startTestServer(db, { today: () => '2026-01-20' });
    call = await session(server, ['admin', 'duyet.phanthiet', 'nhap.phuthuy', 'lanhdao']);
  });
  afterAll(() => server.close());

  it('is carried by Tỉnh Lâm Đồng, whose 45 units can be allocated; the old allocations are a to-do', async () => {
    const { body: term } = await call('admin', 'GET', `/admin/terms/${base.termId}`);
    expect(term.term.ownerUnitId).toBe(unitId(db, '68'));
    const ct2 = term.targets.find((t: Json) => t.code === 'CT2');
    expect(ct2.allocation).toMatchObject({ count: 0, formerCount: 10 });
    const { status, body: editor } = await call('admin', 'GET', `/admin/targets/${ct2.id}/allocations`);
    expect(status).toBe(200);
    expect(editor.parent.name).toBe('Tỉnh Lâm Đồng');
    // The 45 new communes and wards, and the three directly attached unions that moved with the province.
    expect(editor.children).toHaveLength(48);
    expect(editor.children.filter((c: Json) => /^(Xã|Phường|Đặc khu) /.test(c.name))).toHaveLength(45);
  });

  it('lists the district approver’s role as needing reassignment, and opens their district, not a refusal', async () => {
    const { body: users } = await call('admin', 'GET', '/admin/users');
    const approver = users.find((u: Json) => u.username === 'duyet.phanthiet');
    expect(approver.roles[0]).toMatchObject({ unitName: 'Thành phố Phan Thiết', unitEndedOn: '2025-07-01' });
    const { status, body } = await call(
      'duyet.phanthiet',
      'GET',
      `/terms/${base.termId}/dashboard?asOf=2025-12-31`,
    );
    expect(status).toBe(200);
    expect(body.scope.unit.name).toBe('Thành phố Phan Thiết');
  });

  it('opens the merged ward’s entry clerk and the province’s leader on their units, in every structure', async () => {
    for (const asOf of ['2024-06-30', '2025-12-31']) {
      const clerk = await call('nhap.phuthuy', 'GET', `/terms/${base.termId}/dashboard?asOf=${asOf}`);
      expect(clerk.status).toBe(200);
      expect(clerk.body.scope.unit.name).toBe('Phường Phú Thủy');
      const leader = await call('lanhdao', 'GET', `/terms/${base.termId}/dashboard?asOf=${asOf}`);
      expect(leader.body.scope.unit.name).toBe(asOf < '2025-07-01' ? 'Tỉnh Bình Thuận' : 'Tỉnh Lâm Đồng');
      // The stand-in of the term's owner is judged against the resolution's goals.
      expect(target(leader.body, 'CT2').goalKind).toBe('term');
    }
  });
});

describe('charts and mission views configured, not tied to codes (item 10)', () => {
  // One test gives a view to another target: each starts from its own copy of the demo.
  let db: Db;
  let server: Server;
  let call: Awaited<ReturnType<typeof session>>;

  beforeEach(async () => {
    db = cloneDatabase(base.db);
    server = await startTestServer(db, { today: () => '2025-01-20' });
    call = await session(server, ['admin', 'lanhdao']);
  });
  afterEach(async () => {
    await server.close();
    db.$client.close();
  });

  it('the demo feeds the poverty, rural and grassroots views from CT2, CT3 and CT1', async () => {
    const { body } = await call('lanhdao', 'GET', `/terms/${base.termId}/dashboard`);
    const missions = Object.fromEntries(
      body.targets.filter((t: Json) => t.mission).map((t: Json) => [t.mission, t.code]),
    );
    expect(missions).toEqual({ grassroots: 'CT1', poverty: 'CT2', rural: 'CT3' });
  });

  it('a manager gives the rural view to another target; the page follows, and the money is shown as money', async () => {
    const { body: setup } = await call('admin', 'GET', `/admin/terms/${base.termId}`);
    const ct7 = setup.targets.find((t: Json) => t.code === 'CT7');
    const text = (n: number | null) => (n === null ? '' : new Intl.NumberFormat('vi-VN').format(n));
    const saved = await call('admin', 'PUT', `/admin/targets/${ct7.id}`, {
      code: ct7.code,
      wording: ct7.wording,
      shortName: ct7.shortName,
      primaryIndicatorId: ct7.primaryIndicatorId,
      relatedIndicatorIds: ct7.relatedIndicatorIds,
      baseline: text(ct7.baseline),
      goal: text(ct7.goal),
      midTermMilestone: text(ct7.midTermMilestone),
      yearlyPlan: [],
      direction: ct7.direction,
      counted: ct7.counted,
      sortOrder: ct7.sortOrder,
      mission: 'rural',
      expectedVersion: ct7.version,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const { body } = await call('lanhdao', 'GET', `/terms/${base.termId}/dashboard`);
    expect(target(body, 'CT7').mission).toBe('rural');
    expect(target(body, 'CT3').mission).toBeNull();
    const view = await call('lanhdao', 'GET', `/terms/${base.termId}/missions/rural`);
    expect(view.status).toBe(200);
    expect(view.body.target.code).toBe('CT7');
    expect(view.body.target.indicator.measureType).toBe('amount');
  });
});
