import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadLanguage, setLang } from '../i18n.ts';
import { goalText, pctOfGoalText, valueText } from './figures.ts';
import { formatInteger, formatMoney, moneyScaleUnit } from './numbers.ts';

const SRC = join(import.meta.dirname, '..');
/** Cells of the entry grid are read back by the Vietnamese parser: they keep Vietnamese figures. */
const VIETNAMESE_ON_PURPOSE = new Set(['features/entry/model.ts', 'features/entry/components/GridRow.tsx']);
const FORMATTERS =
  /\b(formatScaled|formatInteger|formatPercent|formatRatioPercent|formatMoney|formatMoneyIn|formatDong|formatExactMoney)\b/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}

describe('numbers in the UI language', () => {
  beforeAll(() => loadLanguage('en'));
  afterEach(() => setLang('vi'));

  it('formats in the current language', async () => {
    const indicator = { name: 'Hộ', measurementUnit: 'hộ', measureType: 'cumulative', decimals: 0 } as const;
    const money = { ...indicator, measureType: 'amount' } as const;
    const ratio = { ...indicator, measureType: 'ratio', decimals: 1 } as const;
    const figure = { value: 2986, hasData: true, numerator: 0, denominator: 0, meeting: 0, expected: 0 };
    expect(valueText(indicator, figure)).toBe('2.986 hộ');
    await setLang('en');
    expect(formatInteger(2986)).toBe('2,986');
    expect(valueText(indicator, figure)).toBe('2,986 hộ');
    expect(valueText(ratio, { ...figure, value: 838 })).toBe('83.8%');
    expect(valueText(money, { ...figure, value: 11_540_000_000 })).toBe('11.54 billion VND');
    expect(goalText(money, 20_000_000_000)).toBe('20 billion VND');
    expect(pctOfGoalText(746, 700, null)).toBe('106.6%');
    expect(formatMoney(850_000)).toBe('850,000 VND');
    expect(moneyScaleUnit('ty')).toBe('billion VND');
  });

  it('is how every page formats numbers, not @chitieu/core directly', () => {
    const direct = sources(SRC)
      .map((path) => relative(SRC, path).replaceAll('\\', '/'))
      .filter((path) => path !== 'lib/numbers.ts' && !VIETNAMESE_ON_PURPOSE.has(path))
      .filter((path) => {
        const text = readFileSync(join(SRC, path), 'utf8');
        const core = [...text.matchAll(/import \{([^}]*)\} from '@chitieu\/core'/g)].map((m) => m[1] ?? '');
        return core.some((names) => FORMATTERS.test(names));
      });
    expect(direct).toEqual([]);
  });
});
