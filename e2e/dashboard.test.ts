/**
 * The overview in a real browser: the built web app (apps/web/dist) served by the API on a fresh
 * demo database, driven with headless Chromium. `npm test` builds the web app first; without a
 * build this fails (it never skips).
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_PASSWORD } from '@chitieu/db';
import { demoDatabase } from '@chitieu/db/testing';
import { type ServerType, serve } from '@hono/node-server';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../apps/api/src/app.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST_INDEX = join(ROOT, 'apps/web/dist/index.html');
const SCREENSHOTS = join(ROOT, 'screenshots');
const CHROMIUM = '/usr/lib/chromium/chromium';

let server: ServerType | undefined;
let browser: Browser | undefined;
let closeDb: (() => void) | undefined;
let baseUrl = '';
const pageErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(DIST_INDEX)) {
    throw new Error(
      `The web app is not built: ${DIST_INDEX} is missing. Run \`npm run build\` first (\`npm test\` does).`,
    );
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}.`);
  mkdirSync(SCREENSHOTS, { recursive: true });

  const { db } = demoDatabase();
  closeDb = () => db.$client.close();
  const app = createApp({ db });
  server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  closeDb?.();
});

async function newPage(options: Parameters<Browser['newContext']>[0] = {}): Promise<{
  context: BrowserContext;
  page: Page;
}> {
  if (!browser) throw new Error('browser not started');
  const context = await browser.newContext({
    locale: 'vi-VN',
    viewport: { width: 1366, height: 900 },
    ...options,
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  return { context, page };
}

const headline = (page: Page) =>
  page.getByRole('heading', { level: 2, name: /^Hoàn thành \d+\/\d+ chỉ tiêu$/ });
const cardNumber = (page: Page, code: string) => page.locator(`[data-code="${code}"] .target-card__number`);

/** Sign in through the sign-in page (figures are for signed-in users only). */
async function signIn(page: Page, path = '/', username = 'lanhdao') {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await headline(page).waitFor();
}

/** Wait until both charts have drawn their bars (they are lazy-loaded). */
async function waitForCharts(page: Page) {
  await page.locator('.recharts-bar-rectangle').first().waitFor({ state: 'visible' });
  await page.locator('.works-chart .recharts-bar-rectangle').first().waitFor({ state: 'visible' });
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
    await page.waitForTimeout(300); // the button's loading transition, for a steady screenshot
    await page.screenshot({ path: join(SCREENSHOTS, 'login-1366x900.png') });
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
    await page.screenshot({ path: join(SCREENSHOTS, 'overview-1366x900.png') });
    await page.screenshot({ path: join(SCREENSHOTS, 'overview-1366x900-full.png'), fullPage: true });
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
    await waitForCharts(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'district-1366x900-full.png'), fullPage: true });

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
    await page.screenshot({ path: join(SCREENSHOTS, 'error-1366x900.png') });

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

  test('reads well on a phone (390×844)', async () => {
    const { context, page } = await newPage({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    await signIn(page);
    await expect(headline(page).textContent()).resolves.toBe('Hoàn thành 7/8 chỉ tiêu');
    await waitForCharts(page);
    // Nothing sticks out sideways.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'overview-390x844.png') });
    await page.screenshot({ path: join(SCREENSHOTS, 'overview-390x844-full.png'), fullPage: true });
    await context.close();
  });

  test('no script errors in any page', () => {
    expect(pageErrors).toEqual([]);
  });
});
