/**
 * The reporting workflow of a unit's report for a period (báo cáo kỳ): draft → submitted →
 * approved, or returned with a comment. The state belongs to the report, not to each value.
 */
import type { Action } from './access.ts';

export const SUBMISSION_STATES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];
/** A unit-period's report as the cockpit shows it: no report yet, or one in the workflow. */
export const REPORT_STATES = ['not_started', ...SUBMISSION_STATES] as const;
export type ReportState = (typeof REPORT_STATES)[number];
/** Which figures count: approved reports only, or submitted ones too (leaders may choose). */
export const BASES = ['approved', 'submitted'] as const;
export type Basis = (typeof BASES)[number];
export type WorkflowAction = 'submit' | 'approve' | 'return';

export const TRANSITIONS: Record<
  WorkflowAction,
  { from: readonly (SubmissionState | null)[]; to: SubmissionState; needs: Action }
> = {
  submit: { from: [null, 'draft', 'returned'], to: 'submitted', needs: 'submit' },
  approve: { from: ['submitted'], to: 'approved', needs: 'approve' },
  return: { from: ['submitted', 'approved'], to: 'returned', needs: 'approve' },
};

/** Who may change a result, given its report's state: entry staff until submitted; then nobody until returned, unless approved data is corrected with a reason. */
export function editActionFor(state: SubmissionState | null): Action | null {
  if (state === 'submitted') return null;
  if (state === 'approved') return 'edit_approved';
  return 'enter';
}

export const STATE_LABELS: Record<SubmissionState | 'not_started', string> = {
  not_started: 'Chưa nhập',
  draft: 'Đang nhập',
  submitted: 'Chờ duyệt',
  returned: 'Bị trả lại',
  approved: 'Đã duyệt',
};
