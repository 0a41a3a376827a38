/**
 * The built app runs under the server's Content-Security-Policy (scripts from our own origin
 * only, no inline script): an admin signs in and opens every page of the menu, the charts and the
 * report included, and Chromium reports no CSP violation; each page is one `main#main` landmark. An injected inline script is blocked,
 * which shows the policy is enforced, not merely sent.
 */
import type { Browser, ConsoleMessage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assertReady,
  launchBrowser,
  newPage,
  requestsSettled,
  signIn,
  startServer,
  type TestServer,
} from './harness.ts';

let browser: Browser | undefined;
let server: TestServer | undefined;
beforeAll(async () => {
  assertReady();
  browser = await launchBrowser();
  server = await startServer();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const PAGES = [
  'overview',
  'lagging',
  'missions',
  'compare',
  'entry',
  'cockpit',
  'audit',
  'report',
  'terms',
  'units',
  'users',
  'reorganise',
];

const isViolation = (m: ConsoleMessage) =>
  /Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(m.text());

describe('the app under its Content-Security-Policy', () => {
  test('every page of the menu runs with no CSP violation; an inline script is refused', async () => {
    if (!browser || !server) throw new Error('not started');
    const errors: string[] = [];
    const { context, page } = await newPage(browser, errors);
    const violations: string[] = [];
    page.on('console', (m) => {
      if (isViolation(m)) violations.push(`${page.url()}: ${m.text()}`);
    });
    try {
      const first = await page.goto(server.baseUrl);
      expect(first?.headers()['content-security-policy']).toContain("script-src 'self'");
      await signIn(page, server.baseUrl, 'admin');
      for (const name of PAGES) {
        await page.goto(`${server.baseUrl}/?page=${name}`);
        await page.getByRole('navigation', { name: 'Các trang' }).waitFor();
        // The page itself, not the placeholder shown while its code arrives, is the main landmark
        // the skip link leads to.
        await page.locator('main#main:not(:has(.page-loading))').waitFor();
        await requestsSettled(page);
        expect(await page.locator('main#main').count(), name).toBe(1);
      }
      // The overview's charts (SVG with inline styles) and a target page.
      await page.goto(server.baseUrl);
      await page.locator('.chart-grid').scrollIntoViewIfNeeded();
      await page.locator('.recharts-surface').first().waitFor();
      await requestsSettled(page);
      expect(violations).toEqual([]);
      expect(errors).toEqual([]);

      // Enforced: a script injected inline does not run, and Chromium says why.
      const ran = await page.evaluate(() => {
        const script = document.createElement('script');
        script.textContent = 'window.__injected = true;';
        document.body.append(script);
        return (window as { __injected?: boolean }).__injected === true;
      });
      expect(ran).toBe(false);
      await expect.poll(() => violations.length).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
    // Twelve pages, each loaded in full, on a shared 2-core machine.
  }, 180_000);
});
