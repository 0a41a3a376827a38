/**
 * The overdue pass as the server runs it: at start-up by itself, once per day, and never twice for
 * the same recipient, unit and period across restarts.
 */
import { demoDatabase } from '@chitieu/db/testing';
import { sql } from 'drizzle-orm';
import { expect, it, vi } from 'vitest';
import { startReminders } from './reminders.ts';

it('runs at start-up, once a day, and a restart adds nothing', async () => {
  const { db } = demoDatabase();
  const count = () => db.get<{ n: number }>(sql`SELECT COUNT(*) AS n FROM notifications`)?.n ?? 0;
  let today = '2025-01-20';
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    const first = startReminders({ db, mailer: null, today: () => today });
    await vi.waitFor(() => expect(count()).toBeGreaterThan(0), { timeout: 30_000, interval: 20 });
    const reminded = count();
    // The same day again: not even looked at.
    expect(first.pass()).toBeNull();
    // The next day: looked at, nothing new (each was reminded once already).
    today = '2025-01-21';
    expect(first.pass()).toBe(0);
    first.stop();
    // A restart the same day: its start-up pass adds nothing either.
    const second = startReminders({ db, mailer: null, today: () => today });
    expect(second.pass()).toBe(0);
    second.stop();
    expect(count()).toBe(reminded);
    expect(log.mock.calls.map((c) => String(c[0]))).toEqual([
      `Chỉ tiêu: ${reminded} thông báo báo cáo quá hạn (ngày 2025-01-20).`,
    ]);
  } finally {
    log.mockRestore();
  }
});
