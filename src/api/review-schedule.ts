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
  recordedBy = '',
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
      // The baseline is entered once: one already on the place completes its review.
      ...(review.kind === 'Baseline' ? baselineReviewValues(row, recordedBy) : {}),
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

/** The Baseline review's fields from the place's baseline (none when it has no baseline yet). */
function baselineReviewValues(place: Row, recordedBy: string): Record<string, string | Date> {
  const result = place.text('Baseline');
  const date = place.date('Baseline date');
  if (result === '' || !date) return {};
  return {
    Status: 'Done',
    'Done on': date,
    Result: result,
    'Result date': date,
    'Recorded by': recordedBy,
  };
}

export type BaselineSync =
  { kind: 'none' } | { kind: 'completed' } | { kind: 'conflict'; reviewResult: string };

/**
 * The baseline is entered once. A baseline recorded on the place completes its Baseline review
 * (Done, with the result and its date) when that review is still due; when the review already
 * holds another result, neither is changed and the SENCo is told.
 */
export function syncBaselineReview(
  place: Row,
  reviews: Table,
  recordedBy: string,
  /** The place's Baseline review when the caller has found it (no search of every review). */
  found?: Row,
): BaselineSync {
  const result = place.text('Baseline');
  const date = place.date('Baseline date');
  if (result === '' || !date) return { kind: 'none' };
  const review =
    found ??
    reviews
      .records()
      .find((r) => r.text('Participant ID') === place.id && r.text('Kind') === 'Baseline');
  if (!review) return { kind: 'none' };
  if (review.text('Status') === 'Due') {
    review.set(baselineReviewValues(place, recordedBy));
    return { kind: 'completed' };
  }
  const recorded = review.text('Result');
  if (recorded !== '' && recorded !== result) return { kind: 'conflict', reviewResult: recorded };
  return { kind: 'none' };
}
