import { schoolCalendar, typicalSchoolYear } from '../../src/domain/calendar';
import { isoFromDate } from '../../src/domain/dates';
import {
  afterSchoolWeeks,
  midPointWeeks,
  rescheduleReviews,
  reviewDates,
  reviewsToAdd,
  schoolWeeksRun,
  type ReviewDates,
} from '../../src/domain/schedule';

const d = (iso: string) => new Date(`${iso}T00:00:00`);
const calendar = schoolCalendar(typicalSchoolYear(2026));

function datesOf(start: string, weeks: number) {
  const dates = reviewDates(d(start), weeks, calendar);
  return {
    baseline: isoFromDate(dates.baseline),
    midPoint: isoFromDate(dates.midPoint),
    end: isoFromDate(dates.end),
  };
}

describe('review dates over school weeks', () => {
  it('rounds the mid-point up to whole weeks', () => {
    expect([10, 5, 1, 12, 7].map(midPointWeeks)).toEqual([5, 3, 1, 6, 4]);
  });

  it("works out README's example: 10 weeks from Monday 7 September 2026 over October half term", () => {
    expect(datesOf('2026-09-07', 10)).toEqual({
      baseline: '2026-09-07',
      midPoint: '2026-10-12',
      // 16 November by the calendar; half term does not count, so a week later.
      end: '2026-11-23',
    });
  });

  it('moves a mid-point that lands in half term to after it, and half term does not count', () => {
    // Weeks of 21 and 28 September, 5, 12 and 19 October: the mid-point falls on 26 October.
    expect(datesOf('2026-09-21', 10)).toEqual({
      baseline: '2026-09-21',
      midPoint: '2026-11-02',
      end: '2026-12-07',
    });
    // Without half term in the calendar the end would be a week earlier.
    const noHalfTerm = schoolCalendar(
      typicalSchoolYear(2026).filter((r) => r.name !== 'October half term'),
    );
    expect(isoFromDate(reviewDates(d('2026-09-21'), 10, noHalfTerm).end)).toBe('2026-11-30');
  });

  it('moves an end on a bank holiday to the next school day, and a mid-point past INSET', () => {
    // 7 school weeks from 1 March 2027: 4 in March, the Easter holiday (2 weeks) not counted, 3
    // in the summer term: due Monday 3 May, the Early May bank holiday.
    expect(datesOf('2027-03-01', 7)).toEqual({
      baseline: '2027-03-01',
      // Due on Easter Monday in the holiday; 12 April is an INSET day.
      midPoint: '2027-04-13',
      end: '2027-05-04',
    });
  });

  it('moves a baseline on an INSET day or at a weekend to the next school day', () => {
    expect(datesOf('2026-09-01', 6).baseline).toBe('2026-09-03');
    expect(datesOf('2026-11-07', 6).baseline).toBe('2026-11-09');
    expect(datesOf('2026-10-28', 6).baseline).toBe('2026-11-02');
  });

  it('spans Christmas: the two holiday weeks do not count, and 4 January is an INSET day', () => {
    expect(datesOf('2026-11-30', 6)).toEqual({
      baseline: '2026-11-30',
      // After 30 November, 7 and 14 December: 21 December is the holiday, 4 January INSET.
      midPoint: '2027-01-05',
      end: '2027-01-25',
    });
  });

  it('keeps the weekday of the start', () => {
    expect(datesOf('2026-09-09', 4)).toEqual({
      baseline: '2026-09-09',
      midPoint: '2026-09-23',
      end: '2026-10-07',
    });
    // A Wednesday start over half term: the half-term week does not count.
    expect(datesOf('2026-10-14', 4).end).toBe('2026-11-18');
  });

  it('counts a week with a single school day', () => {
    // A Friday start: that week is week 1.
    expect(isoFromDate(afterSchoolWeeks(d('2026-09-11'), 1, calendar))).toBe('2026-09-18');
  });

  it('pulls an end in the summer holiday back to the last school day of the summer term', () => {
    // 7 weeks from 7 June 2027: due 26 July, in the summer holiday. 21 July is an INSET day.
    expect(datesOf('2027-06-07', 7)).toEqual({
      baseline: '2027-06-07',
      midPoint: '2027-07-05',
      end: '2027-07-20',
    });
  });

  it('does not carry a programme on over the summer: too long for the term ends with it', () => {
    // 12 weeks from 28 June 2027: only 4 school weeks are left in the summer term. Both reviews
    // would be on its last school day: the mid-point is the day before.
    expect(datesOf('2027-06-28', 12)).toEqual({
      baseline: '2027-06-28',
      midPoint: '2027-07-19',
      end: '2027-07-20',
    });
  });

  it('ends on the last school day of the summer term when it runs right to it', () => {
    // Weeks of 28 June, 5, 12 and 19 July: due 26 July (holiday) → 20 July.
    expect(datesOf('2027-06-28', 4).end).toBe('2027-07-20');
    // 3 weeks: due 19 July, a school day in term.
    expect(datesOf('2027-06-28', 3).end).toBe('2027-07-19');
  });
});

describe('a mid-point always before the end', () => {
  it('comes back before Easter when moving it forward would put it on the end', () => {
    // 2 weeks from Friday 19 March 2027: the mid-point is due Good Friday (26 March), the end
    // Friday 2 April in the Easter holiday; both would move to Tuesday 13 April (12 April is INSET).
    expect(datesOf('2027-03-19', 2)).toEqual({
      baseline: '2027-03-19',
      midPoint: '2027-03-25',
      end: '2027-04-13',
    });
  });

  it('comes before the end of a programme the summer holiday cuts short', () => {
    // 4 weeks from Monday 13 July 2026: the summer term's last school day is Monday 20 July.
    const summer2026 = schoolCalendar(typicalSchoolYear(2025));
    const dates = reviewDates(d('2026-07-13'), 4, summer2026);
    expect([dates.midPoint, dates.end].map(isoFromDate)).toEqual(['2026-07-17', '2026-07-20']);
  });

  it('is before the end of a 1-week programme, and never before the baseline', () => {
    expect(datesOf('2026-09-07', 1)).toEqual({
      baseline: '2026-09-07',
      midPoint: '2026-09-11',
      end: '2026-09-14',
    });
    // Started on the last school day of the summer term: there is no other day to review on.
    expect(datesOf('2027-07-20', 4)).toEqual({
      baseline: '2027-07-20',
      midPoint: '2027-07-20',
      end: '2027-07-20',
    });
  });
});

describe('moving reviews when dates change', () => {
  const dates: ReviewDates = {
    baseline: d('2026-09-14'),
    midPoint: d('2026-10-19'),
    end: d('2026-11-30'),
  };

  it('moves Due reviews only: never Done or Cancelled ones, nor Extra reviews', () => {
    const moved = rescheduleReviews(
      [
        { id: 'REV-1', kind: 'Baseline', status: 'Done', due: d('2026-09-07') },
        { id: 'REV-2', kind: 'Mid-point', status: 'Due', due: d('2026-10-12') },
        { id: 'REV-3', kind: 'End', status: 'Due', due: d('2026-11-23') },
        { id: 'REV-4', kind: 'Extra', status: 'Due', due: d('2026-10-01') },
        { id: 'REV-5', kind: 'End', status: 'Cancelled', due: d('2026-11-23') },
      ],
      dates,
    );
    expect(moved).toEqual([
      { id: 'REV-2', kind: 'Mid-point', from: d('2026-10-12'), to: d('2026-10-19') },
      { id: 'REV-3', kind: 'End', from: d('2026-11-23'), to: d('2026-11-30') },
    ]);
  });

  it('returns nothing when the dates are unchanged, and fills a blank due date', () => {
    expect(
      rescheduleReviews([{ id: 'R', kind: 'End', status: 'Due', due: d('2026-11-30') }], dates),
    ).toEqual([]);
    expect(rescheduleReviews([{ id: 'R', kind: 'Baseline', status: 'Due' }], dates)).toEqual([
      { id: 'R', kind: 'Baseline', from: undefined, to: d('2026-09-14') },
    ]);
  });

  it('adds the three reviews once: none when the pupil already has any of them', () => {
    expect(reviewsToAdd([], dates)).toEqual([
      { kind: 'Baseline', due: dates.baseline },
      { kind: 'Mid-point', due: dates.midPoint },
      { kind: 'End', due: dates.end },
    ]);
    expect(reviewsToAdd(['Extra'], dates)).toHaveLength(3);
    expect(reviewsToAdd(['Baseline'], dates)).toEqual([]);
  });
});

describe('school weeks run so far (for the cost to date)', () => {
  it('counts the start week and every week with a school day, up to today', () => {
    // Monday 2 November to Monday 23 November 2026: the weeks of 2, 9, 16 and 23 November.
    expect(schoolWeeksRun(d('2026-11-02'), d('2026-11-23'), 12, calendar)).toBe(4);
  });

  it('leaves out a holiday week: October half term is not a week of the programme', () => {
    // Weeks of 12 and 19 October, half term (26 October), then 2 November.
    expect(schoolWeeksRun(d('2026-10-12'), d('2026-11-06'), 12, calendar)).toBe(3);
  });

  it('is 0 before the start, and never more than the length', () => {
    expect(schoolWeeksRun(d('2026-11-30'), d('2026-11-23'), 12, calendar)).toBe(0);
    expect(schoolWeeksRun(d('2026-09-07'), d('2026-12-11'), 6, calendar)).toBe(6);
  });
});
