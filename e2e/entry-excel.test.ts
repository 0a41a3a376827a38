/**
 * Excel in and out from the entry page, in real Chromium on a fresh copy of the demo: download the
 * template, fill in a value as an officer would in Excel, upload it, check the preview, write it.
 */
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assertReady,
  demoIds,
  launchBrowser,
  newPage,
  screenshot,
  scriptErrorsPerTest,
  signIn,
  startServer,
  storedResults,
} from './harness.ts';

let browser: Browser | undefined;
const pageErrors = scriptErrorsPerTest();

beforeAll(async () => {
  assertReady();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('Excel template', () => {
  test('downloaded, filled in, previewed and written', async () => {
    if (!browser) throw new Error('browser not started');
    const server = await startServer();
    const { context, page } = await newPage(browser, pageErrors);
    try {
      await signIn(page, server.baseUrl, 'nhap.phuthuy');
      const ids = await demoIds(page, server.baseUrl);
      await page.goto(
        `${server.baseUrl}/?page=entry&term=${ids.termId}&unit=${ids.phuThuy}&period=${ids.h2of2024}`,
      );
      await page.locator('.entry-grid').waitFor();

      // The link is a real file download of this unit and period.
      const href = await page.getByRole('link', { name: 'Tải biểu mẫu Excel' }).getAttribute('href');
      if (!href) throw new Error('no template link');
      const download = await page.request.get(new URL(href, server.baseUrl).href);
      expect(download.status()).toBe(200);
      expect(download.headers()['content-disposition']).toContain('attachment');

      // Filled in as in Excel: 21 households out of poverty.
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await download.body()) as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Nhập liệu');
      if (!sheet) throw new Error('no entry sheet');
      let header = 0;
      sheet.eachRow((row, n) => {
        if (header === 0 && row.values && (row.values as unknown[]).includes('Mã chỉ số')) header = n;
      });
      const columns = sheet.getRow(header).values as unknown[];
      const codeColumn = columns.indexOf('Mã chỉ số');
      const valueColumn = columns.indexOf('Giá trị');
      let filled = false;
      sheet.eachRow((row) => {
        if (row.getCell(codeColumn).value === 'THOATNGHEO') {
          row.getCell(valueColumn).value = 21;
          filled = true;
        }
      });
      expect(filled).toBe(true);
      const buffer = Buffer.from(await workbook.xlsx.writeBuffer());

      await page.locator('input[type="file"]').setInputFiles({
        name: 'bieu-mau.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer,
      });
      const dialog = page.getByRole('dialog', { name: /Nhập từ tệp bieu-mau\.xlsx/ });
      await dialog.getByText('1 giá trị sẽ thay đổi').waitFor();
      expect(await dialog.textContent()).toContain('21 hộ');
      await screenshot(page, 'entry-excel-1366x900.png');
      await dialog.getByRole('button', { name: 'Ghi 1 thay đổi' }).click();
      await page.getByText('Đã ghi 1 giá trị từ tệp Excel.').waitFor();
      await page
        .locator('tr.entry-row[data-indicator="THOATNGHEO"] input[data-field="value"][value="21"]')
        .waitFor();
      const stored = await storedResults(page, server.baseUrl, ids, ids.phuThuy, ids.h2of2024);
      expect(stored.results.get('THOATNGHEO')?.value).toBe(21);
    } finally {
      await context.close();
      await server.close();
    }
  });
});
