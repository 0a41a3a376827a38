/**
 * The rules for one value typed into the entry grid, shared by the grid (at the cell, as you type)
 * and the server (which never trusts the grid). Hard errors block saving; warnings ask for a note.
 */
import { formatScaled, parseMoney, parseScaled } from './format.ts';
import type { MeasureType, ResultFields } from './measures.ts';

export interface EntryIndicator {
  measureType: MeasureType;
  decimals: number;
  measurementUnit: string;
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
}

/** A value more than this many times the unit's previous figure asks for a note. */
export const IMPLAUSIBLE_GROWTH = 3;

export function checkEntry(
  indicator: EntryIndicator,
  input: EntryInput,
  context: EntryContext = {},
): EntryCheck {
  const errors: EntryProblem[] = [];
  const warnings: EntryProblem[] = [];
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
        return { fields: null, errors, warnings };
      }
      return { fields: { ...none, meets: input.meets }, errors, warnings };
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
        return { fields: null, errors, warnings };
      return { fields: { ...none, numerator, denominator }, errors, warnings };
    }
    default: {
      const money = indicator.measureType === 'amount';
      const value = number('value', input.value, money ? 0 : indicator.decimals, money);
      if (value === null) return { fields: null, errors, warnings };
      const unit = indicator.measurementUnit;
      const shown = (n: number) => `${formatScaled(n, money ? 0 : indicator.decimals)} ${unit}`;
      for (const [past, words] of [
        [context.previous, 'kỳ trước'],
        [context.sameLastYear, 'cùng kỳ năm trước'],
      ] as const) {
        if (past != null && past > 0 && value > past * IMPLAUSIBLE_GROWTH) {
          warnings.push({
            field: 'value',
            code: 'far_above_history',
            message: `Gấp hơn ${IMPLAUSIBLE_GROWTH} lần ${words} (${shown(past)}). Vui lòng ghi chú lý do.`,
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
      return { fields: { ...none, value }, errors, warnings };
    }
  }
}
