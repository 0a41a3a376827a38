/**
 * The reports as an office opens and prints them. The province's report and Phan Thiết's (its own
 * settings, numbered 12) are downloaded over HTTP as DOCX and XLSX and converted to PDF by LibreOffice
 * in a Vietnamese locale, as are the workbooks with their formulas' cached results removed (LibreOffice
 * then calculates every formula itself). From the PDFs' text: the letterhead, the national motto, the
 * number and the title, and every target's figure and percentage, compared with the dashboard API.
 * The first two pages of both DOCX are compared with reference images (e2e/reference/), so that a
 * layout change is always deliberate: UPDATE_REPORT_REFERENCES=1 writes new ones (look at them!).
 */
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schema, seedDemoReport } from '@chitieu/db';
import { demoDatabase } from '@chitieu/db/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, startTestServer } from '../apps/api/src/testing.ts';
import {
  comparePages,
  convertToPdf,
  type Dashboard,
  expectedRow,
  flat,
  PAGE_TOLERANCE,
  type PdfWord,
  pageFile,
  pdfPages,
  pdfText,
  pdfWords,
  renderPages,
  withoutCachedValues,
  xlsxTargetLine,
} from './libreoffice.ts';
import { readGreyPng, writeGreyPng } from './png.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const REFERENCES = join(ROOT, 'e2e', 'reference');
const ARTIFACTS = join(ROOT, 'screenshots', 'report-libreoffice');
const DPI = 60;

// ---------------------------------------------------------------- reading the PDFs

/**
 * The targets table of a DOCX as printed, read by position: the words of each column between the
 * rows' numbers (STT). The column edges come from the DOCX's column widths, placed by the printed
 * "STT" of each page's header row; the rows are the numbers in the STT column (cells are centred
 * vertically, so a cell's words sit around its row's number).
 */
function docxTargetRows(words: PdfWord[]): Record<'unit' | 'goal' | 'result' | 'pct' | 'status', string>[] {
  // Twips: STT, Chỉ tiêu, ĐVT, Chỉ tiêu NQ, Kết quả, Tỷ lệ, Đánh giá (as report-docx.ts).
  const widths = [640, 2400, 800, 1000, 1250, 950, 900].map((w) => w / 20);
  const edges = [0];
  for (const w of widths) edges.push((edges.at(-1) as number) + w);
  const start = words.find(
    (w) => w.text === 'Bảng' && words.some((n) => n.page === w.page && n.text === '1.'),
  );
  const end = words.find(
    (w) =>
      start &&
      (w.page > start.page || (w.page === start.page && w.y0 > start.y1)) &&
      ((w.text === 'Ghi' &&
        words.some((n) => n.page === w.page && Math.abs(n.y0 - w.y0) < 1 && n.text === 'số')) ||
        (w.text === '2.' &&
          words.some((n) => n.page === w.page && Math.abs(n.y0 - w.y0) < 1 && n.text === 'Biểu'))),
  );
  if (!start || !end) throw new Error('targets table not found in the PDF');
  const inTable = (w: PdfWord) =>
    (w.page > start.page || (w.page === start.page && w.y0 > start.y1)) &&
    (w.page < end.page || (w.page === end.page && w.y1 < end.y0));
  const table = words.filter(inTable);
  const rows: Record<'unit' | 'goal' | 'result' | 'pct' | 'status', string>[] = [];
  for (const page of [...new Set(table.map((w) => w.page))]) {
    const on = table.filter((w) => w.page === page);
    const sttHeader = on.find((w) => w.text === 'STT');
    if (!sttHeader) throw new Error(`no header row on page ${page}`);
    const left = (sttHeader.x0 + sttHeader.x1) / 2 - (edges[1] as number) / 2;
    const column = (w: PdfWord) => {
      const x = (w.x0 + w.x1) / 2 - left;
      return edges.findIndex((e, i) => i < edges.length - 1 && x >= e && x < (edges[i + 1] as number));
    };
    // Rows start below the header row (its last line is "NQ" of "Chỉ tiêu NQ" / "với NQ").
    const headerBottom = Math.max(
      ...on.filter((w) => w.y0 < sttHeader.y1 + 30 && w.text === 'NQ').map((w) => w.y1),
    );
    // Group rows ("A. …", "B. …") span the columns: leave their line out.
    const groupLines = on.filter((w) => /^[AB]\.$/.test(w.text) && column(w) === 0).map((w) => w.y0);
    const body = on.filter((w) => w.y0 > headerBottom && !groupLines.some((y) => Math.abs(w.y0 - y) < 2));
    const anchors = body.filter((w) => column(w) === 0 && /^\d+$/.test(w.text)).sort((a, b) => a.y0 - b.y0);
    anchors.forEach((anchor, i) => {
      const mid = (anchor.y0 + anchor.y1) / 2;
      const prev = anchors[i - 1];
      const next = anchors[i + 1];
      const top = prev ? (mid + (prev.y0 + prev.y1) / 2) / 2 : headerBottom;
      const bottom = next ? (mid + (next.y0 + next.y1) / 2) / 2 : Number.POSITIVE_INFINITY;
      const cell = (c: number) =>
        body
          .filter((w) => column(w) === c && (w.y0 + w.y1) / 2 >= top && (w.y0 + w.y1) / 2 < bottom)
          .sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0)
          .map((w) => w.text)
          .join(' ');
      rows.push({ unit: cell(2), goal: cell(3), result: cell(4), pct: cell(5), status: cell(6) });
    });
  }
  return rows;
}

// ---------------------------------------------------------------- the files

let work = '';
const pdf: Record<string, string> = {};
const dashboard: Record<string, Dashboard> = {};
let cachedFormulas = 0;
let phanThiet = 0;

beforeAll(async () => {
  for (const tool of ['soffice', 'pdftotext', 'pdftoppm', 'pdfinfo']) {
    try {
      execFileSync('which', [tool], { stdio: 'pipe' });
    } catch {
      throw new Error(
        `${tool} is missing: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils`,
      );
    }
  }
  if (!/^vi_VN\.utf-?8$/im.test(execFileSync('locale', ['-a'], { encoding: 'utf8' }))) {
    throw new Error('the vi_VN.UTF-8 locale is not generated (.ci/run generates it)');
  }
  work = mkdtempSync(join(tmpdir(), 'chitieu-libreoffice-'));
  const { db, termId } = demoDatabase();
  seedDemoReport(db, termId);
  phanThiet = db.select().from(schema.units).where(eq(schema.units.code, '593')).get()?.id as number;
  const server = await startTestServer(db, { today: () => '2024-07-20' });
  try {
    const manager = { ...(await loginAs(server.url, 'quanly')), 'content-type': 'application/json' };
    const reader = await loginAs(server.url, 'lanhdao');
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${server.url}/api/terms/${termId}${path}`, { headers: reader, ...init });
    // Phan Thiết's own report: number 12 of 15/07/2024, everything else as its defaults.
    const view = await (await api(`/reports/mid_term?unitId=${phanThiet}`)).json();
    const { termId: _t, kind: _k, stored: _s, ...settings } = view.settings;
    const saved = await api('/reports/mid_term', {
      method: 'PUT',
      headers: manager,
      body: JSON.stringify({ ...settings, documentNumber: '12', reportDate: '2024-07-15' }),
    });
    expect(saved.status).toBe(200);
    const files: string[] = [];
    for (const [name, query] of [
      ['tinh', '?asOf=2024-06-30'],
      ['phan-thiet', `?unitId=${phanThiet}&asOf=2024-06-30`],
    ] as const) {
      dashboard[name] = await (await api(`/dashboard${query}`)).json();
      for (const format of ['docx', 'xlsx'] as const) {
        const res = await api(`/reports/mid_term/download/${format}${query}`);
        expect(res.status).toBe(200);
        const bytes = new Uint8Array(await res.arrayBuffer());
        // One name per PDF: LibreOffice names its output after the input without its extension.
        writeFileSync(join(work, `${name}-${format}.${format}`), bytes);
        files.push(join(work, `${name}-${format}.${format}`));
        if (format === 'xlsx') {
          const stripped = await withoutCachedValues(bytes);
          cachedFormulas += stripped.formulas;
          writeFileSync(join(work, `${name}-tinh-lai-xlsx.xlsx`), stripped.bytes);
          files.push(join(work, `${name}-tinh-lai-xlsx.xlsx`));
        }
      }
    }
    for (const out of convertToPdf(files, join(work, 'pdf'), join(work, 'profile'))) {
      pdf[(out.split('/').at(-1) as string).replace(/\.pdf$/, '')] = out;
    }
  } finally {
    await server.close();
  }
}, 300_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

const scopes = [
  {
    name: 'tinh',
    letterhead: ['HỘI LHPN TỈNH BÌNH THUẬN', 'BAN THƯỜNG VỤ'],
    number: 'Số: 45/BC-HPN',
    date: 'Phan Thiết, ngày 10 tháng 7 năm 2024',
    title:
      'BÁO CÁO Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội đại biểu Phụ nữ tỉnh Bình Thuận lần thứ XV, nhiệm kỳ 2021 – 2026',
  },
  {
    name: 'phan-thiet',
    letterhead: ['HỘI LHPN THÀNH PHỐ PHAN THIẾT', 'BAN THƯỜNG VỤ'],
    number: 'Số: 12/BC-HPN',
    date: 'Phan Thiết, ngày 15 tháng 7 năm 2024',
    title:
      'BÁO CÁO Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội đại biểu Phụ nữ tỉnh Bình Thuận lần thứ XV, nhiệm kỳ 2021–2026 tại thành phố Phan Thiết',
  },
] as const;
const MOTTO = ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'];

describe.each(scopes)('the $name report in LibreOffice (vi_VN)', (scope) => {
  it('DOCX: letterhead, motto, number, title on page 1, the table starting there; every figure as the dashboard', () => {
    const file = pdf[`${scope.name}-docx`] as string;
    const first = flat(pdfText(file, { first: 1, last: 1 }));
    for (const text of [
      ...scope.letterhead,
      ...MOTTO,
      scope.number,
      scope.date,
      scope.title,
      'Bảng 1.',
      'STT',
    ]) {
      expect(first, text).toContain(text);
    }
    const { headline, targets } = dashboard[scope.name] as Dashboard;
    expect(flat(pdfText(file))).toContain(`Hoàn thành ${headline.done}/${headline.counted} chỉ tiêu`);
    const rows = docxTargetRows(pdfWords(file));
    expect(rows).toHaveLength(targets.length);
    targets.forEach((t, i) => {
      expect(rows[i], t.code).toEqual(expectedRow(t));
    });
  });

  it('XLSX as displayed: the same letterhead, motto, number and title, every figure as the dashboard; no raw data printed', () => {
    const file = pdf[`${scope.name}-xlsx`] as string;
    const first = flat(pdfText(file, { first: 1, last: 1 }));
    for (const text of [
      ...scope.letterhead,
      ...MOTTO,
      scope.number,
      scope.date,
      scope.title,
      'Tổng hợp – Trang 1',
    ]) {
      expect(first, text).toContain(text);
    }
    const layout = pdfText(file, { layout: true, first: 1, last: 1 });
    for (const t of (dashboard[scope.name] as Dashboard).targets) {
      expect(
        xlsxTargetLine(layout, t.code, expectedRow(t)),
        `${t.code}: ${JSON.stringify(expectedRow(t))}`,
      ).toBeDefined();
    }
    // The summary and one page per target sheet; the raw data ("Dữ liệu") is not printed.
    const all = pdfText(file);
    expect(all).not.toContain('Mã nhiệm kỳ');
    expect(pdfPages(file)).toBeLessThanOrEqual(1 + (dashboard[scope.name] as Dashboard).targets.length + 1);
  });

  it('XLSX recalculated by LibreOffice with the cached values removed: the same figures and percentages', () => {
    expect(cachedFormulas).toBeGreaterThan(100);
    const layout = pdfText(pdf[`${scope.name}-tinh-lai-xlsx`] as string, { layout: true, first: 1, last: 1 });
    for (const t of (dashboard[scope.name] as Dashboard).targets) {
      expect(
        xlsxTargetLine(layout, t.code, expectedRow(t)),
        `${t.code}: ${JSON.stringify(expectedRow(t))}`,
      ).toBeDefined();
    }
  });

  it('DOCX pages 1 and 2 look as their reference images', () => {
    const file = pdf[`${scope.name}-docx`] as string;
    mkdirSync(ARTIFACTS, { recursive: true });
    const prefix = join(ARTIFACTS, `report-${scope.name}`);
    const pages = renderPages(file, prefix, 1, 2, DPI);
    const digits = String(pdfPages(file)).length;
    const problems: string[] = [];
    pages.forEach((image, i) => {
      const reference = join(REFERENCES, `report-${scope.name}-${i + 1}.png`);
      if (process.env.UPDATE_REPORT_REFERENCES === '1' || !existsSync(reference)) {
        if (process.env.UPDATE_REPORT_REFERENCES !== '1') {
          problems.push(
            `no reference image ${reference}: run with UPDATE_REPORT_REFERENCES=1 and look at it`,
          );
          return;
        }
        mkdirSync(REFERENCES, { recursive: true });
        copyFileSync(pageFile(prefix, i + 1, digits), reference);
        return;
      }
      const result = comparePages(image, readGreyPng(readFileSync(reference)));
      if (result.changedShare > PAGE_TOLERANCE.share) {
        writeFileSync(`${prefix}-${i + 1}-diff.png`, writeGreyPng(result.diff));
        problems.push(
          `page ${i + 1}: ${(result.changedShare * 100).toFixed(3)}% of the pixels changed (allowed ${(PAGE_TOLERANCE.share * 100).toFixed(3)}%); see ${prefix}-${i + 1}-diff.png`,
        );
      }
    });
    expect(problems).toEqual([]);
  });
});

describe('the page comparison', () => {
  it('lets anti-aliasing and hinting pass but not a line that moves', () => {
    const file = pdf['tinh-docx'] as string;
    const reference = readGreyPng(readFileSync(join(REFERENCES, 'report-tinh-1.png')));
    // The same page drawn without anti-aliasing: every glyph edge differs a little.
    const rough = renderPages(file, join(work, 'rough'), 1, 1, DPI);
    execFileSync('pdftoppm', [
      '-png',
      '-gray',
      '-aa',
      'no',
      '-aaVector',
      'no',
      '-r',
      String(DPI),
      '-f',
      '1',
      '-l',
      '1',
      file,
      join(work, 'noaa'),
    ]);
    const noAa = readGreyPng(readFileSync(pageFile(join(work, 'noaa'), 1, String(pdfPages(file)).length)));
    expect(comparePages(rough[0] as typeof reference, reference).changedShare).toBeLessThanOrEqual(
      PAGE_TOLERANCE.share,
    );
    expect(comparePages(noAa, reference).changedShare).toBeLessThanOrEqual(PAGE_TOLERANCE.share);
    // A band of text (the title) moved down by 4 pixels, about a third of a line.
    const moved = { ...reference, pixels: reference.pixels.slice() };
    const { width } = reference;
    const [from, to] = [Math.round(reference.height * 0.15), Math.round(reference.height * 0.2)];
    for (let y = to; y >= from; y--) {
      moved.pixels.set(reference.pixels.subarray((y - 4) * width, (y - 3) * width), y * width);
    }
    expect(comparePages(moved, reference).changedShare).toBeGreaterThan(PAGE_TOLERANCE.share);
  });
});
