/**
 * The sign-in page of the demo, the menu by role, and the reporting cockpit, in real Chromium on a
 * fresh copy of the demo database.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assertReady,
  DEMO_PASSWORD,
  demoIds,
  launchBrowser,
  newPage,
  PHONE,
  screenshot,
  scriptErrorsPerTest,
  signIn,
  startServer,
  type TestServer,
} from './harness.ts';

let browser: Browser | undefined;
let server: TestServer | undefined;
const pageErrors = scriptErrorsPerTest();

beforeAll(async () => {
  assertReady();
  browser = await launchBrowser();
  server = await startServer();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const open = (options: Parameters<Browser['newContext']>[0] = {}) => {
  if (!browser) throw new Error('browser not started');
  return newPage(browser, pageErrors, options);
};
const base = () => {
  if (!server) throw new Error('server not started');
  return server.baseUrl;
};
const menuLinks = (page: Page) =>
  page.getByRole('navigation', { name: 'Các trang' }).getByRole('link').allTextContents();

describe('the sign-in page of the demo', () => {
  test('says it is a demo and lists the demo accounts; a click fills the form', async () => {
    const { context, page } = await open();
    try {
      await page.goto(`${base()}/`);
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
      // The demo flag arrives with /api/meta, after the form: wait for it rather than look once.
      await page.getByText('Bản demo', { exact: true }).waitFor();
      const list = page.getByRole('region', { name: 'Tài khoản dùng thử' });
      await list.waitFor();
      const text = (await list.textContent()) ?? '';
      for (const expected of [
        DEMO_PASSWORD,
        'nhap.phuthuy',
        'Phường Phú Thủy',
        'duyet.phanthiet',
        'Thành phố Phan Thiết',
        'lanhdao',
        'Tỉnh Bình Thuận',
        'Nhập liệu',
        'Duyệt',
        'Xem',
        'Quản trị',
        'Quản lý chỉ tiêu',
      ]) {
        expect(text, expected).toContain(expected);
      }
      expect(await list.getByRole('button').count()).toBe(8);
      await list.getByRole('button', { name: /nhap\.phuthuy/ }).click();
      expect(await page.getByLabel('Tên đăng nhập').inputValue()).toBe('nhap.phuthuy');
      expect(await page.getByLabel('Mật khẩu').inputValue()).toBe(DEMO_PASSWORD);
      await screenshot(page, 'login-1366x900.png');
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await page.getByRole('navigation', { name: 'Các trang' }).waitFor();
      expect(await menuLinks(page)).toEqual(['Tổng quan', 'Nhập liệu', 'Báo cáo']);
      await page.getByText('Bản demo', { exact: true }).waitFor();
    } finally {
      await context.close();
    }
  });

  test('on a phone', async () => {
    const { context, page } = await open(PHONE);
    try {
      await page.goto(`${base()}/`);
      await page.getByRole('region', { name: 'Tài khoản dùng thử' }).waitFor();
      await screenshot(page, 'login-390x844.png');
      await screenshot(page, 'login-390x844-full.png', true);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await context.close();
    }
  });

  test('each role sees its own menu', async () => {
    for (const [username, links] of [
      [
        'xem.phanthiet',
        [
          'Tổng quan',
          'Đơn vị chậm tiến độ',
          'Nhiệm vụ',
          'So sánh',
          'Tình hình báo cáo',
          'Nhật ký',
          'Báo cáo',
        ],
      ],
      [
        'quanly',
        ['Tổng quan', 'Đơn vị chậm tiến độ', 'Nhiệm vụ', 'So sánh', 'Báo cáo', 'Nhiệm kỳ, chỉ tiêu'],
      ],
      [
        'duyet.phanthiet',
        [
          'Tổng quan',
          'Đơn vị chậm tiến độ',
          'Nhiệm vụ',
          'So sánh',
          'Chờ duyệt (0)',
          'Nhập liệu',
          'Tình hình báo cáo',
          'Nhật ký',
          'Báo cáo',
        ],
      ],
    ] as const) {
      const { context, page } = await open();
      try {
        await signIn(page, base(), username);
        // An approver's count ("Chờ duyệt (0)") comes with its own answer, after the menu.
        await expect.poll(() => menuLinks(page), { message: username }).toEqual(links);
        // Setting-up pages sit in their own labelled group, after the everyday ones.
        const setup = page.getByRole('list', { name: 'Thiết lập' }).getByRole('link');
        expect(await setup.allTextContents(), username).toEqual(
          links.includes('Nhiệm kỳ, chỉ tiêu' as never) ? ['Nhiệm kỳ, chỉ tiêu'] : [],
        );
        // A page the role does not open falls back to the overview.
        if (!links.includes('Nhập liệu' as never)) {
          await page.goto(`${base()}/?page=entry`);
          await page.getByRole('heading', { name: /Hoàn thành|chưa có chỉ tiêu/ }).waitFor();
          expect(await page.locator('.entry-grid').count()).toBe(0);
        }
      } finally {
        await context.close();
      }
    }
  });
});

describe('the reporting cockpit', () => {
  test("shows each commune's state per period, overdue ones, and opens the entry grid", async () => {
    const { context, page } = await open();
    try {
      await signIn(page, base(), 'duyet.phanthiet');
      const ids = await demoIds(page, base());
      await page.getByRole('link', { name: 'Tình hình báo cáo' }).click();
      const row = page.locator('tr[data-unit="Phường Phú Thủy"]');
      await row.waitFor();
      expect(new URL(page.url()).searchParams.get('unit')).toBe(String(ids.phanThiet));
      const approved = row.locator(`td[data-period="${ids.h1of2024}"] button`);
      const owed = row.locator(`td[data-period="${ids.h2of2024}"] button`);
      expect(await approved.textContent()).toContain('Đã duyệt');
      expect(await owed.textContent()).toContain('Chưa nhập');
      expect(await owed.textContent()).toContain('Quá hạn');
      expect(await owed.getAttribute('data-state')).toBe('not_started');
      // Only Phan Thiết's communes.
      expect(await page.locator('tr[data-unit="Xã Tiến Thành"]').count()).toBe(1);
      expect(await page.locator('tr[data-unit="Thị trấn Liên Hương"]').count()).toBe(0);
      await screenshot(page, 'cockpit-1366x900.png');

      // The filter by state goes into the address.
      await page.locator('.cockpit-filter .segmented__label', { hasText: /^Quá hạn/ }).click();
      await page.waitForURL((url) => url.searchParams.get('state') === 'overdue');
      expect(await row.count()).toBe(1);

      // A cell opens that unit's grid for that period.
      await owed.click();
      await page.waitForURL((url) => url.searchParams.get('page') === 'entry');
      const url = new URL(page.url());
      expect(url.searchParams.get('unit')).toBe(String(ids.phuThuy));
      expect(url.searchParams.get('period')).toBe(String(ids.h2of2024));
      await page
        .locator('.report-bar__title', { hasText: 'Phường Phú Thủy · 6 tháng cuối năm 2024' })
        .waitFor();
      // Back returns to the cockpit.
      await page.goBack();
      await row.waitFor();
    } finally {
      await context.close();
    }
  });

  test('on a phone', async () => {
    const { context, page } = await open(PHONE);
    try {
      await signIn(page, base(), 'duyet.phanthiet', '/?page=cockpit');
      await page.locator('tr[data-unit="Phường Phú Thủy"]').waitFor();
      await screenshot(page, 'cockpit-390x844.png');
      // The grid scrolls in its own box. A phone zooms out to show a page wider than the screen,
      // which widens innerWidth with it: hold both to the phone's 390.
      const widths = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        inner: window.innerWidth,
      }));
      expect(widths.scroll).toBeLessThanOrEqual(widths.client);
      expect(widths.inner).toBe(390);
    } finally {
      await context.close();
    }
  });
});
