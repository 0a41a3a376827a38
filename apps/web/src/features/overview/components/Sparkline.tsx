import { formatDate } from '@chitieu/core';
import { useI18n } from '../../../i18n.ts';
import { formatMoney, formatScaled } from '../../../lib/numbers.ts';
import type { TrendPoint } from '../api/get-trends.ts';

const WIDTH = 96;
const HEIGHT = 28;

/**
 * A target's small trend: its figure at the end of each period so far, as a plain SVG line (no
 * chart library on the overview's first paint). The words are in the label and the title, so the
 * trend is never shape alone; periods not reported break the line instead of dropping to 0.
 */
export function Sparkline({ points, format }: { points: TrendPoint[]; format: (value: number) => string }) {
  const { t } = useI18n();
  const known = points.filter((p): p is { endDate: string; value: number } => p.value !== null);
  if (known.length < 2) return null;
  const values = known.map((p) => p.value);
  const min = Math.min(0, ...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const x = (i: number) => (points.length === 1 ? WIDTH / 2 : (i / (points.length - 1)) * (WIDTH - 4) + 2);
  const y = (v: number) => HEIGHT - 3 - ((v - min) / span) * (HEIGHT - 6);
  let path = '';
  let pen = false;
  points.forEach((p, i) => {
    if (p.value === null) {
      pen = false;
      return;
    }
    path += `${pen ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`;
    pen = true;
  });
  const last = known.at(-1) as { endDate: string; value: number };
  const lastIndex = points.lastIndexOf(last);
  const label = t('targets.trend', {
    list: points
      .map((p) => `${formatDate(p.endDate)}: ${p.value === null ? t('status.unreported') : format(p.value)}`)
      .join('; '),
  });
  return (
    <svg
      className="sparkline"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={label}
    >
      <title>{label}</title>
      <path d={path} fill="none" stroke="#0B549F" strokeWidth={1.6} strokeLinejoin="round" />
      <circle cx={x(lastIndex)} cy={y(last.value)} r={2.4} fill="#0B549F" />
    </svg>
  );
}

/** One trend value in the indicator's terms (shares as a percentage; money in tỷ/triệu đồng). */
export function trendValueText(
  indicator: { measureType: string; decimals: number; measurementUnit: string },
  value: number,
): string {
  if (indicator.measureType === 'ratio' || indicator.measureType === 'units_meeting')
    return `${formatScaled(value, indicator.decimals, { trimZeros: true })}%`;
  if (indicator.measureType === 'amount') return formatMoney(value);
  return `${formatScaled(value, indicator.decimals)} ${indicator.measurementUnit}`;
}
