/**
 * The kinds of change the audit trail is filtered by: figures entered or changed, figures deleted,
 * the report's steps (started, sent, approved, returned), and setting up terms and targets. The
 * database maps each to the (entity, action) pairs it records; the web names them in Vietnamese.
 */
export const AUDIT_ACTIONS = [
  'entered',
  'deleted',
  'draft',
  'submitted',
  'approved',
  'returned',
  'setup',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
