import { dateFromIso } from '../../src/domain/dates';
import type { Measure } from '../../src/domain/measures';
import {
  DEFAULT_OUTCOME_LABELS,
  effectSize,
  eefMonths,
  evaluateOutcome,
  gainShare,
  outcomeLabel,
  outcomeScore,
  outcomeScoreText,
  ratioDescriptor,
  ratioGain,
  targetMet,
  type OutcomeEvaluation,
  type OutcomeInput,
} from '../../src/domain/outcome';

const spelling: Measure = {
  name: 'Spelling test',
  kind: 'Score out of',
  outOf: 10,
  better: 'Higher',
};
const readingAge: Measure = { name: 'Reading age', kind: 'Age in months', better: 'Higher' };
const standardised: Measure = {
  name: 'Standardised reading score',
  kind: 'Standardised score',
  better: 'Higher',
};
const incidents: Measure = { name: 'Behaviour incidents a week', kind: 'Count', better: 'Lower' };
const attendance: Measure = { name: 'Attendance', kind: 'Percentage', better: 'Higher' };
const observation: Measure = { name: 'Observation', kind: 'Words only', better: 'Higher' };

const share = (baseline: number, target: number, result: number, better: 'Higher' | 'Lower') => {
  const found = gainShare(baseline, target, result, better);
  if (!found.ok) throw new Error(found.reason);
  return found.f;
};

describe('share of the planned gain, f = (result − baseline) ÷ (target − baseline)', () => {
  it('higher is better: spelling 2/10 → target 7/10', () => {
    expect(share(2, 7, 7, 'Higher')).toBe(1);
    expect(share(2, 7, 6, 'Higher')).toBe(0.8);
    expect(share(2, 7, 2, 'Higher')).toBe(0);
    expect(share(2, 7, 1, 'Higher')).toBe(-0.2);
    expect(share(2, 7, 9.5, 'Higher')).toBe(1.5);
  });

  it('lower is better: incidents 20 a week → target 10', () => {
    expect(share(20, 10, 10, 'Lower')).toBe(1);
    expect(share(20, 10, 12, 'Lower')).toBe(0.8);
    expect(share(20, 10, 5, 'Lower')).toBe(1.5);
    expect(share(20, 10, 20, 'Lower')).toBe(0);
    expect(share(20, 10, 22, 'Lower')).toBe(-0.2);
  });

  it('decimals land on the band edge: attendance 90.7% → 97.7%, result 96.3% is 0.8', () => {
    expect((96.3 - 90.7) / (97.7 - 90.7)).toBeLessThan(0.8);
    expect(share(90.7, 97.7, 96.3, 'Higher')).toBe(0.8);
    expect(outcomeScore(share(90.7, 97.7, 96.3, 'Higher'))).toBe(0);
  });

  it('no planned gain: a target not beyond the baseline in the better direction', () => {
    expect(gainShare(5, 5, 6, 'Higher')).toEqual({
      ok: false,
      reason:
        'the target is not above the baseline, so there is no planned gain to measure against',
    });
    expect(gainShare(5, 4, 6, 'Higher').ok).toBe(false);
    expect(gainShare(6, 8, 4, 'Lower')).toEqual({
      ok: false,
      reason:
        'the target is not below the baseline, so there is no planned gain to measure against',
    });
  });
});

describe('outcome score bands (Tes Provision Map scale, issue 10 defaults)', () => {
  it.each([
    [-0.5, -2],
    [0, -2],
    [0.01, -1],
    [0.79, -1],
    [0.8, 0],
    [1, 0],
    [1.19, 0],
    [1.2, 1],
    [1.49, 1],
    [1.5, 2],
    [3, 2],
  ])('f = %d → %d', (f, score) => {
    expect(outcomeScore(f)).toBe(score);
  });

  it.each([
    ['higher', 2, 7, 2, -2],
    ['higher', 2, 7, 2.5, -1],
    ['higher', 2, 7, 6, 0],
    ['higher', 2, 7, 8, 1],
    ['higher', 2, 7, 9.5, 2],
    ['lower', 20, 10, 20, -2],
    ['lower', 20, 10, 19, -1],
    ['lower', 20, 10, 12, 0],
    ['lower', 20, 10, 8, 1],
    ['lower', 20, 10, 5, 2],
  ] as const)('%s is better: baseline %d, target %d, result %d → %d', (way, b, t, r, score) => {
    expect(outcomeScore(share(b, t, r, way === 'higher' ? 'Higher' : 'Lower'))).toBe(score);
  });

  it('a school’s own bands', () => {
    const bands = { minusOneAbove: -0.25, zeroFrom: 0.7, plusOneFrom: 1.1, plusTwoFrom: 2 };
    expect(outcomeScore(-0.2, bands)).toBe(-1);
    expect(outcomeScore(-0.25, bands)).toBe(-2);
    expect(outcomeScore(0.7, bands)).toBe(0);
    expect(outcomeScore(1.5, bands)).toBe(1);
    expect(outcomeScore(2, bands)).toBe(2);
  });

  it('labels and score text', () => {
    expect(outcomeLabel(-2)).toBe('Significantly less than expected');
    expect(outcomeLabel(0)).toBe('As expected');
    expect(outcomeLabel(2)).toBe('Significantly more than expected');
    expect(outcomeLabel(1, { labels: { ...DEFAULT_OUTCOME_LABELS, 1: 'Better' } })).toBe('Better');
    expect([-2, -1, 0, 1, 2].map((s) => outcomeScoreText(s as -2 | -1 | 0 | 1 | 2))).toEqual([
      '−2',
      '−1',
      '0',
      '+1',
      '+2',
    ]);
  });
});

describe('target met', () => {
  it.each([
    [1.5, 'Yes'],
    [1, 'Yes'],
    [0.99, 'Partly'],
    [0.01, 'Partly'],
    [0, 'No'],
    [-0.5, 'No'],
  ])('f = %d → %s', (f, met) => {
    expect(targetMet(f)).toBe(met);
  });
});

describe('ratio gain (Brooks): months of age gained ÷ months elapsed', () => {
  const gain = (months: number, from: string, to: string) => {
    const found = ratioGain(months, dateFromIso(from), dateFromIso(to));
    if (!found.ok) throw new Error(found.reason);
    return found;
  };

  it('ratio gain 8 months in 4 months (14/09/2026 to 14/01/2027, 122 days) = 2.0, substantial', () => {
    const found = gain(8, '2026-09-14', '2027-01-14');
    expect(found.monthsElapsed).toBeCloseTo(122 / 30.4375, 9);
    expect(found).toMatchObject({ ratio: 2, descriptor: 'substantial' });
  });

  it('ratio gain 6 months in 6 months (01/09/2026 to 01/03/2027) = 1.0, modest', () => {
    expect(gain(6, '2026-09-01', '2027-03-01')).toMatchObject({ ratio: 1, descriptor: 'modest' });
  });

  it('ratio gain 7 months in 5 months (1.39 unrounded) = 1.4, useful', () => {
    expect(7 / (153 / 30.4375)).toBeLessThan(1.4);
    expect(gain(7, '2026-09-01', '2027-02-01')).toMatchObject({ ratio: 1.4, descriptor: 'useful' });
  });

  it('ratio gain 12 months in 4 months = 3.0, remarkable', () => {
    expect(gain(12, '2026-09-14', '2027-01-14')).toMatchObject({
      ratio: 3,
      descriptor: 'remarkable',
    });
  });

  it('ratio gain 0 months, or 2 months lost, in 4 months = no gain', () => {
    expect(gain(0, '2026-09-14', '2027-01-14')).toMatchObject({ ratio: 0, descriptor: 'no gain' });
    expect(gain(-2, '2026-09-14', '2027-01-14')).toMatchObject({
      ratio: -0.5,
      descriptor: 'no gain',
    });
  });

  it('counts calendar days across the clocks changing (25/10/2026)', () => {
    expect(gain(1, '2026-10-01', '2026-10-31').monthsElapsed).toBeCloseTo(30 / 30.4375, 9);
  });

  it('no ratio when the result date is not after the baseline date', () => {
    const reason = { ok: false, reason: 'the result date is not after the baseline date' };
    expect(ratioGain(4, dateFromIso('2026-09-14'), dateFromIso('2026-09-14'))).toEqual(reason);
    expect(ratioGain(4, dateFromIso('2026-09-14'), dateFromIso('2026-09-01'))).toEqual(reason);
  });

  it.each([
    [-1, 'no gain'],
    [0, 'no gain'],
    [0.1, 'modest'],
    [1.3, 'modest'],
    [1.4, 'useful'],
    [1.9, 'useful'],
    [2, 'substantial'],
    [2.9, 'substantial'],
    [3, 'remarkable'],
    [4.5, 'remarkable'],
  ])('descriptor of %d is %s', (ratio, descriptor) => {
    expect(ratioDescriptor(ratio)).toBe(descriptor);
  });
});

describe('effect size (change ÷ 15) and EEF months of progress', () => {
  it('6 points = effect size 0.40 = 5 months; 15 points = 1.0 = 12 months; −3 points = −0.20 = −3', () => {
    expect(effectSize(6)).toBeCloseTo(0.4, 10);
    expect(eefMonths(effectSize(6))).toBe(5);
    expect(eefMonths(effectSize(15))).toBe(12);
    expect(eefMonths(effectSize(-3))).toBe(-3);
  });

  it('1 point = 0.07 = 1 month; 0.2 points = 0.01 = 0 months', () => {
    expect(eefMonths(effectSize(1))).toBe(1);
    expect(eefMonths(effectSize(0.2))).toBe(0);
  });

  it.each([
    [0, 0],
    [0.01, 0],
    [0.02, 1],
    [0.09, 1],
    [0.1, 2],
    [0.18, 2],
    [0.19, 3],
    [0.26, 3],
    [0.27, 4],
    [0.35, 4],
    [0.36, 5],
    [0.44, 5],
    [0.45, 6],
    [0.52, 6],
    [0.53, 7],
    [0.61, 7],
    [0.62, 8],
    [0.69, 8],
    [0.7, 9],
    [0.78, 9],
    [0.79, 10],
    [0.87, 10],
    [0.88, 11],
    [0.95, 11],
    [0.96, 12],
    [1.5, 12],
  ])('effect size %d → %d months, and the same below zero', (size, months) => {
    expect(eefMonths(size)).toBe(months);
    expect(eefMonths(-size)).toBe(months === 0 ? 0 : -months);
  });

  it.each([
    [0.014, 0],
    [0.015, 1],
    [0.094, 1],
    [0.095, 2],
    [0.185, 3],
    [0.955, 12],
    [-0.015, -1],
    [-0.095, -2],
  ])('between bands, effect size %d rounds to two decimals: %d months', (size, months) => {
    expect(eefMonths(size)).toBe(months);
  });
});

const evaluate = (input: OutcomeInput): OutcomeEvaluation => {
  const found = evaluateOutcome(input);
  if (!found.ok) throw new Error(JSON.stringify(found.errors));
  return found.value;
};
const errorsOf = (input: OutcomeInput) => {
  const found = evaluateOutcome(input);
  if (found.ok) throw new Error('accepted');
  return found.errors;
};

const SEPT = dateFromIso('2026-09-14');
const JAN = dateFromIso('2027-01-14');

describe('one pupil’s outcome', () => {
  it('reading age 7y 4m → 8y 0m (target 7y 10m) in 4 months: +1, target met, ratio gain 2.0', () => {
    expect(
      evaluate({
        measure: readingAge,
        baseline: 88,
        target: 94,
        result: 96,
        baselineDate: SEPT,
        resultDate: JAN,
      }),
    ).toEqual({
      score: 1,
      label: 'More than expected',
      chosen: false,
      reason: '',
      workedOut: 1,
      noScoreBecause: '',
      gainShare: 1.333333333,
      targetMet: 'Yes',
      ratioGain: { ratio: 2, monthsElapsed: 122 / 30.4375, descriptor: 'substantial' },
      scoreChange: undefined,
      summary:
        'Reading age up 8 months in 4 months: ratio gain 2.0, substantial; target met (More than expected)',
      cells: {
        outcomeScore: 1,
        targetMet: 'Yes',
        ratioGain: '2.0 (substantial)',
        scoreChange: '',
        outcomeReason: '',
      },
    });
  });

  it('reading age 8y 0m → 7y 10m in 4 months: ratio gain −0.5, no gain, with a true minus', () => {
    const found = evaluate({
      measure: readingAge,
      baseline: 96,
      target: 100,
      result: 94,
      baselineDate: SEPT,
      resultDate: JAN,
    });
    expect(found.cells.ratioGain).toBe('−0.5 (no gain)');
    expect(found.summary).toBe(
      'Reading age down 2 months in 4 months: ratio gain −0.5, no gain; target not met (Significantly less than expected)',
    );
  });

  it('standardised 100 → 100.2 (+0.2 points) = effect size 0.01 = 0 months; +0.3 = 0.02 = 1 month', () => {
    const change = (result: number) =>
      evaluate({ measure: standardised, baseline: 100, target: 110, result }).cells.scoreChange;
    expect(change(100.2)).toBe('+0.2 points, effect size +0.01: 0 months’ progress (EEF Toolkit)');
    expect(change(100.3)).toBe('+0.3 points, effect size +0.02: +1 month’s progress (EEF Toolkit)');
  });

  it('reading age without dates: no ratio gain', () => {
    const found = evaluate({ measure: readingAge, baseline: 88, target: 94, result: 89 });
    expect(found.ratioGain).toBeUndefined();
    expect(found.summary).toBe('Reading age up 1 month; target partly met (Less than expected)');
  });

  it('standardised 85 → 91 (target 95): −1, partly met, +6 points = effect size 0.40 = 5 months', () => {
    const found = evaluate({ measure: standardised, baseline: 85, target: 95, result: 91 });
    expect(found).toMatchObject({ score: -1, targetMet: 'Partly', gainShare: 0.6 });
    expect(found.scoreChange?.points).toBe(6);
    expect(found.scoreChange?.effectSize).toBeCloseTo(0.4, 10);
    expect(found.scoreChange?.eefMonths).toBe(5);
    expect(found.cells.scoreChange).toBe(
      '+6 points, effect size +0.40: +5 months’ progress (EEF Toolkit)',
    );
    expect(found.summary).toBe(
      'Standardised reading score up 6 points (85 to 91): effect size +0.40, +5 months’ progress (EEF); target partly met (Less than expected)',
    );
  });

  it('standardised 92 → 89: −3 points = effect size −0.20 = −3 months', () => {
    const found = evaluate({ measure: standardised, baseline: 92, target: 100, result: 89 });
    expect(found.cells.scoreChange).toBe(
      '−3 points, effect size −0.20: −3 months’ progress (EEF Toolkit)',
    );
    expect(found.score).toBe(-2);
  });

  it.each([
    [2, 0, 'Yes', 'down from 6 to 2; target met (As expected)'],
    [3, -1, 'Partly', 'down from 6 to 3; target partly met (Less than expected)'],
    [0, 2, 'Yes', 'down from 6 to 0; target met (Significantly more than expected)'],
    [6, -2, 'No', 'unchanged at 6; target not met (Significantly less than expected)'],
    [7, -2, 'No', 'up from 6 to 7; target not met (Significantly less than expected)'],
  ] as const)(
    'incidents 6 a week → %d (target 2, fewer is better): %d',
    (result, score, met, text) => {
      const found = evaluate({ measure: incidents, baseline: 6, target: 2, result });
      expect(found.score).toBe(score);
      expect(found.targetMet).toBe(met);
      expect(found.summary).toBe(`Behaviour incidents a week ${text}`);
    },
  );

  it('spelling 4/10 → 8/10 (target 8/10): 0, as expected', () => {
    const found = evaluate({ measure: spelling, baseline: 4, target: 8, result: 8 });
    expect(found.summary).toBe('Spelling test up from 4/10 to 8/10; target met (As expected)');
    expect(found.cells).toEqual({
      outcomeScore: 0,
      targetMet: 'Yes',
      ratioGain: '',
      scoreChange: '',
      outcomeReason: '',
    });
  });

  it('attendance 90% → 94% (target 95%): f = 0.8, 0 as expected', () => {
    expect(evaluate({ measure: attendance, baseline: 90, target: 95, result: 94 }).score).toBe(0);
  });

  it('no result, no baseline, no target, a target below the baseline: no score, and why', () => {
    expect(evaluate({ measure: readingAge, baseline: 88, target: 94 }).summary).toBe(
      'Reading age: no result yet',
    );
    expect(evaluate({ measure: readingAge, target: 94, result: 90 }).summary).toBe(
      'Reading age: no baseline recorded',
    );
    const noTarget = evaluate({ measure: spelling, baseline: 4, result: 6 });
    expect(noTarget).toMatchObject({ score: undefined, targetMet: undefined, label: '' });
    expect(noTarget.summary).toBe(
      'Spelling test up from 4/10 to 6/10; no target recorded, so no outcome score was worked out',
    );
    const backwards = evaluate({ measure: spelling, baseline: 5, target: 4, result: 6 });
    expect(backwards.noScoreBecause).toBe('the target (4/10) is not above the baseline (5/10)');
    expect(backwards.cells.outcomeScore).toBe('');
  });

  it('words only: no score until the reviewer chooses one, with a reason', () => {
    const none = evaluate({ measure: observation });
    expect(none).toMatchObject({ score: undefined, chosen: false, targetMet: undefined });
    expect(none.summary).toBe('Observation is words only: the reviewer chooses the outcome score');

    const chosen = evaluate({
      measure: observation,
      chosen: { score: 1, reason: 'Now joins a group game at lunchtime without an adult' },
    });
    expect(chosen).toMatchObject({ score: 1, label: 'More than expected', chosen: true });
    expect(chosen.summary).toBe(
      'Observation is words only; the reviewer chose "More than expected"',
    );
    expect(chosen.cells.outcomeReason).toBe('Now joins a group game at lunchtime without an adult');

    expect(errorsOf({ measure: observation, chosen: { score: 1, reason: ' ' } })).toEqual({
      outcomeReason: 'Outcome reason: Observation is words only, so say why you chose +1',
    });
  });

  it('a reviewer who disagrees: their score overrides the worked-out one, with a reason', () => {
    const input = { measure: spelling, baseline: 4, target: 8, result: 9 };
    expect(evaluate(input).score).toBe(1);
    const found = evaluate({
      ...input,
      chosen: { score: '0', reason: 'Words practised in the test' },
    });
    expect(found).toMatchObject({ score: 0, workedOut: 1, chosen: true, label: 'As expected' });
    expect(found.summary).toBe(
      'Spelling test up from 4/10 to 9/10; target met (More than expected); the reviewer chose "As expected"',
    );
    expect(errorsOf({ ...input, chosen: { score: 0 } })).toEqual({
      outcomeReason: 'Outcome reason: the worked-out score is +1: say why you chose 0',
    });
  });

  it('a reviewer who agrees needs no reason; a score with no numbers to work from does', () => {
    const found = evaluate({
      measure: spelling,
      baseline: 4,
      target: 8,
      result: 9,
      chosen: { score: '+1', reason: '' },
    });
    expect(found).toMatchObject({ score: 1, chosen: false });
    expect(errorsOf({ measure: spelling, baseline: 4, chosen: { score: '−1' } })).toEqual({
      outcomeReason: 'Outcome reason: no score could be worked out, so say why you chose −1',
    });
  });

  it('refuses a score off the scale, a reason with no score, and a very long reason', () => {
    for (const score of [3, -3, 1.5, 'good', '++1']) {
      expect(errorsOf({ measure: observation, chosen: { score, reason: 'x' } })).toEqual({
        outcomeScore: 'Outcome score: choose a whole number from −2 to +2',
      });
    }
    expect(errorsOf({ measure: observation, chosen: { score: '', reason: 'Happier' } })).toEqual({
      outcomeScore: 'Outcome score: choose the score this reason is for, or clear the reason',
    });
    expect(
      errorsOf({ measure: observation, chosen: { score: 1, reason: 'x'.repeat(1001) } }),
    ).toEqual({ outcomeReason: 'Outcome reason: keep it under 1000 characters' });
  });

  it('uses the school’s bands and labels', () => {
    const found = evaluate({
      measure: spelling,
      baseline: 4,
      target: 8,
      result: 7,
      bands: { minusOneAbove: 0, zeroFrom: 0.7, plusOneFrom: 1.2, plusTwoFrom: 1.5 },
      labels: { ...DEFAULT_OUTCOME_LABELS, 0: 'On track' },
    });
    expect(found).toMatchObject({ score: 0, label: 'On track', targetMet: 'Partly' });
  });
});
