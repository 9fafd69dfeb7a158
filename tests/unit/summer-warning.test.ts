import { schoolCalendar, typicalSchoolYear } from '../../src/domain/calendar';
import { summerHolidayWarnings } from '../../src/domain/summer-warning';

const d = (iso: string) => new Date(`${iso}T00:00:00`);
// 2025/26: the summer term runs to Tuesday 21 July 2026, an INSET day.
const calendar = schoolCalendar(typicalSchoolYear(2025));
const warn = (start: string, weeks: number) =>
  summerHolidayWarnings({ startDate: d(start), lengthWeeks: weeks }, calendar);

describe('a programme the summer holiday cuts short', () => {
  it('says how many school weeks it will really have, and when it ends', () => {
    // 4 weeks from Monday 13 July 2026: the weeks of 13 and 20 July, then the summer holiday.
    expect(warn('2026-07-13', 4)).toEqual([
      {
        kind: 'programme-length',
        message:
          'This 4-week programme will have only 2 school weeks before the summer holiday: its end ' +
          'review is brought forward to Monday 20 July 2026, the last school day of the summer ' +
          'term. Plan it for 2 school weeks, or start it in the autumn term so that it runs in full.',
      },
    ]);
  });

  it('counts half term and the weeks before it, in school weeks', () => {
    // 12 weeks from Monday 11 May 2026: May half term (25 May) is not a school week, so 10 are
    // left: 11 and 18 May, then 1 June to 20 July.
    expect(warn('2026-05-11', 12)[0]?.message).toMatch(
      /^This 12-week programme will have only 10 /,
    );
    expect(warn('2026-07-20', 3)[0]?.message).toMatch(/only 1 school week before/);
  });

  it('says nothing of a programme that fits in the summer term, or runs right to its end', () => {
    expect(warn('2026-06-01', 6)).toEqual([]);
    // The weeks of 29 June, 6, 13 and 20 July: all 4 run.
    expect(warn('2026-06-29', 4)).toEqual([]);
    // An autumn programme, and one with no start or length.
    expect(warn('2025-09-08', 20)).toEqual([]);
    expect(summerHolidayWarnings({ startDate: undefined, lengthWeeks: 4 }, calendar)).toEqual([]);
    expect(
      summerHolidayWarnings({ startDate: d('2026-07-13'), lengthWeeks: undefined }, calendar),
    ).toEqual([]);
  });

  it('says nothing when the Settings tab has no term dates', () => {
    const noTerms = schoolCalendar([]);
    expect(summerHolidayWarnings({ startDate: d('2026-07-13'), lengthWeeks: 4 }, noTerms)).toEqual(
      [],
    );
  });
});
