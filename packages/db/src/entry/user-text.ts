/** Text a user types beside a value (a note, a comment, a reason, an evidence link), cleaned or refused. */
import { assertCleanText, invalid, visibleText } from '@chitieu/core';

/** Visible text of a note, a comment or a reason; refused if too long or holding a control character. */
export function cleanText(
  text: string | null | undefined,
  max: number,
  label: string,
  field?: string,
): string | null {
  const t = visibleText(text);
  if (!t) return null;
  if (t.length > max) throw invalid(`${label} dài quá ${max} ký tự.`);
  assertCleanText(label, t, { multiline: true, ...(field ? { field } : {}) });
  return t;
}

export function cleanUrl(url: string | null | undefined): string | null {
  const t = url?.trim();
  if (!t) return null;
  let parsed: URL;
  try {
    parsed = new URL(t);
  } catch {
    throw invalid('Đường dẫn minh chứng phải là địa chỉ web (http:// hoặc https://).', {
      field: 'evidenceUrl',
    });
  }
  if (!['http:', 'https:'].includes(parsed.protocol) || t.length > 1000) {
    throw invalid('Đường dẫn minh chứng phải là địa chỉ web (http:// hoặc https://).', {
      field: 'evidenceUrl',
    });
  }
  return t;
}
