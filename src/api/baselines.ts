/**
 * "Set up provision map" brings a workbook from before the one-baseline rule into line: where a
 * place and its Baseline review each hold a baseline, they must agree. One side empty: it is
 * copied from the other. Both filled and different: neither is changed, and the SENCo is told.
 */
import { TABS } from '../domain/workbook';
import { runOperation } from '../store/operation';
import { MissingColumnError, MissingTabError, type Row } from '../store/table';
import { readSomeColumns } from '../store/workbook';
import { syncBaselineReview } from './review-schedule';

export interface BaselineAlignment {
  copied: number;
  conflicts: string[];
}

/**
 * Whether any place and its Baseline review may need bringing into line, from a few columns of
 * each (a second set-up on a large school then reads no whole tab): a Done review's result the
 * place lacks, a place's baseline its Due review lacks, or two baselines that differ.
 */
function anythingToAlign(): boolean {
  try {
    const places = readSomeColumns(TABS.participants, ['Participant ID', 'Baseline']);
    const reviews = readSomeColumns(TABS.reviews, ['Participant ID', 'Kind', 'Status', 'Result']);
    const baselineOf = new Map<string, string>();
    for (const place of places.records()) baselineOf.set(place.id, place.text('Baseline'));
    return reviews.records().some((review) => {
      if (review.text('Kind') !== 'Baseline') return false;
      const baseline = baselineOf.get(review.text('Participant ID'));
      if (baseline === undefined) return false;
      const result = review.text('Result');
      if (baseline === '') return review.text('Status') === 'Done' && result !== '';
      return review.text('Status') === 'Due' || (result !== '' && result !== baseline);
    });
  } catch (error) {
    if (error instanceof MissingTabError || error instanceof MissingColumnError) return true;
    throw error;
  }
}

export function alignBaselines(): BaselineAlignment {
  if (!anythingToAlign()) return { copied: 0, conflicts: [] };
  return runOperation(
    { participants: TABS.participants, reviews: TABS.reviews, pupils: TABS.pupils },
    ({ participants, reviews, pupils }, { user }): BaselineAlignment => {
      const names = new Map(
        pupils
          .records()
          .map((p) => [p.id, `${p.text('First name')} ${p.text('Last name')}`.trim()]),
      );
      // Each place's first Baseline review, found once (not searched for per place).
      const baselineReviews = new Map<string, Row>();
      for (const r of reviews.records()) {
        const placeId = r.text('Participant ID');
        if (r.text('Kind') === 'Baseline' && !baselineReviews.has(placeId)) {
          baselineReviews.set(placeId, r);
        }
      }
      let copied = 0;
      const conflicts: string[] = [];
      for (const place of participants.records()) {
        const review = baselineReviews.get(place.id);
        if (!review) continue;
        const name = names.get(place.text('Pupil ID')) || place.id;
        if (place.text('Baseline') === '' && review.text('Status') === 'Done') {
          const date = review.date('Result date') ?? review.date('Done on');
          if (review.text('Result') !== '' && date) {
            place.set({ Baseline: review.text('Result'), 'Baseline date': date });
            copied += 1;
          }
          continue;
        }
        const sync = syncBaselineReview(place, reviews, user, review);
        if (sync.kind === 'completed') copied += 1;
        if (sync.kind === 'conflict') {
          conflicts.push(
            `${name} (${place.id}): the place says "${place.text('Baseline')}", the Baseline review "${sync.reviewResult}"`,
          );
        }
      }
      return { copied, conflicts };
    },
  );
}
