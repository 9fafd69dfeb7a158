/**
 * Good-practice warnings: the "Rules of good practice" of the domain (EEF guidance on TA-led
 * interventions, one new intervention at a time, evidence and training, what the pupil is losing)
 * as plain functions over plain records. They advise and never block: each message says what is
 * wrong, why it matters and what to do, in words busy school staff can act on.
 *
 * Bounds come from the Settings tab (the EEF figures by default), so a school that changes them
 * sees its own numbers in the messages.
 */
import { differenceInCalendarDays } from 'date-fns';
import { statusOn } from './dates';
import { DEFAULT_SETTINGS } from './workbook';

// ---------------------------------------------------------------------------------------------
// Kinds and the text kept in the sheet

export type WarningKind =
  | 'session-length'
  | 'sessions-per-week'
  | 'programme-length'
  | 'not-time-limited'
  | 'no-evidence'
  | 'staff-not-trained'
  | 'several-new-interventions'
  | 'lesson-time-lost';

export interface Warning {
  kind: WarningKind;
  message: string;
}

/** A short title per kind, for the sidebar and the README. */
export const WARNING_KINDS: Readonly<Record<WarningKind, string>> = {
  'session-length': 'Session length',
  'sessions-per-week': 'Sessions a week',
  'programme-length': 'Programme length',
  'not-time-limited': 'No end date',
  'no-evidence': 'No evidence recorded',
  'staff-not-trained': 'Staff training',
  'several-new-interventions': 'Several new interventions',
  'lesson-time-lost': 'Lesson time lost',
};

/** The text of a Warnings cell: one "• message" per line; '' when there are none. */
export function formatWarnings(warnings: readonly Warning[]): string {
  return warnings.map((warning) => `• ${warning.message}`).join('\n');
}

// ---------------------------------------------------------------------------------------------
// Settings

export interface PracticeSettings {
  minMinutes: number;
  maxMinutes: number;
  minSessions: number;
  maxSessions: number;
  minWeeks: number;
  maxWeeks: number;
  newInterventionWindowWeeks: number;
  lessonTimeThresholdMinutes: number;
}

type SettingKey = keyof PracticeSettings;

/** Each setting's name on the Settings tab (as in DEFAULT_SETTINGS). */
export const PRACTICE_SETTING_NAMES: Readonly<Record<SettingKey, string>> = {
  minMinutes: 'Minimum minutes per session',
  maxMinutes: 'Maximum minutes per session',
  minSessions: 'Minimum sessions per week',
  maxSessions: 'Maximum sessions per week',
  minWeeks: 'Minimum weeks',
  maxWeeks: 'Maximum weeks',
  newInterventionWindowWeeks: 'New interventions window (weeks)',
  lessonTimeThresholdMinutes: 'Lesson time lost threshold (minutes a week)',
};

const BOUND_PAIRS = [
  ['minMinutes', 'maxMinutes'],
  ['minSessions', 'maxSessions'],
  ['minWeeks', 'maxWeeks'],
] as const satisfies readonly (readonly [SettingKey, SettingKey])[];

/** A setting as a cell holds it (a number or numeric text), when it is 0 or more. */
function settingNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

function buildSettings(read: (key: SettingKey) => number): PracticeSettings {
  return {
    minMinutes: read('minMinutes'),
    maxMinutes: read('maxMinutes'),
    minSessions: read('minSessions'),
    maxSessions: read('maxSessions'),
    minWeeks: read('minWeeks'),
    maxWeeks: read('maxWeeks'),
    newInterventionWindowWeeks: read('newInterventionWindowWeeks'),
    lessonTimeThresholdMinutes: read('lessonTimeThresholdMinutes'),
  };
}

/** The settings written on first set-up (the EEF figures). */
export const DEFAULT_PRACTICE_SETTINGS: Readonly<PracticeSettings> = buildSettings((key) => {
  const name = PRACTICE_SETTING_NAMES[key];
  const value = settingNumber(DEFAULT_SETTINGS.find((entry) => entry.setting === name)?.value);
  if (value === undefined) throw new Error(`DEFAULT_SETTINGS has no number for '${name}'`);
  return value;
});

/**
 * The practice settings from the Settings tab's name → value map. A missing or nonsensical value
 * (blank, text, negative) falls back to its default, and so does a minimum above its maximum (both
 * of that pair), since such bounds would warn about every intervention.
 */
export function practiceSettingsFrom(values: Readonly<Record<string, unknown>>): PracticeSettings {
  const settings = buildSettings(
    (key) => settingNumber(values[PRACTICE_SETTING_NAMES[key]]) ?? DEFAULT_PRACTICE_SETTINGS[key],
  );
  for (const [min, max] of BOUND_PAIRS) {
    if (settings[min] > settings[max]) {
      settings[min] = DEFAULT_PRACTICE_SETTINGS[min];
      settings[max] = DEFAULT_PRACTICE_SETTINGS[max];
    }
  }
  return settings;
}

// ---------------------------------------------------------------------------------------------
// Records (the store layer maps sheet rows into these; text is '' when empty)

export interface InterventionFacts {
  id: string;
  name: string;
  code: string;
  lead: string;
  supportedBy: string;
  lengthWeeks: number | undefined;
  sessionsPerWeek: number | undefined;
  minutesPerSession: number | undefined;
  startDate: Date | undefined;
  rationale: string;
  provisionId: string;
}

export interface ParticipantFacts {
  id: string;
  interventionId: string;
  pupilId: string;
  status: string;
  startDate: Date | undefined;
  lessonMissed: string;
}

export interface StaffFacts {
  name: string;
  /** Programmes this person is trained to deliver, separated by commas, semicolons or new lines. */
  trainedIn: string;
}

export interface LibraryFacts {
  id: string;
  name: string;
  evidenceLink: string;
  evidenceNote: string;
  trainingNeeded: string;
}

// ---------------------------------------------------------------------------------------------
// Wording helpers

function formatNumber(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** "1 week", "2 weeks". */
function plural(n: number, unit: string): string {
  return `${formatNumber(n)} ${n === 1 ? unit : `${unit}s`}`;
}

/** "A", "A and B", "A, B and C". */
function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** "15–45", or "15" when both bounds are equal. */
function range(min: number, max: number): string {
  return min === max ? formatNumber(min) : `${formatNumber(min)}–${formatNumber(max)}`;
}

/** Whether a pair of bounds is still the EEF's (the defaults), so the message can say so. */
function isEefGuidance(settings: PracticeSettings, pair: readonly [SettingKey, SettingKey]) {
  return pair.every((key) => settings[key] === DEFAULT_PRACTICE_SETTINGS[key]);
}

function boundsSource(settings: PracticeSettings, pair: readonly [SettingKey, SettingKey]) {
  return isEefGuidance(settings, pair) ? 'the EEF recommends' : 'set on the Settings tab';
}

/** Text for comparisons: lower case, words separated by single spaces, punctuation dropped. */
function words(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Whether `needle` is in `haystack` as whole words: "precision teaching" is in "precision teaching
 * spelling", "els" is not in "elsa support".
 */
function containsWords(haystack: string, needle: string): boolean {
  return needle !== '' && ` ${haystack} `.includes(` ${needle} `);
}

/** A count from a cell: positive, or undefined when missing, zero or nonsensical. */
function positive(n: number | undefined): number | undefined {
  return n !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
}

// ---------------------------------------------------------------------------------------------
// Intervention warnings

export interface InterventionContext {
  settings: PracticeSettings;
  staff: readonly StaffFacts[];
  library: readonly LibraryFacts[];
}

/** The good-practice warnings for one intervention sheet. */
export function interventionWarnings(
  intervention: InterventionFacts,
  context: InterventionContext,
): Warning[] {
  const provisionId = intervention.provisionId.trim();
  const entry =
    provisionId === '' ? undefined : context.library.find((e) => e.id.trim() === provisionId);
  return [
    ...sessionLengthWarnings(positive(intervention.minutesPerSession), context.settings),
    ...sessionsPerWeekWarnings(positive(intervention.sessionsPerWeek), context.settings),
    ...programmeLengthWarnings(positive(intervention.lengthWeeks), context.settings),
    ...evidenceWarnings(intervention, entry),
    ...trainingWarnings(intervention, entry, context.staff),
  ];
}

function sessionLengthWarnings(minutes: number | undefined, settings: PracticeSettings): Warning[] {
  if (minutes === undefined) return [];
  const pair = ['minMinutes', 'maxMinutes'] as const;
  const { minMinutes, maxMinutes } = settings;
  const guidance = `the ${range(minMinutes, maxMinutes)} minutes ${
    isEefGuidance(settings, pair)
      ? 'the EEF recommends for TA-led interventions'
      : 'set on the Settings tab'
  }`;
  const sessions = `Sessions of ${plural(minutes, 'minute')}`;
  if (minutes > maxMinutes) {
    return [
      {
        kind: 'session-length',
        message: `${sessions} are longer than ${guidance}: pupils lose focus and miss more lessons.`,
      },
    ];
  }
  if (minutes < minMinutes) {
    return [
      {
        kind: 'session-length',
        message: `${sessions} are shorter than ${guidance}: too short for the structured practice that makes interventions work.`,
      },
    ];
  }
  return [];
}

function sessionsPerWeekWarnings(
  sessions: number | undefined,
  settings: PracticeSettings,
): Warning[] {
  if (sessions === undefined) return [];
  const { minSessions, maxSessions } = settings;
  const often = sessions === 1 ? 'Once a week' : `${plural(sessions, 'session')} a week`;
  const guidance = `the ${range(minSessions, maxSessions)} ${
    maxSessions === 1 ? 'session' : 'sessions'
  } a week ${boundsSource(settings, ['minSessions', 'maxSessions'])}`;
  if (sessions < minSessions) {
    return [
      {
        kind: 'sessions-per-week',
        message: `${often} is less than ${guidance}: gains fade between sessions.`,
      },
    ];
  }
  if (sessions > maxSessions) {
    return [
      {
        kind: 'sessions-per-week',
        message: `${often} is more than ${guidance}: more than ${formatNumber(maxSessions)} a week takes a lot of lesson time.`,
      },
    ];
  }
  return [];
}

function programmeLengthWarnings(weeks: number | undefined, settings: PracticeSettings): Warning[] {
  if (weeks === undefined) {
    return [
      {
        kind: 'not-time-limited',
        message:
          'No length is set: an intervention must be time-limited, with an end date, never left to run indefinitely.',
      },
    ];
  }
  const { minWeeks, maxWeeks } = settings;
  const guidance = `the ${range(minWeeks, maxWeeks)} weeks ${boundsSource(settings, [
    'minWeeks',
    'maxWeeks',
  ])}`;
  if (weeks > maxWeeks) {
    return [
      {
        kind: 'programme-length',
        message: `${plural(weeks, 'week')} is longer than ${guidance}: impact is highest for programmes of 12 to 20 weeks, so review whether it is still needed.`,
      },
    ];
  }
  if (weeks < minWeeks) {
    return [
      {
        kind: 'programme-length',
        message: `${plural(weeks, 'week')} is shorter than ${guidance}: too short to show measurable progress.`,
      },
    ];
  }
  return [];
}

function evidenceWarnings(
  intervention: InterventionFacts,
  entry: LibraryFacts | undefined,
): Warning[] {
  const libraryEvidence =
    entry !== undefined && (entry.evidenceLink.trim() !== '' || entry.evidenceNote.trim() !== '');
  if (intervention.rationale.trim() !== '' || libraryEvidence) return [];
  return [
    {
      kind: 'no-evidence',
      message:
        "No rationale or evidence base is recorded: say why this intervention was chosen and what evidence supports it, so it does not stay only because 'we always have'.",
    },
  ];
}

/** What a library entry's "Training needed" says when none is. */
const NO_TRAINING_NEEDED = new Set(['', 'none', 'no']);

function trainingWarnings(
  intervention: InterventionFacts,
  entry: LibraryFacts | undefined,
  staff: readonly StaffFacts[],
): Warning[] {
  if (entry !== undefined && NO_TRAINING_NEEDED.has(words(entry.trainingNeeded))) return [];
  const programmes = [intervention.name, intervention.code, entry?.name ?? '']
    .map(words)
    .filter((p) => p !== '');
  const programme = [intervention.name, entry?.name ?? '', intervention.code]
    .map((p) => p.trim())
    .find((p) => p !== '');
  if (programme === undefined) return [];

  const people = [
    ...onStaffList(staff, [intervention.lead]).map((person) => ({ person, role: 'lead' })),
    ...onStaffList(staff, splitNames(intervention.supportedBy)).map((person) => ({
      person,
      role: 'supporting',
    })),
  ];
  const seen = new Set<string>();
  return people
    .filter(({ person }) => {
      const key = words(person.name);
      if (seen.has(key)) return false;
      seen.add(key);
      return !isTrainedIn(person.trainedIn, programmes);
    })
    .map(({ person, role }) => ({
      kind: 'staff-not-trained',
      message: `${person.name.trim()} (${role}) has no recorded training in ${programme}: record it on the Staff tab, or arrange training.`,
    }));
}

/** "Sam Lee and Priya Shah; SALT" → ["Sam Lee", "Priya Shah", "SALT"]. */
function splitNames(text: string): string[] {
  return text
    .split(/[,;\n&]|\band\b/i)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

function onStaffList(staff: readonly StaffFacts[], names: readonly string[]): StaffFacts[] {
  return names.flatMap((name) => {
    const key = words(name);
    const person = key === '' ? undefined : staff.find((s) => words(s.name) === key);
    return person === undefined ? [] : [person];
  });
}

/** Whether any item of "Trained in" names one of the programmes, or is named within one. */
function isTrainedIn(trainedIn: string, programmes: readonly string[]): boolean {
  return trainedIn
    .split(/[,;\n]/)
    .map(words)
    .some((item) => programmes.some((p) => containsWords(item, p) || containsWords(p, item)));
}

// ---------------------------------------------------------------------------------------------
// Participant warnings

export interface ParticipantContext {
  settings: PracticeSettings;
  /** Every intervention. */
  interventions: readonly InterventionFacts[];
  /** Every participation, with or without the one being checked. */
  participants: readonly ParticipantFacts[];
  today: Date;
}

export interface LessonTimeLost {
  subject: string;
  minutesPerWeek: number;
  /** Names of the interventions the time is lost to. */
  interventions: string[];
}

/** Times a session may take that are not a lesson. */
const NO_LESSON_LOST = new Set(['before or after school', 'break or lunchtime'].map(words));
/** A place that is still taking (or about to take) the pupil out of lessons. */
const CURRENT_STATUSES = new Set(['planned', 'started']);
/** A place that never happened (added by mistake): it counts for nothing. */
const REMOVED = 'removed';

/** The good-practice warnings for one pupil's place in an intervention. */
export function participantWarnings(
  participant: ParticipantFacts,
  context: ParticipantContext,
): Warning[] {
  if (words(participant.status) === REMOVED || participant.pupilId.trim() === '') return [];
  const all = { ...context, participants: withParticipant(context.participants, participant) };
  return [...newInterventionWarnings(participant, all), ...lessonTimeWarnings(participant, all)];
}

/** The list with this participation in it (replacing its saved row, or added when unsaved). */
function withParticipant(
  participants: readonly ParticipantFacts[],
  participant: ParticipantFacts,
): ParticipantFacts[] {
  const others = participants.filter(
    (p) => p !== participant && (participant.id === '' || p.id !== participant.id),
  );
  return [...others, participant];
}

function interventionOf(
  participant: ParticipantFacts,
  interventions: readonly InterventionFacts[],
): InterventionFacts | undefined {
  return interventions.find((i) => i.id === participant.interventionId);
}

function samePupil(a: ParticipantFacts, b: ParticipantFacts): boolean {
  return a.pupilId.trim() === b.pupilId.trim();
}

function newInterventionWarnings(
  participant: ParticipantFacts,
  context: ParticipantContext,
): Warning[] {
  const startOf = (p: ParticipantFacts) =>
    p.startDate ?? interventionOf(p, context.interventions)?.startDate;
  const start = startOf(participant);
  if (start === undefined) return [];
  const windowWeeks = context.settings.newInterventionWindowWeeks;

  const nearby = new Map<string, Date>();
  for (const other of context.participants) {
    const otherStart = startOf(other);
    if (
      other === participant ||
      !samePupil(other, participant) ||
      other.interventionId === participant.interventionId ||
      words(other.status) === REMOVED ||
      otherStart === undefined ||
      Math.abs(differenceInCalendarDays(otherStart, start)) > windowWeeks * 7
    ) {
      continue;
    }
    const earliest = nearby.get(other.interventionId);
    if (earliest === undefined || otherStart < earliest) {
      nearby.set(other.interventionId, otherStart);
    }
  }
  if (nearby.size === 0) return [];

  const nameOf = (interventionId: string) =>
    context.interventions.find((i) => i.id === interventionId)?.name.trim() || interventionId;
  const names = [
    nameOf(participant.interventionId),
    ...[...nearby.entries()]
      .sort(([, a], [, b]) => a.getTime() - b.getTime())
      .map(([interventionId]) => nameOf(interventionId)),
  ];
  return [
    {
      kind: 'several-new-interventions',
      message: `This pupil starts ${names.length} new interventions within ${plural(windowWeeks, 'week')} (${listOf(names)}): where possible start one at a time, so you can tell which one worked.`,
    },
  ];
}

/** The lesson time a participation takes each week now, or undefined when it takes none. */
function weeklyLessonTime(
  participant: ParticipantFacts,
  context: Pick<ParticipantContext, 'interventions' | 'today'>,
  options: LessonTimeOptions = {},
): { subject: string; minutes: number; intervention: InterventionFacts } | undefined {
  const subject = participant.lessonMissed.trim();
  const intervention = interventionOf(participant, context.interventions);
  if (
    subject === '' ||
    NO_LESSON_LOST.has(words(subject)) ||
    !CURRENT_STATUSES.has(words(participant.status)) ||
    intervention === undefined
  ) {
    return undefined;
  }
  const sessions = positive(intervention.sessionsPerWeek);
  const minutes = positive(intervention.minutesPerSession);
  if (sessions === undefined || minutes === undefined) return undefined;
  const start = intervention.startDate ?? participant.startDate;
  const weeks = positive(intervention.lengthWeeks);
  if (!options.untilFinished && start !== undefined && weeks !== undefined) {
    if (statusOn(context.today, start, weeks) === 'Finished') return undefined;
  }
  return { subject, minutes: sessions * minutes, intervention };
}

export interface LessonTimeOptions {
  /**
   * Count a place until its status says it is over (the pupil profile: every current place),
   * even after its intervention's planned weeks, while its end review is still to come. By
   * default (the warnings) a place stops counting once its intervention's last week is over.
   */
  untilFinished?: boolean;
}

/**
 * The minutes a week a pupil spends away from each lesson, over their current places (planned or
 * started, in interventions that have not ended by today unless `untilFinished`), most minutes
 * first. Places missing the same lesson add up, one intervention at a time.
 */
export function lessonTimeLostBySubject(
  pupilId: string,
  context: Pick<ParticipantContext, 'interventions' | 'participants' | 'today'>,
  options: LessonTimeOptions = {},
): LessonTimeLost[] {
  const bySubject = new Map<string, LessonTimeLost>();
  const counted = new Set<string>();
  for (const participant of context.participants) {
    if (participant.pupilId.trim() !== pupilId.trim()) continue;
    const lost = weeklyLessonTime(participant, context, options);
    if (lost === undefined) continue;
    // The same intervention listed twice for a pupil is one place, not two.
    // "Maths" and "maths " (typed by hand) are the same lesson.
    const subject = words(lost.subject);
    const place = `${subject}\n${lost.intervention.id}`;
    if (counted.has(place)) continue;
    counted.add(place);

    const entry = bySubject.get(subject) ?? {
      subject: lost.subject,
      minutesPerWeek: 0,
      interventions: [],
    };
    entry.minutesPerWeek += lost.minutes;
    entry.interventions.push(lost.intervention.name.trim() || lost.intervention.id);
    bySubject.set(subject, entry);
  }
  return [...bySubject.values()].sort(
    (a, b) => b.minutesPerWeek - a.minutesPerWeek || a.subject.localeCompare(b.subject),
  );
}

function lessonTimeWarnings(participant: ParticipantFacts, context: ParticipantContext): Warning[] {
  const own = weeklyLessonTime(participant, context);
  if (own === undefined) return [];
  const total = lessonTimeLostBySubject(participant.pupilId, context).find(
    (entry) => words(entry.subject) === words(own.subject),
  );
  const threshold = context.settings.lessonTimeThresholdMinutes;
  if (total === undefined || total.minutesPerWeek <= threshold) return [];
  const count = total.interventions.length;
  const across = count === 1 ? 'in 1 intervention' : `across ${count} interventions`;
  return [
    {
      kind: 'lesson-time-lost',
      message: `This pupil would miss ${plural(total.minutesPerWeek, 'minute')} of ${total.subject} a week ${across} (more than ${formatNumber(threshold)}): what are they losing? Consider taking sessions from a different lesson.`,
    },
  ];
}
