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
