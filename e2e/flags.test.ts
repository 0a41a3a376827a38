/**
 * Flags that persist (issue #15), in a real browser: a ward types 3.000 households where it had 2
 * the half-year before; after a reload the cell is still marked, the send dialog lists it and
 * will not send it without a reason; with a note it is sent, and the approver sees the marked cell,
 * the list with the note in the approve dialog, and a mark in the cockpit.
 */
import { recordResult, schema } from '@chitieu/db';
import { and, eq } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assertReady,
  demoIds,
  launchBrowser,
  newPage,
  PHONE,
  screenshot,
  scriptErrorsPerTest,
  signIn,
  startServer,
  storedResults,
} from './harness.ts';

let browser: Browser | undefined;
const pageErrors = scriptErrorsPerTest();

beforeAll(async () => {
  assertReady();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const open = (options: Parameters<Browser['newContext']>[0] = {}) => {
  if (!browser) throw new Error('browser not started');
  return newPage(browser, pageErrors, options);
};

const rowSel = (code: string) => `tr.entry-row[data-indicator="${code}"]`;
const cell = (page: Page, code: string, field = 'value') =>
  page.locator(`${rowSel(code)} input[data-field="${field}"]`);
const badge = (page: Page) => page.locator('.report-bar .report-badge');
const waitStatus = (page: Page, code: string, text: string) =>
  page.locator(`${rowSel(code)} .row-status`, { hasText: text }).waitFor();

describe('an unusual figure keeps its flag until it is explained and approved', () => {
  test('marked after a reload, listed when sending, needs a note, shown to the approver', async () => {
    const server = await startServer();
    const { baseUrl } = server;
    const entry = await open({ viewport: { width: 1280, height: 900 } });
    const approver = await open({ viewport: { width: 1280, height: 900 } });
    try {
      const a = entry.page;
      await signIn(a, baseUrl, 'nhap.phuthuy');
      const ids = await demoIds(a, baseUrl);
      // The half-year before: 2 households out of poverty in the ward.
      const poverty = server.db
        .select()
        .from(schema.indicators)
        .where(eq(schema.indicators.code, 'THOATNGHEO'))
        .get();
      if (!poverty) throw new Error('the demo should have THOATNGHEO');
      recordResult(server.db, {
        unitId: ids.phuThuy,
        indicatorId: poverty.id,
        periodId: ids.h1of2024,
        value: 2,
      });

      await a.goto(`${baseUrl}/?page=entry&term=${ids.termId}&unit=${ids.phuThuy}&period=${ids.h2of2024}`);
      await a.locator('.report-bar__title', { hasText: 'Phường Phú Thủy · 6 tháng cuối năm 2024' }).waitFor();
      await cell(a, 'THOATNGHEO').focus();
      await a.keyboard.type('3000');
      await a.keyboard.press('Tab');
      await waitStatus(a, 'THOATNGHEO', 'Đã lưu');
      // Saved without a note: a draft may wait for its reason.
      const saved = await storedResults(a, baseUrl, ids, ids.phuThuy, ids.h2of2024);
      expect(saved.results.get('THOATNGHEO')).toMatchObject({ value: 3000, note: null });

      // After a reload the flag is still there: the server stored it.
      await a.reload();
      const flaggedRow = a.locator(`${rowSel('THOATNGHEO')}[data-flag="far_above_previous"]`);
      await flaggedRow.waitFor();
      expect(await cell(a, 'THOATNGHEO').getAttribute('class')).toContain('cell-input--flagged');
      expect(await flaggedRow.locator('.cell-msg--flag').textContent()).toBe(
        '⚑ Bất thường: gấp hơn 3 lần kỳ trước (2 hộ)',
      );
      expect(await cell(a, 'THOATNGHEO', 'note').getAttribute('placeholder')).toBe('Cần ghi lý do để gửi');
      await screenshot(a, 'flags-cell-1280.png');

      // Sending lists it and will not send it without a reason.
      await a.getByRole('button', { name: 'Gửi duyệt' }).click();
      const send = a.getByRole('dialog', { name: 'Gửi duyệt' });
      const list = send.locator('.flag-list');
      await list.waitFor();
      const item = list.locator('tr[data-indicator="THOATNGHEO"]');
      expect(await item.locator('th').textContent()).toBe('Hộ thoát nghèo, cận nghèo');
      expect(await item.locator('.flag-list__value').textContent()).toBe('3.000 hộ');
      expect(await item.locator('.flag-list__past').textContent()).toBe('2 hộ (kỳ trước)');
      expect(await item.locator('.flag-list__missing').textContent()).toBe('Chưa có ghi chú');
      await send.getByRole('alert').filter({ hasText: 'chưa có ghi chú lý do' }).waitFor();
      expect(await send.getByRole('button', { name: 'Gửi duyệt' }).isDisabled()).toBe(true);
      await screenshot(a, 'flags-send-dialog-1280.png');
      await send.getByRole('button', { name: 'Hủy' }).click();
      await send.waitFor({ state: 'hidden' });

      // The reason, then send.
      await cell(a, 'THOATNGHEO', 'note').fill('Chương trình sinh kế của tỉnh hỗ trợ cả phường');
      await a.keyboard.press('Tab');
      await waitStatus(a, 'THOATNGHEO', 'Đã lưu');
      await a.getByRole('button', { name: 'Gửi duyệt' }).click();
      await send.locator('.flag-list').getByText('Chương trình sinh kế của tỉnh hỗ trợ cả phường').waitFor();
      await send.getByRole('button', { name: 'Gửi duyệt' }).click();
      await badge(a).filter({ hasText: 'Chờ duyệt' }).waitFor();

      // The approver: a mark in the cockpit, the marked cell, the list with the note when approving.
      const b = approver.page;
      await signIn(b, baseUrl, 'duyet.phanthiet', `/?page=cockpit&unit=${ids.phanThiet}`);
      const phuThuy = b.locator(`tr[data-unit="Phường Phú Thủy"] td[data-period="${ids.h2of2024}"] button`);
      await phuThuy.locator('.cockpit__flag', { hasText: '1 bất thường' }).waitFor();
      await phuThuy.scrollIntoViewIfNeeded();
      await screenshot(b, 'flags-cockpit-1280.png');
      await phuThuy.click();
      await b.locator('.report-bar__title', { hasText: 'Phường Phú Thủy · 6 tháng cuối năm 2024' }).waitFor();
      await b.locator(`${rowSel('THOATNGHEO')}[data-flag="far_above_previous"] .cell-msg--flag`).waitFor();
      expect(await cell(b, 'THOATNGHEO', 'note').inputValue()).toBe(
        'Chương trình sinh kế của tỉnh hỗ trợ cả phường',
      );
      await b.getByRole('button', { name: 'Duyệt', exact: true }).click();
      const approve = b.getByRole('dialog', { name: 'Duyệt báo cáo' });
      await approve
        .locator('.flag-list tr[data-indicator="THOATNGHEO"]')
        .getByText('Chương trình sinh kế của tỉnh hỗ trợ cả phường')
        .waitFor();
      await screenshot(b, 'flags-approve-dialog-1280.png');
      await approve.getByRole('button', { name: 'Duyệt báo cáo' }).click();
      await badge(b).filter({ hasText: 'Đã duyệt' }).waitFor();
      const row = server.db
        .select()
        .from(schema.results)
        .where(
          and(
            eq(schema.results.unitId, ids.phuThuy),
            eq(schema.results.indicatorId, poverty.id),
            eq(schema.results.periodId, ids.h2of2024),
          ),
        )
        .get();
      expect(row).toMatchObject({ value: 3000, flag: 'far_above_previous' });
      // The audit row of the save carries the mark.
      await b.goto(`${baseUrl}/?page=audit&unit=${ids.phuThuy}`);
      const saved3000 = b.locator('table.audit tr[data-entity="result"]', { hasText: '3.000 hộ' }).first();
      expect(await saved3000.locator('.audit__flag').textContent()).toBe('⚑ Bất thường');
    } finally {
      await entry.context.close();
      await approver.context.close();
      await server.close();
    }
  }, 240_000);

  test('on a phone: the marked cell and the send dialog', async () => {
    const server = await startServer();
    const { baseUrl } = server;
    const phone = await open(PHONE);
    try {
      const a = phone.page;
      await signIn(a, baseUrl, 'nhap.phuthuy');
      const ids = await demoIds(a, baseUrl);
      const money = server.db
        .select()
        .from(schema.indicators)
        .where(eq(schema.indicators.code, 'NTM_GT'))
        .get();
      if (!money) throw new Error('the demo should have NTM_GT');
      recordResult(server.db, {
        unitId: ids.phuThuy,
        indicatorId: money.id,
        periodId: ids.h1of2024,
        value: 20_000_000,
      });
      await a.goto(`${baseUrl}/?page=entry&term=${ids.termId}&unit=${ids.phuThuy}&period=${ids.h2of2024}`);
      await cell(a, 'NTM_GT').waitFor();
      await cell(a, 'NTM_GT').fill('11,54 tỷ');
      await cell(a, 'NTM_GT', 'note').focus();
      await waitStatus(a, 'NTM_GT', 'Đã lưu');
      await a.reload();
      const flagged = a.locator(`${rowSel('NTM_GT')}[data-flag="far_above_previous"] .cell-msg--flag`);
      await flagged.waitFor();
      expect(await flagged.textContent()).toBe('⚑ Bất thường: gấp hơn 3 lần kỳ trước (20 triệu đồng)');
      await flagged.scrollIntoViewIfNeeded();
      await screenshot(a, 'flags-cell-390x844.png');
      await a.getByRole('button', { name: 'Gửi duyệt' }).click();
      const send = a.getByRole('dialog', { name: 'Gửi duyệt' });
      await send.locator('.flag-list tr[data-indicator="NTM_GT"]').waitFor();
      expect(await send.locator('.flag-list__value').textContent()).toBe('11,54 tỷ đồng');
      await screenshot(a, 'flags-send-dialog-390x844.png');
    } finally {
      await phone.context.close();
      await server.close();
    }
  }, 240_000);
});
