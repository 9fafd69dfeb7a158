import { outcomeInWords, DEFAULT_OUTCOME_SETTINGS } from '../../src/domain/outcome';
import { isReviewOverdue } from '../../src/domain/profile';
import { resultText, reviewDueText, targetMetText } from '../../sidebar/views/profile';

describe('the pupil profile in words', () => {
  it('names each result with its review and date', () => {
    expect(resultText({ kind: 'Mid-point', result: '6/10', date: '12 October 2026' })).toBe(
      'Mid-point review, 12 October 2026: 6/10',
    );
    expect(resultText({ kind: 'Extra', result: '7/10', date: '' })).toBe('Extra review: 7/10');
  });

  it('says whether the target was met in words', () => {
    expect(targetMetText('Yes')).toBe('Yes, met');
    expect(targetMetText('Partly')).toBe('Partly met');
    expect(targetMetText('No')).toBe('No, not met');
    expect(targetMetText('')).toBe('');
  });

  it('gives the outcome score in words with its number, a mid-point one as provisional', () => {
    expect(outcomeInWords(0)).toBe('As expected (0)');
    expect(outcomeInWords(2)).toBe('Significantly more than expected (+2)');
    expect(outcomeInWords(-1, DEFAULT_OUTCOME_SETTINGS, true)).toBe(
      'Less than expected (−1), provisional',
    );
    const own = { labels: { ...DEFAULT_OUTCOME_SETTINGS.labels, 1: 'Better than hoped' } };
    expect(outcomeInWords(1, own)).toBe('Better than hoped (+1)');
    expect(outcomeInWords(undefined)).toBe('');
    expect(outcomeInWords(3)).toBe('');
  });
});

describe('reviews still to do on the profile', () => {
  const today = new Date(2027, 0, 25, 9, 30);

  it('marks a review overdue once its due date has passed and it is still Due', () => {
    expect(isReviewOverdue('Due', new Date(2026, 11, 7), today)).toBe(true);
    expect(isReviewOverdue(' due ', new Date(2027, 0, 24), today)).toBe(true);
    // Due today is not overdue yet, nor is a later date, nor a review with no date.
    expect(isReviewOverdue('Due', new Date(2027, 0, 25), today)).toBe(false);
    expect(isReviewOverdue('Due', new Date(2027, 1, 1), today)).toBe(false);
    expect(isReviewOverdue('Due', undefined, today)).toBe(false);
    // Done or cancelled reviews are never overdue.
    expect(isReviewOverdue('Done', new Date(2026, 11, 7), today)).toBe(false);
    expect(isReviewOverdue('Cancelled', new Date(2026, 11, 7), today)).toBe(false);
  });

  it('says since when an overdue review has been waiting, in words', () => {
    const review = {
      reviewId: 'REV-1',
      kind: 'Mid-point',
      intervention: 'Number sense group',
      dueDate: '7 December 2026',
    };
    expect(reviewDueText({ ...review, overdue: true })).toEqual([
      'Overdue since 7 December 2026',
      'Mid-point review, Number sense group',
    ]);
    expect(reviewDueText({ ...review, overdue: false })).toEqual([
      'Due 7 December 2026',
      'Mid-point review, Number sense group',
    ]);
    expect(reviewDueText({ ...review, kind: '', dueDate: '', overdue: false })).toEqual([
      'No date set',
      'Review, Number sense group',
    ]);
  });
});
