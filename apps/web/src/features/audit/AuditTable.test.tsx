import { describe, expect, it } from 'vitest';
import type { Period } from '../../api/get-periods.ts';
import type { Indicator } from '../../api/get-term.ts';
import { render, tags, textOf } from '../../testing/markup.ts';
import { AuditTable } from './AuditTable.tsx';
import type { AuditEvent } from './api/get-audit.ts';

const households: Indicator = {
  id: 7,
  code: 'THOATNGHEO',
  name: 'Số hộ thoát nghèo',
  measurementUnit: 'hộ',
  measureType: 'cumulative',
  decimals: 0,
  frequency: 'half',
  ratioOverTime: 'sum',
};
const period: Period = {
  id: 3,
  kind: 'half',
  startDate: '2025-01-01',
  endDate: '2025-06-30',
  deadline: '2025-07-10',
};

function event(extra: Partial<AuditEvent>): AuditEvent {
  return {
    id: 1,
    at: '2025-07-01T02:00:00.000Z',
    userId: 2,
    userName: 'Nguyễn Văn A',
    unitId: 5,
    unitName: 'Phường Phú Thủy',
    entity: 'result',
    entityId: '9',
    action: 'update',
    before: null,
    after: null,
    reason: null,
    ...extra,
  };
}

const draw = (events: AuditEvent[]) =>
  render(
    <AuditTable
      events={events}
      indicators={new Map([[households.id, households]])}
      periodById={new Map([[period.id, period]])}
    />,
  );

/** The "change" cell of each row, as text. */
const changes = (html: string) =>
  html
    .split('<td class="audit__change"')
    .slice(1)
    .map((cell) => textOf(`<td${cell.split('</td>')[0]}`));

describe('the audit trail table', () => {
  it('shows a changed figure before → after, in the grid’s words, with its indicator and period', () => {
    const html = draw([
      event({
        before: { indicatorId: 7, periodId: 3, value: 12 },
        after: { indicatorId: 7, periodId: 3, value: 1746 },
      }),
    ]);
    expect(changes(html)).toEqual(['12 hộ → 1.746 hộ']);
    expect(textOf(html)).toContain('Số hộ thoát nghèo');
    expect(textOf(html)).toContain('Phường Phú Thủy');
    expect(textOf(html)).toContain('Nguyễn Văn A');
  });

  it('marks a first entry as created, and a flagged save with the flag', () => {
    const html = draw([
      event({ after: { indicatorId: 7, periodId: 3, value: 400, flag: 'far_above_previous' } }),
    ]);
    expect(changes(html)).toEqual(['Nhập mới 400 hộ ⚑ Bất thường']);
  });

  it('says the figure is unchanged when only the note changed, and shows the note before → after', () => {
    const html = draw([
      event({
        before: { indicatorId: 7, periodId: 3, value: 12, note: null },
        after: { indicatorId: 7, periodId: 3, value: 12, note: 'Dự án mới' },
      }),
    ]);
    const [change] = changes(html);
    expect(change).toMatch(/^12 hộ không đổi /);
    expect(change).toContain('→ Dự án mới');
  });

  it('names an indicator that is no longer in the term, rather than dropping the row', () => {
    const html = draw([event({ after: { indicatorId: 99, value: 5 } })]);
    expect(tags(html, 'tr').filter((row) => row['data-entity'] === 'result')).toHaveLength(1);
    expect(changes(html)[0]).toContain('5');
  });

  it('words a report’s step and who did it; the system when no one did', () => {
    const html = draw([
      event({
        entity: 'submission',
        action: 'approved',
        userId: null,
        userName: null,
        after: { periodId: 3 },
      }),
    ]);
    expect(tags(html, 'tr')[1]?.['data-entity']).toBe('submission');
    expect(changes(html)).toEqual(['Duyệt']);
    expect(textOf(html)).toContain('Hệ thống');
  });

  it('shows the reason given for changing approved data', () => {
    const html = draw([
      event({
        before: { indicatorId: 7, value: 1 },
        after: { indicatorId: 7, value: 2 },
        reason: 'Sửa nhầm',
      }),
    ]);
    expect(textOf(html)).toContain('Sửa nhầm');
  });
});
