import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareDates,
  daysBetween,
  daysInMonth,
  formatDate,
  formatInstant,
  formatLongDate,
  formatPlaceDate,
  formatShortDate,
  isIsoDate,
  parseDate,
  todayInVietnam,
} from './dates.ts';

const isoDate = fc
  .date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2199-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const invalidIso = [
  '2024-02-30',
  '2023-02-29',
  '1900-02-29',
  '2024-04-31',
  '2024-13-01',
  '2024-00-10',
  '2024-01-00',
  '2024-01-32',
  '2024-2-29',
  '2024-02-9',
  '24-02-09',
  '0000-01-01',
  '2024/03/05',
  '05/03/2024',
  ' 2024-03-05',
  '2024-03-05T00:00:00Z',
  '',
];

describe('isIsoDate', () => {
  it.each(['2024-02-29', '2000-02-29', '2023-02-28', '2024-12-31', '2024-01-01', '0001-01-01', '9999-12-31'])(
    '%j is a date',
    (s) => {
      expect(isIsoDate(s)).toBe(true);
    },
  );

  it.each(invalidIso)('%j is not a date', (s) => {
    expect(isIsoDate(s)).toBe(false);
  });

  it('agrees with the JavaScript calendar', () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        expect(isIsoDate(iso)).toBe(true);
      }),
    );
  });
});

describe('daysInMonth', () => {
  it.each([
    [2024, 2, 29],
    [2023, 2, 28],
    [1900, 2, 28],
    [2000, 2, 29],
    [2024, 1, 31],
    [2024, 4, 30],
    [2024, 6, 30],
    [2024, 7, 31],
    [2024, 9, 30],
    [2024, 11, 30],
    [2024, 12, 31],
  ])('%i-%i has %i days', (year, month, days) => {
    expect(daysInMonth(year, month)).toBe(days);
  });
});

describe('formatDate, formatShortDate and formatLongDate', () => {
  it.each([
    ['2024-03-05', '05/03/2024'],
    ['2024-12-31', '31/12/2024'],
    ['2025-01-01', '01/01/2025'],
    ['0999-10-10', '10/10/0999'],
  ])('formatDate(%j) === %j', (iso, expected) => {
    expect(formatDate(iso)).toBe(expected);
  });

  it.each([
    ['2024-07-10', '10/7/2024'],
    ['2024-12-31', '31/12/2024'],
    ['2025-01-01', '1/1/2025'],
  ])('formatShortDate(%j) === %j', (iso, expected) => {
    expect(formatShortDate(iso)).toBe(expected);
  });

  it.each([
    ['2024-03-05', 'ngày 05 tháng 3 năm 2024'],
    ['2024-07-10', 'ngày 10 tháng 7 năm 2024'],
    ['2025-01-05', 'ngày 05 tháng 01 năm 2025'],
    ['2024-02-29', 'ngày 29 tháng 02 năm 2024'],
    ['2024-10-01', 'ngày 01 tháng 10 năm 2024'],
    ['2024-11-15', 'ngày 15 tháng 11 năm 2024'],
    ['2024-12-25', 'ngày 25 tháng 12 năm 2024'],
    ['2024-09-09', 'ngày 09 tháng 9 năm 2024'],
  ])('formatLongDate(%j) === %j', (iso, expected) => {
    expect(formatLongDate(iso)).toBe(expected);
  });

  it.each([
    ['Phan Thiết', '2024-07-10', 'Phan Thiết, ngày 10 tháng 7 năm 2024'],
    ['  Bình Thuận ', '2025-02-03', 'Bình Thuận, ngày 03 tháng 02 năm 2025'],
    ['', '2024-03-05', 'ngày 05 tháng 3 năm 2024'],
  ])('formatPlaceDate(%j, %j) === %j', (place, iso, expected) => {
    expect(formatPlaceDate(place, iso)).toBe(expected);
  });

  it.each(invalidIso)('formatters throw on %j', (s) => {
    expect(() => formatDate(s)).toThrow(RangeError);
    expect(() => formatLongDate(s)).toThrow(RangeError);
    expect(() => formatShortDate(s)).toThrow(RangeError);
    expect(() => formatPlaceDate('Phan Thiết', s)).toThrow(RangeError);
  });
});

describe('parseDate', () => {
  it.each([
    ['05/03/2024', '2024-03-05'],
    ['5/3/2024', '2024-03-05'],
    ['05-03-2024', '2024-03-05'],
    ['5-3-2024', '2024-03-05'],
    ['05.03.2024', '2024-03-05'],
    ['2024-03-05', '2024-03-05'],
    ['2024-3-5', '2024-03-05'],
    ['  29/02/2024 ', '2024-02-29'],
    ['31/12/2024', '2024-12-31'],
    ['01/01/0999', '0999-01-01'],
  ])('%j -> %j', (text, expected) => {
    expect(parseDate(text)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['31/02/2024', 'invalid_date'],
    ['29/02/2023', 'invalid_date'],
    ['31/04/2024', 'invalid_date'],
    ['00/03/2024', 'invalid_date'],
    ['05/13/2024', 'invalid_date'],
    ['05/00/2024', 'invalid_date'],
    ['2024-02-30', 'invalid_date'],
    ['05/03/24', 'invalid_date'],
    ['05/03-2024', 'invalid_date'],
    ['05/03/2024 10:00', 'invalid_date'],
    ['5 tháng 3 2024', 'invalid_date'],
    ['hôm nay', 'invalid_date'],
    ['01/01/0000', 'invalid_date'],
    ['2024/03/05', 'invalid_date'],
    ['123/03/2024', 'invalid_date'],
  ])('%j -> %s', (text, code) => {
    const result = parseDate(text);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok || result.message.length > 0).toBe(true);
  });

  it.each([
    ['31/02/2024', /tháng 2 năm 2024 chỉ có 29 ngày/],
    ['05/13/2024', /tháng phải từ 1 đến 12/],
    ['05/03/24', /ngày\/tháng\/năm/],
    ['', /Chưa nhập ngày/],
  ])('message for %j is Vietnamese and specific', (text, pattern) => {
    const result = parseDate(text);
    expect(result.ok ? '' : result.message).toMatch(pattern);
  });

  it('reads back what formatDate prints', () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        expect(parseDate(formatDate(iso))).toEqual({ ok: true, value: iso });
        expect(parseDate(iso)).toEqual({ ok: true, value: iso });
      }),
    );
  });
});

describe('todayInVietnam', () => {
  it.each([
    ['2024-06-30T17:30:00Z', '2024-07-01'],
    ['2024-06-30T16:59:59.999Z', '2024-06-30'],
    ['2024-06-30T17:00:00Z', '2024-07-01'],
    ['2024-12-31T17:00:00Z', '2025-01-01'],
    ['2024-02-28T17:00:00Z', '2024-02-29'],
    ['2024-03-05T00:00:00+07:00', '2024-03-05'],
    ['2024-03-05T23:59:59+07:00', '2024-03-05'],
  ])('at %s it is %s in Vietnam', (instant, expected) => {
    expect(todayInVietnam(new Date(instant))).toBe(expected);
  });

  it('matches the Asia/Ho_Chi_Minh time zone database', () => {
    const vietnam = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' });
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('1976-01-01T00:00:00Z'),
          max: new Date('2100-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
        (now) => {
          expect(todayInVietnam(now)).toBe(vietnam.format(now));
        },
      ),
    );
  });

  it('defaults to the current time', () => {
    const before = todayInVietnam(new Date());
    const today = todayInVietnam();
    const after = todayInVietnam(new Date());
    expect([before, after]).toContain(today);
  });

  it('throws on an invalid Date', () => {
    expect(() => todayInVietnam(new Date('nope'))).toThrow(RangeError);
  });
});

describe('daysBetween, addDays, compareDates', () => {
  it.each([
    ['2024-03-05', '2024-03-05', 0],
    ['2024-03-05', '2024-03-06', 1],
    ['2024-03-06', '2024-03-05', -1],
    ['2024-02-28', '2024-03-01', 2],
    ['2023-02-28', '2023-03-01', 1],
    ['2024-01-01', '2025-01-01', 366],
    ['2025-01-01', '2026-01-01', 365],
    ['2024-03-30', '2024-03-31', 1], // European DST change day: no 23-hour day here
    ['2024-10-26', '2024-10-28', 2],
    ['1970-01-01', '2000-01-01', 10957],
    ['0001-01-01', '9999-12-31', 3652058],
  ])('daysBetween(%j, %j) === %i', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-03-05', 0, '2024-03-05'],
    ['2024-01-31', 30, '2024-03-01'],
    ['2024-03-05', 365, '2025-03-05'],
    ['0001-01-02', -1, '0001-01-01'],
    ['0050-06-15', 1, '0050-06-16'],
  ])('addDays(%j, %i) === %j', (iso, days, expected) => {
    expect(addDays(iso, days)).toBe(expected);
  });

  it('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        expect(addDays(a, daysBetween(a, b))).toBe(b);
        expect(daysBetween(b, a) + daysBetween(a, b)).toBe(0);
      }),
    );
  });

  it('addDays steps one calendar day at a time', () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        const next = addDays(iso, 1);
        const expected = new Date(`${iso}T00:00:00Z`);
        expected.setUTCDate(expected.getUTCDate() + 1);
        expect(next).toBe(expected.toISOString().slice(0, 10));
      }),
    );
  });

  it.each<[string, number]>([
    ['2024-03-05', 0.5],
    ['2024-03-05', Number.NaN],
    ['0001-01-01', -1],
    ['9999-12-31', 1],
  ])('addDays(%j, %d) throws', (iso, days) => {
    expect(() => addDays(iso, days)).toThrow(RangeError);
  });

  it.each(invalidIso)('daysBetween, addDays and compareDates throw on %j', (s) => {
    expect(() => daysBetween(s, '2024-01-01')).toThrow(RangeError);
    expect(() => daysBetween('2024-01-01', s)).toThrow(RangeError);
    expect(() => addDays(s, 1)).toThrow(RangeError);
    expect(() => compareDates(s, '2024-01-01')).toThrow(RangeError);
    expect(() => compareDates('2024-01-01', s)).toThrow(RangeError);
  });

  it.each([
    ['2024-03-05', '2024-03-06', -1],
    ['2024-03-06', '2024-03-05', 1],
    ['2024-03-05', '2024-03-05', 0],
    ['2023-12-31', '2024-01-01', -1],
    ['0999-12-31', '1000-01-01', -1],
  ])('compareDates(%j, %j) has the sign of %i', (a, b, sign) => {
    expect(Math.sign(compareDates(a, b))).toBe(sign);
  });

  it('sorts chronologically, in agreement with daysBetween', () => {
    fc.assert(
      fc.property(fc.array(isoDate), (dates) => {
        const sorted = [...dates].sort(compareDates);
        for (let i = 1; i < sorted.length; i++) {
          expect(daysBetween(sorted[i - 1] ?? '', sorted[i] ?? '')).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });
});

describe('formatInstant', () => {
  it('reads an instant in Vietnam time, day first', () => {
    expect(formatInstant('2026-11-29T07:05:00Z')).toBe('14:05 29/11/2026');
    // 17:30 UTC is already the next day (and month, and year) in Vietnam.
    expect(formatInstant('2025-12-31T17:30:00.000Z')).toBe('00:30 01/01/2026');
    expect(formatInstant('not a date')).toBe('not a date');
  });

  it('agrees with the time-zone database through a whole year', () => {
    const zone = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Asia/Ho_Chi_Minh',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    for (let ms = Date.UTC(2024, 0, 1); ms < Date.UTC(2025, 0, 1); ms += 7 * 3600_000 + 13 * 60_000) {
      const parts = Object.fromEntries(zone.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
      const expected = `${parts.hour}:${parts.minute} ${parts.day}/${parts.month}/${parts.year}`;
      expect(formatInstant(new Date(ms).toISOString())).toBe(expected);
    }
  });
});
