/**
 * The impact and value of one intervention, from its pupils' places and its cost: how many pupils
 * have an outcome, their average outcome score (−2 … +2), how many met their target, the average
 * ratio gain (ages) and score change (standardised scores, with EEF months), and what it cost per
 * pupil, per pupil meeting their target and per unit of progress. amalgamate.ts reuses these
 * figures for groups of places.
 *
 * Decisions where the rules leave it open:
 * - Averages are rounded to one decimal half away from zero (−1.25 → −1.3), and what follows from
 *   an average (effect size, EEF months, "−1 or below") uses the rounded figure staff see.
 * - The average ratio gain averages each pupil's ratio as the Participants tab shows it (rounded
 *   to one decimal by outcome.ts), so a SENCo checking by hand gets the same answer.
 * - Ratio gains and score changes are gains in the measure's better direction, as in outcome.ts.
 * - A cost of £0 is a cost (£0 per pupil meeting their target); only an uncosted one is "no cost".
 * - Cost per unit prices the progress of the pupils with an outcome and both a baseline and an
 *   end result: the whole cost ÷ the units they gained.
 */
import { eefMonths, effectSize, ratioGain, twoDecimals } from './outcome';
import type { BetterWhen, MeasureKind } from './measures';
import type { InterventionFigureFacts, PlaceFigureFacts } from './provision-facts';

// ---------------------------------------------------------------------------------------------
// Rounding and statuses

export const pence = (pounds: number): number => Math.round(pounds * 100 + 1e-9) / 100;

/** Half away from zero; the nudge keeps 0.15 (0.1499… in binary) rounding up. */
export function oneDecimal(n: number): number {
  const rounded = (Math.sign(n) * Math.round(Math.abs(n) * 10 + 1e-9)) / 10;
  return rounded === 0 ? 0 : rounded;
}

const norm = (text: string): string => text.trim().toLowerCase();

/** A place whose pupil took part: started, finished or stopped (as costs.ts counts them). */
export function isTakingPart(status: string): boolean {
  const s = norm(status);
  return s === 'started' || s === 'finished' || s === 'stopped';
}

const mean = (values: readonly number[]): number =>
  values.reduce((sum, v) => sum + v, 0) / values.length;

const gainIn = (better: BetterWhen | undefined, from: number, to: number): number =>
  better === 'Lower' ? from - to : to - from;

// ---------------------------------------------------------------------------------------------
// Outcomes

export function placesWithOutcome(places: readonly PlaceFigureFacts[]): PlaceFigureFacts[] {
  return places.filter((p) => p.outcomeScore !== undefined);
}

/** The mean of the end reviews' −2 … +2 scores, one decimal; undefined when none is recorded. */
export function averageOutcome(places: readonly PlaceFigureFacts[]): number | undefined {
  const scores = placesWithOutcome(places).map((p) => p.outcomeScore ?? 0);
  return scores.length === 0 ? undefined : oneDecimal(mean(scores));
}

/** Pupils who met their target (Yes) of those with one recorded; Partly is not met. */
export function metTarget(places: readonly PlaceFigureFacts[]): { met: number; of: number } {
  const recorded = places
    .map((p) => norm(p.targetMet))
    .filter((t) => ['yes', 'partly', 'no'].includes(t));
  return { met: recorded.filter((t) => t === 'yes').length, of: recorded.length };
}

/** Brooks' ratio gain, averaged over the pupils measured in an age with both values and dates. */
export function averageRatioGain(
  places: readonly PlaceFigureFacts[],
): { ratio: number; pupils: number } | undefined {
  const ratios: number[] = [];
  for (const p of places) {
    if (p.measureKind !== 'Age in months') continue;
    if (p.baselineValue === undefined || p.actualValue === undefined) continue;
    if (!p.baselineDate || !p.actualDate) continue;
    const r = ratioGain(
      gainIn(p.better, p.baselineValue, p.actualValue),
      p.baselineDate,
      p.actualDate,
    );
    if (r.ok) ratios.push(r.ratio);
  }
  return ratios.length === 0
    ? undefined
    : { ratio: oneDecimal(mean(ratios)), pupils: ratios.length };
}

export interface ScoreChange {
  /** Mean standardised points gained, one decimal. */
  points: number;
  /** points ÷ 15, two decimals. */
  effectSize: number;
  /** The EEF Toolkit's months of progress for that effect size. */
  eefMonths: number;
  pupils: number;
}

/** The mean change in standardised score, with its effect size and EEF months of progress. */
export function averageScoreChange(places: readonly PlaceFigureFacts[]): ScoreChange | undefined {
  const gains: number[] = [];
  for (const p of places) {
    if (p.measureKind !== 'Standardised score') continue;
    if (p.baselineValue === undefined || p.actualValue === undefined) continue;
    gains.push(gainIn(p.better, p.baselineValue, p.actualValue));
  }
  if (gains.length === 0) return undefined;
  const points = oneDecimal(mean(gains));
  const size = twoDecimals(effectSize(points));
  return { points, effectSize: size, eefMonths: eefMonths(size), pupils: gains.length };
}

/** The outcome figures shared by one intervention and by any group of places. */
export interface OutcomeFigures {
  pupilsWithOutcome: number;
  averageOutcome: number | undefined;
  metTarget: { met: number; of: number };
  /** Brooks' mean ratio gain and how many pupils it is over (ratioPupils repeats that count). */
  averageRatioGain: { ratio: number; pupils: number } | undefined;
  ratioPupils: number;
  averageScoreChange: ScoreChange | undefined;
}

export function outcomeFigures(places: readonly PlaceFigureFacts[]): OutcomeFigures {
  const ratio = averageRatioGain(places);
  return {
    pupilsWithOutcome: placesWithOutcome(places).length,
    averageOutcome: averageOutcome(places),
    metTarget: metTarget(places),
    averageRatioGain: ratio,
    ratioPupils: ratio?.pupils ?? 0,
    averageScoreChange: averageScoreChange(places),
  };
}

// ---------------------------------------------------------------------------------------------
// Value

export interface ImpactCost {
  planned?: number | undefined;
  toDate?: number | undefined;
  stopped: boolean;
}

/** An intervention's cost as impact figures take it; Stopped ones count their cost to date. */
export function impactCostOf(intervention: InterventionFigureFacts): ImpactCost {
  return {
    planned: intervention.costPlanned,
    toDate: intervention.costToDate,
    stopped: norm(intervention.status) === 'stopped',
  };
}

/** The cost that counts: planned, or for a stopped intervention its cost to date. */
export function costBasis(cost: ImpactCost): number | undefined {
  return cost.stopped ? cost.toDate : cost.planned;
}

/** Each taking-part pupil's share of the cost, unrounded (groups add shares before rounding). */
export function costShareEach(
  places: readonly PlaceFigureFacts[],
  cost: ImpactCost,
): number | undefined {
  const basis = costBasis(cost);
  const takingPart = places.filter((p) => isTakingPart(p.status)).length;
  return basis === undefined || takingPart === 0 ? undefined : basis / takingPart;
}

export function costPerPupilMeetingTarget(
  cost: number | undefined,
  met: number,
): number | undefined {
  return cost === undefined || met === 0 ? undefined : pence(cost / met);
}

export interface CostPerUnit {
  pounds: number;
  /** "per month of reading age gained", "per one fewer behaviour incident a week". */
  label: string;
  unitsGained: number;
}

const PRICED_KINDS: readonly MeasureKind[] = [
  'Age in months',
  'Standardised score',
  'Score out of',
  'Count',
  'Percentage',
];

/** A measure's name inside a sentence: "reading age", but "BPVS score" and "Salford Test" kept. */
export function measureInSentence(name: string): string {
  const words = name.trim().split(/\s+/);
  const [first = '', ...rest] = words;
  if (rest.some((w) => /^[A-Z]/.test(w))) return words.join(' ');
  const lowered = /^[A-Z][a-z'’-]*$/.test(first) ? first.toLowerCase() : first;
  return [lowered, ...rest].join(' ');
}

/** "behaviour incidents a week" → "behaviour incident a week": the first plural word, singular. */
function singular(phrase: string): string {
  const words = phrase.split(' ');
  const index = words.findIndex((w) => /[^su]s$/i.test(w) && w.length > 3 && !/is$/i.test(w));
  if (index < 0) return phrase;
  const word = words[index] ?? '';
  words[index] = /ies$/i.test(word) ? `${word.slice(0, -3)}y` : word.slice(0, -1);
  return words.join(' ');
}

/** What one unit of progress is, in plain words. */
export function unitLabel(kind: MeasureKind, name: string, better: BetterWhen | undefined): string {
  const lower = better === 'Lower';
  const measure = measureInSentence(name);
  switch (kind) {
    case 'Age in months':
      return `per month of ${measure} ${lower ? 'reduced' : 'gained'}`;
    case 'Standardised score':
      return `per standardised point ${lower ? 'lower' : 'gained'}`;
    case 'Score out of':
      return `per mark ${lower ? 'fewer' : 'gained'}`;
    case 'Count':
      return `per one ${lower ? 'fewer' : 'more'} ${singular(measure)}`;
    case 'Percentage':
      return `per percentage point of ${measure} ${lower ? 'reduced' : 'gained'}`;
    default:
      return '';
  }
}

/** £ per unit of progress, or why there is none (one of the two is set). */
export function costPerUnit(
  places: readonly PlaceFigureFacts[],
  cost: number | undefined,
): { costPerUnit: CostPerUnit | undefined; noCostPerUnitBecause: string } {
  const none = (because: string) => ({ costPerUnit: undefined, noCostPerUnitBecause: because });
  const scored = placesWithOutcome(places);
  if (scored.length === 0) return none('no pupil has an outcome yet');
  if (cost === undefined) return none('it has not been costed yet');
  const names = new Set(scored.map((p) => norm(p.measure)));
  const [first] = scored;
  if (names.size > 1 || !first) return none('pupils were measured in different ways');
  if (first.measure.trim() === '') return none('no measure was recorded for its pupils');
  const measure = measureInSentence(first.measure);
  const kind = first.measureKind;
  if (kind === undefined) return none(`${measure} is not a measure on the Settings tab`);
  if (!PRICED_KINDS.includes(kind)) {
    const is = kind === 'Words only' ? 'words only' : 'a rating from 1 to 5';
    return none(`${measure} is ${is}, so progress has no unit to price`);
  }
  const measured = scored.filter(
    (p) => p.baselineValue !== undefined && p.actualValue !== undefined,
  );
  if (measured.length === 0) return none(`no baseline and end result in ${measure} were recorded`);
  const total = measured.reduce(
    (sum, p) => sum + gainIn(first.better, p.baselineValue ?? 0, p.actualValue ?? 0),
    0,
  );
  const unitsGained = Math.round(total * 100) / 100;
  if (unitsGained <= 0) return none(`no progress in ${measure}`);
  return {
    costPerUnit: {
      pounds: pence(cost / unitsGained),
      label: unitLabel(kind, first.measure, first.better),
      unitsGained,
    },
    noCostPerUnitBecause: '',
  };
}

// ---------------------------------------------------------------------------------------------
// One intervention

export interface InterventionImpact extends OutcomeFigures {
  /** Places whose pupil took part (started, finished or stopped). */
  placesTakingPart: number;
  /** The cost that counts (planned; to date when stopped); undefined when not costed. */
  cost: number | undefined;
  costPerPupil: number | undefined;
  costPerPupilMeetingTarget: number | undefined;
  costPerUnit: CostPerUnit | undefined;
  /** Why there is no cost per unit ('' when there is one). */
  noCostPerUnitBecause: string;
}

export function interventionImpact(
  places: readonly PlaceFigureFacts[],
  cost: ImpactCost,
): InterventionImpact {
  const figures = outcomeFigures(places);
  const basis = costBasis(cost);
  const share = costShareEach(places, cost);
  return {
    ...figures,
    placesTakingPart: places.filter((p) => isTakingPart(p.status)).length,
    cost: basis === undefined ? undefined : pence(basis),
    costPerPupil: share === undefined ? undefined : pence(share),
    costPerPupilMeetingTarget: costPerPupilMeetingTarget(basis, figures.metTarget.met),
    ...costPerUnit(places, basis),
  };
}
