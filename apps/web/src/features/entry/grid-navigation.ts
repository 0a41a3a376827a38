/**
 * The entry grid's keyboard, as data: which cell a key leads to and what else it does, with no
 * React and no DOM, so every rule (the grid's edges, rows without cells, Enter on the last row) is
 * tested as plain values. `use-grid-keyboard.ts` applies a plan to the inputs.
 *
 * Typing replaces and Delete clears because a cell reached by the keyboard or a click is selected
 * whole (the browser then does the rest); read-only cells are visited like the others, so a
 * reviewer can move through a locked report with the same keys.
 */

/** A cell by its place: the row's index and the grid column (see COLUMNS in model.ts). */
export interface GridPosition {
  r: number;
  c: number;
}

/**
 * The grid's shape: for each row in order, the columns that hold a cell, ascending. A row with
 * none (an indicator that does not apply) is passed over.
 */
export type GridShape = readonly (readonly number[])[];

/** The parts of a key press the grid reads. */
export interface GridKey {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
}

export interface GridKeyState {
  /** F2 or a double-click: ← → move the caret inside the text instead of leaving the cell. */
  editingInPlace: boolean;
  /** The focused cell's text when it got focus is known, so Escape can put it back. */
  canRestore: boolean;
}

/**
 * What a key does. `move`: focus `to` if there is such a cell; `prevent` says whether the browser's
 * own action is stopped always or only when the focus moved (Tab leaves the grid at its end, as
 * usual); `commitIfStayed` saves the row when nothing was below (Enter on the last row).
 */
export type GridKeyPlan =
  | { kind: 'ignore' }
  | { kind: 'move'; to: GridPosition | null; prevent: 'always' | 'if-moved'; commitIfStayed: boolean }
  | { kind: 'restore' }
  | { kind: 'edit-in-place' };

const IGNORE: GridKeyPlan = { kind: 'ignore' };

/**
 * The next cell up (step -1) or down (step 1): the first row that has cells, in the same column, or
 * else the nearest column (the earlier one when two are as near).
 */
export function verticalTarget(shape: GridShape, at: GridPosition, step: 1 | -1): GridPosition | null {
  for (let r = at.r + step; r >= 0 && r < shape.length; r += step) {
    const columns = shape[r] ?? [];
    if (columns.length === 0) continue;
    const c = columns.includes(at.c)
      ? at.c
      : columns.reduce((best, col) => (Math.abs(col - at.c) < Math.abs(best - at.c) ? col : best));
    return { r, c };
  }
  return null;
}

/**
 * The next cell right (step 1) or left (step -1) in the row; with `wrap` (Tab), past the row's end
 * to the first cell of the next row that has one (or the last cell of the row before).
 */
export function acrossTarget(
  shape: GridShape,
  at: GridPosition,
  step: 1 | -1,
  wrap: boolean,
): GridPosition | null {
  const columns = shape[at.r] ?? [];
  const inRow = step === 1 ? columns.find((c) => c > at.c) : [...columns].reverse().find((c) => c < at.c);
  if (inRow !== undefined) return { r: at.r, c: inRow };
  if (!wrap) return null;
  for (let r = at.r + step; r >= 0 && r < shape.length; r += step) {
    const next = shape[r] ?? [];
    const c = step === 1 ? next[0] : next[next.length - 1];
    if (c !== undefined) return { r, c };
  }
  return null;
}

/** What a key pressed in the cell at `at` does. */
export function planKey(shape: GridShape, at: GridPosition, key: GridKey, state: GridKeyState): GridKeyPlan {
  switch (key.key) {
    case 'Enter':
      return {
        kind: 'move',
        to: verticalTarget(shape, at, key.shiftKey ? -1 : 1),
        prevent: 'always',
        commitIfStayed: true,
      };
    case 'ArrowDown':
    case 'ArrowUp':
      if (key.altKey) return IGNORE; // Alt+↓ opens the options list of the Đạt/Không đạt cell
      return {
        kind: 'move',
        to: verticalTarget(shape, at, key.key === 'ArrowDown' ? 1 : -1),
        prevent: 'always',
        commitIfStayed: false,
      };
    case 'Tab':
      return {
        kind: 'move',
        to: acrossTarget(shape, at, key.shiftKey ? -1 : 1, true),
        prevent: 'if-moved',
        commitIfStayed: false,
      };
    case 'ArrowLeft':
    case 'ArrowRight':
      // Editing in place, or extending a selection: the arrows stay inside the text.
      if (state.editingInPlace || key.shiftKey) return IGNORE;
      return {
        kind: 'move',
        to: acrossTarget(shape, at, key.key === 'ArrowRight' ? 1 : -1, false),
        prevent: 'if-moved',
        commitIfStayed: false,
      };
    case 'Escape':
      return state.canRestore ? { kind: 'restore' } : IGNORE;
    case 'F2':
      return { kind: 'edit-in-place' };
    default:
      return IGNORE;
  }
}

/**
 * Whether a mouse press should select the cell whole instead of placing the caret (like Excel, so
 * typing replaces the number). Not on a locked cell, not on a double-click (which edits in place),
 * and not inside the cell already being edited in place.
 */
export function pressSelectsWhole(press: {
  clickCount: number;
  locked: boolean;
  focused: boolean;
  editingInPlace: boolean;
}): boolean {
  if (press.locked) return false;
  if (press.clickCount > 1) return false;
  return !(press.focused && press.editingInPlace);
}
