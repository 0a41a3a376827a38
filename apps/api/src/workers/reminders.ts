/**
 * The daily pass for overdue reports: at start-up, then whenever the date (in Vietnam) has changed,
 * checked hourly. recordOverdue is idempotent, so a restart or a second pass on the same day tells
 * nobody twice (docs/decisions/0026-reminders.md).
 */
import { todayInVietnam } from '@chitieu/core';
import { type Db, recordOverdue } from '@chitieu/db';
import { type Mailer, mailFailure, mailNotifications } from '../lib/mailer.ts';

export function startReminders({
  db,
  mailer,
  today = () => todayInVietnam(),
  intervalMs = 60 * 60 * 1000,
}: {
  db: Db;
  mailer: Mailer | null;
  today?: () => string;
  intervalMs?: number;
}): { stop: () => void; pass: () => number | null } {
  let done: string | null = null;
  /** Look now: how many reminders were added, or null when today was already looked at (or it failed). */
  const pass = (): number | null => {
    const date = today();
    if (date === done) return null;
    try {
      const ids = recordOverdue(db, date);
      done = date;
      if (ids.length > 0) {
        console.log(`Chỉ tiêu: ${ids.length} thông báo báo cáo quá hạn (ngày ${date}).`);
        void mailNotifications(db, mailer, ids);
      }
      return ids.length;
    } catch (error) {
      // Tried again at the next check; the server goes on serving.
      console.error(`Thông báo quá hạn: lần kiểm tra ngày ${date} không xong (${mailFailure(error)}).`);
      return null;
    }
  };
  const first = setImmediate(pass);
  const timer = setInterval(pass, intervalMs);
  // A test or a CLI run that ends must not be kept alive by the timer.
  timer.unref();
  return {
    pass,
    stop: () => {
      clearImmediate(first);
      clearInterval(timer);
    },
  };
}
