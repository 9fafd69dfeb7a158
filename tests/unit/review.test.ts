import {
  REVIEW_REQUIRED,
  initialsOf,
  pupilVoiceCells,
  pupilVoiceForm,
  pupilVoiceText,
  measuredValue,
  needsDecision,
  pupilInEmail,
  reviewName,
  validateExtraReview,
  validateReview,
} from '../../src/domain/review';
import type { ReviewSummary } from '../../src/api/reviews-contract';
import {
  groupByDueDate,
  reviewButtonLabel,
  reviewInterventionLabel,
  reviewStatusText,
} from '../../sidebar/views/review';

const MID = {
  reviewId: 'REV-0001',
  kind: 'Mid-point',
  result: '6/10',
  resultDate: '2027-01-18',
  progress: 'Spells 6 of the 10 words',
  otherFactors: '',
  judgement: 'Partly working',
  furtherAction: 'Continue',
};

describe('the review schema', () => {
  it('accepts a complete mid-point review and trims text', () => {
    const checked = validateReview({ ...MID, progress: '  better  ' });
    expect(checked).toEqual({
      ok: true,
      value: {
        ...MID,
        progress: 'better',
        runAgain: '',
        changeFirst: '',
        staffTrainingNeeds: '',
        outcomeScore: '',
        outcomeReason: '',
        pupilRating: '',
        pupilView: '',
        parentsView: '',
      },
    });
  });

  it('names each field with a problem in plain English', () => {
    const checked = validateReview({
      reviewId: '',
      kind: 'Mid-point',
      result: ' ',
      resultDate: '2027-02-30',
      judgement: 'Fine',
      furtherAction: '',
    });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toEqual({
      reviewId: 'Review: choose a review from the list first',
      result: 'Result: this is required',
      resultDate: 'Result date: 30 February 2027 is not a date: February 2027 has 28 days',
      judgement: 'Judgement: choose one of Working, Partly working, Not working',
      furtherAction: REVIEW_REQUIRED.furtherAction,
    });
  });

  it('needs a judgement and further action except at the baseline', () => {
    const bare = { reviewId: 'REV-1', result: '4/10', resultDate: '2026-12-01' };
    expect(validateReview({ ...bare, kind: 'Baseline' }).ok).toBe(true);
    for (const kind of ['Mid-point', 'End', 'Extra']) {
      const checked = validateReview({ ...bare, kind });
      expect(checked.ok).toBe(false);
      if (checked.ok) continue;
      expect(checked.errors.judgement).toBe(REVIEW_REQUIRED.judgement);
      expect(checked.errors.furtherAction).toBe(REVIEW_REQUIRED.furtherAction);
    }
  });

  it('needs "Run it again" at the end review only', () => {
    const end = validateReview({ ...MID, kind: 'End' });
    expect(end.ok).toBe(false);
    if (!end.ok) expect(end.errors).toEqual({ runAgain: REVIEW_REQUIRED.runAgain });
    expect(validateReview({ ...MID, kind: 'End', runAgain: 'No' }).ok).toBe(true);
    const wrong = validateReview({ ...MID, kind: 'End', runAgain: 'Maybe' });
    if (!wrong.ok) expect(wrong.errors.runAgain).toBe('Run it again: choose one of Yes, No');
    expect(wrong.ok).toBe(false);
  });

  it('keeps text under its limit', () => {
    const checked = validateReview({ ...MID, result: 'x'.repeat(301) });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors.result).toBe('Result: keep it under 300 characters');
  });

  it('checks an extra review: a pupil and a due date', () => {
    expect(validateExtraReview({ participantId: 'PAR-1', dueDate: '2027-01-11' }).ok).toBe(true);
    const checked = validateExtraReview({ participantId: '', dueDate: '' });
    expect(checked).toEqual({
      ok: false,
      errors: {
        participantId: 'Pupil: choose a pupil from the list',
        dueDate: 'Due date: this is required',
      },
    });
  });
});

describe("the pupil's own view and the parents' view", () => {
  const errorsOf = (changes: Record<string, string>) => {
    const checked = validateReview({ ...MID, ...changes });
    return checked.ok ? {} : checked.errors;
  };

  it('accepts a rating 1 to 5 with the words or without, and the parents’ view', () => {
    expect(errorsOf({ pupilRating: '4', pupilView: 'I can read more words now' })).toEqual({});
    expect(errorsOf({ pupilRating: '1' })).toEqual({});
    expect(errorsOf({ parentsView: 'Happy with how it is going' })).toEqual({});
  });

  it('needs a reason when the pupil was not asked, naming the field', () => {
    expect(errorsOf({ pupilRating: 'Not asked' })).toEqual({
      pupilView:
        "In the pupil's words, or why they were not asked: say why the pupil was not asked",
    });
    expect(errorsOf({ pupilRating: 'Not asked', pupilView: 'Absent on the day' })).toEqual({});
  });

  it('needs a rating (or Not asked) for words typed, and refuses ratings off the scale', () => {
    expect(errorsOf({ pupilView: 'It is fun' })).toEqual({
      pupilRating: "Pupil's own rating: choose 1 to 5, or Not asked, for the words you typed",
    });
    expect(errorsOf({ pupilRating: '6' }).pupilRating).toMatch(
      /^Pupil's own rating: choose one of/,
    );
  });

  it('keeps a rating as a number, and "Not asked: <reason>" with no number', () => {
    expect(pupilVoiceCells({ pupilRating: '4', pupilView: 'Fun' })).toEqual({
      rating: 4,
      view: 'Fun',
    });
    expect(pupilVoiceCells({ pupilRating: 'Not asked', pupilView: 'Absent' })).toEqual({
      rating: '',
      view: 'Not asked: Absent',
    });
    expect(pupilVoiceCells({ pupilRating: '', pupilView: '' })).toEqual({ rating: '', view: '' });
  });

  it('reads the cells back into the form, and into words for the profile', () => {
    expect(pupilVoiceForm(4, 'Fun')).toEqual({ pupilRating: '4', pupilView: 'Fun' });
    expect(pupilVoiceForm(undefined, 'Not asked: Absent')).toEqual({
      pupilRating: 'Not asked',
      pupilView: 'Absent',
    });
    expect(pupilVoiceText(4, 'I can read more words')).toBe(
      'Rated it 4 out of 5: “I can read more words”',
    );
    expect(pupilVoiceText(2, '')).toBe('Rated it 2 out of 5');
    expect(pupilVoiceText(undefined, 'Not asked: Absent')).toBe('Not asked: Absent');
  });
});

describe('needsDecision', () => {
  it('flags "Not working" at the mid-point', () => {
    expect(needsDecision('Mid-point', 'Not working', '4/10', '7/10')).toBe(
      'Judged "Not working" at the mid-point',
    );
  });

  it('flags no measured progress at the mid-point', () => {
    expect(needsDecision('Mid-point', 'Working', '4/10', '4/10')).toBe(
      'No measured progress at the mid-point (baseline 4, now 4)',
    );
    expect(needsDecision('Mid-point', 'Partly working', 'Score 92', '88')).toBe(
      'No measured progress at the mid-point (baseline 92, now 88)',
    );
    expect(needsDecision('Mid-point', 'Working', '4 out of 10', '3 out of 10.')).toBe(
      'No measured progress at the mid-point (baseline 4, now 3)',
    );
  });

  it('does not flag progress, other kinds, or measures it cannot compare', () => {
    expect(needsDecision('Mid-point', 'Working', '4/10', '6/10')).toBe('');
    expect(needsDecision('Mid-point', 'Partly working', '', '6/10')).toBe('');
    expect(needsDecision('Mid-point', 'Working', 'Reading age 7y 2m', 'Reading age 7y 6m')).toBe(
      '',
    );
    expect(needsDecision('Mid-point', 'Working', 'Level 2c', 'Level 2a')).toBe('');
    expect(needsDecision('End', 'Not working', '4/10', '4/10')).toBe('');
    expect(needsDecision('Baseline', '', '4/10', '4/10')).toBe('');
    expect(needsDecision('Extra', 'Not working', '4/10', '2/10')).toBe('');
  });

  it('compares scores out of different totals as fractions', () => {
    expect(needsDecision('Mid-point', 'Working', '4/10', '10/20')).toBe('');
    expect(needsDecision('Mid-point', 'Working', '5/10', '8/20')).toBe(
      'No measured progress at the mid-point (baseline 5/10, now 8/20)',
    );
  });

  it('does not compare measures where fewer is better', () => {
    expect(needsDecision('Mid-point', 'Working', '5', '2', 'Behaviour incidents a week')).toBe('');
    expect(needsDecision('Mid-point', 'Working', '5 incidents', '7 incidents')).toBe('');
  });

  it('reads only simple numbers', () => {
    expect(measuredValue('4/10')).toEqual({ value: 4, outOf: 10 });
    expect(measuredValue('85%')).toEqual({ value: 85 });
    expect(measuredValue('12 words')).toEqual({ value: 12 });
    expect(measuredValue('7y2m')).toBeUndefined();
    expect(measuredValue('Year 3: 4/10')).toBeUndefined();
    expect(measuredValue('no score')).toBeUndefined();
  });
});

describe('pupils in emails', () => {
  it('gives initials and year group unless full names are chosen', () => {
    const ann = { firstName: 'Ann', lastName: 'Patel', yearGroup: 'Year 3' };
    expect(pupilInEmail(ann, false)).toBe('A.P. (Year 3)');
    expect(pupilInEmail(ann, true)).toBe('Ann Patel (Year 3)');
    expect(pupilInEmail({ ...ann, yearGroup: '' }, false)).toBe('A.P.');
    expect(initialsOf('<b>Ann</b>', 'Órla')).toBe('B.Ó.');
    expect(pupilInEmail({ firstName: '', lastName: '', yearGroup: '' }, false)).toBe('A pupil');
  });

  it('names reviews', () => {
    expect(reviewName('Mid-point')).toBe('Mid-point review');
    expect(reviewName('')).toBe('Review');
  });
});

describe('the review view', () => {
  const summary = (over: Partial<ReviewSummary>): ReviewSummary => ({
    reviewId: 'REV-1',
    participantId: 'PAR-1',
    pupilName: 'Amy Brown',
    yearGroup: 'Year 4',
    kind: 'Mid-point',
    status: 'Due',
    dueDate: '2027-01-18',
    dueDateText: '18 January 2027',
    overdue: false,
    doneOnText: '',
    recordedBy: '',
    baseline: '4/10',
    baselineMeasure: 'Spelling test',
    baselineDateText: '',
    target: '8/10',
    form: {} as ReviewSummary['form'],
    ...over,
  });

  it('labels the buttons, statuses and groups in words', () => {
    expect(reviewButtonLabel(summary({}))).toBe('Amy Brown: Mid-point review, due 18 January 2027');
    expect(reviewButtonLabel(summary({ dueDateText: '', kind: 'Extra' }))).toBe(
      'Amy Brown: Extra review, no due date',
    );
    expect(reviewStatusText(summary({ overdue: true }))).toBe('Overdue: not recorded yet.');
    expect(
      reviewStatusText(summary({ status: 'Done', doneOnText: '3 December 2026', recordedBy: 'x' })),
    ).toBe('Done on 3 December 2026 by x. Choose it to correct it.');
    const groups = groupByDueDate([
      summary({}),
      summary({ reviewId: 'REV-2', pupilName: 'Ben Cole' }),
      summary({ reviewId: 'REV-3', dueDateText: '' }),
    ]);
    expect(groups.map(([heading, list]) => [heading, list.length])).toEqual([
      ['Due 18 January 2027', 2],
      ['No due date', 1],
    ]);
    expect(
      reviewInterventionLabel({
        id: 'INT-1',
        name: 'Spelling',
        lead: '',
        status: 'Running',
        dueCount: 2,
        overdueCount: 1,
      }),
    ).toBe('Spelling – 2 reviews due (1 overdue)');
  });
});
