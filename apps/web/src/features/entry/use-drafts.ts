/**
 * Text typed into the entry grid and not yet saved, per row, kept in localStorage as it changes so
 * that a refresh, a crash or an ended session loses nothing. A draft remembers the version of the
 * stored value it was typed over: saving it later still detects someone else's change.
 */
import { useCallback, useReducer, useRef } from 'react';
import { FIELDS, type Texts } from './model.ts';

export interface Draft {
  /** Version of the stored value when typing began (null: nothing was stored). */
  base: number | null;
  fields: Partial<Texts>;
}
export type Drafts = Readonly<Record<string, Draft>>;

const PREFIX = 'chitieu.entry.v1';

export const draftStorageKey = (userId: number, unitId: number, periodId: number) =>
  `${PREFIX}:${userId}:${unitId}:${periodId}`;

function isDraft(value: unknown): value is Draft {
  if (typeof value !== 'object' || value === null) return false;
  const { base, fields } = value as { base?: unknown; fields?: unknown };
  if (!(base === null || (typeof base === 'number' && Number.isInteger(base)))) return false;
  if (typeof fields !== 'object' || fields === null) return false;
  return Object.entries(fields).every(
    ([key, text]) => (FIELDS as readonly string[]).includes(key) && typeof text === 'string',
  );
}

function load(key: string): Drafts {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(key) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter(([, draft]) => isDraft(draft)));
  } catch {
    return {};
  }
}

function store(key: string, drafts: Drafts) {
  try {
    if (Object.keys(drafts).length === 0) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, JSON.stringify(drafts));
  } catch {
    // Storage full or off: the drafts still live in memory until saved.
  }
}

/** The drafts of one grid and a way to change them (kept in step with localStorage). */
export function useDrafts(key: string) {
  const ref = useRef<Drafts | null>(null);
  if (ref.current === null) ref.current = load(key);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const update = useCallback(
    (change: (drafts: Drafts) => Drafts) => {
      const current = ref.current ?? {};
      const next = change(current);
      if (next === current) return;
      ref.current = next;
      store(key, next);
      rerender();
    },
    [key],
  );
  const get = useCallback(() => ref.current ?? {}, []);
  return { drafts: ref.current, get, update };
}

/** Drafts without one row. */
export function without(drafts: Drafts, id: number | string): Drafts {
  if (!(String(id) in drafts)) return drafts;
  const { [String(id)]: _dropped, ...rest } = drafts;
  return rest;
}
