import { beforeAll, describe, expect, it } from 'vitest';
import { flagsVi } from './features/entry/flag-messages.ts';
import { loadLanguage, type MessageKey, translate } from './i18n.ts';
import { flagsEn, leadersEn } from './i18n-en.ts';
import { leadersVi } from './i18n-leaders.ts';
import { vi } from './i18n-vi.ts';

/** Keys whose English is the same text on purpose (codes, symbols, formats). */
// entry.meetsPlaceholder: staff type the Vietnamese words in either language (one input grammar).
const SAME_IN_BOTH = new Set<string>([
  'compare.noFigure',
  'compare.column',
  'scope.asOfPlaceholder',
  'entry.meetsPlaceholder',
]);

describe('English is a complete second language', () => {
  beforeAll(() => loadLanguage('en'));

  it('has an English text for every Vietnamese key, with the same placeholders', () => {
    const unique = Object.keys(vi) as MessageKey[];
    expect(unique.length).toBeGreaterThan(100);
    const missing = unique.filter((key) => {
      const vi = translate('vi', key);
      const en = translate('en', key);
      return en === vi && !SAME_IN_BOTH.has(key) && /[^ -~]/.test(vi);
    });
    expect(missing).toEqual([]);
    for (const key of unique) {
      // The own-activity row: Vietnamese shows the server's own name for it, English builds one.
      if (key === 'target.units.own') continue;
      const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(translate('en', key)), key).toEqual(holes(translate('vi', key)));
    }
  });

  it('the leaders’ views have both languages for every key', () => {
    expect(Object.keys(leadersEn).sort()).toEqual(Object.keys(leadersVi).sort());
    expect(Object.keys(flagsEn).sort()).toEqual(Object.keys(flagsVi).sort());
  });
});
