import { describe, expect, it } from 'vitest';
import { defaultCompareDates } from './compare.ts';
import { listTerms, resolveScope } from './figures/scope.ts';
import { advanceDemoTo2025 } from './seed/demo-2025.ts';
import { demoDatabase } from './testing.ts';

const TODAY = '2026-11-29';

function openedBare(db: ReturnType<typeof demoDatabase>['db'], asOf = TODAY) {
  const [term] = listTerms(db);
  if (!term) throw new Error('no term');
  return defaultCompareDates(db, resolveScope(db, 'system', { termId: term.id, asOf }, TODAY));
}

describe('the dates "So sánh" opens on', () => {
  it('the demo (data up to the mid-term): the newest data against a year before, never two equal dates', () => {
    const { db } = demoDatabase();
    expect(openedBare(db)).toEqual({ asOf: '2023-06-30', asOf2: '2024-06-30' });
  });

  it('with data after the mid-term: the mid-term against the end of the newest period with data', () => {
    const { db } = demoDatabase();
    advanceDemoTo2025(db);
    expect(openedBare(db)).toEqual({ asOf: '2024-06-30', asOf2: '2025-12-31' });
  });

  it('nothing reported by the date: no proposal', () => {
    const { db } = demoDatabase();
    expect(openedBare(db, '2021-12-31')).toBeNull();
  });
});
