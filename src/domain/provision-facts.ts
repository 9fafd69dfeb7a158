/**
 * The workbook's rows as the plain facts the impact, value and Dashboard figures take (see
 * impact.ts, amalgamate.ts, glance.ts, look-at.ts, sen-report.ts). The store reads them by header
 * name; these functions never see a sheet.
 */
import type { MeasureKind, BetterWhen } from './measures';
import type { NeedCode } from './workbook';

export interface InterventionFigureFacts {
  id: string;
  name: string;
  /** Planned, Running, Finished or Stopped. */
  status: string;
  /** The Provision library entry it was made from ('' when none). */
  provisionId: string;
  startDate: Date | undefined;
  lengthWeeks: number | undefined;
  sessionsPerWeek: number | undefined;
  minutesPerSession: number | undefined;
  /** Its costs as the add-on worked them out (see costs.ts); undefined when not yet costed. */
  costPlanned: number | undefined;
  costToDate: number | undefined;
  /** The SENCo's decision ('' while none), and the mid-point's "needs decision" reason. */
  decision: string;
  needsDecision: string;
  /** When it was stopped (the decision date of a Stop), for "a stopped intervention stops there". */
  stoppedOn: Date | undefined;
}

export interface PlaceFigureFacts {
  id: string;
  interventionId: string;
  pupilId: string;
  /** Planned, Started, Finished, Stopped or Removed. */
  status: string;
  startDate: Date | undefined;
  /** The measure the baseline (and so every result) is recorded in ('' when none). */
  measure: string;
  measureKind: MeasureKind | undefined;
  better: BetterWhen | undefined;
  baselineValue: number | undefined;
  baselineDate: Date | undefined;
  actualValue: number | undefined;
  actualDate: Date | undefined;
  /** The end review's −2 … +2 score (undefined until recorded). */
  outcomeScore: number | undefined;
  /** Yes, Partly, No or ''. */
  targetMet: string;
}

export interface PupilFigureFacts {
  id: string;
  yearGroup: string;
  /** SEN support, EHC plan or '' (not on the register). */
  senStatus: string;
  primaryNeed: NeedCode | '';
}

export interface LibraryFigureFacts {
  id: string;
  name: string;
  areaOfNeed: NeedCode | '';
}
