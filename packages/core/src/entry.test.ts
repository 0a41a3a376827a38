import { describe, expect, it } from 'vitest';
import {
  checkEntry,
  defaultFlagMinChange,
  type EntryIndicator,
  parseFlagGrowth,
  parseFlagMinChange,
} from './entry.ts';

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

describe('plausibility: a relative and an absolute threshold, per indicator (issue #15)', () => {
  it('2 → 7 households is more than ×3 but a rise below the threshold: no flag', () => {
    const check = checkEntry(households, { value: '7' }, { previous: 2 });
    expect(check.warnings).toEqual([]);
    expect(check.flag).toBeNull();
  });
  it('2 → 3.000 households flags against the previous period', () => {
    const check = checkEntry(households, { value: '3.000' }, { previous: 2 });
    expect(check.flag).toBe('far_above_previous');
    expect(check.warnings[0]?.message).toContain('Gấp hơn 3 lần kỳ trước (2 hộ)');
  });
  it('20 triệu → 11,54 tỷ đồng flags; 2 → 9 triệu does not (below 10 triệu)', () => {
    expect(checkEntry(money, { value: '11,54 tỷ' }, { previous: 20_000_000 }).flag).toBe(
      'far_above_previous',
    );
    expect(checkEntry(money, { value: '9 triệu' }, { previous: 2_000_000 }).flag).toBeNull();
  });
  it('flags against the same period a year before when the previous one is plausible', () => {
    expect(checkEntry(households, { value: '100' }, { previous: 90, sameLastYear: 20 }).flag).toBe(
      'far_above_last_year',
    );
  });
  it("an indicator's own thresholds replace the defaults", () => {
    const strict = { ...households, flagGrowth: 150, flagMinChange: 1 };
    expect(checkEntry(strict, { value: '7' }, { previous: 2 }).flag).toBe('far_above_previous');
    expect(checkEntry(strict, { value: '16' }, { previous: 10 }).warnings[0]?.message).toContain(
      'Gấp hơn 1,5 lần',
    );
    const lax = { ...households, flagGrowth: 1000, flagMinChange: 5000 };
    expect(checkEntry(lax, { value: '3.000' }, { previous: 2 }).flag).toBeNull();
  });
  it('the absolute threshold is in the scaled unit: 10,0% by default for one decimal', () => {
    expect(defaultFlagMinChange(share)).toBe(100);
    expect(checkEntry(share, { value: '9,9' }, { previous: 10 }).flag).toBeNull();
    expect(checkEntry(share, { value: '40' }, { previous: 10 }).flag).toBe('far_above_previous');
  });
  it('no past figure (or zero) never flags; ratios and yes/no are not checked', () => {
    expect(checkEntry(households, { value: '5000' }, { previous: 0 }).flag).toBeNull();
    expect(checkEntry(households, { value: '5000' }, {}).flag).toBeNull();
    expect(checkEntry(ratio, { numerator: '90', denominator: '100' }, { previous: 1 }).flag).toBeNull();
  });
  it('reads thresholds as typed and refuses bad ones in Vietnamese', () => {
    expect(parseFlagGrowth('')).toEqual({ ok: true, value: null });
    expect(parseFlagGrowth('2,5')).toEqual({ ok: true, value: 250 });
    expect(parseFlagGrowth('×3')).toEqual({ ok: true, value: 300 });
    expect(parseFlagGrowth('3 lần')).toEqual({ ok: true, value: 300 });
    expect(parseFlagMinChange(money, '50 triệu')).toEqual({ ok: true, value: 50_000_000 });
    expect(parseFlagMinChange(share, '2,5')).toEqual({ ok: true, value: 25 });
    for (const bad of ['0,5', 'ba', '-2', '5000']) {
      const parsed = parseFlagGrowth(bad);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/Hệ số gấp/);
    }
    for (const bad of ['-1', 'mười', '1,5']) {
      const parsed = parseFlagMinChange(households, bad);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toMatch(/Mức tăng tối thiểu/);
    }
  });
});
