import { addWeeks } from 'date-fns';
import { dateFromIso } from '../../src/domain/dates';
import {
  DEFAULT_PRACTICE_SETTINGS,
  interventionIndex,
  interventionWarnings,
  lessonTimeLostBySubject,
  participantWarnings,
  practiceIndex,
  type InterventionFacts,
  type ParticipantContext,
  type ParticipantFacts,
} from '../../src/domain/warnings';

const START = dateFromIso('2026-09-14');

function intervention(overrides: Partial<InterventionFacts>): InterventionFacts {
  return {
    id: 'INT-1',
    name: 'Phonics catch-up',
    code: '',
    lead: 'Jodie Brackett',
    supportedBy: '',
    lengthWeeks: 10,
    sessionsPerWeek: 3,
    minutesPerSession: 20,
    startDate: START,
    rationale: 'Closes gaps in phonics.',
    provisionId: '',
    status: 'Running',
    ...overrides,
  };
}

const phonics = intervention({ id: 'INT-PH', name: 'Phonics catch-up' });
const spelling = intervention({
  id: 'INT-SP',
  name: 'Precision teaching: spelling',
  startDate: addWeeks(START, 2),
  sessionsPerWeek: 2,
  minutesPerSession: 15,
});
// No start date: its pupils' places have none either unless they started on a day of their own.
const lego = intervention({
  id: 'INT-LG',
  name: 'Lego therapy',
  startDate: undefined,
  sessionsPerWeek: 1,
  minutesPerSession: 30,
});
const club = intervention({ id: 'INT-MC', name: 'Maths club', startDate: addWeeks(START, 10) });
// A row copied by hand with the same ID: the first row of an ID is the intervention.
const copy = intervention({ id: 'INT-PH', name: 'Phonics (copy)', minutesPerSession: 45 });

function place(overrides: Partial<ParticipantFacts>): ParticipantFacts {
  return {
    id: 'PAR-1',
    interventionId: phonics.id,
    pupilId: 'PUP-AVA',
    status: 'Started',
    startDate: undefined,
    lessonMissed: 'Maths',
    ...overrides,
  };
}

/** A school's places as typed by hand: blank start dates, spaces, a removed place, no ID. */
const places: ParticipantFacts[] = [
  place({ id: 'PAR-1' }),
  place({ id: 'PAR-2', interventionId: spelling.id, lessonMissed: 'maths' }),
  place({ id: 'PAR-3', interventionId: lego.id, startDate: addWeeks(START, 1) }),
  place({ id: 'PAR-4', interventionId: club.id, status: 'Removed' }),
  place({ id: 'PAR-5', pupilId: 'PUP-BEN', lessonMissed: 'English' }),
  place({ id: 'PAR-6', pupilId: 'PUP-BEN ', interventionId: spelling.id, lessonMissed: 'English' }),
  place({ id: 'PAR-7', pupilId: 'PUP-BEN', interventionId: lego.id, lessonMissed: 'English' }),
  place({ id: '', pupilId: 'PUP-CAL', interventionId: spelling.id }),
  place({ id: 'PAR-9', pupilId: 'PUP-CAL', interventionId: club.id, status: 'Planned' }),
  place({ id: 'PAR-10', pupilId: '' }),
];

const context: ParticipantContext = {
  settings: DEFAULT_PRACTICE_SETTINGS,
  interventions: [phonics, spelling, lego, club, copy],
  participants: places,
  today: addWeeks(START, 3),
};

const messages = (p: ParticipantFacts, c: ParticipantContext) =>
  participantWarnings(p, c).map((w) => w.message);

describe('checking every place with the places and interventions looked up once', () => {
  // Given the index, the rules look nothing up in the lists: they may as well be empty.
  const indexed: ParticipantContext = {
    ...context,
    interventions: [],
    participants: [],
    index: practiceIndex(context),
  };

  it('gives every place the warnings it has when checked on its own', () => {
    for (const p of places) {
      expect(messages({ ...p }, indexed)).toEqual(messages({ ...p }, context));
    }
  });

  it('gives the warnings of a mixed school, blank start dates following the intervention', () => {
    const severalAva =
      'This pupil starts 3 new interventions within 4 weeks (Phonics catch-up, Lego therapy and Precision teaching: spelling): where possible start one at a time, so you can tell which one worked.';
    const lost = (minutes: number, subject: string, count: number) =>
      `This pupil would miss ${minutes} minutes of ${subject} a week across ${count} interventions (more than 60): what are they losing? Consider taking sessions from a different lesson.`;
    const all = places.map((p) => messages({ ...p }, indexed));
    expect(all).toEqual([
      // Ava: her own lesson's total, each spelling of "Maths" as first typed among her others.
      [severalAva, lost(120, 'maths', 3)],
      [
        'This pupil starts 3 new interventions within 4 weeks (Precision teaching: spelling, Phonics catch-up and Lego therapy): where possible start one at a time, so you can tell which one worked.',
        lost(120, 'Maths', 3),
      ],
      [
        'This pupil starts 3 new interventions within 4 weeks (Lego therapy, Phonics catch-up and Precision teaching: spelling): where possible start one at a time, so you can tell which one worked.',
        lost(120, 'Maths', 3),
      ],
      // Removed: nothing, and it counts for nothing in the others.
      [],
      // Ben, his Pupil ID typed once with a space: Lego therapy has no date, so it is not new.
      [
        'This pupil starts 2 new interventions within 4 weeks (Phonics catch-up and Precision teaching: spelling): where possible start one at a time, so you can tell which one worked.',
        lost(120, 'English', 3),
      ],
      [
        'This pupil starts 2 new interventions within 4 weeks (Precision teaching: spelling and Phonics catch-up): where possible start one at a time, so you can tell which one worked.',
        lost(120, 'English', 3),
      ],
      [lost(120, 'English', 3)],
      // Cal: Maths club starts 8 weeks after spelling, outside the window.
      [lost(90, 'Maths', 2)],
      [lost(90, 'Maths', 2)],
      // No pupil: nothing to check.
      [],
    ]);
  });

  it("counts a pupil's lesson time the same way for the profile", () => {
    for (const pupil of ['PUP-AVA', 'PUP-BEN', 'PUP-CAL']) {
      expect(lessonTimeLostBySubject(pupil, indexed)).toEqual(
        lessonTimeLostBySubject(pupil, context),
      );
    }
    expect(lessonTimeLostBySubject('PUP-BEN', indexed)).toEqual([
      {
        subject: 'English',
        minutesPerWeek: 120,
        interventions: ['Phonics catch-up', 'Precision teaching: spelling', 'Lego therapy'],
      },
    ]);
  });

  it('checks an unsaved place and an edited one against the saved rows', () => {
    const unsaved = place({ id: '', interventionId: club.id, startDate: addWeeks(START, 1) });
    expect(messages(unsaved, indexed)).toEqual(messages(unsaved, context));
    expect(messages(unsaved, indexed)[0]).toContain('starts 4 new interventions');
    // PAR-3 edited to miss English instead: its saved row (Maths) no longer counts.
    const edited = { ...places[2]!, lessonMissed: 'English' };
    expect(messages(edited, indexed)).toEqual(messages(edited, context));
    expect(messages(edited, indexed)).toHaveLength(1);
  });
});

describe('checking every intervention with the staff and library looked up once', () => {
  const staff = [
    { name: 'Jodie Brackett', trainedIn: 'ELSA', role: 'TA' },
    // The same name again, as typed by hand: the first row is the one that counts.
    { name: 'jodie brackett', trainedIn: 'Phonics catch-up', role: 'Teacher' },
    { name: 'Sam Okafor', trainedIn: '', role: 'Teacher' },
  ];
  const library = [
    {
      id: ' PRV-1',
      name: 'Precision teaching',
      evidenceLink: '',
      evidenceNote: 'EEF',
      trainingNeeded: 'A course',
    },
    { id: 'PRV-1', name: 'Other', evidenceLink: '', evidenceNote: '', trainingNeeded: 'None' },
  ];
  const lists = { settings: DEFAULT_PRACTICE_SETTINGS, staff, library };
  const indexed = { ...lists, staff: [], library: [], index: interventionIndex(lists) };

  it('gives every intervention the warnings it has when checked on its own', () => {
    const checked = [
      phonics,
      { ...spelling, provisionId: 'PRV-1 ', rationale: '', supportedBy: 'Sam Okafor, Ghost' },
      { ...lego, lead: 'Nobody', minutesPerSession: 50 },
    ];
    for (const i of checked) {
      expect(interventionWarnings(i, indexed)).toEqual(interventionWarnings(i, lists));
    }
  });

  it('uses the first Staff row of a name and the first library entry of an ID', () => {
    const long = { ...phonics, minutesPerSession: 50, provisionId: 'PRV-1', rationale: '' };
    expect(interventionWarnings(long, indexed).map((w) => w.message)).toEqual([
      // Jodie's first row says TA: the EEF's session length is for TA-led interventions.
      'Sessions of 50 minutes are longer than the 15–45 minutes the EEF recommends for TA-led interventions: pupils lose focus and miss more lessons.',
      // The first PRV-1 entry records evidence and needs training, which Jodie has not had.
      'Jodie Brackett (lead) has no recorded training in Phonics catch-up: record it on the Staff tab, or arrange training.',
    ]);
  });
});
