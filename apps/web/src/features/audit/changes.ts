/** A result as the audit trail stores it (the row before and after a change). */
export type Snapshot = Record<string, unknown>;

/** What a person writes beside a figure; a change to it is shown before → after. */
export const NOTE_FIELDS = ['note', 'evidenceUrl'] as const;
export type NoteField = (typeof NOTE_FIELDS)[number];

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * The note and evidence changes between two snapshots of a result, in a fixed order; an empty
 * text and a missing one are the same (nothing written).
 */
export function noteChanges(
  before: Snapshot | null,
  after: Snapshot | null,
): { field: NoteField; before: string | null; after: string | null }[] {
  return NOTE_FIELDS.map((field) => ({
    field,
    before: text(before?.[field]),
    after: text(after?.[field]),
  })).filter((change) => change.before !== change.after);
}
