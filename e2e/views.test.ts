/**
 * Leaders' views as a foreign reader and a colour-blind reader see them, and the filters of the
 * cockpit and the audit log: English numbers, total rows, "không giao", state and audit filters.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  assertReady,
  launchBrowser,
  newPage as openPage,
  scriptErrorsPerTest,
  signIn,
  startServer,
  type TestServer,
} from './harness.ts';

let server: TestServer | undefined;
let browser: Browser | undefined;
let baseUrl = '';
const pageErrors = scriptErrorsPerTest();

beforeAll(async () => {
  assertReady();
  server = await startServer();
  baseUrl = server.baseUrl;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function newPage(options: Parameters<Browser['newContext']>[0] = {}) {
  if (!browser) throw new Error('browser not started');
  return openPage(browser, pageErrors, options);
}

const cardText = async (page: Page, code: string) =>
  (await page.locator(`[data-code="${code}"]`).first().textContent()) ?? '';

describe('numbers in English', () => {
  test('the overview writes 2,986, 83.8% and 11.54 billion VND in English, 2.986 in Vietnamese', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, baseUrl, 'lanhdao', '/');
      await page.locator('[data-code="CT4"]').first().waitFor();
      expect(await cardText(page, 'CT4')).toContain('2.986');
      expect(await cardText(page, 'CT6')).toContain('83,8%');

      await page.goto(`${baseUrl}/?lang=en`);
      await page.getByText('Resolution targets').waitFor();
      const ct4 = await cardText(page, 'CT4');
      expect(ct4).toContain('2,986');
      expect(ct4).toContain('Goal: 2,500 hộ');
      expect(ct4).toContain('119.4% of goal');
      expect(await cardText(page, 'CT6')).toContain('83.8%');
      expect(await cardText(page, 'CT3')).toContain('worth 11.54 billion VND');
      expect(await cardText(page, 'CT7')).toMatch(/21\.35\s*billion VND/);
      // Every figure the page writes, without the resolution's wording (quoted as adopted, in Vietnamese).
      const figures = await page.locator('main').evaluate((main) => {
        const copy = main.cloneNode(true) as HTMLElement;
        for (const wording of copy.querySelectorAll('details')) wording.remove();
        return copy.textContent ?? '';
      });
      expect(figures).not.toMatch(/tỷ đồng|triệu đồng|\d,\d+%|2\.986/);
      // The works chart's axis and the table under it in English too.
      await page.locator('.chart-grid').scrollIntoViewIfNeeded();
      await page.locator('.works-chart .recharts-bar-rectangle').first().waitFor({ state: 'visible' });
      expect(await page.locator('.works-chart').textContent()).toContain('billion VND');
    } finally {
      await context.close();
    }
  });
});

describe('tables and charts a leader reads at a glance', () => {
  test('total rows under the works and grassroots tables', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, baseUrl, 'lanhdao', '/');
      await page.locator('[data-code="CT3"]').first().waitFor();
      // The overview's works table (behind the chart) ends with the total of its rows: the figure.
      const worksTotal = page.locator('.chart-grid tfoot .data-table__total').last();
      expect((await worksTotal.textContent())?.replace(/\s+/g, ' ')).toMatch(
        /Tổng cộng\s*584 công trình\s*11,54 tỷ đồng/,
      );

      await page.goto(`${baseUrl}/?page=missions&mission=rural`);
      await page.getByText(/584 công trình, phần việc nông thôn mới trị giá 11,54 tỷ đồng/).waitFor();
      for (const total of await page.locator('.chart-card tfoot .data-table__total').all()) {
        expect(await total.textContent()).toMatch(/^Tổng cộng584.*11,54 tỷ đồng$/);
      }
      expect(await page.locator('.chart-card tfoot .data-table__total').count()).toBeGreaterThanOrEqual(2);

      await page.goto(`${baseUrl}/?page=missions&mission=grassroots`);
      await page.getByText(/124\/124 cơ sở Hội đáp ứng yêu cầu/).waitFor();
      const grassroots = page.locator('#grassroots-units + .table-scroll tfoot tr');
      expect(await grassroots.textContent()).toMatch(/^Tổng cộng124124100,0%124/);
      // The police's and the army's unions have no grassroots unit below them: "không giao".
      const police = page.locator('#grassroots-units + .table-scroll tbody tr', {
        hasText: 'Hội Phụ nữ Công an tỉnh',
      });
      expect(await police.textContent()).toContain('Không giao');
      expect(await police.textContent()).not.toContain('Chưa báo cáo');
    } finally {
      await context.close();
    }
  });

  test('the target page: the expected share labelled, allocations on the bars, status cues, steps', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, baseUrl, 'lanhdao', '/?page=target&target=2');
      const facts = page.locator('.target-facts');
      await facts.waitFor();
      // The share under "cần đạt đến ngày này" says what it is.
      expect(await facts.textContent()).toContain('bằng 50% chỉ tiêu');
      // One mark per district with an allocation (10 of them), named in the legend.
      await page.locator('.units-chart .recharts-bar-rectangle').first().waitFor({ state: 'visible' });
      // A vertical line has no width: attached, not "visible" to the browser driver.
      await page.locator('.bar-marker').nth(9).waitFor({ state: 'attached' });
      expect(await page.locator('.bar-marker').count()).toBe(10);
      expect(await page.locator('.status-legend').textContent()).toContain('Chỉ tiêu được giao');
      // "Vượt" and "Có khả năng đạt": different hues, and on track is hatched and outlined dashed.
      const badge = (status: string) => page.locator(`.units-table [data-status="${status}"]`).first();
      const style = (status: string) =>
        badge(status).evaluate((el) => {
          const css = getComputedStyle(el);
          return { bg: css.backgroundColor, border: css.borderTopStyle };
        });
      const exceeded = await style('exceeded');
      const onTrack = await style('on_track');
      expect(onTrack.bg).not.toBe(exceeded.bg);
      expect(onTrack.border).toBe('dashed');
      expect(exceeded.border).not.toBe('dashed');
      expect(
        await page.locator('.units-chart path[fill="url(#status-hatch-on_track)"]').count(),
      ).toBeGreaterThan(0);
      // Units the target is not allocated to (beside allocated districts): "không giao".
      const row = (name: string) =>
        page.locator('.chart-card__table .units-table tbody tr', { hasText: name });
      await page.getByText('Bảng số liệu').nth(2).click();
      expect(await row('Hội Phụ nữ Công an tỉnh').textContent()).toContain('Không giao');
      expect(await row('Hội Phụ nữ Công an tỉnh').textContent()).not.toContain('Chưa báo cáo');
    } finally {
      await context.close();
    }
  });

  test('a target only the province reports: its units read "không giao", its running total steps', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, baseUrl, 'lanhdao', '/?page=target&target=9');
      await page.locator('.target-facts').waitFor();
      const table = page.locator('.units-table').first();
      await table.locator('tbody tr').first().waitFor({ state: 'attached' });
      const text = (await table.textContent()) ?? '';
      expect(text).toContain('Thành phố Phan Thiết');
      expect(text).toContain('Không giao');
      expect(text).not.toContain('Chưa báo cáo');
      expect(await page.locator('.chart-card__note').allTextContents()).toContain(
        'Chỉ tiêu này không giao cho đơn vị trực thuộc: Tỉnh Bình Thuận báo cáo trực tiếp.',
      );
      // The running total holds at 0 until 6T đầu 2024, when all 13 came in: by period, not a slope.
      const progress = page.locator('.data-table', { hasText: 'Thực hiện (lũy kế)' }).first();
      const rows = (await progress.locator('tbody tr').allTextContents()).map((r) => r.replace(/\s+/g, ' '));
      expect(rows).toContain('31/12/20230 người');
      expect(rows).toContain('30/06/202413 người');
    } finally {
      await context.close();
    }
  });
});

describe('the reporting cockpit filtered by state', () => {
  test('chips for chờ duyệt, trả lại, quá hạn, chưa nộp; the choice in the address, Back undoes it', async () => {
    const { context, page } = await newPage();
    try {
      await signIn(page, baseUrl, 'duyet.phanthiet', '/?page=cockpit');
      const rows = page.locator('.cockpit tbody tr[data-unit]');
      await rows.first().waitFor();
      const all = await rows.count();
      // The radios are drawn by their labels (components/Segmented.tsx): one clicks the label.
      const chip = (name: RegExp) => page.locator('.cockpit-filter .segmented__label', { hasText: name });
      // Nothing awaits approval in the demo (every report was approved): an empty list, said so.
      await chip(/^Chờ duyệt · 0$/).click();
      await page.waitForURL((url) => url.searchParams.get('state') === 'submitted');
      await page.getByText('Không có đơn vị nào có báo cáo ở trạng thái “Chờ duyệt”.').waitFor();
      expect(await rows.count()).toBe(0);

      // Not submitted: every listed unit has a report not started or in draft; the other cells are dimmed.
      await chip(/^Chưa nộp · \d+$/).click();
      await page.waitForURL((url) => url.searchParams.get('state') === 'unsubmitted');
      await rows.first().waitFor();
      const unsubmitted = await rows.count();
      expect(unsubmitted).toBeGreaterThan(0);
      expect(unsubmitted).toBeLessThanOrEqual(all);
      for (const row of await rows.all()) {
        const live = row.locator('.cockpit__cell:not(.is-dimmed) button');
        const states = await live.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-state')));
        expect(states.length).toBeGreaterThan(0);
        for (const state of states) expect(['not_started', 'draft']).toContain(state);
      }
      // A reload keeps the filter; Back returns to the previous one.
      await page.reload();
      await rows.first().waitFor();
      expect(await page.getByRole('radio', { name: /^Chưa nộp/ }).isChecked()).toBe(true);
      await page.goBack();
      await page.waitForURL((url) => url.searchParams.get('state') === 'submitted');
      await chip(/^Tất cả/).click();
      await page.waitForURL((url) => !url.searchParams.has('state'));
      await rows.nth(all - 1).waitFor();
      expect(await rows.count()).toBe(all);
    } finally {
      await context.close();
    }
  });
});

describe('the audit trail filtered', () => {
  test('by kind of change and dates, in the address; dates in the wrong order are explained', async () => {
    if (!server) throw new Error('server not started');
    const db = server.db.$client;
    const id = (sqlText: string, value: string) => (db.prepare(sqlText).get(value) as { id: number }).id;
    const approver = id('SELECT id FROM users WHERE username = ?', 'duyet.phanthiet');
    const phuThuy = id('SELECT id FROM units WHERE name = ?', 'Phường Phú Thủy');
    const insert = db.prepare(
      `INSERT INTO audit_events (at, user_id, entity, entity_id, unit_id, action, before, after, reason)
       VALUES (?, ?, 'submission', '1', ?, ?, NULL, '{}', ?)`,
    );
    insert.run('2025-03-05T02:00:00.000Z', approver, phuThuy, 'returned', 'Thiếu minh chứng');
    insert.run('2025-03-06T02:00:00.000Z', approver, phuThuy, 'approved', null);
    insert.run('2025-04-01T02:00:00.000Z', approver, phuThuy, 'submitted', null);

    const { context, page } = await newPage();
    try {
      await signIn(page, baseUrl, 'duyet.phanthiet', '/?page=audit');
      const rows = page.locator('table.audit tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(3);

      await page.getByLabel('Loại thay đổi').selectOption({ label: 'Trả lại' });
      await page.waitForURL((url) => url.searchParams.get('action') === 'returned');
      await page.locator('table.audit:not(.is-updating)').waitFor();
      await rows.nth(1).waitFor({ state: 'detached' });
      expect(await rows.count()).toBe(1);
      expect(await rows.first().textContent()).toContain('Thiếu minh chứng');

      // Dates combine with it (AND): March without the kind gives two, with it one.
      await page.getByLabel('Từ ngày').fill('01/03/2025');
      await page.getByLabel('Đến ngày').fill('31/03/2025');
      await page.getByRole('button', { name: 'Lọc', exact: true }).click();
      await page.waitForURL((url) => url.searchParams.get('to') === '2025-03-31');
      expect(await rows.count()).toBe(1);
      await page.getByLabel('Loại thay đổi').selectOption({ label: 'Mọi thay đổi' });
      await page.waitForURL((url) => !url.searchParams.has('action'));
      await rows.nth(1).waitFor();
      expect(await rows.count()).toBe(2);

      // The end before the start: said beside the field, nothing sent.
      await page.getByLabel('Đến ngày').fill('01/02/2025');
      await page.getByRole('button', { name: 'Lọc', exact: true }).click();
      await page.getByText('Ngày kết thúc phải cùng ngày hoặc sau ngày bắt đầu.').waitFor();
      expect(new URL(page.url()).searchParams.get('to')).toBe('2025-03-31');
    } finally {
      await context.close();
    }
  });
});
