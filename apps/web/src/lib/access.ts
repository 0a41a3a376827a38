/**
 * What the signed-in user's roles open in the interface. The API decides what is allowed; this only
 * keeps menus and pickers to what will work. Roles come from /api/auth/me.
 */
import type { Page } from './url-state.ts';

export interface RoleLike {
  role: string;
  unitId: number;
}

const ENTRY_ROLES = new Set(['entry', 'approver', 'admin']);
const APPROVER_ROLES = new Set(['approver', 'admin']);
const OVERSIGHT_ROLES = new Set(['approver', 'admin', 'viewer']);
const TARGET_ROLES = new Set(['admin', 'manager']);
const LEADER_ROLES = new Set(['viewer', 'manager', 'approver', 'admin']);

/** The pages a user sees in the menu, in menu order. */
export function pagesFor(roles: readonly RoleLike[]): Page[] {
  const has = (set: Set<string>) => roles.some((r) => set.has(r.role));
  const pages: Page[] = ['overview'];
  // Leaders' views compare units below one's own: for every role that reads across units.
  if (has(LEADER_ROLES)) pages.push('lagging', 'missions', 'compare');
  if (has(APPROVER_ROLES)) pages.push('inbox');
  if (has(ENTRY_ROLES)) pages.push('entry');
  if (has(OVERSIGHT_ROLES)) pages.push('cockpit', 'audit');
  // Everyone who reads figures may read and export the report; editing it is checked by the API.
  pages.push('report');
  // Setting up terms and targets: admins, and managers for the targets of their subtree.
  if (has(TARGET_ROLES)) pages.push('terms');
  // Setting up the organisation (units, accounts) is for admins; the API checks each unit too.
  if (roles.some((r) => r.role === 'admin')) pages.push('units', 'users');
  if (roles.some((r) => r.role === 'admin')) pages.push('reorganise');
  return pages;
}

/**
 * The page a fresh visit opens on: entry staff (whose every role is entering results) their entry
 * form, where their work is; everyone else the overview.
 */
export function homePage(roles: readonly RoleLike[]): 'entry' | 'overview' {
  return roles.length > 0 && roles.every((r) => r.role === 'entry') ? 'entry' : 'overview';
}

/** Units where the user may enter or approve results (roots of subtrees), highest role first. */
export function entryRoots(roles: readonly RoleLike[]): number[] {
  return unique(roles.filter((r) => ENTRY_ROLES.has(r.role)).map((r) => r.unitId));
}

/** The unit whose reports the user approves (their inbox's subtree): the first approving role's. */
export function approverRoot(roles: readonly RoleLike[]): number | undefined {
  return roles.find((r) => APPROVER_ROLES.has(r.role))?.unitId;
}

/** Units whose reporting the user oversees (cockpit, audit trail). */
export function oversightRoots(roles: readonly RoleLike[]): number[] {
  return unique(roles.filter((r) => OVERSIGHT_ROLES.has(r.role)).map((r) => r.unitId));
}

const unique = (ids: number[]) => [...new Set(ids)];
