/**
 * Reminders in the browser: a ward's clerk sends the half-year's report; the city's approver signs
 * in, sees "Thông báo (1)" in the header, opens the list and, from the notification, lands on the
 * ward's entry grid for that period, the notification now read. Screenshots at 1280×800 and 390×844.
 */
import { schema } from '@chitieu/db';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  apiGet,
  assertReady,
  demoIds,
  launchBrowser,
  newPage,
  PHONE,
  screenshot,
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

const bell = (page: Page) => page.locator('.notif-link a');

describe('notifications in the browser', () => {
  test('a clerk sends; the approver sees “Thông báo (1)”, opens it and lands on the grid', async () => {
    if (!browser || !server) throw new Error('not started');
    const { baseUrl, db } = server;
    const errors: string[] = [];

    // ---------------------------------------------- the ward's clerk sends the report
    const clerk = await newPage(browser, errors);
    const a = clerk.page;
    await signIn(a, baseUrl, 'nhap.phuthuy');
    const ids = await demoIds(a, baseUrl);
    const poverty = db
      .select()
      .from(schema.indicators)
      .all()
      .find((i) => i.code === 'THOATNGHEO')?.id as number;
    // A figure saved as the clerk (the grid's own typing is entry.test.ts's subject).
    const saved = await a.request.put(`${baseUrl}/api/results`, {
      headers: { origin: baseUrl },
      data: {
        unitId: ids.phuThuy,
        periodId: ids.h2of2024,
        indicatorId: poverty,
        value: '8',
        expectedVersion: null,
      },
    });
    expect(saved.status()).toBe(200);
    await a.goto(`${baseUrl}/?page=entry&term=${ids.termId}&unit=${ids.phuThuy}&period=${ids.h2of2024}`);
    await a.getByRole('button', { name: 'Gửi duyệt' }).click();
    await a.getByRole('dialog', { name: 'Gửi duyệt' }).getByRole('button', { name: 'Gửi duyệt' }).click();
    await a.locator('.report-bar .report-badge').filter({ hasText: 'Chờ duyệt' }).waitFor();
    // The clerk is not told of their own action.
    await expect.poll(async () => (await bell(a).textContent())?.trim()).toBe('Thông báo');

    // ---------------------------------------------- the city's approver
    const approver = await newPage(browser, errors, { viewport: { width: 1280, height: 800 } });
    const b = approver.page;
    await signIn(b, baseUrl, 'duyet.phanthiet');
    await bell(b).filter({ hasText: 'Thông báo (1)' }).waitFor();
    await screenshot(b, 'notifications-header-1280.png');

    await bell(b).click();
    await b.waitForURL((u) => u.searchParams.get('page') === 'notifications');
    const item = b.locator('.notif', {
      hasText: 'Phường Phú Thủy đã gửi báo cáo 6 tháng cuối năm 2024 để duyệt',
    });
    await item.waitFor();
    expect(await item.getAttribute('class')).toContain('notif--unread');
    expect(await item.textContent()).toContain('Người gửi: Hội LHPN phường Phú Thủy');
    await b.getByRole('heading', { name: 'Thông báo' }).waitFor();
    await screenshot(b, 'notifications-list-1280.png', true);

    // The phone: the count stays in the header (not scrolled away in the menu), and the list reads.
    const phone = await newPage(browser, errors, PHONE);
    const p = phone.page;
    await signIn(p, baseUrl, 'duyet.phanthiet');
    await bell(p).filter({ hasText: 'Thông báo (1)' }).waitFor();
    expect(await bell(p).isVisible()).toBe(true);
    await screenshot(p, 'notifications-header-390x844.png');
    await bell(p).click();
    await p.locator('.notif--unread').first().waitFor();
    await screenshot(p, 'notifications-list-390x844.png', true);
    const noHorizontalScroll = await p.evaluate(
      () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
    );
    expect(noHorizontalScroll).toBe(true);
    await phone.context.close();

    // Following the notification lands on the ward's grid for that period, now read.
    await item.getByRole('link').click();
    await b.waitForURL(
      (u) =>
        u.searchParams.get('page') === 'entry' &&
        u.searchParams.get('unit') === String(ids.phuThuy) &&
        u.searchParams.get('period') === String(ids.h2of2024),
    );
    await b.locator('.report-bar .report-badge').filter({ hasText: 'Chờ duyệt' }).waitFor();
    await b.getByRole('button', { name: 'Duyệt', exact: true }).waitFor();
    await expect.poll(async () => (await bell(b).textContent())?.trim()).toBe('Thông báo');
    const mine = await apiGet<{ unread: number; items: { readAt: string | null }[] }>(
      b,
      baseUrl,
      '/notifications',
    );
    expect(mine.unread).toBe(0);
    expect(mine.items[0]?.readAt).not.toBeNull();

    expect(errors).toEqual([]);
    await clerk.context.close();
    await approver.context.close();
  });
});
