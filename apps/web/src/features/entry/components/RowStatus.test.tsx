import { describe, expect, it } from 'vitest';
import { classes, render, tags, textOf } from '../../../testing/markup.ts';
import type { RowStatus } from '../use-entry-editor.ts';
import { RowStatusText, type RowStatusView } from './RowStatus.tsx';

const savedRow = (updatedByName: string | null) => ({
  result: { updatedByName, updatedAt: '2026-11-30T03:05:00.000Z' },
});

const draw = (status: RowStatus, extra: Partial<RowStatusView> = {}) =>
  render(<RowStatusText view={{ status, state: undefined, row: savedRow(null), ...extra }} />);

describe('a row’s status', () => {
  it.each([
    ['empty', 'Chưa nhập'],
    ['dirty', 'Chưa lưu'],
    ['invalid', 'Có lỗi, chưa lưu'],
    ['saving', 'Đang lưu…'],
    ['conflict', 'Cần chọn giá trị'],
  ] as const)('%s reads "%s" and is coloured by its own class', (status, words) => {
    const html = draw(status);
    expect(textOf(html)).toBe(words);
    expect(classes(tags(html, 'span')[0])).toContain(`row-status--${status}`);
  });

  it('says saved with a tick, and who saved it and when on hover', () => {
    const html = draw('saved', { row: savedRow('Nguyễn Văn A') });
    expect(textOf(html)).toBe('✓ Đã lưu');
    expect(tags(html, 'span')[0]?.title).toMatch(/^Lưu bởi Nguyễn Văn A lúc .*30\/11\/2026/);
  });

  it('reads a value stored earlier the same way, with "someone else" when the name is unknown', () => {
    const html = draw('stored');
    expect(textOf(html)).toBe('✓ Đã lưu');
    expect(tags(html, 'span')[0]?.title).toBe('Lưu bởi người khác lúc 10:05 30/11/2026');
    expect(classes(tags(html, 'span')[0])).toContain('row-status--stored');
  });

  it('announces a failed save with the server’s message', () => {
    const html = draw('error', { state: { kind: 'error', message: 'Mất kết nối tới máy chủ.' } });
    expect(tags(html, 'span')[0]?.role).toBe('alert');
    expect(textOf(html)).toBe('Không lưu được Mất kết nối tới máy chủ.');
  });
});
