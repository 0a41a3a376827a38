import { MantineProvider } from '@mantine/core';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { render, tags, textOf } from '../testing/markup.ts';
import { PageBoundary, PageTrouble } from './PageBoundary.tsx';

const draw = (node: ReactNode) => render(<MantineProvider>{node}</MantineProvider>);

describe('the page boundary (docs/decisions/0021)', () => {
  it('draws the page itself while nothing has failed', () => {
    expect(textOf(draw(<PageBoundary>Tổng quan</PageBoundary>))).toBe('Tổng quan');
  });

  it('tells a page whose code could not be fetched from a page that crashed', () => {
    const chunk = new TypeError('Failed to fetch dynamically imported module: /assets/EntryPage-1a2b.js');
    expect(PageBoundary.getDerivedStateFromError(chunk)).toEqual({ error: chunk, trouble: 'checking' });
    const crash = new Error('Cannot read properties of undefined');
    expect(PageBoundary.getDerivedStateFromError(crash)).toEqual({ error: crash, trouble: 'crashed' });
  });

  it('turns something thrown that is not an Error into one, so its message can be shown', () => {
    const state = PageBoundary.getDerivedStateFromError('hỏng');
    expect(state.error).toBeInstanceOf(Error);
    expect(state.error.message).toBe('hỏng');
    expect(state.trouble).toBe('crashed');
  });
});

describe('what stands in for a failed page', () => {
  const error = new Error('Cannot read properties of undefined (reading "rows")');

  it('says what happened in Vietnamese and offers "Tải lại"', () => {
    const text = textOf(draw(<PageTrouble trouble="checking" error={error} />));
    expect(text).toContain('Không mở được trang này');
    expect(text).toContain('Đang kiểm tra kết nối tới máy chủ');
    expect(text).toContain('Tải lại');
    expect(tags(draw(<PageTrouble trouble="checking" error={error} />), 'main')[0]?.id).toBe('main');
  });

  it('gives a different message for each trouble', () => {
    const messages = (['checking', 'offline', 'updated', 'crashed'] as const).map((trouble) =>
      textOf(draw(<PageTrouble trouble={trouble} error={error} />)),
    );
    expect(new Set(messages).size).toBe(4);
  });

  it('shows the technical details of a crash only, never of a network trouble', () => {
    const crashed = draw(<PageTrouble trouble="crashed" error={error} />);
    expect(textOf(crashed)).toContain('Chi tiết kỹ thuật');
    expect(textOf(crashed)).toContain('Cannot read properties of undefined (reading "rows")');
    const offline = draw(<PageTrouble trouble="offline" error={error} />);
    expect(tags(offline, 'details')).toEqual([]);
    expect(textOf(offline)).not.toContain('Cannot read');
  });
});
