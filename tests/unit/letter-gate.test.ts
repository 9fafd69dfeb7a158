import { letterNotYet } from '../../src/domain/letter-gate';
import type { LetterReviewFacts } from '../../src/domain/letters';

const review = (status: string, due = new Date(2026, 11, 14)): LetterReviewFacts => ({
  status,
  dueDate: due,
  result: status === 'Done' ? '6/10' : '',
  progress: '',
  judgement: '',
  furtherAction: '',
});
const facts = { name: 'Amy Brown', placeStatus: 'Started', interventionStatus: 'Running' };

test('a start letter can always be made', () => {
  expect(letterNotYet('start', facts)).toBeUndefined();
});

test('no mid-point letter before the mid-point review is recorded, and the sentence says when it is due', () => {
  expect(letterNotYet('mid-point', { ...facts, midPoint: review('Due') })).toBe(
    'No mid-point letter was made for Amy Brown: their mid-point review has not been recorded yet (it is due on Monday 14 December 2026). Record it with "Record a review…", then make the letter.',
  );
  expect(letterNotYet('mid-point', { ...facts, midPoint: review('Done') })).toBeUndefined();
});

test('an end letter once the end review is recorded, or once the intervention is stopped', () => {
  expect(letterNotYet('end', { ...facts, end: review('Due') })).toMatch(
    /^No end letter was made for Amy Brown: their end review has not been recorded yet/,
  );
  expect(letterNotYet('end', { ...facts, end: review('Done') })).toBeUndefined();
  expect(letterNotYet('end', { ...facts, placeStatus: 'Stopped' })).toBeUndefined();
  expect(letterNotYet('end', { ...facts, interventionStatus: 'Stopped' })).toBeUndefined();
});
