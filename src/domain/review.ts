/**
 * Recording a review (baseline, mid-point, end or an extra one) of one pupil's place in an
 * intervention: the result measured the same way as the baseline, progress in words, other
 * factors, a judgement and further action; at the end review, also the evaluation of the
 * intervention as a whole. One zod schema validates in the sidebar and again on the server.
 * At the mid-point, "Not working" or no measured progress means the SENCo must decide (see
 * needsDecision).
 */
import * as z from 'zod';
import {
  FURTHER_ACTIONS,
  REVIEW_JUDGEMENTS,
  REVIEW_KINDS,
  YES_NO,
  type YEAR_GROUPS,
} from './workbook';
import {
  isoDate,
  optionalText,
  requiredText,
  validateWith,
  type Validated,
} from './schema-helpers';

export type ReviewKind = (typeof REVIEW_KINDS)[number];
export type ReviewJudgement = (typeof REVIEW_JUDGEMENTS)[number];

/** One of a list, or blank (''). */
function optionalChoice<const T extends readonly [string, ...string[]]>(label: string, values: T) {
  return z
    .string({ error: `${label}: choose one from the list` })
    .trim()
    .refine((v): v is '' | T[number] => v === '' || values.includes(v), {
      error: `${label}: choose one of ${values.join(', ')}`,
    })
    .optional()
    .transform((v) => (v ?? '') as '' | T[number]);
}

const CHOOSE_REVIEW = 'Review: choose a review from the list first';

/** Field labels, in form order, for the sidebar and for messages. */
export const REVIEW_LABELS = {
  result: 'Result',
  resultDate: 'Result date',
  progress: 'Progress',
  otherFactors: 'Other factors',
  judgement: 'Judgement',
  furtherAction: 'Further action',
  runAgain: 'Run it again',
  changeFirst: 'Change it first',
  staffTrainingNeeds: 'Staff training needs',
  outcomeScore: 'Outcome score',
  outcomeReason: 'Why this score',
  pupilRating: "Pupil's own rating",
  pupilView: "In the pupil's words, or why they were not asked",
  parentsView: "Parents' view",
} as const;

/** The outcome scale a reviewer may choose from (Tes Provision Map's −2 … +2). */
export const OUTCOME_CHOICES = ['-2', '-1', '0', '+1', '+2'] as const;

/** The pupil's own rating of how it is going: 1 (not well) to 5 (very well), or not asked. */
export const NOT_ASKED = 'Not asked';
export const PUPIL_RATINGS = ['1', '2', '3', '4', '5', NOT_ASKED] as const;

const L = REVIEW_LABELS;

const fields = {
  /** The Reviews row being recorded. */
  reviewId: z
    .string({ error: CHOOSE_REVIEW })
    .trim()
    .min(1, { error: CHOOSE_REVIEW })
    .max(40, { error: CHOOSE_REVIEW }),
  /** The review's kind as the form was shown (the server uses the row's own kind). */
  kind: optionalChoice('Kind of review', REVIEW_KINDS),
  result: requiredText(L.result, 300),
  resultDate: isoDate(L.resultDate),
  progress: optionalText(L.progress, 2000),
  otherFactors: optionalText(L.otherFactors, 2000),
  judgement: optionalChoice(L.judgement, REVIEW_JUDGEMENTS),
  furtherAction: optionalChoice(L.furtherAction, FURTHER_ACTIONS),
  runAgain: optionalChoice(L.runAgain, YES_NO),
  changeFirst: optionalText(L.changeFirst, 1000),
  staffTrainingNeeds: optionalText(L.staffTrainingNeeds, 1000),
  /** The reviewer's own outcome score, for a words-only measure or when they disagree. */
  outcomeScore: optionalChoice(L.outcomeScore, OUTCOME_CHOICES),
  outcomeReason: optionalText(L.outcomeReason, 1000),
  /** The pupil's voice (not at the baseline): a rating 1–5 with their words, or not asked and why. */
  pupilRating: optionalChoice(L.pupilRating, PUPIL_RATINGS),
  pupilView: optionalText(L.pupilView, 1000),
  /** What the parents said, when they gave a view (at the baseline: the start letter's reply slip). */
  parentsView: optionalText(L.parentsView, 2000),
};

/** Messages for what each kind of review must have. */
export const REVIEW_REQUIRED = {
  judgement: `${L.judgement}: choose Working, Partly working or Not working`,
  furtherAction: `${L.furtherAction}: choose Continue, Change, Stop or New plan`,
  runAgain: `${L.runAgain}: at the end review, choose Yes or No`,
  notAskedReason: `${L.pupilView}: say why the pupil was not asked`,
  wordsWithoutRating: `${L.pupilRating}: choose 1 to 5, or Not asked, for the words you typed`,
} as const;

export const reviewSchema = z.object(fields).superRefine((value, context) => {
  const need = (path: keyof typeof REVIEW_REQUIRED, field: string = path): void =>
    context.addIssue({ code: 'custom', path: [field], message: REVIEW_REQUIRED[path] });
  // The pupil's own view: "Not asked" needs a reason; words need a rating (or Not asked).
  if (value.pupilRating === NOT_ASKED && value.pupilView === '')
    need('notAskedReason', 'pupilView');
  if (value.pupilRating === '' && value.pupilView !== '') need('wordsWithoutRating', 'pupilRating');
  // The baseline is the starting point: there is nothing yet to judge.
  if (value.kind === 'Baseline') return;
  if (value.judgement === '') need('judgement');
  if (value.furtherAction === '') need('furtherAction');
  if (value.kind === 'End' && value.runAgain === '') need('runAgain');
});

/** What the form sends: every field as typed. */
export type ReviewForm = z.input<typeof reviewSchema>;
/** What the server stores, once valid. */
export type Review = z.output<typeof reviewSchema>;
export type ReviewField = keyof typeof REVIEW_LABELS;

export function validateReview(input: unknown): Validated<Review> {
  return validateWith(reviewSchema, input);
}

/** The Reviews tab's header for each per-pupil field. */
export const REVIEW_COLUMNS = {
  result: 'Result',
  resultDate: 'Result date',
  progress: 'Progress',
  otherFactors: 'Other factors',
  judgement: 'Judgement',
  furtherAction: 'Further action',
} as const;

/** The Reviews tab's headers for the pupil's and the parents' views. */
export const VOICE_COLUMNS = {
  pupilRating: 'Pupil rating',
  pupilView: 'Pupil view',
  parentsView: 'Parents view',
} as const;

const NOT_ASKED_PREFIX = `${NOT_ASKED}: `;

/**
 * The pupil's view as the Reviews tab keeps it: the rating as a number (blank when not asked) and
 * their words, or "Not asked: <reason>".
 */
export function pupilVoiceCells(review: Pick<Review, 'pupilRating' | 'pupilView'>): {
  rating: number | '';
  view: string;
} {
  if (review.pupilRating === NOT_ASKED) {
    return { rating: '', view: `${NOT_ASKED_PREFIX}${review.pupilView}` };
  }
  if (review.pupilRating === '') return { rating: '', view: review.pupilView };
  return { rating: Number(review.pupilRating), view: review.pupilView };
}

/** The form's values back from the Reviews tab's cells (the reverse of pupilVoiceCells). */
export function pupilVoiceForm(
  rating: number | undefined,
  view: string,
): { pupilRating: string; pupilView: string } {
  const words = view.trim();
  if (rating !== undefined && Number.isInteger(rating) && rating >= 1 && rating <= 5) {
    return { pupilRating: String(rating), pupilView: words };
  }
  if (words.toLowerCase().startsWith(NOT_ASKED_PREFIX.toLowerCase())) {
    return { pupilRating: NOT_ASKED, pupilView: words.slice(NOT_ASKED_PREFIX.length).trim() };
  }
  return { pupilRating: '', pupilView: words };
}

/** The pupil's view in a sentence for staff: "Rated it 4 out of 5: “I can read more words.”". */
export function pupilVoiceText(rating: number | undefined, view: string): string {
  const form = pupilVoiceForm(rating, view);
  if (form.pupilRating === NOT_ASKED) {
    return form.pupilView ? `Not asked: ${form.pupilView}` : 'Not asked';
  }
  const words = form.pupilView ? `“${form.pupilView}”` : '';
  if (form.pupilRating === '') return words;
  const rated = `Rated it ${form.pupilRating} out of 5`;
  return words ? `${rated}: ${words}` : rated;
}

/** The Interventions tab's header for each field of the evaluation as a whole (end review). */
export const EVALUATION_COLUMNS = {
  runAgain: 'Run again',
  changeFirst: 'Change first',
  staffTrainingNeeds: 'Staff training needs',
} as const;

/** "Mid-point review", "End review". */
export function reviewName(kind: string): string {
  return kind.trim() === '' ? 'Review' : `${kind.trim()} review`;
}

// ---------------------------------------------------------------------------------------------
// Adding an extra review by hand

const CHOOSE_PUPIL = 'Pupil: choose a pupil from the list';

export const extraReviewSchema = z.object({
  participantId: z
    .string({ error: CHOOSE_PUPIL })
    .trim()
    .min(1, { error: CHOOSE_PUPIL })
    .max(40, { error: CHOOSE_PUPIL }),
  dueDate: isoDate('Due date'),
});

export type ExtraReviewRequest = z.input<typeof extraReviewSchema>;
export type ExtraReview = z.output<typeof extraReviewSchema>;

export function validateExtraReview(input: unknown): Validated<ExtraReview> {
  return validateWith(extraReviewSchema, input);
}

// ---------------------------------------------------------------------------------------------
// Does the SENCo need to decide? (mid-point reviews only)

interface Measured {
  value: number;
  /** The "out of" part of "4/10" or "4 out of 10", when given. */
  outOf?: number;
}

/**
 * A simple measured value: one number, optionally "out of" another ("4/10", "4 out of 10"), a
 * percentage ("85%"), with words around it ("Score 92", "12 words"). Anything else (e.g. a reading
 * age "7y 2m", two separate numbers) is not compared: undefined.
 */
export function measuredValue(text: string): Measured | undefined {
  const match =
    /^[^\d-]*?(-?\d+(?:\.\d+)?)\s*(?:(?:\/|out of)\s*(\d+(?:\.\d+)?)|%)?(?:[\s.,;:)]+[^\d]*)?$/i.exec(
      text.trim(),
    );
  if (!match?.[1]) return undefined;
  const value = Number(match[1]);
  const outOf = match[2] === undefined ? undefined : Number(match[2]);
  if (!Number.isFinite(value) || (outOf !== undefined && !(outOf > 0))) return undefined;
  return outOf === undefined ? { value } : { value, outOf };
}

/** Measures where fewer is better: a lower number is progress, so it is not compared. */
const FEWER_IS_BETTER = /incident|error|mistake|absen|late|exclusion|detention|refusal|behaviour/i;

function numberText(n: number): string {
  return String(Math.round(n * 100) / 100);
}

/**
 * Why a mid-point review needs the SENCo's decision, or '' when it does not: the pupil was judged
 * "Not working", or the result, measured as a simple number the same way as the baseline, is no
 * higher than the baseline. Other kinds of review never need one. `measure` (e.g. "Behaviour
 * incidents a week") lets a measure where fewer is better skip the number comparison.
 */
export function needsDecision(
  kind: string,
  judgement: string,
  baseline: string,
  result: string,
  measure = '',
): string {
  if (kind.trim() !== 'Mid-point') return '';
  if (judgement.trim() === 'Not working') return 'Judged "Not working" at the mid-point';
  if (FEWER_IS_BETTER.test(`${measure} ${baseline} ${result}`)) return '';
  const before = measuredValue(baseline);
  const now = measuredValue(result);
  if (!before || !now) return '';
  const differentScale =
    before.outOf !== undefined && now.outOf !== undefined && before.outOf !== now.outOf;
  const progressed = differentScale
    ? now.value / (now.outOf ?? 1) > before.value / (before.outOf ?? 1)
    : now.value > before.value;
  if (progressed) return '';
  const shown = (m: Measured) =>
    differentScale ? `${numberText(m.value)}/${numberText(m.outOf ?? 1)}` : numberText(m.value);
  return `No measured progress at the mid-point (baseline ${shown(before)}, now ${shown(now)})`;
}

// ---------------------------------------------------------------------------------------------
// Pupils in emails: the minimum personal data

/** "A.P." from "Ann" and "Patel": the first letter of each name. */
export function initialsOf(firstName: string, lastName: string): string {
  return [firstName, lastName]
    .map((name) => /\p{L}/u.exec(name)?.[0]?.toUpperCase() ?? '')
    .filter(Boolean)
    .map((letter) => `${letter}.`)
    .join('');
}

export type YearGroup = (typeof YEAR_GROUPS)[number];

/**
 * How an email names a pupil: initials and year group ("A.P. (Year 3)") unless the school chose
 * full names (Settings 'Full names in emails' = Yes). Plain text: escape it for HTML.
 */
export function pupilInEmail(
  pupil: { firstName: string; lastName: string; yearGroup: string },
  fullNames: boolean,
): string {
  const name = fullNames
    ? `${pupil.firstName} ${pupil.lastName}`.trim()
    : initialsOf(pupil.firstName, pupil.lastName);
  const who = name || 'A pupil';
  return pupil.yearGroup ? `${who} (${pupil.yearGroup})` : who;
}
