/**
 * The report page in a real browser: the built app served by the API on a fresh demo database.
 * Headless Chromium signs in, opens the report from the overview, reads it, clicks "Xuất báo cáo
 * (DOCX)" and receives the file, prints the page to PDF, and edits the narrative as a manager.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD, seedDemoReport } from '@chitieu/db';
import { demoDatabase } from '@chitieu/db/testing';
import { docxText, readDocx } from '@chitieu/reports';
import { type ServerType, serve } from '@hono/node-server';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../apps/api/src/app.ts';
import { launchBrowser, screenshot, scriptErrorsPerTest } from './harness.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SCREENSHOTS = join(ROOT, 'screenshots');

let api: ServerType | undefined;
let browser: Browser | undefined;
let baseUrl = '';
const pageErrors = scriptErrorsPerTest();

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const { db, termId } = demoDatabase();
  seedDemoReport(db, termId);
  const app = createApp({ db, today: () => '2024-07-10' });
  api = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  baseUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;

  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (api ? api.close(() => resolve()) : resolve()));
});

async function signedInPage(username: string): Promise<Page> {
  if (!browser) throw new Error('browser not started');
  const context = await browser.newContext({
    locale: 'vi-VN',
    viewport: { width: 1366, height: 900 },
    acceptDownloads: true,
  });
  const login = await context.request.post(`${baseUrl}/api/auth/login`, {
    data: { username, password: DEMO_PASSWORD },
    headers: { origin: baseUrl },
  });
  expect(login.status()).toBe(200);
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return page;
}

const REPORT = '/?page=report&term=1&kind=mid_term&unit=1&asOf=2024-06-30';

async function waitForCharts(page: Page) {
  await page.waitForFunction(
    () => {
      const images = [...document.querySelectorAll<HTMLImageElement>('.report-doc__chart img')];
      return images.length === 3 && images.every((img) => img.complete && img.naturalWidth > 0);
    },
    undefined,
    { timeout: 60_000 },
  );
}

describe('report page', () => {
  test('shows the report as it prints; "Xuất báo cáo (DOCX)" downloads the file', async () => {
    const page = await signedInPage('lanhdao');
    await page.goto(`${baseUrl}${REPORT}`);
    await page
      .getByRole('heading', { level: 2, name: 'Báo cáo sơ kết giữa nhiệm kỳ', exact: true })
      .waitFor({ timeout: 60_000 });
    const doc = page.locator('.report-doc');
    await doc.waitFor();
    const text = (await doc.textContent()) ?? '';
    for (const expected of [
      'HỘI LHPN TỈNH BÌNH THUẬN',
      'BAN THƯỜNG VỤ',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 45/BC-HPN',
      'Phan Thiết, ngày 10 tháng 7 năm 2024',
      'Hoàn thành 7/8 chỉ tiêu',
      '124/124 cơ sở',
      '2.986',
      '106,6%',
      'Trị giá 11,54 tỷ đồng',
      'số chính xác đến đồng ở Phụ lục',
      'CT1: a/b = số cơ sở Hội đạt/tổng số cơ sở Hội của đơn vị.',
      'Số liệu minh họa',
      'V. NHIỆM VỤ, GIẢI PHÁP NỬA NHIỆM KỲ CÒN LẠI',
      'Nơi nhận:',
      'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THEO ĐƠN VỊ',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(await page.locator('tr[data-code="CT2"] td').nth(4).textContent()).toBe('746');
    // Money in the row's scale, as the DOCX prints it.
    const ct7 = page.locator('tr[data-code="CT7"] td');
    expect([
      await ct7.nth(2).textContent(),
      await ct7.nth(3).textContent(),
      await ct7.nth(4).textContent(),
    ]).toEqual(['tỷ đồng', '20', '21,35']);
    // A viewer may export but neither edit nor issue.
    expect(await page.getByRole('button', { name: 'Sửa thiết lập và nội dung' }).count()).toBe(0);
    await waitForCharts(page);
    await screenshot(page, 'report-1366x900.png');
    await screenshot(page, 'report-1366x900-full.png', true);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Xuất báo cáo (DOCX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      'Báo cáo sơ kết giữa nhiệm kỳ - Tỉnh Bình Thuận - 30-06-2024.docx',
    );
    const file = join(SCREENSHOTS, 'report-download.docx');
    await download.saveAs(file);
    const { readFileSync } = await import('node:fs');
    const docx = await readDocx(new Uint8Array(readFileSync(file)));
    expect(docxText(docx)).toContain('Hoàn thành 7/8 chỉ tiêu');
    expect(docx.media).toHaveLength(3);

    // Printing: A4 pages with the report only (the toolbar is hidden).
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.report-toolbar').isVisible()).toBe(false);
    await screenshot(page, 'report-print-1366x900.png');
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    writeFileSync(join(SCREENSHOTS, 'report-print.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    // A4 pages (595 × 842 points): the report in portrait, the appendix in landscape.
    const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]/g)].map((m) =>
      m.slice(1, 3).map((x) => Math.round(Number(x))),
    );
    expect(boxes[0]).toEqual([595, 842]);
    expect(boxes).toContainEqual([842, 595]);
    await page.context().close();
  }, 120_000);

  test('a manager edits the narrative and the report shows it; a stale save is refused', async () => {
    const page = await signedInPage('quanly');
    await page.goto(`${baseUrl}${REPORT}`);
    await page.getByRole('button', { name: 'Sửa thiết lập và nội dung' }).click();
    const form = page.getByRole('form', { name: 'Thiết lập và nội dung báo cáo' });
    await form.getByLabel('Họ tên người ký').fill('Trần Thị <B> & "C"');
    await form
      .getByLabel('Phần 2: nội dung (mỗi dòng một đoạn)')
      .fill('Một đoạn mới về hạn chế.\nĐoạn thứ hai.');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await form.waitFor({ state: 'detached' });
    const doc = page.locator('.report-doc');
    await doc.getByText('Trần Thị <B> & "C"').waitFor();
    expect(await doc.getByText('Đoạn thứ hai.').count()).toBe(1);

    // Someone else saves meanwhile: this page's next save says so, and offers the newer version.
    await page.getByRole('button', { name: 'Sửa thiết lập và nội dung' }).click();
    const current = await page.request.get(`${baseUrl}/api/terms/1/reports/mid_term`);
    const { settings } = await current.json();
    const { termId: _t, kind: _k, stored: _s, ...body } = settings;
    const other = await page.request.put(`${baseUrl}/api/terms/1/reports/mid_term`, {
      data: { ...body, place: 'Phan Thiết' },
      headers: { origin: baseUrl },
    });
    expect(other.status()).toBe(200);
    await form.getByLabel('Số văn bản').fill('47');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Báo cáo vừa được người khác sửa').waitFor();
    await screenshot(page, 'report-conflict-1366x900.png');
    await page.context().close();
  }, 120_000);

  test('a district viewer asking for the province gets the reason, not a report', async () => {
    const page = await signedInPage('xem.phanthiet');
    await page.goto(`${baseUrl}${REPORT}`);
    const alert = page.getByRole('alert').filter({ hasText: 'Không tải được báo cáo' });
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.textContent()).toContain('Bạn không có quyền xem số liệu của đơn vị này.');
    const denied = await page.request.get(`${baseUrl}/api/terms/1/reports/mid_term/download/docx?unitId=1`);
    expect(denied.status()).toBe(403);
    await page.context().close();
  });

  test("the city's own report: its letterhead, a manager gives it a number and issues it, the page names the issue", async () => {
    const viewer = await signedInPage('xem.phanthiet');
    await viewer.goto(`${baseUrl}/?page=report&term=1&kind=mid_term`);
    const doc = viewer.locator('.report-doc');
    await doc.waitFor({ timeout: 60_000 });
    const text = (await doc.textContent()) ?? '';
    expect(text).toContain('HỘI LHPN THÀNH PHỐ PHAN THIẾT');
    expect(text).toContain('tại thành phố Phan Thiết');
    expect(text).not.toContain('HỘI LHPN TỈNH BÌNH THUẬN');
    expect(text).not.toContain('Qua nửa nhiệm kỳ');
    await waitForCharts(viewer);
    await viewer.setViewportSize({ width: 390, height: 844 });
    await screenshot(viewer, 'report-phan-thiet-390x844.png');
    await viewer.context().close();

    const page = await signedInPage('quanly');
    const phanThiet = '/?page=report&term=1&kind=mid_term&unit=2&asOf=2024-06-30';
    await page.goto(`${baseUrl}${phanThiet}`);
    await page.locator('.report-doc').waitFor({ timeout: 60_000 });
    expect(await page.locator('.report-doc__number').textContent()).toBe('Số:      /BC-HPN');
    await page.getByRole('button', { name: 'Sửa thiết lập và nội dung' }).click();
    const form = page.getByRole('form', { name: 'Thiết lập và nội dung báo cáo' });
    await form.getByLabel('Số văn bản').fill('12');
    await form.getByLabel('Ngày báo cáo').fill('15/07/2024');
    await screenshot(page, 'report-editor-1366x900.png');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await form.waitFor({ state: 'detached' });
    await page.locator('.report-doc__number', { hasText: 'Số: 12/BC-HPN' }).waitFor();
    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: 'Ban hành' }).click();
    const issued = page.getByRole('region', { name: 'Bản đã ban hành' });
    await issued.waitFor({ timeout: 60_000 });
    expect(await issued.textContent()).toContain(
      'Bản ban hành gần nhất của Thành phố Phan Thiết: số 12/BC-HPN ngày 15/07/2024, số liệu đến 30/06/2024',
    );
    expect(await issued.textContent()).toContain('Số liệu hiện nay khớp với bản đã ban hành.');
    // When it was issued, in Vietnam's time, as every other instant in the app is written.
    expect(await issued.textContent()).toMatch(/ban hành lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}[,)]/);
    await screenshot(page, 'report-issued-1366x900.png');
    await page.context().close();
  }, 180_000);
});
