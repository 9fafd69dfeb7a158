/**
 * Letters follow the review cycle: a parent is never told a result the school does not have yet.
 * A mid-point letter once the mid-point review is recorded; an end letter once the end review is
 * recorded, or the intervention was stopped for the pupil. Otherwise one sentence says why, and
 * nothing is made.
 */
import type { LetterKind } from './letters';
import { fullDate, type LetterReviewFacts } from './letters';

export interface LetterGateFacts {
  name: string;
  midPoint?: LetterReviewFacts;
  end?: LetterReviewFacts;
  placeStatus: string;
  interventionStatus: string;
}

const isDone = (review: LetterReviewFacts | undefined): boolean =>
  review?.status.trim().toLowerCase() === 'done';

const dueWords = (review: LetterReviewFacts | undefined): string =>
  review?.dueDate ? ` (it is due on ${fullDate(review.dueDate)})` : '';

/** Why this letter cannot be made yet, or undefined when it can. */
export function letterNotYet(kind: LetterKind, facts: LetterGateFacts): string | undefined {
  const reason = letterNotYetReason(kind, facts);
  return reason && `No ${kind} letter was made for ${facts.name}: ${reason}`;
}

/**
 * The same, without the opening words, for a list that names the pupil already ("Amy Brown
 * (Year 3): their mid-point review has not been recorded yet…").
 */
export function letterNotYetReason(kind: LetterKind, facts: LetterGateFacts): string | undefined {
  if (kind === 'mid-point' && !isDone(facts.midPoint)) {
    return `their mid-point review has not been recorded yet${dueWords(facts.midPoint)}. Record it with "Record a review…", then make the letter.`;
  }
  const stopped = [facts.placeStatus, facts.interventionStatus].some(
    (s) => s.trim().toLowerCase() === 'stopped',
  );
  if (kind === 'end' && !isDone(facts.end) && !stopped) {
    return `their end review has not been recorded yet${dueWords(facts.end)}, and the intervention has not been stopped. Record the end review with "Record a review…", then make the letter.`;
  }
  return undefined;
}
