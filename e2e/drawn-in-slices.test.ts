/**
 * An answer to a shown query, and the view a page resolved written into the address, are drawn as
 * transitions (docs/decisions/0036): never in one synchronous render, which on a phone made each of them
 * one long task. A move the user makes is drawn at once.
 *
 * The probe page (`fixtures/slices`) is built with Vite from the web app's own `lib/query.ts` and
 * `lib/url-state.ts` and run in Chromium. Each render records the live value and a deferred copy of it:
 * React gives a deferred copy its new value at once in a transition, and keeps the old one in an urgent
 * render. So a render that shows the new value while its deferred copy is still the old one is a
 * synchronous one.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Draw } from './fixtures/slices/probe.tsx';
import { assertReady, launchBrowser, newPage, ROOT, scriptErrorsPerTest } from './harness.ts';

const ORIGIN = 'http://probe.test';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };

let browser: Browser | undefined;
let built = '';
const errors = scriptErrorsPerTest();

beforeAll(async () => {
  assertReady();
  built = mkdtempSync(join(tmpdir(), 'chitieu-slices-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(ROOT, 'e2e/fixtures/slices'),
    plugins: [react()],
    build: { outDir: built, emptyOutDir: true, target: 'es2022' },
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  rmSync(built, { recursive: true, force: true });
});

async function openProbe(): Promise<Page> {
  if (!browser) throw new Error('not started');
  const { page } = await newPage(browser, errors);
  await page.route(`${ORIGIN}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    const file = join(built, path === '/' ? 'index.html' : path);
    return route.fulfill({ body: readFileSync(file), contentType: TYPES[extname(file)] ?? 'text/plain' });
  });
  await page.goto(`${ORIGIN}/`);
  await page.getByText('đang chờ · chưa chọn').waitFor();
  return page;
}

const draws = (page: Page) => page.evaluate(() => window.draws) as Promise<Draw[]>;

describe('what a page only shows is drawn in slices', () => {
  test("a query's answer is first drawn in a transition, never in a synchronous render", async () => {
    const page = await openProbe();
    await page.evaluate(() => window.answer('3.000 hộ'));
    await page.getByText('3.000 hộ · chưa chọn').waitFor();
    const shown = (await draws(page)).filter((draw) => draw.answer === '3.000 hộ');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.map((draw) => draw.deferredAnswer)).toEqual(shown.map(() => '3.000 hộ'));
  });

  test('the view a page resolved is drawn in a transition; it never overrides what the address holds', async () => {
    const page = await openProbe();
    await page.evaluate(() => window.resolveUnit(5));
    await page.getByText('đang chờ · 5').waitFor();
    expect(page.url()).toBe(`${ORIGIN}/?unit=5`);
    const shown = (await draws(page)).filter((draw) => draw.unit === 5);
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.map((draw) => draw.deferredUnit)).toEqual(shown.map(() => 5));
    // A page that drew from an older address resolves again: the unit already there stays.
    await page.evaluate(() => window.resolveUnit(7));
    expect(page.url()).toBe(`${ORIGIN}/?unit=5`);
    // Resolving wrote no history entry: Back leaves the probe.
    expect(await page.evaluate(() => window.history.length)).toBe(2);
  });

  test("the user's own move is drawn at once, and Back follows it", async () => {
    const page = await openProbe();
    await page.evaluate(() => window.openUnit(6));
    await page.getByText('đang chờ · 6').waitFor();
    const first = (await draws(page)).find((draw) => draw.unit === 6);
    // Drawn at once: its deferred copy still held the address before.
    expect(first?.deferredUnit).toBeUndefined();
    await page.goBack();
    await page.getByText('đang chờ · chưa chọn').waitFor();
  });
});
