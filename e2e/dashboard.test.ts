/**
 * The overview in a real browser: the built web app (apps/web/dist) served by the API on a fresh
 * demo database, driven with headless Chromium. `npm test` builds the web app first; without a
 * build this fails (it never skips).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assertReady,
  DEMO_PASSWORD,
  launchBrowser,
  newPage as openPage,
  PHONE,
  screenshot,
  scriptErrorsPerTest,
  signIn as signInAs,
  startServer,
  type TestServer,
} from './harness.ts';

let server: TestServer | undefined;
let browser: Browser | undefined;
let baseUrl = '';
const pageErrors = scriptErrorsPerTest();

beforeAll(async () => {
  assertReady();
  server = await startServer();
  baseUrl = server.baseUrl;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function newPage(options: Parameters<Browser['newContext']>[0] = {}) {
  if (!browser) throw new Error('browser not started');
  return openPage(browser, pageErrors, options);
}

const headline = (page: Page) =>
  page.getByRole('heading', { level: 2, name: /^Hoàn thành \d+\/\d+ chỉ tiêu$/ });
const cardNumber = (page: Page, code: string) => page.locator(`[data-code="${code}"] .target-card__number`);

/** Sign in through the sign-in page (figures are for signed-in users only). */
async function signIn(page: Page, path = '/', username = 'lanhdao') {
  await signInAs(page, baseUrl, username, path);
  await headline(page).waitFor();
}

/**
 * Scroll to the charts and wait until both have drawn their bars (they are lazy-loaded, and drawn
 * only when they come near the screen), then back to the top.
 */
async function waitForCharts(page: Page) {
  await page.locator('.chart-grid').scrollIntoViewIfNeeded();
  await page.locator('.recharts-bar-rectangle').first().waitFor({ state: 'visible' });
  await page.locator('.works-chart .recharts-bar-rectangle').first().waitFor({ state: 'visible' });
  await page.evaluate(() => window.scrollTo(0, 0));
}

async function unitOptionValue(page: Page, name: string): Promise<string> {
  const option = page.getByLabel('Đơn vị', { exact: true }).locator('option', { hasText: name }).first();
  const value = await option.getAttribute('value');
  if (!value) throw new Error(`no option for ${name}`);
  return value;
}

describe('overview dashboard', () => {
  test('shows the mid-term figures of the demo and fills the address with the view', async () => {
    const { context, page } = await newPage();
    await page.goto(`${baseUrl}/`);
    // Not signed in: the sign-in page, and a wrong password is explained.
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    await page.getByLabel('Tên đăng nhập').fill('lanhdao');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').waitFor();
    await page.locator('button[type="submit"]:not([data-loading])').waitFor();
    await screenshot(page, 'login-error-1366x900.png');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect(headline(page).textContent()).resolves.toBe('Hoàn thành 7/8 chỉ tiêu');

    // The report's figures, visible on the page.
    for (const figure of ['Hoàn thành 7/8 chỉ tiêu', '746', 'Số liệu minh họa']) {
      expect(await page.getByText(figure, { exact: true }).first().isVisible(), figure).toBe(true);
    }
    expect(await page.getByText('— trị giá 11,54 tỷ đồng').isVisible()).toBe(true);
    const text = (await page.locator('body').textContent()) ?? '';
    expect(text).toContain('7/8');
    expect(text).toContain('746');
    expect(text).toContain('11,54 tỷ đồng');
    expect(text).toContain('Số liệu minh họa');
    expect(text).toContain('124/124 cơ sở (100%)');
    expect(text).toContain('Chỉ tiêu NQ: 700 hộ');
    expect(text).toContain('106,6% so với NQ');
    expect(text).toContain('Chỉ tiêu bổ sung');
    expect(await page.getByLabel('Số liệu tính đến ngày').inputValue()).toBe('30/06/2024');

    // The defaults the API chose are written back into the address.
    const url = new URL(page.url());
    expect(url.searchParams.get('term')).toBe('1');
    expect(url.searchParams.get('unit')).toBe('1');
    expect(url.searchParams.get('asOf')).toBe('2024-06-30');

    await waitForCharts(page);
    expect(await page.getByRole('heading', { name: 'Hộ thoát nghèo, cận nghèo theo năm' }).isVisible()).toBe(
      true,
    );
    expect(await page.locator('body').textContent()).toContain('2024 (6 tháng)');
    await screenshot(page, 'overview-1366x900.png');
    await screenshot(page, 'overview-1366x900-full.png', true);
    await context.close();
  });

  test('a district from the unit picker goes into the address, survives a reload and Back', async () => {
    const { context, page } = await newPage();
    await signIn(page);
    await expect(cardNumber(page, 'CT2').textContent()).resolves.toBe('746');

    const phanThiet = await unitOptionValue(page, 'Thành phố Phan Thiết');
    await page.getByLabel('Đơn vị', { exact: true }).selectOption(phanThiet);
    await page.waitForURL((url) => url.searchParams.get('unit') === phanThiet);
    await page.getByText('Thành phố Phan Thiết · số liệu đến 30/06/2024').waitFor();
    await page.locator('.overview:not(.is-updating)').waitFor();
    const districtValue = await cardNumber(page, 'CT2').textContent();
    expect(districtValue).not.toBe('746');
    expect(await headline(page).textContent()).not.toBe('Hoàn thành 7/8 chỉ tiêu');
    // The district is judged against what was allocated to it; where nothing was, no status.
    const ct2 = page.locator('[data-code="CT2"]');
    expect(await ct2.textContent()).toContain('Chỉ tiêu được giao: 110 hộ');
    expect(await ct2.textContent()).toContain('so với chỉ tiêu được giao');
    const ct3 = page.locator('[data-code="CT3"]');
    expect(await ct3.textContent()).toContain('Chưa giao chỉ tiêu');
    expect(await ct3.locator('.status-badge').count()).toBe(0);
    // Shares (units meeting) keep the resolution's own goal.
    expect(await page.locator('[data-code="CT1"]').textContent()).toContain('Chỉ tiêu NQ: 100% cơ sở');
    expect(await page.locator('body').textContent()).not.toContain('so sánh với chỉ tiêu chung');
    await waitForCharts(page);
    await screenshot(page, 'district-1366x900-full.png', true);

    // The same address opens the same district.
    const districtUrl = page.url();
    await page.reload();
    await page.getByText('Thành phố Phan Thiết · số liệu đến 30/06/2024').waitFor();
    expect(page.url()).toBe(districtUrl);
    // The picker (filled once the unit tree arrives) shows the district too.
    const picker = page.getByLabel('Đơn vị', { exact: true });
    await picker.locator(`option[value="${phanThiet}"]:checked`).waitFor({ state: 'attached' });
    expect(await picker.inputValue()).toBe(phanThiet);
    expect(await page.locator('.breadcrumb [aria-current="page"]').textContent()).toBe(
      'Thành phố Phan Thiết',
    );
    await expect(cardNumber(page, 'CT2').textContent()).resolves.toBe(districtValue);

    // Back returns to the province.
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('unit') === '1');
    await page.getByText('Tỉnh Bình Thuận · số liệu đến 30/06/2024').waitFor();
    await expect(headline(page).textContent()).resolves.toBe('Hoàn thành 7/8 chỉ tiêu');
    await context.close();
  });

  test('the unit picker finds a unit by name without diacritics or by code, namesakes told apart by their parent', async () => {
    const { context, page } = await newPage();
    await signIn(page);
    const picker = page.getByLabel('Đơn vị', { exact: true });
    const search = page.getByRole('searchbox', { name: 'Tìm theo tên hoặc mã' });
    // Typing narrows the list: "Phường Phú T" is the Phú T… wards, not Mũi Né.
    await search.fill('Phường Phú T');
    const found = () => picker.locator('optgroup option').allTextContents();
    expect(await found()).toEqual([
      'Phường Phú Thủy · Thành phố Phan Thiết · 22924',
      'Phường Phú Tài · Thành phố Phan Thiết · 22927',
      'Phường Phú Trinh · Thành phố Phan Thiết · 22930',
    ]);
    // Two communes named Xã Tân Hà: each with its district.
    await search.fill('xa tan ha');
    const tanHa = (await found()).filter((label) => label.startsWith('Xã Tân Hà ·'));
    expect(tanHa).toHaveLength(2);
    expect(new Set(tanHa.map((label) => label.split(' · ')[1])).size).toBe(2);
    // Without diacritics, then Enter opens the first found.
    await search.fill('phu thuy');
    expect(await found()).toEqual(['Phường Phú Thủy · Thành phố Phan Thiết · 22924']);
    await search.press('Enter');
    await page.getByText('Phường Phú Thủy · số liệu đến 30/06/2024').waitFor();
    expect(await search.inputValue()).toBe('');
    // By code.
    await search.fill('22930');
    expect(await found()).toEqual(['Phường Phú Trinh · Thành phố Phan Thiết · 22930']);
    await screenshot(page, 'unit-search-1366x900.png');
    await context.close();
  });

  test('an invalid as-of date gives a Vietnamese message, not a blank page', async () => {
    const { context, page } = await newPage();
    await signIn(page);
    const asOf = page.getByLabel('Số liệu tính đến ngày');

    // Not a date: core's parseDate explains, the figures stay.
    await asOf.fill('31/02/2024');
    await page.getByRole('button', { name: 'Xem' }).click();
    await page.getByText('Không có ngày 31/02/2024: tháng 2 năm 2024 chỉ có 29 ngày.').waitFor();
    expect(await headline(page).isVisible()).toBe(true);
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2024-06-30');

    await asOf.fill('hôm qua');
    await asOf.press('Enter');
    await page.getByText('Ngày không hợp lệ. Hãy nhập theo dạng ngày/tháng/năm').waitFor();

    // A real date outside the term: the API's message, shown in the page.
    await asOf.fill('01/01/2030');
    await asOf.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('asOf') === '2030-01-01');
    const alert = page.getByRole('alert').filter({ hasText: 'Không tải được số liệu' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Ngày số liệu phải nằm trong nhiệm kỳ');
    expect(await page.getByRole('heading', { level: 1 }).isVisible()).toBe(true);
    await screenshot(page, 'error-1366x900.png');

    // One click back to a working view.
    await page.getByRole('button', { name: 'Về ngày mặc định' }).click();
    await expect(headline(page).textContent()).resolves.toBe('Hoàn thành 7/8 chỉ tiêu');
    await context.close();
  });

  test('a district viewer starts at their district; signing out asks to sign in again', async () => {
    const { context, page } = await newPage();
    await signIn(page, '/', 'xem.phanthiet');
    await page.getByText('Thành phố Phan Thiết · số liệu đến 30/06/2024').waitFor();
    expect(new URL(page.url()).searchParams.get('unit')).toBe(
      await unitOptionValue(page, 'Thành phố Phan Thiết'),
    );
    // The picker offers their district and its communes only.
    const picker = page.getByLabel('Đơn vị', { exact: true });
    expect(await picker.locator('option', { hasText: 'Huyện Tuy Phong' }).count()).toBe(0);
    expect(await picker.locator('option', { hasText: 'Phường Mũi Né' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
    expect(await page.getByText('Hoàn thành').count()).toBe(0);
    await context.close();
  });

  test('"Xuất báo cáo (DOCX)" on the overview downloads the report for the view on screen', async () => {
    const { context, page } = await newPage({ acceptDownloads: true });
    await signIn(page, '/', 'xem.phanthiet');
    await page.getByText('Thành phố Phan Thiết · số liệu đến 30/06/2024').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Xuất báo cáo (DOCX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/Thành phố Phan Thiết.*\.docx$/);
    // The browser is the group's, reached over a connection: the file is read from its stream.
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    const bytes = Buffer.concat(chunks);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    await context.close();
  });

  test('reads well on a phone (390×844)', async () => {
    const { context, page } = await newPage(PHONE);
    await signIn(page);
    await expect(headline(page).textContent()).resolves.toBe('Hoàn thành 7/8 chỉ tiêu');
    // The charts sit screens below the figures: they are not drawn while the figures load and are
    // read (drawing them was most of a phone's work on this page), only when scrolled to.
    await page.locator('.chart-card .chart-card__loading').nth(1).waitFor();
    expect(await page.locator('.recharts-surface').count()).toBe(0);
    // Nor are the cards several screens down laid out yet (content-visibility, decision 0036); they are
    // once scrolled to, and read the same.
    const lastCard = page.locator('.target-card').last();
    const laidOut = () =>
      lastCard.evaluate((card) =>
        (card.firstElementChild as Element).checkVisibility({ contentVisibilityAuto: true }),
      );
    await expect(laidOut()).resolves.toBe(false);
    await lastCard.scrollIntoViewIfNeeded();
    await expect.poll(laidOut).toBe(true);
    await waitForCharts(page);
    // Nothing sticks out sideways.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'overview-390x844.png');
    await screenshot(page, 'overview-390x844-full.png', true);
    await context.close();
  });
});
