import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDong,
  formatExactMoney,
  formatInteger,
  formatMoney,
  formatMoneyIn,
  formatPercent,
  formatRatioPercent,
  formatScaled,
  moneyScaleUnit,
  parseScaled,
} from './format.ts';

// An English reader reads '2.986' as about three: in English the separators swap and money is in VND.
describe('numbers in English', () => {
  it.each([
    [2986, 0, '2,986'],
    [-12345678, 2, '-123,456.78'],
    [875, 1, '87.5'],
    [5, 2, '0.05'],
    [1000000, 0, '1,000,000'],
  ])('formatScaled(%j, %j) in English === %j', (value, decimals, expected) => {
    expect(formatScaled(value, decimals, { locale: 'en' })).toBe(expected);
  });

  it('trims zeros the same way in both languages', () => {
    expect(formatScaled(1000, 1, { trimZeros: true, locale: 'en' })).toBe('100');
    expect(formatScaled(8750, 2, { trimZeros: true, locale: 'en' })).toBe('87.5');
  });

  it('writes counts, percentages and ratios with English separators', () => {
    expect(formatInteger(2986, 'en')).toBe('2,986');
    expect(formatPercent(838, 1, 'en')).toBe('83.8%');
    expect(formatRatioPercent(746, 700, 1, 'en')).toBe('106.6%');
    expect(formatRatioPercent(1, 0, 1, 'en')).toBe('—');
  });

  it.each([
    [11_540_000_000, '11.54 billion VND'],
    [850_000_000, '850 million VND'],
    [1_500_000, '1.5 million VND'],
    [850_000, '850,000 VND'],
    [-2_000_000_000, '-2 billion VND'],
    [0, '0 VND'],
  ])('formatMoney(%j) in English === %j', (dong, expected) => {
    expect(formatMoney(dong, { locale: 'en' })).toBe(expected);
  });

  it('drops the currency in the short form', () => {
    expect(formatMoney(11_540_000_000, { short: true, locale: 'en' })).toBe('11.54 billion');
  });

  it('writes money in a scale and exact money with English separators', () => {
    expect(formatMoneyIn(1_460_000_000, 'ty', { locale: 'en' })).toBe('1.46');
    expect(formatMoneyIn(21_350_000_000, 'trieu', { decimals: 0, locale: 'en' })).toBe('21,350');
    expect(moneyScaleUnit('ty', 'en')).toBe('billion VND');
    expect(moneyScaleUnit('trieu', 'en')).toBe('million VND');
    expect(moneyScaleUnit('dong', 'en')).toBe('VND');
    expect(formatDong(21_350_000_000, 'en')).toBe('21,350,000,000 VND');
    expect(formatExactMoney(21_350_000_000, 'trieu', 'en')).toBe('21,350');
  });

  it('is the Vietnamese form with the two separators swapped', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.integer({ min: 0, max: 4 }),
        (value, decimals) => {
          const vi = formatScaled(value, decimals);
          const swapped = vi.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
          expect(formatScaled(value, decimals, { locale: 'en' })).toBe(swapped);
        },
      ),
    );
  });
});

describe('Vietnamese stays the default (exports and the API)', () => {
  it('formats as before without a locale', () => {
    expect(formatInteger(2986)).toBe('2.986');
    expect(formatPercent(838, 1)).toBe('83,8%');
    expect(formatMoney(11_540_000_000)).toBe('11,54 tỷ đồng');
    expect(moneyScaleUnit('ty')).toBe('tỷ đồng');
    expect(formatDong(850_000)).toBe('850.000 đồng');
  });

  it('parses only the Vietnamese forms: typed input stays Vietnamese in both languages', () => {
    expect(parseScaled('2.986', 0)).toEqual({ ok: true, value: 2986 });
    expect(parseScaled('2,986', 0)).toMatchObject({ ok: false });
  });
});
