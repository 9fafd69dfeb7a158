/**
 * The Provision library: one schema shared by the sidebar and the server, the labels and tab
 * headers, and how a library entry pre-fills a new intervention sheet (never with its internal
 * fields: cost, group size, training and evidence strength stay off what parents read).
 */
import * as z from 'zod';
import type { InterventionField } from './intervention';
import {
  moneyText,
  optionalWholeNumber,
  isWebAddress,
  pounds,
  webAddress,
  type CellReader,
} from './record-fields';
import { oneOf, optionalText, requiredText, validateWith, type Validated } from './schema-helpers';
import { NEED_CODES, NEED_CODE_LIST, type NeedCode } from './workbook';

export const EVIDENCE_STRENGTHS = [
  'Strong (several robust studies)',
  'Moderate',
  'Limited',
  'Not yet evaluated',
] as const;
export type EvidenceStrength = (typeof EVIDENCE_STRENGTHS)[number];

/** The area of need with its words first: "Specific learning difficulty (SPLD)". */
export function needLabel(code: NeedCode): string {
  return `${NEED_CODES[code]} (${code})`;
}

/** The choices for an area of need: the census code stored, the words shown. */
export const NEED_CHOICES: readonly { value: NeedCode; label: string }[] = NEED_CODE_LIST.map(
  (code) => ({ value: code, label: needLabel(code) }),
);

export const librarySchema = z.object({
  name: requiredText('Name of the provision', 120),
  areaOfNeed: z.enum(NEED_CODE_LIST as [NeedCode, ...NeedCode[]], {
    error: 'Area of need: choose one from the list',
  }),
  evidenceLink: webAddress('Evidence link'),
  evidenceNote: optionalText('Evidence note', 1000),
  evidenceStrength: oneOf('Evidence strength', EVIDENCE_STRENGTHS),
  minutesPerSession: optionalWholeNumber('Default minutes per session', 5, 240),
  sessionsPerWeek: optionalWholeNumber('Default sessions per week', 1, 10),
  lengthWeeks: optionalWholeNumber('Default length in weeks', 1, 52),
  resourceCost: pounds('Resource cost', 0, 100000),
  usualGroupSize: optionalWholeNumber('Usual group size', 1, 40),
  trainingNeeded: optionalText('Training needed', 300),
  helpAtHome: optionalText('Help at home', 1000),
});

export type LibraryEntry = z.output<typeof librarySchema>;
export type LibraryField = keyof LibraryEntry;
/** What the form sends: every field as typed ("Help at home" may be left out: it came later). */
export type LibraryForm = Record<Exclude<LibraryField, 'helpAtHome'>, string> & {
  helpAtHome?: string;
};

export function validateLibraryEntry(input: unknown): Validated<LibraryEntry> {
  return validateWith(librarySchema, input);
}

/** Field labels, in form order, for the sidebar and for messages. */
export const LIBRARY_LABELS: Record<LibraryField, string> = {
  name: 'Name of the provision',
  areaOfNeed: 'Area of need',
  evidenceLink: 'Evidence link',
  evidenceNote: 'Evidence note',
  evidenceStrength: 'Evidence strength',
  minutesPerSession: 'Default minutes per session',
  sessionsPerWeek: 'Default sessions per week',
  lengthWeeks: 'Default length in weeks',
  resourceCost: 'Resource cost',
  usualGroupSize: 'Usual group size',
  trainingNeeded: 'Training needed',
  helpAtHome: 'Help at home',
};

/** The Provision library tab's header for each form field. */
export const LIBRARY_COLUMNS: Record<LibraryField, string> = {
  name: 'Name',
  areaOfNeed: 'Area of need',
  evidenceLink: 'Evidence link',
  evidenceNote: 'Evidence note',
  evidenceStrength: 'Evidence strength',
  minutesPerSession: 'Default minutes per session',
  sessionsPerWeek: 'Default sessions per week',
  lengthWeeks: 'Default weeks',
  resourceCost: 'Resource cost',
  usualGroupSize: 'Usual group size',
  trainingNeeded: 'Training needed',
  helpAtHome: 'Help at home',
};

/** A need read from a cell ("spld", or the words typed by hand) as its code when it is one. */
export function normaliseNeed(text: string): string {
  const key = text.trim().toLowerCase();
  const code = NEED_CODE_LIST.find(
    (c) => c.toLowerCase() === key || NEED_CODES[c].toLowerCase() === key,
  );
  return code ?? text.trim();
}

/** An evidence strength read from a cell ("strong", "Moderate") in the list's own spelling. */
export function normaliseStrength(text: string): string {
  const key = text.trim().toLowerCase();
  if (key === '') return '';
  return (
    EVIDENCE_STRENGTHS.find((s) => s.toLowerCase() === key) ??
    EVIDENCE_STRENGTHS.find((s) => s.toLowerCase().split(' (')[0] === key) ??
    text.trim()
  );
}

/** A library entry as read from the Provision library tab (text '' and numbers undefined when empty). */
export interface LibraryRecord {
  id: string;
  name: string;
  areaOfNeed: string;
  evidenceLink: string;
  evidenceNote: string;
  evidenceStrength: string;
  minutesPerSession: number | undefined;
  sessionsPerWeek: number | undefined;
  lengthWeeks: number | undefined;
  resourceCost: number | undefined;
  usualGroupSize: number | undefined;
  trainingNeeded: string;
  /** What parents can do at home, in the school's words, for letters ('' when none). */
  helpAtHome: string;
}

export type InterventionPrefill = Partial<Record<InterventionField, string>>;

/** "Evidence (moderate): EEF toolkit, +4 months. See https://…" for the rationale. */
export function evidenceRationale(entry: LibraryRecord): string {
  const strength = normaliseStrength(entry.evidenceStrength);
  const known = (EVIDENCE_STRENGTHS as readonly string[]).includes(strength);
  const short = known ? (strength.split(' (')[0] ?? strength).toLowerCase() : '';
  const note = entry.evidenceNote.trim();
  const link = entry.evidenceLink.trim();
  const body = [
    note === '' ? '' : /[.!?]$/.test(note) ? note : `${note}.`,
    isWebAddress(link) ? `See ${link}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  if (body === '' && short === '') return '';
  const prefix = short ? `Evidence (${short})` : 'Evidence';
  return body === '' ? `${prefix}.` : `${prefix}: ${body}`;
}

function wholeText(n: number | undefined, min: number, max: number): string | undefined {
  return n !== undefined && Number.isInteger(n) && n >= min && n <= max ? String(n) : undefined;
}

/**
 * The intervention form's fields pre-filled from a library entry: its name, default dosage, the
 * evidence as the rationale, group or individual from the usual group size, and the entry's ID.
 * Fields the entry does not know are left out (the form keeps what is there). The Summary is
 * left for staff to write, since letters show it to parents as "What happens in a session": the
 * library's area of need, group size, cost and training are internal and never go in it.
 */
export function interventionPrefill(entry: LibraryRecord): InterventionPrefill {
  const form: InterventionPrefill = { provisionId: entry.id };
  if (entry.name.trim()) form.name = entry.name.trim();
  const minutes = wholeText(entry.minutesPerSession, 1, 240);
  const sessions = wholeText(entry.sessionsPerWeek, 1, 10);
  const weeks = wholeText(entry.lengthWeeks, 1, 52);
  if (minutes) form.minutesPerSession = minutes;
  if (sessions) form.sessionsPerWeek = sessions;
  if (weeks) form.lengthWeeks = weeks;
  const rationale = evidenceRationale(entry);
  if (rationale) form.rationale = rationale;
  const group = entry.usualGroupSize;
  if (group !== undefined && Number.isInteger(group) && group >= 1) {
    form.delivery = group > 1 ? 'Group' : 'Individual';
  }
  return form;
}

/** The refusal when the record being edited has gone from its tab since the form was opened. */

/** A Provision library row as a LibraryRecord. */
export function libraryRecordFrom(row: CellReader): LibraryRecord {
  const c = LIBRARY_COLUMNS;
  return {
    id: row.id,
    name: row.text(c.name),
    areaOfNeed: row.text(c.areaOfNeed),
    evidenceLink: row.text(c.evidenceLink),
    evidenceNote: row.text(c.evidenceNote),
    evidenceStrength: row.text(c.evidenceStrength),
    minutesPerSession: row.number(c.minutesPerSession),
    sessionsPerWeek: row.number(c.sessionsPerWeek),
    lengthWeeks: row.number(c.lengthWeeks),
    resourceCost: row.number(c.resourceCost),
    usualGroupSize: row.number(c.usualGroupSize),
    trainingNeeded: row.text(c.trainingNeeded),
    helpAtHome: row.text(c.helpAtHome),
  };
}

/** A Provision library row as the form's fields. */
export function libraryFormFrom(row: CellReader): LibraryForm {
  const c = LIBRARY_COLUMNS;
  return {
    name: row.text(c.name),
    areaOfNeed: normaliseNeed(row.text(c.areaOfNeed)),
    evidenceLink: row.text(c.evidenceLink),
    evidenceNote: row.text(c.evidenceNote),
    evidenceStrength: normaliseStrength(row.text(c.evidenceStrength)),
    minutesPerSession: row.text(c.minutesPerSession),
    sessionsPerWeek: row.text(c.sessionsPerWeek),
    lengthWeeks: row.text(c.lengthWeeks),
    resourceCost: moneyText(row, c.resourceCost),
    usualGroupSize: row.text(c.usualGroupSize),
    trainingNeeded: row.text(c.trainingNeeded),
    helpAtHome: row.text(c.helpAtHome),
  };
}

/** A valid library entry as cell values under its Provision library headers. */
export function libraryCells(entry: LibraryEntry): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const field of Object.keys(LIBRARY_COLUMNS) as LibraryField[]) {
    values[LIBRARY_COLUMNS[field]] = entry[field] ?? '';
  }
  return values;
}
