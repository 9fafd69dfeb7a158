/**
 * What the pupil is losing: the minutes a week a pupil spends away from each lesson. One rule, used
 * by the "Lesson time lost" warning and the pupil profile's "Time away from lessons" alike, so the
 * two always give the same number.
 *
 * A place counts while it is current: the pupil's place is Planned or Started, in an intervention
 * that is Planned or Running (a blank Status, typed by hand, counts as Planned). It counts its
 * sessions a week × minutes per session, under its "Lesson missed"; sessions before or after
 * school or at break take no lesson time. Dates play no part: an intervention past its planned
 * weeks is still taking the pupil out until its end review finishes it.
 */
import { positive, words, type InterventionFacts, type ParticipantFacts } from './practice-facts';
import { scanIndex, type PracticeIndex } from './practice-index';

export interface LessonTimeLost {
  subject: string;
  minutesPerWeek: number;
  /** Names of the interventions the time is lost to. */
  interventions: string[];
}

export interface LessonTimeContext {
  /** Every intervention. */
  interventions: readonly InterventionFacts[];
  /** Every participation. */
  participants: readonly ParticipantFacts[];
  /** The two lists above looked up once (practice-index.ts); left out, they are scanned. */
  index?: PracticeIndex;
}

/** Times a session may take that are not a lesson. */
const NO_LESSON_LOST = new Set(['before or after school', 'break or lunchtime'].map(words));
const CURRENT_PLACES = new Set(['planned', 'started']);
const CURRENT_INTERVENTIONS = new Set(['', 'planned', 'running']);

export interface WeeklyLessonTime {
  /** The lesson as typed on the place. */
  subject: string;
  minutes: number;
  intervention: InterventionFacts;
}

/** The lesson time one place takes each week, or undefined when it takes none. */
export function weeklyLessonTime(
  participant: ParticipantFacts,
  index: PracticeIndex,
): WeeklyLessonTime | undefined {
  const intervention = index.intervention(participant.interventionId);
  const subject = participant.lessonMissed.trim();
  if (
    subject === '' ||
    NO_LESSON_LOST.has(words(subject)) ||
    !CURRENT_PLACES.has(words(participant.status)) ||
    intervention === undefined ||
    !CURRENT_INTERVENTIONS.has(words(intervention.status ?? ''))
  ) {
    return undefined;
  }
  const sessions = positive(intervention.sessionsPerWeek);
  const minutes = positive(intervention.minutesPerSession);
  if (sessions === undefined || minutes === undefined) return undefined;
  return { subject, minutes: sessions * minutes, intervention };
}

/**
 * The minutes a week a pupil spends away from each lesson over their current places, most minutes
 * first. Places missing the same lesson add up ("Maths" and "maths " typed by hand are one lesson);
 * a pupil listed twice in one intervention counts once.
 */
export function lessonTimeLostBySubject(
  pupilId: string,
  context: LessonTimeContext,
): LessonTimeLost[] {
  const index = context.index ?? scanIndex(context);
  return lessonTimeLostOver(index.placesOf(pupilId), index);
}

/** The same over one pupil's places, given in the order their subjects and names are listed. */
export function lessonTimeLostOver(
  places: readonly ParticipantFacts[],
  index: PracticeIndex,
): LessonTimeLost[] {
  const bySubject = new Map<string, LessonTimeLost>();
  const counted = new Set<string>();
  for (const participant of places) {
    const lost = weeklyLessonTime(participant, index);
    if (lost === undefined) continue;
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
