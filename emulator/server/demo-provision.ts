/**
 * The demo school's provision beyond the intervention sheets: the Provision library, pupils placed
 * in interventions with consent, baselines and targets, the reviews and decisions recorded so far,
 * letters already sent, and one old intervention typed into the sheet by hand. Chosen so that every
 * kind of good-practice warning shows at least once. Everything goes through the add-on's own
 * endpoints, as a SENCo would do it in the sidebar.
 */
import type { Emulator } from '../src/index';
import { LIBRARY } from './demo-interventions';
import { DECISIONS, PLACEMENTS } from './demo-results';
import { demoSchoolDays } from './demo-settings';
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

/** Each library entry's advice for parents, as the SENCo writes it on the library form. */
const HELP_AT_HOME: Readonly<Record<string, string>> = {
  'Precision teaching':
    'Ask your child to show you the words or facts they are practising this week, and go over them together for two or three minutes a day. Keep it quick and cheerful, and celebrate each new one they know.',
  'Phonics catch-up':
    'Read together for ten minutes most days. Let your child sound out and blend the words they can, read the rest to them, and play sound games such as I spy ("something beginning with sh").',
  'Reading fluency':
    'Read a short page aloud to your child, then let them read it back to you, so that it sounds like talking. Reading the same favourite book more than once is good practice too.',
  'Language group':
    'Talk together about your day, give your child time to answer, and share stories. When you meet a new word, explain it and use it again later.',
  'Speech and language therapy (bought-in, 1:1)':
    'Keep practising the activities the therapist sends home, a few minutes at a time. Give your child time to speak, and say back what they said clearly rather than correcting them.',
  'Emotional literacy support':
    'Notice and name feelings together ("you seem worried"), and talk about what helps when feelings are big. Keep calm routines at bedtime and in the morning.',
};

/** Saves the Provision library; the IDs of its entries by name, for the intervention forms. */
export function seedDemoLibrary(emulator: Emulator): Map<string, string> {
  const ids = new Map<string, string>();
  for (const library of LIBRARY) {
    const entry = { ...library, helpAtHome: HELP_AT_HOME[library.name] ?? '' };
    const saved = expectOk(emulator.scriptRun<Ok>('saveLibraryEntry', [entry]).value, 'library');
    ids.set(entry.name, saved.id ?? '');
  }
  return ids;
}

/** A demo intervention as saved, in the demo's order. */
export interface SavedIntervention {
  id: string;
  code: string;
  startDate: IsoDay;
}

/** Places pupils in the demo interventions and records their consent, baselines and targets. */
export function seedDemoProvision(emulator: Emulator, interventions: SavedIntervention[]): void {
  for (const intervention of interventions) {
    const placements = PLACEMENTS[intervention.code];
    if (!placements) continue;
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
 * day (the clock is put back to today afterwards): the mid-points and ends through saveReview, so
 * results, numbers, outcome scores, Needs decision and statuses are the add-on's own; then a
 * Change (phonics) and a Stop (reading comprehension) through recordDecision, and a week after the
 * Stop each pupil's last result on their End review. The number sense group's mid-point judged
 * "Not working" stays awaiting a decision, and later mid-points stay due or overdue, so the daily
 * reminders have something to send.
 */
export function seedDemoReviews(emulator: Emulator, interventions: SavedIntervention[]): void {
  const timeZone = emulator.state.spreadsheet.timeZone;
  const now = emulator.now;
  const today = isoDayInZone(now, timeZone);
  const schoolDays = demoSchoolDays(today);
  const places = emulator.records('Participants');
  const reviews = emulator.records('Reviews');
  const events: DemoEvent[] = [];

  for (const intervention of interventions) {
    const placements = PLACEMENTS[intervention.code] ?? [];
    let lastMidPoint: IsoDay | undefined;
    const afterStop: { days: number; what: string; form: ReviewForm }[] = [];
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
        // On its due date, or the last school day before today for one due today or later.
        const dueDay = isoDayInZone(due, timeZone);
        const day = dueDay < today ? dueDay : schoolDays.before(today);
        if (kind === 'Mid-point' && (!lastMidPoint || day > lastMidPoint)) lastMidPoint = day;
        const form: ReviewForm = {
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
          staffTrainingNeeds: ('staffTrainingNeeds' in plan && plan.staffTrainingNeeds) || '',
          outcomeScore: plan.outcomeScore ?? '',
          outcomeReason: plan.outcomeReason ?? '',
        };
        const what = `${kind} review`;
        const days = 'daysAfterStop' in plan ? plan.daysAfterStop : undefined;
        if (days !== undefined) afterStop.push({ days, what, form });
        else events.push({ day, what, run: () => saveReview(emulator, form) });
      }
    }
    const decision = DECISIONS[intervention.code];
    if (!decision || !lastMidPoint) {
      if (afterStop.length > 0) throw new Error(`The demo never stops ${intervention.code}`);
      continue;
    }
    const decidedOn = schoolDays.onOrAfter(addDays(lastMidPoint, 3));
    events.push({
      day: decidedOn,
      what: `${decision.decision} decision`,
      run: () =>
        emulator.scriptRun<Ok>('recordDecision', [
          { interventionId: intervention.id, decision: decision.decision, ...decision.form },
        ]).value,
    });
    // The last results of a stopped intervention, taken a little after the decision.
    for (const { days, what, form } of afterStop) {
      const day = schoolDays.onOrAfter(addDays(decidedOn, days));
      const dated = { ...form, resultDate: day < today ? day : today };
      events.push({ day, what, run: () => saveReview(emulator, dated) });
    }
  }

  // Stable: a decision runs before the results recorded after it on the same day.
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

type ReviewForm = Record<string, string>;

function saveReview(emulator: Emulator, form: ReviewForm): Ok | undefined {
  return emulator.scriptRun<Ok>('saveReview', [form]).value;
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
