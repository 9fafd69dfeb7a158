/**
 * A pupil on the Pupils tab: one schema validates the sidebar's pupil form as staff type and again
 * on the server; the same rules check every row of a CSV imported from the school's MIS
 * (src/domain/pupil-import.ts).
 */
import { addDays, differenceInYears, isValid, parseISO, subYears } from 'date-fns';
import * as z from 'zod';
import { longDate, longDateOfIso } from './dates';
import { NEED_CODE_LIST, NEED_CODES, SEN_STATUSES, YEAR_GROUPS, type NeedCode } from './workbook';
import {
  fieldErrorsOf,
  optionalText,
  readFormDate,
  requiredText,
  type FieldErrors,
} from './schema-helpers';

export const PUPIL_FIELDS = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'yearGroup',
  'workingAtYearGroup',
  'senStatus',
  'primaryNeed',
  'secondaryNeed',
  'classTeacher',
  'upn',
] as const;
export type PupilField = (typeof PUPIL_FIELDS)[number];

/** Field labels, in form order, for the sidebar and for messages. */
export const PUPIL_LABELS: Record<PupilField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  dateOfBirth: 'Date of birth',
  yearGroup: 'Year group',
  workingAtYearGroup: 'Year group worked in',
  senStatus: 'SEN status',
  primaryNeed: 'Primary need',
  secondaryNeed: 'Secondary need',
  classTeacher: 'Class teacher',
  upn: 'UPN',
};

/** The Pupils tab's header for each form field. */
export const PUPIL_COLUMNS: Record<PupilField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  dateOfBirth: 'Date of birth',
  yearGroup: 'Year group',
  workingAtYearGroup: 'Working at year group',
  senStatus: 'SEN status',
  primaryNeed: 'Primary need',
  secondaryNeed: 'Secondary need',
  classTeacher: 'Class teacher',
  upn: 'UPN',
};

/** Fields every pupil must have (the rest may be left blank). */
export const REQUIRED_PUPIL_FIELDS: readonly PupilField[] = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'yearGroup',
];

export const MIN_PUPIL_AGE = 3;
export const MAX_PUPIL_AGE = 20;

/** What the form sends: every field as typed (blank optional fields as ''). */
export type PupilForm = Record<PupilField, string>;

/** A valid pupil, as stored (dateOfBirth as yyyy-mm-dd; needs as census codes; '' when blank). */
export interface Pupil {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  yearGroup: YearGroup;
  workingAtYearGroup: YearGroup | '';
  senStatus: SenStatus | '';
  primaryNeed: NeedCode | '';
  secondaryNeed: NeedCode | '';
  classTeacher: string;
  upn: string;
}
export type YearGroup = (typeof YEAR_GROUPS)[number];
export type SenStatus = (typeof SEN_STATUSES)[number];

/** "SEMH — Social, emotional and mental health": what staff see in need lists. */
export function needLabel(code: string): string {
  const words = (NEED_CODES as Record<string, string>)[code];
  return words ? `${code} — ${words}` : code;
}

export const NEED_OPTIONS: readonly { value: NeedCode; label: string }[] = NEED_CODE_LIST.map(
  (code) => ({ value: code, label: needLabel(code) }),
);

// ---- the schema ------------------------------------------------------------------------------

const YEAR_GROUP_CHOICE = 'choose Reception or Year 1 to Year 13';

function blankToEmpty(value: unknown): unknown {
  if (value === undefined || value === null) return '';
  return typeof value === 'string' ? value.trim() : value;
}

/** A required choice from a fixed list. */
function choice<const T extends readonly [string, ...string[]]>(
  label: string,
  values: T,
  hint: string,
) {
  return z.preprocess(
    blankToEmpty,
    z.enum(values, {
      error: (issue) => (issue.input === '' ? `${label}: this is required` : `${label}: ${hint}`),
    }),
  );
}

/** An optional choice from a fixed list: blank becomes ''. */
function optionalChoice<const T extends readonly [string, ...string[]]>(
  label: string,
  values: T,
  hint: string,
) {
  return z.preprocess(
    blankToEmpty,
    z.union([z.literal(''), z.enum(values)], { error: `${label}: ${hint}` }),
  );
}

function dateOfBirthField(today: string) {
  const label = PUPIL_LABELS.dateOfBirth;
  return z.string({ error: `${label}: this is required` }).transform((text, ctx) => {
    const read = readFormDate(label, text, 'required', '14/03/2016');
    if ('problem' in read) {
      ctx.addIssue({ code: 'custom', message: read.problem });
      return z.NEVER;
    }
    const problem = ageProblem(read.iso, today);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: `${label}: ${problem}` });
      return z.NEVER;
    }
    return read.iso;
  });
}

/** Why a date of birth is not plausible for a school pupil on `today`, or undefined. */
export function ageProblem(dateOfBirth: string, today: string): string | undefined {
  const born = parseISO(dateOfBirth);
  const now = parseISO(today);
  if (!isValid(born) || !isValid(now)) return undefined;
  if (dateOfBirth >= today) return 'this date is not in the past: check the year';
  const age = differenceInYears(now, born);
  if (age >= MIN_PUPIL_AGE && age <= MAX_PUPIL_AGE) return undefined;
  const earliest = longDate(addDays(subYears(now, MAX_PUPIL_AGE + 1), 1));
  const latest = longDate(subYears(now, MIN_PUPIL_AGE));
  return (
    `a pupil is ${MIN_PUPIL_AGE} to ${MAX_PUPIL_AGE} years old, so was born between ` +
    `${earliest} and ${latest}: check the year`
  );
}

const UPN_MESSAGE =
  'UPN: a unique pupil number is 13 characters, a capital letter then 12 letters or digits, ' +
  'like A123456789012';

const upnField = z.preprocess(
  (value) =>
    typeof value === 'string' ? value.replace(/\s+/g, '').toUpperCase() : blankToEmpty(value),
  z
    .string({ error: UPN_MESSAGE })
    .refine((v) => v === '' || /^[A-Z][A-Z0-9]{12}$/.test(v), { error: UPN_MESSAGE }),
);

/** The pupil form's schema; `today` (yyyy-mm-dd) decides which dates of birth are plausible. */
export function pupilSchema(today: string) {
  return z.object({
    firstName: requiredText(PUPIL_LABELS.firstName, 60),
    lastName: requiredText(PUPIL_LABELS.lastName, 60),
    dateOfBirth: dateOfBirthField(today),
    yearGroup: choice(PUPIL_LABELS.yearGroup, YEAR_GROUPS, YEAR_GROUP_CHOICE),
    workingAtYearGroup: optionalChoice(
      PUPIL_LABELS.workingAtYearGroup,
      YEAR_GROUPS,
      `${YEAR_GROUP_CHOICE}, or leave it blank`,
    ),
    senStatus: optionalChoice(
      PUPIL_LABELS.senStatus,
      SEN_STATUSES,
      'choose SEN support or EHC plan, or leave it blank',
    ),
    primaryNeed: optionalChoice(
      PUPIL_LABELS.primaryNeed,
      NEED_CODE_LIST as unknown as [NeedCode, ...NeedCode[]],
      'choose an area of need from the list',
    ),
    secondaryNeed: optionalChoice(
      PUPIL_LABELS.secondaryNeed,
      NEED_CODE_LIST as unknown as [NeedCode, ...NeedCode[]],
      'choose an area of need from the list',
    ),
    classTeacher: optionalText(PUPIL_LABELS.classTeacher, 80),
    upn: upnField,
  });
}

/** Rules between fields (checked once each field on its own is fine). */
function crossFieldErrors(pupil: Pupil): FieldErrors {
  const errors: FieldErrors = {};
  if (pupil.secondaryNeed !== '' && pupil.primaryNeed === '') {
    errors.secondaryNeed = `${PUPIL_LABELS.secondaryNeed}: choose the primary need first`;
  } else if (pupil.secondaryNeed !== '' && pupil.secondaryNeed === pupil.primaryNeed) {
    errors.secondaryNeed =
      `${PUPIL_LABELS.secondaryNeed}: choose a different need from the primary need, ` +
      'or leave it blank';
  }
  return errors;
}

export type PupilValidation = { ok: true; value: Pupil } | { ok: false; errors: FieldErrors };

/**
 * Checks a pupil form (or an imported row) on `today`. Every field is checked on its own, and the
 * rules between fields are checked for the fields that are fine on their own, so one pass shows
 * every problem. A "year group worked in" equal to the year group is stored as blank.
 */
export function validatePupil(input: unknown, today: string): PupilValidation {
  const record = typeof input === 'object' && input !== null ? input : {};
  const shape = pupilSchema(today).shape;
  const errors: FieldErrors = {};
  const values: Record<string, unknown> = {};
  for (const field of PUPIL_FIELDS) {
    const result = shape[field].safeParse((record as Record<string, unknown>)[field] ?? '');
    if (result.success) values[field] = result.data;
    else errors[field] = fieldErrorsOf(result.error).form ?? `${PUPIL_LABELS[field]}: check this`;
  }
  const pupil = values as unknown as Pupil;
  const cross = crossFieldErrors({
    ...pupil,
    primaryNeed: errors.primaryNeed ? '' : pupil.primaryNeed,
    secondaryNeed: errors.secondaryNeed ? '' : pupil.secondaryNeed,
  });
  if (!errors.primaryNeed) Object.assign(errors, cross);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  if (pupil.workingAtYearGroup === pupil.yearGroup) pupil.workingAtYearGroup = '';
  return { ok: true, value: pupil };
}

/** "Amelia Jones, Year 3, born 14 March 2016, SEN support (SEMH)" */
export function pupilSummary(pupil: Pupil): string {
  const sen = pupil.senStatus
    ? `, ${pupil.senStatus}${pupil.primaryNeed ? ` (${pupil.primaryNeed})` : ''}`
    : '';
  return `${pupil.firstName} ${pupil.lastName}, ${pupil.yearGroup}, born ${longDateOfIso(pupil.dateOfBirth)}${sen}`;
}
