/** How the mission tables write a year and a count. */
import type { useI18n } from '../../i18n.ts';
import { formatInteger } from '../../lib/numbers.ts';

type Translate = ReturnType<typeof useI18n>['t'];

/** A year's column heading: "2025" or, for the year not yet over, "2025 (9 tháng)". */
export function yearLabel(t: Translate, y: { year: number; partialMonths: number | null }) {
  return y.partialMonths === null
    ? String(y.year)
    : t('chart.poverty.partialYear', { year: y.year, months: y.partialMonths });
}

/** A count, or "not reported" when there is none (not 0: nothing was sent). */
export const countText = (t: Translate, value: number | null) =>
  value === null ? t('status.unreported') : formatInteger(value);
