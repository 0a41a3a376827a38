/**
 * What every browser test needs: the built web app served by the API on a fresh demo database,
 * headless Chromium, signing in, and a few ways to read the API as the signed-in user. `npm test`
 * builds the web app first; without a build the tests fail (they never skip).
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Db, DEMO_PASSWORD } from '@chitieu/db';
import { cloneDatabase, demoDatabase } from '@chitieu/db/testing';
import { type ServerType, serve } from '@hono/node-server';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterEach, expect, inject } from 'vitest';
import { createApp } from '../apps/api/src/app.ts';
import { CHROMIUM } from './chromium.ts';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SCREENSHOTS = join(ROOT, 'screenshots');
const DIST_INDEX = join(ROOT, 'apps/web/dist/index.html');

export { DEMO_PASSWORD };

/** Fail early, with what to do, when the web app is not built or Chromium is missing. */
export function assertReady() {
  if (!existsSync(DIST_INDEX)) {
    throw new Error(
      `The web app is not built: ${DIST_INDEX} is missing. Run \`npm run build\` first (\`npm test\` does).`,
    );
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}.`);
  mkdirSync(SCREENSHOTS, { recursive: true });
}

/** The group's Chromium (started once, `e2e/chromium-server.ts`); `close()` closes this file's contexts. */
export function launchBrowser(): Promise<Browser> {
  return chromium.connect(inject('chromiumEndpoint'));
}

export interface TestServer {
  baseUrl: string;
  db: Db;
  close: () => Promise<void>;
  /** Stop listening and drop every open connection, as a server that went down (the data stays). */
  stop: () => Promise<void>;
  /** Listen again on the same port, with the same data. */
  restart: () => Promise<void>;
}

/** Seeding the demo takes a while: seed once per test file, then copy it for each server. */
let seeded: Db | undefined;

/** The API and web app on a database of its own (a fresh copy of the demo). */
export async function startServer(): Promise<TestServer> {
  seeded ??= demoDatabase().db;
  const db = cloneDatabase(seeded);
  const app = createApp({ db });
  const server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  const http = server as Server;
  // Node closes a connection idle for 5 s; a test's own requests (page.request) reuse theirs, and on a
  // busy machine one sent as the server closed it met ECONNRESET. A test server keeps them while it runs.
  http.keepAliveTimeout = 120_000;
  const stop = () =>
    new Promise<void>((resolve) => {
      if (!http.listening) return resolve();
      http.close(() => resolve());
      // Keep-alive connections would hold close() open for seconds; a stopped server has none.
      http.closeAllConnections();
    });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    db,
    stop,
    restart: () => new Promise<void>((resolve) => http.listen(port, '127.0.0.1', () => resolve())),
    close: () =>
      stop().then(() => {
        db.$client.close();
      }),
  };
}

export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/**
 * The list to hand to `newPage` in a test file: the script errors of the pages a test opened fail that
 * test, in its own `afterEach`, whichever order the tests run in.
 */
export function scriptErrorsPerTest(): string[] {
  const errors: string[] = [];
  afterEach(() => {
    expect(errors.splice(0), 'script errors on the pages this test opened').toEqual([]);
  });
  return errors;
}

/** A new browser context (its own cookies and storage) and page; script errors go to `errors`. */
export async function newPage(
  browser: Browser,
  errors: string[],
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: DESKTOP, ...options });
  // Each wait ends when its condition holds; this is only how long a busy machine may take to get there.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  trackRequests(page);
  return { context, page };
}

/** Requests each page has started and not yet finished, and who waits for none to be left. */
const requests = new WeakMap<Page, { open: number; waiting: (() => void)[] }>();

function trackRequests(page: Page) {
  const state = { open: 0, waiting: [] as (() => void)[] };
  requests.set(page, state);
  const ended = () => {
    state.open -= 1;
    if (state.open === 0) for (const resolve of state.waiting.splice(0)) resolve();
  };
  page.on('request', () => {
    state.open += 1;
  });
  page.on('requestfinished', ended);
  page.on('requestfailed', ended);
}

/**
 * Every request the page has started has ended: a condition, where Playwright's 'networkidle'
 * waits for half a second of silence after each page.
 */
export function requestsSettled(page: Page): Promise<void> {
  const state = requests.get(page);
  if (!state) throw new Error('requestsSettled needs a page opened with newPage()');
  return state.open === 0 ? Promise.resolve() : new Promise((resolve) => state.waiting.push(resolve));
}

/**
 * Sign in as `username` and open `path`; resolves once the signed-in frame (its menu) is there. The
 * sign-in goes through the API, as the form's button does: the form itself is the subject of the
 * tests that fill it in (dashboard, reporting, recovery, setup), and opening it first in every other
 * test cost a whole page load each time.
 */
export async function signIn(page: Page, baseUrl: string, username: string, path = '/') {
  const res = await page.request.post(`${baseUrl}/api/auth/login`, {
    data: { username, password: DEMO_PASSWORD },
    headers: { origin: baseUrl },
  });
  if (!res.ok()) throw new Error(`sign-in ${username}: ${res.status()} ${await res.text()}`);
  await page.goto(`${baseUrl}${path}`);
  await page.getByRole('navigation', { name: 'Các trang' }).waitFor();
}

/** GET an API path as the page's signed-in user. */
export async function apiGet<T>(page: Page, baseUrl: string, path: string): Promise<T> {
  const res = await page.request.get(`${baseUrl}/api${path}`);
  if (!res.ok()) throw new Error(`GET ${path}: ${res.status()} ${await res.text()}`);
  return (await res.json()) as T;
}

/** Ids the tests need, looked up by name through the API (never assumed). */
export async function demoIds(page: Page, baseUrl: string) {
  const { units } = await apiGet<{ units: { id: number; name: string }[] }>(page, baseUrl, '/units');
  const unit = (name: string) => {
    const found = units.find((u) => u.name === name);
    if (!found) throw new Error(`no unit ${name}`);
    return found.id;
  };
  const [term] = await apiGet<{ id: number }[]>(page, baseUrl, '/terms');
  if (!term) throw new Error('no term');
  const periods = await apiGet<{ id: number; startDate: string }[]>(
    page,
    baseUrl,
    `/terms/${term.id}/periods`,
  );
  const period = (startDate: string) => {
    const found = periods.find((p) => p.startDate === startDate);
    if (!found) throw new Error(`no period from ${startDate}`);
    return found.id;
  };
  return {
    termId: term.id,
    province: unit('Tỉnh Bình Thuận'),
    phanThiet: unit('Thành phố Phan Thiết'),
    phuThuy: unit('Phường Phú Thủy'),
    h1of2024: period('2024-01-01'),
    h2of2024: period('2024-07-01'),
  };
}
export type DemoIds = Awaited<ReturnType<typeof demoIds>>;

interface GridRow {
  indicator: { id: number; code: string };
  result: {
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    meets: boolean | null;
    note: string | null;
    version: number;
  } | null;
}

/** The stored results of a unit's entry grid, by indicator code. */
export async function storedResults(
  page: Page,
  baseUrl: string,
  ids: DemoIds,
  unitId: number,
  periodId: number,
) {
  const grid = await apiGet<{ rows: GridRow[]; submission: { state: string } | null }>(
    page,
    baseUrl,
    `/entry?termId=${ids.termId}&unitId=${unitId}&periodId=${periodId}`,
  );
  return {
    state: grid.submission?.state ?? null,
    results: new Map(grid.rows.map((r) => [r.indicator.code, r.result])),
  };
}

/** Fire a paste on an element with text as Excel puts it on the clipboard. */
export async function pasteInto(page: Page, selector: string, text: string) {
  await page.evaluate(
    ({ selector, text }) => {
      const el = document.querySelector<HTMLElement>(selector);
      if (!el) throw new Error(`nothing at ${selector}`);
      el.focus();
      const data = new DataTransfer();
      data.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    { selector, text },
  );
}

/**
 * Before a screenshot: fonts loaded and every finite transition or animation finished (endless
 * ones, such as a skeleton's shimmer, are left running). A condition, not a pause.
 */
export async function settle(page: Page) {
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
}

/**
 * A picture of the page for people to look at, once it has settled, written to `screenshots/` when
 * `SCREENSHOTS=1` (`npm run screenshots`). It asserts nothing, so the everyday suite spends no time on it.
 */
export const screenshot = async (page: Page, name: string, fullPage = false) => {
  if (process.env.SCREENSHOTS !== '1') return;
  await settle(page);
  await page.screenshot({ path: join(SCREENSHOTS, name), fullPage });
};
