/**
 * On a phone (390×844) no page scrolls sideways: wide tables and grids scroll in their own box. On a
 * phone Chromium zooms out to show a page wider than the screen, so `window.innerWidth` grows with
 * it; both it and `scrollWidth` are held to the phone's width. Every page of each role's menu, and
 * the notifications page from the header, opened fresh (each loads from the address).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assertReady,
  launchBrowser,
  newPage,
  PHONE,
  requestsSettled,
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

/** The page's widths once its data has arrived and drawn. */
async function widths(page: Page) {
  await page.locator('main#main:not(:has(.page-loading))').waitFor();
  await requestsSettled(page);
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
    innerWidth: window.innerWidth,
  }));
}

describe('no page scrolls sideways on a phone', () => {
  for (const username of ['lanhdao', 'duyet.phanthiet', 'nhap.phuthuy', 'admin']) {
    test(`the menu of ${username}`, async () => {
      if (!browser || !server) throw new Error('not started');
      const { context, page } = await newPage(browser, pageErrors, PHONE);
      try {
        await signIn(page, server.baseUrl, username);
        const links = page.getByRole('navigation', { name: 'Các trang' }).getByRole('link');
        const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
        expect(hrefs.length).toBeGreaterThan(2);
        const wide: string[] = [];
        for (const href of [...hrefs, `${server.baseUrl}/?page=notifications`]) {
          await page.goto(href);
          const w = await widths(page);
          if (w.scrollWidth > w.clientWidth || w.innerWidth !== PHONE.viewport.width) {
            wide.push(`${new URL(href).search || '/'}: ${JSON.stringify(w)}`);
          }
        }
        expect(wide).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
