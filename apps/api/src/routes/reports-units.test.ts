/**
 * Reports as each unit issues them, over HTTP: a district's own letterhead and number, issuing rules,
 * the comparison with the last issue of the same unit, kind and basis, and names holding characters
 * a file cannot hold.
 */
import { bumpRevision, recordResult, schema, seedDemoReport } from '@chitieu/db';

import { docxText, readDocx } from '@chitieu/reports';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { type Answer, demoServerPerTest, type Routes } from '../testing.ts';
import type { ReportSettingsSchema, ReportViewSchema } from './reports/schemas.ts';

const demo = demoServerPerTest({
  today: () => '2025-01-10',
  prepare: ({ db, termId }) => seedDemoReport(db, termId),
  users: ['quanly', 'xem.phanthiet', 'lanhdao'],
});
const phanThiet = () => demo.find.unit('593');

type ReportView = z.infer<typeof ReportViewSchema>;
type ReportSettings = z.infer<typeof ReportSettingsSchema>;
type Issued = Answer<Routes['terms'][':termId']['reports'][':kind']['issue']['$post'], 201>;

const reportPath = (rest: string) => `/api/terms/${demo.termId}/reports/mid_term${rest}`;

/** The report page as `user` sees it (`query` picks the unit, date and basis). */
const view = (user: string, query = '') => demo.as(user).get<ReportView>(reportPath(query));

/** The manager issues the report the query names. */
const issue = (query = '') => demo.as('quanly').post<Issued>(reportPath(`/issue${query}`));

/** A file or chart as bytes, as the browser downloads it. */
async function download(user: string, rest: string) {
  const res = await fetch(`${demo.url}${reportPath(rest)}`, { headers: demo.headers(user) });
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
}

/** Save the settings of a unit's report, changed by `patch`, from the version last seen. */
async function saveSettings(unitId: number | undefined, patch: Record<string, unknown>) {
  const { body } = await view('quanly', unitId ? `?unitId=${unitId}` : '');
  const { termId: _t, kind: _k, stored: _s, ...settings } = body.settings;
  return demo.as('quanly').put<ReportSettings>(reportPath(''), { ...settings, ...patch });
}

function bumpPoverty(by: number) {
  const db = demo.db;
  const key = {
    unitId: demo.find.unit('22924'),
    indicatorId: demo.find.indicator('THOATNGHEO'),
    periodId: demo.find.period('2024-01-01'),
  };
  const row = db
    .select()
    .from(schema.results)
    .where(
      and(
        eq(schema.results.unitId, key.unitId),
        eq(schema.results.indicatorId, key.indicatorId),
        eq(schema.results.periodId, key.periodId),
      ),
    )
    .get();
  recordResult(db, { ...key, value: (row?.value ?? 0) + by });
}

/** The province's report issued (45 of 10/07/2024), and Phan Thiết's as of 31/12/2024 (7 of 08/01/2025). */
async function issueBoth() {
  expect((await issue()).status).toBe(201);
  await saveSettings(phanThiet(), { unitId: phanThiet(), documentNumber: '7', reportDate: '2025-01-08' });
  expect((await issue(`?unitId=${phanThiet()}&asOf=2024-12-31`)).status).toBe(201);
}

describe("a district's report", () => {
  it("is headed by the district's own letterhead, number and title, not the province's", async () => {
    // What xem.phanthiet gets by default: Phan Thiết's scope, Phan Thiết's report.
    const { status, bytes } = await download('xem.phanthiet', '/download/docx');
    expect(status).toBe(200);
    const docx = await readDocx(bytes);
    expect(docx.tables[0]?.[0]?.[0]).toBe('HỘI LHPN THÀNH PHỐ PHAN THIẾT\nBAN THƯỜNG VỤ\n');
    expect(docx.tables[0]?.[1]?.[0]).toBe('Số:      /BC-HPN');
    const text = docxText(docx);
    expect(text).not.toContain('HỘI LHPN TỈNH BÌNH THUẬN');
    expect(text).not.toContain('45-BC/HPN');
    expect(text).toContain('tại thành phố Phan Thiết');
    expect(text).toContain('Hoàn thành 2/3 chỉ tiêu');
    const page = await view('xem.phanthiet');
    expect(page.body.settings).toMatchObject({ unitId: phanThiet(), stored: false, documentNumber: '' });
    expect(page.body.permissions).toEqual({ edit: false, issue: false });
  });

  it("saving the district's settings leaves the province's alone", async () => {
    const saved = await saveSettings(phanThiet(), {
      unitId: phanThiet(),
      signerName: 'Lê Thị C',
      motto: false,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      unitId: phanThiet(),
      signerName: 'Lê Thị C',
      motto: false,
      version: 1,
    });
    const province = await view('quanly');
    expect(province.body.settings).toMatchObject({ signerName: 'Nguyễn Thị A', motto: true });
    const district = await view('xem.phanthiet');
    expect(district.body.print.motto).toBeNull();
    expect(district.body.settings.signerName).toBe('Lê Thị C');
  });
});

describe('issuing', () => {
  it('needs a number and a date not before the data; a number is used once per unit, kind and year', async () => {
    // The province's report as of 30/06/2024, number 45 of 10/07/2024.
    const province = await issue();
    expect(province.status).toBe(201);
    expect(province.body).toMatchObject({ documentNumber: '45/BC-HPN', documentDate: '2024-07-10' });
    // Phan Thiết as of 31/12/2024: no number of its own yet.
    const district = `?unitId=${phanThiet()}&asOf=2024-12-31`;
    const refused = await issue(district);
    expect(refused.status).toBe(400);
    expect(refused.error?.message).toContain('Chưa có số văn bản');
    await saveSettings(phanThiet(), { unitId: phanThiet(), documentNumber: '45', reportDate: '2024-07-10' });
    const early = await issue(district);
    expect(early.status).toBe(400);
    expect(early.error?.message).toBe(
      'Ngày văn bản (10/07/2024) không được trước ngày số liệu (31/12/2024): hãy sửa ngày báo cáo hoặc ngày số liệu.',
    );
    await saveSettings(phanThiet(), { unitId: phanThiet(), documentNumber: '7', reportDate: '2025-01-08' });
    const issued = await issue(district);
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({
      documentNumber: '7/BC-HPN',
      documentDate: '2025-01-08',
      scope: { unitId: phanThiet(), asOf: '2024-12-31' },
    });
    // The same number again in 2025: refused, whatever the figures.
    bumpPoverty(1);
    const again = await issue(district);
    expect(again.status).toBe(409);
    expect(again.error?.message).toContain('Số 7/BC-HPN đã dùng');
  });

  it('compares each report with the last issue of the same unit, kind and basis, named by its number and date', async () => {
    await issueBoth();
    bumpPoverty(1);
    // The province page: its own issue (45 of 10/07/2024), and its own change 746 → 747.
    const province = await view('lanhdao', '?asOf=2024-06-30');
    expect(province.body.issued.latest).toMatchObject({
      documentNumber: '45/BC-HPN',
      documentDate: '2024-07-10',
      scope: { unitName: 'Tỉnh Bình Thuận' },
    });
    const differences = province.body.issued.differences ?? [];
    expect(differences).toContainEqual(
      expect.objectContaining({ key: '60:CT2:THOATNGHEO', issued: '746', live: '747', change: '+1' }),
    );
    expect(
      differences.every((d) => d.key === 'headline' || d.key.startsWith('60:') || d.key.startsWith('593:')),
    ).toBe(true);
    expect(differences).toHaveLength(2);
    // Phan Thiết's page: its own issue, not the province's.
    const district = await view('lanhdao', `?unitId=${phanThiet()}&asOf=2024-12-31`);
    expect(district.body.issued.latest).toMatchObject({
      documentNumber: '7/BC-HPN',
      scope: { unitId: phanThiet() },
    });
    expect(district.body.issued.count).toBe(1);
    // On the submitted basis nothing was issued: nothing to compare with.
    const submitted = await view('lanhdao', `?unitId=${phanThiet()}&asOf=2024-12-31&basis=submitted`);
    expect(submitted.body.issued).toMatchObject({ latest: null, count: 0, differences: null });
  });
});

describe('names holding characters a file cannot hold', () => {
  it('no longer break the downloads, the charts or issuing', async () => {
    const db = demo.db;
    // This test's own copy of the demo: the broken names need no undoing afterwards.
    db.update(schema.targets)
      .set({ shortName: 'Hộ thoát nghèo\u0001' })
      .where(eq(schema.targets.code, 'CT2'))
      .run();
    db.update(schema.units)
      .set({ name: 'Phường Phú Hài\u0000\u001b\uffff' })
      .where(eq(schema.units.code, '22921'))
      .run();
    // The names are read through a cache kept per data revision: say the data changed.
    bumpRevision(db);
    const scope = `?unitId=${phanThiet()}&asOf=2024-12-31`;
    for (const path of [
      '/download/docx',
      '/download/xlsx',
      '/download/csv',
      '/charts/completion',
      '/charts/works',
      '',
    ]) {
      const res = await download('lanhdao', `${path}${scope}`);
      expect(res.status, path).toBe(200);
    }
    const docx = await readDocx((await download('lanhdao', `/download/docx${scope}`)).bytes);
    expect(docxText(docx)).toContain('Phường Phú Hài');
    await saveSettings(phanThiet(), { unitId: phanThiet(), documentNumber: '8', reportDate: '2025-01-09' });
    expect((await issue(scope)).status).toBe(201);
  });
});
