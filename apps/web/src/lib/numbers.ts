/**
 * Numbers in the UI's language: @chitieu/core's formatters with the current language passed as the
 * locale, so English mode writes 2,986, 83.8% and 11.54 billion VND where Vietnamese writes 2.986,
 * 83,8% and 11,54 tỷ đồng. Everything the web shows goes through here (numbers.test.ts keeps it so);
 * the entry grid alone formats with core directly, because what it writes into a cell is read back
 * by the Vietnamese parser. Call these while rendering: components re-render when the language
 * changes (useI18n), and these read it then.
 */

import type { MoneyScale, NumberLocale } from '@chitieu/core';
import * as core from '@chitieu/core';
import { getLang } from '../i18n.ts';

const locale = (): NumberLocale => getLang();

export const formatScaled = (value: number, decimals: number, opts: { trimZeros?: boolean } = {}) =>
  core.formatScaled(value, decimals, { ...opts, locale: locale() });

export const formatInteger = (n: number) => core.formatInteger(n, locale());

export const formatPercent = (scaled: number, decimals: number) =>
  core.formatPercent(scaled, decimals, locale());

export const formatRatioPercent = (numerator: number, denominator: number, decimals = 1) =>
  core.formatRatioPercent(numerator, denominator, decimals, locale());

export const formatMoney = (dong: number, opts: { short?: boolean } = {}) =>
  core.formatMoney(dong, { ...opts, locale: locale() });

export const formatMoneyIn = (
  dong: number,
  scale: MoneyScale,
  opts: { decimals?: number; trimZeros?: boolean } = {},
) => core.formatMoneyIn(dong, scale, { ...opts, locale: locale() });

/** 'tỷ đồng' / 'billion VND', for an axis or a column written in one money scale. */
export const moneyScaleUnit = (scale: MoneyScale) => core.moneyScaleUnit(scale, locale());
