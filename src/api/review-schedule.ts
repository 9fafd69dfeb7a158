/**
 * A started pupil's Baseline, Mid-point and End reviews: made when the place starts, and again by
 * any later save of it, or by the daily run, when an earlier save was cut off before they were
 * written ("a started place has its reviews"). Never twice: nothing is made when any exists.
 */
import { longDate } from '../domain/participant';
import { newRecordId } from '../domain/ids';
import { INTERVENTION_COLUMNS } from '../domain/intervention';
import { isScheduledKind, reviewDates, reviewsToAdd } from '../domain/schedule';
import { TABS } from '../domain/workbook';
import { uuid } from '../services/environment';
import { calendarFrom } from '../store/calendar';
import type { Row, Table } from '../store/table';

/** Makes the place's reviews when it has none; returns the sentence for the save's message. */
export function scheduleReviews(
  row: Row,
  interventions: Table,
  settings: Table,
  reviews: Table,
): string {
  const existing = reviews
    .records()
    .filter((r) => r.text('Participant ID') === row.id)
    .map((r) => r.text('Kind'));
  const intervention = interventions.find(row.text('Intervention ID'));
  const start = row.date('Start date') ?? intervention?.date(INTERVENTION_COLUMNS.startDate);
  const weeks = intervention?.number(INTERVENTION_COLUMNS.lengthWeeks);
  if (existing.some(isScheduledKind)) return '';
  if (!start || !weeks || weeks < 1) {
    return ' Review dates could not be worked out: give a start date and the intervention a length in weeks, then save again.';
  }
  const dates = reviewDates(start, weeks, calendarFrom(settings));
  const ids = reviews.ids();
  for (const review of reviewsToAdd(existing, dates)) {
    const id = newRecordId(TABS.reviews.idPrefix, ids, uuid);
    ids.add(id);
    reviews.append({
      'Review ID': id,
      'Intervention ID': row.text('Intervention ID'),
      'Participant ID': row.id,
      Kind: review.kind,
      'Due date': review.due,
      Status: 'Due',
    });
  }
  return ` Reviews due: baseline ${longDate(dates.baseline)}, mid-point ${longDate(dates.midPoint)}, end ${longDate(dates.end)}.`;
}

/** Started places of running interventions with none of their reviews (a save cut off). */
export function startedWithoutReviews(participants: Table, reviews: Table): Row[] {
  const scheduled = new Set(
    reviews
      .records()
      .filter((r) => isScheduledKind(r.text('Kind')))
      .map((r) => r.text('Participant ID')),
  );
  return participants
    .records()
    .filter((p) => p.id !== '' && p.text('Status') === 'Started' && !scheduled.has(p.id));
}
