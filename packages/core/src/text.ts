import { invalid } from './errors.ts';

/**
 * Characters that never belong in a name, a note or a report: control characters (C0 but, in text
 * of several lines, tab and line breaks; DEL; C1), unpaired surrogates and Unicode noncharacters
 * (U+FDD0–U+FDEF, and the last two code points of every plane, e.g. U+FFFE, U+FFFF, U+1FFFF).
 * A DOCX, an XLSX and an SVG chart are XML, which cannot hold most of them: one such character in
 * a commune's name used to break every file built for its province. They usually arrive by pasting
 * from another program. Input refuses them with a message that names the character and where it is
 * (`textProblem`); exports strip them as a second guard (`stripForbidden`).
 */

export interface ForbiddenCharacter {
  /** Position in the text, counted in characters as a person sees them (1 = first). */
  position: number;
  codePoint: number;
}

/** Whether a code point is a control character, a noncharacter or half of a surrogate pair. */
function forbidden(codePoint: number, multiline: boolean): boolean {
  if (codePoint < 0x20)
    return !(multiline && (codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d));
  if (codePoint >= 0x7f && codePoint <= 0x9f) return true;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return true;
  if (codePoint >= 0xfdd0 && codePoint <= 0xfdef) return true;
  return (codePoint & 0xfffe) === 0xfffe;
}

/** The first forbidden character of a text, or null. `multiline` allows tab and line breaks. */
export function findForbiddenCharacter(
  text: string,
  opts: { multiline?: boolean } = {},
): ForbiddenCharacter | null {
  const multiline = opts.multiline === true;
  let position = 0;
  for (let i = 0; i < text.length; i++) {
    position++;
    const unit = text.charCodeAt(i);
    let codePoint = unit;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        codePoint = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
        i++;
      }
    }
    if (forbidden(codePoint, multiline)) return { position, codePoint };
  }
  return null;
}

const hex = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

/** What the character is, in words: "ký tự điều khiển U+0001", "ký tự không dùng được U+FFFF". */
export function describeCharacter(codePoint: number): string {
  if (codePoint === 0x09) return 'ký tự tab (U+0009)';
  if (codePoint === 0x0a || codePoint === 0x0d) return `ký tự xuống dòng (${hex(codePoint)})`;
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint <= 0x9f))
    return `ký tự điều khiển ${hex(codePoint)}`;
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return `nửa cặp ký tự ${hex(codePoint)}`;
  return `ký tự không dùng được ${hex(codePoint)}`;
}

/**
 * The Vietnamese reason a text is refused, or null when it is fine:
 * "Tên đơn vị chứa ký tự điều khiển U+0001 ở vị trí 7. …".
 */
export function textProblem(label: string, text: string, opts: { multiline?: boolean } = {}): string | null {
  const bad = findForbiddenCharacter(text, opts);
  if (!bad) return null;
  return (
    `${label} chứa ${describeCharacter(bad.codePoint)} ở vị trí ${bad.position}. ` +
    'Ký tự này không in ra được và làm hỏng tệp báo cáo (thường do sao chép từ phần mềm khác): hãy xóa nó rồi lưu lại.'
  );
}

/**
 * The output guard: forbidden characters dropped (carriage returns become line breaks, tabs and line
 * breaks stay), text composed to NFC so that Vietnamese typed with combining marks looks and
 * searches the same as precomposed text.
 */
export function stripForbidden(text: string): string {
  const source = text.replace(/\r\n?/g, '\n');
  let out = '';
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const unit = source.charCodeAt(i);
    let width = 1;
    let codePoint = unit;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = source.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        codePoint = 0x10000 + ((unit - 0xd800) << 10) + (next - 0xdc00);
        width = 2;
      }
    }
    if (forbidden(codePoint, true)) {
      out += source.slice(start, i);
      start = i + width;
    }
    i += width - 1;
  }
  out += source.slice(start);
  return out.normalize('NFC');
}

/**
 * Refuse a text with a forbidden character: throws `invalid` (400) with the reason naming the field
 * (`label`) and the character. Null and undefined pass (optional fields).
 */
export function assertCleanText(
  label: string,
  text: string | null | undefined,
  opts: { field?: string; multiline?: boolean } = {},
): void {
  if (text === null || text === undefined) return;
  const problem = textProblem(label, text, opts);
  if (problem) throw invalid(problem, opts.field === undefined ? undefined : { field: opts.field });
}

/**
 * Text people must write (a reason for correcting approved figures, a comment when returning a
 * report) has to say something visible: spaces, non-breaking spaces and invisible format
 * characters (zero-width space and joiners, word joiner, byte-order mark, soft hyphen, direction
 * marks) do not count.
 */
const INVISIBLE_EDGES = /^[\s\p{Cf}]+|[\s\p{Cf}]+$/gu;

/** The text without invisible characters at either end, or null when nothing visible is left. */
export function visibleText(text: string | null | undefined): string | null {
  const trimmed = (text ?? '').replace(INVISIBLE_EDGES, '');
  return trimmed === '' ? null : trimmed;
}

/**
 * Text as a search compares it: without diacritics, đ as d, lower case, single spaces, so that
 * "phu thuy" finds "Phường Phú Thủy" and "PHÚ THỦY" finds it too.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
