/**
 * The demo school's provision beyond the intervention sheets: a Provision library, pupils placed in
 * interventions with consent, baselines and targets, and one old intervention typed into the sheet
 * by hand. Chosen so that every kind of good-practice warning shows at least once. Everything goes
 * through the add-on's own endpoints, as a SENCo would do it in the sidebar.
 */
import type { Emulator } from '../src/index';
import { addDays, isoDayInZone, zonedTime, type IsoDay } from './time';

interface Ok {
  ok: boolean;
  id?: string;
  ids?: string[];
  message?: string;
}

function expectOk(result: Ok | undefined, what: string): Ok {
  if (!result || result.ok !== true) {
    throw new Error(`The demo ${what} was refused: ${JSON.stringify(result)}`);
  }
  return result;
}

const LIBRARY = [
  {
    name: 'Precision teaching',
    areaOfNeed: 'SPLD',
    evidenceLink: 'https://educationendowmentfoundation.org.uk/education-evidence',
    evidenceNote: 'Short daily practice with one-minute probes; progress charted every day.',
    evidenceStrength: 'Moderate',
    minutesPerSession: '10',
    sessionsPerWeek: '5',
    lengthWeeks: '10',
    resourceCost: '0',
    usualGroupSize: '1',
    trainingNeeded: 'Half-day precision teaching course',
  },
  {
    name: 'Phonics catch-up',
    areaOfNeed: 'SPLD',
    evidenceLink: 'https://educationendowmentfoundation.org.uk/education-evidence',
    evidenceNote: 'Systematic phonics: strong evidence for early readers (EEF Toolkit).',
    evidenceStrength: 'Strong (several robust studies)',
    minutesPerSession: '20',
    sessionsPerWeek: '4',
    lengthWeeks: '12',
    resourceCost: '45',
    usualGroupSize: '4',
    trainingNeeded: 'School phonics scheme training',
  },
  {
    name: 'Language group',
    areaOfNeed: 'SLCN',
    evidenceLink: '',
    evidenceNote: 'Oral language interventions: high impact for young pupils (EEF Toolkit).',
    evidenceStrength: 'Strong (several robust studies)',
    minutesPerSession: '30',
    sessionsPerWeek: '3',
    lengthWeeks: '10',
    resourceCost: '120',
    usualGroupSize: '4',
    trainingNeeded: 'Speech and language therapist briefing',
  },
  {
    name: 'Emotional literacy support',
    areaOfNeed: 'SEMH',
    evidenceLink: '',
    evidenceNote: 'Weekly 1:1 sessions with a trained TA, with supervision every half term.',
    evidenceStrength: 'Limited',
    minutesPerSession: '40',
    sessionsPerWeek: '1',
    lengthWeeks: '8',
    resourceCost: '0',
    usualGroupSize: '1',
    trainingNeeded: 'ELSA training (6 days)',
  },
];

/** A review as the reviewer records it in "Record a review". */
interface ReviewPlan {
  result: string;
  judgement: 'Working' | 'Partly working' | 'Not working';
  furtherAction: 'Continue' | 'Change' | 'Stop' | 'New plan';
  progress: string;
  /** The reviewer's own score and reason, for a words-only measure. */
  outcomeScore?: '-2' | '-1' | '0' | '+1' | '+2';
  outcomeReason?: string;
}

interface EndReviewPlan extends ReviewPlan {
  runAgain: 'Yes' | 'No';
}

interface Placement {
  pupil: string;
  lesson: string;
  /** One of the measures on the Settings tab (DEFAULT_MEASURES): baseline, target and results fit it. */
  measure: string;
  baseline: string;
  target: string;
  /** Parents told by a blanket consent rather than a letter for this intervention. */
  blanket?: boolean;
  /** Reviews recorded by today; the add-on works out the numbers and outcome scores. */
  midPoint?: ReviewPlan;
  end?: EndReviewPlan;
}

/**
 * Pupils placed in each demo intervention, by its position in the demo's intervention list, and the
 * reviews recorded so far. The finished places' outcome scores cover the whole scale: the friendship
 * group gives +2 (Ava), 0 (Dylan) and −2 (Samuel) from their numbers, the language group +1 (Mia)
 * and −1 (Grace), chosen by the reviewer because its measure is words only.
 */
const PLACEMENTS: Record<number, Placement[]> = {
  // Phonics catch-up: one mid-point working, one not (changed by the SENCo), one still overdue.
  0: [
    {
      ...p('PUP-0005', 'English', 'Phonics check', '14/40', '32/40 or better'),
      midPoint: working('22/40', 'Blends most Phase 3 graphemes; still slow on digraphs'),
    },
    {
      ...p('PUP-0007', 'English', 'Phonics check', '11/40', '30/40 or better'),
      midPoint: {
        result: '12/40',
        judgement: 'Not working',
        furtherAction: 'Change',
        progress: 'Only one more word than at the start; forgets graphemes between sessions',
      },
    },
    p('PUP-0011', 'English', 'Phonics check', '18/40', '34/40 or better'),
  ],
  // Precision teaching: the mid-points are not due yet.
  1: [
    p('PUP-0016', 'English', 'Spelling test', '3/10', '8/10 or better'),
    p('PUP-0024', 'English', 'Spelling test', '4/10', '8/10 or better'),
  ],
  // Number sense group: one mid-point judged not working, awaiting the SENCo's decision.
  2: [
    // Three 30-minute sessions a week out of maths: 90 minutes, above the 60-minute threshold.
    p('PUP-0017', 'Maths', 'Mental maths', '8/20', '14/20 or better'),
    {
      ...p('PUP-0023', 'Maths', 'Mental maths', '6/20', '12/20 or better'),
      midPoint: {
        result: '6/20',
        judgement: 'Not working',
        furtherAction: 'Change',
        progress: 'No change in the quiz; still counts on from one with the rods',
      },
    },
    p('PUP-0030', 'Maths', 'Mental maths', '9/20', '15/20 or better'),
  ],
  // Language for learning group: finished; words-only measure, so the reviewer scores it.
  3: [
    {
      ...p(
        'PUP-0020',
        'English',
        'Observation',
        'Retells 1 of 3 story parts',
        'Retells all 3 parts (beginning, middle and end)',
      ),
      midPoint: working('Retells 2 of 3 parts with picture prompts', 'Uses "first" and "next"'),
      end: {
        result: 'Retells all 3 parts; uses sequencing words in class too',
        judgement: 'Working',
        furtherAction: 'Stop',
        progress: 'Good progress; uses sequencing words in class too',
        outcomeScore: '+1',
        outcomeReason:
          'Met the target and carries it into class work, which the target did not ask',
        runAgain: 'Yes',
      },
    },
    {
      ...p(
        'PUP-0026',
        'English',
        'Observation',
        'Uses 6 of 20 topic words',
        'Uses 15 of 20 topic words in class',
      ),
      midPoint: working('Uses 8 of 20 topic words', 'Slow but steady'),
      end: {
        result: 'Uses 9 of 20 topic words',
        judgement: 'Partly working',
        furtherAction: 'New plan',
        progress: 'Some progress; absent for two weeks with illness',
        outcomeScore: '-1',
        outcomeReason: 'Less progress than planned, partly because of two weeks off ill',
        runAgain: 'Yes',
      },
    },
  ],
  // Friendship and social skills group: finished; the add-on works out the scores.
  4: [
    {
      ...p('PUP-0018', 'PSHE', 'Behaviour incidents a week', '6', '2 a week or fewer', true),
      midPoint: working('3', 'Joins in games at lunchtime with a reminder'),
      // (0 − 6) ÷ (2 − 6) = 1.5 of the planned gain: +2.
      end: ended('0', 'Working', 'No incidents for the last three weeks'),
    },
    {
      ...p('PUP-0029', 'PSHE', 'Behaviour incidents a week', '5', '1 a week or fewer', true),
      midPoint: working('4', 'A little calmer in the group; lunchtimes still hard'),
      // (5 − 5) ÷ (1 − 5) = 0: −2.
      end: ended('5', 'Not working', 'Back to five incidents a week after a change at home'),
    },
    {
      ...p('PUP-0033', 'PSHE', 'Pupil self-rating', '2', '4 or more', true),
      midPoint: working('3', 'Says playtimes are "a bit better"'),
      // (4 − 2) ÷ (4 − 2) = 1: 0, as expected.
      end: ended('4', 'Working', 'Rates lunchtimes 4 out of 5 and joins in without prompting'),
    },
  ],
  5: [
    // Also in precision teaching from a week earlier: two new interventions within four weeks.
    p('PUP-0024', 'Music', 'Behaviour incidents a week', '5', '1 a week or fewer'),
  ],
  // Reading comprehension software: stopped by the SENCo after the mid-point.
  8: [
    {
      ...p('PUP-0035', 'English', 'Reading age', '8y 2m', '9y 0m or more'),
      midPoint: {
        result: '8y 2m',
        judgement: 'Not working',
        furtherAction: 'Stop',
        progress: 'No gain in reading age; clicks through the questions without reading',
      },
    },
    {
      ...p('PUP-0040', 'English', 'Reading age', '7y 9m', '8y 6m or more'),
      midPoint: {
        result: '7y 10m',
        judgement: 'Partly working',
        furtherAction: 'Change',
        progress: 'One month gained in six weeks; needs an adult to talk about the text',
      },
    },
  ],
};

/** The SENCo's decisions, recorded a few days after the mid-point reviews of each intervention. */
const DECISIONS: Record<number, { decision: 'Change' | 'Stop'; form: Record<string, unknown> }> = {
  0: {
    decision: 'Change',
    form: {
      changes: ['dosage', 'approach'],
      plan: 'Five sessions a week instead of four, and a decodable book to take home each week',
    },
  },
  8: {
    decision: 'Stop',
    form: {
      reason:
        'No gain in reading age at the mid-point; both pupils join Reading fluency (paired reading) instead',
    },
  },
};

function p(
  pupil: string,
  lesson: string,
  measure: string,
  baseline: string,
  target: string,
  blanket = false,
): Placement {
  return { pupil, lesson, measure, baseline, target, blanket };
}

function working(result: string, progress: string): ReviewPlan {
  return { result, judgement: 'Working', furtherAction: 'Continue', progress };
}

function ended(
  result: string,
  judgement: ReviewPlan['judgement'],
  progress: string,
): EndReviewPlan {
  return { result, judgement, furtherAction: 'Stop', progress, runAgain: 'Yes' };
}

/** The demo interventions as saved, in the demo's order, with each one's place IDs by pupil. */
interface SavedIntervention {
  id: string;
  startDate: IsoDay;
}

/** Places pupils in the demo interventions and records their consent, baselines and targets. */
export function seedDemoProvision(emulator: Emulator, interventions: SavedIntervention[]): void {
  for (const entry of LIBRARY) {
    expectOk(emulator.scriptRun<Ok>('saveLibraryEntry', [entry]).value, 'library entry');
  }
  for (const [index, placements] of Object.entries(PLACEMENTS)) {
    const intervention = interventions[Number(index)];
    if (!intervention) continue;
    const added = expectOk(
      emulator.scriptRun<Ok>('addPupilsToIntervention', [
        { interventionId: intervention.id, pupilIds: placements.map((pl) => pl.pupil) },
      ]).value,
      'placement',
    );
    placements.forEach((placement, i) => {
      const start = intervention.startDate;
      // Started with the baseline on the place: the add-on schedules the reviews, checks the
      // baseline and target against the measure and completes the Baseline review.
      const form = {
        id: added.ids?.[i] ?? '',
        status: 'Started',
        startDate: start,
        parentsInformedOn: placement.blanket ? '' : addDays(start, -7),
        parentsInformedHow: placement.blanket ? '' : 'Letter',
        parentsNotInformedBecause: placement.blanket
          ? 'Blanket consent for social skills groups, given on the admission form'
          : '',
        baseline: placement.baseline,
        baselineMeasure: placement.measure,
        baselineDate: start,
        target: placement.target,
        lessonMissed: placement.lesson,
        actual: '',
        actualDate: '',
        evaluation: '',
        furtherAction: '',
      };
      expectOk(emulator.scriptRun<Ok>('saveParticipant', [form]).value, 'pupil record');
    });
  }
}

/**
 * An intervention typed straight into the sheet years ago: no length and no rationale. "Check good
 * practice" then writes the warnings of every row, hand-typed ones included.
 */
export function seedHandTypedIntervention(emulator: Emulator, startDate: Date): void {
  emulator.appendRecords('Interventions', [
    {
      'Intervention ID': 'INT-LEGACY01',
      Name: 'Lunchtime nurture club',
      Status: 'Running',
      Lead: 'Harriet Quill',
      'Group or individual': 'Group',
      'Start date': startDate,
      'Sessions per week': 5,
      'Minutes per session': 30,
      Location: 'Nurture room',
      'Expected outcome': 'Calmer lunchtimes',
    },
  ]);
  emulator.menu('checkGoodPractice');
}

/** Something the school did on a day: recorded with the emulated clock set to that afternoon. */
interface DemoEvent {
  day: IsoDay;
  what: string;
  run: () => Ok | undefined;
}

/**
 * Records the reviews a school would have done by today and the SENCo's decisions, each on its own
 * day (the clock is put back to today afterwards): the mid-points and ends above through
 * saveReview, so results, numbers, outcome scores, Needs decision and statuses are the add-on's
 * own; then a Change (phonics) and a Stop (reading comprehension) through recordDecision. The
 * number sense group's mid-point judged "Not working" stays awaiting a decision, and later
 * mid-points stay due or overdue, so the daily reminders have something to send.
 */
export function seedDemoReviews(emulator: Emulator, interventions: SavedIntervention[]): void {
  const timeZone = emulator.state.spreadsheet.timeZone;
  const now = emulator.now;
  const today = isoDayInZone(now, timeZone);
  const places = emulator.records('Participants');
  const reviews = emulator.records('Reviews');
  const events: DemoEvent[] = [];

  for (const [index, placements] of Object.entries(PLACEMENTS)) {
    const intervention = interventions[Number(index)];
    if (!intervention) continue;
    let lastMidPoint: IsoDay | undefined;
    for (const placement of placements) {
      const place = places.find(
        (r) => r['Intervention ID'] === intervention.id && r['Pupil ID'] === placement.pupil,
      );
      const placeId = place?.['Participant ID'];
      for (const [kind, plan] of [
        ['Mid-point', placement.midPoint],
        ['End', placement.end],
      ] as const) {
        if (!plan) continue;
        const review = reviews.find((r) => r['Participant ID'] === placeId && r.Kind === kind);
        const due = review?.['Due date'];
        if (!review || !(due instanceof Date)) {
          throw new Error(`The demo has no ${kind} review for ${placement.pupil}`);
        }
        // On its due date, or last Friday for one due today.
        const dueDay = isoDayInZone(due, timeZone);
        const day = dueDay < today ? dueDay : addDays(today, -3);
        if (kind === 'Mid-point' && (!lastMidPoint || day > lastMidPoint)) lastMidPoint = day;
        const form = {
          reviewId: String(review['Review ID']),
          kind,
          result: plan.result,
          resultDate: day,
          progress: plan.progress,
          otherFactors: '',
          judgement: plan.judgement,
          furtherAction: plan.furtherAction,
          runAgain: 'runAgain' in plan ? plan.runAgain : '',
          changeFirst: '',
          staffTrainingNeeds:
            kind === 'End' && index === '3' ? 'Refresher on story grammar for the new TA' : '',
          outcomeScore: plan.outcomeScore ?? '',
          outcomeReason: plan.outcomeReason ?? '',
        };
        events.push({
          day,
          what: `${kind} review`,
          run: () => emulator.scriptRun<Ok>('saveReview', [form]).value,
        });
      }
    }
    const decision = DECISIONS[Number(index)];
    if (decision && lastMidPoint) {
      events.push({
        day: addDays(lastMidPoint, 3),
        what: `${decision.decision} decision`,
        run: () =>
          emulator.scriptRun<Ok>('recordDecision', [
            { interventionId: intervention.id, decision: decision.decision, ...decision.form },
          ]).value,
      });
    }
  }

  events.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  try {
    for (const event of events) {
      emulator.setNow(zonedTime(event.day < today ? event.day : today, 16, 0, timeZone));
      expectOk(event.run(), event.what);
    }
  } finally {
    emulator.setNow(now);
  }
  // The SENCo was told of each "Not working" review weeks ago: the trial's outbox starts empty.
  emulator.state.outbox.length = 0;
}

/**
 * Letters to parents the demo school has already sent: a starting letter for each pupil of the
 * precision teaching group (running), and an end letter for each pupil of the finished language
 * group and of the stopped reading comprehension group, made through the add-on's own endpoint, so
 * the Docs viewer has real letters to show.
 */
export function seedDemoLetters(emulator: Emulator): void {
  const interventions = emulator.records('Interventions');
  const places = emulator.records('Participants');
  const running = interventions.find((r) => String(r.Name).startsWith('Precision teaching'))?.[
    'Intervention ID'
  ];
  const finished = places.find((r) => r.Status === 'Finished')?.['Intervention ID'];
  const stopped = interventions.find((r) => r.Status === 'Stopped')?.['Intervention ID'];
  const letters: { interventionId: unknown; kind: 'start' | 'end' }[] = [
    { interventionId: running, kind: 'start' },
    { interventionId: finished, kind: 'end' },
    { interventionId: stopped, kind: 'end' },
  ];
  for (const { interventionId, kind } of letters) {
    if (!interventionId) continue;
    for (const place of places) {
      if (place['Intervention ID'] !== interventionId || place.Status === 'Removed') continue;
      expectOk(
        emulator.scriptRun<Ok>('generateLetter', [
          { participantId: String(place['Participant ID']), kind },
        ]).value,
        `${kind} letter`,
      );
    }
  }
}
