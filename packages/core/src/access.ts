/**
 * What each role may do (DESIGN.md "User and role"). Every role is scoped to a unit subtree; the
 * subtree check needs the database and lives in @chitieu/db (`authorize`). This table is the only
 * place the capabilities are written down.
 */
export const ROLES = ['admin', 'manager', 'entry', 'approver', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  /** see figures, entry grids and the audit trail of the subtree */
  'read',
  /** type results and save drafts for a unit whose report is not approved */
  'enter',
  /** send a unit's report for approval */
  'submit',
  /** approve or return a report */
  'approve',
  /** change results of an approved report, with a written reason */
  'edit_approved',
  /** set up terms, targets, allocations */
  'manage_targets',
  /** units, users, reorganisations */
  'administer',
] as const;
export type Action = (typeof ACTIONS)[number];

export const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  admin: ACTIONS,
  manager: ['read', 'manage_targets'],
  entry: ['read', 'enter', 'submit'],
  approver: ['read', 'approve', 'edit_approved'],
  viewer: ['read'],
};

export function roleAllows(role: Role, action: Action): boolean {
  return ROLE_ACTIONS[role].includes(action);
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị',
  manager: 'Quản lý chỉ tiêu',
  entry: 'Nhập liệu',
  approver: 'Duyệt',
  viewer: 'Xem',
};
