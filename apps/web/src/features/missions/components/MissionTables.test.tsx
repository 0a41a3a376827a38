import { describe, expect, it } from 'vitest';
import { classes, render, tags, textOf } from '../../../testing/markup.ts';
import { UnitName, WorksTable } from './MissionTables.tsx';

/** The cells of each body or foot row, as text. */
function rows(html: string, part: 'tbody' | 'tfoot'): string[][] {
  const section = html.split(`<${part}>`)[1]?.split(`</${part}>`)[0] ?? '';
  return section
    .split('</tr>')
    .filter((row) => row.includes('<tr'))
    .map((row) =>
      row
        .split(/<\/t[hd]>/)
        .slice(0, -1)
        .map(textOf),
    );
}

describe('the works table', () => {
  const html = render(
    <WorksTable
      caption="Công trình theo năm"
      first="Năm"
      rows={[
        { key: 2024, label: '2024', count: 1250, value: 11_540_000_000 },
        { key: 2025, label: '2025', count: 3, value: null },
        { key: 2026, label: '2026 (9 tháng)', count: null, value: null },
      ]}
    />,
  );

  it('writes counts with Vietnamese thousands and money scaled to tỷ', () => {
    expect(rows(html, 'tbody')[0]).toEqual(['2024', '1.250', '11,54 tỷ đồng']);
  });

  it('says "not reported" for a missing count or value, never 0', () => {
    expect(rows(html, 'tbody')[1]).toEqual(['2025', '3', 'Chưa báo cáo']);
    expect(rows(html, 'tbody')[2]).toEqual(['2026 (9 tháng)', 'Chưa báo cáo', 'Chưa báo cáo']);
  });

  it('greys out a row with nothing reported', () => {
    const bodyRows = tags(html.split('<tbody>')[1] ?? '', 'tr');
    expect(classes(bodyRows[0])).not.toContain('data-table__muted');
    expect(classes(bodyRows[2])).toContain('data-table__muted');
  });

  it('totals what was reported', () => {
    expect(rows(html, 'tfoot')[0]).toEqual(['Tổng cộng', '1.253', '11,54 tỷ đồng']);
  });

  it('has a dash for the total value when no value was reported', () => {
    const noValues = render(
      <WorksTable caption="c" first="Năm" rows={[{ key: 1, label: '2024', count: 2, value: null }]} />,
    );
    expect(rows(noValues, 'tfoot')[0]).toEqual(['Tổng cộng', '2', '—']);
  });

  it('has no total row when nothing was reported', () => {
    const none = render(
      <WorksTable caption="c" first="Năm" rows={[{ key: 1, label: '2024', count: null, value: null }]} />,
    );
    expect(none).not.toContain('<tfoot>');
  });
});

describe('a unit’s name in a mission table', () => {
  it('opens the unit’s own units when it has some', () => {
    const html = render(
      <UnitName unit={{ id: 4, name: 'Phường Phú Thủy', hasChildren: true }} onUnit={() => {}} />,
    );
    expect(tags(html, 'button')).toHaveLength(1);
    expect(textOf(html)).toBe('Phường Phú Thủy');
  });

  it('is plain text for a unit with none below it', () => {
    const html = render(
      <UnitName unit={{ id: 5, name: 'Khu phố 1', hasChildren: false }} onUnit={() => {}} />,
    );
    expect(html).toBe('Khu phố 1');
  });
});
