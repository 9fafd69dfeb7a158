/**
 * Measures: how a pupil's baseline, target and results are recorded (Settings tab, "Measure" rows).
 * A result is kept as typed and as a number in its measure, so outcomes can be worked out. Each
 * refusal names the field and says, in plain words, what a good answer looks like.
 *
 * Decisions where issue 10 is silent:
 * - Blank text is refused ("enter …"): callers skip optional fields that are blank.
 * - Ages: "7y 4m", "7 years 4 months", "7y" and "7:4" are years and months (0 to 11 months);
 *   "88", "88m" or "88 months" are months. "7.4" is refused as ambiguous (7 years 4 months, or 7.4
 *   years?), and so is a bare number under 24, which reads like years ("7" is not 7 months):
 *   "18m" or "1y 6m" say it plainly. Ages run from 0 to 25 years (300 months).
 * - Scores out of N allow one decimal place (half marks); percentages two (attendance, 94.75%);
 *   standardised scores one, as the issue says; counts and ratings are whole numbers.
 */
import { BETTER_WHEN, MEASURE_KINDS } from './workbook';

export type MeasureKind = (typeof MEASURE_KINDS)[number];
export type BetterWhen = (typeof BETTER_WHEN)[number];

export interface Measure {
  name: string;
  kind: MeasureKind;
  /** The top score, for 'Score out of' (e.g. 10 for a spelling test). */
  outOf?: number;
  better: BetterWhen;
}

export type ParsedResult =
  { ok: true; value: number | undefined; text: string } | { ok: false; message: string };

/** The longest words-only result, as for the Baseline and Result fields. */
export const MAX_WORDS = 300;

/** Standardised scores: mean 100, SD 15; tests report roughly 40 to 160 (issue 10). */
export const STANDARDISED_MIN = 40;
export const STANDARDISED_MAX = 160;

/** The oldest age a measure may record, in months (25 years). */
export const MAX_AGE_MONTHS = 300;

/** Bare numbers below this, for an age, look like years: "7" is refused (see the file note). */
const BARE_MONTHS_MIN = 24;

const WHOLE = /^\d{1,6}$/;
const ONE_DECIMAL = /^\d{1,6}(?:\.\d)?$/;
const TWO_DECIMALS = /^\d{1,6}(?:\.\d{1,2})?$/;

const YEARS = String.raw`(?:y|yr|yrs|year|years)`;
const MONTHS = String.raw`(?:m|mo|mth|mths|month|months)`;
const YEARS_MONTHS = new RegExp(
  String.raw`^(\d{1,2})\s*${YEARS}\.?(?:\s*,?\s*(?:and\s+)?(\d{1,3})\s*${MONTHS}\.?)?$`,
  'i',
);
const COLON = /^(\d{1,2})\s*:\s*(\d{1,3})$/;
const MONTHS_ONLY = new RegExp(String.raw`^(\d{1,4})\s*(${MONTHS})?\.?$`, 'i');
const DOTTED_AGE = /^\d{1,2}\.\d{1,2}$/;
const OUT_OF = /^(\d{1,6}(?:\.\d+)?)\s*(?:\/|out of)\s*(\d{1,6}(?:\.\d+)?)$/i;

/**
 * The baseline, target or a result as typed, checked against its measure: the number it stands
 * for (undefined for words only), or a message naming `fieldLabel` (e.g. "Baseline").
 */
export function parseResult(measure: Measure, text: string, fieldLabel: string): ParsedResult {
  const typed = text.trim();
  const fail = (message: string): ParsedResult => ({
    ok: false,
    message: `${fieldLabel}: ${message}`,
  });
  const pass = (value: number | undefined): ParsedResult => ({ ok: true, value, text: typed });
  if (measure.kind === 'Score out of' && !(measure.outOf !== undefined && measure.outOf > 0)) {
    return fail(
      `${measure.name} has no top score ('Out of' on the Settings tab), so results cannot be checked: ask the SENCo to set it`,
    );
  }
  if (typed === '') return fail(`enter ${expected(measure)}`);
  const wrong = (): ParsedResult =>
    fail(`${measure.name} is ${expected(measure)} — not "${typed}"`);

  switch (measure.kind) {
    case 'Score out of':
      return scoreOutOf(measure, typed, fail, pass, wrong);
    case 'Age in months':
      return ageInMonths(measure, typed, fail, pass, wrong);
    case 'Standardised score': {
      const n = ONE_DECIMAL.test(typed) ? Number(typed) : NaN;
      return n >= STANDARDISED_MIN && n <= STANDARDISED_MAX ? pass(n) : wrong();
    }
    case 'Count':
      return WHOLE.test(typed) ? pass(Number(typed)) : wrong();
    case 'Percentage': {
      const bare = typed.replace(/\s*%$/, '');
      const n = TWO_DECIMALS.test(bare) ? Number(bare) : NaN;
      return n >= 0 && n <= 100 ? pass(n) : wrong();
    }
    case 'Rating 1 to 5': {
      const match = OUT_OF.exec(typed);
      const bare = match ? (Number(match[2]) === 5 ? (match[1] ?? '') : '') : typed;
      return /^[1-5]$/.test(bare) ? pass(Number(bare)) : wrong();
    }
    case 'Words only':
      return typed.length > MAX_WORDS
        ? fail(`keep it under ${MAX_WORDS} characters`)
        : pass(undefined);
  }
}

type Fail = (message: string) => ParsedResult;
type Pass = (value: number) => ParsedResult;

function scoreOutOf(
  measure: Measure,
  typed: string,
  fail: Fail,
  pass: Pass,
  wrong: () => ParsedResult,
): ParsedResult {
  const top = measure.outOf ?? 0;
  const match = OUT_OF.exec(typed);
  if (match && Number(match[2]) !== top) {
    return fail(
      `${measure.name} is out of ${numberText(top)}, not ${match[2] ?? ''} — enter ${expected(measure)}`,
    );
  }
  const score = match ? (match[1] ?? '') : typed;
  const n = ONE_DECIMAL.test(score) ? Number(score) : NaN;
  return n >= 0 && n <= top ? pass(n) : wrong();
}

function ageInMonths(
  measure: Measure,
  typed: string,
  fail: Fail,
  pass: Pass,
  wrong: () => ParsedResult,
): ParsedResult {
  const [years, months] = typed.split('.');
  if (DOTTED_AGE.test(typed) && Number(years) <= 25 && Number(months) <= 11) {
    return fail(
      `"${typed}" could mean ${years} years ${Number(months)} months or ${typed} years — write it as "${years}y ${Number(months)}m" or "${years}:${Number(months)}"`,
    );
  }
  const yearsMonths = YEARS_MONTHS.exec(typed) ?? COLON.exec(typed);
  if (yearsMonths) {
    const years = Number(yearsMonths[1]);
    const months = Number(yearsMonths[2] ?? 0);
    if (months > 11) {
      return fail(
        `${measure.name} has 0 to 11 months after the years, like "7y 11m" — not "${typed}"`,
      );
    }
    return inAgeRange(years * 12 + months);
  }
  const monthsOnly = MONTHS_ONLY.exec(typed);
  if (monthsOnly) {
    const months = Number(monthsOnly[1]);
    if (monthsOnly[2] === undefined && months < BARE_MONTHS_MIN) {
      return fail(
        `"${typed}" would be ${months} ${months === 1 ? 'month' : 'months'}: for ${months} years write "${months}y 0m", or give the age in months, like ${months * 12}`,
      );
    }
    return inAgeRange(months);
  }
  return wrong();

  function inAgeRange(months: number): ParsedResult {
    return months <= MAX_AGE_MONTHS
      ? pass(months)
      : fail(`${measure.name} is at most 25 years (${MAX_AGE_MONTHS} months) — not "${typed}"`);
  }
}

/** What a good answer looks like, for messages: 'a score from 0 to 10, like 6 or "6/10"'. */
export function expected(measure: Measure): string {
  switch (measure.kind) {
    case 'Score out of': {
      const top = numberText(measure.outOf ?? 0);
      const example = numberText(Math.round((measure.outOf ?? 0) * 0.6));
      return `a score from 0 to ${top}, like ${example} or "${example}/${top}"`;
    }
    case 'Age in months':
      return 'years and months, like "7y 4m", "7:4" or 88 (months)';
    case 'Standardised score':
      return `a standardised score from ${STANDARDISED_MIN} to ${STANDARDISED_MAX}, like 92 or 92.5`;
    case 'Count':
      return 'a whole number, 0 or more, like 3';
    case 'Percentage':
      return 'a percentage from 0 to 100, like 95 or "95%"';
    case 'Rating 1 to 5':
      return 'a whole number from 1 to 5, like 3';
    case 'Words only':
      return 'some words';
  }
}

/** A number measured in `measure`, shown back to staff: "7y 4m", "6/10", "95%"; '' for none. */
export function formatValue(measure: Measure, value: number | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '';
  switch (measure.kind) {
    case 'Score out of':
      return measure.outOf === undefined
        ? numberText(value)
        : `${numberText(value)}/${numberText(measure.outOf)}`;
    case 'Age in months':
      return ageText(value);
    case 'Percentage':
      return `${numberText(value)}%`;
    case 'Rating 1 to 5':
      return `${numberText(value)}/5`;
    case 'Standardised score':
    case 'Count':
      return numberText(value);
    case 'Words only':
      return '';
  }
}

/** "7y 4m" from 88 months (rounded to the nearest month). */
export function ageText(months: number): string {
  const whole = Math.round(months);
  const sign = whole < 0 ? '−' : '';
  const size = Math.abs(whole);
  return `${sign}${Math.floor(size / 12)}y ${size % 12}m`;
}

/** Up to two decimal places, no trailing zeros, a true minus sign: "6.5", "−3", "94.75". */
export function numberText(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  const text = String(Math.abs(rounded));
  return rounded < 0 ? `−${text}` : text;
}

/** Whether a measure's results are numbers (every kind but words only). */
export function isNumeric(measure: Measure): boolean {
  return measure.kind !== 'Words only';
}
