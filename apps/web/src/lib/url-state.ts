/**
 * The overview's view state lives in the address: ?term=1&unit=5&asOf=2024-06-30 (plus the rarely
 * used basis=submitted and sv=<structure version>). A copied link reopens the same view; each change
 * the user makes is a history entry, so Back undoes it. No router: URLSearchParams + pushState.
 */
import { useCallback, useSyncExternalStore } from 'react';

export interface ViewState {
  term?: number | undefined;
  unit?: number | undefined;
  /** As typed in the address (YYYY-MM-DD); the API validates it and explains when it is wrong. */
  asOf?: string | undefined;
  basis?: 'approved' | 'submitted' | undefined;
  sv?: number | undefined;
}

const KEYS = ['term', 'unit', 'asOf', 'basis', 'sv'] as const;

function positiveInt(text: string | null): number | undefined {
  if (text === null || !/^\d{1,15}$/.test(text)) return undefined;
  const n = Number(text);
  return n > 0 ? n : undefined;
}

export function parseViewState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const basis = q.get('basis');
  const asOf = q.get('asOf')?.trim();
  return {
    term: positiveInt(q.get('term')),
    unit: positiveInt(q.get('unit')),
    asOf: asOf ? asOf : undefined,
    basis: basis === 'approved' || basis === 'submitted' ? basis : undefined,
    sv: positiveInt(q.get('sv')),
  };
}

/** The search string for a state, keys in a fixed order; other parameters (e.g. lang) are kept. */
export function viewStateSearch(state: ViewState, currentSearch = ''): string {
  const q = new URLSearchParams(currentSearch);
  for (const key of KEYS) q.delete(key);
  const ordered = new URLSearchParams();
  for (const key of KEYS) {
    const value = state[key];
    if (value !== undefined) ordered.set(key, String(value));
  }
  for (const [key, value] of q) ordered.append(key, value);
  const text = ordered.toString();
  return text ? `?${text}` : '';
}

const EVENT = 'chitieu:urlchange';

function subscribe(listener: () => void) {
  window.addEventListener('popstate', listener);
  window.addEventListener(EVENT, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(EVENT, listener);
  };
}

const getSearch = () => window.location.search;

export function navigate(state: ViewState, { replace = false } = {}) {
  const search = viewStateSearch(state, window.location.search);
  if (search === window.location.search) return;
  const url = `${window.location.pathname}${search}${window.location.hash}`;
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(EVENT));
}

/**
 * [state, update]: update(patch) merges into the current state and pushes a history entry
 * (or replaces it with { replace: true }); a key set to undefined is removed from the address.
 */
export function useViewState() {
  const search = useSyncExternalStore(subscribe, getSearch, () => '');
  const state = parseViewState(search);
  const update = useCallback((patch: ViewState, options?: { replace?: boolean }) => {
    navigate({ ...parseViewState(window.location.search), ...patch }, options);
  }, []);
  return [state, update] as const;
}
