/**
 * A pupil's place in an intervention (the per-pupil part of the intervention sheet): parents
 * informed, baseline, SMART target, the lesson missed and, at the end, the actual result. One zod
 * schema validates in the sidebar and again on the server. The consent gate lives here too: no
 * pupil is marked Started until the record says their parents knew, or why they were not told.
 */
import * as z from 'zod';
import {
  LESSONS,
  NEED_CODES,
  PARENTS_INFORMED_HOW,
  PARTICIPANT_STATUSES,
  type NeedCode,
} from './workbook';
import {
  oneOf,
  optionalIsoDate,
  optionalText,
  validateWith,
  type FieldErrors,
  type Validated,
} from './schema-helpers';

// ---------------------------------------------------------------------------------------------
// Building blocks for optional fields

/** One of a list, or blank (''). */
function optionalChoice<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z
    .string({ error: `${label}: choose one from the list` })
    .trim()
    .refine((v): v is '' | T[number] => v === '' || values.includes(v), {
      error: `${label}: choose one from the list, or leave it blank`,
    })
    .optional()
    .transform((v) => (v ?? '') as '' | T[number]);
}

// ---------------------------------------------------------------------------------------------
// The consent gate

/** What the gate looks at: the parents-informed fields as text (a date as yyyy-mm-dd). */
export interface ConsentFacts {
  parentsInformedOn: string;
  parentsInformedHow: string;
  parentsNotInformedBecause: string;
}

export const CONSENT_REFUSAL =
  'Status: this pupil cannot be marked as started until you record when and how their parents were told about the intervention, or why they were not (for example, blanket consent).';

/** Shown next to Status while parents-informed is missing, before the user tries to save. */
export const CONSENT_NOTE =
  'Parents informed is not recorded yet: this pupil can be Planned, but not Started, until you record when and how their parents were told, or why they were not.';

/**
 * Whether the record says the parents knew: a date AND how they were told (a letter, a meeting,
 * blanket consent and so on), or a reason they were not told (e.g. blanket consent on admission).
 */
export function consentRecorded(facts: ConsentFacts): boolean {
  const on = facts.parentsInformedOn.trim();
  const how = facts.parentsInformedHow.trim();
  const because = facts.parentsNotInformedBecause.trim();
  return (on !== '' && how !== '') || because !== '';
}

/** The consent gate: a refusal on Status when a pupil would be Started without it, else none. */
export function consentGate(facts: ConsentFacts & { status: string }): FieldErrors {
  return facts.status.trim() === 'Started' && !consentRecorded(facts)
    ? { status: CONSENT_REFUSAL }
    : {};
}

// ---------------------------------------------------------------------------------------------
// One pupil's record

const fields = {
  /** The Participants row being edited. */
  id: z
    .string({ error: 'Pupil: choose a pupil from the list first' })
    .trim()
    .min(1, { error: 'Pupil: choose a pupil from the list first' })
    .max(40, { error: 'Pupil: choose a pupil from the list first' }),
  status: oneOf('Status', PARTICIPANT_STATUSES),
  startDate: optionalIsoDate('Start date'),
  parentsInformedOn: optionalIsoDate('Parents informed on'),
  parentsInformedHow: optionalChoice('Parents informed how', PARENTS_INFORMED_HOW),
  parentsNotInformedBecause: optionalText('Parents not informed because', 500),
  baseline: optionalText('Baseline', 300),
  baselineMeasure: optionalText('Baseline measure', 120),
  baselineDate: optionalIsoDate('Baseline date'),
  target: optionalText('Target', 1000),
  lessonMissed: optionalChoice('Lesson missed', LESSONS),
  actual: optionalText('Actual', 300),
  actualDate: optionalIsoDate('Actual date'),
  evaluation: optionalText('Evaluation and progress', 2000),
  furtherAction: optionalText('Further action', 1000),
};

export const participantSchema = z.object(fields).superRefine((value, context) => {
  const refusal = consentGate(value).status;
  if (refusal) context.addIssue({ code: 'custom', path: ['status'], message: refusal });
});

/** What the form sends: every field as typed. */
export type ParticipantForm = z.input<typeof participantSchema>;
/** What the server stores, once valid. */
export type Participant = z.output<typeof participantSchema>;
export type ParticipantField = Exclude<keyof Participant, 'id'>;

export function validateParticipant(input: unknown): Validated<Participant> {
  return validateWith(participantSchema, input);
}

/** Field labels, in form order, for the sidebar and for messages. */
export const PARTICIPANT_LABELS: Record<ParticipantField, string> = {
  status: 'Status',
  startDate: 'Start date',
  parentsInformedOn: 'Parents informed on',
  parentsInformedHow: 'Parents informed how',
  parentsNotInformedBecause: 'Parents not informed because',
  baseline: 'Baseline',
  baselineMeasure: 'Baseline measure',
  baselineDate: 'Baseline date',
  target: 'Target',
  lessonMissed: 'Lesson missed',
  actual: 'Actual',
  actualDate: 'Actual date',
  evaluation: 'Evaluation and progress',
  furtherAction: 'Further action',
};

/** The Participants tab's header for each form field. */
export const PARTICIPANT_COLUMNS: Record<ParticipantField, string> = {
  status: 'Status',
  startDate: 'Start date',
  parentsInformedOn: 'Parents informed on',
  parentsInformedHow: 'Parents informed how',
  parentsNotInformedBecause: 'Parents not informed because',
  baseline: 'Baseline',
  baselineMeasure: 'Baseline measure',
  baselineDate: 'Baseline date',
  target: 'Target',
  lessonMissed: 'Lesson missed',
  actual: 'Actual',
  actualDate: 'Actual date',
  evaluation: 'Evaluation',
  furtherAction: 'Further action',
};

export const PARTICIPANT_FIELDS = Object.keys(PARTICIPANT_LABELS) as ParticipantField[];

/** The fields that hold a date (yyyy-mm-dd in forms, a Date in cells). */
export const PARTICIPANT_DATE_FIELDS: ReadonlySet<ParticipantField> = new Set([
  'startDate',
  'parentsInformedOn',
  'baselineDate',
  'actualDate',
]);

// ---------------------------------------------------------------------------------------------
// Adding pupils to an intervention

export const MAX_PUPILS_AT_ONCE = 60;

export const addPupilsSchema = z.object({
  interventionId: z
    .string({ error: 'Intervention: choose an intervention' })
    .trim()
    .min(1, { error: 'Intervention: choose an intervention' }),
  pupilIds: z
    .array(z.string({ error: 'Pupils to add: choose pupils from the list' }).trim().min(1), {
      error: 'Pupils to add: choose at least one pupil',
    })
    .min(1, { error: 'Pupils to add: choose at least one pupil' })
    .max(MAX_PUPILS_AT_ONCE, {
      error: `Pupils to add: choose at most ${MAX_PUPILS_AT_ONCE} pupils at a time`,
    })
    .transform((ids) => [...new Set(ids)]),
});

export type AddPupilsRequest = z.input<typeof addPupilsSchema>;
export type AddPupils = z.output<typeof addPupilsSchema>;

export function validateAddPupils(input: unknown): Validated<AddPupils> {
  return validateWith(addPupilsSchema, input);
}

// ---------------------------------------------------------------------------------------------
// Words for people

/** A place that is still going on, or about to: planned or started. */
export function isCurrentStatus(status: string): boolean {
  const s = status.trim().toLowerCase();
  return s === 'planned' || s === 'started';
}

/** A place that ended: finished or stopped. */
export function isPastStatus(status: string): boolean {
  const s = status.trim().toLowerCase();
  return s === 'finished' || s === 'stopped';
}

export function isRemovedStatus(status: string): boolean {
  return status.trim().toLowerCase() === 'removed';
}

/** "14 September 2026" (kept here too: many views import it from this file). */
export { longDate } from './dates';

/** "3 × 20 min a week"; '' when either number is missing. */
export function sessionsText(sessionsPerWeek?: number, minutesPerSession?: number): string {
  if (!sessionsPerWeek || !minutesPerSession) return '';
  return `${sessionsPerWeek} × ${minutesPerSession} min a week`;
}

/** "Specific learning difficulty (SPLD)"; an unknown code as it is; '' when blank. */
export function needInWords(code: string): string {
  const key = code.trim().toUpperCase();
  if (key === '') return '';
  const words = (NEED_CODES as Record<string, string>)[key];
  return words === undefined ? code.trim() : `${words} (${key as NeedCode})`;
}

/** "2 hours 10 minutes", "45 minutes", "1 hour". */
export function minutesText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = Math.round(minutes % 60);
  const parts = [
    hours > 0 ? `${hours} ${hours === 1 ? 'hour' : 'hours'}` : '',
    rest > 0 || hours === 0 ? `${rest} ${rest === 1 ? 'minute' : 'minutes'}` : '',
  ];
  return parts.filter(Boolean).join(' ');
}
