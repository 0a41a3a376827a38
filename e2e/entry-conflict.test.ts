/**
 * Two people on the same cell, and text that must survive a refresh: each test on a fresh copy of
 * the demo database, in real Chromium.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assertReady,
  demoIds,
  launchBrowser,
  newPage,
  PHONE,
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

const open = (options: Parameters<Browser['newContext']>[0] = {}) => {
  if (!browser) throw new Error('browser not started');
  return newPage(browser, pageErrors, options);
};

const rowSel = (code: string) => `tr.entry-row[data-indicator="${code}"]`;
const cell = (page: Page, code: string, field = 'value') =>
  page.locator(`${rowSel(code)} input[data-field="${field}"]`);
const waitStatus = (page: Page, code: string, text: string) =>
  page.locator(`${rowSel(code)} .row-status`, { hasText: text }).waitFor();

async function typeInto(page: Page, code: string, text: string) {
  await cell(page, code).focus();
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

describe('two browsers on the same cell', () => {
  test('the second save sees both values; "Giữ giá trị của tôi" wins, "Lấy giá trị mới" takes theirs', async () => {
    const server = await startServer();
    const { baseUrl } = server;
    const first = await open();
    const second = await open();
    try {
      const admin = first.page;
      const staff = second.page;
      await signIn(admin, baseUrl, 'admin');
      const ids = await demoIds(admin, baseUrl);
      const path = `/?page=entry&term=${ids.termId}&unit=${ids.phuThuy}&period=${ids.h2of2024}`;
      await admin.goto(`${baseUrl}${path}`);
      await signIn(staff, baseUrl, 'nhap.phuthuy', path);
      for (const page of [admin, staff]) {
        await page
          .locator('.report-bar__title', { hasText: 'Phường Phú Thủy · 6 tháng cuối năm 2024' })
          .waitFor();
      }

      // Both loaded an empty cell; the administrator saves first.
      await typeInto(admin, 'THOATNGHEO', '10');
      await waitStatus(admin, 'THOATNGHEO', 'Đã lưu');
      await typeInto(staff, 'THOATNGHEO', '20');
      const conflict = staff.locator(`tr.entry-conflict[data-indicator="THOATNGHEO"]`);
      await conflict.waitFor();
      const text = (await conflict.textContent()) ?? '';
      expect(text).toContain('Giá trị của bạn: 20 hộ');
      expect(text).toContain('Giá trị của Quản trị hệ thống: 10 hộ');
      await waitStatus(staff, 'THOATNGHEO', 'Cần chọn giá trị');
      await screenshot(staff, 'entry-conflict-1366x900.png');
      await conflict.getByRole('button', { name: 'Giữ giá trị của tôi' }).click();
      await waitStatus(staff, 'THOATNGHEO', 'Đã lưu');
      expect(await conflict.count()).toBe(0);
      const kept = (await storedResults(staff, baseUrl, ids, ids.phuThuy, ids.h2of2024)).results.get(
        'THOATNGHEO',
      );
      expect(kept).toMatchObject({ value: 20, version: 2 });
      await admin.reload();
      await admin.locator('.entry-grid').waitFor();
      expect(await cell(admin, 'THOATNGHEO').inputValue()).toBe('20');

      // The other way: the newer value is taken.
      await typeInto(admin, 'NTM_CT', '7');
      await waitStatus(admin, 'NTM_CT', 'Đã lưu');
      await typeInto(staff, 'NTM_CT', '9');
      const newer = staff.locator(`tr.entry-conflict[data-indicator="NTM_CT"]`);
      await newer.getByRole('button', { name: 'Lấy giá trị mới' }).click();
      expect(await newer.count()).toBe(0);
      expect(await cell(staff, 'NTM_CT').inputValue()).toBe('7');
      const taken = (await storedResults(staff, baseUrl, ids, ids.phuThuy, ids.h2of2024)).results.get(
        'NTM_CT',
      );
      expect(taken).toMatchObject({ value: 7, version: 1 });
    } finally {
      await first.context.close();
      await second.context.close();
      await server.close();
    }
  }, 120_000);
});

describe('unsaved text', () => {
  test('typed text survives a refresh and is saved afterwards; the grid on a phone', async () => {
    const server = await startServer();
    const { baseUrl } = server;
    const { context, page } = await open(PHONE);
    try {
      await signIn(page, baseUrl, 'nhap.phuthuy');
      const ids = await demoIds(page, baseUrl);
      await page.goto(`${baseUrl}/?page=entry&term=${ids.termId}&unit=${ids.phuThuy}&period=${ids.h2of2024}`);
      await page.locator('.entry-grid').waitFor();
      await typeInto(page, 'THOATNGHEO', '8');
      await waitStatus(page, 'THOATNGHEO', 'Đã lưu');
      // Typed, not left: nothing saved yet, but kept in this browser.
      await cell(page, 'GD5K3S').focus();
      await page.keyboard.type('33');
      await page.reload();
      await page.locator('.entry-grid').waitFor();
      expect(await cell(page, 'GD5K3S').inputValue()).toBe('33');
      await waitStatus(page, 'GD5K3S', 'Chưa lưu');
      await page.getByText('Có nội dung chưa lưu từ lần trước').waitFor();
      await screenshot(page, 'entry-390x844.png');
      await screenshot(page, 'entry-390x844-full.png', true);
      await page.getByRole('button', { name: 'Lưu các ô này' }).click();
      await waitStatus(page, 'GD5K3S', 'Đã lưu');
      const stored = await storedResults(page, baseUrl, ids, ids.phuThuy, ids.h2of2024);
      expect(stored.results.get('GD5K3S')?.value).toBe(33);
      expect(stored.results.get('THOATNGHEO')?.value).toBe(8);
      // Nothing sticks out sideways on a phone.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
      await server.close();
    }
  }, 120_000);
});
