/**
 * Results in the pupil's measure: the baseline, target and every result are checked against the
 * measure named on the place (Settings tab, "Measure" rows) and kept as typed and as a number; at
 * the end review the outcome is worked out (domain/outcome.ts), at the mid-point provisionally.
 * A place whose measure is not on the Settings tab (older rows, typed by hand) keeps its results
 * as words, as before.
 */
import { leadingValue } from '../domain/measured-text';
import { measureNamed } from '../domain/measure-settings';
import { parseResult, type Measure } from '../domain/measures';
import { evaluateOutcome, type OutcomeEvaluation } from '../domain/outcome';
import type { FieldErrors } from '../domain/schema-helpers';
import { measuresOn, outcomeSettingsOn } from '../store/measures';
import type { RecordValues, Row, Table } from '../store/table';

export function measureOfPlace(place: Row, settings: Table): Measure | undefined {
  return measureNamed(measuresOn(settings).measures, place.text('Baseline measure'));
}

/** The measure names for the forms' lists. */
export function measureNames(settings: Table): string[] {
  return measuresOn(settings).measures.map((m) => m.name);
}

/** Checks the place's baseline and target in its measure; the number columns to write. */
export function placeValues(
  place: Row,
  settings: Table,
): { errors: FieldErrors; values: RecordValues } {
  const measure = measureOfPlace(place, settings);
  const errors: FieldErrors = {};
  const values: RecordValues = {};
  if (!measure) return { errors, values: { 'Baseline value': '', 'Target value': '' } };
  const baseline = place.text('Baseline');
  if (baseline !== '') {
    const parsed = parseResult(measure, baseline, 'Baseline');
    if (parsed.ok) values['Baseline value'] = parsed.value ?? '';
    else errors.baseline = parsed.message;
  } else values['Baseline value'] = '';
  const target = place.text('Target');
  if (target !== '') {
    const parsed = leadingValue(measure, target, 'Target');
    if (parsed.ok) values['Target value'] = parsed.value ?? '';
    else errors.target = parsed.message;
  } else values['Target value'] = '';
  return { errors, values };
}

export interface ReviewOutcome {
  /** Columns of the review row, and of the place (at the end review). */
  review: RecordValues;
  place: RecordValues;
  /** For the save's message. */
  summary: string;
}

/**
 * The result in the place's measure, and the outcome: provisional at the mid-point, on the place
 * at the end. `chosen` is the reviewer's own score and reason, when given.
 */
export function reviewOutcome(
  kind: string,
  result: string,
  resultDate: Date,
  place: Row,
  settings: Table,
  chosen: { score?: string; reason?: string },
): { ok: true; value: ReviewOutcome } | { ok: false; errors: FieldErrors } {
  const measure = measureOfPlace(place, settings);
  const wantsScore = kind === 'Mid-point' || kind === 'End';
  if (!measure) return { ok: true, value: { review: {}, place: {}, summary: '' } };
  const parsed = parseResult(measure, result, 'Result');
  if (!parsed.ok) return { ok: false, errors: { result: parsed.message } };
  const review: RecordValues = { 'Result value': parsed.value ?? '' };
  if (!wantsScore) return { ok: true, value: { review, place: {}, summary: '' } };
  const target = place.text('Target');
  const targetValue = target === '' ? undefined : leadingValue(measure, target, 'Target');
  const baselineParsed = place.text('Baseline')
    ? parseResult(measure, place.text('Baseline'), 'Baseline')
    : undefined;
  const evaluated = evaluateOutcome({
    measure,
    baseline: baselineParsed?.ok ? baselineParsed.value : undefined,
    target: targetValue?.ok ? targetValue.value : undefined,
    result: parsed.value,
    baselineDate: place.date('Baseline date'),
    resultDate,
    ...outcomeSettingsOn(settings),
    chosen: chosen.score || chosen.reason ? chosen : undefined,
  });
  if (!evaluated.ok) return evaluated;
  const e: OutcomeEvaluation = evaluated.value;
  review['Outcome score'] = e.cells.outcomeScore;
  review['Outcome reason'] = e.cells.outcomeReason;
  const placeCells: RecordValues =
    kind === 'End'
      ? {
          'Actual value': parsed.value ?? '',
          'Outcome score': e.cells.outcomeScore,
          'Target met': e.cells.targetMet,
          'Ratio gain': e.cells.ratioGain,
          'Score change': e.cells.scoreChange,
          'Outcome reason': e.cells.outcomeReason,
        }
      : {};
  // At the mid-point the target is not due yet: only the provisional score is news.
  const summary =
    e.score === undefined
      ? e.noScoreBecause
        ? ` No outcome score: ${e.noScoreBecause}`
        : ''
      : kind === 'Mid-point'
        ? ` Provisional outcome at the mid-point: ${e.label}.`
        : ` Outcome: ${e.summary || e.label}.`;
  return { ok: true, value: { review, place: placeCells, summary } };
}
