/**
 * Good practice: a programme the summer holiday cuts short. Reviews never go past the summer
 * holiday (src/domain/schedule.ts), so a programme too long for what is left of the summer term
 * quietly loses its last weeks; this warning says how many school weeks it will really have.
 */
import { format } from 'date-fns';
import type { SchoolCalendar } from './calendar';
import { longDate } from './dates';
import { afterSchoolWeeks, schoolWeeksRun } from './schedule';
import type { InterventionFacts, Warning } from './warnings';

function schoolWeeks(n: number): string {
  return n === 1 ? '1 school week' : `${n} school weeks`;
}

/** The warning for an intervention whose length runs past the end of the summer term, if so. */
export function summerHolidayWarnings(
  intervention: Pick<InterventionFacts, 'startDate' | 'lengthWeeks'>,
  calendar: SchoolCalendar,
): Warning[] {
  const { startDate, lengthWeeks } = intervention;
  if (!startDate || lengthWeeks === undefined || !Number.isFinite(lengthWeeks)) return [];
  const weeks = Math.round(lengthWeeks);
  if (weeks < 1) return [];
  const baseline = calendar.nextSchoolDay(startDate);
  const lastDay = calendar.summerTermEndBetween(
    baseline,
    afterSchoolWeeks(baseline, weeks, calendar),
  );
  if (!lastDay) return [];
  const run = schoolWeeksRun(baseline, lastDay, weeks, calendar);
  if (run >= weeks) return [];
  const day = `${format(lastDay, 'EEEE')} ${longDate(lastDay)}`;
  return [
    {
      kind: 'programme-length',
      message:
        `This ${weeks}-week programme will have only ${schoolWeeks(run)} before the summer ` +
        `holiday: its end review is brought forward to ${day}, the last school day of the ` +
        `summer term. Plan it for ${schoolWeeks(run)}, or start it in the autumn term so that ` +
        'it runs in full.',
    },
  ];
}
