/**
 * The view state lives in the address. The page (`page=entry|cockpit|audit|report`; absent: the overview)
 * and what it shows: ?term=1&unit=5&asOf=2024-06-30 (plus basis=approved|submitted and
 * sv=<structure version>) for the overview; &unit&period for the entry grid; &unit&owing=1 for the
 * reporting cockpit (&state=submitted|returned|overdue|unsubmitted, its filter by report state); &unit&indicator&user&from&to&action for the audit trail; page=lagging&unit&asOf,
 * page=missions&mission=poverty|rural|grassroots&unit&asOf, page=compare&unit&asOf&unit2&asOf2. A copied link reopens the
 * same view; each change the user makes is a history entry, so Back undoes it. No router:
 * URLSearchParams + pushState.
 */
import type { Basis } from '@chitieu/core';
import { startTransition, useCallback, useEffect, useState } from 'react';

export const PAGES = [
  'overview',
  'inbox',
  'entry',
  'cockpit',
  'audit',
  'report',
  'terms',
  'units',
  'users',
  'reorganise',
  'lagging',
  'missions',
  'compare',
  'notifications',
] as const;
export type Page = (typeof PAGES)[number];

export interface ViewState {
  /** Absent: the overview. */
  page?: Exclude<Page, 'overview'> | 'target' | undefined;
  term?: number | undefined;
  unit?: number | undefined;
  /** As typed in the address (YYYY-MM-DD); the API validates it and explains when it is wrong. */
  asOf?: string | undefined;
  basis?: Basis | undefined;
  sv?: number | undefined;
  /** Entry grid: the reporting period. */
  period?: number | undefined;
  /** Cockpit: only units still owing a report (older links; now state=overdue). */
  owing?: boolean | undefined;
  /** Cockpit: the filter by report state (as typed; the page checks it). */
  state?: string | undefined;
  /** Audit filters (dates as typed, YYYY-MM-DD once checked). */
  indicator?: number | undefined;
  user?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Audit: the kind of change (as typed; the page checks it against AUDIT_ACTIONS). */
  action?: string | undefined;
  /** Target page (`page=target`, opened from the overview, not in the menu): which target. */
  target?: number | undefined;
  /** Mission views: poverty | rural | grassroots (as typed; the page checks it). */
  mission?: string | undefined;
  /** Comparison: the second unit and the second as-of date (as typed). */
  unit2?: number | undefined;
  asOf2?: string | undefined;
}

const KEYS = [
  'page',
  'term',
  'unit',
  'period',
  'asOf',
  'basis',
  'sv',
  'owing',
  'state',
  'indicator',
  'user',
  'from',
  'to',
  'action',
  'target',
  'mission',
  'unit2',
  'asOf2',
] as const;

function positiveInt(text: string | null): number | undefined {
  if (text === null || !/^\d{1,15}$/.test(text)) return undefined;
  const n = Number(text);
  return n > 0 ? n : undefined;
}

export function parseViewState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const basis = q.get('basis');
  const asOf = q.get('asOf')?.trim();
  const page = q.get('page');
  const text = (key: string) => q.get(key)?.trim() || undefined;
  return {
    // Any known page but the overview (which is the absence of one); the target page is not in the menu.
    page:
      page === 'target' ||
      (page !== null && page !== 'overview' && (PAGES as readonly string[]).includes(page))
        ? (page as Exclude<Page, 'overview'> | 'target')
        : undefined,
    term: positiveInt(q.get('term')),
    unit: positiveInt(q.get('unit')),
    asOf: asOf ? asOf : undefined,
    basis: basis === 'approved' || basis === 'submitted' ? basis : undefined,
    sv: positiveInt(q.get('sv')),
    period: positiveInt(q.get('period')),
    owing: q.get('owing') === '1' ? true : undefined,
    state: text('state'),
    indicator: positiveInt(q.get('indicator')),
    user: positiveInt(q.get('user')),
    from: text('from'),
    to: text('to'),
    action: text('action'),
    target: positiveInt(q.get('target')),
    mission: text('mission'),
    unit2: positiveInt(q.get('unit2')),
    asOf2: text('asOf2'),
  };
}

/** The search string for a state, keys in a fixed order; other parameters (e.g. lang) are kept. */
export function viewStateSearch(state: ViewState, currentSearch = ''): string {
  const q = new URLSearchParams(currentSearch);
  for (const key of KEYS) q.delete(key);
  const ordered = new URLSearchParams();
  for (const key of KEYS) {
    const value = state[key];
    if (value === undefined || value === false) continue;
    ordered.set(key, value === true ? '1' : String(value));
  }
  for (const [key, value] of q) ordered.append(key, value);
  const text = ordered.toString();
  return text ? `?${text}` : '';
}

/** The user's own move (a click, Back): drawn at once, as any answer to an action. */
const MOVED = 'chitieu:urlchange';
/**
 * A page writing the view it resolved (the defaults the API chose): the same view, so it is drawn as a
 * transition (docs/decisions/0036). Drawn at once, it redrew the whole overview in one long task.
 */
const RESOLVED = 'chitieu:resolved';

const getSearch = () => window.location.search;

export function navigate(state: ViewState, { replace = false } = {}) {
  const search = viewStateSearch(state, window.location.search);
  if (search === window.location.search) return;
  const url = `${window.location.pathname}${search}${window.location.hash}`;
  if (replace) window.history.replaceState(null, '', url);
  else window.history.pushState(null, '', url);
  window.dispatchEvent(new Event(replace ? RESOLVED : MOVED));
}

/**
 * [state, update]: update(patch) merges into the current state and pushes a history entry; a key set
 * to undefined is removed from the address.
 *
 * update(resolved, { replace: true }) writes the view a page resolved (the defaults the API chose) as
 * the same history entry, and fills in only what the address lacks. The page drew from the address as
 * it was at its last render, which can lag the one now there (a choice the user just made, still being
 * drawn): what the address already holds wins.
 */
export function useViewState() {
  const [search, setSearch] = useState(getSearch);
  useEffect(() => {
    const follow = () => setSearch(getSearch());
    const followResolved = () => startTransition(follow);
    // The address may have changed between drawing and subscribing.
    follow();
    window.addEventListener('popstate', follow);
    window.addEventListener(MOVED, follow);
    window.addEventListener(RESOLVED, followResolved);
    return () => {
      window.removeEventListener('popstate', follow);
      window.removeEventListener(MOVED, follow);
      window.removeEventListener(RESOLVED, followResolved);
    };
  }, []);
  const state = parseViewState(search);
  const update = useCallback((patch: ViewState, { replace = false } = {}) => {
    const current = parseViewState(window.location.search);
    const held = Object.fromEntries(Object.entries(current).filter(([, value]) => value !== undefined));
    navigate(replace ? { ...patch, ...held } : { ...current, ...patch }, { replace });
  }, []);
  return [state, update] as const;
}
