/**
 * Reorganisation in a real browser: the admin uploads the 2024 and 2025 merge maps through the page,
 * names the new province, applies, and the overview's structure switch shows the new units.
 */
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assertReady,
  launchBrowser,
  newPage,
  ROOT,
  screenshot,
  scriptErrorsPerTest,
  signIn,
  startServer,
  type TestServer,
} from './harness.ts';

const DATA = join(ROOT, 'packages/db/src/seed/data');

let server: TestServer | undefined;
let browser: Browser | undefined;
const pageErrors = scriptErrorsPerTest();

beforeAll(async () => {
  assertReady();
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('reorganisation page', () => {
  test('admin applies the 2024 and 2025 maps; the overview switches to the new structure', async () => {
    if (!browser || !server) throw new Error('not started');
    const { baseUrl, db } = server;
    const { context, page } = await newPage(browser, pageErrors);
    await signIn(page, baseUrl, 'admin', '/?page=reorganise');
    await page.getByRole('heading', { name: /Sắp xếp lại đơn vị/ }).waitFor();

    // 2024: preview, then apply.
    await page.getByLabel('Bản đồ sáp nhập (CSV)').setInputFiles(join(DATA, 'merges-2024.csv'));
    await page.getByLabel('Ngày hiệu lực').fill('01/12/2024');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByRole('heading', { name: /Đơn vị giải thể \(5\)/ }).waitFor();
    expect(db.get(sql`SELECT COUNT(*) AS n FROM structure_versions`)).toEqual({ n: 1 });
    await page.getByRole('button', { name: 'Áp dụng từ ngày 01/12/2024' }).click();
    // Nothing is written before the admin confirms what will happen.
    const confirm = page.getByRole('dialog', { name: 'Áp dụng sắp xếp đơn vị?' });
    await confirm
      .getByText('Sẽ kết thúc hoạt động 5 đơn vị và thành lập 2 đơn vị từ ngày 01/12/2024')
      .waitFor();
    expect(db.get(sql`SELECT COUNT(*) AS n FROM structure_versions`)).toEqual({ n: 1 });
    await confirm.getByRole('button', { name: 'Áp dụng', exact: true }).click();
    await page.getByText('Đã áp dụng', { exact: true }).waitFor();
    expect(db.get(sql`SELECT COUNT(*) AS n FROM structure_versions`)).toEqual({ n: 2 });

    // 2025: the new province needs a name; Hòa Thắng's results go to itself, not the first listed.
    await page.getByLabel('Bản đồ sáp nhập (CSV)').setInputFiles(join(DATA, 'merges-2025.csv'));
    await page.getByLabel('Ngày hiệu lực').fill('01/07/2025');
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByRole('heading', { name: /Đơn vị thành lập \(45\)/ }).waitFor();
    const applyButton = page.getByRole('button', { name: 'Áp dụng từ ngày 01/07/2025' });
    expect(await applyButton.isDisabled()).toBe(true);
    // A name that does not say its type ("Hội LHPN tỉnh …") needs the type chosen, never guessed.
    await page.getByLabel('Tên đơn vị mã 68').fill('Hội LHPN tỉnh Lâm Đồng');
    await page.getByLabel('Tên đơn vị mã 68').blur();
    await page.getByText('Cần chọn loại đơn vị.').waitFor();
    expect(await applyButton.isDisabled()).toBe(true);
    await page.getByLabel('Tên đơn vị mã 68').fill('Tỉnh Lâm Đồng');
    await page.getByLabel('Tên đơn vị mã 68').blur();
    await expect.poll(() => page.getByLabel('Loại đơn vị cấp trên mới mã 68').inputValue()).toBe('Tỉnh');
    await page.getByLabel('Đơn vị kế thừa của Xã Hòa Thắng').selectOption('23053');
    await page.getByText('Được thay bằng đơn vị cùng cấp mới').waitFor();
    await screenshot(page, 'reorganise-preview-2025.png', true);
    await applyButton.click();
    await confirm.getByRole('button', { name: 'Áp dụng', exact: true }).click();
    await page.getByText('Đã áp dụng', { exact: true }).waitFor();
    const designated = db.get<{ code: string }>(sql`
      SELECT n.code FROM unit_successions s JOIN units o ON o.id = s.predecessor_id JOIN units n ON n.id = s.successor_id
      WHERE o.code = '23053' AND s.designated = 1`);
    expect(designated).toEqual({ code: '23053' });

    // A wrong designation is corrected by previewing the same map again and choosing another successor.
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByRole('heading', { name: /đã được áp dụng/ }).waitFor();
    const phongPhu = page.getByLabel('Đơn vị kế thừa của Xã Phong Phú');
    expect(await phongPhu.inputValue()).toBe('22972');
    await phongPhu.selectOption('22978');
    await screenshot(page, 'reorganise-correct.png', true);
    await page.getByRole('button', { name: 'Sửa đơn vị kế thừa' }).click();
    await page.getByText('Đã sửa đơn vị kế thừa của 22978').waitFor();
    const phongPhuNow = db.get<{ name: string }>(sql`
      SELECT n.name FROM unit_successions s JOIN units o ON o.id = s.predecessor_id JOIN units n ON n.id = s.successor_id
      WHERE o.code = '22978' AND o.valid_to IS NOT NULL AND s.designated = 1`);
    expect(phongPhuNow).toEqual({ name: 'Xã Tuy Phong' });

    // The overview in the new structure: Tỉnh Lâm Đồng and its communes; the switch goes back.
    await page.getByRole('button', { name: 'Xem tổng quan theo cơ cấu mới' }).click();
    await page.getByRole('heading', { level: 2, name: /^Hoàn thành \d+\/\d+ chỉ tiêu$/ }).waitFor();
    const switchGroup = page.getByRole('radiogroup', { name: 'Cơ cấu' });
    await switchGroup.waitFor();
    await expectSelectedUnit(page, 'Tỉnh Lâm Đồng');
    const options = await page.getByLabel('Đơn vị', { exact: true }).locator('option').allTextContents();
    expect(options.some((o) => o.includes('Xã Hòa Thắng'))).toBe(true);
    // Lâm Đồng heads the new tree; closed units stay below the unit they were summed into, marked.
    expect(options.find((o) => o.includes('Tỉnh Lâm Đồng'))?.trim()).toBe('Tỉnh Lâm Đồng');
    expect(options.filter((o) => o.endsWith('(đơn vị cũ)')).length).toBeGreaterThan(100);
    expect(new URL(page.url()).searchParams.get('sv')).toBe('3');
    await screenshot(page, 'reorganise-overview-new.png');

    await page.getByText('Cơ cấu cũ (như báo cáo)').click();
    await expectSelectedUnit(page, 'Tỉnh Bình Thuận');
    expect(new URL(page.url()).searchParams.get('sv')).toBeNull();
    const oldOptions = await page.getByLabel('Đơn vị', { exact: true }).locator('option').allTextContents();
    expect(oldOptions.some((o) => o.includes('Huyện Tuy Phong'))).toBe(true);

    // The other views of the old structure offer its units too, though the admin's role has moved to
    // Tỉnh Lâm Đồng, which that structure does not contain.
    const ct2 = db.get<{ id: number }>(sql`SELECT id FROM targets WHERE code = 'CT2'`)?.id;
    for (const view of [
      '/?page=lagging',
      '/?page=missions',
      '/?page=compare',
      `/?page=target&target=${ct2}`,
    ]) {
      await page.goto(`${baseUrl}${view}`);
      await expectSelectedUnit(page, 'Tỉnh Bình Thuận');
    }
    await context.close();
  }, 120_000);
});

async function expectSelectedUnit(page: import('playwright-core').Page, name: string) {
  // The comparison has two pickers, its columns A and B: the first is the view's own unit.
  const picker = page.getByLabel('Đơn vị', { exact: true }).first();
  await expect
    .poll(async () => (await picker.locator('option:checked').textContent())?.trim(), { timeout: 60_000 })
    .toContain(name);
}
