/**
 * The leaders' views in real headless Chromium on the demo: lagging units, a mission view, the
 * comparison of two dates, a bad as-of date in the address, English, phone width and print.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assertReady,
  launchBrowser,
  newPage as openPage,
  PHONE,
  screenshot,
  scriptErrorsPerTest,
  signIn,
  startServer,
  type TestServer,
} from './harness.ts';

let server: TestServer | undefined;
let browser: Browser | undefined;
let base = '';
const pageErrors = scriptErrorsPerTest();

beforeAll(async () => {
  assertReady();
  server = await startServer();
  base = server.baseUrl;
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

const rankedNames = (page: Page) => page.locator('.lagging-table tbody tr th').allTextContents();
/**
 * How far anything sticks out to the right of the phone's screen (≤ 0: nothing). Wide tables scroll
 * inside their own box, so their contents do not count; the page itself must not scroll sideways.
 */
const noHorizontalScroll = (page: Page) =>
  page.evaluate(() => {
    let right = document.documentElement.scrollWidth;
    for (const element of document.querySelectorAll('#main *')) {
      if (element.closest('.table-scroll, .visually-hidden')) continue;
      right = Math.max(right, element.getBoundingClientRect().right);
    }
    return Math.ceil(right) - document.documentElement.clientWidth;
  });

describe('leaders’ views', () => {
  test('lagging units: the province’s units ranked, worst first, and a district’s communes', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, base, 'lanhdao');
      await page
        .getByRole('navigation', { name: 'Các trang' })
        .getByRole('link', { name: 'Đơn vị chậm tiến độ' })
        .click();
      await page.getByRole('heading', { level: 1, name: 'Đơn vị chậm tiến độ' }).waitFor();
      await page.locator('.lagging-table tbody tr').first().waitFor();
      expect(page.url()).toContain('page=lagging');
      const names = await rankedNames(page);
      expect(names).toHaveLength(13); // 10 districts and 3 directly attached units
      expect(names).toContain('Thành phố Phan Thiết');
      const ranks = await page
        .locator('.lagging-table tbody tr')
        .evaluateAll((rows) => rows.map((row) => Number((row as HTMLElement).dataset.rank)));
      expect(ranks).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
      // The attached units reported nothing: "Chưa báo cáo" at the top, not a score of 0.
      expect(await page.locator('.lagging-table tbody tr').first().textContent()).toContain('Chưa báo cáo');
      // The ranking the page shows is the API's, in the same order.
      const [term] = (await (await page.request.get(`${base}/api/terms`)).json()) as { id: number }[];
      const api = (await (await page.request.get(`${base}/api/terms/${term?.id}/lagging`)).json()) as {
        rows: { name: string }[];
      };
      expect(names).toEqual(api.rows.map((r) => r.name));
      // Status in words on every score (never colour alone).
      expect(await page.locator('.lagging-table').textContent()).toMatch(/%/);
      await screenshot(page, 'lagging-1366x900.png', true);

      // A district's name opens its communes; the address carries the unit.
      await page.getByRole('button', { name: 'Thành phố Phan Thiết' }).click();
      await page.getByRole('heading', { level: 1, name: 'Đơn vị chậm tiến độ' }).waitFor();
      await page.waitForFunction(() => document.querySelectorAll('.lagging-table tbody tr').length > 10);
      expect(await page.locator('.breadcrumb').textContent()).toContain('Thành phố Phan Thiết');
      expect(page.url()).toMatch(/unit=\d+/);
      // Back returns to the districts.
      await page.goBack();
      await page.waitForFunction(() => document.querySelectorAll('.lagging-table tbody tr').length === 13);
    } finally {
      await context.close();
    }
  });

  test('mission views: poverty by year and district, rural works, grassroots', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, base, 'lanhdao', '/?page=missions&mission=poverty');
      await page.getByText(/746 hộ thoát nghèo, cận nghèo đến 30\/06\/2024/).waitFor();
      await page.locator('.recharts-bar-rectangle').first().waitFor({ state: 'visible' });
      // The table behind the chart, one click away, and the district table with allocations.
      await page.getByText('Bảng số liệu').first().click();
      expect(await page.locator('.chart-card__table').first().textContent()).toContain('Kế hoạch năm');
      const districtTable = page.getByRole('region', { name: /Giảm nghèo theo đơn vị và theo năm/ });
      expect(await districtTable.locator('tbody tr').count()).toBe(13);
      // The attached units have no data: "chưa báo cáo", not 0.
      expect(
        await districtTable.locator('tbody tr', { hasText: 'Hội Phụ nữ Công an tỉnh' }).textContent(),
      ).toContain('Chưa báo cáo');
      expect(await districtTable.locator('tfoot').textContent()).toContain('746');
      await screenshot(page, 'missions-poverty-1366x900.png', true);

      await page.getByText('Nông thôn mới', { exact: true }).click();
      await page.getByText(/584 công trình, phần việc nông thôn mới trị giá 11,54 tỷ đồng/).waitFor();
      expect(page.url()).toContain('mission=rural');
      await page.locator('.works-chart .recharts-bar-rectangle').first().waitFor({ state: 'visible' });
      await screenshot(page, 'missions-rural-1366x900.png', true);

      await page.getByText('Hoạt động cơ sở Hội', { exact: true }).click();
      await page.getByText(/124\/124 cơ sở Hội đáp ứng yêu cầu/).waitFor();
      await page.getByText('Tất cả cơ sở Hội trong phạm vi đều đáp ứng yêu cầu.').waitFor();
      await screenshot(page, 'missions-grassroots-1366x900.png', true);

      // An unknown mission in the address is explained, not a blank page.
      await page.goto(`${base}/?page=missions&mission=forestry`);
      await page.getByText('Không có nhiệm vụ “forestry”', { exact: false }).waitFor();
    } finally {
      await context.close();
    }
  });

  test('compare mid-term with a year later: both columns and the difference', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, base, 'lanhdao', '/?page=compare');
      // Opened bare, it compares the newest data (the mid-term's, in the demo) with a year before it,
      // not two dates with the same figures, and writes both into the address.
      await page.waitForURL(/asOf2=2024-06-30/);
      expect(page.url()).toContain('asOf=2023-06-30');
      await page.locator('.compare-table thead', { hasText: '30/06/2023' }).waitFor();
      const row = page.locator('.compare-table tr[data-code="CT2"]');
      await row.waitFor();
      const a = await row.locator('td[data-side="a"]').textContent();
      const b = await row.locator('td[data-side="b"]').textContent();
      expect(b).toBe('746 hộ');
      expect(a).toMatch(/hộ/);
      expect(a).not.toBe(b);
      const head = await page.locator('.compare-table thead').textContent();
      expect(head).toContain('30/06/2023');
      expect(head).toContain('30/06/2024');
      expect(head).toContain('Hoàn thành 7/8');
      await screenshot(page, 'compare-1366x900.png', true);

      // A copied link reopens the same comparison.
      const url = page.url();
      const second = await context.newPage();
      await second.goto(url);
      await second.locator('.compare-table thead', { hasText: '30/06/2023' }).waitFor();
      await second.locator('.compare-table tr[data-code="CT2"] td[data-side="a"]').waitFor();
      expect(await second.locator('.compare-table tr[data-code="CT2"] td[data-side="b"]').textContent()).toBe(
        b,
      );

      // Two units on the same date: Phan Thiết in column A, La Gi in column B. (With a first date
      // chosen, column B proposes a year later.)
      await page.goto(`${base}/?page=compare&asOf=2024-06-30`);
      await page.waitForURL(/asOf2=2025-06-30/);
      await page.waitForURL(/asOf2=/);
      const columnA = page.getByRole('group', { name: 'Cột A' });
      const columnB = page.getByRole('group', { name: 'Cột B' });
      const optionOf = async (name: string) =>
        (await columnA
          .getByLabel('Đơn vị')
          .locator('option', { hasText: name })
          .first()
          .getAttribute('value')) ?? '';
      await columnA.getByLabel('Đơn vị').selectOption(await optionOf('Thành phố Phan Thiết'));
      await page.waitForURL(/unit=\d+/);
      await columnB.getByLabel('Đơn vị').selectOption(await optionOf('Thị xã La Gi'));
      await columnB.getByLabel('Số liệu tính đến ngày').fill('30/06/2024');
      await columnB.getByRole('button', { name: 'Xem' }).click();
      await page.waitForURL(/asOf2=2024-06-30/);
      // Each change (unit B, then its date) fetches a comparison: wait for the last one's columns,
      // not for the first that names La Gi (still at the earlier date while the last one loads).
      await page.waitForFunction(() => {
        const head = document.querySelector('.compare-table thead')?.textContent ?? '';
        return (
          head.includes('Thành phố Phan Thiết · 30/06/2024') && head.includes('Thị xã La Gi · 30/06/2024')
        );
      });
      const units = await page.locator('.compare-table thead').textContent();
      expect(units).toContain('Thành phố Phan Thiết · 30/06/2024');
      expect(units).toContain('Thị xã La Gi · 30/06/2024');
      // CT2 is allocated to each district: each column is judged against its own allocation.
      const ct2 = page.locator('.compare-table tr[data-code="CT2"]');
      expect(await ct2.locator('td[data-side="a"]').textContent()).toBe('101 hộ');
      expect(await ct2.locator('td[data-side="b"]').textContent()).toBe('67 hộ');
      expect(await ct2.locator('.compare-table__diff').textContent()).toBe('−34 hộ');
      await screenshot(page, 'compare-units-1366x900.png', true);
    } finally {
      await context.close();
    }
  });

  test('a bad as-of date in the address shows the reason, with a way back', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, base, 'lanhdao', '/?page=lagging&asOf=2019-01-01');
      const alert = page.getByRole('alert').filter({ hasText: 'trong nhiệm kỳ' });
      await alert.waitFor();
      expect(await alert.textContent()).toContain('Ngày số liệu phải nằm trong nhiệm kỳ');
      await screenshot(page, 'lagging-bad-date-1366x900.png');
      await page.getByRole('button', { name: 'Về ngày mặc định' }).click();
      await page.locator('.lagging-table tbody tr').first().waitFor();

      await page.goto(`${base}/?page=compare&asOf=2024-06-30&asOf2=2040-01-01`);
      await page.getByRole('alert').filter({ hasText: 'trong nhiệm kỳ' }).waitFor();
      await page.goto(`${base}/?page=compare&unit2=999999`);
      await page.getByRole('alert').filter({ hasText: 'Không tìm thấy đơn vị' }).waitFor();
      await page.goto(`${base}/?page=missions&mission=rural&asOf=2019-01-01`);
      await page.getByRole('alert').filter({ hasText: 'trong nhiệm kỳ' }).waitFor();
    } finally {
      await context.close();
    }
    // A unit outside the viewer's scope (Phan Thiết's viewer asking for La Gi): refused, said so.
    const viewer = await newPage();
    try {
      await signIn(viewer.page, base, 'xem.phanthiet');
      const { units } = (await (await viewer.page.request.get(`${base}/api/units`)).json()) as {
        units: { id: number; name: string }[];
      };
      const laGi = units.find((u) => u.name === 'Thị xã La Gi')?.id;
      await viewer.page.goto(`${base}/?page=lagging&unit=${laGi}`);
      const refused = viewer.page.getByRole('alert').filter({ hasText: 'quyền' });
      await refused.waitFor();
      await screenshot(viewer.page, 'lagging-out-of-scope-1366x900.png');
      await viewer.page.getByRole('button', { name: 'Về đơn vị mặc định' }).click();
      await viewer.page.locator('.lagging-table tbody tr').first().waitFor();
      expect(await viewer.page.locator('.breadcrumb').textContent()).toContain('Thành phố Phan Thiết');
    } finally {
      await viewer.context.close();
    }
  });

  test('in English, on a phone, without sideways scrolling', async () => {
    const { context, page } = await newPage(PHONE);
    try {
      await signIn(page, base, 'lanhdao', '/?page=lagging');
      await page.locator('.lagging-table tbody tr').first().waitFor();
      // The menu is wider than the phone: its right edge fades out (it goes on) until scrolled to the end.
      await page.locator('.app-nav.app-nav--more').waitFor();
      await page.locator('.app-nav').evaluate((nav) => nav.scrollTo({ left: nav.scrollWidth }));
      await page.locator('.app-nav:not(.app-nav--more)').waitFor();
      // The language switch in the header (a segmented control: its label is what one taps).
      await page.locator('.lang-switch label', { hasText: 'EN' }).click();
      await page.getByRole('heading', { level: 1, name: 'Lagging units' }).waitFor();
      expect(await page.locator('.lagging-table thead').textContent()).toContain('Behind on');
      expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'lagging-en-390x844.png', true);

      await page.goto(`${base}/?page=missions&mission=poverty`);
      await page.getByText(/746 households lifted out of poverty/).waitFor();
      expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(0);
      await page.locator('.recharts-bar-rectangle').first().waitFor({ state: 'visible' });
      await screenshot(page, 'missions-en-390x844.png', true);

      await page.goto(`${base}/?page=compare`);
      await page.locator('.compare-table tr[data-code="CT2"]').waitFor();
      expect(await page.locator('.compare-table thead').textContent()).toContain('Difference');
      expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(0);
      await screenshot(page, 'compare-en-390x844.png', true);

      await page.goto(`${base}/`);
      await page
        .getByRole('heading', { level: 2, name: /targets completed/ })
        .first()
        .waitFor();
      expect(await noHorizontalScroll(page)).toBeLessThanOrEqual(0);
      // The charts are drawn when scrolled to.
      await page.locator('.chart-grid').scrollIntoViewIfNeeded();
      await page.locator('.works-chart .recharts-bar-rectangle').first().waitFor({ state: 'visible' });
      await screenshot(page, 'overview-en-390x844.png', true);
    } finally {
      await context.close();
    }
  }, 120_000);

  test('prints on A4 without the menu or the controls', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, base, 'lanhdao', '/?page=lagging');
      await page.locator('.lagging-table tbody tr').first().waitFor();
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.app-nav').isVisible()).toBe(false);
      expect(await page.locator('.print-button').isVisible()).toBe(false);
      expect(await page.locator('.lagging-table').isVisible()).toBe(true);
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      await screenshot(page, 'lagging-print.png', true);

      await page.emulateMedia({ media: 'screen' });
      await page.goto(`${base}/?page=missions&mission=rural`);
      await page.locator('.works-chart .recharts-bar-rectangle').first().waitFor({ state: 'visible' });
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.app-nav').isVisible()).toBe(false);
      expect(await page.locator('.scope-bar').isVisible()).toBe(false);
      // Charts drawn for a 1366 px screen are scaled to the A4 printable width (186 mm ≈ 703 px).
      // (The scaling follows the media change a moment later: wait for it rather than look once.)
      const widest = () =>
        page.evaluate(() =>
          Math.max(...[...document.querySelectorAll('.chart')].map((c) => c.getBoundingClientRect().width)),
        );
      await expect.poll(widest).toBeLessThanOrEqual(703);
      expect(await widest()).toBeGreaterThan(300);
      await page.pdf({ format: 'A4', printBackground: true });
      await screenshot(page, 'missions-print.png', true);
      await page.emulateMedia({ media: 'screen' });
      // Back on screen, the charts are their own size again.
      await expect.poll(widest).toBeGreaterThan(703);

      await page.goto(`${base}/`);
      await page.locator('.target-card').first().waitFor();
      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('.app-nav').isVisible()).toBe(false);
      expect(await page.locator('.scope-bar').isVisible()).toBe(false);
      await screenshot(page, 'overview-print.png', true);
    } finally {
      await context.close();
    }
  });
});
