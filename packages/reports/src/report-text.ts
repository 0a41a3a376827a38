/**
 * User text on its way into a file. Narratives and names may hold anything a keyboard or a paste
 * can produce; a DOCX or XLSX is XML, which cannot hold most control characters or unpaired
 * surrogates, and a spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula.
 */

/**
 * Characters XML 1.0 cannot hold (C0 controls but tab and newline, lone surrogates, U+FFFE/U+FFFF)
 * are dropped; carriage returns become newlines. Text is normalised to NFC so that Vietnamese typed
 * with combining marks looks (and searches) the same as precomposed text.
 */
export function cleanText(text: string): string {
  let out = '';
  const source = text.replace(/\r\n?/g, '\n');
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = source.charCodeAt(i + 1);
      // A surrogate pair stays; half of one cannot be written in XML.
      if (next >= 0xdc00 && next <= 0xdfff) out += source.slice(i, ++i + 1);
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a) continue;
    if (c === 0xfffe || c === 0xffff) continue;
    out += source.charAt(i);
  }
  return out.normalize('NFC');
}

/** The paragraphs of a narrative: one per line, blank lines dropped, spaces tidied. */
export function paragraphsOf(text: string): string[] {
  return cleanText(text)
    .split('\n')
    .map((line) => line.replace(/\t/g, ' ').replace(/ {2,}/g, ' ').trim())
    .filter((line) => line !== '');
}

/** What a spreadsheet would take as the start of a formula. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * The one guard every XLSX and CSV the app writes puts on text: a leading `=`, `+`, `-`, `@` (or
 * tab / carriage return) gets an apostrophe in front (OWASP "CSV injection"), so a name or a note
 * typed as `=HYPERLINK(…)` is shown, never run — also after the sheet is saved as CSV and opened.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The guard taken off again when one of our own files comes back (an import of an export). */
export function unguardFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/**
 * Text for a spreadsheet cell or a CSV field that must never run as a formula: a leading `=`, `+`,
 * `-`, `@` (or tab / carriage return) gets an apostrophe in front (OWASP "CSV injection").
 * In XLSX we write the cell as a string anyway; the apostrophe also keeps it safe when the sheet is
 * saved as CSV and opened again.
 */
export function safeCellText(text: string): string {
  return neutraliseFormula(cleanText(text));
}
