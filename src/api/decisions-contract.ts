/**
 * Decide about interventions: the SENCo chooses an intervention (those needing a decision first),
 * sees its evidence and records Continue, Change or Stop.
 */
import type { DecisionForm } from '../domain/decision';
import type { SaveResult } from './contract';

/** An intervention to choose in the "Intervention" list (never a stopped one). */
export interface DecisionChoice {
  id: string;
  name: string;
  lead: string;
  /** Planned, Running or Finished ('' if blank). */
  status: string;
  /** Its Needs decision cell is filled: a mid-point review found it not working. */
  needsDecision: boolean;
  /** The decision recorded last ('' when none), and when. */
  decision: string;
  decidedOnText: string;
}

export interface DecisionOptions {
  /** False until "Set up provision map" has been run. */
  workbookReady: boolean;
  /** Those needing a decision first, then the rest; each group by name. */
  interventions: DecisionChoice[];
}

/** A pupil's mid-point review, as the reviewer recorded it (blank fields as ''). */
export interface MidPointEvidence {
  /** Due, Done or Cancelled. */
  status: string;
  dueDateText: string;
  result: string;
  resultDateText: string;
  /** "+1", "0", "−2": the provisional outcome score, '' when none was worked out. */
  outcomeScore: string;
  progress: string;
  otherFactors: string;
  judgement: string;
  furtherAction: string;
  pupilView: string;
  parentsView: string;
  recordedBy: string;
}

/** One pupil's place in the intervention (not removed), as the evidence for the decision. */
export interface DecisionPupil {
  participantId: string;
  /** First name and last initial, "Ann P.". */
  name: string;
  yearGroup: string;
  /** Planned, Started, Finished or Stopped. */
  status: string;
  baseline: string;
  baselineMeasure: string;
  baselineDateText: string;
  target: string;
  /** Their mid-point review, or null when they have none (not started yet). */
  midPoint: MidPointEvidence | null;
}

export interface DecisionEvidence {
  workbookReady: boolean;
  intervention: {
    id: string;
    name: string;
    lead: string;
    status: string;
    /** "From 2 November 2026, 12 weeks, 3 × 20 min a week" ('' parts left out). */
    plan: string;
    /** The lines of its Needs decision cell ([] when none). */
    needsDecision: string[];
    /** The decision recorded last, or null. */
    lastDecision: { decision: string; reason: string; by: string; onText: string } | null;
  };
  /** By name. */
  pupils: DecisionPupil[];
}

export interface DecisionApi {
  getDecisionOptions(): DecisionOptions;
  /** Throws, in words, when the intervention has gone from the Interventions tab. */
  getDecisionEvidence(interventionId: string): DecisionEvidence;
  /** Records the decision on the Interventions tab, and clears Needs decision (see decisions.ts). */
  recordDecision(form: DecisionForm): SaveResult;
  /** Opens the Intervention sheet sidebar with this intervention chosen (after a Change). */
  showInterventionFormFor(interventionId: string): void;
  /** Opens the Letters to parents sidebar with this intervention chosen (after a Stop). */
  showEndLettersFor(interventionId: string): void;
}
