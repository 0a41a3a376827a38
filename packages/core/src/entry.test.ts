import { describe, expect, it } from 'vitest';
import { checkEntry, type EntryIndicator } from './entry.ts';

const households: EntryIndicator = { measureType: 'cumulative', decimals: 0, measurementUnit: 'hộ' };
const money: EntryIndicator = { measureType: 'amount', decimals: 0, measurementUnit: 'đồng' };
const share: EntryIndicator = { measureType: 'stock', decimals: 1, measurementUnit: '%' };
const ratio: EntryIndicator = { measureType: 'ratio', decimals: 1, measurementUnit: '%' };
const meeting: EntryIndicator = { measureType: 'units_meeting', decimals: 1, measurementUnit: 'cơ sở' };

describe('checkEntry: hard errors block saving', () => {
  it.each([
    ['letters', households, { value: '12a' }, 'value', 'not_a_number'],
    ['empty', households, { value: '' }, 'value', 'empty'],
    ['a negative count', households, { value: '-3' }, 'value', 'negative'],
    ['a fraction of a household', households, { value: '2,5' }, 'value', 'too_many_decimals'],
    ['a fraction of a đồng', money, { value: '1.000,5' }, 'value', 'too_many_decimals'],
    [
      'an ambiguous 1.234 where decimals are allowed',
      share,
      { value: '1.234' },
      'value',
      'ambiguous_thousands',
    ],
    [
      'numerator above denominator',
      ratio,
      { numerator: '5', denominator: '4' },
      'numerator',
      'numerator_above_denominator',
    ],
    ['a missing denominator', ratio, { numerator: '5', denominator: '' }, 'denominator', 'empty'],
    ['no yes/no', meeting, { meets: null }, 'meets', 'empty'],
  ] as const)('%s', (_, indicator, input, field, code) => {
    const check = checkEntry(indicator, input);
    expect(check.fields).toBeNull();
    expect(check.errors).toContainEqual(expect.objectContaining({ field, code }));
    expect(check.errors[0]?.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
  });
});

describe('checkEntry: accepted the way staff type', () => {
  it.each([
    [households, { value: '3.000' }, { value: 3000 }],
    [households, { value: ' 3000 ' }, { value: 3000 }],
    [money, { value: '11,54 tỷ' }, { value: 11_540_000_000 }],
    [money, { value: '2.010.000.000' }, { value: 2_010_000_000 }],
    [share, { value: '87,5' }, { value: 875 }],
    [ratio, { numerator: '171', denominator: '204' }, { numerator: 171, denominator: 204 }],
    [ratio, { numerator: '0', denominator: '0' }, { numerator: 0, denominator: 0 }],
    [meeting, { meets: false }, { meets: false }],
  ] as const)('%o %o', (indicator, input, fields) => {
    const check = checkEntry(indicator, input);
    expect(check.errors).toEqual([]);
    expect(check.fields).toMatchObject(fields);
  });
});

describe('checkEntry: plausibility warnings ask for a note but allow saving', () => {
  it('over 3× the previous period', () => {
    const check = checkEntry(households, { value: '31' }, { previous: 10 });
    expect(check.fields?.value).toBe(31);
    expect(check.warnings).toEqual([expect.objectContaining({ code: 'far_above_history' })]);
    expect(check.warnings[0]?.message).toContain('kỳ trước (10 hộ)');
  });
  it('over 3× the same period a year before', () => {
    expect(
      checkEntry(households, { value: '31' }, { previous: 30, sameLastYear: 10 }).warnings[0]?.message,
    ).toContain('cùng kỳ năm trước');
  });
  it('exactly 3× is plausible; no history, no warning', () => {
    expect(checkEntry(households, { value: '30' }, { previous: 10 }).warnings).toEqual([]);
    expect(checkEntry(households, { value: '5000' }, { previous: 0 }).warnings).toEqual([]);
  });
  it('above the unit allocated target', () => {
    const check = checkEntry(households, { value: '120' }, { allocation: 110 });
    expect(check.warnings).toEqual([expect.objectContaining({ code: 'above_allocation' })]);
  });
});
