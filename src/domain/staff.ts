/**
 * The Staff tab and the Provision library: one schema each, shared by the sidebar (validating as
 * the user types) and the server (validating again before anything is written), with the labels
 * shown on the forms and the tab header each field is stored under. Also the pure rules around
 * them: the SENCo check, money shown as "£18.50", and how a library entry pre-fills a new
 * intervention sheet.
 */
import * as z from 'zod';
import type { InterventionField } from './intervention';
import {
  oneOf,
  optionalText,
  requiredText,
  validateWith,
  type FieldErrors,
  type Validated,
} from './schema-helpers';
import { NEED_CODES, NEED_CODE_LIST, STAFF_ROLES, type NeedCode } from './workbook';

// ---------------------------------------------------------------------------------------------
// Building blocks

const blank = (value: unknown): boolean =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** A plain email address: something@somewhere.tld, no spaces. */
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** A web address starting http:// or https:// with a dotted host name, no spaces. */
const WEB_ADDRESS =
  /^https?:\/\/[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)+(?::\d{1,5})?(?:[/?#]\S*)?$/i;

export function isEmailAddress(text: string): boolean {
  return EMAIL.test(text.trim());
}

export function isWebAddress(text: string): boolean {
  return WEB_ADDRESS.test(text.trim());
}

function emailAddress(label: string) {
  return requiredText(label, 254).refine(isEmailAddress, {
    error: `${label}: enter a full email address, like name@school.org.uk`,
  });
}

/** An optional http(s) link: other kinds (javascript:, file:, ftp:) are refused. */
function webAddress(label: string) {
  return optionalText(label, 500).refine((v) => v === '' || isWebAddress(v), {
    error: `${label}: enter a web address starting with https:// (or http://), like https://educationendowmentfoundation.org.uk`,
  });
}

/** "£1,000.00": pounds with pence, as money is shown everywhere to staff. */
export function formatPounds(amount: number): string {
  const [whole = '0', pence = '00'] = Math.abs(amount).toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount < 0 ? '-' : ''}£${grouped}.${pence}`;
}

/**
 * An optional amount in pounds, typed as "18.50", "£18.50" or "1,000", or sent as a number; at most
 * two decimal places (pence). Blank becomes undefined (an empty cell).
 */
function pounds(label: string, min: number, max: number) {
  const range = `${label}: enter an amount from ${formatPounds(min)} to ${formatPounds(max)}`;
  return z
    .unknown()
    .transform((value, ctx): number | undefined => {
      if (blank(value)) return undefined;
      let amount: number;
      if (typeof value === 'number') {
        amount = value;
      } else if (typeof value === 'string') {
        const text = value.trim().replace(/^£\s*/, '');
        if (/^-\s*£?\s*\d/.test(text)) {
          ctx.addIssue({ code: 'custom', message: range });
          return z.NEVER;
        }
        const plain = /^\d{1,3}(,\d{3})+(\.\d*)?$/.test(text) ? text.replace(/,/g, '') : text;
        if (!/^(\d+(\.\d*)?|\.\d+)$/.test(plain)) {
          ctx.addIssue({
            code: 'custom',
            message: `${label}: enter an amount in pounds, like 18.50`,
          });
          return z.NEVER;
        }
        if (/\.\d{3,}$/.test(plain)) {
          ctx.addIssue({
            code: 'custom',
            message: `${label}: use pounds and pence, with at most 2 numbers after the point, like 18.50`,
          });
          return z.NEVER;
        }
        amount = Number(plain);
      } else {
        ctx.addIssue({
          code: 'custom',
          message: `${label}: enter an amount in pounds, like 18.50`,
        });
        return z.NEVER;
      }
      if (!Number.isFinite(amount) || amount < min || amount > max) {
        ctx.addIssue({ code: 'custom', message: range });
        return z.NEVER;
      }
      if (Math.abs(Math.round(amount * 100) - amount * 100) > 1e-6) {
        ctx.addIssue({
          code: 'custom',
          message: `${label}: use pounds and pence, with at most 2 numbers after the point, like 18.50`,
        });
        return z.NEVER;
      }
      return Math.round(amount * 100) / 100;
    })
    .optional();
}

/** An optional whole number; blank becomes undefined (an empty cell). */
function optionalWholeNumber(label: string, min: number, max: number) {
  const range = `${label}: enter a whole number from ${min} to ${max}, or leave it blank`;
  return z
    .unknown()
    .transform((value, ctx): number | undefined => {
      if (blank(value)) return undefined;
      const n = typeof value === 'string' ? Number(value.trim()) : value;
      if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: range });
        return z.NEVER;
      }
      return n;
    })
    .optional();
}

// ---------------------------------------------------------------------------------------------
// Staff

export const staffSchema = z.object({
  name: requiredText('Name', 80),
  email: emailAddress('Email address'),
  role: oneOf('Role', STAFF_ROLES),
  hourlyCost: pounds('Hourly cost', 0, 1000),
  trainedIn: optionalText('Trained in', 500),
});

export type StaffMember = z.output<typeof staffSchema>;
export type StaffField = keyof StaffMember;
/** What the form sends: every field as typed. */
export type StaffForm = Record<StaffField, string>;

export function validateStaffMember(input: unknown): Validated<StaffMember> {
  return validateWith(staffSchema, input);
}

/** Field labels, in form order, for the sidebar and for messages. */
export const STAFF_LABELS: Record<StaffField, string> = {
  name: 'Name',
  email: 'Email address',
  role: 'Role',
  hourlyCost: 'Hourly cost',
  trainedIn: 'Trained in',
};

/** The Staff tab's header for each form field. */
export const STAFF_COLUMNS: Record<StaffField, string> = {
  name: 'Name',
  email: 'Email',
  role: 'Role',
  hourlyCost: 'Hourly cost',
  trainedIn: 'Trained in',
};

export const SENCO_ROLE = 'SENCo';

function isSenco(role: string): boolean {
  return role.trim().toLowerCase() === SENCO_ROLE.toLowerCase();
}

export interface StaffRoleFacts {
  name: string;
  role: string;
}

/**
 * The SENCo is the person reminders escalate to: after a save, warn (never block) when the save
 * left the Staff tab with no SENCo, or with more than one. `before` and `after` are the staff in
 * the order they are listed on the tab.
 */
export function sencoWarnings(
  before: readonly StaffRoleFacts[],
  after: readonly StaffRoleFacts[],
  added: boolean,
): string[] {
  const was = before.filter((s) => isSenco(s.role)).length;
  const sencos = after.filter((s) => isSenco(s.role));
  const now = sencos.length;
  if (now === 1 || (now === was && !(added && now === 0))) return [];
  if (now === 0) {
    return [
      'There is now no SENCo on the Staff tab: reminders that go to the SENCo will not reach anyone. Give one person the role SENCo.',
    ];
  }
  const first = sencos[0]?.name.trim() || 'the first SENCo';
  return [
    `There are now ${now} SENCos: reminders go to the first one listed on the Staff tab (${first}). If that is not right, change the other roles.`,
  ];
}

/** "Ms Amara Okafor (SENCo)": how a person is offered in the pick list. */
export function staffChoiceLabel(name: string, role: string): string {
  const who = name.trim() || 'No name yet';
  return role.trim() ? `${who} (${role.trim()})` : who;
}

/** A role read from a cell, in the list's own spelling when it is one of them. */
export function normaliseRole(text: string): string {
  return STAFF_ROLES.find((r) => r.toLowerCase() === text.trim().toLowerCase()) ?? text.trim();
}

// ---------------------------------------------------------------------------------------------
// Provision library

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
export function goneFromTab(what: string, tab: string): FieldErrors {
  return {
    form: `This ${what} is no longer on the ${tab} tab (someone may have deleted the row). Choose it again from the list, or add it as new.`,
  };
}

/** The part of a read row this file needs (the store's Row has it): cells by header name. */
export interface CellReader {
  readonly id: string;
  text(header: string): string;
  number(header: string): number | undefined;
}

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

/** A money cell as the form shows it: 18.5 → "18.50"; text typed by hand stays as it is. */
export function moneyText(row: CellReader, header: string): string {
  const text = row.text(header);
  const n = row.number(header);
  return n !== undefined && /^-?[\d.]+(e[+-]?\d+)?$/i.test(text) ? n.toFixed(2) : text;
}

/** A Staff row as the form's fields. */
export function staffFormFrom(row: CellReader): StaffForm {
  const c = STAFF_COLUMNS;
  return {
    name: row.text(c.name),
    email: row.text(c.email),
    role: normaliseRole(row.text(c.role)),
    hourlyCost: moneyText(row, c.hourlyCost),
    trainedIn: row.text(c.trainedIn),
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

/** A valid person as cell values under their Staff headers (blank cost → an empty cell). */
export function staffCells(member: StaffMember): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const field of Object.keys(STAFF_COLUMNS) as StaffField[]) {
    values[STAFF_COLUMNS[field]] = member[field] ?? '';
  }
  return values;
}

/** A valid library entry as cell values under its Provision library headers. */
export function libraryCells(entry: LibraryEntry): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const field of Object.keys(LIBRARY_COLUMNS) as LibraryField[]) {
    values[LIBRARY_COLUMNS[field]] = entry[field] ?? '';
  }
  return values;
}
