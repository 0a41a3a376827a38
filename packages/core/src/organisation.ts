/**
 * How an organisation's documents are headed (Decree 30/2020/NĐ-CP, Appendix I), and the defaults a
 * unit's report takes from its name: the letterhead "HỘI LHPN THÀNH PHỐ PHAN THIẾT", the national
 * motto, the number "Số: …/BC-HPN", the place "Phan Thiết". Vocabulary only; no I/O.
 * docs/decisions/0018-reports-per-unit.md says why these rules.
 */

export interface OrganisationStyle {
  /** Put before a unit's name in its letterhead ('Hội LHPN'); '' when unknown (the name alone). */
  prefix: string;
  /** The organisation's part of a document symbol: 'HPN' in "Số: 45/BC-HPN". */
  symbol: string;
  /**
   * Whether its documents carry the national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM / Độc lập -
   * Tự do - Hạnh phúc") at the top right. Hội LHPN, like state bodies, does; Party committees and the
   * Youth Union head the right column with their own name instead, so they start without it.
   */
  motto: boolean;
}

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';
/** The kind part of a report's symbol (Decree 30, Appendix III: Báo cáo = BC). */
export const REPORT_SYMBOL = 'BC';

const WOMEN_UNION = /^(hội liên hiệp phụ nữ|hội lhpn)(\s|$)/iu;
const PARTY = /^(đảng|chi bộ|tỉnh ủy|thành ủy|huyện ủy|quận ủy|thị ủy|đảng ủy)/iu;
const YOUTH_UNION = /^(đoàn tncs|đoàn thanh niên|tỉnh đoàn|thành đoàn|huyện đoàn|quận đoàn|thị đoàn)/iu;

/** Administrative unit types, written in lower case inside a sentence ("tại thành phố Phan Thiết"). */
const ADMIN_TYPES = /^(Tỉnh|Thành phố|Huyện|Thị xã|Quận|Xã|Phường|Thị trấn|Đặc khu)\s+/u;
/** Names that already name an organisation ("Hội Phụ nữ Công an tỉnh"): no prefix before them. */
const ORGANISATION_WORDS = /^(Hội|Chi hội|Đoàn|Đảng|Chi bộ|Công đoàn|Ban|Liên hiệp)\s/iu;

/** "Hội Liên hiệp Phụ nữ tỉnh Bình Thuận" → "Hội LHPN tỉnh Bình Thuận", as letterheads write it. */
export function abbreviateOrganisation(name: string): string {
  return name
    .replace(/Hội Liên hiệp Phụ nữ/giu, 'Hội LHPN')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Upper-case initials without diacritics (Đ kept): "Hội Nông dân" → "HND". */
function acronym(text: string): string {
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toLocaleUpperCase('vi'))
    .join('')
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

/**
 * The style of an organisation from its name (the installation's "organisation" setting) and the
 * name of its root unit: "Hội Liên hiệp Phụ nữ tỉnh Bình Thuận" is Hội LHPN; "Hội Nông dân tỉnh X"
 * over a root unit "Tỉnh X" has the prefix "Hội Nông dân".
 */
export function organisationStyle(organisation: string | null, rootUnitName?: string): OrganisationStyle {
  const name = (organisation ?? '').trim();
  if (WOMEN_UNION.test(name)) return { prefix: 'Hội LHPN', symbol: 'HPN', motto: true };
  const motto = !PARTY.test(name) && !YOUTH_UNION.test(name);
  let prefix = '';
  const root = rootUnitName?.trim().toLocaleLowerCase('vi');
  if (root && name.toLocaleLowerCase('vi').endsWith(` ${root}`)) {
    prefix = name.slice(0, name.length - root.length - 1).trim();
  }
  return { prefix, symbol: acronym(prefix || name) || REPORT_SYMBOL, motto };
}

/** "Thành phố Phan Thiết" → "thành phố Phan Thiết" (inside a sentence); other names unchanged. */
export function unitInSentence(name: string): string {
  return ADMIN_TYPES.test(name) ? name.charAt(0).toLocaleLowerCase('vi') + name.slice(1) : name;
}

/**
 * The organisation a unit's letterhead names, in normal case: the organisation's own name at the
 * root ("Hội LHPN tỉnh Bình Thuận"), else the prefix and the unit ("Hội LHPN thành phố Phan Thiết"),
 * or the unit's name when it already names an organisation ("Hội Phụ nữ Công an tỉnh").
 */
export function unitOrganisationName(
  style: OrganisationStyle,
  unit: { name: string },
  opts: { isRoot: boolean; organisation: string | null },
): string {
  const organisation = opts.organisation?.trim();
  if (opts.isRoot && organisation) return abbreviateOrganisation(organisation);
  const name = unit.name.trim();
  if (style.prefix === '' || ORGANISATION_WORDS.test(name)) return abbreviateOrganisation(name);
  return `${style.prefix} ${unitInSentence(name)}`;
}

/** Letterheads are in capitals: "HỘI LHPN THÀNH PHỐ PHAN THIẾT". */
export const letterheadCase = (text: string) => text.toLocaleUpperCase('vi');

/** The place a unit dates its documents at: its name without the type ("Phan Thiết"); '' if unknown. */
export function defaultPlace(unit: { name: string }): string {
  const name = unit.name.trim();
  return ADMIN_TYPES.test(name) ? name.replace(ADMIN_TYPES, '') : '';
}

/** "Số: 45/BC-HPN" (Decree 30); a blank number leaves room to write it by hand: "Số:      /BC-HPN". */
export function documentNumberLine(number: string, symbol: string): string {
  const n = number.trim();
  const s = symbol.trim();
  if (s === '') return n === '' ? 'Số:' : `Số: ${n}`;
  return `Số: ${n === '' ? '     ' : n}/${s}`;
}

/** "45/BC-HPN": a number and symbol as a reference in a sentence; '' when there is no number. */
export function documentReference(number: string, symbol: string): string {
  const n = number.trim();
  if (n === '') return '';
  return symbol.trim() === '' ? n : `${n}/${symbol.trim()}`;
}

/** Document numbers are Arabic numerals (Decree 30), from 01 each year. */
export const DOCUMENT_NUMBER_PATTERN = /^\d{1,6}$/;
/** Symbols: letters (Vietnamese too), digits, '-', '.', '&' and '/' — "BC-HPN", "BC-BTV.HPN". */
export const DOCUMENT_SYMBOL_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}.&/-]{0,39}$/u;

/** The number's value, for "one number per unit, kind and year": '045' and '45' are the same number. */
export function documentNumberValue(number: string): number | null {
  const n = number.trim();
  return DOCUMENT_NUMBER_PATTERN.test(n) ? Number(n) : null;
}
