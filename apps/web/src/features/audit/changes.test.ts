import { describe, expect, it } from 'vitest';
import { noteChanges } from './changes.ts';

describe('what changed beside the figure', () => {
  it('a note and an evidence link changed with the figure unchanged: both, before → after', () => {
    const before = { value: 30, note: 'Số cũ', evidenceUrl: null };
    const after = {
      value: 30,
      note: 'Đã đối chiếu sổ hộ nghèo',
      evidenceUrl: 'https://example.org/bien-ban',
    };
    expect(noteChanges(before, after)).toEqual([
      { field: 'note', before: 'Số cũ', after: 'Đã đối chiếu sổ hộ nghèo' },
      { field: 'evidenceUrl', before: null, after: 'https://example.org/bien-ban' },
    ]);
  });

  it('an emptied text and a missing one are the same: nothing to show', () => {
    expect(noteChanges({ note: '' }, { note: null })).toEqual([]);
    expect(noteChanges(null, { value: 3 })).toEqual([]);
  });
});
