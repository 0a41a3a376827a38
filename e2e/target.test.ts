/**
 * The target page in a real browser on the demo: opened from the overview, drilled from the province
 * to a district to a commune and back by the breadcrumb, as of another date, from a copied link,
 * in English, with a bad date, and on a phone. Screenshots go to screenshots/target-*.png.
 */
import { recordResult, schema } from '@chitieu/db';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  apiGet,
  assertReady,
  launchBrowser,
  newPage as openPage,
  PHONE,
  SCREENSHOTS,
  screenshot,
  scriptErrorsPerTest,
  signIn,
  startServer,
  type TestServer,
} from './harness.ts';

let server: TestServer;
let browser: Browser | undefined;
let baseUrl = '';
const pageErrors = scriptErrorsPerTest();
const ids = { ct2: 0, phanThiet: 0, phuThuy: 0 };

beforeAll(async () => {
  assertReady();
  server = await startServer();
  baseUrl = server.baseUrl;
  const { db } = server;
  const units = db.select().from(schema.units).all();
  ids.phanThiet = units.find((u) => u.name === 'Thành phố Phan Thiết')?.id as number;
  ids.phuThuy = units.find((u) => u.name === 'Phường Phú Thủy')?.id as number;
  ids.ct2 = db
    .select()
    .from(schema.targets)
    .all()
    .find((t) => t.code === 'CT2')?.id as number;
  // A note and an evidence link on an approved result behind CT2 (same value: figures unchanged).
  const poverty = db
    .select()
    .from(schema.indicators)
    .all()
    .find((i) => i.code === 'THOATNGHEO')?.id as number;
  const period = db
    .select()
    .from(schema.periods)
    .all()
    .find((p) => p.startDate === '2024-01-01')?.id as number;
  const existing = db.get<{ value: number | null }>(
    sql`SELECT value FROM results WHERE unit_id = ${ids.phuThuy} AND indicator_id = ${poverty} AND period_id = ${period}`,
  );
  recordResult(db, {
    unitId: ids.phuThuy,
    indicatorId: poverty,
    periodId: period,
    value: existing?.value ?? 0,
    note: 'Hỗ trợ vốn vay cho 5 hộ',
    evidenceUrl: 'https://example.vn/bien-ban-phu-thuy.pdf',
  });
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

const title = (page: Page) => page.locator('#target-title');
const value = (page: Page) => page.getByTestId('target-value');
const breadcrumb = (page: Page) => page.getByRole('navigation', { name: 'Vị trí đơn vị' });
const param = (page: Page, key: string) => new URL(page.url()).searchParams.get(key);

/** Wait until the page shows a settled view of this unit (not the previous one while loading). */
async function waitForUnit(page: Page, unitId: number) {
  await page.waitForFunction(
    (id) => new URL(window.location.href).searchParams.get('unit') === String(id),
    unitId,
  );
  await page.locator('.target-page:not(.is-updating)').waitFor();
}

async function waitForCharts(page: Page) {
  await page.locator('.recharts-line-curve').first().waitFor({ state: 'visible' });
}

interface Detail {
  target: { figure: { value: number | null } };
  rows: { id: number; name: string; figure: { value: number | null } }[];
  forecast: { description: { vi: string; en: string } } | null;
}
const detailOf = (page: Page, query: string) =>
  apiGet<Detail>(page, baseUrl, `/terms/1/targets/${ids.ct2}?${query}`);

describe('target page', () => {
  test('from the overview, drill province → district → commune and back by the breadcrumb', async () => {
    const { context, page } = await newPage();
    await signIn(page, baseUrl, 'lanhdao');
    await page.getByRole('heading', { level: 2, name: 'Hoàn thành 7/8 chỉ tiêu' }).waitFor();

    // The card's title opens the target page with the same view.
    await page.locator('[data-code="CT2"] .target-card__link').click();
    await title(page).waitFor();
    expect(await title(page).textContent()).toMatch(/^CT2\. /);
    expect(param(page, 'page')).toBe('target');
    expect(param(page, 'target')).toBe(String(ids.ct2));
    expect(param(page, 'asOf')).toBe('2024-06-30');
    expect(await value(page).textContent()).toBe('746');
    const forecast = page.getByTestId('target-forecast');
    expect(await forecast.textContent()).toContain('theo xu hướng 2022–2024');
    // The pace from elapsed time and the resolution's milestone are two figures, each named for what it is.
    const facts = (await page.locator('.target-facts').textContent()) ?? '';
    expect(facts).toMatch(/Theo tiến độ thời gian, cần đạt đến ngày này\s*349 hộ/);
    expect(facts).toContain('Mốc giữa nhiệm kỳ (Nghị quyết đặt ra)350');
    await waitForCharts(page);
    // The plan (grey) and the forecast (dashed) are drawn, and the breakdown bars.
    expect(await page.locator('.recharts-line-curve[stroke-dasharray="7 5"]').count()).toBe(1);
    await page.locator('.units-chart .recharts-bar-rectangle').first().waitFor();
    // Notes and evidence behind the figures.
    expect(await page.getByText('Hỗ trợ vốn vay cho 5 hộ').isVisible()).toBe(true);
    const evidence = page.getByRole('link', { name: 'https://example.vn/bien-ban-phu-thuy.pdf' });
    expect(await evidence.getAttribute('href')).toBe('https://example.vn/bien-ban-phu-thuy.pdf');
    await screenshot(page, 'target-1366x900.png');
    await screenshot(page, 'target-1366x900-full.png', true);

    // Down to the district, by keyboard from the table alternative.
    const unitsCard = page.locator('section.chart-card', {
      has: page.getByRole('heading', { name: 'Theo đơn vị trực thuộc' }),
    });
    await unitsCard.getByText('Bảng số liệu').click();
    const districtButton = unitsCard.getByRole('button', { name: 'Thành phố Phan Thiết' });
    await districtButton.focus();
    await page.keyboard.press('Enter');
    await waitForUnit(page, ids.phanThiet);
    const district = await detailOf(page, `unitId=${ids.phanThiet}&asOf=2024-06-30`);
    expect(await value(page).textContent()).toBe(String(district.target.figure.value));
    expect(await breadcrumb(page).locator('li').allTextContents()).toEqual([
      'Tỉnh Bình Thuận',
      'Thành phố Phan Thiết',
    ]);
    // The district is judged against what it was allocated.
    expect(await page.locator('.target-facts').textContent()).toContain('Chỉ tiêu được giao');
    // Units that did not report say so, never 0.
    const unreported = district.rows.filter((r) => r.figure.value === null);
    for (const row of unreported) {
      const cells = await page.locator(`tr[data-unit="${row.id}"]`).first().textContent();
      expect(cells).toContain('Chưa báo cáo');
    }

    // Down to a commune by clicking its bar in the chart (the highest one comes first).
    const unitsCard2 = page.locator('section.chart-card', {
      has: page.getByRole('heading', { name: 'Theo đơn vị trực thuộc' }),
    });
    await unitsCard2.getByText('Biểu đồ').click();
    await page.locator('.units-chart .recharts-bar-rectangle').first().waitFor();
    const top = [...district.rows]
      .filter((r) => r.figure.value !== null)
      .sort((a, b) => (b.figure.value ?? 0) - (a.figure.value ?? 0) || a.name.localeCompare(b.name, 'vi'))[0];
    if (!top) throw new Error('no commune reported');
    await page.locator('.units-chart .recharts-bar-rectangle path').first().click();
    await waitForUnit(page, top.id);
    expect(await breadcrumb(page).locator('li').allTextContents()).toEqual([
      'Tỉnh Bình Thuận',
      'Thành phố Phan Thiết',
      top.name,
    ]);
    expect(await value(page).textContent()).toBe(String(top.figure.value));
    expect(await page.getByText('Đơn vị này không có đơn vị trực thuộc.').isVisible()).toBe(true);

    // Back up to the province in one click on the breadcrumb.
    await breadcrumb(page).getByRole('button', { name: 'Tỉnh Bình Thuận' }).click();
    await waitForUnit(page, 1);
    expect(await value(page).textContent()).toBe('746');
    // The browser's Back goes to the commune again (each step is a history entry).
    await page.goBack();
    await waitForUnit(page, top.id);
    // And the "← Tổng quan" link returns to the overview of that unit.
    await page.getByRole('link', { name: '← Tổng quan' }).click();
    await page
      .getByRole('heading', { level: 2, name: /Hoàn thành|Nhiệm kỳ này/ })
      .first()
      .waitFor();
    expect(param(page, 'page')).toBeNull();
    expect(param(page, 'unit')).toBe(String(top.id));
    await context.close();
  }, 120_000);

  test('another as-of date changes the figures; a copied link reopens the same view', async () => {
    const { context, page } = await newPage();
    await signIn(page, baseUrl, 'lanhdao', `/?page=target&target=${ids.ct2}`);
    await title(page).waitFor();
    expect(await value(page).textContent()).toBe('746');
    const before = await page.getByTestId('target-forecast').textContent();

    await page.getByLabel('Số liệu tính đến ngày').fill('31/12/2023');
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await page.waitForFunction(() => new URL(window.location.href).searchParams.get('asOf') === '2023-12-31');
    await page.locator('.target-page:not(.is-updating)').waitFor();
    const earlier = await detailOf(page, 'asOf=2023-12-31');
    expect(earlier.target.figure.value).toBeLessThan(746);
    expect(await value(page).textContent()).toBe(String(earlier.target.figure.value));
    expect(await page.locator('.target-facts').textContent()).toContain('Kết quả đến 31/12/2023');
    expect(await page.getByTestId('target-forecast').textContent()).not.toBe(before);
    // The period table stops at the as-of date.
    const periodsCard = page.locator('section.chart-card', {
      has: page.getByRole('heading', { name: 'Kết quả từng kỳ báo cáo' }),
    });
    await periodsCard.getByText('Bảng số liệu').click();
    expect(await periodsCard.locator('tbody tr').last().textContent()).toContain('6 tháng cuối năm 2023');

    // The address is the whole view: open it in a new, separately signed-in browser.
    const copied = new URL(page.url());
    const second = await newPage();
    await signIn(second.page, baseUrl, 'lanhdao', `${copied.pathname}${copied.search}`);
    await title(second.page).waitFor();
    await second.page.locator('.target-page:not(.is-updating)').waitFor();
    expect(await title(second.page).textContent()).toBe(await title(page).textContent());
    expect(await value(second.page).textContent()).toBe(String(earlier.target.figure.value));
    expect(await second.page.getByLabel('Số liệu tính đến ngày').inputValue()).toBe('31/12/2023');
    expect(new URL(second.page.url()).search).toBe(copied.search);
    await second.context.close();
    await context.close();
  });

  test('a date outside the term or an unknown target is explained, never a blank chart', async () => {
    const { context, page } = await newPage();
    await signIn(page, baseUrl, 'lanhdao', `/?page=target&target=${ids.ct2}&asOf=2019-01-01`);
    const alert = page.getByRole('alert').filter({ hasText: 'Ngày số liệu phải nằm trong nhiệm kỳ' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('15/12/2021 – 31/12/2026');
    expect(await page.locator('.recharts-surface').count()).toBe(0);
    await screenshot(page, 'target-error-1366x900.png');
    await page.getByRole('button', { name: 'Về ngày mặc định' }).click();
    await title(page).waitFor();
    expect(await value(page).textContent()).toBe('746');

    await page.goto(`${baseUrl}/?page=target&target=9999`);
    await page.getByRole('alert').filter({ hasText: 'Không tìm thấy chỉ tiêu 9999' }).waitFor();

    // A viewer of Phan Thiết asking for another district's figures: refused with a message.
    const viewer = await newPage();
    await signIn(viewer.page, baseUrl, 'xem.phanthiet', `/?page=target&target=${ids.ct2}&unit=1`);
    await viewer.page.getByRole('alert').first().waitFor();
    expect(await viewer.page.getByRole('alert').first().textContent()).toMatch(/quyền/);
    await viewer.context.close();
    await context.close();
  });

  test('on a phone, then in English', async () => {
    const { context, page } = await newPage(PHONE);
    await signIn(page, baseUrl, 'lanhdao', `/?page=target&target=${ids.ct2}`);
    await title(page).waitFor();
    await waitForCharts(page);
    await screenshot(page, 'target-390x844.png');
    await screenshot(page, 'target-390x844-full.png', true);
    // The charts at phone width, close up (the full page is too tall to read at once).
    if (process.env.SCREENSHOTS === '1')
      await page.locator('.chart-grid').screenshot({ path: `${SCREENSHOTS}/target-charts-390x844.png` });
    // Nothing wider than the phone's screen.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);

    await page.getByText('EN', { exact: true }).click();
    await page.getByText('Forecast for the end of the term').waitFor();
    const text = (await page.locator('main').textContent()) ?? '';
    for (const words of [
      'Result as of 30/06/2024',
      'Resolution target',
      'To date against the plan',
      'By unit below',
      'Notes and evidence',
      'trend 2022–2024',
    ]) {
      expect(text, words).toContain(words);
    }
    // Still nothing wider than the screen with the longer English labels.
    const overflowEn = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflowEn).toBeLessThanOrEqual(0);
    // Numbers keep the Vietnamese grammar in both languages.
    expect(await value(page).textContent()).toBe('746');
    expect(text).not.toContain('Dự báo cuối nhiệm kỳ');
    await screenshot(page, 'target-en-390x844-full.png', true);
    await context.close();
  });

  test('English from the start, a district against its allocation', async () => {
    const desktop = await newPage();
    // A link with ?lang=en opens in English (for a foreign visitor), the view unchanged.
    const view = `/?page=target&target=${ids.ct2}&unit=${ids.phanThiet}`;
    await signIn(desktop.page, baseUrl, 'lanhdao', view);
    await desktop.page.goto(`${baseUrl}${view}&lang=en`);
    await desktop.page.getByText('Allocated target').waitFor();
    expect(await desktop.page.locator('.target-facts').textContent()).toContain('110 hộ');
    expect(await breadcrumb(desktop.page).count()).toBe(0); // the Vietnamese label is gone…
    expect(await desktop.page.getByRole('navigation', { name: 'Unit location' }).textContent()).toContain(
      'Thành phố Phan Thiết',
    );
    await waitForCharts(desktop.page);
    await screenshot(desktop.page, 'target-en-district-1366x900-full.png', true);
    await desktop.context.close();
  });

  test('every target of the demo opens with its figure, a chart or a reason, and no script error', async () => {
    const { context, page } = await newPage();
    await signIn(page, baseUrl, 'lanhdao');
    const dashboard = await apiGet<{
      targets: { id: number; code: string; figure: { value: number | null } }[];
    }>(page, baseUrl, '/terms/1/dashboard');
    for (const target of dashboard.targets) {
      await page.goto(`${baseUrl}/?page=target&target=${target.id}&term=1&unit=1&asOf=2024-06-30`);
      await title(page).waitFor();
      expect(await title(page).textContent()).toMatch(new RegExp(`^${target.code}\\. `));
      const shown = (await value(page).textContent()) ?? '';
      if (target.figure.value === null) expect(shown).toBe('Chưa báo cáo');
      else expect(shown).not.toBe('Chưa báo cáo');
      // The forecast is a figure with its method, or says why there is none.
      expect(await page.getByTestId('target-forecast').textContent()).toMatch(/theo xu hướng|Chưa dự báo/);
      if (target.code === 'CT1' || target.code === 'CT3') {
        await waitForCharts(page);
        await screenshot(page, `target-${target.code}-1366x900-full.png`, true);
      }
    }
    await context.close();
  }, 180_000);
});
