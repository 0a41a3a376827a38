/**
 * Separation of duties as people see it: an admin who entered and submitted a ward's figures is
 * told in the entry grid why they cannot approve them (no "Duyệt" button), the province's approver
 * gets the button; the accounts page shows the setting. Screenshots at 1366×900 and 390×844.
 */
import { recordResult, schema, setSubmissionState } from '@chitieu/db';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
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

describe('separation of duties in the browser', () => {
  test('whoever entered and submitted sees why they cannot approve; another approver can', async () => {
    if (!browser || !server) throw new Error('not started');
    const { baseUrl, db } = server;
    const errors: string[] = [];
    const admin = await newPage(browser, errors);
    await signIn(admin.page, baseUrl, 'admin');
    const ids = await demoIds(admin.page, baseUrl);
    // The admin entered and submitted Phú Thủy's figures for a new half-year.
    const adminId = db.select().from(schema.users).where(eq(schema.users.username, 'admin')).get()?.id;
    const period =
      db
        .select()
        .from(schema.periods)
        .all()
        .find((p) => p.kind === 'half' && p.startDate === '2026-01-01')?.id ??
      db
        .insert(schema.periods)
        .values({ kind: 'half', startDate: '2026-01-01', endDate: '2026-06-30', deadline: '2026-07-10' })
        .returning()
        .get().id;
    const poverty = db
      .select()
      .from(schema.indicators)
      .all()
      .find((i) => i.code === 'THOATNGHEO')?.id as number;
    recordResult(db, {
      unitId: ids.phuThuy,
      indicatorId: poverty,
      periodId: period,
      value: 4,
      userId: adminId,
    });
    setSubmissionState(db, { unitId: ids.phuThuy, periodId: period, state: 'submitted', userId: adminId });

    const grid = `${baseUrl}/?page=entry&term=${ids.termId}&unit=${ids.phuThuy}&period=${period}`;
    await admin.page.goto(grid);
    const note = admin.page.getByRole('note').filter({ hasText: 'tách bạch nhiệm vụ' });
    await note.waitFor();
    expect(await admin.page.getByRole('button', { name: 'Duyệt', exact: true }).count()).toBe(0);
    await screenshot(admin.page, 'duties-blocked.png');

    const phone = await newPage(browser, errors, PHONE);
    await signIn(phone.page, baseUrl, 'admin');
    await phone.page.goto(grid);
    await phone.page.getByRole('note').filter({ hasText: 'tách bạch nhiệm vụ' }).waitFor();
    await screenshot(phone.page, 'duties-blocked-phone.png');

    const approver = await newPage(browser, errors);
    await signIn(approver.page, baseUrl, 'duyet.tinh');
    await approver.page.goto(grid);
    await approver.page.getByRole('button', { name: 'Duyệt', exact: true }).waitFor();

    // The accounts page shows the setting, on.
    await admin.page.goto(`${baseUrl}/?page=users`);
    const setting = admin.page.getByRole('switch', { name: 'Tách bạch nhiệm vụ' });
    await setting.waitFor();
    expect(await setting.isChecked()).toBe(true);
    await screenshot(admin.page, 'duties-setting.png');
    expect(errors).toEqual([]);
    for (const p of [admin, phone, approver]) await p.context.close();
  }, 120_000);
});
