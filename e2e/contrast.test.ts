/**
 * Text contrast (WCAG AA, 4,5:1 for normal text) of the greys Lighthouse found too faint: the
 * as-of date's hint "Trong nhiệm kỳ: …" on the overview and "Chưa nhập" on the entry grid. The
 * ratio is computed from the colours the browser actually draws (the text's colour over the first
 * opaque background behind it).
 */
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assertReady,
  launchBrowser,
  newPage,
  scriptErrorsPerTest,
  signIn,
  startServer,
  type TestServer,
} from './harness.ts';

let server: TestServer;
let browser: Browser;
const errors = scriptErrorsPerTest();

beforeAll(async () => {
  assertReady();
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** WCAG contrast ratio of an element's text against what is drawn behind it. */
function contrastOf(locator: Locator): Promise<number> {
  return locator.evaluate((element) => {
    const rgba = (css: string) =>
      (css.match(/[\d.]+/g) ?? []).map(Number) as [number, number, number, number?];
    const luminance = ([r, g, b]: number[]) => {
      const channel = (v: number) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r ?? 0) + 0.7152 * channel(g ?? 0) + 0.0722 * channel(b ?? 0);
    };
    let background: number[] | null = null;
    for (let node: Element | null = element; node && !background; node = node.parentElement) {
      const [r, g, b, a = 1] = rgba(getComputedStyle(node).backgroundColor);
      if (a === 1) background = [r, g, b];
    }
    const [r, g, b, a = 1] = rgba(getComputedStyle(element).color);
    const behind = background ?? [255, 255, 255];
    // Text drawn with transparency blends with what is behind it.
    const text = [r, g, b].map((v, i) => v * a + (behind[i] ?? 255) * (1 - a));
    const [light, dark] = [luminance(text), luminance(behind)].sort((x, y) => y - x) as [number, number];
    return (light + 0.05) / (dark + 0.05);
  });
}

describe('faint text is readable (contrast ≥ 4,5:1)', () => {
  test('the as-of date hint on the overview', async () => {
    const { context, page } = await newPage(browser, errors);
    try {
      await signIn(page, server.baseUrl, 'lanhdao');
      const hint = page.getByText(/^Trong nhiệm kỳ: /);
      await hint.waitFor();
      expect(await contrastOf(hint)).toBeGreaterThanOrEqual(4.5);
    } finally {
      await context.close();
    }
  });

  test('"Chưa nhập" on the entry grid', async () => {
    const { context, page } = await newPage(browser, errors);
    try {
      await signIn(page, server.baseUrl, 'nhap.phuthuy', '/?page=entry');
      const empty = page.locator('.row-status--empty').first();
      await empty.waitFor();
      expect(await empty.textContent()).toBe('Chưa nhập');
      expect(await contrastOf(empty)).toBeGreaterThanOrEqual(4.5);
    } finally {
      await context.close();
    }
  });
});
