import { REPORT_STATES, type StatusKey } from '@chitieu/core';
import { describe, expect, it } from 'vitest';
import { StatusBadge } from '../features/overview/components/StatusBadge.tsx';
import { classes, render, tags, textOf } from '../testing/markup.ts';
import { ReportStateBadge } from './ReportStateBadge.tsx';

const STATUS_KEYS: StatusKey[] = [
  'exceeded',
  'achieved',
  'on_track',
  'at_risk',
  'behind',
  'unreported',
  'noCases',
  'noGoal',
];

// Never colour alone (docs/decisions/0027): every badge carries a symbol and the word.
describe('the report state badge', () => {
  it.each([
    ['not_started', '○', 'Chưa nhập'],
    ['draft', '✎', 'Đang nhập'],
    ['submitted', '…', 'Chờ duyệt'],
    ['returned', '↩', 'Bị trả lại'],
    ['approved', '✓', 'Đã duyệt'],
  ] as const)('%s reads "%s %s"', (state, symbol, word) => {
    const html = render(<ReportStateBadge state={state} />);
    expect(textOf(html)).toBe(`${symbol} ${word}`);
    expect(tags(html, 'span')[0]?.['data-state']).toBe(state);
  });

  it('has a distinct word for every state', () => {
    const words = REPORT_STATES.map((state) => textOf(render(<ReportStateBadge state={state} />)));
    expect(new Set(words).size).toBe(REPORT_STATES.length);
  });

  it('hides the symbol from screen readers (the word says it) and takes its size', () => {
    const [badge, symbol] = tags(render(<ReportStateBadge state="returned" size="sm" />), 'span');
    expect(classes(badge)).toContain('report-badge--sm');
    expect(symbol?.['aria-hidden']).toBe('true');
  });
});

describe('the target status badge', () => {
  it('has a symbol and a distinct word for every status', () => {
    const texts = STATUS_KEYS.map((status) => textOf(render(<StatusBadge status={status} />)));
    for (const text of texts) expect(text).toMatch(/^\S+ \S/);
    expect(new Set(texts).size).toBe(STATUS_KEYS.length);
  });

  it('marks "on track" with a dashed border, so it is not read as "exceeded" in grey print', () => {
    const style = (status: StatusKey) =>
      tags(render(<StatusBadge status={status} />), 'span')[0]?.style ?? '';
    expect(style('on_track')).toContain('dashed');
    expect(style('exceeded')).not.toContain('dashed');
  });

  it('words the statuses as the leaders read them', () => {
    expect(textOf(render(<StatusBadge status="behind" size="sm" />))).toContain('Chưa đạt');
    expect(textOf(render(<StatusBadge status="unreported" />))).toContain('Chưa báo cáo');
  });
});
