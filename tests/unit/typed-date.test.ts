import { longDate, longDateOfIso } from '../../src/domain/dates';
import { readDate } from '../../src/domain/typed-date';

describe('a date for messages', () => {
  it('is written as a person reads it, never as yyyy-mm-dd', () => {
    expect(longDate(new Date(2026, 8, 7))).toBe('7 September 2026');
    expect(longDate(new Date(2027, 0, 1))).toBe('1 January 2027');
    expect(longDateOfIso('2026-09-07')).toBe('7 September 2026');
    // Text that is not a date is left as it is rather than turned into "Invalid Date".
    expect(longDateOfIso('soon')).toBe('soon');
  });
});

describe('reading a typed date', () => {
  it('reads the date input’s yyyy-mm-dd and day/month/year as staff type it', () => {
    for (const text of ['2026-09-07', '7/9/2026', '07/09/2026', '7.9.2026', '7 September 2026']) {
      expect(readDate(text)).toEqual({ kind: 'date', iso: '2026-09-07' });
    }
    expect(readDate('29/02/2028')).toEqual({ kind: 'date', iso: '2028-02-29' });
  });

  it('says, in words, that a day the month does not have is not a date', () => {
    expect(readDate('31/02/2026')).toEqual({
      kind: 'no such day',
      words: '31 February 2026',
      reason: 'February 2026 has 28 days',
    });
    expect(readDate('2026-02-31')).toMatchObject({ words: '31 February 2026' });
    expect(readDate('29/02/2027')).toMatchObject({ reason: 'February 2027 has 28 days' });
    expect(readDate('31 April 2027')).toMatchObject({ reason: 'April 2027 has 30 days' });
    expect(readDate('00/03/2026')).toMatchObject({ kind: 'no such day' });
  });

  it('spots a month written first, and a month that does not exist', () => {
    expect(readDate('9/14/2016')).toEqual({
      kind: 'no such day',
      reason: 'there is no month 14: write the day first, then the month',
    });
    expect(readDate('2026-13-01')).toEqual({ kind: 'no such day', reason: 'there is no month 13' });
  });

  it('does not guess at text that is not written as a date', () => {
    for (const text of ['', 'soon', 'next week', '14/03/16', 'March 2016', '31 Smarch 2026']) {
      expect(readDate(text)).toEqual({ kind: 'unreadable' });
    }
  });
});
