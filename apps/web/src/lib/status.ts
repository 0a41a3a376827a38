/**
 * Status badges: colour from the Okabe–Ito palette (safe for the common colour-vision deficiencies),
 * always with a symbol and the word, never colour alone.
 */
import type { StatusKey } from '@chitieu/core';
import type { MessageKey } from '../i18n.ts';

export { type StatusKey, statusKeyOf as statusKey } from '@chitieu/core';

export interface StatusStyle {
  /** Badge background and text (contrast at least 4.5:1). */
  bg: string;
  fg: string;
  /** Bar fill and accents. */
  fill: string;
  symbol: string;
  label: MessageKey;
}

export const STATUS_STYLES: Record<StatusKey, StatusStyle> = {
  exceeded: { bg: '#0072B2', fg: '#FFFFFF', fill: '#0072B2', symbol: '▲', label: 'status.exceeded' },
  achieved: { bg: '#00795C', fg: '#FFFFFF', fill: '#009E73', symbol: '✓', label: 'status.achieved' },
  on_track: { bg: '#D5EBF8', fg: '#00466E', fill: '#56B4E9', symbol: '↗', label: 'status.on_track' },
  at_risk: { bg: '#E69F00', fg: '#1E1400', fill: '#E69F00', symbol: '!', label: 'status.at_risk' },
  behind: { bg: '#B24E00', fg: '#FFFFFF', fill: '#D55E00', symbol: '✕', label: 'status.behind' },
  unreported: { bg: '#ECEEF1', fg: '#3F4A57', fill: '#AEB6C1', symbol: '–', label: 'status.unreported' },
  noCases: { bg: '#F3F4F6', fg: '#3F4A57', fill: '#D3D8DE', symbol: '∅', label: 'status.noCases' },
  noGoal: { bg: '#ECEEF1', fg: '#3F4A57', fill: '#AEB6C1', symbol: '·', label: 'status.noGoal' },
};
