/**
 * Unit types, the grassroots rule (docs/decisions/0010-setting-up-an-organisation.md) and a unit's
 * life (0017). Levels are data: a type is free text, these are only the names the forms offer first.
 */
import { formatDate } from './dates.ts';
import { type PeriodLike, periodName } from './periods.ts';

export const UNIT_TYPES = [
  'Tỉnh',
  'Thành phố',
  'Huyện',
  'Thị xã',
  'Quận',
  'Xã',
  'Phường',
  'Thị trấn',
  'Đặc khu',
  'Chi hội',
  'Đơn vị trực thuộc',
] as const;

/** Commune-level types: each is a grassroots union (cơ sở Hội) unless the admin says otherwise. */
export const GRASSROOTS_TYPES: readonly string[] = ['Xã', 'Phường', 'Thị trấn', 'Đặc khu'];

/** The default for a new or imported unit; an admin can change it per unit afterwards. */
export function defaultGrassroots(type: string): boolean {
  return GRASSROOTS_TYPES.includes(type.trim());
}

/** The row of a unit's own activity in its breakdown: 'Tỉnh' → 'Cấp tỉnh trực tiếp'. */
export function ownLevelName(type: string): string {
  return `Cấp ${type.trim().toLocaleLowerCase('vi')} trực tiếp`;
}

/** Unit codes: letters, digits, dot, dash, underscore (GSO codes are digits; attached units e.g. 60-CA). */
export const UNIT_CODE_PATTERN = /^[A-Za-z0-9._-]{1,40}$/;

export interface Lifetime {
  validFrom: string;
  /** Exclusive; null while the unit exists. */
  validTo: string | null;
}

/**
 * A unit reports a period when it exists on the period's last day, the day the report is about:
 * a ward formed on 01/12/2024 reports the second half of 2024, the wards it replaced do not. So
 * every place has exactly one reporting unit per period, whatever the reorganisations.
 */
export function reportsPeriod(unit: Lifetime, period: Pick<PeriodLike, 'endDate'>): boolean {
  return unit.validFrom <= period.endDate && (unit.validTo === null || period.endDate < unit.validTo);
}

/** Whether a unit exists on a date (validFrom inclusive, validTo exclusive). */
export function existsOn(unit: Lifetime, date: string): boolean {
  return unit.validFrom <= date && (unit.validTo === null || date < unit.validTo);
}

/** Why a unit cannot take results or reports for a period, in Vietnamese; null when it can. */
export function lifeRefusal(unit: Lifetime & { name: string }, period: PeriodLike): string | null {
  if (reportsPeriod(unit, period)) return null;
  const name = periodName(period);
  if (period.endDate < unit.validFrom) {
    return `${unit.name} thành lập từ ngày ${formatDate(unit.validFrom)}: không báo cáo ${name}.`;
  }
  return `${unit.name} đã kết thúc hoạt động từ ngày ${formatDate(unit.validTo ?? '')}: ${name} do đơn vị kế thừa báo cáo.`;
}
