/**
 * The pupil profile's rules about reviews: which are still to do and which of those are overdue,
 * as of the day the profile is read.
 */
import { differenceInCalendarDays } from 'date-fns';

/** A review still to do: Status Due (a blank Status, typed by hand, counts as Due). */
export function isReviewDue(status: string): boolean {
  const s = status.trim().toLowerCase();
  return s === 'due' || s === '';
}

/**
 * Overdue: still to do and its due date has passed (the day after it, as the reminders count it).
 * A review with no due date is never overdue.
 */
export function isReviewOverdue(status: string, due: Date | undefined, today: Date): boolean {
  return isReviewDue(status) && due !== undefined && differenceInCalendarDays(today, due) > 0;
}
