import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exactMoneyScale,
  formatDong,
  formatExactMoney,
  formatInteger,
  formatMoney,
  formatMoneyIn,
  formatPercent,
  formatRatioPercent,
  formatScaled,
  MAX_DECIMALS,
  moneyScale,
  type ParseError,
  parseMoney,
  parseScaled,
  ratioToScaledPercent,
  roundedDivide,
} from './format.ts';

const safeInt = fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

describe('parseScaled', () => {
  it('gives an example that fits the field: no decimals in a count', () => {
    expect(parseScaled('abc', 0)).toMatchObject({ message: 'Không phải là số hợp lệ. Ví dụ: 3.000.' });
    expect(parseScaled('abc', 1)).toMatchObject({
      message: 'Không phải là số hợp lệ. Ví dụ: 3.000 hoặc 87,5.',
    });
  });

  it.each([
    ['3.000', 0, 3000],
    ['3000', 0, 3000],
    ['1.234', 0, 1234],
    ['12.345', 0, 12345],
    ['1.234.567', 0, 1234567],
    ['  42  ', 0, 42],
    ['-5', 0, -5],
    ['-3.000', 0, -3000],
    ['\u22127', 0, -7],
    ['007', 0, 7],
    ['0', 0, 0],
    ['3 000', 0, 3000],
    ['1 234 567', 0, 1234567],
    ['3\u00a0000', 0, 3000],
    ['3\u202f000', 0, 3000],
    ['11,54', 2, 1154],
    ['87,5', 1, 875],
    ['87,5', 2, 8750],
    ['87', 1, 870],
    ['0,5', 1, 5],
    ['-0,5', 1, -5],
    ['1.234,5', 1, 12345],
    ['1.234,5', 3, 1234500],
    ['-123.456,78', 2, -12345678],
    ['1.234.567', 1, 12345670],
    ['87.5', 1, 875],
    ['12.34', 2, 1234],
    ['0.25', 2, 25],
    ['2,01', 9, 2010000000],
    ['0,1', 1, 1],
    ['9.007.199.254.740.991', 0, Number.MAX_SAFE_INTEGER],
    ['-9007199254740991', 0, -Number.MAX_SAFE_INTEGER],
    ['900.719.925.474.099,1', 1, Number.MAX_SAFE_INTEGER],
  ])('%j with %i decimals -> %i', (text, decimals, expected) => {
    expect(parseScaled(text, decimals)).toEqual({ ok: true, value: expected });
  });

  it('avoids the float trap that 2.01 * 1e9 falls into', () => {
    expect(2.01 * 1e9).not.toBe(2010000000);
    const result = parseScaled('2,01', 9);
    expect(result.ok && result.value).toBe(2010000000);
  });

  it.each([
    ['-0', 0],
    ['-0,0', 1],
  ])('%j parses to unsigned zero', (text, decimals) => {
    const result = parseScaled(text, decimals);
    expect(result.ok).toBe(true);
    expect(result.ok && Object.is(result.value, 0)).toBe(true);
  });

  it.each<[string, number, ParseError['code']]>([
    ['', 0, 'empty'],
    ['   ', 2, 'empty'],
    ['\u00a0', 0, 'empty'],
    ['1.234', 1, 'ambiguous_thousands'],
    ['1.234', 2, 'ambiguous_thousands'],
    ['1.234', 3, 'ambiguous_thousands'],
    ['-1.234', 1, 'ambiguous_thousands'],
    ['0.500', 3, 'ambiguous_thousands'],
    ['abc', 0, 'not_a_number'],
    ['12a', 0, 'not_a_number'],
    ['1e3', 0, 'not_a_number'],
    ['0x10', 0, 'not_a_number'],
    ['Infinity', 0, 'not_a_number'],
    ['NaN', 0, 'not_a_number'],
    ['-', 0, 'not_a_number'],
    ['--5', 0, 'not_a_number'],
    ['+5', 0, 'not_a_number'],
    ['5-', 0, 'not_a_number'],
    ['- 5', 0, 'not_a_number'],
    ['1,2,3', 2, 'not_a_number'],
    ['1,,2', 2, 'not_a_number'],
    ['1,', 1, 'not_a_number'],
    [',5', 1, 'not_a_number'],
    ['.', 0, 'not_a_number'],
    [',', 1, 'not_a_number'],
    ['1.23.4', 0, 'not_a_number'],
    ['1.23.4', 1, 'not_a_number'],
    ['12.34', 0, 'not_a_number'],
    ['1.5', 0, 'not_a_number'],
    ['1.2345', 0, 'not_a_number'],
    ['1234.567', 0, 'not_a_number'],
    ['.123', 0, 'not_a_number'],
    ['1.', 1, 'not_a_number'],
    ['1.234.5', 1, 'not_a_number'],
    ['1.234.567,', 1, 'not_a_number'],
    ['1,234.5', 1, 'not_a_number'],
    ['1,2.3', 2, 'not_a_number'],
    ['12 34', 0, 'not_a_number'],
    ['1 234.567', 0, 'not_a_number'],
    ['1 234,5 6', 2, 'not_a_number'],
    ['3  000', 0, 'not_a_number'],
    ['87,5%', 1, 'not_a_number'],
    ['3,5', 0, 'too_many_decimals'],
    ['3,0', 0, 'too_many_decimals'],
    ['1,000', 0, 'too_many_decimals'],
    ['87,55', 1, 'too_many_decimals'],
    ['87,50', 1, 'too_many_decimals'],
    ['2,0000000001', 9, 'too_many_decimals'],
  ])('%j with %i decimals -> %s', (text, decimals, code) => {
    const result = parseScaled(text, decimals);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok || result.message.length > 0).toBe(true);
  });

  it.each([
    ['9007199254740992', 0],
    ['9.007.199.254.740.992', 0],
    ['-9007199254740992', 0],
    ['900.719.925.474.099,2', 1],
    ['99999999999999999999', 0],
    ['10000000', 9],
  ])('%j with %i decimals is too_large', (text, decimals) => {
    expect(parseScaled(text, decimals)).toMatchObject({ ok: false, code: 'too_large' });
  });

  it.each([
    ['1.234', 1, /1234/],
    ['3,5', 0, /số nguyên/],
    ['87,55', 1, /tối đa 1 chữ số/],
    ['1.23.4', 0, /hàng nghìn/],
    ['abc', 0, /Không phải là số/],
    ['', 0, /Chưa nhập/],
  ])('message for %j (%i decimals) is Vietnamese and specific', (text, decimals, pattern) => {
    const result = parseScaled(text, decimals);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(pattern);
  });

  it.each([-1, 1.5, MAX_DECIMALS + 1, Number.NaN])('throws on invalid decimals %d', (decimals) => {
    expect(() => parseScaled('1', decimals)).toThrow(RangeError);
  });
});

describe('formatScaled', () => {
  it.each([
    [875, 1, '87,5'],
    [3000, 0, '3.000'],
    [-12345678, 2, '-123.456,78'],
    [0, 0, '0'],
    [0, 2, '0,00'],
    [5, 1, '0,5'],
    [-5, 1, '-0,5'],
    [5, 3, '0,005'],
    [999, 0, '999'],
    [1000, 0, '1.000'],
    [-1000, 0, '-1.000'],
    [100000, 0, '100.000'],
    [1000000, 0, '1.000.000'],
    [8750, 2, '87,50'],
    [1000, 1, '100,0'],
    [Number.MAX_SAFE_INTEGER, 0, '9.007.199.254.740.991'],
    [Number.MIN_SAFE_INTEGER, 3, '-9.007.199.254.740,991'],
  ])('formatScaled(%i, %i) === %j', (value, decimals, expected) => {
    expect(formatScaled(value, decimals)).toBe(expected);
  });

  it.each([
    [8750, 2, '87,5'],
    [1000, 1, '100'],
    [10000, 2, '100'],
    [12345, 2, '123,45'],
    [123450, 3, '123,45'],
    [12340, 1, '1.234'],
    [-50, 2, '-0,5'],
    [0, 2, '0'],
    [3000, 0, '3.000'],
  ])('formatScaled(%i, %i, { trimZeros }) === %j', (value, decimals, expected) => {
    expect(formatScaled(value, decimals, { trimZeros: true })).toBe(expected);
  });

  it('prints negative zero as 0', () => {
    expect(formatScaled(-0, 1)).toBe('0,0');
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53])('throws on non-safe-integer %d', (value) => {
    expect(() => formatScaled(value, 0)).toThrow(RangeError);
  });

  it('round-trips through parseScaled for every safe integer and decimals 0..6', () => {
    fc.assert(
      fc.property(safeInt, fc.integer({ min: 0, max: 6 }), (value, decimals) => {
        expect(parseScaled(formatScaled(value, decimals), decimals)).toEqual({ ok: true, value });
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips small values (where most real data lives)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -2_000_000, max: 2_000_000 }), fc.integer({ min: 0, max: 3 }), (v, d) => {
        expect(parseScaled(formatScaled(v, d), d)).toEqual({ ok: true, value: v });
      }),
      { numRuns: 2000 },
    );
  });

  it('trimmed output reads back exactly or is refused as ambiguous, never misread', () => {
    fc.assert(
      fc.property(safeInt, fc.integer({ min: 0, max: 6 }), (value, decimals) => {
        const result = parseScaled(formatScaled(value, decimals, { trimZeros: true }), decimals);
        if (result.ok) expect(result.value).toBe(value);
        else expect(result.code).toBe('ambiguous_thousands');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatInteger and formatPercent', () => {
  it.each([
    [3000, '3.000'],
    [0, '0'],
    [-7, '-7'],
    [1234567, '1.234.567'],
  ])('formatInteger(%i) === %j', (n, expected) => {
    expect(formatInteger(n)).toBe(expected);
  });

  it.each([
    [875, 1, '87,5%'],
    [100, 0, '100%'],
    [10000, 2, '100,00%'],
    [-25, 1, '-2,5%'],
    [123456, 1, '12.345,6%'],
  ])('formatPercent(%i, %i) === %j', (scaled, decimals, expected) => {
    expect(formatPercent(scaled, decimals)).toBe(expected);
  });
});

describe('ratioToScaledPercent and formatRatioPercent', () => {
  it.each([
    [7, 8, 1, 875],
    [746, 700, 1, 1066],
    [1, 3, 1, 333],
    [2, 3, 1, 667],
    [1, 3, 0, 33],
    [2, 3, 2, 6667],
    [1, 8, 0, 13], // 12,5 rounds half up
    [1, 8, 1, 125],
    [1, 16, 1, 63], // 6,25 rounds half up
    [3, 8, 0, 38], // 37,5
    [0, 5, 1, 0],
    [5, 5, 0, 100],
    [-1, 8, 0, -13], // half away from zero, symmetric with the positive case
    [1, -8, 0, -13],
    [-7, -8, 1, 875],
    [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER, 2, 10000],
    [Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER, 6, 100000000], // needs BigInt products
  ])('ratioToScaledPercent(%i, %i, %i) === %i', (num, den, decimals, expected) => {
    expect(ratioToScaledPercent(num, den, decimals)).toBe(expected);
  });

  it('is the nearest scaled percentage, ties away from zero (BigInt reference)', () => {
    fc.assert(
      fc.property(
        safeInt,
        safeInt.filter((d) => d !== 0),
        fc.integer({ min: 0, max: 3 }),
        (num, den, decimals) => {
          const exact = BigInt(num) * 100n * 10n ** BigInt(decimals);
          const bigDen = BigInt(den);
          let result: number;
          try {
            result = ratioToScaledPercent(num, den, decimals);
          } catch (e) {
            // Only allowed when the true percentage is out of safe range.
            expect(e).toBeInstanceOf(RangeError);
            const q = exact / bigDen;
            expect(q > 2n ** 52n || q < -(2n ** 52n)).toBe(true);
            return;
          }
          const r = BigInt(result);
          const abs = (x: bigint) => (x < 0n ? -x : x);
          const error2 = abs(2n * (r * bigDen - exact));
          expect(error2 <= abs(bigDen)).toBe(true);
          if (error2 === abs(bigDen)) expect(abs(r * bigDen) > abs(exact)).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('throws on a zero denominator', () => {
    expect(() => ratioToScaledPercent(1, 0, 1)).toThrow(RangeError);
  });

  it.each([
    [746, 700, 1, '106,6%'],
    [7, 8, 1, '87,5%'],
    [1, 3, 2, '33,33%'],
    [1, 3, 0, '33%'],
    [700, 700, 1, '100,0%'],
    [0, 700, 1, '0,0%'],
    [1, 0, 1, '—'],
    [0, 0, 1, '—'],
  ])('formatRatioPercent(%i, %i, %i) === %j', (num, den, decimals, expected) => {
    expect(formatRatioPercent(num, den, decimals)).toBe(expected);
  });

  it('formatRatioPercent defaults to one decimal', () => {
    expect(formatRatioPercent(746, 700)).toBe('106,6%');
    expect(formatRatioPercent(2, 3)).toBe('66,7%');
  });
});

describe('roundedDivide', () => {
  it.each([
    [7, 2, 4],
    [5, 2, 3],
    [4, 3, 1],
    [-5, 2, -3],
    [5, -2, -3],
    [-7, -2, 4],
    [0, 3, 0],
    [Number.MAX_SAFE_INTEGER, 2, 4503599627370496],
  ])('roundedDivide(%i, %i) === %i', (num, den, expected) => {
    expect(roundedDivide(num, den)).toBe(expected);
  });

  it('throws on a zero denominator', () => {
    expect(() => roundedDivide(1, 0)).toThrow(RangeError);
  });
});

describe('formatMoney', () => {
  it.each([
    [11540000000, '11,54 tỷ đồng'],
    [2000000000, '2 tỷ đồng'],
    [1000000000, '1 tỷ đồng'],
    [1234567890123, '1.234,57 tỷ đồng'],
    [1005000000, '1,01 tỷ đồng'], // 1,005 rounds half up
    [1004999999, '1 tỷ đồng'],
    [2010000000, '2,01 tỷ đồng'],
    [999995000, '1 tỷ đồng'], // rounds up to 1.000 triệu, shown in tỷ
    [999994999, '999,99 triệu đồng'],
    [850000000, '850 triệu đồng'],
    [1500000, '1,5 triệu đồng'],
    [1000000, '1 triệu đồng'],
    [1234567, '1,23 triệu đồng'],
    [1235000, '1,24 triệu đồng'],
    [999999, '999.999 đồng'],
    [850000, '850.000 đồng'],
    [5, '5 đồng'],
    [0, '0 đồng'],
    [-11540000000, '-11,54 tỷ đồng'],
    [-1005000000, '-1,01 tỷ đồng'],
    [-1500000, '-1,5 triệu đồng'],
    [-850000, '-850.000 đồng'],
    [Number.MAX_SAFE_INTEGER, '9.007.199,25 tỷ đồng'],
  ])('formatMoney(%i) === %j', (dong, expected) => {
    expect(formatMoney(dong)).toBe(expected);
  });

  it.each([
    [11540000000, '11,54 tỷ'],
    [850000000, '850 triệu'],
    [850000, '850.000'],
  ])('formatMoney(%i, { short }) === %j', (dong, expected) => {
    expect(formatMoney(dong, { short: true })).toBe(expected);
  });

  it.each([1.5, Number.NaN])('throws on non-integer %d', (dong) => {
    expect(() => formatMoney(dong)).toThrow(RangeError);
  });

  it('reads back through parseMoney within half of the last shown digit', () => {
    fc.assert(
      fc.property(safeInt, fc.boolean(), (dong, short) => {
        const text = formatMoney(dong, { short });
        const result = parseMoney(text);
        if (!result.ok) {
          // Whole thousands of tỷ trim to '1.234 tỷ', which the parser refuses as ambiguous.
          expect(result.code).toBe('ambiguous_thousands');
          expect(text).toMatch(/^-?\d{1,3}\.\d{3} tỷ/);
          return;
        }
        const abs = Math.abs(dong);
        const tolerance = abs >= 999_995_000 ? 5_000_000 : abs >= 1_000_000 ? 5_000 : 0;
        expect(Math.abs(result.value - dong)).toBeLessThanOrEqual(tolerance);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads back exactly when nothing was rounded away', () => {
    const sign = fc.constantFrom(1, -1);
    const exactlyShown = fc.oneof(
      fc.integer({ min: 0, max: 999_999 }),
      fc.integer({ min: 100, max: 99_999 }).map((n) => n * 10_000), // triệu with 2 decimals
      fc.integer({ min: 100, max: 99_999 }).map((n) => n * 10_000_000), // tỷ below 1.000 tỷ
    );
    fc.assert(
      fc.property(exactlyShown, sign, (abs, s) => {
        const dong = abs * s;
        expect(parseMoney(formatMoney(dong))).toEqual({ ok: true, value: dong === 0 ? 0 : dong });
      }),
      { numRuns: 2000 },
    );
  });

  it('whole thousands of tỷ print unambiguously only with a comma', () => {
    expect(formatMoney(1_234_000_000_000)).toBe('1.234 tỷ đồng');
    expect(parseMoney('1.234 tỷ đồng')).toMatchObject({ ok: false, code: 'ambiguous_thousands' });
    expect(parseMoney('1.234,00 tỷ đồng')).toEqual({ ok: true, value: 1_234_000_000_000 });
  });
});

describe('parseMoney', () => {
  // A money cell's hint must never offer what the cell refuses ('11,54' alone is not whole đồng).
  it.each(['11,54a', 'abc', '1,5 tỷ x', ',5 triệu'])('explains %s with a money example', (text) => {
    const result = parseMoney(text);
    expect(result).toMatchObject({ ok: false, code: 'not_a_number' });
    expect(!result.ok && result.message).toBe('Không phải là số tiền hợp lệ. Ví dụ: 850.000 hoặc 11,54 tỷ.');
  });

  it('asks for a unit when a fraction of a đồng is typed without one', () => {
    const result = parseMoney('11,54');
    expect(result).toMatchObject({ ok: false, code: 'too_many_decimals' });
    expect(!result.ok && result.message).toContain('hãy ghi rõ đơn vị');
  });

  it.each([
    ['11.540.000.000', 11540000000],
    ['11540000000', 11540000000],
    ['11 540 000 000', 11540000000],
    ['11,54 tỷ', 11540000000],
    ['11,54 tỷ đồng', 11540000000],
    ['11,54 Tỷ Đồng', 11540000000],
    ['11,54 tỉ', 11540000000],
    ['11,54ty', 11540000000],
    ['11,54 ty dong', 11540000000],
    ['2,01 tỷ', 2010000000],
    ['2.01 tỷ', 2010000000],
    ['1.234,57 tỷ đồng', 1234570000000],
    ['1,000000001 tỷ', 1000000001],
    ['850 triệu', 850000000],
    ['850 trieu', 850000000],
    ['850 triệu đồng', 850000000],
    ['1,5tr', 1500000],
    ['1.5tr', 1500000],
    ['1,5 tr', 1500000],
    ['500k', 500000],
    ['500 nghìn', 500000],
    ['1,5 nghìn', 1500],
    ['500 ngàn đồng', 500000],
    ['850.000 đồng', 850000],
    ['850.000đ', 850000],
    ['850.000 VNĐ', 850000],
    ['850000 vnd', 850000],
    ['  -2 tỷ  ', -2000000000],
    ['0', 0],
    [`3 ${'tỷ'.normalize('NFD')}`, 3000000000], // diacritics typed as combining marks
  ])('%j -> %i', (text, expected) => {
    expect(parseMoney(text)).toEqual({ ok: true, value: expected });
  });

  it('avoids the float trap: 2,01 tỷ is exactly 2.010.000.000', () => {
    const result = parseMoney('2,01 tỷ');
    expect(result.ok && result.value).toBe(2010000000);
  });

  it.each<[string, ParseError['code']]>([
    ['', 'empty'],
    ['  ', 'empty'],
    ['tỷ', 'not_a_number'],
    ['đồng', 'not_a_number'],
    ['abc', 'not_a_number'],
    ['11,54 tỷ tỷ', 'not_a_number'],
    ['1 tỷ 500 triệu', 'not_a_number'],
    ['11,54 USD', 'not_a_number'],
    ['1,5', 'too_many_decimals'],
    ['850.000,5 đồng', 'too_many_decimals'],
    ['1,0000000001 tỷ', 'too_many_decimals'],
    ['1,2345 nghìn', 'too_many_decimals'],
    ['1,2345678 triệu', 'too_many_decimals'],
    ['1.500 tỷ', 'ambiguous_thousands'],
    ['99.999.999 tỷ', 'too_large'],
    ['9007199254740992', 'too_large'],
  ])('%j -> %s', (text, code) => {
    expect(parseMoney(text)).toMatchObject({ ok: false, code });
  });

  it.each([
    ['1,5', /đồng nguyên/],
    ['1,0000000001 tỷ', /tối đa 9 chữ số/],
  ])('message for %j explains the đồng rule', (text, pattern) => {
    const result = parseMoney(text);
    expect(result.ok ? '' : result.message).toMatch(pattern);
  });
});

describe('money in one scale for a set of figures', () => {
  it('chooses the scale from the largest and writes every figure in it', () => {
    expect(moneyScale([955_000_000, 1_910_000_000])).toBe('ty');
    expect(moneyScale([955_000_000])).toBe('trieu');
    expect(moneyScale([950_000])).toBe('dong');
    expect(formatMoneyIn(955_000_000, 'ty')).toBe('0,96');
    expect(formatMoneyIn(1_600_000_000, 'ty')).toBe('1,60');
    expect(formatMoneyIn(1_000_000_000, 'ty')).toBe('1,00');
    expect(formatMoneyIn(20_000_000_000, 'ty', { trimZeros: true })).toBe('20');
    expect(formatMoneyIn(1_465_000_000, 'ty')).toBe('1,47');
    expect(formatMoneyIn(-1_465_000_000, 'ty')).toBe('-1,47');
    expect(formatMoneyIn(1_465_000_000, 'trieu', { decimals: 0 })).toBe('1.465');
    expect(formatMoneyIn(850_000, 'dong')).toBe('850.000');
    // The same rounding as formatMoney, so a row in tỷ says what the dashboard says.
    for (const dong of [21_350_000_000, 21_351_000_000, 21_355_000_000, 11_540_000_000, 2_590_000_000]) {
      expect(`${formatMoneyIn(dong, 'ty', { trimZeros: true })} tỷ đồng`).toBe(formatMoney(dong));
    }
  });

  it('writes exact đồng, and whole millions exactly in triệu', () => {
    expect(formatDong(21_351_000_000)).toBe('21.351.000.000 đồng');
    expect(exactMoneyScale([2_210_000_000, 0, 21_350_000_000])).toBe('trieu');
    expect(exactMoneyScale([2_210_000_001])).toBe('dong');
    expect(formatExactMoney(21_350_000_000, 'trieu')).toBe('21.350');
    expect(formatExactMoney(2_210_000_001, 'dong')).toBe('2.210.000.001');
    expect(() => formatExactMoney(1, 'trieu')).toThrow(RangeError);
  });
});
