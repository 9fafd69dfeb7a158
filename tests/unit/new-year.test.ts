import { amalgamate, withArchivedRuns } from '../../src/domain/amalgamate';
import { typicalSchoolYear, type TermDateRow } from '../../src/domain/calendar';
import {
  archiveTabName,
  archivedYearsText,
  lastDateOf,
  parseArchivedYears,
  planNewYear,
  removalOf,
  schoolYearLabel,
  schoolYearOfDate,
  termDatesToAdd,
  type InterventionRecord,
  type NewYearInput,
  type PlaceRecord,
  type ReviewRecord,
} from '../../src/domain/new-year';
import { confirmationText, resultText } from '../../src/domain/new-year-words';
import { interventionFacts, libraryFacts, placeFacts, pupilFacts } from '../support/figure-facts';

const day = (y: number, m: number, d: number) => new Date(y, m - 1, d);
const TABS = { interventions: 'Interventions', participants: 'Participants', reviews: 'Reviews' };

describe('school years run from 1 September to 31 August', () => {
  test('a date belongs to the year that began on the September before it', () => {
    expect(schoolYearOfDate(day(2026, 8, 31))).toBe(2025);
    expect(schoolYearOfDate(day(2026, 9, 1))).toBe(2026);
    expect(schoolYearOfDate(day(2027, 1, 15))).toBe(2026);
  });

  test('named as schools write them, and archive tabs after them', () => {
    expect(schoolYearLabel(2025)).toBe('2025-26');
    expect(schoolYearLabel(2099)).toBe('2099-00');
    expect(archiveTabName(2025, 'Reviews')).toBe('Archive 2025-26: Reviews');
  });

  test('the Settings list of archived years reads back what it wrote, and nothing else', () => {
    expect(archivedYearsText([2025, 2024, 2025])).toBe('2024-25, 2025-26');
    expect(parseArchivedYears('2024-25, 2025-26')).toEqual([2024, 2025]);
    expect(parseArchivedYears('2025/26 and 2023 - 24')).toEqual([2023, 2025]);
    // Not a school year: the second part is not the next year.
    expect(parseArchivedYears('2025-27, 2025-260')).toEqual([]);
  });
});

describe('the last thing that happened to an intervention', () => {
  const base: InterventionRecord = { id: 'INT-1', status: 'Finished' };
  test('the latest of its decision, its reviews done and its pupils’ final results', () => {
    const places: PlaceRecord[] = [
      { id: 'PAR-1', interventionId: 'INT-1', status: 'Finished', actualDate: day(2026, 7, 10) },
    ];
    const reviews: ReviewRecord[] = [
      { id: 'R1', interventionId: 'INT-1', participantId: 'PAR-1', doneOn: day(2026, 7, 14) },
      { id: 'R2', interventionId: 'INT-1', participantId: 'PAR-1', doneOn: undefined },
    ];
    expect(lastDateOf({ ...base, decidedOn: day(2026, 3, 2) }, places, reviews)).toEqual(
      day(2026, 7, 14),
    );
  });

  test('with nothing recorded, the last day of its planned length; with no start, unknown', () => {
    // Monday 1 June 2026 for 10 weeks: the last day is Sunday 9 August.
    const planned = { ...base, startDate: day(2026, 6, 1), lengthWeeks: 10 };
    expect(lastDateOf(planned, [], [])).toEqual(day(2026, 8, 9));
    expect(lastDateOf({ ...base, lengthWeeks: 10 }, [], [])).toBeUndefined();
  });
});

/** A small school on 7 September 2026, with last year's term dates only. */
function school(overrides: Partial<NewYearInput> = {}): NewYearInput {
  return {
    today: day(2026, 9, 7),
    interventions: [
      // Finished in July: 2025-26's.
      { id: 'INT-1', status: 'Finished' },
      // Stopped by the SENCo in October 2025.
      { id: 'INT-2', status: 'Stopped', decidedOn: day(2025, 10, 22) },
      // Still running, begun last year.
      { id: 'INT-3', status: 'Running' },
      // Its Status cell says Finished, but a pupil is still started: running.
      { id: 'INT-4', status: 'Finished' },
      // Finished this week: the new year's own work.
      { id: 'INT-5', status: 'Finished' },
      // Finished with no date at all.
      { id: 'INT-6', status: 'Finished' },
      // Finished two years ago, still on the working tabs.
      { id: 'INT-7', status: 'Finished', startDate: day(2024, 9, 9), lengthWeeks: 12 },
    ],
    places: [
      { id: 'PAR-1', interventionId: 'INT-1', status: 'Finished', actualDate: day(2026, 7, 15) },
      { id: 'PAR-2', interventionId: 'INT-1', status: 'Finished', actualDate: day(2026, 7, 16) },
      { id: 'PAR-3', interventionId: 'INT-2', status: 'Stopped' },
      { id: 'PAR-4', interventionId: 'INT-3', status: 'Started', actualDate: day(2026, 6, 1) },
      { id: 'PAR-5', interventionId: 'INT-4', status: 'Started' },
      { id: 'PAR-6', interventionId: 'INT-4', status: 'Finished', actualDate: day(2026, 7, 1) },
      { id: 'PAR-7', interventionId: 'INT-5', status: 'Finished', actualDate: day(2026, 9, 2) },
      { id: 'PAR-8', interventionId: 'INT-6', status: 'Finished' },
      { id: 'PAR-9', interventionId: 'INT-7', status: 'Finished' },
    ],
    reviews: [
      { id: 'REV-1', interventionId: 'INT-1', participantId: 'PAR-1', doneOn: day(2026, 7, 15) },
      // A review whose Intervention ID was left blank: found by its place.
      { id: 'REV-2', interventionId: '', participantId: 'PAR-2', doneOn: day(2026, 7, 16) },
      { id: 'REV-3', interventionId: 'INT-2', participantId: 'PAR-3' },
      { id: 'REV-4', interventionId: 'INT-3', participantId: 'PAR-4', doneOn: day(2026, 6, 1) },
      { id: 'REV-5', interventionId: 'INT-4', participantId: 'PAR-5' },
      { id: 'REV-6', interventionId: 'INT-7', participantId: 'PAR-9' },
    ],
    termRows: typicalSchoolYear(2025),
    ...overrides,
  };
}

describe('which interventions move to the archive', () => {
  const plan = planNewYear(school());

  test('the year started is the coming one from August', () => {
    expect(plan.year).toBe(2026);
    expect(planNewYear(school({ today: day(2026, 8, 3) })).year).toBe(2026);
    expect(planNewYear(school({ today: day(2026, 7, 20) })).year).toBe(2025);
  });

  test('finished and stopped ones of past years, each with its places and reviews, by the year it ended in', () => {
    expect(plan.moves).toEqual([
      { year: 2024, interventions: ['INT-7'], places: ['PAR-9'], reviews: ['REV-6'] },
      {
        year: 2025,
        interventions: ['INT-1', 'INT-2'],
        places: ['PAR-1', 'PAR-2', 'PAR-3'],
        reviews: ['REV-1', 'REV-2', 'REV-3'],
      },
    ]);
  });

  test('running work stays, whatever its Status cell says, and so does work finished this year', () => {
    const moved = plan.moves.flatMap((m) => [...m.interventions, ...m.places, ...m.reviews]);
    for (const id of ['INT-3', 'PAR-4', 'REV-4', 'INT-4', 'PAR-5', 'REV-5', 'INT-5', 'PAR-7']) {
      expect(moved).not.toContain(id);
    }
  });

  test('one still open that was planned to end in a past year stays, and the SENCo is told', () => {
    const open = planNewYear(
      school({
        interventions: [
          ...school().interventions,
          // Started September 2025 for 12 weeks: an end review never recorded.
          { id: 'INT-8', status: 'Running', startDate: day(2025, 9, 15), lengthWeeks: 12 },
          // Planned to run this year: not counted.
          { id: 'INT-9', status: 'Planned', startDate: day(2026, 9, 14), lengthWeeks: 6 },
        ],
      }),
    );
    expect(open.stillOpen).toBe(1);
    expect(open.moves.flatMap((m) => m.interventions)).not.toContain('INT-8');
    expect(confirmationText(open, TABS).text).toContain(
      '1 intervention was planned to end in an earlier school year but is still open on the Interventions tab (an end review not recorded yet, a pupil still Started, or never started), so it stays: record its end reviews or stop it, then choose this again to move it.',
    );
  });

  test('a finished one with no date to tell its year stays, and is counted', () => {
    expect(plan.undated).toBe(1);
    expect(plan.moves.flatMap((m) => m.interventions)).not.toContain('INT-6');
  });

  test('before August, this year’s own finished work cannot move yet', () => {
    const march = planNewYear(school({ today: day(2026, 3, 2) }));
    expect(march.midYear).toBe(true);
    expect(march.moves.map((m) => m.year)).toEqual([2024]);
    expect(plan.midYear).toBe(false);
  });
});

describe('term dates for the new year', () => {
  test('a typical year is added when the Settings tab has none for it', () => {
    const added = termDatesToAdd(2026, typicalSchoolYear(2025));
    expect(added).toEqual(typicalSchoolYear(2026));
    expect(added[0]).toMatchObject({ kind: 'Term', name: 'Autumn term', from: day(2026, 9, 1) });
  });

  test('the school’s own dates for the year are kept: nothing is added', () => {
    const own: TermDateRow[] = [
      { kind: 'Term', name: 'Autumn', from: day(2026, 9, 3), to: day(2026, 12, 18) },
    ];
    expect(termDatesToAdd(2026, [...typicalSchoolYear(2025), ...own])).toEqual([]);
    // A holiday row alone is not the year's term dates.
    const holiday: TermDateRow[] = [
      { kind: 'Holiday', name: 'Half term', from: day(2026, 10, 26), to: day(2026, 10, 30) },
    ];
    expect(termDatesToAdd(2026, holiday)).toHaveLength(typicalSchoolYear(2026).length);
  });
});

describe('what the SENCo is asked, and told', () => {
  const oneYear = school({
    interventions: school().interventions.filter((i) => i.id !== 'INT-7' && i.id !== 'INT-6'),
  });

  test('the confirmation names every step with its counts and the archive tabs', () => {
    const words = confirmationText(planNewYear(oneYear), TABS);
    expect(words.asks).toBe(true);
    expect(words.text).toContain(
      '1. Move 2 finished or stopped interventions of 2025-26, with their 3 pupil places and 3 reviews, to the archive tabs "Archive 2025-26: Interventions", "Archive 2025-26: Participants" and "Archive 2025-26: Reviews".',
    );
    expect(words.text).toContain(
      '2. Roll the term dates forward to 2026-27: typical dates for 1 September 2026 to 31 August 2027',
    );
    expect(words.text).toContain('Nothing is deleted');
    expect(words.text).toContain('the audit log records the move');
    expect(words.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  test('several years: each year’s counts and tabs, newest first', () => {
    const text = confirmationText(planNewYear(school()), TABS).text;
    expect(text).toContain(
      'Move 3 finished or stopped interventions, with their 4 pupil places and 4 reviews, each to the archive tabs of the school year it ended in:',
    );
    expect(text.indexOf('• 2025-26: 2 interventions, 3 pupil places and 3 reviews')).toBeLessThan(
      text.indexOf('• 2024-25: 1 intervention, 1 pupil place and 1 review, to "Archive 2024-25'),
    );
    expect(text).toContain(
      '1 finished or stopped intervention has no start date, decision or review date',
    );
  });

  test('nothing to move: it says so and still offers the term dates', () => {
    const words = confirmationText(
      planNewYear(school({ interventions: [], places: [], reviews: [] })),
      TABS,
    );
    expect(words.asks).toBe(true);
    expect(words.text).toMatch(/^There is nothing to move: no finished or stopped intervention/);
    expect(words.text).toContain('Roll the term dates forward to 2026-27');
    expect(words.text).not.toContain('1. ');
  });

  test('nothing to move and the dates already rolled: nothing to ask', () => {
    const words = confirmationText(
      planNewYear(
        school({
          interventions: [],
          places: [],
          reviews: [],
          termRows: typicalSchoolYear(2026),
        }),
      ),
      TABS,
    );
    expect(words).toEqual({
      asks: false,
      text: 'Nothing to do: no finished or stopped intervention ended before 1 September 2026, and the Settings tab already has term dates for 2026-27 (they stay as they are).',
    });
  });

  test('before August the SENCo is told when this year’s work can move', () => {
    const text = confirmationText(planNewYear(school({ today: day(2026, 3, 2) })), TABS).text;
    expect(text).toContain(
      'It is still the 2025-26 school year (to 31 August 2026), so only work that ended before 1 September 2025 can move. Choose this again from 1 August 2026',
    );
  });

  test('the result says what moved, where, and that the dates are to be checked', () => {
    const plan = planNewYear(oneYear);
    const text = resultText({ plan, archived: 8 }, TABS);
    expect(text).toContain('Moved 2 finished or stopped interventions of 2025-26');
    expect(text).toContain(
      'The audit log has a row for each record moved, saying which archive tab it went to.',
    );
    expect(text).toContain('Typical term dates for 2026-27 were added to the Settings tab');
    expect(text).not.toContain('already in the archive');
  });

  test('after a move that stopped part-way, it says which records were already archived', () => {
    const text = resultText({ plan: planNewYear(oneYear), archived: 5 }, TABS);
    expect(text).toContain(
      '3 records were already in the archive from a move that stopped part-way: they were only taken off the working tabs, not copied again.',
    );
  });
});

describe('archived runs still count in the impact by type of provision', () => {
  const library = [libraryFacts({ id: 'PRV-1', name: 'Talk Boost', areaOfNeed: 'SLCN' })];
  const pupils = [pupilFacts({ id: 'P1' }), pupilFacts({ id: 'P2', yearGroup: 'Year 2' })];
  const lastYear = interventionFacts({ id: 'INT-1', provisionId: 'PRV-1', costPlanned: 300 });
  const thisYear = interventionFacts({
    id: 'INT-2',
    provisionId: 'PRV-1',
    status: 'Running',
    costPlanned: 200,
  });
  const lastPlaces = [
    placeFacts({ id: 'PAR-1', interventionId: 'INT-1', pupilId: 'P1', outcomeScore: 2 }),
    placeFacts({ id: 'PAR-2', interventionId: 'INT-1', pupilId: 'P2', outcomeScore: 0 }),
  ];
  const thisPlaces = [
    placeFacts({ id: 'PAR-3', interventionId: 'INT-2', pupilId: 'P2', status: 'Started' }),
  ];
  const everything = {
    interventions: [lastYear, thisYear],
    places: [...lastPlaces, ...thisPlaces],
    pupils,
    library,
  };

  test('moving a year to the archive changes none of the amalgamated figures', () => {
    const working = { ...everything, interventions: [thisYear], places: thisPlaces };
    const merged = withArchivedRuns(working, { interventions: [lastYear], places: lastPlaces });
    expect(amalgamate(merged)).toEqual(amalgamate(everything));
    expect(amalgamate(merged).byProvisionType[0]).toMatchObject({
      label: 'Talk Boost',
      interventions: 2,
      pupils: 2,
      cost: 500,
    });
  });

  test('a record both archived and still on the working tab (a move cut off) counts once', () => {
    const merged = withArchivedRuns(everything, {
      interventions: [lastYear, lastYear],
      places: lastPlaces,
    });
    expect(amalgamate(merged)).toEqual(amalgamate(everything));
  });
});

describe('taking the moved rows off a working tab', () => {
  test('rows together are deleted a run at a time', () => {
    expect(removalOf([0, 1, 2, 5, 6], 100, 20)).toEqual({
      kind: 'runs',
      runs: [
        { from: 0, count: 3 },
        { from: 5, count: 2 },
      ],
    });
  });

  test('rows scattered through the tab: the rows kept below the first are rewritten instead', () => {
    // Every other row of 1,000 (500 runs): rewriting 499 rows of 20 cells is about 8 calls' worth.
    const everyOther = Array.from({ length: 500 }, (_, i) => i * 2 + 1);
    expect(removalOf(everyOther, 1000, 20)).toEqual({ kind: 'rewrite', from: 1 });
  });

  test('a few runs far up a long tab stay runs: a rewrite would move too many cells', () => {
    expect(removalOf([0, 10, 20, 30, 40], 30000, 22).kind).toBe('runs');
  });
});
