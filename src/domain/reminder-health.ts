/**
 * Whether the daily reminders are still running. Add-ons get no email from Google when their
 * trigger stops (its owner's account closed, or their access to the sheet removed): the sheet
 * must notice by itself, the next time someone opens it or uses the add-on.
 */
import { startOfDay, subDays } from 'date-fns';
import type { SchoolCalendar } from './calendar';
import { dateFromIso } from './dates';

export interface ReminderHealthInput {
  owner: string;
  /** The day of the last run that finished, or when reminders were turned on; '' if unknown. */
  lastGoodDay: string;
  today: Date;
  calendar: SchoolCalendar;
}

export type ReminderHealth =
  { state: 'off' } | { state: 'running' } | { state: 'missed'; owner: string; lastGoodDay: Date };

/**
 * Missed: the last good run is older than one school day, i.e. before the school day before
 * today. One missed morning is allowed for (a run that is late, or today's not yet done).
 */
export function reminderHealth(input: ReminderHealthInput): ReminderHealth {
  if (input.owner.trim() === '') return { state: 'off' };
  if (input.lastGoodDay === '') return { state: 'running' };
  const lastGood = dateFromIso(input.lastGoodDay);
  if (Number.isNaN(lastGood.getTime())) return { state: 'running' };
  const previousSchoolDay = input.calendar.previousSchoolDay(subDays(startOfDay(input.today), 1));
  if (startOfDay(lastGood) < previousSchoolDay) {
    return { state: 'missed', owner: input.owner.trim(), lastGoodDay: startOfDay(lastGood) };
  }
  return { state: 'running' };
}
