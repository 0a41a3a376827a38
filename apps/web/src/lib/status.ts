/**
 * Status badges: colour from the Okabe–Ito palette (safe for the common colour-vision deficiencies,
 * defined once in @chitieu/core's STATUS_COLOURS), always with a symbol and the word, never colour
 * alone. "Có khả năng đạt" is reddish purple and hatched, its badge outlined with a dashed border,
 * so it is not mistaken for "Vượt" (solid blue) in grey print either.
 */
import { HATCHED_STATUSES, STATUS_COLOURS, type StatusKey } from '@chitieu/core';
import type { MessageKey } from '../i18n.ts';

export { type StatusKey, statusKeyOf as statusKey } from '@chitieu/core';

export interface StatusStyle {
  /** Badge background and text (contrast at least 4.5:1). */
  bg: string;
  fg: string;
  /** Bar fill and accents (a plain colour, for borders and SVG). */
  fill: string;
  /** CSS background of a filled area: the colour, hatched for HATCHED_STATUSES. */
  background: string;
  /** Whether fills are hatched; SVG charts then fill with `url(#status-hatch-<key>)`. */
  hatched: boolean;
  /** A badge's border: dashed for a hatched status, none otherwise. */
  border: string;
  symbol: string;
  label: MessageKey;
}

const hatch = (colour: string) => `repeating-linear-gradient(135deg, ${colour} 0 4px, #FFFFFF 4px 6px)`;

function style(
  key: StatusKey,
  badge: { bg: string; fg: string },
  symbol: string,
  label: MessageKey,
): StatusStyle {
  const fill = STATUS_COLOURS[key];
  const hatched = HATCHED_STATUSES.has(key);
  return {
    ...badge,
    fill,
    background: hatched ? hatch(fill) : fill,
    hatched,
    border: hatched ? `1.5px dashed ${badge.fg}` : '1.5px solid transparent',
    symbol,
    label,
  };
}

/** An SVG fill for a status: the hatch pattern (see StatusPatterns) or the plain colour. */
export const svgFill = (key: StatusKey) =>
  STATUS_STYLES[key].hatched ? `url(#status-hatch-${key})` : STATUS_STYLES[key].fill;

export const STATUS_STYLES: Record<StatusKey, StatusStyle> = {
  exceeded: style('exceeded', { bg: '#0072B2', fg: '#FFFFFF' }, '▲', 'status.exceeded'),
  achieved: style('achieved', { bg: '#00795C', fg: '#FFFFFF' }, '✓', 'status.achieved'),
  on_track: style('on_track', { bg: '#F7E4EF', fg: '#7A2758' }, '↗', 'status.on_track'),
  at_risk: style('at_risk', { bg: '#E69F00', fg: '#1E1400' }, '!', 'status.at_risk'),
  behind: style('behind', { bg: '#B24E00', fg: '#FFFFFF' }, '✕', 'status.behind'),
  unreported: style('unreported', { bg: '#ECEEF1', fg: '#3F4A57' }, '–', 'status.unreported'),
  noCases: style('noCases', { bg: '#F3F4F6', fg: '#3F4A57' }, '∅', 'status.noCases'),
  noGoal: style('noGoal', { bg: '#ECEEF1', fg: '#3F4A57' }, '·', 'status.noGoal'),
};
