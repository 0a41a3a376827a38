/** How unit names are shortened where space is tight (chart axes); tables keep the full name. */
const PREFIXES: [RegExp, string][] = [
  [/^Thành phố /, 'TP. '],
  [/^Thị xã /, 'TX. '],
  [/^Huyện /, 'H. '],
  [/^Thị trấn /, 'TT. '],
  [/^Phường /, 'P. '],
  [/^Xã /, 'X. '],
  [/^Hội Phụ nữ /, 'HPN '],
];

/** 'Thành phố Phan Thiết' → 'TP. Phan Thiết'. */
export function shortUnitName(name: string): string {
  for (const [re, short] of PREFIXES) if (re.test(name)) return name.replace(re, short);
  return name;
}

/**
 * Vietnamese alphabetical order, for sorting names ("Đức Linh" after "Đảo"…). One collator for
 * every sort: `a.localeCompare(b, 'vi')` builds a new one on each comparison, which made sorting
 * 124 communes a visible pause on a phone.
 */
export const compareVietnamese: (a: string, b: string) => number = new Intl.Collator('vi').compare;
