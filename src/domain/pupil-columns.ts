/**
 * Which column of an MIS export holds each pupil field: a best guess from the usual header names,
 * the problems with a mapping the user chose, and the rows cut down to the mapped columns.
 */
import { PUPIL_FIELDS, PUPIL_LABELS, REQUIRED_PUPIL_FIELDS, type PupilField } from './pupil';
import type { FieldErrors } from './schema-helpers';

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
