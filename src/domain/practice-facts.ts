/**
 * What the good-practice rules read (plain records the store layer maps sheet rows into; text is
 * '' when empty) and what they give back: warnings, each with its kind and a message in plain
 * English. Also the small wording helpers the rules share.
 */

// ---------------------------------------------------------------------------------------------
// Warnings and the text kept in the sheet

export type WarningKind =
  | 'session-length'
  | 'sessions-per-week'
  | 'programme-length'
  | 'not-time-limited'
  | 'no-evidence'
  | 'staff-not-trained'
  | 'unknown-staff'
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
  'unknown-staff': 'Unknown staff names',
  'several-new-interventions': 'Several new interventions',
  'lesson-time-lost': 'Lesson time lost',
};

/** The text of a Warnings cell: one "• message" per line; '' when there are none. */
export function formatWarnings(warnings: readonly Warning[]): string {
  return warnings.map((warning) => `• ${warning.message}`).join('\n');
}

// ---------------------------------------------------------------------------------------------
// Records

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
  /** As on the Interventions tab: Planned, Running, Finished or Stopped; '' or absent if unknown. */
  status?: string;
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
  /** SENCo, Teacher, TA or External, as on the Staff tab; '' or absent when not recorded. */
  role?: string;
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

export function formatNumber(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** "1 week", "2 weeks". */
export function plural(n: number, unit: string): string {
  return `${formatNumber(n)} ${n === 1 ? unit : `${unit}s`}`;
}

/** "15–45", or "15" when both bounds are equal. */
export function range(min: number, max: number): string {
  return min === max ? formatNumber(min) : `${formatNumber(min)}–${formatNumber(max)}`;
}

/** Text for comparisons: lower case, words separated by single spaces, punctuation dropped. */
export function words(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A count from a cell: positive, or undefined when missing, zero or nonsensical. */
export function positive(n: number | undefined): number | undefined {
  return n !== undefined && Number.isFinite(n) && n > 0 ? n : undefined;
}
