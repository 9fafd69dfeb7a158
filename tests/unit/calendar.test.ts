import {
  academicYearOf,
  easterSunday,
  englandBankHolidays,
  schoolCalendar,
  typicalSchoolYear,
  type TermDateRow,
} from '../../src/domain/calendar';
import { isoFromDate } from '../../src/domain/dates';

const d = (iso: string) => new Date(`${iso}T00:00:00`);
const iso = (date: Date | undefined) => (date ? isoFromDate(date) : undefined);
const rowsAsText = (rows: TermDateRow[]) =>
  rows.map((r) => `${r.kind}: ${r.name}: ${iso(r.from)}${r.to > r.from ? ` to ${iso(r.to)}` : ''}`);

describe('Easter and bank holidays', () => {
  it.each([
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2038, '2038-04-25'],
  ])('Easter Sunday %i is %s', (year, expected) => {
    expect(iso(easterSunday(year))).toBe(expected);
  });

  it("lists England's bank holidays for 2026/27, with a substitute for Boxing Day", () => {
    expect(rowsAsText(englandBankHolidays(2026))).toEqual([
      'Bank holiday: Christmas Day: 2026-12-25',
      'Bank holiday: Boxing Day (substitute day): 2026-12-28',
      "Bank holiday: New Year's Day: 2027-01-01",
      'Bank holiday: Good Friday: 2027-03-26',
      'Bank holiday: Easter Monday: 2027-03-29',
      'Bank holiday: Early May bank holiday: 2027-05-03',
      'Bank holiday: Spring bank holiday: 2027-05-31',
      'Bank holiday: Summer bank holiday: 2027-08-30',
    ]);
  });

  it('gives Christmas and Boxing Day at a weekend the Monday and Tuesday (2027, 2022)', () => {
    const dates = (year: number) =>
      englandBankHolidays(year)
        .filter((r) => /Christmas|Boxing|New Year/.test(r.name))
        .map((r) => `${r.name} ${iso(r.from)}`);
    // Christmas on a Saturday, New Year's Day on a Saturday.
    expect(dates(2027)).toEqual([
      'Christmas Day (substitute day) 2027-12-27',
      'Boxing Day (substitute day) 2027-12-28',
      "New Year's Day (substitute day) 2028-01-03",
    ]);
    // Christmas on a Sunday: Boxing Day stays on Monday, Christmas moves to Tuesday.
    expect(dates(2022)).toEqual([
      'Boxing Day 2022-12-26',
      'Christmas Day (substitute day) 2022-12-27',
      "New Year's Day (substitute day) 2023-01-02",
    ]);
  });
});

describe('a typical English school year', () => {
  it('gives the 2026/27 dates by rule', () => {
    const rows = typicalSchoolYear(2026).filter((r) => r.kind !== 'Bank holiday');
    expect(rowsAsText(rows)).toEqual([
      'Term: Autumn term: 2026-09-01 to 2026-12-18',
      'INSET day: INSET day: 2026-09-01',
      'INSET day: INSET day: 2026-09-02',
      'Holiday: October half term: 2026-10-26 to 2026-10-30',
      'Holiday: Christmas holiday: 2026-12-21 to 2027-01-03',
      'Term: Spring term: 2027-01-04 to 2027-03-26',
      'INSET day: INSET day: 2027-01-04',
      'Holiday: February half term: 2027-02-15 to 2027-02-19',
      'Holiday: Easter holiday: 2027-03-29 to 2027-04-11',
      'Term: Summer term: 2027-04-12 to 2027-07-21',
      'INSET day: INSET day: 2027-04-12',
      'Holiday: May half term: 2027-05-31 to 2027-06-04',
      'INSET day: INSET day: 2027-07-21',
    ]);
    expect(typicalSchoolYear(2026).filter((r) => r.kind === 'Bank holiday')).toHaveLength(8);
  });

  it('follows the rules in other years (2025/26 and 2027/28)', () => {
    const pick = (year: number, name: string) => {
      const row = typicalSchoolYear(year).find((r) => r.name === name);
      return row && `${iso(row.from)} to ${iso(row.to)}`;
    };
    expect(pick(2025, 'Autumn term')).toBe('2025-09-01 to 2025-12-19');
    expect(pick(2025, 'October half term')).toBe('2025-10-27 to 2025-10-31');
    expect(pick(2025, 'February half term')).toBe('2026-02-16 to 2026-02-20');
    expect(pick(2025, 'Spring term')).toBe('2026-01-05 to 2026-04-03');
    expect(pick(2025, 'Summer term')).toBe('2026-04-20 to 2026-07-21');
    expect(pick(2027, 'October half term')).toBe('2027-10-25 to 2027-10-29');
    expect(pick(2027, 'Christmas holiday')).toBe('2027-12-20 to 2028-01-02');
    expect(pick(2027, 'Summer term')).toBe('2028-05-01 to 2028-07-21');
    // 3 January 2028 is a bank holiday (for New Year's Day): the INSET day is the next weekday.
    const insets = typicalSchoolYear(2027).filter((r) => r.kind === 'INSET day');
    expect(insets.map((r) => iso(r.from))).toContain('2028-01-04');
    expect(insets.map((r) => iso(r.from))).not.toContain('2028-01-03');
  });

  it('takes the academic year containing today (from August, the coming one)', () => {
    expect(academicYearOf(d('2026-11-23'))).toBe(2026);
    expect(academicYearOf(d('2027-07-21'))).toBe(2026);
    expect(academicYearOf(d('2027-08-02'))).toBe(2027);
    expect(academicYearOf(d('2027-01-01'))).toBe(2026);
  });
});

describe('school days', () => {
  const calendar = schoolCalendar(typicalSchoolYear(2026));

  it.each([
    ['2026-09-01', false, 'an INSET day'],
    ['2026-09-03', true, 'the first day with pupils'],
    ['2026-09-05', false, 'a Saturday'],
    ['2026-10-28', false, 'October half term'],
    ['2026-11-02', true, 'back after half term'],
    ['2026-12-23', false, 'the Christmas holiday'],
    ['2027-01-04', false, 'the spring INSET day'],
    ['2027-01-05', true, 'the first day of spring with pupils'],
    ['2027-03-26', false, 'Good Friday, the last day of the spring term'],
    ['2027-05-03', false, 'the Early May bank holiday'],
    ['2027-07-20', true, 'the last day with pupils'],
    ['2027-07-21', false, 'the last INSET day'],
    ['2027-07-26', false, 'the summer holiday'],
    ['2027-08-31', false, 'August'],
    ['2027-09-06', true, 'a weekday in a year the Settings tab does not cover'],
    ['2026-08-24', false, 'August before the first term'],
  ])('%s is a school day: %s (%s)', (day, expected) => {
    expect(calendar.isSchoolDay(d(day))).toBe(expected);
  });

  it('finds the next and previous school days and counts school days', () => {
    expect(iso(calendar.nextSchoolDay(d('2026-10-24')))).toBe('2026-11-02');
    expect(iso(calendar.nextSchoolDay(d('2026-12-19')))).toBe('2027-01-05');
    expect(iso(calendar.previousSchoolDay(d('2027-07-21')))).toBe('2027-07-20');
    expect(iso(calendar.addSchoolDays(d('2026-10-22'), 2))).toBe('2026-11-02');
    expect(iso(calendar.addSchoolDays(d('2026-10-24'), 0))).toBe('2026-11-02');
  });

  it('treats every weekday as a school day when there are no term dates, except listed days', () => {
    const bare = schoolCalendar([
      { kind: 'Bank holiday', name: 'Early May', from: d('2027-05-03'), to: d('2027-05-03') },
    ]);
    expect(bare.isSchoolDay(d('2027-08-10'))).toBe(true);
    expect(bare.isSchoolDay(d('2027-05-03'))).toBe(false);
    expect(iso(bare.nextSchoolDay(d('2027-05-01')))).toBe('2027-05-04');
  });

  it('reads a gap between terms as a holiday, and tolerates From and To the wrong way round', () => {
    const own = schoolCalendar([
      { kind: 'Term', name: 'Autumn 1', from: d('2026-09-02'), to: d('2026-10-23') },
      { kind: 'Term', name: 'Autumn 2', from: d('2026-12-18'), to: d('2026-11-02') },
    ]);
    expect(own.isSchoolDay(d('2026-10-27'))).toBe(false);
    expect(own.isSchoolDay(d('2026-12-01'))).toBe(true);
  });

  it('knows the last school day of a summer term between two dates', () => {
    expect(iso(calendar.summerTermEndBetween(d('2027-06-07'), d('2027-07-26')))).toBe('2027-07-20');
    expect(calendar.summerTermEndBetween(d('2027-06-07'), d('2027-07-19'))).toBeUndefined();
    // A spring term does not count as a summer term.
    expect(calendar.summerTermEndBetween(d('2027-03-01'), d('2027-04-12'))).toBeUndefined();
  });
});
