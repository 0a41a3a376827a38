import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { flagsVi } from './features/entry/flag-messages.ts';
import { loadLanguage, type MessageKey, translate } from './i18n.ts';
import { flagsEn, leadersEn } from './i18n-en.ts';
import { leadersVi } from './i18n-leaders.ts';

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
    // Every key as written in the dictionaries (vi's object is not exported on its own).
    const source = readFileSync(new URL('./i18n.ts', import.meta.url), 'utf8');
    const keys = [
      ...source.matchAll(/^ {2}'([\w.]+)':/gm),
      ...[...Object.keys(leadersVi), ...Object.keys(flagsVi)].map((k) => [k, k]),
    ].map((m) => m[1] as MessageKey);
    const unique = [...new Set(keys)];
    expect(unique.length).toBeGreaterThan(100);
    const missing = unique.filter((key) => {
      const vi = translate('vi', key);
      const en = translate('en', key);
      return en === vi && !SAME_IN_BOTH.has(key) && /[^ -~]/.test(vi);
    });
    expect(missing).toEqual([]);
    for (const key of unique) {
      const holes = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(translate('en', key)), key).toEqual(holes(translate('vi', key)));
    }
  });

  it('the leaders’ views have both languages for every key', () => {
    expect(Object.keys(leadersEn).sort()).toEqual(Object.keys(leadersVi).sort());
    expect(Object.keys(flagsEn).sort()).toEqual(Object.keys(flagsVi).sort());
  });
});
