import type { Db } from '@chitieu/db';
import { demoDatabase, demoLookups } from '@chitieu/db/testing';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { AuditSchema } from '../schemas/audit.ts';
import type { EntryGridSchema, SubmissionSchema } from '../schemas/entry.ts';
import type { DashboardSchema } from '../schemas/figures.ts';
import { api, demoServerPerTest, loginAs, type Reply, replyOf, startTestServer } from '../testing.ts';
import { type ImportPreviewSchema, type ImportResultSchema, XLSX_TYPE } from './excel.ts';

type Preview = z.infer<typeof ImportPreviewSchema>;
type Imported = z.infer<typeof ImportResultSchema>;
type Grid = z.infer<typeof EntryGridSchema>;
/** A refused file lists its problems in the error's details. */
type Refused = { problems: Preview['problems'] };

const today = () => '2025-01-20';
const users = ['nhap.phuthuy', 'duyet.phanthiet', 'lanhdao', 'admin'];
const demo = demoServerPerTest({ today, users });

/** Where a test sends its requests: its own copy of the demo, or the refusals' shared server (below). */
interface Site {
  url: string;
  db: Db;
  headers: (user: string) => Record<string, string>;
}
let site: Site;
beforeEach(() => {
  site = { url: demo.url, db: demo.db, headers: (user) => demo.headers(user) };
});
const as = (user: string) => api(site.url, site.headers(user));
const find = () => demoLookups(site.db);
const ids = () => ({
  phuThuy: find().unit('22924'),
  phuHai: find().unit('22921'),
  phanThiet: find().unit('593'),
  h2: find().period('2024-07-01'),
  h1: find().period('2024-01-01'),
});

const query = (unitId = ids().phuThuy, periodId = ids().h2) =>
  `termId=${demo.termId}&unitId=${unitId}&periodId=${periodId}`;

async function download(user = 'nhap.phuthuy', unitId = ids().phuThuy, periodId = ids().h2) {
  return fetch(`${site.url}/api/entry/template.xlsx?${query(unitId, periodId)}`, {
    headers: site.headers(user),
  });
}
async function template(user = 'nhap.phuthuy', unitId = ids().phuThuy, periodId = ids().h2) {
  const res = await download(user, unitId, periodId);
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  return wb;
}
/** A sheet the template must have: a missing one fails here, naming it. */
const worksheet = (wb: ExcelJS.Workbook, name: string) => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`The template has no sheet “${name}”.`);
  return ws;
};
const sheet = (wb: ExcelJS.Workbook) => worksheet(wb, 'Nhập liệu');
const bytesOf = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());
/** The template row of an indicator (one unit per file here). */
const rowOf = (wb: ExcelJS.Workbook, code: string) => {
  let found = 0;
  sheet(wb).eachRow((row, n) => {
    if (row.getCell(4).value === code) found = n;
  });
  if (!found) throw new Error(`no row for ${code}`);
  return found;
};

interface UploadOptions {
  user?: string;
  unitId?: number;
  periodId?: number;
  multipart?: boolean;
}
/** Send a file as the import page does: raw bytes, or a multipart form. */
async function send<T>(step: 'preview' | 'apply', bytes: Uint8Array, opts: UploadOptions): Promise<Reply<T>> {
  let body: BodyInit;
  const headers: Record<string, string> = { ...site.headers(opts.user ?? 'nhap.phuthuy') };
  if (opts.multipart) {
    const form = new FormData();
    form.append('file', new Blob([bytes as BlobPart], { type: XLSX_TYPE }), 'bieu.xlsx');
    body = form;
  } else {
    headers['content-type'] = XLSX_TYPE;
    body = bytes as BodyInit;
  }
  const res = await fetch(`${site.url}/api/entry/import/${step}?${query(opts.unitId, opts.periodId)}`, {
    method: 'POST',
    headers,
    body,
  });
  return replyOf<T>(res);
}
const preview = (bytes: Uint8Array, opts: UploadOptions = {}) => send<Preview>('preview', bytes, opts);
const apply = (bytes: Uint8Array, opts: UploadOptions = {}) => send<Imported>('apply', bytes, opts);
/** The problems a refused file is sent back with. */
const problemsOf = (reply: Reply<unknown>) => (reply.error?.details as Refused | undefined)?.problems;

/** What a refused upload must leave untouched. */
const state = () => ({
  ...Object.fromEntries(
    ['results', 'submissions', 'audit_events'].map((t) => [
      t,
      site.db.get<{ n: number }>(sql.raw(`SELECT COUNT(*) AS n FROM ${t}`))?.n,
    ]),
  ),
  revision: site.db.get<{ value: string }>(sql`SELECT value FROM app_meta WHERE key = 'revision'`)?.value,
});

const provinceFigure = async (basis: 'approved' | 'submitted', code = 'CT2') => {
  const { body } = await as('lanhdao').get<z.infer<typeof DashboardSchema>>(
    `/api/terms/${demo.termId}/dashboard?asOf=2024-12-31&basis=${basis}`,
  );
  return body.targets.find((t) => t.code === code)?.figure.value;
};
const grid = () => as('nhap.phuthuy').get<Grid>(`/api/entry?${query()}`);
const submit = () =>
  as('nhap.phuthuy').post<z.infer<typeof SubmissionSchema>>(
    `/api/submissions/${ids().phuThuy}/${ids().h2}/submit`,
    {},
  );

describe('the fill-in template download', () => {
  it('is a real download with a Vietnamese file name and an ASCII fallback', async () => {
    const res = await download();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(XLSX_TYPE);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toContain(
      'attachment; filename="Bieu-nhap-lieu-Phuong-Phu-Thuy-6-thang-cuoi-nam-2024.xlsx"',
    );
    const utf8 = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '';
    expect(decodeURIComponent(utf8)).toBe('Biểu nhập liệu - Phường Phú Thủy - 6 tháng cuối năm 2024.xlsx');
    expect(utf8).not.toMatch(/[ ()]/);
  });

  it('has the headers, a title, protection, open answer cells with validation, and its metadata', async () => {
    const wb = await template();
    const ws = sheet(wb);
    expect((ws.getRow(6).values as unknown[]).slice(1)).toEqual([
      'Mã đơn vị',
      'Đơn vị',
      'Mã chỉ tiêu',
      'Mã chỉ số',
      'Chỉ số',
      'ĐVT',
      'Kỳ trước',
      'Giá trị',
      'Tử số',
      'Mẫu số',
      'Đạt (Có/Không)',
      'Ghi chú',
      'Minh chứng (link)',
    ]);
    expect(ws.getCell('A4').value).toBe(
      'Kỳ báo cáo: 6 tháng cuối năm 2024 (01/07/2024 – 31/12/2024) — Hạn nộp: 10/01/2025',
    );
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    // exceljs reads the protection but does not declare it in its types.
    expect('sheetProtection' in ws ? ws.sheetProtection : undefined).toMatchObject({ sheet: true });
    let rows = 0;
    ws.eachRow((_row, n) => {
      if (n > 6) rows++;
    });
    expect(rows).toBe(12);
    const poverty = rowOf(wb, 'THOATNGHEO');
    expect(ws.getCell(poverty, 8).protection).toMatchObject({ locked: false });
    expect(ws.getCell(poverty, 9).protection?.locked).not.toBe(false);
    expect(ws.getCell(poverty, 1).protection?.locked).not.toBe(false);
    expect(ws.getCell(poverty, 8).dataValidation).toMatchObject({
      type: 'whole',
      operator: 'greaterThanOrEqual',
    });
    expect(typeof ws.getCell(poverty, 7).value).toBe('number'); // 2024-H1, from the demo
    const meeting = rowOf(wb, 'HD5LH');
    expect(ws.getCell(meeting, 11).dataValidation).toMatchObject({ type: 'list', formulae: ['"Có,Không"'] });
    const meta = worksheet(wb, 'ChiTieu');
    expect(meta.state).toBe('veryHidden');
    expect(meta.getCell('B4').value).toBe(ids().phuThuy);
    expect(meta.getCell('B5').value).toBe(ids().h2);
  });

  it('is refused for a unit outside the user’s scope, and without a session', async () => {
    const path = `/api/entry/template.xlsx?${query()}`;
    const outside = await as('nhap.phuthuy').get(`/api/entry/template.xlsx?${query(ids().phanThiet)}`);
    expect(outside.status).toBe(403);
    expect(outside.error?.message).toContain('không có quyền');
    expect((await api(site.url).get(path)).status).toBe(401);
  });
});

/** Fill the Phú Thủy 2024-H2 template the ways people (and their tools) do. */
async function filled() {
  const wb = await template();
  const ws = sheet(wb);
  ws.getCell(rowOf(wb, 'THOATNGHEO'), 8).value = 30; // a number
  ws.getCell(rowOf(wb, 'THOATNGHEO'), 12).value = 'Chương trình sinh kế';
  ws.getCell(rowOf(wb, 'NTM_GT'), 8).value = '1.540.000.000'; // Vietnamese text
  // Far above the half-year before (20 triệu, 1 công trình): flagged, so each carries its reason.
  ws.getCell(rowOf(wb, 'NTM_GT'), 12).value = 'Cầu dân sinh do tỉnh đầu tư';
  ws.getCell(rowOf(wb, 'NTM_CT'), 12).value = 'Ra quân làm đường cả phường';
  ws.getCell(rowOf(wb, 'NTM_CT'), 8).value = { formula: 'G8+1', result: 25 }; // formula result
  ws.getCell(rowOf(wb, 'NANNHAN'), 9).value = { richText: [{ text: '3' }] };
  ws.getCell(rowOf(wb, 'NANNHAN'), 10).value = '4';
  ws.getCell(rowOf(wb, 'HD5LH'), 11).value = 'Có';
  ws.getCell(rowOf(wb, 'HD5LH'), 13).value = { text: 'Biên bản', hyperlink: 'https://hoi.vn/bb.pdf' };
  return bytesOf(wb);
}

/** Steps a test stands on, each checked as it is taken. */
async function step(reply: Promise<Reply<unknown>>) {
  const { status, error } = await reply;
  expect(error).toBeUndefined();
  expect(status).toBe(200);
}
/** Phú Thủy's half-year imported from the filled template and sent for approval. */
async function importedAndSent() {
  await step(apply(await filled()));
  await step(submit());
}

describe('uploading a filled template', () => {
  it('previews the changes (raw body or multipart), writing nothing', async () => {
    const before = state();
    const bytes = await filled();
    const raw = await preview(bytes);
    expect(raw.status).toBe(200);
    expect(raw.body.problems).toEqual([]);
    expect(raw.body.unchanged).toBe(7);
    expect(raw.body.changes.map((c) => [c.indicatorCode, c.afterText])).toEqual(
      expect.arrayContaining([
        ['THOATNGHEO', '30 hộ'],
        ['NTM_GT', '1,54 tỷ đồng'],
        ['NTM_CT', '25 công trình'],
        ['NANNHAN', '3/4 (75,0%)'],
        ['HD5LH', 'Có'],
      ]),
    );
    expect(raw.body.changes.find((c) => c.indicatorCode === 'THOATNGHEO')).toMatchObject({
      unitCode: '22924',
      unitName: 'Phường Phú Thủy',
      before: null,
      after: { value: 30 },
    });
    const form = await preview(bytes, { multipart: true });
    expect(form.body).toEqual(raw.body);
    expect(state()).toEqual(before);
  });

  it('applies it in one transaction: the grid, the audit trail and, once submitted, the dashboard follow', async () => {
    const submittedBefore = await provinceFigure('submitted');
    const applied = await apply(await filled());
    expect(applied.status).toBe(200);
    expect(applied.body).toEqual({ applied: 5, created: 5, updated: 0, unchanged: 7, reportsStarted: 1 });

    const { body } = await grid();
    const value = (code: string) => body.rows.find((r) => r.indicator.code === code)?.result;
    expect(value('THOATNGHEO')).toMatchObject({ value: 30, note: 'Chương trình sinh kế', version: 1 });
    expect(value('NTM_GT')?.value).toBe(1_540_000_000);
    // The import is judged like a save in the grid: the flags are stored with the results.
    expect(value('NTM_GT')?.flag).toBe('far_above_previous');
    expect(value('NTM_CT')?.flag).toBe('far_above_previous');
    expect(value('NANNHAN')?.flag).toBeNull();
    expect(value('NANNHAN')).toMatchObject({ numerator: 3, denominator: 4 });
    expect(value('HD5LH')).toMatchObject({ meets: true, evidenceUrl: 'https://hoi.vn/bb.pdf' });
    expect(body.submission?.state).toBe('draft');

    const audit = await as('nhap.phuthuy').get<z.infer<typeof AuditSchema>>(
      `/api/audit?unitId=${ids().phuThuy}`,
    );
    const imported = audit.body.filter((e) => e.reason === 'Nhập từ tệp Excel');
    expect(imported).toHaveLength(5);
    expect(imported[0]?.userName).toBe('Hội LHPN phường Phú Thủy');

    // A draft does not count; once submitted, the province's figure moves by the imported 30.
    expect(await provinceFigure('submitted')).toBe(submittedBefore);
    expect((await submit()).status).toBe(200);
    expect(await provinceFigure('submitted')).toBe((submittedBefore ?? 0) + 30);
  });

  it('refuses to change a submitted report, per row, and writes nothing', async () => {
    await importedAndSent();
    const wb = await template();
    sheet(wb).getCell(rowOf(wb, 'THOATNGHEO'), 8).value = 31;
    const before = state();
    const previewed = await preview(await bytesOf(wb));
    expect(previewed.body.problems).toEqual([
      expect.objectContaining({
        cell: `H${rowOf(wb, 'THOATNGHEO')}`,
        message: expect.stringContaining('chờ duyệt'),
      }),
    ]);
    const applied = await apply(await bytesOf(wb));
    expect(applied.status).toBe(400);
    expect(problemsOf(applied)).toHaveLength(1);
    expect(state()).toEqual(before);
  });
});

describe('bad uploads get a clear 4xx in Vietnamese and change nothing', () => {
  // Every test here is a refusal, and the check after each proves it left results, reports, the
  // audit trail and the data revision as they were: so they share one server, whose upload worker
  // (loading exceljs in it takes a second) stays warm from one file to the next.
  let shared: Site & { close: () => Promise<void> };
  beforeAll(async () => {
    const { db } = demoDatabase();
    const server = await startTestServer(db, { today });
    const cookies = new Map<string, string>();
    for (const user of users) cookies.set(user, (await loginAs(server.url, user)).cookie);
    shared = {
      url: server.url,
      db,
      headers: (user) => ({ cookie: cookies.get(user) ?? '', origin: server.url }),
      close: async () => {
        await server.close();
        db.$client.close();
      },
    };
  });
  afterAll(() => shared.close());
  let before: ReturnType<typeof state>;
  beforeEach(() => {
    site = shared;
    before = state();
  });
  afterEach(() => {
    expect(state()).toEqual(before);
  });

  const expectError = (res: Reply<unknown>, status: number, words: string) => {
    expect(res.status).toBe(status);
    expect(res.error?.message).toContain(words);
  };

  it('refuses a PDF, random bytes, an empty body and a .docx', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj << >> endobj\n%%EOF\n');
    const random = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 31 + 7) % 256);
    const docx = await new JSZip()
      .file('word/document.xml', '<w:document/>')
      .generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    for (const bytes of [pdf, random, docx]) {
      expectError(await apply(bytes), 400, 'Tệp không phải là bảng tính Excel (.xlsx).');
    }
    expectError(await preview(new Uint8Array(0)), 400, 'Chưa có tệp');
    expectError(await preview(pdf, { multipart: true }), 400, 'Tệp không phải là bảng tính Excel (.xlsx).');
  });

  it('refuses a file over 5 MB with 413', async () => {
    const big = new Uint8Array(6 * 1024 * 1024);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    const res = await apply(big);
    expect(res.status).toBe(413);
    expect(res.error?.code).toBe('payload_too_large');
    expect(res.error?.message).toContain('quá lớn');
    // Between the JSON limit (1 MB) and the upload limit (5 MB) a file is read, not refused for size.
    const medium = new Uint8Array(2 * 1024 * 1024);
    medium.set([0x25, 0x50, 0x44, 0x46]);
    expectError(await apply(medium), 400, 'Tệp không phải là bảng tính Excel (.xlsx).');
  });

  it('refuses a zip bomb without inflating it', async () => {
    const bomb = await new JSZip()
      .file('xl/worksheets/sheet1.xml', new Uint8Array(100 * 1024 * 1024))
      .generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expectError(await apply(bomb), 400, 'giải nén ra quá lớn');
  });

  it('refuses the template of another unit or another period, naming both', async () => {
    const phuHai = await template('admin', ids().phuHai);
    expectError(
      await apply(await bytesOf(phuHai)),
      400,
      'Tệp này là biểu mẫu của Phường Phú Hài, 6 tháng cuối năm 2024, không phải của Phường Phú Thủy, 6 tháng cuối năm 2024',
    );
    const h1 = await template('nhap.phuthuy', ids().phuThuy, ids().h1);
    expectError(
      await preview(await bytesOf(h1)),
      400,
      '6 tháng đầu năm 2024, không phải của Phường Phú Thủy, 6 tháng cuối năm 2024',
    );
  });

  it('refuses a whole file for a unit the user may not read (403), and a cross-site upload', async () => {
    const district = await template('duyet.phanthiet', ids().phanThiet);
    expectError(await preview(await bytesOf(district), { unitId: ids().phanThiet }), 403, 'không có quyền');
    const { cookie = '' } = site.headers('nhap.phuthuy');
    const res = await fetch(`${site.url}/api/entry/import/preview?${query()}`, {
      method: 'POST',
      headers: { cookie, 'content-type': XLSX_TYPE },
      body: await bytesOf(await template()),
    });
    expect(res.status).toBe(403);
    // The route that once answered both ways by a flag answers nothing now.
    const old = await fetch(`${site.url}/api/entry/import?${query()}&apply=true`, {
      method: 'POST',
      headers: { ...site.headers('nhap.phuthuy'), 'content-type': XLSX_TYPE },
      body: await bytesOf(await template()),
    });
    expect(old.status).toBe(404);
  });

  it('lists a problem per bad row and cell, and refuses to apply any of it', async () => {
    const wb = await template();
    const ws = sheet(wb);
    const add = (values: ExcelJS.CellValue[]) => {
      const n = ws.rowCount + 1;
      ws.getRow(n).values = values;
      return n;
    };
    const poverty = rowOf(wb, 'THOATNGHEO');
    ws.getCell(poverty, 8).value = '12 hộ'; // letters
    ws.getCell(rowOf(wb, 'GD5K3S'), 8).value = -4; // negative
    ws.getCell(rowOf(wb, 'HTX'), 8).value = 2.5; // a fraction of a countable unit
    ws.getCell(rowOf(wb, 'NANNHAN'), 9).value = 9; // numerator above denominator
    ws.getCell(rowOf(wb, 'NANNHAN'), 10).value = 4;
    // A date, as Excel stores "30/06/2025" typed into the cell: a serial number shown in a date format.
    // (exceljs shares style objects between cells read from a file: give this cell its own.)
    const date = ws.getCell(rowOf(wb, 'CBGIOI'), 8);
    date.value = new Date('2025-06-30');
    date.style = { ...date.style, numFmt: 'dd/mm/yyyy' };
    ws.getCell(rowOf(wb, 'CNTT_GIAI'), 8).value = { formula: '1/0', result: { error: '#DIV/0!' } };
    const unknownUnit = add(['99999', '', '', 'NTM_CT', '', '', '', 1]);
    const otherUnit = add(['22921', 'Phú Hài', '', 'NTM_CT', '', '', '', 1]);
    const unknownIndicator = add(['22924', '', '', 'KHONGCO', '', '', '', 1]);
    const duplicate = add(['22924', '', '', 'THOATNGHEO', '', '', '', 5]);
    const previewed = await preview(await bytesOf(wb));
    expect(previewed.status).toBe(200);
    const problems = previewed.body.problems.map((p) => `${p.cell}: ${p.message}`);
    const at = (col: string, code: string) => `${col}${rowOf(wb, code)}`;
    expect(problems).toEqual([
      `H${poverty}: Không phải là số hợp lệ. Ví dụ: 3.000.`,
      `${at('H', 'GD5K3S')}: Không được nhập số âm.`,
      `${at('I', 'NANNHAN')}: Tử số không được lớn hơn mẫu số.`,
      `${at('H', 'HTX')}: Chỉ được nhập số nguyên, không có phần thập phân.`,
      `${at('H', 'CBGIOI')}: Ô chứa ngày tháng, không phải số. Hãy nhập số (ví dụ 3.000 hoặc 11,54).`,
      `${at('H', 'CNTT_GIAI')}: Ô bị lỗi #DIV/0!: hãy sửa công thức hoặc nhập số.`,
      `A${unknownUnit}: Không có đơn vị mã “99999”.`,
      `A${otherUnit}: Đơn vị “Phường Phú Hài” (mã 22921) không thuộc biểu mẫu của “Phường Phú Thủy”: không nhập được ở đây.`,
      `D${unknownIndicator}: Mã chỉ số “KHONGCO” không có trong các chỉ tiêu của nhiệm kỳ cho kỳ này.`,
      `A${duplicate}: Trùng với dòng ${poverty}: cùng đơn vị “Phường Phú Thủy” và chỉ số THOATNGHEO.`,
    ]);
    expect(previewed.body.problems[0]).toMatchObject({ sheet: 'Nhập liệu', row: poverty });
    const applied = await apply(await bytesOf(wb));
    expect(applied.status).toBe(400);
    expect(applied.error?.message).toBe('Tệp có 10 lỗi, chưa ghi số liệu nào. Hãy sửa rồi tải lên lại.');
    expect(problemsOf(applied)).toHaveLength(10);
  });

  it('left results, reports, the audit trail and the data revision as they were', async () => {
    // Good rows beside one bad row: the file is refused whole, the good rows are not written either.
    const wb = await template();
    sheet(wb).getCell(rowOf(wb, 'THOATNGHEO'), 8).value = 30;
    sheet(wb).getCell(rowOf(wb, 'GD5K3S'), 8).value = -4;
    expectError(await apply(await bytesOf(wb)), 400, 'chưa ghi số liệu nào');
    const { body } = await grid();
    expect(body.rows.find((r) => r.indicator.code === 'THOATNGHEO')?.result).toBeNull();
    expect(body.submission).toBeNull();
  });
});
