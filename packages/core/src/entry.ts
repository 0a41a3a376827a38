/**
 * The rules for one value typed into the entry grid, shared by the grid (at the cell, as you type)
 * and the server (which never trusts the grid). Hard errors block saving; warnings ask for a note.
 */
import { formatMoney, formatScaled, type ParseResult, parseMoney, parseScaled } from './format.ts';
import type { MeasureType, ResultFields } from './measures.ts';

export interface EntryIndicator {
  measureType: MeasureType;
  decimals: number;
  measurementUnit: string;
  /** The plausibility rule's growth factor in hundredths (300 = ×3); null or absent: the default. */
  flagGrowth?: number | null;
  /** A rise smaller than this (scaled, in the indicator's unit; đồng for money) never flags; null: the default. */
  flagMinChange?: number | null;
}

/** What the user typed, as text (`3.000`, `11,54 tỷ`) or a yes/no for `units_meeting`. */
export interface EntryInput {
  value?: string | null;
  numerator?: string | null;
  denominator?: string | null;
  meets?: boolean | null;
}

/** History and allocation the plausibility checks compare with (scaled integers). */
export interface EntryContext {
  previous?: number | null;
  sameLastYear?: number | null;
  allocation?: number | null;
}

export type EntryField = 'value' | 'numerator' | 'denominator' | 'meets';
export interface EntryProblem {
  field: EntryField;
  code: string;
  message: string;
}

export interface EntryCheck {
  /** The values to store, when there is no hard error. */
  fields: ResultFields | null;
  errors: EntryProblem[];
  warnings: EntryProblem[];
  /** What a save stores with the result: the value is outside the plausibility rule (needs a note to be sent). */
  flag: ResultFlag | null;
}

// ---------------------------------------------------------------- plausibility (docs/decisions/0025)

/**
 * A stored flag: the value is far above the unit's own figure for the period before, or for the
 * same period a year before. A flagged result needs a note before its report can be sent.
 */
export const RESULT_FLAGS = ['far_above_previous', 'far_above_last_year'] as const;
export type ResultFlag = (typeof RESULT_FLAGS)[number];

/** The default growth factor, in hundredths: more than 3 times the past figure. */
export const DEFAULT_FLAG_GROWTH = 300;
/** The growth factor a manager may set, in hundredths: from ×1 to ×1.000. */
export const FLAG_GROWTH_RANGE = { min: 100, max: 100_000 } as const;
/** Money: a rise below 10 triệu đồng never flags (a commune's fund going from 2 to 9 triệu is plausible). */
export const DEFAULT_FLAG_MIN_CHANGE_DONG = 10_000_000;
/** Counts and levels: a rise below 10 of the indicator's unit never flags (2 → 7 hộ is plausible). */
export const DEFAULT_FLAG_MIN_CHANGE_UNITS = 10;

/** The measure types the plausibility rule applies to (a ratio or a yes/no has no such history check). */
export const flagsApply = (measureType: MeasureType) =>
  measureType === 'cumulative' || measureType === 'amount' || measureType === 'stock';

export interface PlausibilityRule {
  /** Hundredths: 300 flags a value more than 3 times the past figure. */
  growth: number;
  /** Scaled, in the indicator's unit: a rise smaller than this never flags. */
  minChange: number;
}

/** The default smallest rise that may flag, by measure type, scaled by the indicator's decimals. */
export function defaultFlagMinChange(indicator: Pick<EntryIndicator, 'measureType' | 'decimals'>): number {
  if (indicator.measureType === 'amount') return DEFAULT_FLAG_MIN_CHANGE_DONG;
  if (!flagsApply(indicator.measureType)) return 0;
  return DEFAULT_FLAG_MIN_CHANGE_UNITS * 10 ** indicator.decimals;
}

/** The rule an indicator is checked by: its own thresholds where set, else the defaults. */
export function plausibilityRule(
  indicator: Pick<EntryIndicator, 'measureType' | 'decimals' | 'flagGrowth' | 'flagMinChange'>,
): PlausibilityRule {
  return {
    growth: indicator.flagGrowth ?? DEFAULT_FLAG_GROWTH,
    minChange: indicator.flagMinChange ?? defaultFlagMinChange(indicator),
  };
}

/**
 * Both thresholds: more than `growth` times a past figure above zero, and a rise of at least
 * `minChange`. 2 → 7 hộ is more than ×3 but a rise of 5: plausible. 20 triệu → 11,54 tỷ: flagged.
 */
export function isFarAbove(rule: PlausibilityRule, value: number, past: number | null | undefined): boolean {
  if (past == null || past <= 0) return false;
  return value * 100 > past * rule.growth && value - past >= rule.minChange;
}

/** A growth factor for a sentence: 300 → '3', 250 → '2,5'. */
export const growthText = (growth: number) => formatScaled(growth, 2, { trimZeros: true });

/** A threshold for a sentence: '10 hộ', '10 triệu đồng'. */
export function minChangeText(
  indicator: Pick<EntryIndicator, 'measureType' | 'decimals' | 'measurementUnit'>,
  minChange: number,
): string {
  if (indicator.measureType === 'amount') return formatMoney(minChange);
  return `${formatScaled(minChange, indicator.decimals)} ${indicator.measurementUnit}`.trim();
}

export type ThresholdParse = { ok: true; value: number | null } | { ok: false; message: string };

/** A typed growth factor ('3', '2,5'); empty means the default. Below 1 or not a number is refused. */
export function parseFlagGrowth(text: string | null | undefined): ThresholdParse {
  if (text == null || text.trim() === '') return { ok: true, value: null };
  const parsed = parseScaled(
    text
      .trim()
      .replace(/^[x×]\s*/i, '')
      .replace(/\s*(lần|x|×)$/i, ''),
    2,
  );
  if (!parsed.ok) return { ok: false, message: `Hệ số gấp: ${parsed.message}` };
  if (parsed.value < FLAG_GROWTH_RANGE.min) {
    return { ok: false, message: 'Hệ số gấp phải từ 1 trở lên (1 là cảnh báo mọi mức tăng).' };
  }
  if (parsed.value > FLAG_GROWTH_RANGE.max) {
    return { ok: false, message: 'Hệ số gấp tối đa là 1.000 lần.' };
  }
  return { ok: true, value: parsed.value };
}

/** A typed smallest rise ('10', '50 triệu'), in the indicator's unit; empty means the default. */
export function parseFlagMinChange(
  indicator: Pick<EntryIndicator, 'measureType' | 'decimals'>,
  text: string | null | undefined,
): ThresholdParse {
  if (text == null || text.trim() === '') return { ok: true, value: null };
  const t = text.trim();
  const parsed: ParseResult =
    indicator.measureType === 'amount' ? parseMoney(t) : parseScaled(t, indicator.decimals);
  if (!parsed.ok) return { ok: false, message: `Mức tăng tối thiểu: ${parsed.message}` };
  if (parsed.value < 0) return { ok: false, message: 'Mức tăng tối thiểu không được âm.' };
  return { ok: true, value: parsed.value };
}

export function checkEntry(
  indicator: EntryIndicator,
  input: EntryInput,
  context: EntryContext = {},
): EntryCheck {
  const errors: EntryProblem[] = [];
  const warnings: EntryProblem[] = [];
  const flag: ResultFlag | null = null;
  const none: ResultFields = { value: null, numerator: null, denominator: null, meets: null };

  const number = (field: EntryField, text: string | null | undefined, decimals: number, money: boolean) => {
    const parsed = money ? parseMoney(text ?? '') : parseScaled(text ?? '', decimals);
    if (!parsed.ok) {
      errors.push({ field, code: parsed.code, message: parsed.message });
      return null;
    }
    if (parsed.value < 0) {
      errors.push({ field, code: 'negative', message: 'Không được nhập số âm.' });
      return null;
    }
    return parsed.value;
  };

  switch (indicator.measureType) {
    case 'units_meeting': {
      if (typeof input.meets !== 'boolean') {
        errors.push({ field: 'meets', code: 'empty', message: 'Chọn “Đạt” hoặc “Không đạt”.' });
        return { fields: null, errors, warnings, flag };
      }
      return { fields: { ...none, meets: input.meets }, errors, warnings, flag };
    }
    case 'ratio': {
      const numerator = number('numerator', input.numerator, 0, false);
      const denominator = number('denominator', input.denominator, 0, false);
      if (numerator !== null && denominator !== null && numerator > denominator) {
        errors.push({
          field: 'numerator',
          code: 'numerator_above_denominator',
          message: 'Tử số không được lớn hơn mẫu số.',
        });
      }
      if (errors.length > 0 || numerator === null || denominator === null)
        return { fields: null, errors, warnings, flag };
      return { fields: { ...none, numerator, denominator }, errors, warnings, flag };
    }
    default: {
      const money = indicator.measureType === 'amount';
      const value = number('value', input.value, money ? 0 : indicator.decimals, money);
      if (value === null) return { fields: null, errors, warnings, flag };
      const unit = indicator.measurementUnit;
      const shown = (n: number) => `${formatScaled(n, money ? 0 : indicator.decimals)} ${unit}`;
      const rule = plausibilityRule(indicator);
      let stored: ResultFlag | null = null;
      for (const [past, words, code] of [
        [context.previous, 'kỳ trước', 'far_above_previous'],
        [context.sameLastYear, 'cùng kỳ năm trước', 'far_above_last_year'],
      ] as const) {
        if (isFarAbove(rule, value, past)) {
          stored = code;
          warnings.push({
            field: 'value',
            code: 'far_above_history',
            message: `Gấp hơn ${growthText(rule.growth)} lần ${words} (${shown(past as number)}). Vui lòng ghi chú lý do.`,
          });
          break;
        }
      }
      if (context.allocation != null && context.allocation > 0 && value > context.allocation) {
        warnings.push({
          field: 'value',
          code: 'above_allocation',
          message: `Vượt chỉ tiêu được giao cho cả nhiệm kỳ (${shown(context.allocation)}). Vui lòng ghi chú lý do.`,
        });
      }
      return { fields: { ...none, value }, errors, warnings, flag: stored };
    }
  }
}
