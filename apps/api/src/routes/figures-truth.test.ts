/**
 * Figures that stay true once real use starts (issue: partial reporting, zeros, unit lifetimes and
 * reorganisations), over HTTP on the demo. Each case is what a tester saw go wrong.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyReorganisation, type Db, schema } from '@chitieu/db';
import { docxText, parseCsv, readDocx, SUMMARY_SHEET } from '@chitieu/reports';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { SaveResultResponse, SubmissionSchema } from '../schemas/entry.ts';
import type { BreakdownSchema, CockpitSchema, DashboardSchema } from '../schemas/figures.ts';
import { type Answer, demoServerPerTest, type Reply, type Routes } from '../testing.ts';

const DATA = join(import.meta.dirname, '../../../../packages/db/src/seed/data');
const MAP_2024 = readFileSync(join(DATA, 'merges-2024.csv'));
const MAP_2025 = readFileSync(join(DATA, 'merges-2025.csv'));

type Dashboard = z.infer<typeof DashboardSchema>;
type Term = Routes['terms'][':termId'];
type Lagging = Answer<Term['lagging']['$get']>;
type Mission = Answer<Term['missions'][':mission']['$get']>;
type Admin = Routes['admin'];
type TermSetup = Answer<Admin['terms'][':termId']['$get']>;
type TargetSaved = Answer<Admin['targets'][':targetId']['$put']>;
type Allocations = Answer<Admin['targets'][':targetId']['allocations']['$get']>;
type Users = Answer<Admin['users']['$get']>;

/** The demo's 2024 merges (effective 01/12/2024). */
const merge2024 = (db: Db) =>
  applyReorganisation(db, 'system', { map: MAP_2024, effectiveDate: '2024-12-01' }).structureVersionId;
/** The 2025 merges (effective 01/07/2025), after which Lâm Đồng carries the province. */
const merge2025 = (db: Db) =>
  applyReorganisation(db, 'system', {
    map: MAP_2025,
    effectiveDate: '2025-07-01',
    parentNames: { '68': 'Tỉnh Lâm Đồng' },
  }).structureVersionId;

/**
 * A unit by its code: the open one, or (open = false) the newest closed one. After a merge a code
 * can name both, so this file does not use the demo's plain lookup for units.
 */
const unitId = (db: Db, code: string, open = true) => {
  const unit = db
    .select()
    .from(schema.units)
    .all()
    .filter((u) => u.code === code && (u.validTo === null) === open)
    .sort((a, b) => b.id - a.id)[0];
  if (!unit) throw new Error(`No ${open ? 'open' : 'closed'} unit ${code}.`);
  return unit.id;
};

/** A target of a dashboard, by its code; a missing one fails here, naming it. */
const target = (body: Dashboard, code: string) => {
  const found = body.targets.find((t) => t.code === code);
  if (!found) throw new Error(`The dashboard has no target ${code}.`);
  return found;
};

/** Steps a test stands on, each checked as it is taken. */
async function step(reply: Promise<Reply<unknown>>) {
  const { status, error } = await reply;
  expect(error).toBeUndefined();
  expect(status).toBe(200);
}

describe('one ward reporting early (item 1)', () => {
  const demo = demoServerPerTest({
    today: () => '2025-01-20',
    users: ['nhap.phuthuy', 'duyet.phanthiet', 'lanhdao'],
  });
  const ids = () => ({
    phuThuy: demo.find.unit('22924'),
    phanThiet: demo.find.unit('593'),
    h2: demo.find.period('2024-07-01'),
  });
  const dashboard = (query: string) =>
    demo.as('lanhdao').get<Dashboard>(`/api/terms/${demo.termId}/dashboard?${query}`);

  /** Phú Thủy, alone, reports the second half of 2024 and has it approved. */
  async function wardReportedEarly() {
    const { phuThuy, h2 } = ids();
    for (const [code, fields] of [
      ['HD5LH', { meets: true }],
      ['THOATNGHEO', { value: '7' }],
      ['TO_CDS', { value: '1' }],
      ['NANNHAN', { numerator: '0', denominator: '0' }],
    ] as const) {
      await step(
        demo.as('nhap.phuthuy').put<z.infer<typeof SaveResultResponse>>('/api/results', {
          unitId: phuThuy,
          periodId: h2,
          indicatorId: demo.find.indicator(code),
          expectedVersion: null,
          ...fields,
        }),
      );
    }
    type Submission = z.infer<typeof SubmissionSchema>;
    await step(demo.as('nhap.phuthuy').post<Submission>(`/api/submissions/${phuThuy}/${h2}/submit`));
    await step(demo.as('duyet.phanthiet').post<Submission>(`/api/submissions/${phuThuy}/${h2}/approve`));
  }

  it('keeps the province at 7/8 with CT1 124/124 and says who has reported the new half-year', async () => {
    await wardReportedEarly();
    const { body } = await dashboard('asOf=2024-12-31');
    expect(body.headline).toMatchObject({ done: 7, counted: 8 });
    const ct1 = target(body, 'CT1');
    expect(ct1.figure).toMatchObject({ meeting: 124, expected: 124, value: 1000 });
    expect(ct1.figure.coverage).toMatchObject({ periodId: ids().h2, reported: 1, expected: 124 });
    expect(ct1.figure.latestPeriodId).toBe(ids().h2);
  });

  it('moves a stock by exactly the ward’s own change: 10 models, Phú Thủy now has 1', async () => {
    await wardReportedEarly();
    const before = target((await dashboard(`asOf=2024-06-30&unitId=${ids().phuThuy}`)).body, 'CT5').figure
      .value;
    const { body } = await dashboard('asOf=2024-12-31');
    expect(target(body, 'CT5').figure.value).toBe(10 - (before ?? 0) + 1);
  });

  it('keeps Phan Thiết at 18/18', async () => {
    await wardReportedEarly();
    const { body } = await dashboard(`asOf=2024-12-31&unitId=${ids().phanThiet}`);
    expect(target(body, 'CT1').figure).toMatchObject({ meeting: 18, expected: 18 });
  });

  it('the DOCX and the XLSX say who has reported the half-year the figures stand at', async () => {
    await wardReportedEarly();
    const download = async (format: string) => {
      const res = await fetch(
        `${demo.url}/api/terms/${demo.termId}/reports/mid_term/download/${format}?asOf=2024-12-31`,
        { headers: demo.headers('lanhdao') },
      );
      expect(res.status).toBe(200);
      return new Uint8Array(await res.arrayBuffer());
    };
    const coverage = '1/124 đơn vị đã báo cáo kỳ 6 tháng cuối năm 2024';
    const docx = docxText(await readDocx(await download('docx'))).replace(/\s+/g, ' ');
    // In the headline's sentence, and beside each target standing at that half-year.
    expect(docx).toContain(`số liệu tính đến ngày 31/12/2024; ${coverage}`);
    expect(docx.split(coverage).length - 1).toBeGreaterThan(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download('xlsx')).buffer);
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
  // The structure before the merges, after 2024's and after 2025's, set when the demo is prepared.
  const versions: number[] = [];
  const demo = demoServerPerTest({
    today: () => '2026-01-20',
    users: ['lanhdao'],
    prepare: (demo) => {
      versions.push(demo.structureVersionId, merge2024(demo.db), merge2025(demo.db));
    },
  });

  const ct1 = async (asOf: string, version: number | undefined) => {
    const { status, body } = await demo
      .as('lanhdao')
      .get<Dashboard>(`/api/terms/${demo.termId}/dashboard?asOf=${asOf}&structureVersionId=${version}`);
    expect(status).toBe(200);
    return { figure: target(body, 'CT1').figure, headline: body.headline };
  };

  it('never counts more units meeting than units, in any structure, and every structure agrees', async () => {
    expect(versions).toHaveLength(3);
    for (const asOf of ['2024-06-30', '2024-12-31', '2025-06-30', '2025-12-31']) {
      const seen = [];
      for (const version of versions) {
        const { figure, headline } = await ct1(asOf, version);
        expect(figure.meeting).toBeLessThanOrEqual(figure.expected ?? 0);
        if (figure.value !== null) expect(figure.value).toBeLessThanOrEqual(1000);
        seen.push({ figure, headline });
      }
      expect(seen[1]).toEqual(seen[0]);
      expect(seen[2]).toEqual(seen[0]);
    }
  });

  it('counts the 121 communes at the end of 2024 and the 45 units in the second half of 2025', async () => {
    expect((await ct1('2024-12-31', versions[1])).figure.expected).toBe(121);
    const late = await ct1('2025-12-31', versions[2]);
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
  const demo = demoServerPerTest({ today: () => '2025-01-20', users: ['lanhdao'] });
  const ids = () => ({ phuThuy: demo.find.unit('22924'), phanThiet: demo.find.unit('593') });

  it('Phú Thủy’s CT6 of 0/0 is "không phát sinh", a report, and not owed in its headline', async () => {
    const { body } = await demo
      .as('lanhdao')
      .get<Dashboard>(`/api/terms/${demo.termId}/dashboard?unitId=${ids().phuThuy}`);
    expect(target(body, 'CT6').figure).toMatchObject({ value: null, hasData: true });
    expect(body.headline).toMatchObject({ done: 1, counted: 1, noCases: 1 });
  });

  it('the lagging page does not rank a commune for a 0/0 it reported', async () => {
    const { body } = await demo
      .as('lanhdao')
      .get<Lagging>(`/api/terms/${demo.termId}/lagging?unitId=${ids().phanThiet}`);
    const ct6 = body.targets.find((t) => t.code === 'CT6')?.id;
    expect(ct6).toBeDefined();
    const row = body.rows.find((r) => r.unitId === ids().phuThuy);
    expect(row?.behindOn.filter((b) => b.targetId === ct6)).toEqual([]);
    // No commune of Phan Thiết is listed as owing CT6 for a 0/0 it reported.
    const owing = body.rows.filter((r) =>
      r.behindOn.some((b) => b.targetId === ct6 && b.reason === 'unreported'),
    );
    expect(owing.map((r) => r.name)).toEqual([]);
  });

  it('the CSV and the DOCX say "không phát sinh" for it, never blank or "chưa báo cáo"', async () => {
    const download = (format: string) =>
      fetch(
        `${demo.url}/api/terms/${demo.termId}/reports/mid_term/download/${format}?unitId=${ids().phanThiet}`,
        { headers: demo.headers('lanhdao') },
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
  const demo = demoServerPerTest({
    today: () => '2026-01-20',
    users: ['admin'],
    prepare: ({ db }) => merge2024(db),
  });

  const put = (unit: number, start: string) =>
    demo.as('admin').put<z.infer<typeof SaveResultResponse>>('/api/results', {
      unitId: unit,
      periodId: demo.find.period(start),
      indicatorId: demo.find.indicator('THOATNGHEO'),
      value: '2',
      expectedVersion: null,
    });

  it('refuses results for a closed unit after it ended, and for a new unit before it was formed', async () => {
    const ducNghia = unitId(demo.db, '22942', false);
    const newLacDao = unitId(demo.db, '22945');
    const closed = await put(ducNghia, '2025-01-01');
    expect(closed.status).toBe(400);
    expect(closed.error?.message).toMatch(/Đức Nghĩa đã kết thúc hoạt động từ ngày 01\/12\/2024/);
    const early = await put(newLacDao, '2022-01-01');
    expect(early.status).toBe(400);
    expect(early.error?.message).toMatch(/Lạc Đạo thành lập từ ngày 01\/12\/2024/);
    // The new ward reports the half-year it was formed in.
    expect((await put(newLacDao, '2024-07-01')).status).toBe(200);
  });

  it('the cockpit expects each unit only inside its life', async () => {
    const province = unitId(demo.db, '60');
    const { body } = await demo
      .as('admin')
      .get<z.infer<typeof CockpitSchema>>(`/api/terms/${demo.termId}/cockpit?unitId=${province}`);
    const h1of2022 = demo.find.period('2022-01-01');
    const h1of2025 = demo.find.period('2025-01-01');
    const cell = (code: string, open: boolean, period: number) =>
      body.units.find((u) => u.id === unitId(demo.db, code, open))?.states.find((s) => s.periodId === period);
    expect(cell('22945', true, h1of2022)).toMatchObject({ applies: false, overdue: false });
    expect(cell('22942', false, h1of2025)).toMatchObject({ applies: false, overdue: false });
    expect(cell('22945', true, h1of2025)).toMatchObject({ applies: true, overdue: true });
  });
});

describe('rows that add up (item 5)', () => {
  const demo = demoServerPerTest({ today: () => '2025-01-20', users: ['lanhdao'] });

  it('the province breakdown of BS1 has the province’s own 13 as a row', async () => {
    const lanhdao = demo.as('lanhdao');
    const { body: dash } = await lanhdao.get<Dashboard>(`/api/terms/${demo.termId}/dashboard`);
    const bs1 = target(dash, 'BS1');
    const { body } = await lanhdao.get<z.infer<typeof BreakdownSchema>>(
      `/api/terms/${demo.termId}/targets/${bs1.id}/breakdown`,
    );
    expect(body.own).toMatchObject({ name: 'Cấp tỉnh trực tiếp', figure: { value: 13 } });
    const children = body.rows.reduce((sum, r) => sum + (r.figure.value ?? 0), 0);
    expect(children + (body.own?.figure.value ?? 0)).toBe(bs1.figure.value);
  });
});

describe('the term through the 2025 merge (item 6)', () => {
  const demo = demoServerPerTest({
    today: () => '2026-01-20',
    users: ['admin', 'duyet.phanthiet', 'nhap.phuthuy', 'lanhdao'],
    prepare: ({ db }) => {
      merge2024(db);
      merge2025(db);
    },
  });

  it('is carried by Tỉnh Lâm Đồng, whose 45 units can be allocated; the old allocations are a to-do', async () => {
    const admin = demo.as('admin');
    const { body: term } = await admin.get<TermSetup>(`/api/admin/terms/${demo.termId}`);
    expect(term.term.ownerUnitId).toBe(unitId(demo.db, '68'));
    const ct2 = term.targets.find((t) => t.code === 'CT2');
    expect(ct2?.allocation).toMatchObject({ count: 0, formerCount: 10 });
    const { status, body: editor } = await admin.get<Allocations>(
      `/api/admin/targets/${ct2?.id}/allocations`,
    );
    expect(status).toBe(200);
    expect(editor.parent.name).toBe('Tỉnh Lâm Đồng');
    // The 45 new communes and wards, and the three directly attached unions that moved with the province.
    expect(editor.children).toHaveLength(48);
    expect(editor.children.filter((c) => /^(Xã|Phường|Đặc khu) /.test(c.name))).toHaveLength(45);
  });

  it('lists the district approver’s role as needing reassignment, and opens their district, not a refusal', async () => {
    const { body: users } = await demo.as('admin').get<Users>('/api/admin/users');
    const approver = users.find((u) => u.username === 'duyet.phanthiet');
    expect(approver?.roles[0]).toMatchObject({
      unitName: 'Thành phố Phan Thiết',
      unitEndedOn: '2025-07-01',
    });
    const { status, body } = await demo
      .as('duyet.phanthiet')
      .get<Dashboard>(`/api/terms/${demo.termId}/dashboard?asOf=2025-12-31`);
    expect(status).toBe(200);
    expect(body.scope.unit.name).toBe('Thành phố Phan Thiết');
  });

  it('opens the merged ward’s entry clerk and the province’s leader on their units, in every structure', async () => {
    for (const asOf of ['2024-06-30', '2025-12-31']) {
      const path = `/api/terms/${demo.termId}/dashboard?asOf=${asOf}`;
      const clerk = await demo.as('nhap.phuthuy').get<Dashboard>(path);
      expect(clerk.status).toBe(200);
      expect(clerk.body.scope.unit.name).toBe('Phường Phú Thủy');
      const leader = await demo.as('lanhdao').get<Dashboard>(path);
      expect(leader.body.scope.unit.name).toBe(asOf < '2025-07-01' ? 'Tỉnh Bình Thuận' : 'Tỉnh Lâm Đồng');
      // The stand-in of the term's owner is judged against the resolution's goals.
      expect(target(leader.body, 'CT2').goalKind).toBe('term');
    }
  });
});

describe('charts and mission views configured, not tied to codes (item 10)', () => {
  const demo = demoServerPerTest({ today: () => '2025-01-20', users: ['admin', 'lanhdao'] });
  const dashboard = () => demo.as('lanhdao').get<Dashboard>(`/api/terms/${demo.termId}/dashboard`);

  it('the demo feeds the poverty, rural and grassroots views from CT2, CT3 and CT1', async () => {
    const { body } = await dashboard();
    const missions = Object.fromEntries(
      body.targets.filter((t) => t.mission).map((t) => [t.mission, t.code]),
    );
    expect(missions).toEqual({ grassroots: 'CT1', poverty: 'CT2', rural: 'CT3' });
  });

  it('a manager gives the rural view to another target; the page follows, and the money is shown as money', async () => {
    const { body: setup } = await demo.as('admin').get<TermSetup>(`/api/admin/terms/${demo.termId}`);
    const ct7 = setup.targets.find((t) => t.code === 'CT7');
    if (!ct7) throw new Error('The demo has no target CT7.');
    const text = (n: number | null) => (n === null ? '' : new Intl.NumberFormat('vi-VN').format(n));
    const saved = await demo.as('admin').put<TargetSaved>(`/api/admin/targets/${ct7.id}`, {
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
    expect(saved.status, JSON.stringify(saved.error)).toBe(200);
    const { body } = await dashboard();
    expect(target(body, 'CT7').mission).toBe('rural');
    expect(target(body, 'CT3').mission).toBeNull();
    const view = await demo.as('lanhdao').get<Mission>(`/api/terms/${demo.termId}/missions/rural`);
    expect(view.status).toBe(200);
    expect(view.body.target.code).toBe('CT7');
    expect(view.body.target.indicator.measureType).toBe('amount');
  });
});
