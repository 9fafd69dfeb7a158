import { dateFromIso } from '../../src/domain/dates';
import {
  averageOutcome,
  averageRatioGain,
  averageScoreChange,
  interventionImpact,
  measureInSentence,
  metTarget,
  oneDecimal,
  unitLabel,
} from '../../src/domain/impact';
import type { PlaceFigureFacts } from '../../src/domain/provision-facts';
import { placeFacts } from '../support/figure-facts';

let nextId = 1;
function place(overrides: Partial<PlaceFigureFacts> = {}): PlaceFigureFacts {
  const id = nextId++;
  // A Finished place in INT-1, each with its own pupil.
  return placeFacts({
    id: `PAR-${id}`,
    interventionId: 'INT-1',
    pupilId: `PUP-${id}`,
    ...overrides,
  });
}
const scored = (...scores: number[]) => scores.map((outcomeScore) => place({ outcomeScore }));

const readingAge = (baseline: number, actual: number, from = '2025-09-01', to = '2026-01-01') =>
  place({
    measure: 'Reading age',
    measureKind: 'Age in months',
    better: 'Higher',
    baselineValue: baseline,
    actualValue: actual,
    baselineDate: dateFromIso(from),
    actualDate: dateFromIso(to),
    outcomeScore: 1,
  });
const standardised = (baseline: number, actual: number) =>
  place({
    measure: 'Standardised reading score',
    measureKind: 'Standardised score',
    better: 'Higher',
    baselineValue: baseline,
    actualValue: actual,
    outcomeScore: 0,
  });
const incidents = (baseline: number, actual: number) =>
  place({
    measure: 'Behaviour incidents a week',
    measureKind: 'Count',
    better: 'Lower',
    baselineValue: baseline,
    actualValue: actual,
    outcomeScore: 0,
  });

const planned = (pounds: number) => ({ planned: pounds, stopped: false });

describe('average outcome and pupils with an outcome', () => {
  test('4 pupils scoring +2, +1, 0 and −1 average +0.5; a pupil with no end review yet is left out', () => {
    const places = [...scored(2, 1, 0, -1), place({ status: 'Started' })];
    const impact = interventionImpact(places, planned(1000));
    expect(impact.pupilsWithOutcome).toBe(4);
    expect(impact.averageOutcome).toBe(0.5);
  });

  test('one decimal, half away from zero: −1, −1, −2, −1 is −1.25 → −1.3; +1, 0, 0 is 0.33 → +0.3', () => {
    expect(averageOutcome(scored(-1, -1, -2, -1))).toBe(-1.3);
    expect(averageOutcome(scored(1, 0, 0))).toBe(0.3);
    expect(oneDecimal(0.15)).toBe(0.2);
  });

  test('a stopped pupil’s outcome counts too (any status); no outcomes at all gives no average', () => {
    expect(averageOutcome([place({ status: 'Stopped', outcomeScore: -2 })])).toBe(-2);
    expect(averageOutcome([place(), place({ status: 'Started' })])).toBeUndefined();
  });
});

test('target met: Yes counts, Partly does not; blanks are not recorded (Yes, Partly, No, Yes, blank → 2 of 4)', () => {
  const places = ['Yes', 'Partly', 'No', 'Yes', ''].map((targetMet) => place({ targetMet }));
  expect(metTarget(places)).toEqual({ met: 2, of: 4 });
});

describe('ratio gain (reading age)', () => {
  // 1 Sep 2025 → 1 Jan 2026 is 122 days = 122 ÷ 30.4375 = 4.008 months.
  // +12 months: 12 ÷ 4.008 = 2.99 → 3.0; +6 months: 6 ÷ 4.008 = 1.50 → 1.5. Average 2.25 → 2.3.
  test('two pupils with ratio gains 3.0 and 1.5 average 2.3; pupils without dates or in another measure are left out', () => {
    const places = [
      readingAge(84, 96),
      readingAge(90, 96),
      place({ ...readingAge(80, 90), actualDate: undefined }),
      standardised(90, 95),
    ];
    expect(averageRatioGain(places)).toEqual({ ratio: 2.3, pupils: 2 });
    const impact = interventionImpact(places, planned(500));
    expect(impact.averageRatioGain).toEqual({ ratio: 2.3, pupils: 2 });
    expect(impact.ratioPupils).toBe(2);
  });

  test('a result dated on or before the baseline gives no ratio, rather than dividing by zero', () => {
    expect(averageRatioGain([readingAge(84, 96, '2026-01-01', '2026-01-01')])).toBeUndefined();
  });
});

test('standardised scores: +9, +6 and +3 points average 6.0 → effect size 6 ÷ 15 = 0.40 → 5 months (EEF 0.36–0.44)', () => {
  const change = averageScoreChange([
    standardised(85, 94),
    standardised(88, 94),
    standardised(90, 93),
    readingAge(84, 96),
  ]);
  expect(change).toEqual({ points: 6, effectSize: 0.4, eefMonths: 5, pupils: 3 });
});

describe('cost per pupil meeting target', () => {
  test('£1,200 planned, 4 pupils, 3 met their target: £400 each meeting target, £300 a pupil', () => {
    const places = ['Yes', 'Yes', 'Yes', 'No'].map((targetMet) => place({ targetMet }));
    const impact = interventionImpact(places, planned(1200));
    expect(impact.costPerPupilMeetingTarget).toBe(400);
    expect(impact.costPerPupil).toBe(300);
    expect(impact.placesTakingPart).toBe(4);
  });

  test('a stopped intervention counts its cost to date: £660 of £1,200, 2 of 4 met → £330, £165 a pupil', () => {
    const places = ['Yes', 'Yes', 'No', ''].map((targetMet) =>
      place({ targetMet, status: 'Stopped' }),
    );
    const impact = interventionImpact(places, { planned: 1200, toDate: 660, stopped: true });
    expect(impact.cost).toBe(660);
    expect(impact.costPerPupilMeetingTarget).toBe(330);
    expect(impact.costPerPupil).toBe(165);
  });

  test('£1,000 ÷ 3 meeting target is rounded to pence: £333.33', () => {
    const places = ['Yes', 'Yes', 'Yes'].map((targetMet) => place({ targetMet }));
    expect(interventionImpact(places, planned(1000)).costPerPupilMeetingTarget).toBe(333.33);
  });

  test('nobody met their target, or no cost yet: no figure, rather than £0 or infinity', () => {
    const none = [place({ targetMet: 'Partly' }), place({ targetMet: 'No' })];
    expect(interventionImpact(none, planned(800)).costPerPupilMeetingTarget).toBeUndefined();
    const met = [place({ targetMet: 'Yes' })];
    expect(interventionImpact(met, { stopped: false }).costPerPupilMeetingTarget).toBeUndefined();
    expect(interventionImpact(met, { planned: 800, stopped: true }).cost).toBeUndefined();
  });
});

describe('cost per unit of progress', () => {
  test('reading age +12 and +6 months for £900: 18 months gained, £50 per month of reading age gained', () => {
    const impact = interventionImpact([readingAge(84, 96), readingAge(90, 96)], planned(900));
    expect(impact.costPerUnit).toEqual({
      pounds: 50,
      label: 'per month of reading age gained',
      unitsGained: 18,
    });
    expect(impact.noCostPerUnitBecause).toBe('');
  });

  test('fewer is better: incidents 10→4, 8→5 and 6→7 are 6 + 3 − 1 = 8 fewer; £400 → £50 per one fewer', () => {
    const impact = interventionImpact(
      [incidents(10, 4), incidents(8, 5), incidents(6, 7)],
      planned(400),
    );
    expect(impact.costPerUnit).toEqual({
      pounds: 50,
      label: 'per one fewer behaviour incident a week',
      unitsGained: 8,
    });
  });

  test('incidents 5→6 and 4→4: one more, not fewer, so no cost per unit, and it says why', () => {
    const impact = interventionImpact([incidents(5, 6), incidents(4, 4)], planned(400));
    expect(impact.costPerUnit).toBeUndefined();
    expect(impact.noCostPerUnitBecause).toBe('no progress in behaviour incidents a week');
  });

  test('pupils measured in different ways cannot share a unit', () => {
    const impact = interventionImpact([readingAge(84, 96), standardised(85, 94)], planned(900));
    expect(impact.costPerUnit).toBeUndefined();
    expect(impact.noCostPerUnitBecause).toBe('pupils were measured in different ways');
  });

  test('standardised points +9 and +6 for £600: £40 per standardised point gained', () => {
    const impact = interventionImpact([standardised(85, 94), standardised(88, 94)], planned(600));
    expect(impact.costPerUnit?.pounds).toBe(40);
    expect(impact.costPerUnit?.label).toBe('per standardised point gained');
  });

  test('a rating or words have no unit to price; an uncosted intervention has no price', () => {
    const rating = place({ measure: 'Pupil self-rating', measureKind: 'Rating 1 to 5' });
    const rated = interventionImpact(
      [{ ...rating, baselineValue: 2, actualValue: 4, outcomeScore: 1 }],
      planned(300),
    );
    expect(rated.noCostPerUnitBecause).toBe(
      'pupil self-rating is a rating from 1 to 5, so progress has no unit to price',
    );
    expect(interventionImpact([readingAge(84, 96)], { stopped: false }).noCostPerUnitBecause).toBe(
      'it has not been costed yet',
    );
  });

  test('labels in plain words for each kind of measure', () => {
    expect(unitLabel('Score out of', 'Spelling test', 'Higher')).toBe('per mark gained');
    expect(unitLabel('Percentage', 'Attendance', 'Higher')).toBe(
      'per percentage point of attendance gained',
    );
    expect(unitLabel('Count', 'Books read', 'Higher')).toBe('per one more book read');
    expect(unitLabel('Age in months', 'Spelling age', 'Higher')).toBe(
      'per month of spelling age gained',
    );
  });

  test('measure names keep acronyms and proper names: "BPVS score", "Salford Reading Test"', () => {
    expect(measureInSentence('Reading age')).toBe('reading age');
    expect(measureInSentence('BPVS score')).toBe('BPVS score');
    expect(measureInSentence('Salford Reading Test')).toBe('Salford Reading Test');
  });
});
