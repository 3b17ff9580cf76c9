import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  checkUkDate,
  isoToLocalDate,
  localDateToIso,
  parseUkDate,
  toUkNumeric,
  toUkShort,
} from '../../tab/src/ui/uk-date';
import { formatDate, formatTime } from '../../tab/src/ui/format';

describe('reading a typed date, day first', () => {
  it.each([
    ['05/03/2026', '2026-03-05'],
    ['5/3/2026', '2026-03-05'],
    [' 5 / 3 / 2026 ', '2026-03-05'],
    ['5-3-2026', '2026-03-05'],
    ['5.3.2026', '2026-03-05'],
    ['03/05/2026', '2026-05-03'],
    ['5 March 2026', '2026-03-05'],
    ['5 march 2026', '2026-03-05'],
    ['5th March 2026', '2026-03-05'],
    ['1st Sept 2025', '2025-09-01'],
    ['5 Mar 2026', '2026-03-05'],
    ['5 Mar. 2026', '2026-03-05'],
    ['2026-03-05', '2026-03-05'],
    ['29/02/2024', '2024-02-29'],
    ['05032026', '2026-03-05'],
  ])('%s is %s', (typed, iso) => {
    expect(parseUkDate(typed)).toBe(iso);
  });

  it.each([
    ['31/02/2026', 'no 31 February'],
    ['29/02/2026', 'not a leap year'],
    ['13/13/2026', 'no 13th month'],
    ['5/3/26', 'a two-digit year is not guessed at'],
    ['March 5, 2026', 'month first is not read'],
    ['5 Ma 2026', 'two letters name no month'],
    ['5 Smarch 2026', 'not a month'],
    ['2026-3-5', 'ISO needs two digits'],
    ['20260305', 'eight digits are day, month, year'],
    ['today', 'words'],
    ['', 'nothing'],
  ])('%s is not a date (%s)', (typed) => {
    expect(parseUkDate(typed)).toBeNull();
  });

  it('reads back every date it shows', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }),
        (d) => {
          const iso = d.toISOString().slice(0, 10);
          expect(parseUkDate(toUkNumeric(iso))).toBe(iso);
          expect(parseUkDate(toUkShort(iso))).toBe(iso);
        },
      ),
    );
  });
});

describe('checking a typed date for a field', () => {
  it('gives the ISO date inside the limits, both ends included', () => {
    expect(checkUkDate('1/9/2025', { min: '2025-09-01', max: '2026-08-31' })).toEqual({
      ok: true,
      value: '2025-09-01',
    });
    expect(checkUkDate('31 August 2026', { min: '2025-09-01', max: '2026-08-31' })).toEqual({
      ok: true,
      value: '2026-08-31',
    });
  });

  it('names each problem with a code and says what to type', () => {
    expect(checkUkDate('31/02/2026')).toMatchObject({ ok: false, code: 'DATE_INVALID' });
    expect(checkUkDate('next week')).toMatchObject({
      code: 'DATE_INVALID',
      message: expect.stringContaining('for example 05/03/2026'),
    });
    expect(checkUkDate('31/08/2025', { min: '2025-09-01' })).toEqual({
      ok: false,
      code: 'DATE_TOO_EARLY',
      message: 'Enter 01/09/2025 or later.',
    });
    expect(checkUkDate('1/9/2026', { max: '2026-08-31' })).toEqual({
      ok: false,
      code: 'DATE_TOO_LATE',
      message: 'Enter 31/08/2026 or earlier.',
    });
  });

  it('treats an empty box as no date', () => {
    expect(checkUkDate('  ', { min: '2025-09-01' })).toEqual({ ok: true, value: undefined });
  });
});

describe('showing dates the British way, whatever the browser’s language', () => {
  it('writes day/month/year for the field and "5 Mar 2026" for reading', () => {
    expect(toUkNumeric('2026-03-05')).toBe('05/03/2026');
    expect(toUkNumeric('2026-02-30')).toBe('');
    expect(toUkNumeric(undefined)).toBe('');
    expect(formatDate('2026-03-05')).toBe('5 Mar 2026');
    expect(formatDate('2026-12-25')).toBe('25 Dec 2026');
    expect(formatDate(undefined)).toBe('—');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('uses the 24-hour clock', () => {
    expect(formatTime(new Date(2026, 2, 5, 9, 7))).toBe('09:07');
    expect(formatTime(new Date(2026, 2, 5, 21, 42))).toBe('21:42');
  });

  it('converts to and from the calendar’s local dates without shifting a day', () => {
    const d = isoToLocalDate('2026-03-29')!; // the day the clocks go forward in the UK
    expect([d.getFullYear(), d.getMonth(), d.getDate()]).toEqual([2026, 2, 29]);
    expect(localDateToIso(d)).toBe('2026-03-29');
    expect(isoToLocalDate('2026-02-30')).toBeNull();
  });
});
