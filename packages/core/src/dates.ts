// Calendar dates are 'YYYY-MM-DD' strings everywhere. They carry no time zone, so the arithmetic
// below runs on UTC midnights where every day has exactly 24 hours.
// Functions taking an ISO date throw RangeError on anything that is not a real calendar date:
// that is a programming error, while text typed by people goes through parseDate.

const MS_PER_DAY = 86_400_000;
// Vietnam has used UTC+7 without daylight saving since 1975.
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;

type Ymd = { year: number; month: number; day: number };

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isValidYmd({ year, month, day }: Ymd): boolean {
  return (
    year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

function splitIso(s: string): Ymd | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return undefined;
  const ymd = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValidYmd(ymd) ? ymd : undefined;
}

function parseIso(iso: string): Ymd {
  const ymd = splitIso(iso);
  if (!ymd) throw new RangeError(`not a YYYY-MM-DD calendar date: ${JSON.stringify(iso)}`);
  return ymd;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function ymdToIso({ year, month, day }: Ymd): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function toDayNumber({ year, month, day }: Ymd): number {
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getTime() / MS_PER_DAY;
}

function fromUtcDate(date: Date): Ymd {
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

/** Real calendar date check: '2024-02-29' true, '2024-02-30' false, '2024-2-29' false. */
export function isIsoDate(s: string): boolean {
  return splitIso(s) !== undefined;
}

/** '2024-03-05' -> '05/03/2024'. */
export function formatDate(iso: string): string {
  const { year, month, day } = parseIso(iso);
  return `${pad2(day)}/${pad2(month)}/${String(year).padStart(4, '0')}`;
}

/**
 * '2024-07-10' -> '10/7/2024': day and month without leading zeros, as a document cites another
 * one's date ('Kèm theo Báo cáo số 45/BC-HPN ngày 10/7/2024').
 */
export function formatShortDate(iso: string): string {
  const { year, month, day } = parseIso(iso);
  return `${day}/${month}/${String(year).padStart(4, '0')}`;
}

/**
 * '2024-03-05' -> 'ngày 05 tháng 3 năm 2024'. Decree 30/2020 pads the day, and pads months 1 and 2
 * ('tháng 01', 'tháng 02') so that they cannot be extended to 11 and 12 by hand.
 */
export function formatLongDate(iso: string): string {
  const { year, month, day } = parseIso(iso);
  const monthText = month <= 2 ? pad2(month) : String(month);
  return `ngày ${pad2(day)} tháng ${monthText} năm ${year}`;
}

/** 'Phan Thiết, ngày 10 tháng 7 năm 2024', the place-and-date line of an official document. */
export function formatPlaceDate(place: string, iso: string): string {
  const longDate = formatLongDate(iso);
  const trimmed = place.trim();
  return trimmed === '' ? longDate : `${trimmed}, ${longDate}`;
}

export type DateParseResult =
  | { ok: true; value: string }
  | { ok: false; code: 'empty' | 'invalid_date'; message: string };

const DATE_FORMAT_MESSAGE = 'Ngày không hợp lệ. Hãy nhập theo dạng ngày/tháng/năm, ví dụ 05/03/2024.';

/** Day-first with one separator used twice, or ISO year-first; month and day not range-checked. */
function readTypedDate(s: string): Ymd | undefined {
  const dayFirst = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/.exec(s);
  if (dayFirst) return { year: Number(dayFirst[4]), month: Number(dayFirst[3]), day: Number(dayFirst[1]) };
  const yearFirst = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (yearFirst) {
    return { year: Number(yearFirst[1]), month: Number(yearFirst[2]), day: Number(yearFirst[3]) };
  }
  return undefined;
}

/**
 * Parse a date typed by people: '05/03/2024', '5/3/2024', '05-03-2024', '05.03.2024' (day first)
 * or '2024-03-05'. Two-digit years are refused rather than guessed.
 */
export function parseDate(text: string): DateParseResult {
  const s = text.trim();
  if (s === '') return { ok: false, code: 'empty', message: 'Chưa nhập ngày.' };

  const ymd = readTypedDate(s);
  if (!ymd) return { ok: false, code: 'invalid_date', message: DATE_FORMAT_MESSAGE };
  const { year, month, day } = ymd;
  if (year < 1) return { ok: false, code: 'invalid_date', message: DATE_FORMAT_MESSAGE };
  if (month < 1 || month > 12) {
    return { ok: false, code: 'invalid_date', message: `Không có tháng ${month}: tháng phải từ 1 đến 12.` };
  }
  const lastDay = daysInMonth(year, month);
  if (day < 1 || day > lastDay) {
    return {
      ok: false,
      code: 'invalid_date',
      message: `Không có ngày ${pad2(day)}/${pad2(month)}/${year}: tháng ${month} năm ${year} chỉ có ${lastDay} ngày.`,
    };
  }
  return { ok: true, value: ymdToIso(ymd) };
}

/** Calendar date in Asia/Ho_Chi_Minh: 2024-06-30T17:30:00Z -> '2024-07-01'. */
export function todayInVietnam(now: Date = new Date()): string {
  const ms = now.getTime();
  if (Number.isNaN(ms)) throw new RangeError('now is an invalid Date');
  return ymdToIso(fromUtcDate(new Date(ms + VIETNAM_OFFSET_MS)));
}

/**
 * An instant (UTC ISO-8601 from the API) as people in Vietnam read it: '14:05 29/11/2026'. Worked out
 * from the fixed offset, not Intl: a formatter with a time zone loads the zone data on first use,
 * which cost a phone a long pause while the app started.
 */
export function formatInstant(iso: string): string {
  const ms = new Date(iso).getTime();
  if (Number.isNaN(ms)) return iso;
  const local = new Date(ms + VIETNAM_OFFSET_MS);
  const time = `${pad2(local.getUTCHours())}:${pad2(local.getUTCMinutes())}`;
  return `${time} ${pad2(local.getUTCDate())}/${pad2(local.getUTCMonth() + 1)}/${local.getUTCFullYear()}`;
}

/** Whole days from `fromIso` to `toIso` (negative when `toIso` is earlier). */
export function daysBetween(fromIso: string, toIso: string): number {
  return toDayNumber(parseIso(toIso)) - toDayNumber(parseIso(fromIso));
}

export function addDays(iso: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  const ymd = fromUtcDate(new Date((toDayNumber(parseIso(iso)) + days) * MS_PER_DAY));
  if (!isValidYmd(ymd)) throw new RangeError(`date out of range: ${iso} + ${days} days`);
  return ymdToIso(ymd);
}

/** The same calendar date `years` later (or earlier, when negative); 29/02 becomes 28/02. */
export function addYears(iso: string, years: number): string {
  if (!Number.isSafeInteger(years)) throw new RangeError(`years must be an integer, got ${years}`);
  const { year, month, day } = parseIso(iso);
  const next = { year: year + years, month, day: Math.min(day, daysInMonth(year + years, month)) };
  if (!isValidYmd(next)) throw new RangeError(`date out of range: ${iso} + ${years} years`);
  return ymdToIso(next);
}

/** A date kept within [from, to] (ISO dates compare as strings). */
export function clampDate(iso: string, from: string, to: string): string {
  if (iso < from) return from;
  return iso > to ? to : iso;
}

/** Comparator for sorting: negative, 0 or positive like a - b. */
export function compareDates(a: string, b: string): number {
  parseIso(a);
  parseIso(b);
  // Zero-padded ISO dates sort chronologically as plain strings.
  return a < b ? -1 : a > b ? 1 : 0;
}
