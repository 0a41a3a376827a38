/**
 * Nothing jumps while a page fills in: the frame waits for the organisation's name and the demo
 * banner, the overview for the term, and a unit list keeps its search box's place while it loads.
 * Chromium's own layout-shift entries are summed (the measure Lighthouse calls CLS) on a phone, the
 * CPU slowed four times so the answers arrive one by one as on a real phone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assertReady,
  launchBrowser,
  newPage,
  PHONE,
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

/** Every layout shift of a fresh load of `path`, until its figures are drawn. */
async function shiftsOf(page: Page, path: string, drawn: string) {
  if (!server) throw new Error('not started');
  await page.addInitScript(() => {
    const shifts: { value: number; moved: string[] }[] = [];
    Object.assign(window, { shifts });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & {
        value: number;
        sources: { node?: Node }[];
      })[])
        shifts.push({
          value: entry.value,
          moved: entry.sources.map((s) =>
            s.node instanceof Element ? s.node.className || s.node.tagName : '?',
          ),
        });
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(`${server.baseUrl}${path}`);
  await page.locator(drawn).first().waitFor();
  await page.locator('main#main:not(:has(.page-loading))').waitFor();
  return page.evaluate(() => (window as unknown as { shifts: { value: number; moved: string[] }[] }).shifts);
}

describe('pages do not jump while they fill in, on a phone', () => {
  for (const [username, path, drawn] of [
    ['lanhdao', '/', '.headline'],
    ['nhap.phuthuy', '/?page=entry', 'table.entry-grid'],
  ] as const) {
    test(`${path} as ${username}`, async () => {
      if (!browser || !server) throw new Error('not started');
      const { context, page } = await newPage(browser, pageErrors, PHONE);
      try {
        await signIn(page, server.baseUrl, username);
        const shifts = await shiftsOf(page, path, drawn);
        const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
        // "Good" CLS is under 0,1; what is left here is the boot message giving way to the frame.
        expect(total, JSON.stringify(shifts)).toBeLessThan(0.05);
      } finally {
        await context.close();
      }
    });
  }
});
