/** Pupils in an intervention (consent, baselines, targets) and the pupil profile. */
import type { FieldErrors } from '../domain/schema-helpers';
import type { AddPupilsRequest, ParticipantForm } from '../domain/participant';
import type { SaveResult } from './contract';

/** An intervention to choose in the "Intervention" list. */
export interface InterventionChoice {
  id: string;
  name: string;
  lead: string;
  /** As on the Interventions tab: Planned, Running, Finished or Stopped ('' if blank). */
  status: string;
  /** yyyy-mm-dd, or '' when the sheet has none. */
  startDate: string;
  /** "14 September 2026", or ''. */
  startDateText: string;
  /** "3 × 20 min a week", or ''. */
  sessions: string;
}

/** A pupil to choose, e.g. in "Pupils to add" or the profile's "Pupil" list. */
export interface PupilChoice {
  id: string;
  /** "First Last" (the ID when the sheet has no name). */
  name: string;
  yearGroup: string;
}

export interface ParticipantsOptions {
  /** False until "Set up provision map" has been run. */
  workbookReady: boolean;
  /** Today in the school's time zone, yyyy-mm-dd. */
  today: string;
  /** Every intervention: planned and running first, then finished and stopped, each by name. */
  interventions: InterventionChoice[];
}

/** One pupil's place in the chosen intervention, with its form values for editing. */
export interface ParticipantSummary {
  id: string;
  pupilId: string;
  pupilName: string;
  yearGroup: string;
  status: string;
  consentRecorded: boolean;
  /** Every form field as the form shows it (dates as yyyy-mm-dd), plus the row's ID. */
  form: Required<{ [K in keyof ParticipantForm]: string }>;
  /** The good-practice warnings last written to the row's Warnings column. */
  warnings: string[];
}

export interface InterventionPupils {
  workbookReady: boolean;
  intervention: InterventionChoice;
  /** The pupils in it (every status but Removed), by last name. */
  participants: ParticipantSummary[];
  /** How many pupils were removed (kept on the Participants tab for the record). */
  removedCount: number;
  /** Pupils on the Pupils tab who are not in it (a removed pupil may be added again). */
  available: PupilChoice[];
  /** The measures a baseline can be given in (Settings tab), and any already used in it. */
  measures: string[];
}

export type AddPupilsResult =
  | { ok: true; id: string; ids: string[]; message: string; warnings?: string[] }
  | { ok: false; errors: FieldErrors; message: string };

export interface ProfileOptions {
  workbookReady: boolean;
  /** Every pupil, by last name. */
  pupils: PupilChoice[];
}

/** An intervention as the profile shows it: words only, dates written out. */
export interface ProfilePlace {
  participantId: string;
  interventionId: string;
  name: string;
  lead: string;
  status: string;
  /** "14 September 2026", or ''. */
  startDate: string;
  /** "3 × 20 min a week", or ''. */
  sessions: string;
  target: string;
  /** "Reading age 7y 2m (Reading age, 14 September 2026)", or ''. */
  baseline: string;
  /** The latest result recorded ("Actual"), with its date, or ''. */
  actual: string;
  /** Each result recorded at a mid-point, end or extra review (done), earliest first. */
  results: ProfileResult[];
  /**
   * The outcome score in words with the number: "As expected (0)" from the end review, or the
   * mid-point's "Less than expected (−1), provisional"; '' before either.
   */
  outcome: string;
  /** Whether the target was met, from the end review: "Yes", "Partly", "No", or ''. */
  targetMet: string;
  /** The pupil's own view at their latest review that has one: "Rated it 4 out of 5: “…”". */
  pupilView: string;
  /** The parents' view at the latest review that has one, with the review and its date. */
  parentsView: string;
  evaluation: string;
  furtherAction: string;
  lessonMissed: string;
  consentRecorded: boolean;
}

export interface ProfileResult {
  /** Mid-point, End or Extra. */
  kind: string;
  result: string;
  /** "14 December 2026" (the result's date, else the day it was recorded), or ''. */
  date: string;
}

export interface ProfileReview {
  reviewId: string;
  /** Baseline, Mid-point, End or Extra. */
  kind: string;
  intervention: string;
  /** "14 September 2026", or '' when the review has no due date. */
  dueDate: string;
  /** Its due date has passed (before today) and it is still Due. */
  overdue: boolean;
}

export interface ProfileLessonTime {
  subject: string;
  minutesPerWeek: number;
  /** "1 hour 20 minutes". */
  text: string;
  interventions: string[];
}

export interface PupilProfile {
  workbookReady: boolean;
  pupil: {
    id: string;
    name: string;
    yearGroup: string;
    /** '' when the same as the year group, or not recorded. */
    workingAt: string;
    senStatus: string;
    /** In words, e.g. "Specific learning difficulty (SPLD)". */
    primaryNeed: string;
    secondaryNeed: string;
    classTeacher: string;
  };
  current: ProfilePlace[];
  past: ProfilePlace[];
  /** Reviews still to do, earliest due first (so the overdue ones come first). */
  reviewsDue: ProfileReview[];
  lessonTime: ProfileLessonTime[];
  /** Total minutes a week away from lessons, and in words. */
  lessonTimeTotal: { minutesPerWeek: number; text: string };
  /** Good-practice warnings for the pupil's current interventions, each once. */
  warnings: string[];
}

export interface ParticipantApi {
  getParticipantsOptions(): ParticipantsOptions;
  getInterventionPupils(interventionId: string): InterventionPupils;
  /** Adds each pupil (status Planned, the intervention's start date) in one write. */
  addPupilsToIntervention(request: AddPupilsRequest): AddPupilsResult;
  saveParticipant(form: ParticipantForm): SaveResult;
  /** Marks the pupil Removed (the row stays, for the record). */
  removeParticipant(participantId: string): SaveResult;
  getProfileOptions(): ProfileOptions;
  getPupilProfile(pupilId: string): PupilProfile;
}
