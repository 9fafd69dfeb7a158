/**
 * "Set up provision map" brings a workbook from before the one-baseline rule into line: where a
 * place and its Baseline review each hold a baseline, they must agree. One side empty: it is
 * copied from the other. Both filled and different: neither is changed, and the SENCo is told.
 */
import { TABS } from '../domain/workbook';
import { runOperation } from '../store/operation';
import { syncBaselineReview } from './review-schedule';

export interface BaselineAlignment {
  copied: number;
  conflicts: string[];
}

export function alignBaselines(): BaselineAlignment {
  return runOperation(
    { participants: TABS.participants, reviews: TABS.reviews, pupils: TABS.pupils },
    ({ participants, reviews, pupils }, { user }): BaselineAlignment => {
      const names = new Map(
        pupils
          .records()
          .map((p) => [p.id, `${p.text('First name')} ${p.text('Last name')}`.trim()]),
      );
      const baselineReviews = new Map(
        reviews
          .records()
          .filter((r) => r.text('Kind') === 'Baseline')
          .map((r) => [r.text('Participant ID'), r]),
      );
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
        const sync = syncBaselineReview(place, reviews, user);
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
