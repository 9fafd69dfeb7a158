import { needsWithoutProvision, whatToLookAt, type LookAtInput } from '../../src/domain/look-at';
import type {
  InterventionFigureFacts,
  PlaceFigureFacts,
  PupilFigureFacts,
} from '../../src/domain/provision-facts';
import { interventionFacts, placeFacts, pupilFacts } from '../support/figure-facts';

const intervention = (
  id: string,
  name: string,
  overrides: Partial<InterventionFigureFacts> = {},
): InterventionFigureFacts => interventionFacts({ id, name, ...overrides });

let nextId = 1;
const place = (
  interventionId: string,
  status: string,
  outcomeScore?: number,
  targetMet = '',
  pupilId = `P${nextId}`,
): PlaceFigureFacts =>
  placeFacts({ id: `PAR-${nextId++}`, interventionId, pupilId, status, outcomeScore, targetMet });
const finishedWith = (id: string, ...scores: number[]) =>
  scores.map((score) => place(id, 'Finished', score));

const lookAt = (input: Partial<LookAtInput>) =>
  whatToLookAt({ interventions: [], places: [], pupils: [], ...input });

describe('not working: an average outcome of −1 or below over three or more pupils', () => {
  test('−1, −1, −1 (average −1.0 over 3) says stop or change it', () => {
    const items = lookAt({
      interventions: [intervention('INT-1', 'Toe by Toe')],
      places: finishedWith('INT-1', -1, -1, -1),
    });
    expect(items).toEqual([
      {
        interventionId: 'INT-1',
        name: 'Toe by Toe',
        kind: 'Not working',
        reason:
          'Pupils made less progress than expected (average outcome −1 over 3 pupils): stop or change it.',
      },
    ]);
  });

  test('the edges: −1 over only 2 pupils, or −0.7 over 3 (−1, −1, 0), is not listed', () => {
    const items = lookAt({
      interventions: [intervention('INT-1', 'Two pupils'), intervention('INT-2', 'Nearly')],
      places: [...finishedWith('INT-1', -1, -1), ...finishedWith('INT-2', -1, -1, 0)],
    });
    expect(items).toEqual([]);
  });

  test('an average of −0.96 rounds to −1.0, so it is listed: the rule follows the figure staff see', () => {
    // 24 pupils: 23 at −1 and one at 0 → −23 ÷ 24 = −0.958 → −1.0.
    const scores = [...Array<number>(23).fill(-1), 0];
    const items = lookAt({
      interventions: [intervention('INT-1', 'Big group')],
      places: finishedWith('INT-1', ...scores),
    });
    expect(items.map((i) => i.kind)).toEqual(['Not working']);
  });

  test('a stopped intervention is not listed as not working: it has been acted on', () => {
    const items = lookAt({
      interventions: [intervention('INT-1', 'Stopped one', { status: 'Stopped' })],
      places: finishedWith('INT-1', -2, -2, -1),
    });
    expect(items).toEqual([]);
  });
});

describe('expensive with little impact: High or Very high EEF cost a pupil', () => {
  test('£2,160 ÷ 3 = £720 a pupil is Moderate (not listed); £2,160.03 ÷ 3 = £720.01 is High (listed)', () => {
    const items = lookAt({
      interventions: [
        intervention('INT-1', 'At the edge', { costPlanned: 2160 }),
        intervention('INT-2', 'Over the edge', { costPlanned: 2160.03 }),
      ],
      places: [...finishedWith('INT-1', 0, 1, 0), ...finishedWith('INT-2', 0, 1, 0)],
    });
    expect(items).toEqual([
      {
        interventionId: 'INT-2',
        name: 'Over the edge',
        kind: 'Expensive',
        reason:
          '£720.01 a pupil, a high cost on the EEF scale, for an average outcome of +0.3: look for a cheaper way to the same progress.',
      },
    ]);
  });

  test('an average of +1 is enough impact for the money; none of the pupils meeting target is not', () => {
    const items = lookAt({
      interventions: [
        intervention('INT-1', 'Works', { costPlanned: 3900 }),
        intervention('INT-2', 'Misses targets', { costPlanned: 3900 }),
      ],
      places: [
        ...finishedWith('INT-1', 1, 1, 1),
        place('INT-2', 'Finished', undefined, 'Partly'),
        place('INT-2', 'Finished', undefined, 'No'),
        place('INT-2', 'Finished', 1, 'No'),
      ],
    });
    expect(items.map((i) => [i.name, i.reason])).toEqual([
      [
        'Misses targets',
        '£1,300.00 a pupil, a very high cost on the EEF scale, for no pupil meeting their target: look for a cheaper way to the same progress.',
      ],
    ]);
  });

  test('a stopped intervention is not listed as expensive: £3,000 ÷ 2 would be very high, but it is over', () => {
    const items = lookAt({
      interventions: [
        intervention('INT-1', 'Stopped early', { status: 'Stopped', costPlanned: 3000 }),
        intervention('INT-2', 'Still finished', { costPlanned: 3000 }),
      ],
      places: [...finishedWith('INT-1', 0, 0), ...finishedWith('INT-2', 0, 0)],
    });
    expect(items.map((i) => [i.kind, i.name])).toEqual([['Expensive', 'Still finished']]);
  });
});

describe('finished with no outcomes, and decisions awaited', () => {
  test('finished or stopped with pupils and no outcome is listed; running, or stopped before anyone started, is not', () => {
    const items = lookAt({
      interventions: [
        intervention('INT-1', 'Finished blank'),
        intervention('INT-2', 'Stopped blank', { status: 'Stopped' }),
        intervention('INT-3', 'Still running', { status: 'Running' }),
        intervention('INT-4', 'Never started', { status: 'Stopped' }),
      ],
      places: [
        place('INT-1', 'Finished'),
        place('INT-1', 'Finished'),
        place('INT-2', 'Stopped'),
        place('INT-3', 'Started'),
        place('INT-4', 'Removed'),
      ],
    });
    expect(items.map((i) => [i.name, i.reason])).toEqual([
      [
        'Finished blank',
        "It finished with no outcome recorded for any of its 2 pupils: record each pupil's outcome so you can tell whether it worked.",
      ],
      [
        'Stopped blank',
        "It was stopped with no outcome recorded for its pupil: record each pupil's outcome so you can tell whether it worked.",
      ],
    ]);
  });

  test('a decision awaited names the latest concern and how many more; a recorded decision clears it', () => {
    const needsDecision =
      '3 November 2026: AB: Judged "Not working" at the mid-point\n' +
      '5 November 2026: CD: Judged "Not working" at the mid-point';
    const items = lookAt({
      interventions: [
        intervention('INT-1', 'Awaiting', { status: 'Running', needsDecision }),
        intervention('INT-2', 'Decided', {
          status: 'Running',
          needsDecision,
          decision: 'Continue',
        }),
      ],
    });
    expect(items).toEqual([
      {
        interventionId: 'INT-1',
        name: 'Awaiting',
        kind: 'Decision awaited',
        reason:
          'A review asked for your decision to continue, change or stop it (5 November 2026: CD: Judged "Not working" at the mid-point, and 1 more).',
      },
    ]);
  });
});

describe('areas of need with no current provision', () => {
  const pupils: PupilFigureFacts[] = [
    pupilFacts({ id: 'S1', yearGroup: 'Year 2', senStatus: 'SEN support', primaryNeed: 'SLCN' }),
    pupilFacts({ id: 'S2', yearGroup: 'Year 4', senStatus: 'EHC plan', primaryNeed: 'SLCN' }),
    pupilFacts({ id: 'A1', yearGroup: 'Year 5', senStatus: 'SEN support', primaryNeed: 'ASD' }),
    pupilFacts({ id: 'M1', yearGroup: 'Year 6', senStatus: '', primaryNeed: 'SEMH' }),
    pupilFacts({ id: 'D1', yearGroup: 'Year 1', senStatus: 'SEN support', primaryNeed: 'SPLD' }),
  ];

  test('SLCN pupils only in a finished intervention have no provision; ASD in a running one, SPLD planned, do', () => {
    const items = lookAt({
      pupils,
      interventions: [
        intervention('INT-1', 'Talk Boost (last term)'),
        intervention('INT-2', 'Lego therapy', { status: 'Running' }),
        intervention('INT-3', 'Nessy', { status: 'Planned' }),
      ],
      places: [
        place('INT-1', 'Finished', 1, 'Yes', 'S1'),
        place('INT-2', 'Started', undefined, '', 'A1'),
        place('INT-3', 'Planned', undefined, '', 'D1'),
      ],
    });
    // SEMH's pupil is not on the SEN register, so no gap is reported for it.
    expect(items).toEqual([
      {
        interventionId: '',
        name: 'Speech, language and communication needs',
        kind: 'Need without provision',
        needCode: 'SLCN',
        reason:
          '2 pupils with speech, language and communication needs (SLCN) and no provision for it: none of them is in a planned or running intervention. Check that their needs are met.',
      },
    ]);
  });

  test('a pupil removed from a running intervention does not count as provided for', () => {
    const items = lookAt({
      pupils: pupils.filter((p) => p.id === 'A1'),
      interventions: [intervention('INT-2', 'Lego therapy', { status: 'Running' })],
      places: [place('INT-2', 'Removed', undefined, '', 'A1')],
    });
    expect(items.map((i) => i.reason)).toEqual([
      '1 pupil with autistic spectrum disorder (ASD) and no provision for it: they are not in a planned or running intervention. Check that their needs are met.',
    ]);
  });
});

test('sorted: decisions awaited, then not working (worst first), expensive, no outcomes, then needs', () => {
  const items = lookAt({
    pupils: [
      pupilFacts({ id: 'X', yearGroup: 'Year 1', senStatus: 'SEN support', primaryNeed: 'HI' }),
    ],
    interventions: [
      intervention('INT-1', 'A no outcomes'),
      intervention('INT-2', 'B expensive', { costPlanned: 4000 }),
      intervention('INT-3', 'C poor', { status: 'Running' }),
      intervention('INT-4', 'D worse'),
      intervention('INT-5', 'E decision', { status: 'Running', needsDecision: 'Not working' }),
    ],
    places: [
      place('INT-1', 'Finished'),
      ...finishedWith('INT-2', 0, 0),
      ...finishedWith('INT-3', -1, -1, -1),
      ...finishedWith('INT-4', -2, -2, -1),
    ],
  });
  expect(items.map((i) => [i.kind, i.name])).toEqual([
    ['Decision awaited', 'E decision'],
    ['Not working', 'D worse'],
    ['Not working', 'C poor'],
    ['Expensive', 'B expensive'],
    ['No outcomes', 'A no outcomes'],
    ['Need without provision', 'Hearing impairment'],
  ]);
});

test('Down syndrome keeps its capital in the sentence', () => {
  const items = needsWithoutProvision({
    interventions: [],
    places: [],
    pupils: [
      pupilFacts({ id: 'P1', yearGroup: 'Year 2', senStatus: 'EHC plan', primaryNeed: 'DS' }),
    ],
  });
  expect(items[0]?.reason).toMatch(/^1 pupil with Down syndrome \(DS\)/);
});
