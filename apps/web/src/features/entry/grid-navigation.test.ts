import { describe, expect, it, test } from 'vitest';
import {
  acrossTarget,
  type GridKey,
  type GridKeyState,
  type GridShape,
  planKey,
  pressSelectsWhole,
  verticalTarget,
} from './grid-navigation.ts';
import { rowCells } from './model.ts';

// The columns: 0 the value (or numerator, or Đạt/Không đạt), 1 the denominator, 2 the note, 3 the evidence.
const count = [0, 2, 3];
const ratio = [0, 1, 2, 3];
const notApplicable: number[] = [];

/** A grid like the demo's: counts, a ratio in the middle, a row that does not apply. */
const shape: GridShape = [count, ratio, notApplicable, count, ratio];

const key = (name: string, extra: Partial<GridKey> = {}): GridKey => ({
  key: name,
  shiftKey: false,
  altKey: false,
  ...extra,
});
const idle: GridKeyState = { editingInPlace: false, canRestore: true };

describe('the shape comes from the cells a row shows', () => {
  const indicator = (measureType: 'cumulative' | 'ratio' | 'units_meeting') => ({
    measureType,
    decimals: 0,
    measurementUnit: 'hộ',
  });
  it('matches the columns the grid renders inputs in', () => {
    const columns = (row: Parameters<typeof rowCells>[0]) => rowCells(row).map(([c]) => c);
    expect(columns({ indicator: indicator('cumulative'), applicable: true })).toEqual(count);
    expect(columns({ indicator: indicator('units_meeting'), applicable: true })).toEqual(count);
    expect(columns({ indicator: indicator('ratio'), applicable: true })).toEqual(ratio);
    expect(columns({ indicator: indicator('cumulative'), applicable: false })).toEqual(notApplicable);
  });
});

describe('up and down', () => {
  test.each([
    ['down keeps the column', { r: 0, c: 2 }, 1, { r: 1, c: 2 }],
    ['up keeps the column', { r: 1, c: 3 }, -1, { r: 0, c: 3 }],
    ['down passes over a row without cells', { r: 1, c: 0 }, 1, { r: 3, c: 0 }],
    ['up passes over a row without cells', { r: 3, c: 2 }, -1, { r: 1, c: 2 }],
    // From the denominator (column 1) into a count row, which has 0 and 2: as near, the earlier wins.
    ['to the nearest column, the earlier on a tie', { r: 1, c: 1 }, 1, { r: 3, c: 0 }],
    ['the same column when the row has it', { r: 3, c: 0 }, 1, { r: 4, c: 0 }],
  ] as const)('%s', (_name, at, step, expected) => {
    expect(verticalTarget(shape, at, step)).toEqual(expected);
  });

  it('stops at the first and the last row', () => {
    expect(verticalTarget(shape, { r: 0, c: 0 }, -1)).toBeNull();
    expect(verticalTarget(shape, { r: 4, c: 3 }, 1)).toBeNull();
  });

  it('finds nothing when only rows without cells remain', () => {
    expect(verticalTarget([count, notApplicable, notApplicable], { r: 0, c: 0 }, 1)).toBeNull();
  });

  it('picks the nearer column, not the first', () => {
    expect(verticalTarget([[0, 3], [3]], { r: 1, c: 3 }, -1)).toEqual({ r: 0, c: 3 });
    expect(verticalTarget([[0, 2, 3], [1]], { r: 1, c: 1 }, -1)).toEqual({ r: 0, c: 0 });
    expect(verticalTarget([[2, 3], [0]], { r: 1, c: 0 }, -1)).toEqual({ r: 0, c: 2 });
  });
});

describe('across', () => {
  it('moves to the next cell in the row, skipping columns the row lacks', () => {
    expect(acrossTarget(shape, { r: 0, c: 0 }, 1, false)).toEqual({ r: 0, c: 2 });
    expect(acrossTarget(shape, { r: 0, c: 2 }, -1, false)).toEqual({ r: 0, c: 0 });
    expect(acrossTarget(shape, { r: 1, c: 0 }, 1, false)).toEqual({ r: 1, c: 1 });
  });

  it('without wrapping (← →) stops at the row’s ends', () => {
    expect(acrossTarget(shape, { r: 0, c: 3 }, 1, false)).toBeNull();
    expect(acrossTarget(shape, { r: 1, c: 0 }, -1, false)).toBeNull();
  });

  it('with wrapping (Tab) goes on to the next row’s first cell, or back to the previous row’s last', () => {
    expect(acrossTarget(shape, { r: 0, c: 3 }, 1, true)).toEqual({ r: 1, c: 0 });
    expect(acrossTarget(shape, { r: 1, c: 0 }, -1, true)).toEqual({ r: 0, c: 3 });
  });

  it('wraps past a row without cells', () => {
    expect(acrossTarget(shape, { r: 1, c: 3 }, 1, true)).toEqual({ r: 3, c: 0 });
    expect(acrossTarget(shape, { r: 3, c: 0 }, -1, true)).toEqual({ r: 1, c: 3 });
  });

  it('ends at the grid’s first and last cell, even with wrapping', () => {
    expect(acrossTarget(shape, { r: 4, c: 3 }, 1, true)).toBeNull();
    expect(acrossTarget(shape, { r: 0, c: 0 }, -1, true)).toBeNull();
  });
});

describe('what a key does', () => {
  it('Enter moves down, Shift+Enter up, and always keeps the key from the browser', () => {
    expect(planKey(shape, { r: 0, c: 0 }, key('Enter'), idle)).toEqual({
      kind: 'move',
      to: { r: 1, c: 0 },
      prevent: 'always',
      commitIfStayed: true,
    });
    expect(planKey(shape, { r: 3, c: 2 }, key('Enter', { shiftKey: true }), idle)).toMatchObject({
      to: { r: 1, c: 2 },
    });
  });

  it('Enter on the last row stays and saves the row', () => {
    expect(planKey(shape, { r: 4, c: 3 }, key('Enter'), idle)).toEqual({
      kind: 'move',
      to: null,
      prevent: 'always',
      commitIfStayed: true,
    });
  });

  it('↑ ↓ move without saving; Alt+↓ is left to the options list', () => {
    expect(planKey(shape, { r: 0, c: 0 }, key('ArrowDown'), idle)).toEqual({
      kind: 'move',
      to: { r: 1, c: 0 },
      prevent: 'always',
      commitIfStayed: false,
    });
    expect(planKey(shape, { r: 1, c: 0 }, key('ArrowUp'), idle)).toMatchObject({ to: { r: 0, c: 0 } });
    expect(planKey(shape, { r: 0, c: 0 }, key('ArrowDown', { altKey: true }), idle)).toEqual({
      kind: 'ignore',
    });
  });

  it('Tab wraps across rows and lets the browser leave the grid after the last cell', () => {
    expect(planKey(shape, { r: 0, c: 3 }, key('Tab'), idle)).toEqual({
      kind: 'move',
      to: { r: 1, c: 0 },
      prevent: 'if-moved',
      commitIfStayed: false,
    });
    expect(planKey(shape, { r: 1, c: 0 }, key('Tab', { shiftKey: true }), idle)).toMatchObject({
      to: { r: 0, c: 3 },
    });
    expect(planKey(shape, { r: 4, c: 3 }, key('Tab'), idle)).toMatchObject({ to: null, prevent: 'if-moved' });
  });

  it('← → move between cells of a row, not past its ends', () => {
    expect(planKey(shape, { r: 0, c: 0 }, key('ArrowRight'), idle)).toEqual({
      kind: 'move',
      to: { r: 0, c: 2 },
      prevent: 'if-moved',
      commitIfStayed: false,
    });
    expect(planKey(shape, { r: 0, c: 3 }, key('ArrowRight'), idle)).toMatchObject({ to: null });
  });

  it('← → stay in the text while editing in place, or with Shift', () => {
    const editing = { ...idle, editingInPlace: true };
    expect(planKey(shape, { r: 0, c: 0 }, key('ArrowRight'), editing)).toEqual({ kind: 'ignore' });
    expect(planKey(shape, { r: 0, c: 2 }, key('ArrowLeft', { shiftKey: true }), idle)).toEqual({
      kind: 'ignore',
    });
    // ↑ ↓ and Tab still leave the cell being edited.
    expect(planKey(shape, { r: 0, c: 0 }, key('ArrowDown'), editing)).toMatchObject({ kind: 'move' });
    expect(planKey(shape, { r: 0, c: 0 }, key('Tab'), editing)).toMatchObject({ kind: 'move' });
  });

  it('Escape puts the text back only when the cell’s first text is known', () => {
    expect(planKey(shape, { r: 0, c: 0 }, key('Escape'), idle)).toEqual({ kind: 'restore' });
    expect(planKey(shape, { r: 0, c: 0 }, key('Escape'), { ...idle, canRestore: false })).toEqual({
      kind: 'ignore',
    });
  });

  it('F2 edits in place', () => {
    expect(planKey(shape, { r: 0, c: 0 }, key('F2'), idle)).toEqual({ kind: 'edit-in-place' });
  });

  it('other keys (typing, Delete) are the browser’s: the cell is selected whole, so they replace or clear it', () => {
    for (const name of ['a', '5', 'Delete', 'Backspace', 'Home', ' ']) {
      expect(planKey(shape, { r: 0, c: 0 }, key(name), idle)).toEqual({ kind: 'ignore' });
    }
  });

  it('moves in read-only rows like in the others (the shape does not know about locks)', () => {
    expect(planKey([count, count], { r: 0, c: 0 }, key('Enter'), idle)).toMatchObject({ to: { r: 1, c: 0 } });
  });
});

describe('a mouse press', () => {
  const press = { clickCount: 1, locked: false, focused: false, editingInPlace: false };

  it('selects the cell whole, focused or not', () => {
    expect(pressSelectsWhole(press)).toBe(true);
    expect(pressSelectsWhole({ ...press, focused: true })).toBe(true);
  });

  it('places the caret as usual in the cell being edited in place', () => {
    expect(pressSelectsWhole({ ...press, focused: true, editingInPlace: true })).toBe(false);
    // Another cell than the one being edited: selected whole.
    expect(pressSelectsWhole({ ...press, focused: false, editingInPlace: true })).toBe(true);
  });

  it('leaves double-clicks (edit in place) and locked cells to the browser', () => {
    expect(pressSelectsWhole({ ...press, clickCount: 2 })).toBe(false);
    expect(pressSelectsWhole({ ...press, locked: true })).toBe(false);
  });
});
