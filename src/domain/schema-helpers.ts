/**
 * Building blocks for the form schemas shared by the sidebar (validating as the user types) and the
 * server (validating again before anything is written). Messages name the field in plain English.
 */
import * as z from 'zod';
import { readDate } from './typed-date';

const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/** Required free text, trimmed. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: `${label}: enter some text` })
    .trim()
    .min(1, { error: `${label}: this is required` })
    .max(max, { error: `${label}: keep it under ${max} characters` });
}

/** Optional free text, trimmed; blank becomes ''. */
export function optionalText(label: string, max: number) {
  return z
    .string({ error: `${label}: enter some text` })
    .trim()
    .max(max, { error: `${label}: keep it under ${max} characters` })
    .optional()
    .transform((v) => v ?? '');
}

/** A whole number typed in a form field (a string) or sent as a number. */
export function wholeNumber(label: string, min: number, max: number) {
  const range = `${label}: enter a whole number from ${min} to ${max}`;
  return z.preprocess(
    (value) => {
      const v = blankToUndefined(value);
      return typeof v === 'string' ? Number(v.trim()) : v;
    },
    z
      .number({
        error: (issue) => (issue.input === undefined ? `${label}: this is required` : range),
      })
      .int({ error: range })
      .min(min, { error: range })
      .max(max, { error: range }),
  );
}

/**
 * What the sidebar sends for a date field whose date input holds something that is not a date
 * (the browser gives no value for it, so without this it would look blank).
 */
export const NOT_A_DATE_TYPED = 'not a date';

/**
 * A date typed in a form: yyyy-mm-dd as the date input gives it, or day/month/year as staff type
 * it. Returns yyyy-mm-dd, or the message to show: a day that does not exist is named in words
 * ("Start date: 31 February 2026 is not a date: February 2026 has 28 days"). '' is blank.
 */
export function readFormDate(
  label: string,
  text: string,
  blank: 'required' | 'allowed' = 'required',
  example = '07/09/2026',
): { iso: string } | { problem: string } {
  const value = text.trim();
  if (value === '')
    return blank === 'allowed' ? { iso: '' } : { problem: `${label}: this is required` };
  if (value === NOT_A_DATE_TYPED) {
    return { problem: `${label}: the date typed is not a date: check the day is in that month` };
  }
  const read = readDate(value);
  if (read.kind === 'date') return { iso: read.iso };
  if (read.kind === 'no such day') {
    return { problem: `${label}: ${read.words ?? value} is not a date: ${read.reason}` };
  }
  const orBlank = blank === 'allowed' ? ', or leave it blank' : '';
  return { problem: `${label}: enter a date, like ${example}${orBlank}` };
}

function formDate(label: string, blank: 'required' | 'allowed') {
  const read = (text: string) => readFormDate(label, text, blank);
  // A check, then the change to yyyy-mm-dd: a problem found by a check still lets the form's own
  // rules (such as the consent gate) run, so one pass shows every problem.
  return z
    .string({
      error: blank === 'required' ? `${label}: this is required` : `${label}: enter a date`,
    })
    .superRefine((text, context) => {
      const date = read(text);
      const problem =
        'problem' in date
          ? date.problem
          : date.iso !== '' && (date.iso < '2000-01-01' || date.iso > '2100-12-31')
            ? `${label}: enter a date between 2000 and 2100`
            : undefined;
      if (problem) context.addIssue({ code: 'custom', message: problem });
    })
    .transform((text) => {
      const date = read(text);
      return 'iso' in date ? date.iso : '';
    });
}

/** A required date (see readFormDate), between 2000 and 2100; yyyy-mm-dd once valid. */
export function isoDate(label: string) {
  return formDate(label, 'required');
}

/** A date that may be left blank (''), else as isoDate. */
export function optionalIsoDate(label: string) {
  return formDate(label, 'allowed')
    .optional()
    .transform((v) => v ?? '');
}

export function oneOf<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z.enum(values, { error: `${label}: choose one of ${values.join(', ')}` });
}

export type FieldErrors = Record<string, string>;

/** One message per field (the first problem found), keyed by the field's name. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    errors[field] ??= issue.message;
  }
  return errors;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

export function validateWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
): Validated<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, errors: fieldErrorsOf(result.error) };
}
