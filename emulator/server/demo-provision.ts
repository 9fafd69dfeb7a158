/**
 * The demo school's provision beyond the intervention sheets: a Provision library, pupils placed in
 * interventions with consent, baselines and targets, and one old intervention typed into the sheet
 * by hand. Chosen so that every kind of good-practice warning shows at least once. Everything goes
 * through the add-on's own endpoints, as a SENCo would do it in the sidebar.
 */
import type { Emulator } from '../src/index';
import { addDays, type IsoDay } from './time';

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

interface Placement {
  pupil: string;
  lesson: string;
  baseline: string;
  measure: string;
  target: string;
  /** Results, for a finished intervention. */
  actual?: string;
  evaluation?: string;
  furtherAction?: string;
  /** Parents told by a blanket consent rather than a letter for this intervention. */
  blanket?: boolean;
}

/** Pupils placed in each demo intervention, by its position in the demo's intervention list. */
const PLACEMENTS: Record<number, Placement[]> = {
  0: [
    p(
      'PUP-0005',
      'English',
      '14/40 on the phonics check',
      'Phonics check (40 words)',
      '32/40 or better',
    ),
    p(
      'PUP-0007',
      'English',
      '11/40 on the phonics check',
      'Phonics check (40 words)',
      '30/40 or better',
    ),
    p(
      'PUP-0011',
      'English',
      '18/40 on the phonics check',
      'Phonics check (40 words)',
      '34/40 or better',
    ),
  ],
  1: [
    p('PUP-0016', 'English', '3/10 in spelling tests', 'Weekly spelling test', '8/10 or better'),
    p('PUP-0024', 'English', '4/10 in spelling tests', 'Weekly spelling test', '8/10 or better'),
  ],
  2: [
    // Three 30-minute sessions a week out of maths: 90 minutes, above the 60-minute threshold.
    p('PUP-0017', 'Maths', 'Standardised score 78', 'Standardised maths score', 'Score 83 or more'),
    p('PUP-0023', 'Maths', 'Standardised score 74', 'Standardised maths score', 'Score 79 or more'),
    p('PUP-0030', 'Maths', 'Standardised score 80', 'Standardised maths score', 'Score 85 or more'),
  ],
  3: [
    {
      ...p(
        'PUP-0020',
        'English',
        'Retells 1 of 3 story parts',
        'Story grammar checklist',
        'Retells all 3 parts',
      ),
      actual: 'Retells all 3 parts with prompts',
      evaluation: 'Good progress; uses sequencing words in class too.',
      furtherAction: 'Continue with class-based support',
    },
    {
      ...p(
        'PUP-0026',
        'English',
        '6 of 20 topic words',
        'Check of 20 taught words',
        '15 of 20 words',
      ),
      actual: '9 of 20 words',
      evaluation: 'Some progress; absent for two weeks with illness.',
      furtherAction: 'Change: add a home word list, review in 6 weeks',
    },
  ],
  4: [
    p(
      'PUP-0018',
      'PSHE',
      '2 of 10 turns taken',
      'Structured lunchtime observation',
      '8 of 10 turns',
      true,
    ),
    p(
      'PUP-0029',
      'PSHE',
      '3 of 10 turns taken',
      'Structured lunchtime observation',
      '8 of 10 turns',
      true,
    ),
  ],
  5: [
    // Also in precision teaching from a week earlier: two new interventions within four weeks.
    p(
      'PUP-0024',
      'Music',
      '5 incidents a week at lunchtime',
      'Behaviour incident log',
      'Fewer than 2 a week',
    ),
  ],
};

function p(
  pupil: string,
  lesson: string,
  baseline: string,
  measure: string,
  target: string,
  blanket = false,
): Placement {
  return { pupil, lesson, baseline, measure, target, blanket };
}

/** Places pupils in the demo interventions and records their consent, baselines and targets. */
export function seedDemoProvision(
  emulator: Emulator,
  interventions: { id: string; startDate: IsoDay }[],
): void {
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
      const form = {
        id: added.ids?.[i] ?? '',
        status: placement.actual ? 'Finished' : 'Started',
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
        actual: placement.actual ?? '',
        actualDate: placement.actual ? addDays(start, 70) : '',
        evaluation: placement.evaluation ?? '',
        furtherAction: placement.furtherAction ?? '',
      };
      // Started first (which schedules the reviews), then finished with the results.
      const started = {
        ...form,
        status: 'Started',
        actual: '',
        actualDate: '',
        evaluation: '',
        furtherAction: '',
      };
      expectOk(emulator.scriptRun<Ok>('saveParticipant', [started]).value, 'pupil record');
      if (placement.actual) {
        expectOk(emulator.scriptRun<Ok>('saveParticipant', [form]).value, 'pupil result');
      }
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

/**
 * Records the reviews a school would have done by today: every baseline already due, and the
 * mid-point and end of the finished language group. Later mid-points stay due or overdue, so the
 * daily reminders have something to send.
 */
export function seedDemoReviews(emulator: Emulator, finishedInterventionId: string): void {
  const now = emulator.now;
  const places = new Map(emulator.records('Participants').map((r) => [r['Participant ID'], r]));
  const iso = (date: Date) =>
    `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  for (const review of emulator.records('Reviews')) {
    const due = review['Due date'];
    if (!(due instanceof Date) || due > now || review.Status !== 'Due') continue;
    const place = places.get(review['Participant ID']);
    const finished = review['Intervention ID'] === finishedInterventionId;
    if (!place || (review.Kind !== 'Baseline' && !finished)) continue;
    const atEnd = review.Kind === 'End';
    const form = {
      reviewId: String(review['Review ID']),
      kind: String(review.Kind),
      result: atEnd ? String(place.Actual || place.Baseline) : String(place.Baseline),
      resultDate: iso(due),
      progress: review.Kind === 'Baseline' ? '' : 'Steady progress, checked against the baseline',
      otherFactors: '',
      judgement: review.Kind === 'Baseline' ? '' : 'Working',
      furtherAction: review.Kind === 'Baseline' ? '' : atEnd ? 'Stop' : 'Continue',
      runAgain: atEnd ? 'Yes' : '',
      changeFirst: '',
      staffTrainingNeeds: atEnd ? 'Refresher on story grammar scoring for the new TA' : '',
    };
    expectOk(emulator.scriptRun<Ok>('saveReview', [form]).value, 'review');
  }
}

/**
 * Letters to parents the demo school has already sent: a starting letter for each pupil of the
 * precision teaching group (running) and an end letter for each pupil of the finished language
 * group, made through the add-on's own endpoint, so the Docs viewer has real letters to show.
 */
export function seedDemoLetters(emulator: Emulator): void {
  const interventions = emulator.records('Interventions');
  const places = emulator.records('Participants');
  const running = interventions.find((r) => String(r.Name).startsWith('Precision teaching'))?.[
    'Intervention ID'
  ];
  const finished = places.find((r) => r.Status === 'Finished')?.['Intervention ID'];
  const letters: { interventionId: unknown; kind: 'start' | 'end' }[] = [
    { interventionId: running, kind: 'start' },
    { interventionId: finished, kind: 'end' },
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
