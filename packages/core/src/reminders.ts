/**
 * Reminders (notifications): which reports are overdue as of a date, and the Vietnamese words of a
 * reminder for e-mail. Pure, so the rules are tested without a database or a clock
 * (docs/decisions/0026-reminders.md).
 */
import { daysBetween, formatDate } from './dates.ts';
import { type PeriodLike, periodName } from './periods.ts';
import { type Lifetime, reportsPeriod } from './units.ts';
import type { SubmissionState } from './workflow.ts';

export type NotificationKind = 'submitted' | 'returned' | 'overdue';

/**
 * How long after a deadline an unsent report is still reminded about. The daily pass runs every
 * day, so a report is reminded the day after its deadline; the window only keeps a first start (or
 * a server that was off for a while) from reminding of reports years old, which the reporting
 * status page lists anyway.
 */
export const OVERDUE_WINDOW_DAYS = 31;

export interface OverdueInput {
  /** The date it is (YYYY-MM-DD, Vietnam). */
  asOf: string;
  periods: readonly (PeriodLike & { id: number; deadline: string })[];
  /** Units that report (grassroots units), with their lifetime. */
  units: readonly (Lifetime & { id: number })[];
  /** The state of every report that has one, keyed `unitId:periodId`. */
  states: ReadonlyMap<string, SubmissionState>;
  windowDays?: number;
}

/**
 * The reports overdue as of `asOf`: the period's deadline has passed (the deadline day itself still
 * counts as in time) no more than `windowDays` ago, the unit existed for the period, and its report
 * is neither sent nor approved (none yet, a draft, or returned).
 */
export function overdueReports({
  asOf,
  periods,
  units,
  states,
  windowDays = OVERDUE_WINDOW_DAYS,
}: OverdueInput): { unitId: number; periodId: number }[] {
  const due = periods.filter((p) => p.deadline < asOf && daysBetween(p.deadline, asOf) <= windowDays);
  const overdue: { unitId: number; periodId: number }[] = [];
  for (const period of due) {
    for (const unit of units) {
      if (!reportsPeriod(unit, period)) continue;
      const state = states.get(`${unit.id}:${period.id}`);
      if (state === 'submitted' || state === 'approved') continue;
      overdue.push({ unitId: unit.id, periodId: period.id });
    }
  }
  return overdue;
}

export interface NotificationWords {
  kind: NotificationKind;
  unitName: string;
  period: PeriodLike & { deadline: string };
  params: { by?: string | undefined; comment?: string | undefined };
}

/** The one-line Vietnamese text of a reminder (the e-mail's subject; the web app has its own words). */
export function notificationTitle(n: NotificationWords): string {
  const period = periodName(n.period).toLowerCase();
  if (n.kind === 'submitted') return `${n.unitName} đã gửi báo cáo ${period} để duyệt`;
  if (n.kind === 'returned') return `Báo cáo ${period} của ${n.unitName} bị trả lại`;
  return `${n.unitName} chưa gửi báo cáo ${period} (hạn ${formatDate(n.period.deadline)})`;
}

/** The body of a reminder's e-mail: the title, who and why, and where to open it. */
export function notificationMail(n: NotificationWords & { link: string | null }): {
  subject: string;
  text: string;
} {
  const title = notificationTitle(n);
  const lines = [`${title}.`];
  if (n.kind === 'submitted' && n.params.by) lines.push(`Người gửi: ${n.params.by}.`);
  if (n.kind === 'returned') {
    if (n.params.by) lines.push(`Người trả lại: ${n.params.by}.`);
    if (n.params.comment) lines.push(`Lý do: ${n.params.comment}`);
  }
  if (n.kind === 'overdue') lines.push('Hạn gửi báo cáo đã qua mà đơn vị chưa gửi.');
  lines.push(
    n.link ? `Mở báo cáo: ${n.link}` : 'Mở ứng dụng Chỉ tiêu, mục Thông báo, để xem báo cáo.',
    '',
    'Thư này do ứng dụng Chỉ tiêu gửi tự động; xin đừng trả lời.',
  );
  return { subject: `Chỉ tiêu: ${title}`, text: lines.join('\n') };
}
