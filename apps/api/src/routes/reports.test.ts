import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  formatMoney,
  formatMoneyIn,
  formatRatioPercent,
  formatScaled,
  MONEY_SCALE_UNITS,
  moneyScale,
} from '@chitieu/core';
import { type Db, openDatabase, recordResult, schema, seedDemoReport } from '@chitieu/db';
import { demoLookups } from '@chitieu/db/testing';
import { docxText, readDocx, SUMMARY_SHEET } from '@chitieu/reports';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { ErrorSchema } from '../schemas/common.ts';
import type { SaveResultResponse } from '../schemas/entry.ts';
import type { DashboardSchema } from '../schemas/figures.ts';
import { api, demoServerPerTest, type Reply, startTestServer } from '../testing.ts';
import { reportPool } from '../workers/report-pool.ts';
import type { IssuedInfoSchema, ReportSettingsSchema, ReportViewSchema } from './reports/schemas.ts';

type ReportView = z.infer<typeof ReportViewSchema>;
type Issued = z.infer<typeof IssuedInfoSchema>;
type Settings = z.infer<typeof ReportSettingsSchema>;
type Saved = z.infer<typeof SaveResultResponse>;

const demo = demoServerPerTest({
  today: () => '2024-07-10',
  prepare: ({ db, termId }) => seedDemoReport(db, termId),
  users: ['quanly', 'lanhdao', 'xem.phanthiet', 'admin', 'nhap.phuthuy'],
});

const unitId = (db: Db, code: string) => demoLookups(db).unit(code);

/** The mid-term report of the demo's term: `path` is what follows `/reports/mid_term`. */
const report = (path = '') => `/api/terms/${demo.termId}/reports/mid_term${path}`;
/** A JSON answer of the report's routes; the view by default. */
const call = <T = ReportView>(user: string, method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown) => {
  const client = demo.as(user);
  if (method === 'PUT') return client.put<T>(report(path), body);
  if (method === 'POST') return client.post<T>(report(path), body);
  return client.get<T>(report(path));
};
/** A file the report serves (DOCX, XLSX, CSV, PNG): its bytes, or the refusal's envelope. */
async function download(user: string, path: string) {
  const res = await fetch(`${demo.url}${report(path)}`, { headers: demo.headers(user) });
  const { status, headers } = res;
  if ((headers.get('content-type') ?? '').includes('json')) {
    const { error } = (await res.json()) as Partial<z.infer<typeof ErrorSchema>>;
    return { status, headers, bytes: new Uint8Array(), error };
  }
  return { status, headers, bytes: new Uint8Array(await res.arrayBuffer()), error: undefined };
}

describe('report settings and narrative over HTTP', () => {
  it('GET shows the settings, the figures as printed, and what the user may do', async () => {
    const { status, body } = await call('lanhdao', 'GET', '');
    expect(status).toBe(200);
    expect(body.settings).toMatchObject({
      version: 1,
      stored: true,
      documentNumber: '45',
      documentSymbol: 'BC-HPN',
    });
    expect(body.print).toMatchObject({
      parentBody: ['HỘI LHPN TỈNH BÌNH THUẬN'],
      issuingBody: ['BAN THƯỜNG VỤ'],
      motto: { name: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', motto: 'Độc lập - Tự do - Hạnh phúc' },
      numberLine: 'Số: 45/BC-HPN',
      placeDate: 'Phan Thiết, ngày 10 tháng 7 năm 2024',
    });
    expect(body.headlineText.lead).toBe('Hoàn thành 7/8 chỉ tiêu');
    expect(body.rows.find((r) => r.code === 'CT2')).toMatchObject({
      goal: '700',
      result: '746',
      pct: '106,6%',
      status: 'Vượt',
    });
    expect(body.charts.map((c) => c.available)).toEqual([true, true, true]);
    expect(body.permissions).toEqual({ edit: false, issue: false });
    expect(body.illustrativeNote).toContain('Số liệu minh họa');
    const manager = await call('quanly', 'GET', '');
    expect(manager.body.permissions).toEqual({ edit: true, issue: true });
  });

  it('PUT saves with the version seen (409 otherwise), validates in Vietnamese, is audited, managers only', async () => {
    const { body: current } = await call('quanly', 'GET', '');
    const { termId: _t, kind: _k, stored: _s, ...settings } = current.settings;
    const edited = { ...settings, signerName: 'Trần Thị B', sections: settings.sections };
    const saved = await call<Settings>('quanly', 'PUT', '', edited);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ version: settings.version + 1, signerName: 'Trần Thị B' });
    const stale = await call<Settings>('quanly', 'PUT', '', { ...edited, signerName: 'C' });
    expect(stale.status).toBe(409);
    expect(stale.error?.message).toContain('vừa được người khác sửa');
    expect(
      (await call<Settings>('lanhdao', 'PUT', '', { ...edited, version: saved.body.version })).status,
    ).toBe(403);
    const bad = await call<Settings>('quanly', 'PUT', '', {
      ...edited,
      version: saved.body.version,
      title: '',
      reportDate: '2024-02-30',
    });
    expect(bad.status).toBe(400);
    expect(bad.error?.message).toMatch(/Tham số “(title|reportDate)” không hợp lệ/);
    const control = await call<Settings>('quanly', 'PUT', '', {
      ...edited,
      version: saved.body.version,
      signerName: 'Trần\u0001 Thị B',
    });
    expect(control.status).toBe(400);
    expect(control.error?.message).toMatch(/^Họ tên người ký chứa ký tự điều khiển U\+0001 ở vị trí 5\./);
    const tooLong = await call<Settings>('quanly', 'PUT', '', {
      ...edited,
      version: saved.body.version,
      sections: [{ key: 'ket_qua', title: 'Kết quả', body: 'x'.repeat(40_001) }],
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.error?.message).toContain('dài quá 40000 ký tự');
    const audited = demo.db.get<{ n: number }>(
      sql`SELECT COUNT(*) AS n FROM audit_events WHERE entity = 'report' AND action = 'update'`,
    );
    expect(audited?.n).toBe(1);
  });
});

describe('downloads', () => {
  it('are real files with a Vietnamese-safe name', async () => {
    const expected = {
      docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      csv: 'text/csv; charset=utf-8',
    };
    for (const [format, type] of Object.entries(expected)) {
      const res = await download('lanhdao', `/download/${format}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      const disposition = res.headers.get('content-disposition') ?? '';
      // Old clients get an ASCII name without diacritics, browsers the UTF-8 one (RFC 6266).
      const ascii = format === 'csv' ? 'Du-lieu-chi-tieu' : 'Bao-cao-so-ket-giua-nhiem-ky';
      expect(disposition).toContain(`filename="${ascii}-Tinh-Binh-Thuan-30-06-2024.${format}"`);
      const name = decodeURIComponent(disposition.split("filename*=UTF-8''")[1] ?? '');
      expect(name).toMatch(
        new RegExp(
          `(Báo cáo sơ kết giữa nhiệm kỳ|Dữ liệu chỉ tiêu) - Tỉnh Bình Thuận - 30-06-2024\\.${format}$`,
        ),
      );
      expect(res.bytes.byteLength).toBe(Number(res.headers.get('content-length')));
      if (format !== 'csv') expect([...res.bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
    }
  });

  it('refuse a scope the user may not see: 403, no file', async () => {
    const province = unitId(demo.db, '60');
    for (const path of ['/download/docx', '/download/xlsx', '/download/csv', '/charts/completion', '']) {
      const res = await download('xem.phanthiet', `${path}?unitId=${province}`);
      expect(res.status, path).toBe(403);
      expect(res.headers.get('content-disposition')).toBeNull();
      expect(res.error?.code).toBe('forbidden');
    }
    expect((await call<Issued>('lanhdao', 'POST', '/issue')).status).toBe(403);
    const outside = await download('lanhdao', '/download/docx?asOf=2030-01-01');
    expect(outside.status).toBe(400);
    expect(outside.error?.message).toContain('Ngày số liệu phải nằm trong nhiệm kỳ');
  });

  it('serve the chart images the report embeds', async () => {
    for (const key of ['completion', 'poverty', 'works']) {
      const res = await download('lanhdao', `/charts/${key}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(new TextDecoder().decode(res.bytes.subarray(1, 4))).toBe('PNG');
    }
  });
});

/** The dashboard's figure of a target, as the report's targets table prints it (core's formats). */
function printed(t: {
  goal: number | null;
  indicator: { measureType: string; decimals: number; measurementUnit: string };
  figure: { value: number | null; meeting: number; expected: number };
}): { unit: string; result: string } {
  const { value } = t.figure;
  const unit = t.indicator.measureType === 'ratio' ? '%' : t.indicator.measurementUnit;
  if (value === null) return { unit, result: 'Chưa có số liệu' };
  switch (t.indicator.measureType) {
    case 'units_meeting':
      return {
        unit,
        result: `${formatScaled(t.figure.meeting, 0)}/${formatScaled(t.figure.expected, 0)} ${t.indicator.measurementUnit}`,
      };
    case 'ratio':
      return { unit, result: `${formatScaled(value, t.indicator.decimals)}%` };
    case 'amount': {
      // Goal and result in one scale, the one the ĐVT column names.
      const scale = moneyScale([t.goal ?? 0, value]);
      return { unit: MONEY_SCALE_UNITS[scale], result: formatMoneyIn(value, scale, { trimZeros: true }) };
    }
    default:
      return { unit, result: formatScaled(value, t.indicator.decimals) };
  }
}

/**
 * A cell's number as a Vietnamese reader sees it through its number format (the few formats the
 * workbook uses: `#,##0`, `#,##0.00`, `0.0%`, `#,##0"/124 cơ sở"`). LibreOffice itself is the judge in
 * e2e/report-libreoffice.test.ts; this checks the cached values and formats cell by cell.
 */
function displayed(value: number, numFmt: string): string {
  const m = /^(#,##)?0(?:\.(0+))?(%)?(?:"([^"]*)")?$/.exec(numFmt);
  if (!m) throw new Error(`format ${numFmt}`);
  const decimals = m[2]?.length ?? 0;
  const n = m[3] ? value * 100 : value;
  const scaled = Math.round(Number(n.toFixed(decimals)) * 10 ** decimals);
  return `${formatScaled(scaled, decimals)}${m[3] ?? ''}${m[4] ?? ''}`;
}

describe('one truth: the dashboard, the XLSX and the DOCX give the same figures for a scope', () => {
  const scopes = () => [
    '',
    `unitId=${unitId(demo.db, '593')}&asOf=2024-06-30`,
    `unitId=${unitId(demo.db, '593')}&asOf=2023-12-31&basis=submitted`,
    'asOf=2022-12-31',
  ];

  it.each([0, 1, 2, 3])('scope %i', async (i) => {
    const query = scopes()[i];
    if (query === undefined) throw new Error(`No scope ${i}.`);
    const q = query ? `?${query}` : '';
    // The dashboard's own scope defaults differ from the report's (today vs the report's as-of date):
    // give both the same as-of date.
    const asOf = query.includes('asOf') ? '' : `${q ? '&' : '?'}asOf=2024-06-30`;
    const dash = await demo
      .as('lanhdao')
      .get<z.infer<typeof DashboardSchema>>(`/api/terms/${demo.termId}/dashboard${q}${asOf}`);
    const dashboard = dash.body;
    expect(dash.status).toBe(200);

    const xlsxRes = await download('lanhdao', `/download/xlsx${q}${asOf}`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsxRes.bytes.buffer);
    const sheet = book.getWorksheet(SUMMARY_SHEET);
    if (!sheet) throw new Error(`The workbook has no sheet “${SUMMARY_SHEET}”.`);
    const docx = await readDocx((await download('lanhdao', `/download/docx${q}${asOf}`)).bytes);
    const view = (await call('lanhdao', 'GET', `${q}${asOf}`)).body;
    const table = docx.tables.find((t) => t[0]?.[1] === 'Chỉ tiêu') ?? [];
    const text = docxText(docx);
    const headline = `Hoàn thành ${dashboard.headline.done}/${dashboard.headline.counted} chỉ tiêu`;
    expect(text).toContain(headline);
    expect(sheet.getCell('A5').value).toContain(headline);
    expect(view.headlineText.lead).toBe(headline);

    for (const t of dashboard.targets) {
      const { unit, result } = printed(t);
      const pct =
        t.goal !== null && t.figure.value !== null ? formatRatioPercent(t.figure.value, t.goal, 1) : '—';
      // DOCX: the row with the target's wording prints the figure, its unit and % so với NQ.
      const row = table.find((x) => x[1] === t.wording);
      expect(row, t.code).toBeDefined();
      expect(row?.[2], t.code).toBe(unit);
      expect(row?.[4]?.replace('\n', ' '), t.code).toBe(result);
      expect(row?.[5], t.code).toBe(pct);
      // The print view: the same texts.
      const printedRow = view.rows.find((x) => x.code === t.code);
      expect([printedRow?.unit, printedRow?.result, printedRow?.pct], t.code).toEqual([unit, result, pct]);
      // XLSX: the row with the target's code shows the same text through its format.
      let r = 0;
      sheet.eachRow((line, n) => {
        if (line.getCell(9).value === t.code) r = n;
      });
      expect(r, t.code).toBeGreaterThan(0);
      expect(sheet.getCell(r, 3).value, t.code).toBe(unit);
      const cell = sheet.getCell(r, 5);
      const shown =
        typeof cell.value === 'string'
          ? cell.value
          : displayed((cell.value as { result: number }).result, cell.numFmt);
      expect(shown, t.code).toBe(result);
      const pctCell = sheet.getCell(r, 6);
      expect(
        typeof pctCell.value === 'string'
          ? pctCell.value
          : displayed((pctCell.value as { result: number }).result, pctCell.numFmt),
        t.code,
      ).toBe(pct);
      for (const related of t.relatedFigures) {
        if (related.figure.value !== null && related.indicator.measureType === 'amount') {
          expect(row?.[7]).toContain(`Trị giá ${formatMoney(related.figure.value)}`);
        }
      }
    }
  });
});

describe('issuing', () => {
  it('stores the DOCX and its figures; lists and returns it unchanged; shows where live figures moved', async () => {
    const issued = await call<Issued>('quanly', 'POST', '/issue');
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({
      headline: { done: 7, counted: 8, noCases: 0 },
      scope: { unitName: 'Tỉnh Bình Thuận' },
    });
    const list = await call<Issued[]>('lanhdao', 'GET', '/issued');
    expect(list.body.map((x) => x.id)).toContain(issued.body.id);
    const first = await download('lanhdao', `/issued/${issued.body.id}`);
    const second = await download('lanhdao', `/issued/${issued.body.id}`);
    expect(first.headers.get('content-type')).toContain('wordprocessingml');
    expect(first.bytes.byteLength).toBe(issued.body.bytes);
    expect(Buffer.compare(Buffer.from(first.bytes), Buffer.from(second.bytes))).toBe(0);
    const stored = demo.db
      .select()
      .from(schema.issuedReports)
      .where(eq(schema.issuedReports.id, issued.body.id))
      .get();
    expect(Buffer.compare(Buffer.from(first.bytes), Buffer.from(stored?.docx ?? []))).toBe(0);
    expect((await download('xem.phanthiet', `/issued/${issued.body.id}`)).status).toBe(403);

    // Unchanged figures: nothing differs.
    expect((await call('lanhdao', 'GET', '')).body.issued?.differences).toEqual([]);
    // A commune's approved figure is corrected: the report says what moved since issuing.
    const db = demo.db;
    const indicator = demo.find.indicator('THOATNGHEO');
    const period = demo.find.period('2024-01-01');
    const phuThuy = unitId(db, '22924');
    const before = db
      .select()
      .from(schema.results)
      .where(
        and(
          eq(schema.results.unitId, phuThuy),
          eq(schema.results.indicatorId, indicator),
          eq(schema.results.periodId, period),
        ),
      )
      .get();
    recordResult(db, {
      unitId: phuThuy,
      indicatorId: indicator,
      periodId: period,
      value: (before?.value ?? 0) + 4,
    });
    const after = await call('lanhdao', 'GET', '');
    expect(after.body.issued?.latest?.id).toBe(issued.body.id);
    const moved = after.body.issued?.differences;
    expect(moved).toContainEqual(
      expect.objectContaining({ key: '60:CT2:THOATNGHEO', issued: '746', live: '750' }),
    );
    expect(moved).toContainEqual(expect.objectContaining({ key: '593:CT2:THOATNGHEO' }));
  });
});

describe('a term with no results', () => {
  it('gives a valid report that says "chưa có số liệu"', async () => {
    const owner = unitId(demo.db, '60');
    const term = demo.db
      .insert(schema.terms)
      .values({
        code: 'TRONG',
        name: 'Đại hội nhiệm kỳ sau, 2027–2032',
        shortName: 'Nhiệm kỳ sau',
        ownerUnitId: owner,
        startDate: '2027-01-01',
        midTermDate: '2029-06-30',
        endDate: '2032-12-31',
      })
      .returning()
      .get();
    const indicator = demo.find.indicator('THOATNGHEO');
    demo.db
      .insert(schema.targets)
      .values({
        termId: term.id,
        code: 'CT1',
        wording: 'Giúp 100 hộ',
        shortName: 'Hộ',
        primaryIndicatorId: indicator,
        goal: 100,
      })
      .run();
    const path = `/api/terms/${term.id}/reports/mid_term`;
    const { body } = await demo.as('lanhdao').get<ReportView>(path);
    expect(body.hasResults).toBe(false);
    expect(body.rows[0]?.result).toBe('Chưa có số liệu');
    const fetchFile = (file: string) =>
      fetch(`${demo.url}${path}${file}`, { headers: demo.headers('lanhdao') });
    const res = await fetchFile('/download/docx');
    expect(res.status).toBe(200);
    const docx = await readDocx(new Uint8Array(await res.arrayBuffer()));
    expect(docxText(docx)).toContain('chưa có số liệu');
    const xlsx = await fetchFile('/download/xlsx');
    expect(xlsx.status).toBe(200);
    expect((await fetchFile('/charts/poverty')).status).toBe(404);
  });
});

describe('exports run off the request thread', () => {
  it('data entry saves complete while an export is being built (file database, worker reads it read-only)', async () => {
    // A real database file: the worker opens its own read-only connection to it.
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-report-'));
    const file = join(dir, 'chitieu.db');
    writeFileSync(file, demo.db.$client.serialize());
    const db = openDatabase(file);
    const local = await startTestServer(db, { today: () => '2025-01-20' });
    try {
      // The file is a copy of this test's database: the sessions signed in for the file open it too.
      const entry = api(local.url, { ...demo.headers('nhap.phuthuy'), origin: local.url });
      const reader = { ...demo.headers('lanhdao'), origin: local.url };
      const exportUrl = `${local.url}/api/terms/${demo.termId}/reports/mid_term/download/docx?asOf=2024-06-30`;
      // Warm the pool once, so the measured export is the work itself, not the worker starting.
      expect((await fetch(exportUrl, { headers: reader })).status).toBe(200);

      const period = demoLookups(db).period('2024-07-01');
      const indicator = demoLookups(db).indicator('THOATNGHEO');
      const phuThuy = unitId(db, '22924');
      const t0 = performance.now();
      const exporting = fetch(exportUrl, { headers: reader }).then(async (res) => {
        await res.arrayBuffer();
        return { status: res.status, end: performance.now() - t0 };
      });
      const saves: { start: number; end: number; status: number }[] = [];
      let version: number | null = null;
      // Give the request a moment to reach the worker, then save values one after another, as a
      // person typing in the grid would.
      await new Promise((resolve) => setTimeout(resolve, 20));
      for (let i = 1; i <= 10; i++) {
        const start = performance.now() - t0;
        const res: Reply<Saved> = await entry.put<Saved>('/api/results', {
          unitId: phuThuy,
          indicatorId: indicator,
          periodId: period,
          value: String(i),
          expectedVersion: version,
        });
        version = res.body.result?.version ?? version;
        saves.push({ start, end: performance.now() - t0, status: res.status });
      }
      const done = await exporting;
      const slowest = Math.max(...saves.map((s) => s.end - s.start));
      console.log(
        `export ${done.end.toFixed(0)} ms; 10 saves done by ${saves.at(-1)?.end.toFixed(0)} ms (slowest ${slowest.toFixed(0)} ms)`,
      );
      expect(done.status).toBe(200);
      expect(saves.every((s) => s.status === 200)).toBe(true);
      // Every save finished before the export did: none waited behind it.
      expect(Math.max(...saves.map((s) => s.end))).toBeLessThan(done.end);
      expect(version).toBe(10);
    } finally {
      await local.close();
      db.$client.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('concurrent exports queue on the pool and all succeed', async () => {
    const results = await Promise.all(
      ['docx', 'xlsx', 'csv', 'docx'].map((f) => download('lanhdao', `/download/${f}`)),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(reportPool().stats.queued).toBe(0);
  });
});
