/**
 * What a letter to parents is built from: its kind, and plain facts about ONE pupil in one
 * intervention. Nothing about any other pupil, and none of the pupil's recorded needs: a letter
 * talks about what the intervention works on, so it can never reveal a need it is not about. From
 * the Provision library entry only the parent-facing fields come (its cost, group size and
 * training stay in the provision map).
 */
import { startOfDay } from 'date-fns';

export type LetterKind = 'start' | 'mid-point' | 'end';
export const LETTER_KINDS: readonly LetterKind[] = ['start', 'mid-point', 'end'];

export const LETTER_KIND_INFO: Record<
  LetterKind,
  { label: string; column: string; templateSetting: string; reviewKind: string }
> = {
  start: {
    label: 'Start',
    column: 'Start letter',
    templateSetting: 'Start letter template',
    reviewKind: 'Baseline',
  },
  'mid-point': {
    label: 'Mid-point',
    column: 'Mid-point letter',
    templateSetting: 'Mid-point letter template',
    reviewKind: 'Mid-point',
  },
  end: {
    label: 'End',
    column: 'End letter',
    templateSetting: 'End letter template',
    reviewKind: 'End',
  },
};

export function isLetterKind(value: unknown): value is LetterKind {
  return typeof value === 'string' && (LETTER_KINDS as readonly string[]).includes(value);
}

export interface LetterReviewFacts {
  status: string;
  dueDate?: Date;
  doneOn?: Date;
  result: string;
  resultDate?: Date;
  progress: string;
  judgement: string;
  furtherAction: string;
  /** What the parents told us at this review, if anything (never quoted back to them). */
  parentsView?: string;
}

/** The Provision library entry the intervention started from: what it works on, and its evidence. */
export interface LetterProvisionFacts {
  name: string;
  /** The census code of the need it works on ("SPLD"), as the library records it. */
  areaOfNeed: string;
  /** The school's own advice for parents ('' when the entry has none). */
  helpAtHome: string;
  evidenceNote: string;
  evidenceLink: string;
  evidenceStrength: string;
}

export interface LetterFacts {
  /** The letter's date. */
  today: Date;
  schoolName: string;
  sencoName: string;
  pupil: { firstName: string; lastName: string };
  intervention: {
    name: string;
    lead: string;
    supportedBy: string;
    summary: string;
    rationale: string;
    expectedOutcome: string;
    assessmentMethods: string;
    location: string;
    /** Group or Individual. */
    delivery?: string;
    startDate?: Date;
    lengthWeeks?: number;
    sessionsPerWeek?: number;
    minutesPerSession?: number;
    /** Its Status (kept by the add-on) and the SENCo's decision (Continue, Change or Stop). */
    status?: string;
    decision?: string;
  };
  provision?: LetterProvisionFacts;
  place: {
    startDate?: Date;
    parentsInformedHow: string;
    baseline: string;
    baselineMeasure: string;
    baselineDate?: Date;
    target: string;
    lessonMissed: string;
    actual: string;
    actualDate?: Date;
    furtherAction: string;
    /** Its Status, and whether the target was met (Yes, Partly, No) as the end review found. */
    status?: string;
    targetMet?: string;
  };
  midPoint?: LetterReviewFacts;
  end?: LetterReviewFacts;
}

/**
 * The review a letter talks about, of one kind for one pupil: the latest one done, else the next
 * one due; cancelled ones never.
 */
export function pickReview<T extends LetterReviewFacts>(reviews: readonly T[]): T | undefined {
  const live = reviews.filter((r) => r.status.trim().toLowerCase() !== 'cancelled');
  const time = (d?: Date): number => d?.getTime() ?? 0;
  const done = live
    .filter((r) => r.status.trim().toLowerCase() === 'done')
    .sort((a, b) => time(b.doneOn ?? b.resultDate) - time(a.doneOn ?? a.resultDate));
  if (done[0]) return done[0];
  return [...live].sort(
    (a, b) => (a.dueDate?.getTime() ?? Infinity) - (b.dueDate?.getTime() ?? Infinity),
  )[0];
}

/** The pupil's own start date, else the intervention's. */
export function startDateOf(facts: LetterFacts): Date | undefined {
  return facts.place.startDate ?? facts.intervention.startDate;
}

/**
 * Whether the programme is over for the pupil on the letter's day: their place finished or
 * stopped, the end review done, or its date passed. A letter printed then speaks in the past.
 */
export function programmeOver(facts: LetterFacts): boolean {
  const status = (facts.place.status ?? '').trim().toLowerCase();
  if (status === 'finished' || status === 'stopped') return true;
  const end = facts.end;
  if (end?.status.trim().toLowerCase() === 'done') return true;
  return end?.dueDate !== undefined && end.dueDate.getTime() < startOfDay(facts.today).getTime();
}

/** The facts with a first name to write: "your child" when the Pupils tab has none. */
export function withFirstName(facts: LetterFacts): LetterFacts {
  const first = facts.pupil.firstName.trim() || 'your child';
  return { ...facts, pupil: { ...facts.pupil, firstName: first } };
}
