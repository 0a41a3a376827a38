// Vietnamese number formatting and parsing.
//
// Every stored number is an integer: counts as they are, money in whole đồng, and decimal
// indicators scaled by 10^decimals (87,5 with decimals = 1 is stored as 875). Parsing therefore
// works on the digit string and never multiplies floats: 2.01 * 1e9 is 2009999999.9999998.
// Vietnamese writes '.' between thousands and ',' before the decimals: 1.234,5.
//
// The formatters take a locale, 'vi' by default: exports, reports and API messages stay Vietnamese;
// the web passes 'en' in English mode, which swaps the separators (1,234.5) and writes money in VND
// ('11.54 billion VND'). Parsing is Vietnamese only: staff type figures the Vietnamese way in both
// languages (docs/decisions/0027-english-numbers-and-status-cues.md).

/** The language numbers are written in. */
export type NumberLocale = 'vi' | 'en';

const SEPARATORS: Record<NumberLocale, { group: string; decimal: string }> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

export type ParseError = {
  ok: false;
  code: 'empty' | 'not_a_number' | 'ambiguous_thousands' | 'too_many_decimals' | 'too_large';
  message: string;
};
export type ParseResult = { ok: true; value: number } | ParseError;

/** Largest `decimals` accepted; beyond this 10^decimals alone leaves little room for safe integers. */
export const MAX_DECIMALS = 15;

const MESSAGES = {
  empty: 'Chưa nhập số.',
  // The example fits the field: no decimals in a count, a đơn vị in money (see parseMoney).
  notANumber: (decimals: number) =>
    decimals === 0
      ? 'Không phải là số hợp lệ. Ví dụ: 3.000.'
      : 'Không phải là số hợp lệ. Ví dụ: 3.000 hoặc 87,5.',
  notMoney: 'Không phải là số tiền hợp lệ. Ví dụ: 850.000 hoặc 11,54 tỷ.',
  manyCommas: 'Chỉ được có một dấu phẩy (dấu phẩy ngăn cách phần thập phân).',
  misplacedSeparator:
    'Dấu phân cách hàng nghìn đặt sai chỗ: sau mỗi dấu chấm phải có đúng 3 chữ số (ví dụ 1.234.567).',
  integerOnly: 'Chỉ được nhập số nguyên, không có phần thập phân.',
  tooLarge: 'Số quá lớn.',
};

function fail(code: ParseError['code'], message: string): ParseError {
  return { ok: false, code, message };
}

function assertDecimals(decimals: number): void {
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > MAX_DECIMALS) {
    throw new RangeError(`decimals must be an integer from 0 to ${MAX_DECIMALS}, got ${decimals}`);
  }
}

function assertSafeInteger(n: number, name: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${name} must be a safe integer, got ${n}`);
}

/** Integer division rounded half away from zero (so -0,5 rounds to -1, symmetric with 0,5 -> 1). */
function divRound(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const q = (2n * n + d) / (2n * d);
  return negative ? -q : q;
}

/** numerator / denominator rounded half away from zero, exact for all safe integers. */
export function roundedDivide(numerator: number, denominator: number): number {
  assertSafeInteger(numerator, 'numerator');
  assertSafeInteger(denominator, 'denominator');
  if (denominator === 0) throw new RangeError('denominator must not be 0');
  return Number(divRound(BigInt(numerator), BigInt(denominator)));
}

function groupThousands(digits: string, separator: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
}

/**
 * Parse Vietnamese-typed number text into an integer scaled by 10^decimals.
 * Result must be a safe integer else 'too_large'.
 *
 * In a field with decimals > 0, a lone dot that cannot be a thousands separator ('87.5') is read
 * as a decimal point, but a dot followed by exactly three digits ('1.234') could be either and is
 * refused as 'ambiguous_thousands'.
 */
export function parseScaled(text: string, decimals: number): ParseResult {
  assertDecimals(decimals);
  // Pasted text often carries non-breaking or narrow spaces as thousands separators.
  const s = text.replace(/\s/g, ' ').trim();
  if (s === '') return fail('empty', MESSAGES.empty);

  const negative = s.startsWith('-') || s.startsWith('\u2212');
  const body = negative ? s.slice(1) : s;
  if (!/^[\d., ]+$/.test(body) || !/\d/.test(body))
    return fail('not_a_number', MESSAGES.notANumber(decimals));

  const commaParts = body.split(',');
  if (commaParts.length > 2) return fail('not_a_number', MESSAGES.manyCommas);
  let intPart = commaParts[0] ?? '';
  let fraction = commaParts[1] ?? '';
  if (commaParts.length === 2 && !/^\d+$/.test(fraction)) {
    return fail('not_a_number', MESSAGES.notANumber(decimals));
  }

  const lonelyDot = /^(\d+)\.(\d+)$/.exec(intPart);
  if (commaParts.length === 1 && decimals > 0 && lonelyDot) {
    const [, before = '', after = ''] = lonelyDot;
    if (after.length === 3) {
      return fail(
        'ambiguous_thousands',
        `Không rõ dấu chấm trong "${body}" là dấu phân cách hàng nghìn hay dấu thập phân. ` +
          `Nếu là số nguyên, hãy nhập ${before}${after}; nếu có phần thập phân, hãy dùng dấu phẩy (ví dụ 1,5).`,
      );
    }
    intPart = before;
    fraction = after;
  }

  let intDigits: string;
  if (/^\d+$/.test(intPart)) intDigits = intPart;
  else if (/^\d{1,3}(\.\d{3})+$/.test(intPart)) intDigits = intPart.replaceAll('.', '');
  else if (/^\d{1,3}( \d{3})+$/.test(intPart)) intDigits = intPart.replaceAll(' ', '');
  else if (intPart === '') return fail('not_a_number', MESSAGES.notANumber(decimals));
  else return fail('not_a_number', MESSAGES.misplacedSeparator);

  if (fraction.length > decimals) {
    return fail(
      'too_many_decimals',
      decimals === 0 ? MESSAGES.integerOnly : `Chỉ được nhập tối đa ${decimals} chữ số sau dấu phẩy.`,
    );
  }

  const magnitude = BigInt(intDigits + fraction.padEnd(decimals, '0'));
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) return fail('too_large', MESSAGES.tooLarge);
  const value = Number(magnitude);
  // `-0` would print as '0' but fail Object.is checks downstream; keep zero unsigned.
  return { ok: true, value: negative && value !== 0 ? -value : value };
}

/**
 * Format a scaled integer: formatScaled(875, 1) === '87,5'; formatScaled(3000, 0) === '3.000';
 * formatScaled(-12345678, 2) === '-123.456,78'. Always shows exactly `decimals` fraction digits
 * unless opts.trimZeros (then '87,50' -> '87,5', '100,0' -> '100'). With opts.locale 'en' the
 * separators swap: formatScaled(-12345678, 2, { locale: 'en' }) === '-123,456.78'.
 *
 * Use the untrimmed form in editable cells: a trimmed '1.234' in a decimal field reads back as
 * ambiguous in parseScaled.
 */
export function formatScaled(
  value: number,
  decimals: number,
  opts: { trimZeros?: boolean; locale?: NumberLocale } = {},
): string {
  assertSafeInteger(value, 'value');
  assertDecimals(decimals);
  const digits = String(Math.abs(value)).padStart(decimals + 1, '0');
  const intDigits = digits.slice(0, digits.length - decimals);
  let fraction = digits.slice(digits.length - decimals);
  if (opts.trimZeros) fraction = fraction.replace(/0+$/, '');
  const sign = value < 0 ? '-' : '';
  const { group, decimal } = SEPARATORS[opts.locale ?? 'vi'];
  return `${sign}${groupThousands(intDigits, group)}${fraction ? `${decimal}${fraction}` : ''}`;
}

/** formatInteger(3000) === '3.000' (same as formatScaled(n, 0)); in English '3,000'. */
export function formatInteger(n: number, locale: NumberLocale = 'vi'): string {
  return formatScaled(n, 0, { locale });
}

/** Percent from a scaled value: formatPercent(875, 1) === '87,5%'; in English '87.5%'. */
export function formatPercent(scaled: number, decimals: number, locale: NumberLocale = 'vi'): string {
  return `${formatScaled(scaled, decimals, { locale })}%`;
}

/**
 * Exact percentage scaled by 10^decimals: ratioToScaledPercent(7, 8, 1) === 875 (87,5%).
 * Rounds half away from zero. Throws RangeError when the denominator is 0.
 */
export function ratioToScaledPercent(numerator: number, denominator: number, decimals: number): number {
  assertSafeInteger(numerator, 'numerator');
  assertSafeInteger(denominator, 'denominator');
  assertDecimals(decimals);
  if (denominator === 0) throw new RangeError('denominator must not be 0');
  const scaled = divRound(BigInt(numerator) * 100n * 10n ** BigInt(decimals), BigInt(denominator));
  const result = Number(scaled);
  if (!Number.isSafeInteger(result)) throw new RangeError('percentage is too large');
  return result;
}

/** Ratio as a percent: formatRatioPercent(746, 700, 1) === '106,6%'; denominator 0 -> '—'. */
export function formatRatioPercent(
  numerator: number,
  denominator: number,
  decimals = 1,
  locale: NumberLocale = 'vi',
): string {
  if (denominator === 0) return '—';
  return formatPercent(ratioToScaledPercent(numerator, denominator, decimals), decimals, locale);
}

const DONG_PER_TY = 1_000_000_000;
const DONG_PER_TRIEU = 1_000_000;

/** The words of money: tỷ, triệu and đồng in Vietnamese; billion, million and VND in English. */
const MONEY_WORDS: Record<NumberLocale, { ty: string; trieu: string; currency: string }> = {
  vi: { ty: 'tỷ', trieu: 'triệu', currency: 'đồng' },
  en: { ty: 'billion', trieu: 'million', currency: 'VND' },
};

/**
 * Money in whole đồng for people: '11,54 tỷ đồng', '850 triệu đồng', '1,5 triệu đồng',
 * '850.000 đồng'; in English '11.54 billion VND', '850,000 VND'. Tỷ and triệu keep up to 2
 * decimals, rounded half up, trailing zeros trimmed. opts.short omits the currency (' đồng').
 */
export function formatMoney(dong: number, opts: { short?: boolean; locale?: NumberLocale } = {}): string {
  assertSafeInteger(dong, 'dong');
  const locale = opts.locale ?? 'vi';
  const words = MONEY_WORDS[locale];
  const abs = BigInt(Math.abs(dong));
  const trim = { trimZeros: true, locale };
  // Hundredths of a triệu; 999.995.000 rounds to 1.000 triệu, which reads better as 1 tỷ.
  const centiTrieu = Number(divRound(abs, BigInt(DONG_PER_TRIEU / 100)));
  let amount: string;
  if (abs >= BigInt(DONG_PER_TY) || centiTrieu >= 1000 * 100) {
    amount = `${formatScaled(Number(divRound(abs, BigInt(DONG_PER_TY / 100))), 2, trim)} ${words.ty}`;
  } else if (abs >= BigInt(DONG_PER_TRIEU)) {
    amount = `${formatScaled(centiTrieu, 2, trim)} ${words.trieu}`;
  } else {
    amount = formatInteger(Number(abs), locale);
  }
  return `${dong < 0 ? '-' : ''}${amount}${opts.short ? '' : ` ${words.currency}`}`;
}

/** Powers of ten for the unit words staff type, with and without diacritics. */
const MONEY_UNITS: Record<string, number> = {
  tỷ: 9,
  tỉ: 9,
  ty: 9,
  ti: 9,
  triệu: 6,
  trieu: 6,
  tr: 6,
  nghìn: 3,
  nghin: 3,
  ngàn: 3,
  ngan: 3,
  k: 3,
};
const MONEY_RE = /^(.*?)\s*(tỷ|tỉ|ty|ti|triệu|trieu|tr|nghìn|nghin|ngàn|ngan|k)?\s*(đồng|dong|vnđ|vnd|đ)?$/u;

/**
 * Parse money typed by staff into whole đồng: '11.540.000.000', '11540000000', '11,54 tỷ',
 * '850 triệu', '11,54 tỷ đồng', '1,5tr', '500k'. Fractions of a đồng are 'too_many_decimals'.
 */
export function parseMoney(text: string): ParseResult {
  // NFC so that 'tỷ' typed with combining marks matches; lower case for 'Tỷ', 'Đồng'.
  const s = text.normalize('NFC').toLowerCase().replace(/\s/g, ' ').trim();
  if (s === '') return fail('empty', 'Chưa nhập số tiền.');
  const match = MONEY_RE.exec(s);
  const numberText = match?.[1] ?? '';
  if (numberText === '') {
    return fail('not_a_number', MESSAGES.notMoney);
  }
  const unit = match?.[2];
  const exponent = unit === undefined ? 0 : (MONEY_UNITS[unit] ?? 0);

  const result = parseScaled(numberText, exponent);
  if (!result.ok && result.message === MESSAGES.notANumber(exponent))
    return fail('not_a_number', MESSAGES.notMoney);
  if (result.ok || result.code !== 'too_many_decimals') return result;
  return fail(
    'too_many_decimals',
    unit === undefined
      ? 'Số tiền phải là số đồng nguyên. Nếu tính theo triệu hoặc tỷ, hãy ghi rõ đơn vị (ví dụ 1,5 triệu).'
      : `Số tiền lẻ dưới 1 đồng: với đơn vị "${unit}" chỉ được nhập tối đa ${exponent} chữ số sau dấu phẩy.`,
  );
}

/** The unit a set of money figures is written in together: tỷ from 1 tỷ up, triệu from 1 triệu, else đồng. */
export type MoneyScale = 'ty' | 'trieu' | 'dong';

export const MONEY_SCALE_UNITS: Record<MoneyScale, string> = {
  ty: 'tỷ đồng',
  trieu: 'triệu đồng',
  dong: 'đồng',
};

/** The unit of a money scale in a language: moneyScaleUnit('ty') === 'tỷ đồng'; in English 'billion VND'. */
export function moneyScaleUnit(scale: MoneyScale, locale: NumberLocale = 'vi'): string {
  if (locale === 'vi') return MONEY_SCALE_UNITS[scale];
  const words = MONEY_WORDS[locale];
  return scale === 'dong' ? words.currency : `${words[scale]} ${words.currency}`;
}

const DONG_PER: Record<MoneyScale, number> = { ty: DONG_PER_TY, trieu: DONG_PER_TRIEU, dong: 1 };

/** The scale that reads best for the largest amount of a set (a table row, a chart's axis). */
export function moneyScale(amounts: readonly number[]): MoneyScale {
  const max = Math.max(0, ...amounts.map((x) => Math.abs(x)));
  if (max >= DONG_PER_TY) return 'ty';
  return max >= DONG_PER_TRIEU ? 'trieu' : 'dong';
}

/**
 * Money as a number of the scale's unit, rounded half away from zero to `decimals` places (2 by
 * default for tỷ and triệu, as formatMoney), without the unit: (1.460.000.000, 'ty') → '1,46'. With
 * `trimZeros` trailing zeros go ('20'); without, every figure of a column has the same decimals ('1,60').
 */
export function formatMoneyIn(
  dong: number,
  scale: MoneyScale,
  opts: { decimals?: number; trimZeros?: boolean; locale?: NumberLocale } = {},
): string {
  assertSafeInteger(dong, 'dong');
  const decimals = scale === 'dong' ? 0 : (opts.decimals ?? 2);
  if (!Number.isInteger(decimals) || decimals < 0 || 10 ** decimals > DONG_PER[scale]) {
    throw new RangeError(
      `decimals must be an integer from 0 to ${Math.log10(DONG_PER[scale])}, got ${decimals}`,
    );
  }
  const divisor = BigInt(DONG_PER[scale] / 10 ** decimals);
  const scaled = divisor === 1n ? dong : Number(divRound(BigInt(dong), divisor));
  return formatScaled(scaled, decimals, { trimZeros: opts.trimZeros === true, locale: opts.locale ?? 'vi' });
}

/** Exact money to the đồng: '21.350.000.000 đồng'. */
export function formatDong(dong: number, locale: NumberLocale = 'vi'): string {
  return `${formatInteger(dong, locale)} ${MONEY_WORDS[locale].currency}`;
}

/**
 * The scale that writes every amount of a column exactly with whole numbers: triệu when all are whole
 * millions, else đồng. Printed figures then add up to the printed total.
 */
export function exactMoneyScale(amounts: readonly number[]): 'trieu' | 'dong' {
  return amounts.every((x) => x % DONG_PER_TRIEU === 0) ? 'trieu' : 'dong';
}

/** An exact amount in an exact scale: (21.350.000.000, 'trieu') → '21.350'. */
export function formatExactMoney(dong: number, scale: 'trieu' | 'dong', locale: NumberLocale = 'vi'): string {
  assertSafeInteger(dong, 'dong');
  if (scale === 'trieu' && dong % DONG_PER_TRIEU !== 0) {
    throw new RangeError(`${dong} is not a whole number of millions`);
  }
  return formatInteger(scale === 'trieu' ? dong / DONG_PER_TRIEU : dong, locale);
}
