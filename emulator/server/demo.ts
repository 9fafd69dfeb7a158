/**
 * The demo school the trial page opens with: Larkspur Lane Primary, a fictional one-form-entry
 * primary school. Every name here is invented; the email addresses use the reserved
 * school.example domain.
 *
 * The seed does what a SENCo would: installs the add-on and runs its own "Set up provision map",
 * types the staff and pupils into their tabs, then records eight interventions through the real
 * sidebar endpoint (saveIntervention), so IDs, statuses and validation are the add-on's own. Pupils'
 * places, results and the SENCo's decisions go through the add-on's endpoints too (see
 * demo-provision.ts). Dates are relative to the emulated today, so the demo always has finished,
 * running, stopped and planned work.
 */
import type { Emulator } from '../src/index';
import type { InterventionForm } from '../../src/domain/intervention';
import type { NeedCode } from '../../src/domain/workbook';
import { TABS } from '../../src/domain/workbook';
import {
  seedDemoLetters,
  seedDemoProvision,
  seedDemoReviews,
  seedHandTypedIntervention,
} from './demo-provision';
import { addDays, isoDayInZone, mondayOf, zonedTime, type IsoDay } from './time';

export const DEMO_SCHOOL_NAME = 'Larkspur Lane Primary School';
export const DEMO_SPREADSHEET_NAME = `SEND provision map – ${DEMO_SCHOOL_NAME} (demo)`;

// ---- staff --------------------------------------------------------------------------------------

interface DemoStaff {
  name: string;
  email: string;
  role: 'SENCo' | 'Teacher' | 'TA';
  hourlyCost: number;
  trainedIn: string;
}

const STAFF: readonly DemoStaff[] = [
  {
    name: 'Harriet Quill',
    // The emulator's default user, so the SENCo is the person trying the add-on.
    email: 'senco@school.example',
    role: 'SENCo',
    hourlyCost: 38.5,
    trainedIn: 'Precision teaching; Boxall Profile; Emotional literacy supervision',
  },
  {
    name: 'Tobias Fenwick',
    email: 'tobias.fenwick@school.example',
    role: 'Teacher',
    hourlyCost: 32,
    trainedIn: 'Phonics catch-up; Reading fluency',
  },
  {
    name: 'Priya Marlowe',
    email: 'priya.marlowe@school.example',
    role: 'Teacher',
    hourlyCost: 33.25,
    trainedIn: 'Maths manipulatives',
  },
  {
    name: 'Jodie Brackett',
    email: 'jodie.brackett@school.example',
    role: 'TA',
    hourlyCost: 14.2,
    trainedIn: 'Phonics catch-up; Fine motor skills',
  },
  {
    name: 'Sam Okonjo-Reed',
    email: 'sam.okonjo-reed@school.example',
    role: 'TA',
    hourlyCost: 13.8,
    trainedIn: 'Language group; Social skills group; Maths manipulatives',
  },
  {
    name: 'Elin Carraway',
    email: 'elin.carraway@school.example',
    role: 'TA',
    hourlyCost: 14.5,
    trainedIn: 'Emotional literacy (1:1); Precision teaching; Reading fluency',
  },
];

/** Who teaches each year group's class (a small school: the SENCo teaches upper key stage 2). */
const CLASS_TEACHER: Record<DemoYear, string> = {
  Reception: 'Tobias Fenwick',
  'Year 1': 'Tobias Fenwick',
  'Year 2': 'Tobias Fenwick',
  'Year 3': 'Priya Marlowe',
  'Year 4': 'Priya Marlowe',
  'Year 5': 'Harriet Quill',
  'Year 6': 'Harriet Quill',
};

// ---- pupils -------------------------------------------------------------------------------------

const DEMO_YEARS = [
  'Reception',
  'Year 1',
  'Year 2',
  'Year 3',
  'Year 4',
  'Year 5',
  'Year 6',
] as const;
type DemoYear = (typeof DEMO_YEARS)[number];

interface DemoPupil {
  first: string;
  last: string;
  year: DemoYear;
  sen: 'SEN support' | 'EHC plan';
  primary: NeedCode;
  secondary?: NeedCode;
  /** The year group the pupil works at, when different. */
  workingAt?: DemoYear;
}

/**
 * Pupil, year group, SEN status as the school census codes it (K: SEN support, E: EHC plan),
 * primary need and, for some, a secondary need or the year group they work at.
 */
const PUPILS: readonly DemoPupil[] = [
  pupil('Alfie', 'Puddleby', 'Reception', 'K', 'SLCN'),
  pupil('Maya', 'Thistlewood', 'Reception', 'K', 'SLCN'),
  pupil('Ezra', 'Quickfeather', 'Reception', 'E', 'DS', { secondary: 'SLCN' }),
  pupil('Isla', 'Mossbank', 'Reception', 'K', 'PD'),
  pupil('Noah', 'Pebbleton', 'Year 1', 'K', 'SLCN'),
  pupil('Zara', 'Larkhill', 'Year 1', 'K', 'SEMH'),
  pupil('Theo', 'Bramblecombe', 'Year 1', 'K', 'NSA'),
  pupil('Amara', 'Fernsby', 'Year 1', 'K', 'SLCN', { secondary: 'SEMH' }),
  pupil('Oscar', 'Willowmere', 'Year 1', 'K', 'HI'),
  pupil('Lily', 'Acornfield', 'Year 2', 'K', 'SPLD'),
  pupil('Jacob', 'Hollyhock', 'Year 2', 'K', 'SLCN'),
  pupil('Sofia', 'Kettleby', 'Year 2', 'E', 'ASD', { secondary: 'SLCN' }),
  pupil('Arlo', 'Marigold', 'Year 2', 'K', 'MLD', { workingAt: 'Year 1' }),
  pupil('Ivy', 'Nettleford', 'Year 2', 'K', 'SEMH'),
  pupil('Yusuf', 'Ploverdale', 'Year 2', 'K', 'SLCN'),
  pupil('Freya', 'Quillbrook', 'Year 3', 'K', 'SPLD'),
  pupil('Leo', 'Rushmoor', 'Year 3', 'K', 'MLD', { workingAt: 'Year 2' }),
  pupil('Ava', 'Sedgewick', 'Year 3', 'K', 'SEMH'),
  pupil('Harvey', 'Teasel', 'Year 3', 'K', 'ASD'),
  pupil('Mia', 'Underbough', 'Year 3', 'K', 'SLCN'),
  pupil('Kai', 'Vetchley', 'Year 3', 'K', 'VI'),
  pupil('Poppy', 'Wrenfield', 'Year 4', 'K', 'SPLD'),
  pupil('Reuben', 'Yarrowby', 'Year 4', 'K', 'MLD', { workingAt: 'Year 2' }),
  pupil('Hana', 'Applethwaite', 'Year 4', 'K', 'SEMH', { secondary: 'SPLD' }),
  pupil('Finn', 'Buttercross', 'Year 4', 'E', 'ASD'),
  pupil('Grace', 'Cloudsley', 'Year 4', 'K', 'SLCN'),
  pupil('Idris', 'Dewberry', 'Year 4', 'K', 'OTH'),
  pupil('Ruby', 'Elderwick', 'Year 5', 'K', 'SPLD'),
  pupil('Samuel', 'Foxglove', 'Year 5', 'K', 'SEMH'),
  pupil('Chloe', 'Gorsemoor', 'Year 5', 'K', 'MLD', { workingAt: 'Year 3' }),
  pupil('Ibrahim', 'Heatherby', 'Year 5', 'K', 'SLCN'),
  pupil('Elsie', 'Inkcap', 'Year 5', 'E', 'PD', { secondary: 'MLD' }),
  pupil('Dylan', 'Juniperfold', 'Year 5', 'K', 'SEMH'),
  pupil('Nia', 'Kingcup', 'Year 5', 'K', 'ASD'),
  pupil('Toby', 'Lichfold', 'Year 6', 'K', 'SPLD'),
  pupil('Aisha', 'Meadowsweet', 'Year 6', 'K', 'SEMH'),
  pupil('George', 'Nightjar', 'Year 6', 'K', 'MLD', { workingAt: 'Year 4' }),
  pupil('Layla', 'Oakapple', 'Year 6', 'K', 'SLCN'),
  pupil('Max', 'Primrose', 'Year 6', 'K', 'ASD', { secondary: 'SEMH' }),
  pupil('Evie', 'Quarrybank', 'Year 6', 'K', 'SPLD'),
];

function pupil(
  first: string,
  last: string,
  year: DemoYear,
  census: 'K' | 'E',
  primary: NeedCode,
  more: { secondary?: NeedCode; workingAt?: DemoYear } = {},
): DemoPupil {
  return { first, last, year, sen: census === 'E' ? 'EHC plan' : 'SEN support', primary, ...more };
}

// ---- interventions ------------------------------------------------------------------------------

/** An intervention sheet as the SENCo fills in the form; the start is in weeks from this Monday. */
interface DemoIntervention extends Omit<InterventionForm, 'startDate'> {
  startWeeksFromNow: number;
}

const INTERVENTIONS: readonly DemoIntervention[] = [
  {
    name: 'Phonics catch-up (Phase 3 and 4 recap)',
    code: 'LIT-PH1',
    lead: 'Jodie Brackett',
    supportedBy: 'Tobias Fenwick (class teacher)',
    delivery: 'Group',
    startWeeksFromNow: -9,
    lengthWeeks: 12,
    sessionsPerWeek: 4,
    minutesPerSession: 20,
    location: 'Library corner',
    rationale:
      'For Year 1 and 2 pupils who did not meet the expected standard in the phonics screening check. ' +
      'Systematic phonics has strong evidence for early readers (EEF Teaching and Learning Toolkit).',
    expectedOutcome: 'Blends all Phase 3 graphemes; 32/40 or better on the school phonics check',
    assessmentMethods: 'Phonics check of the same 40 words at the start and the end',
    summary: 'Revisit, teach, practise, apply: short, pacy sessions for a group of four',
    publishedResources: 'School phonics scheme catch-up materials, Phase 3 and 4 units',
  },
  {
    name: 'Precision teaching: spelling',
    code: 'LIT-PT1',
    lead: 'Elin Carraway',
    supportedBy: 'Harriet Quill (SENCo) sets the probes',
    delivery: 'Individual',
    startWeeksFromNow: -4,
    lengthWeeks: 10,
    sessionsPerWeek: 5,
    minutesPerSession: 10,
    location: 'Quiet room by the hall',
    rationale:
      'Short daily 1:1 practice with one-minute probes builds fluency with words the pupil nearly ' +
      'knows; the daily chart shows at once whether it is working.',
    expectedOutcome: '8/10 or better in weekly tests of Year 3 and 4 statutory spellings',
    assessmentMethods: 'Weekly spelling test of 10 statutory words; probe rates charted daily',
    summary: 'Teach, one-minute probe, chart, adjust the target words each week',
    publishedResources: 'Year 3 and 4 statutory spelling list; probe sheets',
  },
  {
    name: 'Number sense group (concrete maths resources)',
    code: 'MA-NS1',
    lead: 'Priya Marlowe',
    supportedBy: 'Sam Okonjo-Reed (TA)',
    delivery: 'Group',
    startWeeksFromNow: -6,
    lengthWeeks: 12,
    sessionsPerWeek: 3,
    minutesPerSession: 30,
    location: 'Year 3 classroom, group table',
    rationale:
      'Number shapes and rods make number bonds and place value concrete before pictures and ' +
      'symbols (EEF guidance on improving mathematics in key stages 2 and 3: manipulatives).',
    expectedOutcome:
      'Recalls number bonds to 10 and partitions 2-digit numbers; 6 more marks in the mental maths quiz',
    assessmentMethods:
      'The same 20-question mental maths quiz at the start, the mid-point and the end',
    summary: 'Concrete, then pictorial, then abstract; one new idea per week',
    publishedResources: 'Number shapes and rods kit; teacher handbook, units 1 to 3',
  },
  {
    name: 'Language for learning group (vocabulary and narrative)',
    code: 'SLC-LG1',
    lead: 'Sam Okonjo-Reed',
    supportedBy: 'NHS speech and language therapy service (set the targets)',
    delivery: 'Group',
    startWeeksFromNow: -24,
    lengthWeeks: 10,
    sessionsPerWeek: 3,
    minutesPerSession: 30,
    location: 'Small group room',
    rationale:
      'Oral language interventions have high impact for young pupils (EEF Toolkit); targets agreed ' +
      'with the speech and language therapist.',
    expectedOutcome:
      'Retells a short story with a beginning, middle and end; uses 5 new topic words in class',
    assessmentMethods:
      'Narrative retell scored with a story grammar checklist; check of 20 taught words',
    summary: 'Topic words taught with pictures and actions; story retell with visual prompts',
    publishedResources: 'Story sequencing cards; school vocabulary lists for each topic',
  },
  {
    name: 'Friendship and social skills group',
    code: 'SEMH-SS1',
    lead: 'Sam Okonjo-Reed',
    supportedBy: 'Harriet Quill (SENCo)',
    delivery: 'Group',
    startWeeksFromNow: -40,
    lengthWeeks: 26,
    sessionsPerWeek: 2,
    minutesPerSession: 30,
    location: 'Nurture room',
    rationale:
      'Structured games practise turn-taking, sharing and joining in, then carry over to play times.',
    expectedOutcome:
      'Takes turns in a group game and joins in at lunchtime without adult prompting',
    assessmentMethods:
      'Structured lunchtime observations (10 minutes, three a term); pupil mood board',
    summary: 'Warm-up game, one skill taught, practised in a game, reviewed with the group',
    publishedResources: 'School social skills games box',
  },
  {
    name: 'Emotional literacy support (1:1)',
    code: 'SEMH-EL1',
    lead: 'Elin Carraway',
    supportedBy: 'Harriet Quill (supervision every half term)',
    delivery: 'Individual',
    startWeeksFromNow: -3,
    lengthWeeks: 8,
    sessionsPerWeek: 1,
    minutesPerSession: 40,
    location: 'Nurture room',
    rationale:
      'Weekly 1:1 sessions with a trained TA help the pupil name and manage feelings; the plan was ' +
      'agreed with the pupil and parents.',
    expectedOutcome:
      'Names and rates four feelings; fewer than 2 behaviour incidents a week at lunchtime',
    assessmentMethods:
      'Behaviour incident log; pupil self-rating scale at the start, mid-point and end',
    summary: 'Check-in, one feelings activity, a calm-down plan rehearsed, check-out',
    publishedResources: 'Feelings cards; personal calm-down plan template',
  },
  {
    name: 'Fine motor skills group ("Busy fingers")',
    code: 'PD-FM1',
    lead: 'Jodie Brackett',
    supportedBy: 'Occupational therapy advice sheet',
    delivery: 'Group',
    startWeeksFromNow: 2,
    lengthWeeks: 10,
    sessionsPerWeek: 3,
    minutesPerSession: 20,
    location: 'Reception classroom',
    rationale:
      'Daily fine motor practice before handwriting, following the occupational therapist’s advice.',
    expectedOutcome: 'Forms all lower-case letters correctly; cuts along a curved line',
    assessmentMethods: 'Fine motor checklist at the start and the end; handwriting sample',
    summary: 'Dough, pegs, threading and tweezers, then letter formation',
    publishedResources: 'Fine motor activity box; letter formation cards',
  },
  {
    name: 'Reading fluency (paired and repeated reading)',
    code: 'LIT-RF1',
    lead: 'Tobias Fenwick',
    supportedBy: 'Elin Carraway (TA)',
    delivery: 'Group',
    startWeeksFromNow: 6,
    lengthWeeks: 12,
    sessionsPerWeek: 3,
    minutesPerSession: 60,
    location: 'Library',
    rationale:
      'Repeated reading of short texts with modelling and feedback improves fluency and ' +
      'comprehension (EEF guidance on improving literacy in key stage 2).',
    expectedOutcome: 'Reading age up by at least 6 months (a ratio gain of 2 or more)',
    assessmentMethods: 'Standardised reading test giving a reading age, at the start and the end',
    summary: 'Adult models a passage, pupils read it in pairs three times, then discuss it',
    publishedResources: 'Levelled fluency passages, years 3 to 6',
  },
  {
    // Stopped at its mid-point by the SENCo's recorded decision (demo-provision.ts).
    name: 'Reading comprehension software (computer-based)',
    code: 'LIT-RC1',
    lead: 'Elin Carraway',
    supportedBy: 'Harriet Quill (SENCo)',
    delivery: 'Group',
    startWeeksFromNow: -11,
    lengthWeeks: 12,
    sessionsPerWeek: 3,
    minutesPerSession: 20,
    location: 'ICT suite',
    rationale:
      'A trial of an adaptive reading program for two Year 6 pupils, with an adult nearby; the ' +
      'evidence for computer-based comprehension programs on their own is mixed, so it is reviewed ' +
      'closely at the mid-point.',
    expectedOutcome: 'Reading age up by 8 to 10 months by the end',
    assessmentMethods:
      'Standardised reading test giving a reading age, at the start, mid-point and end',
    summary:
      'Twenty minutes on the program, then five minutes talking about the text with the adult',
    publishedResources: 'School licence for the reading program',
  },
];

// ---- seeding ------------------------------------------------------------------------------------

export interface DemoSummary {
  staff: number;
  pupils: number;
  interventions: string[];
}

/** Sets up the demo school in an emulator whose workbook has not been set up yet. */
export function seedDemoSchool(emulator: Emulator): DemoSummary {
  emulator.state.spreadsheet.name = DEMO_SPREADSHEET_NAME; // as if the SENCo renamed the file
  emulator.install();
  emulator.menu('setUpProvisionMap');

  const timeZone = emulator.state.spreadsheet.timeZone;
  const today = isoDayInZone(emulator.now, timeZone);

  emulator.appendRecords(
    TABS.staff.name,
    STAFF.map((s, i) => staffRecord(s, i)),
  );
  emulator.appendRecords(
    TABS.pupils.name,
    PUPILS.map((p, i) => pupilRecord(p, i, today, timeZone)),
  );

  const thisMonday = mondayOf(today);
  const saved = INTERVENTIONS.map(({ startWeeksFromNow, ...form }) => {
    const startDate = addDays(thisMonday, startWeeksFromNow * 7);
    const { value } = emulator.scriptRun<SaveResultLike>('saveIntervention', [
      { ...form, startDate },
    ]);
    if (!value || value.ok !== true || typeof value.id !== 'string') {
      throw new Error(`The demo intervention "${form.name}" was refused: ${JSON.stringify(value)}`);
    }
    return { id: value.id, startDate };
  });
  seedDemoProvision(emulator, saved);
  seedDemoReviews(emulator, saved);
  seedHandTypedIntervention(emulator, zonedTime(addDays(thisMonday, -40 * 7), 0, 0, timeZone));
  seedDemoLetters(emulator);
  return { staff: STAFF.length, pupils: PUPILS.length, interventions: saved.map((i) => i.id) };
}

interface SaveResultLike {
  ok: boolean;
  id?: string;
  message?: string;
}

function staffRecord(staff: DemoStaff, index: number): Record<string, string | number> {
  return {
    'Staff ID': sequenceId('STF', index),
    Name: staff.name,
    Email: staff.email,
    Role: staff.role,
    'Hourly cost': staff.hourlyCost,
    'Trained in': staff.trainedIn,
  };
}

function pupilRecord(
  pupil: DemoPupil,
  index: number,
  today: IsoDay,
  timeZone: string,
): Record<string, string | Date> {
  return {
    'Pupil ID': sequenceId('PUP', index),
    'First name': pupil.first,
    'Last name': pupil.last,
    'Date of birth': zonedTime(dateOfBirth(pupil.year, index, today), 0, 0, timeZone),
    'Year group': pupil.year,
    'Working at year group': pupil.workingAt ?? '',
    'SEN status': pupil.sen,
    'Primary need': pupil.primary,
    'Secondary need': pupil.secondary ?? '',
    'Class teacher': CLASS_TEACHER[pupil.year],
  };
}

function sequenceId(prefix: string, index: number): string {
  return `${prefix}-${String(index + 1).padStart(4, '0')}`;
}

/**
 * A birthday that fits the year group in the current school year: a Reception child starting in
 * September 2026 was born between 1 September 2021 and 31 August 2022. Spread over the year by index.
 */
function dateOfBirth(year: DemoYear, index: number, today: IsoDay): IsoDay {
  const [thisYear, thisMonth] = today.split('-').map(Number) as [number, number];
  const schoolYearStart = thisMonth >= 9 ? thisYear : thisYear - 1;
  const cohortStart = `${schoolYearStart - 5 - DEMO_YEARS.indexOf(year)}-09-01`;
  return addDays(cohortStart, (index * 47) % 365);
}
