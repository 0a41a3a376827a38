/**
 * Unit types and the grassroots rule (docs/decisions/0010-setting-up-an-organisation.md). Levels are
 * data: a type is free text, these are only the names the forms offer first.
 */
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

/** Unit codes: letters, digits, dot, dash, underscore (GSO codes are digits; attached units e.g. 60-CA). */
export const UNIT_CODE_PATTERN = /^[A-Za-z0-9._-]{1,40}$/;
