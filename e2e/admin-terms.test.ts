/**
 * Setting up a term from an empty start, in real Chromium: an empty database (as
 * `npm start -- --no-demo` serves it); the first-run page makes the organisation and its admin,
 * the units page imports a province with three districts. The admin then creates a term with its
 * periods, one indicator per measure type, five targets, allocates one with the live check in
 * view, and the overview lists the five targets as not reported yet.
 */

import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '@chitieu/db';
import { freshDatabase } from '@chitieu/db/testing';
import { type ServerType, serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../apps/api/src/app.ts';
import { setupMessage } from '../apps/api/src/server.ts';
import {
  assertReady,
  launchBrowser,
  newPage,
  PHONE,
  screenshot,
  scriptErrorsPerTest,
  signIn,
  startServer,
} from './harness.ts';

const PASSWORD = 'mat-khau-quan-tri';
let browser: Browser | undefined;
const pageErrors = scriptErrorsPerTest();
let db: Db;
let server: ServerType;
let baseUrl: string;
/** What the server prints at start on an empty database: the first-run token (server.ts). */
let printed: string;

beforeAll(async () => {
  assertReady();
  db = freshDatabase();
  const token = randomBytes(18).toString('base64url');
  const app = createApp({ db, setupToken: token });
  server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  printed = setupMessage(baseUrl, token);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  db?.$client.close();
});

const INDICATORS = [
  { code: 'THOATNGHEO', name: 'Hộ thoát nghèo', unit: 'hộ', type: 'Cộng dồn', decimals: '0' },
  { code: 'GIATRI', name: 'Giá trị công trình', unit: 'đồng', type: 'Số tiền (đồng)', decimals: '0' },
  { code: 'MOHINH', name: 'Mô hình đang hoạt động', unit: 'mô hình', type: 'Số hiện có', decimals: '0' },
  { code: 'NANNHAN', name: 'Nạn nhân được hỗ trợ', unit: '%', type: 'Tỷ lệ', decimals: '1' },
  { code: 'COSO', name: 'Cơ sở duy trì 5 loại hình', unit: 'cơ sở', type: 'Số cơ sở đạt', decimals: '1' },
];

const TARGETS = [
  { code: '1', name: 'Hộ thoát nghèo', indicator: 'THOATNGHEO', goal: '3.000', counted: true },
  { code: '2', name: 'Công trình, phần việc', indicator: 'GIATRI', goal: '11,54 tỷ', counted: true },
  { code: '3', name: 'Mô hình kinh tế', indicator: 'MOHINH', goal: '120', counted: true },
  { code: '4', name: 'Hỗ trợ nạn nhân', indicator: 'NANNHAN', goal: '87,5', counted: true },
  { code: '5', name: 'Cơ sở Hội vững mạnh', indicator: 'COSO', goal: '100', counted: false },
];

async function fillDialog(page: Page, fields: Record<string, string>) {
  const dialog = page.getByRole('dialog');
  for (const [label, value] of Object.entries(fields)) {
    await dialog.getByLabel(label, { exact: true }).fill(value);
  }
}

describe('setting up a term from an empty start', () => {
  test('term, periods, five indicators and targets, an allocation, then the overview', async () => {
    if (!browser) throw new Error('browser not started');
    const { context, page } = await newPage(browser, pageErrors);
    // A step that cannot happen fails with its locator named, well before the test's own timeout.
    page.setDefaultTimeout(60_000);
    try {
      // First run: the organisation, its root unit and the first admin. This admin opens the
      // server's plain address and types the token the server printed at start.
      await page.goto(baseUrl);
      await page.getByRole('heading', { name: 'Thiết lập lần đầu' }).waitFor();
      await page.getByLabel('Mã thiết lập lần đầu').fill(/Mã thiết lập: (\S+)/.exec(printed)?.[1] ?? '');
      await page.getByLabel('Tên tổ chức').fill('Hội Liên hiệp Phụ nữ tỉnh Bình Thuận');
      await page.getByLabel('Tên đơn vị gốc').fill('Hội LHPN tỉnh Bình Thuận');
      await page.getByLabel('Mã đơn vị gốc').fill('60');
      await page.getByLabel('Loại đơn vị gốc').selectOption('Tỉnh');
      await page.getByLabel('Cây đơn vị có hiệu lực từ ngày').fill('2020-01-01');
      await page.getByLabel('Tên đăng nhập').fill('quantri');
      await page.getByLabel('Họ và tên').fill('Quản trị');
      await page.getByLabel(/^Mật khẩu/).fill(PASSWORD);
      await page.getByLabel('Nhập lại mật khẩu').fill(PASSWORD);
      await page.getByRole('button', { name: 'Tạo tổ chức và đăng nhập' }).click();
      const nav = page.getByRole('navigation', { name: 'Các trang' });

      // Three districts, imported on the units page.
      await nav.getByRole('link', { name: 'Đơn vị', exact: true }).click();
      await page.getByRole('button', { name: 'Nhập từ tệp' }).click();
      const tree = join(mkdtempSync(join(tmpdir(), 'chitieu-')), 'don-vi.csv');
      writeFileSync(
        tree,
        'code,name,type,parent_code\n60,Hội LHPN tỉnh Bình Thuận,Tỉnh,\n593,Thành phố Phan Thiết,Thành phố,60\n' +
          '595,Huyện Tuy Phong,Huyện,60\n596,Huyện Bắc Bình,Huyện,60\n',
      );
      await page.locator('.tree-import input[type="file"]').setInputFiles(tree);
      await page.getByRole('button', { name: 'Áp dụng: thêm 3 đơn vị' }).click();
      await page.getByText('Đã thêm 3 đơn vị.').waitFor();

      await nav.getByRole('link', { name: 'Nhiệm kỳ, chỉ tiêu' }).click();
      await page.getByText('Chưa có nhiệm kỳ nào').waitFor();

      // The term, dates typed the Vietnamese way.
      await page.getByRole('button', { name: 'Tạo nhiệm kỳ' }).click();
      await fillDialog(page, {
        'Tên đại hội, nhiệm kỳ': 'Đại hội đại biểu Phụ nữ tỉnh Bình Thuận lần thứ XV, nhiệm kỳ 2021–2026',
        'Tên ngắn': 'Nhiệm kỳ 2021–2026',
        'Mã nhiệm kỳ': 'XV',
        'Ngày bắt đầu': '01/10/2021',
        'Mốc giữa nhiệm kỳ': '31/3/2024',
        'Ngày kết thúc': '30/09/2026',
      });
      // A wrong date is explained before anything is sent.
      await fillDialog(page, { 'Ngày đại hội': '31/02/2021' });
      await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
      await page.getByRole('alert').getByText('tháng 2 năm 2021 chỉ có 28 ngày').waitFor();
      await fillDialog(page, { 'Ngày đại hội': '20/09/2021' });
      await page.getByRole('dialog').getByRole('button', { name: 'Lưu' }).click();
      await page.getByRole('heading', { name: /lần thứ XV, nhiệm kỳ 2021–2026/ }).waitFor();

      // Half-year periods with their deadlines; one deadline moved.
      await page.getByRole('button', { name: 'Tạo kỳ báo cáo' }).click();
      await page.getByRole('heading', { name: 'Kỳ báo cáo (11)' }).waitFor();
      const deadline = page.getByLabel('Hạn báo cáo 6 tháng cuối năm 2021');
      expect(await deadline.inputValue()).toBe('10/01/2022');
      await deadline.fill('15/01/2022');
      await deadline.press('Enter');
      await expect
        .poll(
          () =>
            db.get<{ d: string }>(sql`SELECT deadline AS d FROM periods WHERE start_date = '2021-07-01'`)?.d,
        )
        .toBe('2022-01-15');

      // One indicator per measure type.
      for (const ind of INDICATORS) {
        await page.getByRole('button', { name: 'Thêm chỉ số' }).click();
        const dialog = page.getByRole('dialog');
        await fillDialog(page, { 'Tên chỉ số': ind.name, Mã: ind.code, 'Đơn vị tính': ind.unit });
        await dialog.getByLabel('Cách tổng hợp').selectOption({ label: ind.type });
        if (ind.type !== 'Số tiền (đồng)') await fillDialog(page, { 'Số chữ số thập phân': ind.decimals });
        await dialog.getByRole('button', { name: 'Lưu' }).click();
        await page.locator(`tr[data-indicator="${ind.code}"]`).waitFor();
      }

      // Five targets; the goal is checked as it is typed.
      for (const target of TARGETS) {
        await page.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
        const dialog = page.getByRole('dialog');
        const indicatorId = db.get<{ id: number }>(
          sql`SELECT id FROM indicators WHERE code = ${target.indicator}`,
        )?.id;
        await dialog.getByLabel('Chỉ số chính').selectOption(String(indicatorId));
        await fillDialog(page, {
          Mã: target.code,
          'Tên ngắn': target.name,
          'Nguyên văn chỉ tiêu trong nghị quyết': `Phấn đấu đạt chỉ tiêu ${target.name.toLowerCase()}`,
        });
        if (target.indicator === 'NANNHAN') {
          await fillDialog(page, { 'Chỉ tiêu cả nhiệm kỳ': '87.500' });
          await dialog.getByText('Không rõ dấu chấm').waitFor();
        }
        await fillDialog(page, { 'Chỉ tiêu cả nhiệm kỳ': target.goal });
        if (!target.counted)
          await dialog.getByLabel('Loại', { exact: true }).selectOption({ label: 'Bổ sung' });
        await dialog.getByRole('button', { name: 'Lưu' }).click();
        await page.locator(`tr[data-target="${target.code}"]`).waitFor();
      }
      const goals = db.all<{ code: string; goal: number; counted: number }>(
        sql`SELECT code, goal, counted FROM targets ORDER BY sort_order`,
      );
      expect(goals).toEqual([
        { code: '1', goal: 3000, counted: 1 },
        { code: '2', goal: 11_540_000_000, counted: 1 },
        { code: '3', goal: 120, counted: 1 },
        { code: '4', goal: 875, counted: 1 },
        { code: '5', goal: 1000, counted: 0 },
      ]);
      await expect.poll(() => page.locator('tr[data-target="2"]').textContent()).toContain('11,54 tỷ đồng');
      expect(await page.locator('tr[data-target="4"]').textContent()).toContain('87,5%');
      expect(await page.locator('tr[data-target="5"]').textContent()).toContain('100,0%');

      // Allocate target 1 to the districts: the check follows every keystroke.
      await page.getByRole('button', { name: 'Phân bổ 1' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Phân bổ cho Thành phố Phan Thiết').fill('1.000');
      await dialog.getByLabel('Phân bổ cho Huyện Tuy Phong').fill('1.000');
      await dialog.getByLabel('Phân bổ cho Huyện Bắc Bình').fill('1.012');
      const status = dialog.getByRole('status');
      await expect.poll(() => status.textContent()).toBe('Tổng phân bổ vượt chỉ tiêu 12 hộ.');
      await screenshot(page, 'admin-terms-allocation-1366x900.png');
      await dialog.getByLabel('Phân bổ cho Huyện Bắc Bình').fill('995');
      await expect.poll(() => status.textContent()).toBe('Tổng phân bổ còn thiếu 5 hộ so với chỉ tiêu.');
      await dialog.getByLabel('Phân bổ cho Huyện Bắc Bình').fill('1.000');
      await expect.poll(() => status.textContent()).toBe('Tổng phân bổ khớp với chỉ tiêu.');
      await dialog.getByRole('button', { name: 'Lưu phân bổ' }).click();
      await page.locator('tr[data-target="1"]', { hasText: 'Khớp (3 đơn vị)' }).waitFor();
      expect(db.get<{ n: number }>(sql`SELECT SUM(goal) AS n FROM target_allocations`)?.n).toBe(3000);
      await screenshot(page, 'admin-terms-1366x900.png', true);

      // The leaders' overview of the new term: five targets, none reported yet.
      await nav.getByRole('link', { name: 'Tổng quan' }).click();
      await page.getByText('Hoàn thành 0/4 chỉ tiêu').waitFor();
      await expect.poll(() => page.locator('.target-card').count()).toBe(4);
      expect(await page.locator('.target-card__missing', { hasText: 'Chưa báo cáo' }).count()).toBe(4);
      expect(await page.locator('.supplementary__missing', { hasText: 'Chưa báo cáo' }).count()).toBe(1);
      await screenshot(page, 'admin-terms-overview-1366x900.png', true);

      // Every step was logged, in words.
      await nav.getByRole('link', { name: 'Nhật ký' }).click();
      await expect.poll(() => page.locator('tr[data-entity="target"]').count()).toBe(5);
      expect(await page.locator('tr[data-entity="allocation"]').first().textContent()).toContain(
        'Phân bổ chỉ tiêu',
      );
      expect(await page.locator('tr[data-entity="term"]').first().textContent()).toContain(
        'Nhiệm kỳ 2021–2026',
      );
      await screenshot(page, 'admin-terms-audit-1366x900.png');

      // The next term starts from this one's targets.
      await nav.getByRole('link', { name: 'Nhiệm kỳ, chỉ tiêu' }).click();
      await page.getByRole('button', { name: 'Chép sang nhiệm kỳ sau' }).click();
      await fillDialog(page, {
        'Tên đại hội, nhiệm kỳ': 'Đại hội đại biểu Phụ nữ tỉnh Lâm Đồng lần thứ I, nhiệm kỳ 2025–2030',
        'Tên ngắn': 'Nhiệm kỳ 2025–2030',
        'Mã nhiệm kỳ': 'I',
        'Ngày bắt đầu': '01/10/2025',
        'Mốc giữa nhiệm kỳ': '31/03/2028',
        'Ngày kết thúc': '30/09/2030',
      });
      await page.getByRole('dialog').getByRole('button', { name: 'Tạo nhiệm kỳ sau' }).click();
      await page.getByRole('heading', { name: /lần thứ I, nhiệm kỳ 2025–2030/ }).waitFor();
      await page.getByRole('heading', { name: 'Chỉ tiêu (5)' }).waitFor();
      await page.getByRole('heading', { name: 'Kỳ báo cáo (11)' }).waitFor();
      expect(await page.locator('tr[data-target="1"]').textContent()).toContain('Chưa phân bổ');
      expect(new URL(page.url()).searchParams.get('term')).toBe(
        String(db.get<{ id: number }>(sql`SELECT id FROM terms WHERE code = 'I'`)?.id),
      );
    } catch (error) {
      await screenshot(page, 'admin-terms-failure.png', true);
      throw error;
    } finally {
      await context.close();
    }
  }, 240_000);

  test('on the demo, a manager changes a goal and is told the allocations no longer add up', async () => {
    if (!browser) throw new Error('browser not started');
    const demo = await startServer();
    const manager = await newPage(browser, pageErrors);
    const admin = await newPage(browser, pageErrors);
    manager.page.setDefaultTimeout(20_000);
    admin.page.setDefaultTimeout(20_000);
    try {
      const page = manager.page;
      await signIn(page, demo.baseUrl, 'quanly', '/?page=terms');
      await page.locator('tr[data-target="CT2"]', { hasText: 'Khớp (10 đơn vị)' }).waitFor();
      // Managers set targets; the term, its periods and the shared indicators are the admin's.
      expect(await page.getByRole('button', { name: 'Tạo nhiệm kỳ' }).count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Thêm chỉ số' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Sửa CT2' }).click();
      const dialog = page.getByRole('dialog');
      expect(await dialog.getByLabel('Chỉ tiêu cả nhiệm kỳ', { exact: true }).inputValue()).toBe('700');
      await dialog.getByLabel('Chỉ tiêu cả nhiệm kỳ', { exact: true }).fill('710');
      await dialog.getByRole('button', { name: 'Lưu' }).click();
      await page.getByRole('alert').getByText('Tổng phân bổ còn thiếu 10 hộ so với chỉ tiêu.').waitFor();
      await page.locator('tr[data-target="CT2"]', { hasText: 'còn thiếu 10 hộ' }).waitFor();
      expect(demo.db.get<{ goal: number }>(sql`SELECT goal FROM targets WHERE code = 'CT2'`)?.goal).toBe(710);
      await screenshot(page, 'admin-terms-manager-warning-1366x900.png', true);

      // An indicator with results: its measure type and decimals are locked in the form.
      await signIn(admin.page, demo.baseUrl, 'admin', '/?page=terms');
      await admin.page.getByRole('button', { name: 'Sửa Hộ thoát nghèo' }).first().click();
      const form = admin.page.getByRole('dialog');
      await form.getByText('Chỉ số đã có kết quả báo cáo').waitFor();
      expect(await form.getByLabel('Cách tổng hợp').isDisabled()).toBe(true);
      expect(await form.getByLabel('Số chữ số thập phân').isDisabled()).toBe(true);

      // On a phone the page fits the screen; wide tables scroll inside their own box.
      const phone = await newPage(browser, pageErrors, PHONE);
      try {
        await signIn(phone.page, demo.baseUrl, 'admin', '/?page=terms');
        await phone.page.locator('tr[data-target="CT2"]').waitFor();
        await screenshot(phone.page, 'admin-terms-390x844.png');
        const overflow = await phone.page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow).toBeLessThanOrEqual(0);
      } finally {
        await phone.context.close();
      }
    } catch (error) {
      await screenshot(manager.page, 'admin-terms-manager-failure.png', true);
      await screenshot(admin.page, 'admin-terms-admin-failure.png', true);
      throw error;
    } finally {
      await manager.context.close();
      await admin.context.close();
      await demo.close();
    }
  }, 180_000);
});
