/**
 * The grid's cells as they are drawn: flagged, empty, locked, not applicable, ratios, conflicts.
 * Rendered to markup in node (no browser): the classes and attributes asserted here are what the
 * styles and the browser tests hang on.
 */
import { MantineProvider } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { classes, render, tags, textOf } from '../../../testing/markup.ts';
import type { EntryResult, EntryRow } from '../api/get-entry-grid.ts';
import { serverTexts, type Texts } from '../model.ts';
import type { RowView } from '../use-entry-editor.ts';
import { GridRow } from './GridRow.tsx';

type MeasureType = EntryRow['indicator']['measureType'];

function result(figure: Partial<EntryResult> = {}): EntryResult {
  return {
    id: 1,
    unitId: 5,
    indicatorId: 7,
    periodId: 3,
    value: null,
    numerator: null,
    denominator: null,
    meets: null,
    note: null,
    evidenceUrl: null,
    flag: null,
    illustrative: false,
    version: 1,
    updatedBy: 2,
    updatedAt: '2026-11-30T03:00:00.000Z',
    updatedByName: 'Nguyễn Văn A',
    ...figure,
  };
}

function entryRow(measureType: MeasureType, extra: Partial<EntryRow> = {}): EntryRow {
  return {
    targetId: 11,
    targetCode: 'CT1',
    targetName: 'Giảm hộ nghèo',
    counted: true,
    primary: true,
    indicator: {
      id: 7,
      code: 'THOATNGHEO',
      name: 'Số hộ thoát nghèo',
      measurementUnit: measureType === 'amount' ? 'đồng' : measureType === 'ratio' ? '%' : 'hộ',
      measureType,
      decimals: measureType === 'ratio' ? 1 : 0,
      frequency: 'half',
      ratioOverTime: 'sum',
    },
    applicable: true,
    result: null,
    previous: null,
    sameLastYear: null,
    allocation: null,
    plausibility: { growth: 300, minChange: 10 },
    ...extra,
  };
}

function view(row: EntryRow, extra: Partial<RowView> & { typed?: Partial<Texts> } = {}): RowView {
  const server = serverTexts(row);
  const { typed, ...rest } = extra;
  const texts = { ...server, ...typed };
  return {
    id: row.indicator.id,
    index: 0,
    row,
    editable: true,
    server,
    texts,
    dirty: typed !== undefined,
    check: null,
    evidenceError: null,
    state: undefined,
    status: row.result ? 'stored' : 'empty',
    ...rest,
  };
}

const noEdits = { setText: () => {}, keepMine: () => {}, takeTheirs: () => {} };

function draw(rowView: RowView, active = false): string {
  return render(
    <MantineProvider>
      <table>
        <tbody>
          <GridRow view={rowView} active={active} editor={noEdits} onHistory={() => {}} />
        </tbody>
      </table>
    </MantineProvider>,
  );
}

const input = (html: string, field: string) => tags(html, 'input').find((i) => i['data-field'] === field);
const rowOf = (html: string) => tags(html, 'tr')[0];

describe('a row with nothing entered', () => {
  const html = draw(view(entryRow('cumulative')));

  it('offers an empty, editable value cell in column 0 with its unit as a hint', () => {
    const value = input(html, 'value');
    expect(value?.value).toBe('');
    expect(value).not.toHaveProperty('readonly');
    expect(value?.['data-c']).toBe('0');
    expect(value?.['aria-label']).toBe('Giảm hộ nghèo — số liệu kỳ này');
    expect(textOf(html)).toContain('Đơn vị tính: hộ');
  });

  it('places the note and evidence in columns 2 and 3, and says nothing is entered', () => {
    expect(input(html, 'note')?.['data-c']).toBe('2');
    expect(input(html, 'evidenceUrl')?.['data-c']).toBe('3');
    expect(rowOf(html)?.['data-status']).toBe('empty');
    expect(textOf(html)).toContain('Chưa nhập');
    expect(textOf(html)).toContain('Kỳ trước: —');
  });

  it('is drawn as the active row while one of its cells has the focus', () => {
    expect(classes(rowOf(html))).not.toContain('is-active');
    expect(classes(rowOf(draw(view(entryRow('cumulative')), true)))).toContain('is-active');
  });

  it('has no history button before anything is saved', () => {
    expect(html).not.toContain('history-button');
  });
});

describe('a stored figure', () => {
  const stored = entryRow('cumulative', {
    result: result({ value: 1746 }),
    previous: result({ value: 12 }),
    allocation: 3000,
  });

  it('shows the value as the grid writes it, with the previous figure and the allocation', () => {
    const html = draw(view(stored));
    expect(input(html, 'value')?.value).toBe('1.746');
    expect(textOf(html)).toContain('Kỳ trước: 12 hộ');
    expect(textOf(html)).toContain('Được giao cả nhiệm kỳ: 3.000 hộ');
    expect(textOf(html)).toContain('Đã lưu');
    expect(html).toContain('history-button');
  });

  it('marks a changed cell, not the others', () => {
    const html = draw(view(stored, { typed: { value: '1.800' }, status: 'dirty' }));
    expect(classes(input(html, 'value'))).toContain('cell-input--changed');
    expect(classes(input(html, 'note'))).not.toContain('cell-input--changed');
    expect(textOf(html)).toContain('Chưa lưu');
  });

  it('is read-only and without placeholders when the report is locked', () => {
    const html = draw(view(stored, { editable: false }));
    for (const field of ['value', 'note', 'evidenceUrl']) {
      expect(input(html, field)).toHaveProperty('readonly');
      expect(input(html, field)).not.toHaveProperty('placeholder');
    }
  });
});

describe('a flagged figure (docs/decisions/0025)', () => {
  const flagged = entryRow('cumulative', {
    result: result({ value: 400, flag: 'far_above_previous' }),
    previous: result({ value: 20 }),
  });

  it('marks the value cell and says against what it was judged', () => {
    const html = draw(view(flagged));
    expect(classes(input(html, 'value'))).toContain('cell-input--flagged');
    expect(rowOf(html)?.['data-flag']).toBe('far_above_previous');
    expect(textOf(html)).toContain('Bất thường: gấp hơn 3 lần kỳ trước (20 hộ)');
    expect(input(html, 'value')?.['aria-describedby']).toBe('cell-7-value-msg');
  });

  it('asks for a note while there is none, and stops asking once there is one', () => {
    const asking = draw(view(flagged));
    expect(classes(input(asking, 'note'))).toContain('cell-input--ask');
    expect(input(asking, 'note')?.placeholder).toBe('Cần ghi lý do để gửi');
    const explained = draw(
      view({ ...flagged, result: result({ value: 400, flag: 'far_above_previous', note: 'Dự án mới' }) }),
    );
    expect(classes(input(explained, 'note'))).not.toContain('cell-input--ask');
  });

  it('is no longer marked once the value is being changed', () => {
    const html = draw(view(flagged, { typed: { value: '30' }, status: 'dirty' }));
    expect(classes(input(html, 'value'))).not.toContain('cell-input--flagged');
    expect(rowOf(html)).not.toHaveProperty('data-flag');
  });
});

describe('cells by measure type', () => {
  it('a ratio has a numerator and a denominator, and shows the percentage when it makes sense', () => {
    const html = draw(
      view(entryRow('ratio'), { typed: { numerator: '7', denominator: '8' }, status: 'dirty' }),
    );
    expect(input(html, 'numerator')?.['data-c']).toBe('0');
    expect(input(html, 'denominator')?.['data-c']).toBe('1');
    expect(textOf(html)).toContain('= 87,5%');
    const impossible = draw(
      view(entryRow('ratio'), { typed: { numerator: '9', denominator: '8' }, status: 'dirty' }),
    );
    expect(textOf(impossible)).not.toContain('=');
  });

  it('a yes/no cell uses the shared Đạt/Không đạt list', () => {
    const html = draw(view(entryRow('units_meeting')));
    expect(input(html, 'meets')?.list).toBe('entry-meets-options');
    expect(input(html, 'value')).toBeUndefined();
  });

  it('an indicator that does not apply has no cells at all (the keyboard passes over it)', () => {
    const html = draw(view(entryRow('units_meeting', { applicable: false })));
    expect(tags(html, 'input')).toEqual([]);
    expect(textOf(html)).toContain('Chỉ cơ sở Hội tự đánh giá');
  });
});

describe('a conflict', () => {
  it('shows both values and who saved the other one', () => {
    const row = entryRow('cumulative', { result: result({ value: 10 }) });
    const html = draw(
      view(row, {
        typed: { value: '20' },
        status: 'conflict',
        state: {
          kind: 'conflict',
          current: result({ value: 15, updatedByName: 'Trần Thị B' }),
          mine: { ...serverTexts(row), value: '20' },
        },
      }),
    );
    const text = textOf(html);
    expect(text).toContain('Trần Thị B vừa lưu một giá trị khác');
    expect(text).toContain('Giá trị của bạn: 20 hộ');
    expect(text).toContain('Giá trị của Trần Thị B: 15 hộ');
    expect(text).toContain('Cần chọn giá trị');
  });
});
