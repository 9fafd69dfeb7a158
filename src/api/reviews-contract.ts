/** Record a review: choose an intervention, then one pupil's review; extra reviews by hand. */
import type { ExtraReviewRequest, ReviewForm } from '../domain/review';
import type { SaveResult } from './contract';

/** An intervention to choose in the "Intervention" list. */
export interface ReviewInterventionChoice {
  id: string;
  name: string;
  lead: string;
  /** As on the Interventions tab: Planned, Running, Finished or Stopped ('' if blank). */
  status: string;
  /** Reviews not yet done (status Due). */
  dueCount: number;
  /** Of those, how many are past their due date. */
  overdueCount: number;
}

export interface ReviewOptions {
  /** False until "Set up provision map" has been run. */
  workbookReady: boolean;
  /** Today in the school's time zone, yyyy-mm-dd. */
  today: string;
  /** Interventions with reviews due first, then the rest, each by name. */
  interventions: ReviewInterventionChoice[];
}

/** Every field of the review form as the form shows it (dates as yyyy-mm-dd). */
export type ReviewFormValues = Required<{ [K in keyof ReviewForm]: string }>;

/** One review of one pupil, with what the form needs to show for reference. */
export interface ReviewSummary {
  reviewId: string;
  participantId: string;
  pupilName: string;
  yearGroup: string;
  /** Baseline, Mid-point, End or Extra. */
  kind: string;
  /** Due, Done or Cancelled. */
  status: string;
  /** yyyy-mm-dd, or '' when the sheet has none. */
  dueDate: string;
  /** "14 December 2026", or ''. */
  dueDateText: string;
  /** Still due and its due date has passed. */
  overdue: boolean;
  /** "14 December 2026" when recorded, else ''. */
  doneOnText: string;
  recordedBy: string;
  /** The pupil's starting point, for reference: "4/10", the measure and its date written out. */
  baseline: string;
  baselineMeasure: string;
  baselineDateText: string;
  target: string;
  /** The form's values: what was recorded, or blanks (the end review's evaluation pre-filled). */
  form: ReviewFormValues;
}

export interface InterventionReviews {
  workbookReady: boolean;
  today: string;
  intervention: {
    id: string;
    name: string;
    lead: string;
    status: string;
    /** The Needs decision text on the Interventions tab ('' when none). */
    needsDecision: string;
  };
  /** By due date (no date last), then pupil name. */
  reviews: ReviewSummary[];
  /** Pupils in the intervention (not removed), for "Add an extra review". */
  pupils: { participantId: string; name: string; yearGroup: string }[];
}

export interface ReviewApi {
  getReviewOptions(): ReviewOptions;
  getInterventionReviews(interventionId: string): InterventionReviews;
  saveReview(form: ReviewForm): SaveResult;
  addExtraReview(request: ExtraReviewRequest): SaveResult;
}
