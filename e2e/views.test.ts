/**
 * Leaders' views as a foreign reader and a colour-blind reader see them, and the filters of the
 * cockpit and the audit log: English numbers, total rows, "không giao", state and audit filters.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assertReady,
  launchBrowser,
  newPage as openPage,
  signIn,
  startServer,
  type TestServer,
} from './harness.ts';

let server: TestServer | undefined;
let browser: Browser | undefined;
let baseUrl = '';
const pageErrors: string[] = [];

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

const cardText = async (page: Page, code: string) =>
  (await page.locator(`[data-code="${code}"]`).first().textContent()) ?? '';

describe('numbers in English', () => {
  test('the overview writes 2,986, 83.8% and 11.54 billion VND in English, 2.986 in Vietnamese', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, baseUrl, 'lanhdao', '/');
      await page.locator('[data-code="CT4"]').first().waitFor();
      expect(await cardText(page, 'CT4')).toContain('2.986');
      expect(await cardText(page, 'CT6')).toContain('83,8%');

      await page.goto(`${baseUrl}/?lang=en`);
      await page.getByText('Resolution targets').waitFor();
      const ct4 = await cardText(page, 'CT4');
      expect(ct4).toContain('2,986');
      expect(ct4).toContain('Goal: 2,500 hộ');
      expect(ct4).toContain('119.4% of goal');
      expect(await cardText(page, 'CT6')).toContain('83.8%');
      expect(await cardText(page, 'CT3')).toContain('worth 11.54 billion VND');
      expect(await cardText(page, 'CT7')).toMatch(/21\.35\s*billion VND/);
      // Every figure the page writes, without the resolution's wording (quoted as adopted, in Vietnamese).
      const figures = await page.locator('main').evaluate((main) => {
        const copy = main.cloneNode(true) as HTMLElement;
        for (const wording of copy.querySelectorAll('details')) wording.remove();
        return copy.textContent ?? '';
      });
      expect(figures).not.toMatch(/tỷ đồng|triệu đồng|\d,\d+%|2\.986/);
      // The works chart's axis and the table under it in English too.
      await page.locator('.chart-grid').scrollIntoViewIfNeeded();
      await page.locator('.works-chart .recharts-bar-rectangle').first().waitFor({ state: 'visible' });
      expect(await page.locator('.works-chart').textContent()).toContain('billion VND');
    } finally {
      await context.close();
    }
  });
});
