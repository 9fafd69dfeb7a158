/**
 * Calendar dates. Forms send yyyy-mm-dd; cells hold Date objects at local midnight in the script's
 * time zone (Apps Script runs in the time zone set in appsscript.json).
 */
import { addWeeks, format, isBefore, parseISO, startOfDay } from 'date-fns';
import type { INTERVENTION_STATUSES } from './workbook';

export function dateFromIso(iso: string): Date {
  return parseISO(iso);
}

export function isoFromDate(date: Date): string {
  return format(date, 'yyyy-MM-dd');
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
