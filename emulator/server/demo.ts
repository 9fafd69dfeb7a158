/**
 * The demo school the trial page opens with: Larkspur Lane Primary, a fictional one-form-entry
 * primary school. Every name here is invented; the email addresses use reserved .example domains.
 *
 * The seed does what a SENCo would: installs the add-on and runs its own "Set up provision map",
 * adds last year's term dates, a measure and the pupils on roll to the Settings tab, types the
 * staff (with their hourly costs) and pupils into their tabs, saves the Provision library, then
 * records the interventions through the real sidebar endpoint (saveIntervention), most from a
 * library entry, so IDs, statuses, validation and costs are the add-on's own. Pupils' places,
 * results and the SENCo's decisions go through the add-on's endpoints too (demo-provision.ts), and
 * last it runs "Update the dashboard", so the trial opens on a Dashboard already built. Dates are
 * relative to the emulated today, so the demo always has a year of finished work, and running,
 * stopped and planned work.
 */
import type { Emulator } from '../src/index';
import type { NeedCode } from '../../src/domain/workbook';
import { TABS } from '../../src/domain/workbook';
import { INTERVENTIONS } from './demo-interventions';
import {
  seedDemoLetters,
  seedDemoLibrary,
  seedDemoProvision,
  seedDemoReviews,
  seedHandTypedIntervention,
  type SavedIntervention,
} from './demo-provision';
import { demoSchoolDays, seedDemoSettings, typeIntoCell } from './demo-settings';
import { addDays, isoDayInZone, mondayOf, zonedTime, type IsoDay } from './time';

export const DEMO_SCHOOL_NAME = 'Larkspur Lane Primary School';
export const DEMO_SPREADSHEET_NAME = `SEND provision map – ${DEMO_SCHOOL_NAME} (demo)`;

// ---- staff --------------------------------------------------------------------------------------

interface DemoStaff {
  name: string;
  email: string;
  role: 'SENCo' | 'Teacher' | 'TA' | 'External';
  /** £ an hour with on-costs: what the school pays for an hour of the person's time. */
  hourlyCost: number;
  trainedIn: string;
}

const STAFF: readonly DemoStaff[] = [
  {
    name: 'Harriet Quill',
    // The emulator's default user, so the SENCo is the person trying the add-on.
    email: 'senco@school.example',
    role: 'SENCo',
    hourlyCost: 40,
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
    hourlyCost: 14.6,
    trainedIn: 'Phonics catch-up; Fine motor skills',
  },
  {
    name: 'Sam Okonjo-Reed',
    email: 'sam.okonjo-reed@school.example',
    role: 'TA',
    hourlyCost: 14.4,
    trainedIn: 'Language group; Social skills group; Maths manipulatives',
  },
  {
    name: 'Elin Carraway',
    email: 'elin.carraway@school.example',
    role: 'TA',
    hourlyCost: 15.2,
    trainedIn: 'Emotional literacy support (ELSA); Precision teaching; Reading fluency',
  },
  {
    name: 'Rhiannon Pryce',
    // An independent speech and language therapist the school buys in by the hour.
    email: 'rhiannon.pryce@therapy.example',
    role: 'External',
    hourlyCost: 75,
    trainedIn: 'Speech and language therapy (HCPC registered)',
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
  pupil('Max', 'Primrose', 'Year 6', 'E', 'ASD', { secondary: 'SEMH' }),
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
  seedDemoSettings(emulator, today);

  emulator.appendRecords(
    TABS.staff.name,
    STAFF.map((s, i) => staffRecord(s, i)),
  );
  emulator.appendRecords(
    TABS.pupils.name,
    PUPILS.map((p, i) => pupilRecord(p, i, today, timeZone)),
  );
  const library = seedDemoLibrary(emulator);

  const thisMonday = mondayOf(today);
  // Weeks from this Monday, moved past a holiday: nobody starts a programme in half term.
  const schoolDays = demoSchoolDays(today);
  const weeksFromNow = (weeks: number) => schoolDays.onOrAfter(addDays(thisMonday, weeks * 7));
  const saved: SavedIntervention[] = INTERVENTIONS.map(({ starts, library: entry, ...form }) => {
    const startDate =
      'weeksFromNow' in starts
        ? weeksFromNow(starts.weeksFromNow)
        : schoolDays.lastYear(starts.lastYear, starts.week);
    // As the form sends it when a library entry was chosen: the add-on prices its resources.
    const provisionId = entry ? library.get(entry) : '';
    if (provisionId === undefined) throw new Error(`The demo library has no "${entry}"`);
    const { value } = emulator.scriptRun<SaveResultLike>('saveIntervention', [
      { ...form, startDate, provisionId },
    ]);
    if (!value || value.ok !== true || typeof value.id !== 'string') {
      throw new Error(`The demo intervention "${form.name}" was refused: ${JSON.stringify(value)}`);
    }
    return { id: value.id, code: form.code, startDate };
  });
  // The reading program's one-year licence, typed into "Other costs" as a SENCo would.
  const software = saved.find((i) => i.code === 'LIT-RC1');
  if (software) {
    typeIntoCell(
      emulator,
      'Interventions',
      { 'Intervention ID': software.id },
      'Other costs',
      '450',
    );
  }
  seedDemoProvision(emulator, saved);
  seedDemoReviews(emulator, saved);
  seedHandTypedIntervention(emulator, zonedTime(weeksFromNow(-40), 0, 0, timeZone));
  seedDemoLetters(emulator);
  // The SENCo's last step: the Dashboard, built by the add-on and acknowledged.
  emulator.answerAlerts('OK');
  const { uiEvents } = emulator.menu('updateDashboard');
  // A failure is only an alert (the menu item reports it): the trial must not open without it.
  const alert = uiEvents.find((e) => e.type === 'alert');
  if (!alert || alert.type !== 'alert' || alert.title !== 'Dashboard updated') {
    throw new Error(`The demo's Dashboard was not built: ${JSON.stringify(alert)}`);
  }
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
