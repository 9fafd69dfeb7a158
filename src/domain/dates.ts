/**
 * Calendar dates. Forms send yyyy-mm-dd; cells hold Date objects at local midnight in the script's
 * time zone (Apps Script runs in the time zone set in appsscript.json).
 */
import { addWeeks, format, isBefore, isValid, parseISO, startOfDay } from 'date-fns';
import type { INTERVENTION_STATUSES } from './workbook';

export function dateFromIso(iso: string): Date {
  return parseISO(iso);
}

export function isoFromDate(date: Date): string {
  return format(date, 'yyyy-MM-dd');
}

/** A date as messages show it to staff and parents: "7 September 2026", never yyyy-mm-dd. */
export function longDate(date: Date): string {
  return format(date, 'd MMMM yyyy');
}

/** The same for a form's yyyy-mm-dd value; text that is not a date is returned as it is. */
export function longDateOfIso(iso: string): string {
  const date = parseISO(iso);
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && isValid(date) ? longDate(date) : iso;
}

/** The day after the last week of the programme (calendar weeks until term dates are known). */
export function plannedEndDate(start: Date, lengthWeeks: number): Date {
  return addWeeks(startOfDay(start), lengthWeeks);
}

export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];

export function statusOn(today: Date, start: Date, lengthWeeks: number): InterventionStatus {
  const day = startOfDay(today);
  if (isBefore(day, startOfDay(start))) return 'Planned';
  if (isBefore(day, plannedEndDate(start, lengthWeeks))) return 'Running';
  return 'Finished';
}
