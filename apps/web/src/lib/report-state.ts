/**
 * A unit's report for a period, in words and colour (never colour alone: a symbol and the word go
 * with it). The words are core's STATE_LABELS, through the dictionary so English works too.
 */
import type { ReportState } from '@chitieu/core';
import type { MessageKey } from '../i18n.ts';

export interface ReportStateStyle {
  bg: string;
  fg: string;
  border: string;
  symbol: string;
  label: MessageKey;
}

export const REPORT_STATE_STYLES: Record<ReportState, ReportStateStyle> = {
  not_started: { bg: '#F1F3F5', fg: '#3F4A57', border: '#CDD3DA', symbol: '○', label: 'report.not_started' },
  draft: { bg: '#E3F0FA', fg: '#00466E', border: '#9CC8E8', symbol: '✎', label: 'report.draft' },
  submitted: { bg: '#FFF3D1', fg: '#5A4100', border: '#E6B94C', symbol: '…', label: 'report.submitted' },
  returned: { bg: '#B24E00', fg: '#FFFFFF', border: '#B24E00', symbol: '↩', label: 'report.returned' },
  approved: { bg: '#00795C', fg: '#FFFFFF', border: '#00795C', symbol: '✓', label: 'report.approved' },
};

/** The state of a report that may not exist yet. */
export const reportState = (submission: { state: Exclude<ReportState, 'not_started'> } | null): ReportState =>
  submission?.state ?? 'not_started';
