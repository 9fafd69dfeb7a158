/**
 * A pupil on the Pupils tab: one schema validates the sidebar's pupil form as staff type and again
 * on the server; the same rules check every row of a CSV imported from the school's MIS. Also here,
 * all pure: the CSV parser, the best-guess column mapping from common MIS headers, the clean-up of
 * MIS values (dates, year groups, SEN status, need codes) and duplicate detection.
 */
import { addDays, differenceInYears, format, isValid, parseISO, subYears } from 'date-fns';
import * as z from 'zod';
import { NEED_CODE_LIST, NEED_CODES, SEN_STATUSES, YEAR_GROUPS, type NeedCode } from './workbook';
import { fieldErrorsOf, optionalText, requiredText, type FieldErrors } from './schema-helpers';

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

/** A date as staff read it: "14 September 2026". */
export function longDate(iso: string): string {
  const date = parseISO(iso);
  return isValid(date) ? format(date, 'd MMMM yyyy') : iso;
}

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
  return z
    .string({ error: `${label}: this is required` })
    .trim()
    .min(1, { error: `${label}: this is required` })
    .superRefine((value, ctx) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !isValid(parseISO(value))) {
        ctx.addIssue({ code: 'custom', message: `${label}: enter a real date, like 2016-03-14` });
        return;
      }
      const problem = ageProblem(value, today);
      if (problem) ctx.addIssue({ code: 'custom', message: `${label}: ${problem}` });
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
  const earliest = format(addDays(subYears(now, MAX_PUPIL_AGE + 1), 1), 'd MMMM yyyy');
  const latest = format(subYears(now, MIN_PUPIL_AGE), 'd MMMM yyyy');
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

// ---- duplicates ------------------------------------------------------------------------------

/** A pupil already on the Pupils tab, as duplicate checks need it. */
export interface KnownPupil {
  /** The Pupil ID, or '' for a row someone typed without one. */
  id: string;
  /** The row on the Pupils tab (to name a pupil that has no ID). */
  row?: number;
  firstName: string;
  lastName: string;
  /** yyyy-mm-dd, or '' when the cell holds no date. */
  dateOfBirth: string;
  upn: string;
}

type PupilKeys = Pick<Pupil, 'firstName' | 'lastName' | 'dateOfBirth' | 'upn'>;

function squash(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function nameKey(p: PupilKeys): string | undefined {
  if (!p.firstName.trim() || !p.lastName.trim() || !p.dateOfBirth) return undefined;
  return `${squash(p.firstName)}|${squash(p.lastName)}|${p.dateOfBirth}`;
}

function upnKey(p: PupilKeys): string | undefined {
  const upn = p.upn.replace(/\s+/g, '').toUpperCase();
  return upn === '' ? undefined : upn;
}

export interface DuplicateMatch<T> {
  match: T;
  /** 'upn' when the UPNs are the same, else 'name' (same names and date of birth). */
  by: 'upn' | 'name';
}

/**
 * Finds pupils that are the same child: the same UPN, or the same first and last names and date
 * of birth (ignoring case and extra spaces). Add each pupil with `add`; `find` looks one up.
 */
export class DuplicateIndex<T> {
  private readonly byUpn = new Map<string, T>();
  private readonly byName = new Map<string, T>();

  add(pupil: PupilKeys, value: T): void {
    const upn = upnKey(pupil);
    const name = nameKey(pupil);
    if (upn !== undefined && !this.byUpn.has(upn)) this.byUpn.set(upn, value);
    if (name !== undefined && !this.byName.has(name)) this.byName.set(name, value);
  }

  find(pupil: PupilKeys): DuplicateMatch<T> | undefined {
    const upn = upnKey(pupil);
    const byUpn = upn === undefined ? undefined : this.byUpn.get(upn);
    if (byUpn !== undefined) return { match: byUpn, by: 'upn' };
    const name = nameKey(pupil);
    const byName = name === undefined ? undefined : this.byName.get(name);
    if (byName !== undefined) return { match: byName, by: 'name' };
    return undefined;
  }
}

export function knownPupilIndex(known: readonly KnownPupil[]): DuplicateIndex<KnownPupil> {
  const index = new DuplicateIndex<KnownPupil>();
  for (const pupil of known) index.add(pupil, pupil);
  return index;
}

/** "Amelia Jones (PUP-1A2B3C4D)" */
export function knownPupilName(pupil: KnownPupil): string {
  const name = `${pupil.firstName} ${pupil.lastName}`.trim() || 'A pupil with no name';
  if (pupil.id) return `${name} (${pupil.id})`;
  return pupil.row ? `${name} (row ${pupil.row} of the Pupils tab)` : name;
}

/**
 * The message for a pupil form that matches another pupil on the tab: when adding, the pupil is
 * probably there already; when editing, the change would make two records of one child.
 */
export function duplicateMessage(found: DuplicateMatch<KnownPupil>, editing: boolean): string {
  const what =
    found.by === 'upn' ? 'the same UPN' : 'the same first name, last name and date of birth';
  return editing
    ? `Another pupil on the Pupils tab, ${knownPupilName(found.match)}, has ${what}. ` +
        'Check the details: one child should have one record.'
    : `This pupil is already on the Pupils tab: ${knownPupilName(found.match)} has ${what}. ` +
        'To change their details, choose them from "Pupil" at the top of this form.';
}

// ---- CSV --------------------------------------------------------------------------------------

export interface ParsedCsv {
  /** Every record, the header row first; rows may differ in length. Trailing blank lines dropped. */
  rows: string[][];
  delimiter: ',' | ';' | '\t';
  /** True when a quoted value was never closed (the rest of the file was read into it). */
  unclosedQuote: boolean;
}

/** Which separator the first line uses most, outside quotes: comma, semicolon or tab. */
function detectDelimiter(text: string): ParsedCsv['delimiter'] {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && char in counts) counts[char as keyof typeof counts] += 1;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}

/**
 * Parses CSV text as spreadsheets and MIS exports write it: quoted values may hold separators,
 * doubled quotes ("") and new lines; lines end in LF, CRLF or CR; a byte-order mark is ignored;
 * the separator is a comma, a semicolon (Excel in many European locales) or a tab.
 */
export function parseCsv(input: string): ParsedCsv {
  const text = input.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  let i = 0;
  const endField = (): void => {
    row.push(field);
    field = '';
    wasQuoted = false;
  };
  const endRow = (): void => {
    endField();
    rows.push(row);
    row = [];
  };
  while (i < text.length) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += char;
      }
      i += 1;
      continue;
    }
    if (char === '"' && !wasQuoted && field.trim() === '') {
      // An opening quote (spaces before it, as some tools write, are dropped).
      field = '';
      quoted = true;
      wasQuoted = true;
    } else if (char === delimiter) {
      endField();
    } else if (char === '\r' || char === '\n') {
      endRow();
      if (char === '\r' && text[i + 1] === '\n') i += 1;
    } else {
      field += char;
    }
    i += 1;
  }
  const unclosedQuote = quoted;
  if (field !== '' || wasQuoted || row.length > 0) endRow();
  while (rows.length > 0 && rows[rows.length - 1]!.every((cell) => cell.trim() === '')) rows.pop();
  return { rows, delimiter, unclosedQuote };
}

// ---- mapping CSV columns to pupil fields ----------------------------------------------------------

/** For each pupil field, the CSV column it comes from (0-based), or -1 for none. */
export type ColumnMapping = Record<PupilField, number>;

/** Headers as MIS exports (SIMS, Arbor, Bromcom, ScholarPack…) and our own Pupils tab name them. */
const HEADER_SYNONYMS: Record<PupilField, readonly string[]> = {
  firstName: [
    'first name',
    'legal forename',
    'forename',
    'firstname',
    'given name',
    'preferred forename',
    'preferred first name',
    'first',
    'christian name',
  ],
  lastName: [
    'last name',
    'legal surname',
    'surname',
    'lastname',
    'family name',
    'preferred surname',
    'preferred last name',
    'last',
  ],
  dateOfBirth: ['date of birth', 'dob', 'd.o.b.', 'birth date', 'birthdate', 'born'],
  yearGroup: [
    'year group',
    'nc year',
    'ncyear',
    'national curriculum year',
    'curriculum year',
    'nc year actual',
    'year',
    'yr',
    'year grp',
  ],
  workingAtYearGroup: [
    'working at year group',
    'year group worked in',
    'year worked in',
    'working at',
    'working year group',
    'working at year',
    'working year',
  ],
  senStatus: [
    'sen status',
    'sen provision',
    'sen',
    'sen stage',
    'sen provision type',
    'send status',
    'sen code',
  ],
  primaryNeed: [
    'primary need',
    'sen need 1',
    'sen need',
    'primary sen need',
    'sen primary need',
    'primary type of need',
    'need 1',
    'sen need type 1',
    'primary need type',
  ],
  secondaryNeed: [
    'secondary need',
    'sen need 2',
    'secondary sen need',
    'sen secondary need',
    'secondary type of need',
    'need 2',
    'sen need type 2',
    'secondary need type',
  ],
  classTeacher: [
    'class teacher',
    'teacher',
    'class teacher name',
    'form tutor',
    'tutor',
    'registration teacher',
    'reg teacher',
  ],
  upn: ['upn', 'unique pupil number', 'pupil upn'],
};

/** Header text compared loosely: case, spaces, punctuation and a plural "(s)" ignored. */
function headerKey(header: string): string {
  return header
    .toLowerCase()
    .replace(/\(s\)/g, '')
    .replace(/[^a-z0-9]/g, '')
    .replace(/s$/, '');
}

/**
 * The best-guess mapping for a file's header row: each pupil field takes the first column whose
 * header is one of its usual names (most specific names first); no column serves two fields.
 */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const keys = headers.map(headerKey);
  const used = new Set<number>();
  const mapping = Object.fromEntries(PUPIL_FIELDS.map((f) => [f, -1])) as ColumnMapping;
  // Specific names first, across fields, so that "Year" does not take "Year group worked in".
  const maxLength = Math.max(...PUPIL_FIELDS.map((f) => HEADER_SYNONYMS[f].length));
  for (let rank = 0; rank < maxLength; rank += 1) {
    for (const field of PUPIL_FIELDS) {
      if (mapping[field] >= 0) continue;
      const synonym = HEADER_SYNONYMS[field][rank];
      if (synonym === undefined) continue;
      const column = keys.findIndex((key, i) => key === headerKey(synonym) && !used.has(i));
      if (column >= 0) {
        mapping[field] = column;
        used.add(column);
      }
    }
  }
  return mapping;
}

/** Problems with a mapping the user chose, keyed by field (nothing can be imported until fixed). */
export function mappingProblems(
  mapping: Partial<Record<string, unknown>>,
  columnCount: number,
  headers?: readonly string[],
): FieldErrors {
  const errors: FieldErrors = {};
  const seen = new Map<number, PupilField>();
  for (const field of PUPIL_FIELDS) {
    const column = mapping[field];
    const label = PUPIL_LABELS[field];
    if (column === undefined || column === -1) {
      if (REQUIRED_PUPIL_FIELDS.includes(field)) {
        errors[field] = `${label}: choose the column that holds it (every pupil needs one)`;
      }
      continue;
    }
    if (
      typeof column !== 'number' ||
      !Number.isInteger(column) ||
      column < 0 ||
      column >= columnCount
    ) {
      errors[field] = `${label}: choose one of the file's columns`;
      continue;
    }
    const other = seen.get(column);
    if (other) {
      const name = headers?.[column] ? `"${headers[column]}"` : `column ${column + 1}`;
      errors[field] =
        `${label}: ${name} is already used for ${PUPIL_LABELS[other]}: choose a different column`;
      continue;
    }
    seen.set(column, field);
  }
  return errors;
}

// ---- cleaning MIS values ------------------------------------------------------------------------

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
] as const;

function isoOf(year: number, month: number, day: number): string | undefined {
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const date = parseISO(iso);
  return isValid(date) && format(date, 'yyyy-MM-dd') === iso ? iso : undefined;
}

/**
 * A date as an MIS or spreadsheet writes it, in UK order: 14/3/2016, 14/03/2016, 14-03-2016,
 * 14.03.2016, 2016-03-14, 14 March 2016 or 14-Mar-2016 (a time after it is ignored).
 * Returns yyyy-mm-dd, or undefined when it is not a real date in one of those forms.
 */
export function parseDateText(text: string): string | undefined {
  const value = text
    .trim()
    .replace(/[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/i, '')
    .trim();
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(value);
  if (m) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (m) return isoOf(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{4})$/i.exec(value);
  if (m) {
    const word = m[2]!.toLowerCase();
    const month = MONTHS.findIndex((name) => name.startsWith(word));
    if (month >= 0) return isoOf(Number(m[3]), month + 1, Number(m[1]));
  }
  return undefined;
}

/** "5", "05", "Y5", "Yr 5", "Year 5", "NC Year 5" → "Year 5"; "R", "Rec", "Reception", "YR" → "Reception". */
export function normaliseYearGroup(text: string): YearGroup | undefined {
  const value = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (
    ['r', 'rec', 'reception', 'yr', 'y r', 'year r', 'year reception', 'fs2', 'f2'].includes(value)
  ) {
    return 'Reception';
  }
  const m = /^(?:(?:nc )?(?:year|yr|y))? ?0?(\d{1,2})$/.exec(value);
  if (!m) return undefined;
  const year = Number(m[1]);
  return year >= 1 && year <= 13 ? (`Year ${year}` as YearGroup) : undefined;
}

/** MIS SEN provision codes and words: K → SEN support, E → EHC plan, N (no SEN) → blank. */
export function normaliseSenStatus(text: string): SenStatus | '' | undefined {
  const value = text
    .trim()
    .toLowerCase()
    .replace(/[^a-z ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (['', 'n', 'no', 'none', 'no sen', 'not sen', 'not on sen register'].includes(value))
    return '';
  if (['k', 'sen support', 'support', 'k sen support', 'sen support k'].includes(value)) {
    return 'SEN support';
  }
  if (
    [
      'e',
      'ehc plan',
      'ehcp',
      'ehc',
      'e ehc plan',
      'ehc plan e',
      'education health and care plan',
    ].includes(value)
  ) {
    return 'EHC plan';
  }
  return undefined;
}

/** Needs other words schools use for a census code. */
const NEED_ALIASES: Record<string, NeedCode> = { ASC: 'ASD' };

function wordsKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();
}

/** "SEMH", "semh", "SEMH - Social, emotional…" or the words alone → "SEMH"; blank → ''. */
export function normaliseNeed(text: string): NeedCode | '' | undefined {
  const value = text.trim();
  if (value === '') return '';
  const asCode = (candidate: string): NeedCode | undefined => {
    const upper = candidate.toUpperCase();
    if (NEED_CODE_LIST.includes(upper as NeedCode)) return upper as NeedCode;
    return NEED_ALIASES[upper];
  };
  const whole = asCode(value);
  if (whole) return whole;
  const prefix = /^([A-Za-z]{2,4})\s*[-–—:(]/.exec(value);
  const fromPrefix = prefix ? asCode(prefix[1]!) : undefined;
  if (fromPrefix) return fromPrefix;
  const words = wordsKey(value);
  return NEED_CODE_LIST.find((code) => wordsKey(NEED_CODES[code]) === words);
}

/** A CSV row's values under the mapping, cleaned up; problems are for values nothing could read. */
export function formFromRow(
  row: readonly string[],
  mapping: ColumnMapping,
): { form: PupilForm; problems: FieldErrors } {
  const raw = (field: PupilField): string => {
    const column = mapping[field];
    return column >= 0 ? (row[column] ?? '').trim().replace(/\s+/g, ' ') : '';
  };
  const form = Object.fromEntries(PUPIL_FIELDS.map((f) => [f, raw(f)])) as PupilForm;
  const problems: FieldErrors = {};
  const shown = (value: string): string =>
    `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;

  if (form.dateOfBirth !== '') {
    const iso = parseDateText(form.dateOfBirth);
    if (iso) form.dateOfBirth = iso;
    else {
      problems.dateOfBirth =
        `${PUPIL_LABELS.dateOfBirth}: ${shown(form.dateOfBirth)} is not a date this can read: ` +
        'use day/month/year, like 14/03/2016, or 2016-03-14';
    }
  }
  for (const field of ['yearGroup', 'workingAtYearGroup'] as const) {
    if (form[field] === '') continue;
    const year = normaliseYearGroup(form[field]);
    if (year) form[field] = year;
    else {
      problems[field] =
        `${PUPIL_LABELS[field]}: ${shown(form[field])} is not a school year group: ` +
        'use Reception (or R) or Year 1 to Year 13 (or 1 to 13)';
    }
  }
  const sen = normaliseSenStatus(form.senStatus);
  if (sen !== undefined) form.senStatus = sen;
  else {
    problems.senStatus =
      `${PUPIL_LABELS.senStatus}: ${shown(form.senStatus)} is not recognised: ` +
      'use K or SEN support, E or EHC plan, or N or blank for none';
  }
  for (const field of ['primaryNeed', 'secondaryNeed'] as const) {
    const need = normaliseNeed(form[field]);
    if (need !== undefined) form[field] = need;
    else {
      problems[field] =
        `${PUPIL_LABELS[field]}: ${shown(form[field])} is not a type of need: ` +
        'use a census code such as SEMH, SLCN, ASD or SPLD';
    }
  }
  form.upn = form.upn.replace(/\s+/g, '').toUpperCase();
  return { form, problems };
}

// ---- reviewing an import ----------------------------------------------------------------------

export const MAX_IMPORT_ROWS = 2000;

export interface ImportRowOk {
  line: number;
  pupil: Pupil;
}

export interface ImportReview {
  valid: ImportRowOk[];
  invalid: { line: number; reasons: string[] }[];
  duplicates: { line: number; name: string; matches: string }[];
  /** Rows with nothing in them, skipped. */
  blank: number;
}

/** "Amelia Jones, Year 3, born 14 March 2016, SEN support (SEMH)" */
export function pupilSummary(pupil: Pupil): string {
  const sen = pupil.senStatus
    ? `, ${pupil.senStatus}${pupil.primaryNeed ? ` (${pupil.primaryNeed})` : ''}`
    : '';
  return `${pupil.firstName} ${pupil.lastName}, ${pupil.yearGroup}, born ${longDate(pupil.dateOfBirth)}${sen}`;
}

/**
 * Checks every data row of an import (lines are numbered as in the file: the header is line 1):
 * invalid rows with their reasons, duplicates of a pupil already on the tab or of an earlier line
 * of the same file, and the valid rows to add.
 */
export function reviewImport(
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping,
  known: readonly KnownPupil[],
  today: string,
): ImportReview {
  const existing = knownPupilIndex(known);
  const earlier = new DuplicateIndex<number>();
  const review: ImportReview = { valid: [], invalid: [], duplicates: [], blank: 0 };
  rows.forEach((row, index) => {
    const line = index + 2;
    if (row.every((cell) => cell.trim() === '')) {
      review.blank += 1;
      return;
    }
    const { form, problems } = formFromRow(row, mapping);
    const checked = validatePupil(form, today);
    const errors = { ...(checked.ok ? {} : checked.errors), ...problems };
    if (Object.keys(errors).length > 0) {
      review.invalid.push({
        line,
        reasons: PUPIL_FIELDS.flatMap((field) => errors[field] ?? []),
      });
      return;
    }
    if (!checked.ok) return;
    const pupil = checked.value;
    const name = `${pupil.firstName} ${pupil.lastName}`;
    const onTab = existing.find(pupil);
    if (onTab) {
      review.duplicates.push({ line, name, matches: knownPupilName(onTab.match) });
      return;
    }
    const inFile = earlier.find(pupil);
    if (inFile) {
      review.duplicates.push({ line, name, matches: `line ${inFile.match} of this file` });
      return;
    }
    earlier.add(pupil, line);
    review.valid.push({ line, pupil });
  });
  return review;
}

/**
 * The rows cut down to the mapped columns, with the mapping to match: only what the import needs
 * leaves the user's computer (MIS exports can hold addresses, medical notes and more). Line
 * numbers are unchanged; rows keep their order.
 */
export function onlyMappedColumns(
  rows: readonly (readonly string[])[],
  mapping: ColumnMapping,
): { rows: string[][]; mapping: ColumnMapping } {
  const columns = PUPIL_FIELDS.map((field) => mapping[field]).filter((c) => c >= 0);
  const kept = [...new Set(columns)];
  const compact = Object.fromEntries(
    PUPIL_FIELDS.map((field) => [field, kept.indexOf(mapping[field])]),
  ) as ColumnMapping;
  return { rows: rows.map((row) => kept.map((c) => row[c] ?? '')), mapping: compact };
}
