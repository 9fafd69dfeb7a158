/**
 * A pupil's outcome, from their baseline, target and result in one measure: the outcome score on
 * Tes Provision Map's scale (−2 … +2), whether the target was met, and where the measure allows
 * the figures schools know: ratio gain for ages (Brooks) and effect size with the EEF Toolkit's
 * months of progress for standardised scores. Everything the Participants and Reviews columns show.
 *
 * Decisions where issue 10 is silent:
 * - The share of the planned gain is rounded to 9 decimal places, so results typed as decimals
 *   land on a band edge (0.8) rather than just under it (0.7999999).
 * - Months elapsed = calendar days ÷ 30.4375 (the average month, 365.25 ÷ 12), not whole months
 *   (date-fns differenceInMonths): 6 weeks would count as 1 month and overstate the ratio by 40%.
 * - Ratio gain is rounded to one decimal, as Brooks reports it, and the descriptor follows the
 *   rounded figure, so staff never see "1.4, modest". No gain (0 or less) says "no gain" rather
 *   than Brooks' "modest", which describes some gain.
 * - Effect sizes are rounded to two decimals (half away from zero) before the EEF bands, which are
 *   given to two decimals: 0.015 → 0.02 → 1 month, 0.095 → 0.10 → 2 months.
 * - A reviewer's chosen score that equals the worked-out one is agreement, not an override: no
 *   reason is needed. For words only every score is chosen, so a reason always is.
 */
import { differenceInCalendarDays } from 'date-fns';
import { formatValue, numberText, type BetterWhen, type Measure } from './measures';
import type { Validated } from './schema-helpers';
import type { TARGET_MET } from './workbook';

// ---------------------------------------------------------------------------------------------
// The scale and its bands

export const OUTCOME_SCORES = [-2, -1, 0, 1, 2] as const;
export type OutcomeScore = (typeof OUTCOME_SCORES)[number];
export type OutcomeLabels = Readonly<Record<OutcomeScore, string>>;
export type TargetMet = (typeof TARGET_MET)[number];

/** Where each score starts, on the share f of the planned gain achieved (1 = target reached). */
export interface OutcomeBands {
  /** −1 when f is above this; −2 at or below it. */
  minusOneAbove: number;
  /** 0 from this f (inclusive), and so on up. */
  zeroFrom: number;
  plusOneFrom: number;
  plusTwoFrom: number;
}

export interface OutcomeSettings {
  bands: OutcomeBands;
  labels: OutcomeLabels;
}

/** Tes Provision Map's default outcome scale (DOMAIN.md, seed 001). */
export const DEFAULT_OUTCOME_LABELS: OutcomeLabels = {
  [-2]: 'Significantly less than expected',
  [-1]: 'Less than expected',
  0: 'As expected',
  1: 'More than expected',
  2: 'Significantly more than expected',
};

/** Issue 10's default bands onto Tes Provision Map's scale: 0.8 to under 1.2 is "as expected". */
export const DEFAULT_OUTCOME_BANDS: Readonly<OutcomeBands> = {
  minusOneAbove: 0,
  zeroFrom: 0.8,
  plusOneFrom: 1.2,
  plusTwoFrom: 1.5,
};

export const DEFAULT_OUTCOME_SETTINGS: Readonly<OutcomeSettings> = {
  bands: DEFAULT_OUTCOME_BANDS,
  labels: DEFAULT_OUTCOME_LABELS,
};

export type GainShare = { ok: true; f: number } | { ok: false; reason: string };

/**
 * The share of the planned gain achieved, f = (result − baseline) ÷ (target − baseline). For a
 * measure where lower is better both differences are negative, so the same sum holds; the target
 * must be beyond the baseline in the better direction, or there is no planned gain to share.
 */
export function gainShare(
  baseline: number,
  target: number,
  result: number,
  better: BetterWhen,
): GainShare {
  const planned = target - baseline;
  if (better === 'Higher' ? !(planned > 0) : !(planned < 0)) {
    return {
      ok: false,
      reason: `the target is not ${better === 'Higher' ? 'above' : 'below'} the baseline, so there is no planned gain to measure against`,
    };
  }
  const f = Math.round(((result - baseline) / planned) * 1e9) / 1e9;
  // No change when lower is better divides 0 by a negative number: −0, shown as plain 0.
  return { ok: true, f: f === 0 ? 0 : f };
}

export function outcomeScore(f: number, bands: OutcomeBands = DEFAULT_OUTCOME_BANDS): OutcomeScore {
  if (f >= bands.plusTwoFrom) return 2;
  if (f >= bands.plusOneFrom) return 1;
  if (f >= bands.zeroFrom) return 0;
  if (f > bands.minusOneAbove) return -1;
  return -2;
}

export function outcomeLabel(
  score: OutcomeScore,
  settings: Pick<OutcomeSettings, 'labels'> = DEFAULT_OUTCOME_SETTINGS,
): string {
  return settings.labels[score];
}

/** "+2", "0", "−1". */
export function outcomeScoreText(score: OutcomeScore): string {
  return score > 0 ? `+${score}` : numberText(score);
}

/**
 * A recorded outcome score for staff, in words with the number: "As expected (0)", and for a
 * mid-point score "Less than expected (−1), provisional". '' when the cell holds no score.
 */
export function outcomeInWords(
  score: number | undefined,
  settings: Pick<OutcomeSettings, 'labels'> = DEFAULT_OUTCOME_SETTINGS,
  provisional = false,
): string {
  const known = OUTCOME_SCORES.find((s) => s === score);
  if (known === undefined) return '';
  const text = `${outcomeLabel(known, settings)} (${outcomeScoreText(known)})`;
  return provisional ? `${text}, provisional` : text;
}

export function targetMet(f: number): TargetMet {
  if (f >= 1) return 'Yes';
  return f > 0 ? 'Partly' : 'No';
}

// ---------------------------------------------------------------------------------------------
// Ratio gain (ages): Brooks, "What works for children and young people with literacy difficulties"

export type RatioDescriptor = 'no gain' | 'modest' | 'useful' | 'substantial' | 'remarkable';

export type RatioGain =
  | { ok: true; ratio: number; monthsElapsed: number; descriptor: RatioDescriptor }
  | { ok: false; reason: string };

/** The average month in days (365.25 ÷ 12). */
const DAYS_PER_MONTH = 30.4375;

/** Brooks: under 1.4 modest, 1.4 to under 2 useful, 2 to under 3 substantial, 3+ remarkable. */
export function ratioDescriptor(ratio: number): RatioDescriptor {
  if (ratio <= 0) return 'no gain';
  if (ratio < 1.4) return 'modest';
  if (ratio < 2) return 'useful';
  return ratio < 3 ? 'substantial' : 'remarkable';
}

/** Months of reading or spelling age gained ÷ months between the baseline and result dates. */
export function ratioGain(monthsGained: number, baselineDate: Date, resultDate: Date): RatioGain {
  const days = differenceInCalendarDays(resultDate, baselineDate);
  if (days <= 0) return { ok: false, reason: 'the result date is not after the baseline date' };
  const monthsElapsed = days / DAYS_PER_MONTH;
  const ratio = Math.round((monthsGained / monthsElapsed) * 10) / 10;
  return { ok: true, ratio, monthsElapsed, descriptor: ratioDescriptor(ratio) };
}

// ---------------------------------------------------------------------------------------------
// Effect size (standardised scores) and the EEF Toolkit's months of progress

/** Standardised scores have mean 100 and SD 15, so c points are an effect size of c ÷ 15. */
export const STANDARDISED_SD = 15;

export function effectSize(change: number): number {
  return change / STANDARDISED_SD;
}

/** The EEF Teaching and Learning Toolkit's bands: the highest effect size for each month. */
const EEF_UPPER_BOUNDS = [
  0.01, 0.09, 0.18, 0.26, 0.35, 0.44, 0.52, 0.61, 0.69, 0.78, 0.87, 0.95,
] as const;

/** Half away from zero at two decimals; the nudge keeps 0.015 (0.01499… in binary) rounding up. */
export function twoDecimals(n: number): number {
  return (Math.sign(n) * Math.round(Math.abs(n) * 100 + 1e-9)) / 100;
}

/** Months of progress for an effect size (EEF Toolkit); negative effect sizes mirror positive. */
export function eefMonths(size: number): number {
  const rounded = Math.abs(twoDecimals(size));
  const index = EEF_UPPER_BOUNDS.findIndex((upper) => rounded <= upper);
  const months = index < 0 ? EEF_UPPER_BOUNDS.length : index;
  return size < 0 && months > 0 ? -months : months;
}

// ---------------------------------------------------------------------------------------------
// One pupil's outcome

export interface OutcomeInput {
  measure: Measure;
  baseline?: number | undefined;
  target?: number | undefined;
  result?: number | undefined;
  baselineDate?: Date | undefined;
  resultDate?: Date | undefined;
  bands?: OutcomeBands;
  labels?: OutcomeLabels;
  /** The reviewer's own score (−2 … +2, as a number or as typed) and why. */
  chosen?: { score?: number | string | undefined; reason?: string | undefined };
}

export interface OutcomeEvaluation {
  /** The score to record: the reviewer's when chosen, else the worked-out one. */
  score: OutcomeScore | undefined;
  label: string;
  /** Whether the reviewer's score overrides (or, for words only, supplies) the score. */
  chosen: boolean;
  reason: string;
  /** The score from the numbers, before any choice. */
  workedOut: OutcomeScore | undefined;
  /** Why no score was worked out from the numbers ('' when one was). */
  noScoreBecause: string;
  gainShare: number | undefined;
  targetMet: TargetMet | undefined;
  ratioGain: { ratio: number; monthsElapsed: number; descriptor: RatioDescriptor } | undefined;
  scoreChange: { points: number; effectSize: number; eefMonths: number } | undefined;
  /** One line for staff: "Reading age up 8 months in 4 months: ratio gain 2.0, substantial; …". */
  summary: string;
  /** The Participants and Reviews cells, '' where there is nothing to show. */
  cells: {
    outcomeScore: OutcomeScore | '';
    targetMet: TargetMet | '';
    ratioGain: string;
    scoreChange: string;
    outcomeReason: string;
  };
}

export const OUTCOME_REASON_MAX = 1000;

export function evaluateOutcome(input: OutcomeInput): Validated<OutcomeEvaluation> {
  const { measure, baseline, target, result } = input;
  const bands = input.bands ?? DEFAULT_OUTCOME_BANDS;
  const labels = input.labels ?? DEFAULT_OUTCOME_LABELS;
  const numeric = measure.kind !== 'Words only';
  const gain = (from: number, to: number) => (measure.better === 'Higher' ? to - from : from - to);

  let share: GainShare | undefined;
  let noScoreBecause = '';
  if (!numeric) noScoreBecause = `${measure.name} is words only`;
  else if (baseline === undefined) noScoreBecause = 'no baseline recorded';
  else if (result === undefined) noScoreBecause = 'no result yet';
  else if (target === undefined) noScoreBecause = 'no target recorded';
  else {
    share = gainShare(baseline, target, result, measure.better);
    if (!share.ok) {
      noScoreBecause = `the target (${formatValue(measure, target)}) is not ${
        measure.better === 'Higher' ? 'above' : 'below'
      } the baseline (${formatValue(measure, baseline)})`;
    }
  }
  const f = share?.ok ? share.f : undefined;
  const workedOut = f === undefined ? undefined : outcomeScore(f, bands);

  const choice = chosenScore(input.chosen, workedOut, measure);
  if (!choice.ok) return choice;
  const score = choice.score ?? workedOut;

  let ratio: OutcomeEvaluation['ratioGain'];
  let scoreChange: OutcomeEvaluation['scoreChange'];
  if (numeric && baseline !== undefined && result !== undefined) {
    if (measure.kind === 'Age in months' && input.baselineDate && input.resultDate) {
      const r = ratioGain(gain(baseline, result), input.baselineDate, input.resultDate);
      if (r.ok)
        ratio = { ratio: r.ratio, monthsElapsed: r.monthsElapsed, descriptor: r.descriptor };
    }
    if (measure.kind === 'Standardised score') {
      const size = effectSize(gain(baseline, result));
      scoreChange = { points: result - baseline, effectSize: size, eefMonths: eefMonths(size) };
    }
  }

  const met = f === undefined ? undefined : targetMet(f);
  const label = score === undefined ? '' : labels[score];
  const evaluation: OutcomeEvaluation = {
    score,
    label,
    chosen: choice.chosen,
    reason: choice.reason,
    workedOut,
    noScoreBecause,
    gainShare: f,
    targetMet: met,
    ratioGain: ratio,
    scoreChange,
    summary: summaryOf(input, { ratio, scoreChange, met, noScoreBecause, workedOut }, labels, {
      chosen: choice.chosen,
      label,
    }),
    cells: {
      outcomeScore: score ?? '',
      targetMet: met ?? '',
      ratioGain: ratio ? `${ratioText(ratio.ratio)} (${ratio.descriptor})` : '',
      scoreChange: scoreChange ? scoreChangeText(scoreChange) : '',
      outcomeReason: choice.reason,
    },
  };
  return { ok: true, value: evaluation };
}

type Choice =
  | { ok: true; score: OutcomeScore | undefined; chosen: boolean; reason: string }
  | { ok: false; errors: Record<string, string> };

/** The reviewer's score, checked: a whole number from −2 to +2, with a reason when it overrides. */
function chosenScore(
  chosen: OutcomeInput['chosen'],
  workedOut: OutcomeScore | undefined,
  measure: Measure,
): Choice {
  const reason = (chosen?.reason ?? '').trim();
  const raw = chosen?.score;
  const typed = typeof raw === 'string' ? raw.trim().replace(/^[−–]/, '-').replace(/^\+/, '') : raw;
  const refuse = (field: 'outcomeScore' | 'outcomeReason', message: string): Choice => ({
    ok: false,
    errors: {
      [field]: `${field === 'outcomeScore' ? 'Outcome score' : 'Outcome reason'}: ${message}`,
    },
  });
  if (reason.length > OUTCOME_REASON_MAX) {
    return refuse('outcomeReason', `keep it under ${OUTCOME_REASON_MAX} characters`);
  }
  if (typed === undefined || typed === '') {
    return reason === ''
      ? { ok: true, score: undefined, chosen: false, reason: '' }
      : refuse('outcomeScore', 'choose the score this reason is for, or clear the reason');
  }
  const n = typeof typed === 'number' ? typed : /^-?\d$/.test(typed) ? Number(typed) : NaN;
  const score = OUTCOME_SCORES.find((s) => s === n);
  if (score === undefined) return refuse('outcomeScore', 'choose a whole number from −2 to +2');
  if (score === workedOut) return { ok: true, score, chosen: false, reason };
  if (reason === '') {
    const because =
      workedOut !== undefined
        ? `the worked-out score is ${outcomeScoreText(workedOut)}:`
        : measure.kind === 'Words only'
          ? `${measure.name} is words only, so`
          : 'no score could be worked out, so';
    return refuse('outcomeReason', `${because} say why you chose ${outcomeScoreText(score)}`);
  }
  return { ok: true, score, chosen: true, reason };
}

function signed(n: number, decimals?: number): string {
  const text = decimals === undefined ? numberText(n) : Math.abs(n).toFixed(decimals);
  if (n > 0) return `+${text}`;
  return n < 0 && decimals !== undefined ? `−${text}` : text;
}

/** "2.0", "−0.5": one decimal, as Brooks gives ratio gains. */
function ratioText(ratio: number): string {
  return ratio < 0 ? `−${Math.abs(ratio).toFixed(1)}` : ratio.toFixed(1);
}

function plural(n: number, one: string, many: string): string {
  return Math.abs(n) === 1 ? one : many;
}

/** "+6 points, effect size +0.40: +5 months' progress (EEF Toolkit)". */
function scoreChangeText(change: NonNullable<OutcomeEvaluation['scoreChange']>): string {
  const months = change.eefMonths;
  return `${signed(change.points)} ${plural(change.points, 'point', 'points')}, effect size ${signed(
    twoDecimals(change.effectSize),
    2,
  )}: ${signed(months)} ${plural(months, 'month’s', 'months’')} progress (EEF Toolkit)`;
}

/** "up 8 months", "down from 6 to 2", "unchanged at 4/10". */
function movement(measure: Measure, baseline: number, result: number): string {
  const change = result - baseline;
  const from = formatValue(measure, baseline);
  const to = formatValue(measure, result);
  if (change === 0) return `unchanged at ${to}`;
  const way = change > 0 ? 'up' : 'down';
  const size = Math.abs(change);
  if (measure.kind === 'Age in months') {
    return `${way} ${numberText(size)} ${plural(size, 'month', 'months')}`;
  }
  if (measure.kind === 'Standardised score') {
    return `${way} ${numberText(size)} ${plural(size, 'point', 'points')} (${from} to ${to})`;
  }
  return `${way} from ${from} to ${to}`;
}

const TARGET_MET_TEXT: Readonly<Record<TargetMet, string>> = {
  Yes: 'target met',
  Partly: 'target partly met',
  No: 'target not met',
};

function summaryOf(
  input: OutcomeInput,
  found: Pick<OutcomeEvaluation, 'noScoreBecause' | 'workedOut'> & {
    ratio: OutcomeEvaluation['ratioGain'];
    scoreChange: OutcomeEvaluation['scoreChange'];
    met: TargetMet | undefined;
  },
  labels: OutcomeLabels,
  choice: { chosen: boolean; label: string },
): string {
  const { measure, baseline, result } = input;
  const chose = choice.chosen ? `; the reviewer chose "${choice.label}"` : '';
  if (measure.kind === 'Words only') {
    return choice.chosen
      ? `${measure.name} is words only${chose}`
      : `${measure.name} is words only: the reviewer chooses the outcome score`;
  }
  if (baseline === undefined || result === undefined) {
    return `${measure.name}: ${found.noScoreBecause}${chose}`;
  }
  let line = `${measure.name} ${movement(measure, baseline, result)}`;
  if (found.ratio) {
    const months = Math.round(found.ratio.monthsElapsed * 10) / 10;
    line += ` in ${numberText(months)} ${plural(months, 'month', 'months')}: ratio gain ${ratioText(found.ratio.ratio)}, ${found.ratio.descriptor}`;
  }
  if (found.scoreChange) {
    const { effectSize: size, eefMonths: months } = found.scoreChange;
    line += `: effect size ${signed(twoDecimals(size), 2)}, ${signed(months)} ${plural(months, 'month’s', 'months’')} progress (EEF)`;
  }
  if (found.met !== undefined && found.workedOut !== undefined) {
    line += `; ${TARGET_MET_TEXT[found.met]} (${labels[found.workedOut]})`;
  } else {
    line += `; ${found.noScoreBecause}, so no outcome score was worked out`;
  }
  return line + chose;
}
