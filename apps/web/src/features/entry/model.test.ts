import { describe, expect, it, test } from 'vitest';
import {
  checkTexts,
  clearsValue,
  fieldAt,
  flaggedRows,
  flagPast,
  isBlank,
  isBlock,
  isDirty,
  normalise,
  parseBlock,
  parseMeets,
  planPaste,
  type ResultLike,
  type RowLike,
  resultText,
  rowCells,
  serverTexts,
  valueCellText,
} from './model.ts';

const indicator = (
  measureType: 'cumulative' | 'amount' | 'stock' | 'ratio' | 'units_meeting',
  decimals = 0,
) => ({
  measureType,
  decimals,
  measurementUnit: measureType === 'amount' ? 'đồng' : measureType === 'ratio' ? '%' : 'hộ',
});
const row = (
  type: Parameters<typeof indicator>[0],
  extra: Partial<{ applicable: boolean; previous: number; allocation: number; editable: boolean }> = {},
) => ({
  indicator: indicator(type, type === 'units_meeting' || type === 'ratio' ? 1 : 0),
  applicable: extra.applicable ?? true,
  editable: extra.editable ?? true,
  result: null,
  previous: extra.previous === undefined ? null : { value: extra.previous },
  sameLastYear: null,
  allocation: extra.allocation ?? null,
});
const texts = (t: Partial<Record<string, string>>) => ({
  value: '',
  numerator: '',
  denominator: '',
  meets: '',
  note: '',
  evidenceUrl: '',
  ...t,
});

describe('cells of a row', () => {
  test('each measure type has its own main cell; ratios a denominator', () => {
    expect(rowCells(row('cumulative'))).toEqual([
      [0, 'value'],
      [2, 'note'],
      [3, 'evidenceUrl'],
    ]);
    expect(rowCells(row('ratio')).map(([, f]) => f)).toEqual([
      'numerator',
      'denominator',
      'note',
      'evidenceUrl',
    ]);
    expect(fieldAt(row('units_meeting'), 'main')).toBe('meets');
    expect(rowCells(row('units_meeting', { applicable: false }))).toEqual([]);
  });
});

describe('texts of values', () => {
  test('stored values read back exactly', () => {
    expect(valueCellText(indicator('cumulative'), 3000)).toBe('3.000');
    expect(valueCellText(indicator('cumulative', 1), 875)).toBe('87,5');
    expect(valueCellText(indicator('amount'), 11_540_000_000)).toBe('11,54 tỷ');
    expect(valueCellText(indicator('amount'), 2_153_456_789)).toBe('2.153.456.789');
    expect(valueCellText(indicator('amount'), 850_000)).toBe('850.000');
    expect(
      serverTexts({
        indicator: indicator('ratio', 1),
        result: {
          value: null,
          numerator: 1200,
          denominator: 1500,
          meets: null,
          note: 'ghi chú',
          evidenceUrl: null,
          version: 2,
        },
      }),
    ).toEqual(texts({ numerator: '1.200', denominator: '1.500', note: 'ghi chú' }));
  });

  test('what staff type is tidied when it is a value, left alone when not', () => {
    expect(normalise(indicator('cumulative'), 'value', '3000')).toBe('3.000');
    expect(normalise(indicator('cumulative'), 'value', '12a')).toBe('12a');
    expect(normalise(indicator('amount'), 'value', '11,54 tỷ đồng')).toBe('11,54 tỷ');
    expect(normalise(indicator('amount'), 'value', '25 triệu')).toBe('25 triệu');
    expect(normalise(indicator('units_meeting', 1), 'meets', 'đạt')).toBe('Đạt');
    expect(normalise(indicator('units_meeting', 1), 'meets', 'không')).toBe('Không đạt');
    expect(normalise(indicator('cumulative'), 'note', '  lý do ')).toBe('lý do');
  });

  test('yes and no in the words staff use', () => {
    for (const yes of ['Đạt', 'đạt', 'dat', 'Có', 'x', '1']) expect(parseMeets(yes), yes).toBe(true);
    for (const no of ['Không đạt', 'không', 'KHONG', '0', 'ko']) expect(parseMeets(no), no).toBe(false);
    expect(parseMeets('')).toBeNull();
    expect(parseMeets('có lẽ')).toBeUndefined();
  });

  test('figures in words', () => {
    const r = { value: 746, numerator: null, denominator: null, meets: null };
    expect(resultText(indicator('cumulative'), r)).toBe('746 hộ');
    expect(resultText(indicator('amount'), { ...r, value: 21_350_000_000 })).toBe('21,35 tỷ đồng');
    expect(resultText(indicator('ratio', 1), { ...r, value: null, numerator: 30, denominator: 38 })).toBe(
      '30/38 (78,9%)',
    );
    expect(resultText(indicator('units_meeting', 1), { ...r, value: null, meets: false })).toBe('Không đạt');
  });

  test('dirty means different from what is stored', () => {
    expect(isDirty(texts({ value: '12' }), texts({ value: '12' }))).toBe(false);
    expect(isDirty(texts({ note: 'a' }), texts({ note: 'a ' }))).toBe(false);
    expect(isDirty(texts({ value: '12' }), texts({ value: '13' }))).toBe(true);
  });
});

describe('checks, as the server runs them', () => {
  test('letters are an error; a jump over history is a warning that asks for a note', () => {
    const r = row('cumulative', { previous: 10 });
    expect(checkTexts(r, texts({ value: '12a' })).errors[0]?.message).toContain('Không phải là số hợp lệ');
    const far = checkTexts(r, texts({ value: '31' }));
    expect(far.errors).toEqual([]);
    expect(far.warnings[0]?.code).toBe('far_above_history');
    expect(checkTexts(r, texts({ value: '3.000' })).fields?.value).toBe(3000);
  });

  test('ratios need both parts; units meeting need a yes or no', () => {
    expect(checkTexts(row('ratio'), texts({ numerator: '5' })).errors.map((e) => e.field)).toEqual([
      'denominator',
    ]);
    expect(checkTexts(row('ratio'), texts({ numerator: '5', denominator: '4' })).errors[0]?.code).toBe(
      'numerator_above_denominator',
    );
    expect(checkTexts(row('units_meeting'), texts({ meets: 'Đạt' })).fields?.meets).toBe(true);
    expect(checkTexts(row('units_meeting'), texts({ meets: 'hmm' })).errors[0]?.field).toBe('meets');
  });

  test('money as staff type it', () => {
    expect(checkTexts(row('amount'), texts({ value: '11,54 tỷ' })).fields?.value).toBe(11_540_000_000);
    expect(checkTexts(row('amount', { allocation: 1000 }), texts({ value: '2.000' })).warnings[0]?.code).toBe(
      'above_allocation',
    );
  });
});

describe('pasting a block from Excel', () => {
  test('rows and tabs, Windows line ends, quoted cells, the trailing line break', () => {
    expect(parseBlock('12\t3\r\n4\t5\r\n')).toEqual([
      ['12', '3'],
      ['4', '5'],
    ]);
    expect(parseBlock('1\n2\n3')).toEqual([['1'], ['2'], ['3']]);
    expect(parseBlock('"a\tb"\t"say ""hi"""\n')).toEqual([['a\tb', 'say "hi"']]);
    expect(parseBlock('1\t\t3')).toEqual([['1', '', '3']]);
    expect(isBlock('12\r\n')).toBe(false);
    expect(isBlock('12\t3')).toBe(true);
    expect(isBlock('1\n2')).toBe(true);
  });

  test('fills down the rows and across the columns; what does not fit is counted', () => {
    const rows = [row('cumulative'), row('amount'), row('ratio'), row('units_meeting', { editable: false })];
    const { cells, skipped } = planPaste(rows, 0, 0, [['12', 'x'], ['1,5 tỷ'], ['3', '4'], ['Đạt']]);
    expect(cells).toEqual([
      { row: 0, field: 'value', text: '12' },
      { row: 1, field: 'value', text: '1,5 tỷ' },
      { row: 2, field: 'numerator', text: '3' },
      { row: 2, field: 'denominator', text: '4' },
    ]);
    // 'x' fell on a value row's missing denominator; 'Đạt' on a locked row.
    expect(skipped).toBe(2);
    expect(planPaste(rows, 3, 0, [['1'], ['2']]).skipped).toBe(2);
    expect(planPaste(rows, 0, 2, [['ghi chú', 'https://x.vn']]).cells.map((c) => c.field)).toEqual([
      'note',
      'evidenceUrl',
    ]);
  });
});

describe('evidence links', () => {
  test('web addresses only', async () => {
    const { evidenceProblem } = await import('./model.ts');
    expect(evidenceProblem('')).toBeNull();
    expect(evidenceProblem('https://drive.google.com/x')).toBeNull();
    expect(evidenceProblem('ổ D:\\anh.jpg')).toContain('http');
  });
});

describe('clearing a stored value', () => {
  const stored = {
    result: {
      value: 12,
      numerator: null,
      denominator: null,
      meets: null,
      note: null,
      evidenceUrl: null,
      version: 3,
    },
  };
  test('an emptied figure of a stored row clears it, even if a note is left', () => {
    expect(clearsValue(stored, texts({ note: 'nhầm dòng' }))).toBe(true);
    expect(clearsValue(stored, texts({ value: '12' }))).toBe(false);
  });
  test('a row with nothing stored is blank, not cleared', () => {
    expect(clearsValue({ result: null }, texts({}))).toBe(false);
    expect(isBlank({ result: null }, texts({}))).toBe(true);
    expect(isBlank(stored, texts({}))).toBe(false);
  });
});

describe('stored flags (issue #15)', () => {
  const households = { measureType: 'cumulative' as const, decimals: 0, measurementUnit: 'hộ' };
  const row = (result: Partial<ResultLike> | null, extra: Partial<RowLike> = {}): RowLike => ({
    indicator: households,
    applicable: true,
    result: result
      ? {
          value: 3000,
          numerator: null,
          denominator: null,
          meets: null,
          note: null,
          evidenceUrl: null,
          version: 1,
          ...result,
        }
      : null,
    previous: { value: 2 },
    sameLastYear: { value: 1 },
    allocation: null,
    ...extra,
  });

  it('checks what is typed by the rule the server sends with the row', () => {
    const texts = serverTexts(row({ value: 7 }));
    expect(checkTexts(row({ value: 7 }), texts).flag).toBeNull();
    expect(checkTexts(row({ value: 7 }, { plausibility: { growth: 200, minChange: 1 } }), texts).flag).toBe(
      'far_above_previous',
    );
  });

  it('lists flagged rows with the past figure each was judged against; a blank note is none', () => {
    const rows = [
      row({ flag: 'far_above_previous', note: '  ' }),
      row({ flag: null }),
      row({ flag: 'far_above_last_year', note: 'Mở rộng địa bàn' }),
      row(null),
    ];
    const flagged = flaggedRows(rows);
    expect(flagged.map((f) => [f.flag, f.noted])).toEqual([
      ['far_above_previous', false],
      ['far_above_last_year', true],
    ]);
    expect(flagPast(rows[0] as RowLike, 'far_above_previous')?.value).toBe(2);
    expect(flagPast(rows[0] as RowLike, 'far_above_last_year')?.value).toBe(1);
  });
});
