/**
 * Setting up a real organisation in a real browser, from an empty database: the first-run page
 * creates the organisation and its admin; the admin imports Bình Thuận's 2021 tree from the shared
 * CSV through the units page (preview of 135 rows, then apply), sees 10 districts and 124 communes,
 * and creates an entry account scoped to a ward — who must change the temporary password first.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Db, schema } from '@chitieu/db';
import { freshDatabase } from '@chitieu/db/testing';
import { type ServerType, serve } from '@hono/node-server';
import { eq } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../apps/api/src/app.ts';
import { setupMessage } from '../apps/api/src/server.ts';
import { assertReady, launchBrowser, newPage, ROOT, screenshot, scriptErrorsPerTest } from './harness.ts';

const CSV = join(ROOT, 'packages/db/src/seed/data/units-2021.csv');
const PASSWORD = 'quan-tri-2021';

let browser: Browser | undefined;
const pageErrors = scriptErrorsPerTest();

beforeAll(async () => {
  assertReady();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * The app on an empty database, as `npm start -- --no-demo` serves it, with what the server prints
 * at start: the first-run token and the address to open (server.ts).
 */
async function startEmpty(): Promise<{
  baseUrl: string;
  db: Db;
  printed: string;
  close: () => Promise<void>;
}> {
  const db = freshDatabase();
  const token = randomBytes(18).toString('base64url');
  const app = createApp({ db, setupToken: token });
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as { port: number };
  const baseUrl = `http://127.0.0.1:${port}`;
  return {
    baseUrl,
    db,
    printed: setupMessage(baseUrl, token),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('setting up an organisation from an empty start', () => {
  test('first run → import the 2021 tree → 10 districts → an account with a scoped role', async () => {
    if (!browser) throw new Error('browser not started');
    const server = await startEmpty();
    const { baseUrl, db, printed } = server;
    try {
      const { context, page } = await newPage(browser, pageErrors);

      // First run: no account yet. The person who started the server opens the address it printed,
      // which carries the one-time token; the app asks for the organisation and its admin.
      const address = /Mở (http\S+)/.exec(printed)?.[1];
      const token = /Mã thiết lập: (\S+)/.exec(printed)?.[1];
      if (!address || !token) throw new Error(`nothing to open in: ${printed}`);
      await page.goto(address);
      await page.getByRole('heading', { name: 'Thiết lập lần đầu' }).waitFor();
      expect(await page.getByLabel('Mã thiết lập lần đầu').inputValue()).toBe(token);
      await page.getByLabel('Tên tổ chức').fill('Hội Liên hiệp Phụ nữ tỉnh Bình Thuận');
      await page.getByLabel('Tên đơn vị gốc').fill('Tỉnh Bình Thuận');
      await page.getByLabel('Mã đơn vị gốc').fill('60');
      await page.getByLabel('Loại đơn vị gốc').selectOption('Tỉnh');
      await page.getByLabel('Cây đơn vị có hiệu lực từ ngày').fill('2021-01-01');
      await page.getByLabel('Tên đăng nhập').fill('quantri');
      await page.getByLabel('Họ và tên').fill('Nguyễn Thị Quản Trị');
      await page.getByLabel(/^Mật khẩu/).fill(PASSWORD);
      await page.getByLabel('Nhập lại mật khẩu').fill(PASSWORD);
      await screenshot(page, 'setup-first-run.png', true);
      await page.getByRole('button', { name: 'Tạo tổ chức và đăng nhập' }).click();

      // Signed in as the new admin, with the admin pages in the menu.
      const menu = page.getByRole('navigation', { name: 'Các trang' });
      await menu.waitFor();
      await page.getByText('Hội Liên hiệp Phụ nữ tỉnh Bình Thuận').first().waitFor();
      // The spent token leaves the address bar.
      expect(new URL(page.url()).searchParams.has('setup')).toBe(false);
      await screenshot(page, 'setup-empty-overview.png');
      await menu.getByRole('link', { name: 'Đơn vị', exact: true }).click();
      await page.locator('.units-table tr[data-code="60"]').waitFor();
      expect(await page.locator('.units-table tbody tr').count()).toBe(1);

      // A file with a cycle and an unknown parent: problems by row, nothing can be applied.
      await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
      const bad = join(mkdtempSync(join(tmpdir(), 'chitieu-')), 'loi.csv');
      writeFileSync(
        bad,
        'code,name,type,parent_code\n60,Tỉnh Bình Thuận,Tỉnh,\n1,Huyện A,Huyện,2\n2,Huyện B,Huyện,1\n3,Xã C,Xã,99\n',
      );
      await page.locator('.tree-import input[type="file"]').setInputFiles(bad);
      await page.locator('.tree-import__problems').waitFor();
      expect(await page.locator('.tree-import__problems tbody tr').count()).toBe(2);
      expect(await page.getByRole('button', { name: /^Áp dụng/ }).isDisabled()).toBe(true);
      await screenshot(page, 'setup-import-problems.png');

      // Import the shared CSV: the preview lists all 135 rows and what it would add.
      await page.locator('.tree-import input[type="file"]').setInputFiles(CSV);
      const summary = page.getByTestId('import-summary');
      await summary.waitFor();
      expect(await summary.textContent()).toContain('135 dòng');
      expect(await summary.textContent()).toContain('sẽ thêm 134 đơn vị');
      expect(await page.locator('.tree-import__row').count()).toBe(135);
      expect(db.select().from(schema.units).all()).toHaveLength(1);
      await screenshot(page, 'setup-import-preview.png');
      await page.getByRole('button', { name: 'Áp dụng: thêm 134 đơn vị' }).click();
      await page.getByText('Đã thêm 134 đơn vị.').waitFor();

      // The units screen: 10 districts, 124 communes under them.
      await page.locator('.units-table tr[data-code="22924"]').waitFor();
      expect(await page.locator('.units-table tr[data-depth="1"]').count()).toBe(10);
      expect(await page.locator('.units-table tr[data-depth="2"]').count()).toBe(124);
      expect(await page.locator('.units-summary__level[data-level="2"]').textContent()).toBe('Cấp 2: 10');
      await screenshot(page, 'setup-units.png');

      // An entry account for Phường Phú Thủy.
      const phuThuy = db.select().from(schema.units).where(eq(schema.units.code, '22924')).get();
      if (!phuThuy) throw new Error('Phú Thủy was not imported');
      await menu.getByRole('link', { name: 'Tài khoản' }).click();
      await page.locator('.users-table tr[data-username="quantri"]').waitFor();
      await page.getByRole('button', { name: 'Thêm tài khoản' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Tên đăng nhập').fill('nhap.phuthuy');
      await dialog.getByLabel('Họ và tên').fill('Hội LHPN phường Phú Thủy');
      await dialog.getByLabel('Mật khẩu tạm').fill('tam-thoi-123');
      await dialog.getByLabel('Vai trò').selectOption('entry');
      await dialog.getByLabel('Phạm vi (đơn vị)').selectOption(String(phuThuy.id));
      await screenshot(page, 'setup-new-user.png');
      await dialog.getByRole('button', { name: 'Thêm tài khoản' }).click();
      const row = page.locator('.users-table tr[data-username="nhap.phuthuy"]');
      await row.waitFor();
      expect(await row.locator('.users-role').textContent()).toContain('Nhập liệu · Phường Phú Thủy');
      expect(await row.textContent()).toContain('Chờ đổi mật khẩu');
      await screenshot(page, 'setup-users.png');
      const user = db.select().from(schema.users).where(eq(schema.users.username, 'nhap.phuthuy')).get();
      const roles = db
        .select()
        .from(schema.roleAssignments)
        .where(eq(schema.roleAssignments.userId, user?.id ?? -1))
        .all();
      expect(roles.map((r) => [r.role, r.unitId])).toEqual([['entry', phuThuy.id]]);
      await context.close();

      // The new user signs in and must choose a password before anything else.
      const second = await newPage(browser, pageErrors);
      await second.page.goto(baseUrl);
      await second.page.getByLabel('Tên đăng nhập').fill('nhap.phuthuy');
      await second.page.getByLabel('Mật khẩu').fill('tam-thoi-123');
      await second.page.getByRole('button', { name: 'Đăng nhập' }).click();
      await second.page.getByRole('heading', { name: 'Đổi mật khẩu' }).waitFor();
      await second.page.getByLabel(/^Mật khẩu hiện tại/).fill('tam-thoi-123');
      await second.page.getByLabel(/^Mật khẩu mới/).fill('mat-khau-rieng-1');
      await second.page.getByLabel('Nhập lại mật khẩu mới').fill('mat-khau-rieng-1');
      await second.page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
      const menu2 = second.page.getByRole('navigation', { name: 'Các trang' });
      await menu2.waitFor();
      expect(await menu2.getByRole('link').allTextContents()).toEqual(['Tổng quan', 'Nhập liệu', 'Báo cáo']);
      await second.context.close();
    } finally {
      await server.close();
    }
  }, 120_000);
});
