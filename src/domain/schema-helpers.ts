/**
 * Building blocks for the form schemas shared by the sidebar (validating as the user types) and the
 * server (validating again before anything is written). Messages name the field in plain English.
 */
import { isValid, parseISO } from 'date-fns';
import * as z from 'zod';

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

/** A calendar date as the date input gives it: yyyy-mm-dd. */
export function isoDate(label: string) {
  return z
    .string({ error: `${label}: this is required` })
    .trim()
    .min(1, { error: `${label}: this is required` })
    .refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isValid(parseISO(v)), {
      error: `${label}: enter a real date, like 2026-09-07`,
    })
    .refine((v) => v >= '2000-01-01' && v <= '2100-12-31', {
      error: `${label}: enter a date between 2000 and 2100`,
    });
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
