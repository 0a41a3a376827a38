/**
 * A working day, role by role, in one story on one server: the ward's clerk lands on the report
 * still owed, pastes a block from Excel with one unusual figure, explains it and sends; the city's
 * approver finds the report in the inbox with its flag and returns it with a comment; the clerk is
 * notified, fixes the figure and sends again; the approver approves; the leader sees the figure with
 * its period and how many units reported it. Pictures of each screen with SCREENSHOTS=1.
 */
import { recordResult, schema } from '@chitieu/db';
import { eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  apiGet,
  assertReady,
  DESKTOP,
  demoIds,
  launchBrowser,
  newPage,
  PHONE,
  pasteInto,
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

const rowSel = (code: string) => `tr.entry-row[data-indicator="${code}"]`;
const cellSel = (code: string, field = 'value') => `${rowSel(code)} input[data-field="${field}"]`;
const cell = (page: Page, code: string, field = 'value') => page.locator(cellSel(code, field));
const badge = (page: Page) => page.locator('.report-bar .report-badge');
const saved = (page: Page, code: string) =>
  page.locator(`${rowSel(code)} .row-status`, { hasText: 'Đã lưu' }).waitFor();
const bell = (page: Page) => page.locator('.notif-link a');
const GRID_TITLE = 'Phường Phú Thủy · 6 tháng cuối năm 2024';

/** Both sizes the issue asks pictures of: the desktop's, then a phone's, of the same address. */
async function pictures(page: Page, name: string) {
  if (process.env.SCREENSHOTS !== '1' || !browser) return;
  await screenshot(page, `day-${name}-1366x900.png`, true);
  const phone = await newPage(browser, [], PHONE);
  await phone.context.addCookies(await page.context().cookies());
  await phone.page.goto(page.url());
  await phone.page.locator('main#main:not(:has(.page-loading))').waitFor();
  await phone.page.waitForLoadState('networkidle');
  await screenshot(phone.page, `day-${name}-390x844.png`, true);
  await phone.context.close();
}

describe('a working day, role by role', () => {
  test('clerk → approver → clerk → approver → leader', async () => {
    if (!browser || !server) throw new Error('not started');
    const { baseUrl, db } = server;
    const errors: string[] = [];
    const clerk = await newPage(browser, errors, { viewport: DESKTOP });
    const approver = await newPage(browser, errors, { viewport: DESKTOP });
    const leader = await newPage(browser, errors, { viewport: DESKTOP });
    const a = clerk.page;
    const b = approver.page;
    const c = leader.page;

    // ------------------------------------------------ the clerk lands on the report still owed
    await signIn(a, baseUrl, 'nhap.phuthuy');
    const ids = await demoIds(a, baseUrl);
    await a.locator('.entry-grid').waitFor();
    const picker = a.getByLabel('Kỳ báo cáo');
    const overdue = (await picker.locator('option').allTextContents()).filter((l) => l.endsWith('· Quá hạn'));
    expect(overdue.length).toBeGreaterThan(0);
    expect(await picker.locator('option:checked').textContent()).toBe(overdue[overdue.length - 1]);
    await pictures(a, 'clerk-landing');

    // The half-year before, the ward helped 2 households out of poverty.
    const poverty = db.select().from(schema.indicators).where(eq(schema.indicators.code, 'THOATNGHEO')).get();
    if (!poverty) throw new Error('the demo should have THOATNGHEO');
    recordResult(db, { unitId: ids.phuThuy, indicatorId: poverty.id, periodId: ids.h1of2024, value: 2 });
    const before = await wardPoverty(a, baseUrl, ids.termId, ids.phuThuy);

    // ------------------------------------- a block pasted from Excel, one figure far above the last
    await a.goto(`${baseUrl}/?page=entry&term=${ids.termId}&unit=${ids.phuThuy}&period=${ids.h2of2024}`);
    await a.locator('.report-bar__title', { hasText: GRID_TITLE }).waitFor();
    await pasteInto(a, cellSel('THOATNGHEO'), '3000\r\n5\r\n');
    await a.getByText('Đã dán 2 ô.').waitFor();
    await saved(a, 'THOATNGHEO');
    await saved(a, 'NTM_CT');
    // The flag is the server's: it is there when the grid is opened again.
    await a.reload();
    const flagged = a.locator(`${rowSel('THOATNGHEO')}[data-flag="far_above_previous"]`);
    await flagged.locator('.cell-msg--flag').waitFor();

    // Sending asks for the reason first.
    await a.getByRole('button', { name: 'Gửi duyệt' }).click();
    const send = a.getByRole('dialog', { name: 'Gửi duyệt' });
    const listed = send.locator('.flag-list tr[data-indicator="THOATNGHEO"]');
    expect(await listed.locator('.flag-list__missing').textContent()).toBe('Chưa có ghi chú');
    expect(await send.getByRole('button', { name: 'Gửi duyệt' }).isDisabled()).toBe(true);
    await pictures(a, 'clerk-send-needs-note');
    await send.getByRole('button', { name: 'Hủy' }).click();
    await send.waitFor({ state: 'hidden' });
    const reason = 'Cả phường vào chương trình sinh kế của tỉnh';
    await cell(a, 'THOATNGHEO', 'note').fill(reason);
    await a.keyboard.press('Tab');
    await saved(a, 'THOATNGHEO');
    await a.getByRole('button', { name: 'Gửi duyệt' }).click();
    await send.locator('.flag-list').getByText(reason).waitFor();
    await send.getByRole('button', { name: 'Gửi duyệt' }).click();
    await badge(a).filter({ hasText: 'Chờ duyệt' }).waitFor();

    // ------------------------------------- the approver: the inbox, with the flag; returned
    await signIn(b, baseUrl, 'duyet.phanthiet');
    await bell(b).filter({ hasText: 'Thông báo (1)' }).waitFor();
    await b.getByRole('link', { name: /^Chờ duyệt \(\d+\)$/ }).click();
    const waiting = b.locator('table.inbox-table tr[data-unit="Phường Phú Thủy"]');
    await waiting.locator('.inbox-table__flag', { hasText: '1 bất thường' }).waitFor();
    await pictures(b, 'approver-inbox');
    await waiting.getByRole('link', { name: 'Mở để duyệt' }).click();
    await b.locator('.report-bar__title', { hasText: GRID_TITLE }).waitFor();
    await b.locator(`${rowSel('THOATNGHEO')}[data-flag="far_above_previous"] .cell-msg--flag`).waitFor();
    expect(await cell(b, 'THOATNGHEO', 'note').inputValue()).toBe(reason);
    await b.getByRole('button', { name: 'Trả lại' }).click();
    const returning = b.getByRole('dialog', { name: 'Trả lại báo cáo' });
    const comment = '3.000 hộ là cả chương trình; chỉ ghi số hộ thoát nghèo trong kỳ này.';
    await returning.getByLabel('Nhận xét gửi đơn vị').fill(comment);
    await returning.getByRole('button', { name: 'Trả lại báo cáo' }).click();
    await badge(b).filter({ hasText: 'Bị trả lại' }).waitFor();

    // ------------------------------------- the clerk is notified, fixes the figure, sends again
    await a.reload();
    await bell(a).filter({ hasText: 'Thông báo (1)' }).waitFor();
    await bell(a).click();
    const notice = a.locator('.notif--unread', { hasText: 'bị trả lại' });
    await notice.getByText(comment, { exact: false }).waitFor();
    await pictures(a, 'clerk-notifications');
    await notice.getByRole('link').first().click();
    await a.locator('.returned-alert', { hasText: comment }).waitFor();
    await cell(a, 'THOATNGHEO').click();
    await a.keyboard.type('300');
    await a.keyboard.press('Tab');
    await saved(a, 'THOATNGHEO');
    expect(await cell(a, 'THOATNGHEO').inputValue()).toBe('300');
    await a.getByRole('button', { name: 'Gửi duyệt lại' }).click();
    await send.locator('.flag-list').getByText(reason).waitFor();
    await send.getByRole('button', { name: 'Gửi duyệt' }).click();
    await badge(a).filter({ hasText: 'Chờ duyệt' }).waitFor();

    // ------------------------------------- the approver approves, from the inbox again
    await b.getByRole('link', { name: /^Chờ duyệt \(\d+\)$/ }).click();
    await waiting.getByRole('link', { name: 'Mở để duyệt' }).click();
    await b.locator('.report-bar__title', { hasText: GRID_TITLE }).waitFor();
    await expect.poll(() => cell(b, 'THOATNGHEO').inputValue()).toBe('300');
    await b.getByRole('button', { name: 'Duyệt', exact: true }).click();
    const approving = b.getByRole('dialog', { name: 'Duyệt báo cáo' });
    await approving.locator('.flag-list tr[data-indicator="THOATNGHEO"]').getByText(reason).waitFor();
    await approving.getByRole('button', { name: 'Duyệt báo cáo' }).click();
    await badge(b).filter({ hasText: 'Đã duyệt' }).waitFor();

    // ------------------------------------- the leader: the figure, its period and its coverage
    await signIn(c, baseUrl, 'lanhdao', `/?unit=${ids.phuThuy}&asOf=2024-12-31`);
    expect(await wardPoverty(c, baseUrl, ids.termId, ids.phuThuy)).toBe(before + 300);
    const card = c.locator('[data-code="CT2"]');
    await expect
      .poll(async () =>
        Number(((await card.locator('.target-card__number').textContent()) ?? '').replaceAll('.', '')),
      )
      .toBe(before + 300);
    await expect
      .poll(() => c.locator('.headline__dating').textContent())
      .toContain('số liệu mới nhất: 6T cuối 2024');
    await c.goto(`${baseUrl}/?asOf=2024-12-31`);
    await expect
      .poll(() => c.locator('.headline__dating').textContent())
      .toBe('1/124 đơn vị đã báo cáo kỳ 6T cuối 2024 · số liệu mới nhất: 6T cuối 2024');
    await pictures(c, 'leader-overview');

    expect(errors).toEqual([]);
    await clerk.context.close();
    await approver.context.close();
    await leader.context.close();
  });
});

/** The ward's households out of poverty (CT2) as the API counts them at 31/12/2024, approved only. */
async function wardPoverty(page: Page, baseUrl: string, termId: number, unitId: number) {
  const dashboard = await apiGet<{ targets: { code: string; figure: { value: number | null } }[] }>(
    page,
    baseUrl,
    `/terms/${termId}/dashboard?unitId=${unitId}&asOf=2024-12-31&basis=approved`,
  );
  return dashboard.targets.find((t) => t.code === 'CT2')?.figure.value ?? 0;
}
