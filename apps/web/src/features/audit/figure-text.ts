/** A figure as the audit trail stored it, in the words the grid uses ('746 hộ', '11,54 tỷ đồng'). */
import type { Indicator } from '../../api/get-term.ts';
import { formatInteger, formatMoney, formatRatioPercent, formatScaled } from '../../lib/numbers.ts';
import type { Snapshot } from './changes.ts';

export const asSnapshot = (value: unknown): Snapshot | null =>
  typeof value === 'object' && value !== null ? (value as Snapshot) : null;
export const num = (value: unknown) => (typeof value === 'number' ? value : null);

/** A stored figure in words, by its indicator's measure type. */
export function figureText(
  indicator: Pick<Indicator, 'measureType' | 'decimals' | 'measurementUnit'> | undefined,
  s: Snapshot | null,
): string {
  if (!s) return '—';
  const value = num(s.value);
  const numerator = num(s.numerator);
  const denominator = num(s.denominator);
  if (typeof s.meets === 'boolean') return s.meets ? 'Đạt' : 'Không đạt';
  if (numerator !== null && denominator !== null) {
    return `${formatInteger(numerator)}/${formatInteger(denominator)} (${formatRatioPercent(numerator, denominator, indicator?.decimals ?? 1)})`;
  }
  if (value === null) return '—';
  if (!indicator) return formatInteger(value);
  if (indicator.measureType === 'amount') return formatMoney(value);
  return `${formatScaled(value, indicator.decimals)} ${indicator.measurementUnit}`;
}
