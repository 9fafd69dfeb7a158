/**
 * Good-practice warnings: the "Rules of good practice" of the domain (EEF guidance on dosage, one
 * new intervention at a time, evidence, the people named and their training, what the pupil is
 * losing) as plain functions over plain records. They advise and never block: each message says
 * what is wrong, why it matters and what to do, in words busy school staff can act on.
 *
 * The rules live in their own files; this one puts them together for an intervention sheet and
 * for a pupil's place, and is where the rest of the add-on imports them from.
 */
import type { SchoolCalendar } from './calendar';
import { summerHolidayWarnings } from './summer-warning';
import { differenceInCalendarDays } from 'date-fns';
import { dosageWarnings } from './dosage-warnings';
import { lessonTimeLostOver, weeklyLessonTime } from './lesson-time';
import {
  interventionIndex,
  scanIndex,
  type InterventionIndex,
  type PracticeIndex,
} from './practice-index';
import {
  formatNumber,
  plural,
  words,
  type InterventionFacts,
  type LibraryFacts,
  type ParticipantFacts,
  type StaffFacts,
  type Warning,
} from './practice-facts';
import type { PracticeSettings } from './practice-settings';
import { leadRole, namedPeople, trainingWarnings, unknownStaffWarnings } from './staff-warnings';
import { listOf } from './text';

export {
  WARNING_KINDS,
  formatWarnings,
  type InterventionFacts,
  type LibraryFacts,
  type ParticipantFacts,
  type StaffFacts,
  type Warning,
  type WarningKind,
} from './practice-facts';
export {
  DEFAULT_PRACTICE_SETTINGS,
  PRACTICE_SETTING_NAMES,
  practiceSettingsFrom,
  type PracticeSettings,
} from './practice-settings';
export { dosageWarnings, type Dosage } from './dosage-warnings';
export { lessonTimeLostBySubject, type LessonTimeLost } from './lesson-time';
export {
  interventionIndex,
  practiceIndex,
  type InterventionIndex,
  type PracticeIndex,
} from './practice-index';

// ---------------------------------------------------------------------------------------------
// Intervention warnings

export interface InterventionContext {
  settings: PracticeSettings;
  staff: readonly StaffFacts[];
  library: readonly LibraryFacts[];
  /** The school's term dates: a programme the summer holiday cuts short is warned about. */
  calendar?: SchoolCalendar;
  /**
   * The staff and library above looked up once (interventionIndex), for checking many
   * interventions; left out, each check looks them up itself.
   */
  index?: InterventionIndex;
}

/** The good-practice warnings for one intervention sheet. */
export function interventionWarnings(
  intervention: InterventionFacts,
  context: InterventionContext,
): Warning[] {
  const index = context.index ?? interventionIndex(context);
  const provisionId = intervention.provisionId.trim();
  const entry = provisionId === '' ? undefined : index.libraryEntry(provisionId);
  const named = namedPeople(intervention, index.staff);
  return [
    ...dosageWarnings(intervention, context.settings, leadRole(named)),
    ...evidenceWarnings(intervention, entry),
    ...unknownStaffWarnings(named),
    ...trainingWarnings(intervention, entry, named),
    ...(context.calendar ? summerHolidayWarnings(intervention, context.calendar) : []),
  ];
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

// ---------------------------------------------------------------------------------------------
// Participant warnings

export interface ParticipantContext {
  settings: PracticeSettings;
  /** Every intervention. */
  interventions: readonly InterventionFacts[];
  /** Every participation, with or without the one being checked. */
  participants: readonly ParticipantFacts[];
  today: Date;
  /**
   * The two lists above looked up once (practiceIndex), for checking many places; left out, each
   * check scans them.
   */
  index?: PracticeIndex;
}

/** A place that never happened (added by mistake): it counts for nothing. */
const REMOVED = 'removed';

/** The good-practice warnings for one pupil's place in an intervention. */
export function participantWarnings(
  participant: ParticipantFacts,
  context: ParticipantContext,
): Warning[] {
  if (words(participant.status) === REMOVED || participant.pupilId.trim() === '') return [];
  const index = context.index ?? scanIndex(context);
  const places = withParticipant(index.placesOf(participant.pupilId), participant);
  return [
    ...newInterventionWarnings(participant, places, index, context.settings),
    ...lessonTimeWarnings(participant, places, index, context.settings),
  ];
}

/** The pupil's places with this one in them (replacing its saved row, or added when unsaved). */
function withParticipant(
  places: readonly ParticipantFacts[],
  participant: ParticipantFacts,
): ParticipantFacts[] {
  const others = places.filter(
    (p) => p !== participant && (participant.id === '' || p.id !== participant.id),
  );
  return [...others, participant];
}

/** The pupil's other places starting within the window (a blank start: its intervention's). */
function newInterventionWarnings(
  participant: ParticipantFacts,
  places: readonly ParticipantFacts[],
  index: PracticeIndex,
  settings: PracticeSettings,
): Warning[] {
  const startOf = (p: ParticipantFacts) =>
    p.startDate ?? index.intervention(p.interventionId)?.startDate;
  const start = startOf(participant);
  if (start === undefined) return [];
  const windowWeeks = settings.newInterventionWindowWeeks;

  const nearby = new Map<string, Date>();
  for (const other of places) {
    if (
      other === participant ||
      other.interventionId === participant.interventionId ||
      words(other.status) === REMOVED
    ) {
      continue;
    }
    const otherStart = startOf(other);
    if (
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
    index.intervention(interventionId)?.name.trim() || interventionId;
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

/** Over the threshold in the place's own lesson, counted as the profile counts it (lesson-time.ts). */
function lessonTimeWarnings(
  participant: ParticipantFacts,
  places: readonly ParticipantFacts[],
  index: PracticeIndex,
  settings: PracticeSettings,
): Warning[] {
  const own = weeklyLessonTime(participant, index);
  if (own === undefined) return [];
  const total = lessonTimeLostOver(places, index).find(
    (entry) => words(entry.subject) === words(own.subject),
  );
  const threshold = settings.lessonTimeThresholdMinutes;
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
