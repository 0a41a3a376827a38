/**
 * Figures that stay true once real use starts, as a leader sees them in the browser: one ward
 * reporting a new half-year early, and the structure after the 2024 and 2025 merges.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyReorganisation, recordResult, schema, setSubmissionState } from '@chitieu/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assertReady,
  DEMO_PASSWORD,
  demoIds,
  launchBrowser,
  newPage,
  ROOT,
  screenshot,
  signIn,
  startServer,
  type TestServer,
} from './harness.ts';

const MAPS = join(ROOT, 'packages/db/src/seed/data');
let browser: Browser;
const errors: string[] = [];

beforeAll(async () => {
  assertReady();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const card = (page: Page, code: string) => page.locator(`[data-code="${code}"]`);

/** Act as another user through the API, with a session of their own. */
async function as(server: TestServer, username: string) {
  const context = await browser.newContext();
  const res = await context.request.post(`${server.baseUrl}/api/auth/login`, {
    data: { username, password: DEMO_PASSWORD },
    headers: { origin: server.baseUrl },
  });
  expect(res.status()).toBe(200);
  return {
    send: async (method: 'PUT' | 'POST', path: string, data: unknown) => {
      const r = await context.request.fetch(`${server.baseUrl}/api${path}`, {
        method,
        data,
        headers: { origin: server.baseUrl },
      });
      expect(r.status(), await r.text()).toBe(200);
    },
    close: () => context.close(),
  };
}

describe('one ward reports the second half of 2024 before the others', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  test('the province stays at 7/8, CT1 at 124/124, and the page says 1/124 have reported', async () => {
    const { page, context } = await newPage(browser, errors);
    await signIn(page, server.baseUrl, 'lanhdao');
    const ids = await demoIds(page, server.baseUrl);
    const indicator = (code: string) =>
      server.db
        .select()
        .from(schema.indicators)
        .all()
        .find((i) => i.code === code)?.id as number;
    const clerk = await as(server, 'nhap.phuthuy');
    for (const [code, fields] of [
      ['HD5LH', { meets: true }],
      ['THOATNGHEO', { value: '7' }],
      ['TO_CDS', { value: '1' }],
    ] as const) {
      await clerk.send('PUT', '/results', {
        unitId: ids.phuThuy,
        periodId: ids.h2of2024,
        indicatorId: indicator(code),
        expectedVersion: null,
        ...fields,
      });
    }
    await clerk.send('POST', `/submissions/${ids.phuThuy}/${ids.h2of2024}/submit`, {});
    await clerk.close();
    const approver = await as(server, 'duyet.phanthiet');
    await approver.send('POST', `/submissions/${ids.phuThuy}/${ids.h2of2024}/approve`, {});
    await approver.close();

    await page.goto(`${server.baseUrl}/?asOf=2024-12-31`);
    await expect
      .poll(() => page.getByRole('heading', { level: 2, name: /^Hoàn thành/ }).textContent())
      .toBe('Hoàn thành 7/8 chỉ tiêu');
    await expect.poll(() => card(page, 'CT1').locator('.target-card__number').textContent()).toBe('124/124');
    // Said once, under the headline; a card says only what differs (CT3's works: none in that half).
    await expect
      .poll(() => page.locator('.headline__dating').textContent())
      .toBe('1/124 đơn vị đã báo cáo kỳ 6T cuối 2024 · số liệu mới nhất: 6T cuối 2024');
    await expect
      .poll(() => card(page, 'CT3').locator('.target-card__dating').textContent())
      .toBe('số liệu mới nhất: 6T đầu 2024');
    await screenshot(page, 'figures-partial-reporting.png', true);
    await context.close();
    expect(errors).toEqual([]);
  });
});

describe('after the 2024 and 2025 merges', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
    const { db } = server;
    applyReorganisation(db, 'system', {
      map: readFileSync(join(MAPS, 'merges-2024.csv')),
      effectiveDate: '2024-12-01',
    });
    applyReorganisation(db, 'system', {
      map: readFileSync(join(MAPS, 'merges-2025.csv')),
      effectiveDate: '2025-07-01',
      parentNames: { '68': 'Tỉnh Lâm Đồng' },
    });
    // Three of the 45 new units have reported the second half of 2025, two of them meeting the rule.
    const h2of2025 = db
      .select()
      .from(schema.periods)
      .all()
      .find((p) => p.kind === 'half' && p.startDate === '2025-07-01')?.id as number;
    const meeting = db
      .select()
      .from(schema.indicators)
      .all()
      .find((i) => i.code === 'HD5LH')?.id as number;
    const newUnits = db
      .select()
      .from(schema.units)
      .all()
      .filter((u) => u.validFrom === '2025-07-01' && u.isGrassroots)
      .slice(0, 3);
    newUnits.forEach((u, i) => {
      recordResult(db, { unitId: u.id, indicatorId: meeting, periodId: h2of2025, meets: i < 2 });
      setSubmissionState(db, { unitId: u.id, periodId: h2of2025, state: 'approved' });
    });
  });
  afterAll(() => server.close());

  test('CT1 counts the 45 units of the new structure and never passes 100 %', async () => {
    const { page, context } = await newPage(browser, errors);
    await signIn(page, server.baseUrl, 'lanhdao', '/?asOf=2025-12-31');
    await expect.poll(() => card(page, 'CT1').locator('.target-card__number').textContent()).toBe('2/45');
    const unit = await card(page, 'CT1').locator('.target-card__unit').textContent();
    const share = Number(/\(([\d,]+)%\)/.exec(unit ?? '')?.[1]?.replace(',', '.'));
    expect(share).toBeLessThanOrEqual(100);
    await expect
      .poll(() => page.locator('.headline__dating').textContent())
      .toContain('3/45 đơn vị đã báo cáo kỳ 6T cuối 2025');
    await screenshot(page, 'figures-after-merges.png', true);
    await context.close();
    expect(errors).toEqual([]);
  });
});
