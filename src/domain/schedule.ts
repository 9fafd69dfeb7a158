/**
 * When a pupil's reviews fall due. Pure: works on a SchoolCalendar (src/domain/calendar.ts).
 *
 * The rule (also in README.md, "How review dates are worked out"):
 * - Baseline: the start date, or the next school day when the start is not one.
 * - Length is in school weeks. Weeks run Monday to Sunday; the week of the baseline is week 1 and
 *   a week with at least one school day counts as a school week. A week with no school day at all
 *   (half term, the Christmas or Easter holiday, the summer holiday) does not count.
 * - A review "after N school weeks" is due in the week after the N-th school week, on the same
 *   weekday as the baseline. When that day is not a school day (a weekend, holiday, bank holiday
 *   or INSET day) it moves to the next school day.
 * - Mid-point: after half the length, rounded up to whole weeks (5 weeks of 10, 3 of 5, 1 of 1).
 * - End: after the whole length.
 * - Summer: a programme does not carry on over the summer holiday. A review that would fall in
 *   the summer holiday or after it (when the length runs past the end of the summer term) is
 *   brought back to the last school day of the summer term, so it is done before the pupil moves
 *   on.
 * - The mid-point is always before the end: when moving it to a school day, or the summer rule,
 *   puts it on or after the end's date, it is the last school day before the end instead (never
 *   before the baseline).
 * - Without any term dates on the Settings tab, every weekday that is not a listed holiday, bank
 *   holiday or INSET day counts as a school day.
 */
import { addDays, addWeeks, startOfDay, subDays } from 'date-fns';
import { mondayOf, type SchoolCalendar } from './calendar';

export interface ReviewDates {
  baseline: Date;
  midPoint: Date;
  end: Date;
}

export type ScheduledKind = 'Baseline' | 'Mid-point' | 'End';
export const SCHEDULED_KINDS: readonly ScheduledKind[] = ['Baseline', 'Mid-point', 'End'];

/** No programme runs this long; stops a search through a calendar with no school days. */
const WEEK_LIMIT = 200;

/** The number of school weeks after which the mid-point review falls due. */
export function midPointWeeks(lengthWeeks: number): number {
  return Math.max(1, Math.ceil(lengthWeeks / 2));
}

function hasSchoolDay(monday: Date, calendar: SchoolCalendar, from: Date): boolean {
  for (let i = 0; i < 7; i += 1) {
    const day = addDays(monday, i);
    if (day >= from && calendar.isSchoolDay(day)) return true;
  }
  return false;
}

/**
 * The day on which `weeks` school weeks have passed since `baseline` (a school day): the same
 * weekday in the week after the last counted week. Not yet moved to a school day.
 */
export function afterSchoolWeeks(baseline: Date, weeks: number, calendar: SchoolCalendar): Date {
  const start = startOfDay(baseline);
  let monday = mondayOf(start);
  let counted = 0;
  for (let i = 0; i < WEEK_LIMIT && counted < weeks; i += 1) {
    if (hasSchoolDay(monday, calendar, start)) counted += 1;
    monday = addWeeks(monday, 1);
  }
  return addDays(monday, (start.getDay() + 6) % 7);
}

export function reviewDates(
  start: Date,
  lengthWeeks: number,
  calendar: SchoolCalendar,
): ReviewDates {
  const weeks = Math.max(1, Math.round(lengthWeeks));
  const baseline = calendar.nextSchoolDay(start);
  // Neither review goes past the summer holiday: a programme does not carry on over it.
  const due = (day: Date) =>
    calendar.summerTermEndBetween(baseline, day) ?? calendar.nextSchoolDay(day);
  const end = due(afterSchoolWeeks(baseline, weeks, calendar));
  const mid = due(afterSchoolWeeks(baseline, midPointWeeks(weeks), calendar));
  // Two reviews on one day would be one review: a mid-point that a holiday (or the summer) moved
  // onto or past the end comes back to the last school day before the end.
  const before = calendar.previousSchoolDay(subDays(end, 1));
  const midPoint = mid < end ? mid : before > baseline ? before : baseline;
  return { baseline, midPoint, end };
}

/** The due date of a kind of scheduled review. */
export function dueDateOf(kind: ScheduledKind, dates: ReviewDates): Date {
  return kind === 'Baseline' ? dates.baseline : kind === 'Mid-point' ? dates.midPoint : dates.end;
}

export function isScheduledKind(kind: string): kind is ScheduledKind {
  return (SCHEDULED_KINDS as readonly string[]).includes(kind);
}

/** A row of the Reviews tab, as far as scheduling is concerned. */
export interface ExistingReview {
  id: string;
  kind: string;
  status: string;
  due?: Date;
}

export interface MovedReview {
  id: string;
  kind: ScheduledKind;
  /** The due date before (undefined when it was blank). */
  from?: Date;
  to: Date;
}

/**
 * When an intervention's dates or length change: the new due dates of the reviews still to do.
 * Only Baseline, Mid-point and End reviews with Status 'Due' move; Done and Cancelled reviews
 * (recorded results) and Extra reviews added by hand are never touched. Returns only the reviews
 * whose date really changes.
 */
export function rescheduleReviews(
  reviews: readonly ExistingReview[],
  dates: ReviewDates,
): MovedReview[] {
  const moved: MovedReview[] = [];
  for (const review of reviews) {
    if (review.status !== 'Due' || !isScheduledKind(review.kind)) continue;
    const to = dueDateOf(review.kind, dates);
    if (review.due && startOfDay(review.due).getTime() === to.getTime()) continue;
    moved.push({ id: review.id, kind: review.kind, from: review.due, to });
  }
  return moved;
}

/**
 * The reviews to add for a pupil who has just started: Baseline, Mid-point and End, unless they
 * already have any of those (whatever its status: a pupil restarted, or rows a person edited), so
 * saving again never adds them twice.
 */
export function reviewsToAdd(
  existingKinds: readonly string[],
  dates: ReviewDates,
): { kind: ScheduledKind; due: Date }[] {
  if (existingKinds.some(isScheduledKind)) return [];
  return SCHEDULED_KINDS.map((kind) => ({ kind, due: dueDateOf(kind, dates) }));
}

/**
 * The school weeks of a programme that have run by `until` (the same school-week rule as reviews:
 * weeks run Monday to Sunday, the start's week is week 1, a week with a school day on or after the
 * start and on or before `until` counts), no more than `lengthWeeks`; 0 before it starts.
 */
export function schoolWeeksRun(
  start: Date,
  until: Date,
  lengthWeeks: number,
  calendar: SchoolCalendar,
): number {
  const from = startOfDay(start);
  const last = startOfDay(until);
  if (last < from) return 0;
  let monday = mondayOf(from);
  let counted = 0;
  for (let i = 0; i < WEEK_LIMIT && counted < lengthWeeks && monday <= last; i += 1) {
    if (hasSchoolDayBetween(monday, calendar, from, last)) counted += 1;
    monday = addWeeks(monday, 1);
  }
  return counted;
}

function hasSchoolDayBetween(
  monday: Date,
  calendar: SchoolCalendar,
  from: Date,
  to: Date,
): boolean {
  for (let i = 0; i < 7; i += 1) {
    const day = addDays(monday, i);
    if (day >= from && day <= to && calendar.isSchoolDay(day)) return true;
  }
  return false;
}
