import { describe, expect, it } from 'vitest';
import { asSnapshot, figureText } from './figure-text.ts';

const households = { measureType: 'cumulative', decimals: 0, measurementUnit: 'hộ' } as const;
const money = { measureType: 'amount', decimals: 0, measurementUnit: 'đồng' } as const;
const share = { measureType: 'ratio', decimals: 1, measurementUnit: '%' } as const;

describe('a stored figure in the audit trail', () => {
  it('is written with its unit, Vietnamese thousands', () => {
    expect(figureText(households, { value: 1746 })).toBe('1.746 hộ');
  });

  it('writes money scaled as the grid does', () => {
    expect(figureText(money, { value: 11_540_000_000 })).toBe('11,54 tỷ đồng');
  });

  it('writes a ratio as numerator/denominator and its percentage', () => {
    expect(figureText(share, { numerator: 7, denominator: 8 })).toBe('7/8 (87,5%)');
  });

  it('writes a yes/no figure in words, before any number it may also hold', () => {
    expect(figureText(households, { meets: true, value: 3 })).toBe('Đạt');
    expect(figureText(households, { meets: false })).toBe('Không đạt');
  });

  it('shows a bare number when the indicator is no longer in the term', () => {
    expect(figureText(undefined, { value: 1746 })).toBe('1.746');
  });

  it('shows a dash for nothing stored, or a value that is not a number', () => {
    expect(figureText(households, null)).toBe('—');
    expect(figureText(households, { value: null })).toBe('—');
    expect(figureText(households, { value: '12' })).toBe('—');
  });

  it('reads only objects as snapshots', () => {
    expect(asSnapshot({ value: 1 })).toEqual({ value: 1 });
    expect(asSnapshot(null)).toBeNull();
    expect(asSnapshot('x')).toBeNull();
  });
});
