/**
 * Reviewing an import of pupils from the school's MIS, before anything is written: each row's
 * values cleaned up and checked with the pupil form's rules, duplicates found, and the valid rows
 * to add.
 */
import { normaliseNeed, normaliseSenStatus, normaliseYearGroup } from './mis-values';
import {
  PUPIL_FIELDS,
  PUPIL_LABELS,
  validatePupil,
  type Pupil,
  type PupilField,
  type PupilForm,
} from './pupil';
import type { ColumnMapping } from './pupil-columns';
import {
  DuplicateIndex,
  knownPupilIndex,
  knownPupilName,
  type KnownPupil,
} from './pupil-duplicates';
import type { FieldErrors } from './schema-helpers';
import { readDate } from './typed-date';

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
    const read = readDate(form.dateOfBirth);
    if (read.kind === 'date') form.dateOfBirth = read.iso;
    else if (read.kind === 'no such day') {
      // As written in the file, so it can be found there.
      problems.dateOfBirth = `${PUPIL_LABELS.dateOfBirth}: ${form.dateOfBirth} is not a date: ${read.reason}`;
    } else {
      problems.dateOfBirth =
        `${PUPIL_LABELS.dateOfBirth}: ${shown(form.dateOfBirth)} is not a date this can read: ` +
        'use day/month/year, like 14/03/2016';
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
