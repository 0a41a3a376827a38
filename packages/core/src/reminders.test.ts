import { describe, expect, test } from 'vitest';
import { notificationMail, OVERDUE_WINDOW_DAYS, overdueReports } from './reminders.ts';
import type { SubmissionState } from './workflow.ts';

const H1 = { id: 1, kind: 'half', startDate: '2024-01-01', endDate: '2024-06-30', deadline: '2024-07-10' };
const H2 = { id: 2, kind: 'half', startDate: '2024-07-01', endDate: '2024-12-31', deadline: '2025-01-10' };
const open = (id: number) => ({ id, validFrom: '2020-01-01', validTo: null as string | null });

const overdue = (asOf: string, states: [string, SubmissionState][] = [], units = [open(10), open(11)]) =>
  overdueReports({ asOf, periods: [H1, H2], units, states: new Map(states) });

describe('overdue reports as of a date', () => {
  test('the deadline day is still in time; the day after, every unit that has not sent is overdue', () => {
    expect(overdue('2025-01-10')).toEqual([]);
    expect(overdue('2025-01-11')).toEqual([
      { unitId: 10, periodId: 2 },
      { unitId: 11, periodId: 2 },
    ]);
  });

  test('a report sent or approved is not overdue; none yet, a draft or a returned one is', () => {
    const states: [string, SubmissionState][] = [
      ['10:2', 'submitted'],
      ['11:2', 'approved'],
      ['12:2', 'draft'],
      ['13:2', 'returned'],
    ];
    const units = [10, 11, 12, 13, 14].map(open);
    expect(overdue('2025-01-20', states, units).map((r) => r.unitId)).toEqual([12, 13, 14]);
  });

  test('only within the window after the deadline: a first start does not remind of old periods', () => {
    expect(overdue('2024-07-11').map((r) => r.periodId)).toEqual([1, 1]);
    expect(overdue('2024-08-10').map((r) => r.periodId)).toEqual([1, 1]);
    expect(OVERDUE_WINDOW_DAYS).toBe(31);
    expect(overdue('2024-08-11')).toEqual([]);
    expect(overdue('2025-02-10').map((r) => r.periodId)).toEqual([2, 2]);
    expect(overdue('2025-02-11')).toEqual([]);
  });

  test('a unit that did not exist for the period owes no report (founded after it, or closed before its end)', () => {
    const units = [
      { id: 20, validFrom: '2025-01-01', validTo: null },
      { id: 21, validFrom: '2020-01-01', validTo: '2024-12-01' },
      { id: 22, validFrom: '2020-01-01', validTo: '2025-01-01' },
    ];
    expect(overdue('2025-01-20', [], units)).toEqual([{ unitId: 22, periodId: 2 }]);
  });

  test('the same input gives the same answer (the pass is repeatable)', () => {
    expect(overdue('2025-01-20')).toEqual(overdue('2025-01-20'));
  });
});

describe('the words of a reminder by e-mail', () => {
  const period = H2;
  test('sent, returned with the reason, overdue with the deadline', () => {
    const sent = notificationMail({
      kind: 'submitted',
      unitName: 'Phường Phú Thủy',
      period,
      params: { by: 'Hội LHPN phường Phú Thủy' },
      link: 'https://chitieu.example.org/?page=entry&unit=5&period=2',
    });
    expect(sent.subject).toBe('Chỉ tiêu: Phường Phú Thủy đã gửi báo cáo 6 tháng cuối năm 2024 để duyệt');
    expect(sent.text).toContain('Người gửi: Hội LHPN phường Phú Thủy.');
    expect(sent.text).toContain('https://chitieu.example.org/?page=entry&unit=5&period=2');
    const returned = notificationMail({
      kind: 'returned',
      unitName: 'Phường Phú Thủy',
      period,
      params: { comment: 'Thiếu số hộ thoát nghèo' },
      link: null,
    });
    expect(returned.subject).toContain('bị trả lại');
    expect(returned.text).toContain('Lý do: Thiếu số hộ thoát nghèo');
    const late = notificationMail({
      kind: 'overdue',
      unitName: 'Xã Tiến Lợi',
      period,
      params: {},
      link: null,
    });
    expect(late.subject).toBe(
      'Chỉ tiêu: Xã Tiến Lợi chưa gửi báo cáo 6 tháng cuối năm 2024 (hạn 10/01/2025)',
    );
  });
});
