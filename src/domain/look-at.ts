/**
 * "What to look at" on the SENCo's Dashboard: the few things that need them, each in one plain
 * sentence. "If an intervention isn't working, it shouldn't be happening" (DOMAIN.md); seed 001
 * asks the school to spot "any mismatch between need and current provision types".
 *
 * Decisions where the rules leave it open:
 * - A Stopped intervention is not listed as not working or expensive: it has already been acted on.
 * - One that is not working is not listed again as expensive: "stop or change it" already covers it.
 * - Expensive needs some evidence of little impact: an average outcome below +1, or targets
 *   recorded and none met. One with no outcomes and no targets yet is not judged.
 * - "No outcomes" needs at least one pupil who took part: a stopped one nobody started is not a gap
 *   in the record.
 * - A need has provision when one of its pupils has a Planned or Started place in a Planned or
 *   Running intervention; pupils on the register are those with a SEN status.
 * - Within a kind: the worst average first, the dearest first, otherwise by name; needs in
 *   NEED_CODES order.
 */
import { eefCostBand } from './costs';
import { needsDecisionLines } from './decision';
import { impactCostOf, interventionImpact, type InterventionImpact } from './impact';
import { numberText } from './measures';
import { isCurrentStatus } from './participant';
import type {
  InterventionFigureFacts,
  PlaceFigureFacts,
  PupilFigureFacts,
} from './provision-facts';
import { formatPounds } from './record-fields';
import { NEED_CODES, NEED_CODE_LIST, type NeedCode } from './workbook';

export const LOOK_AT_KINDS = [
  'Decision awaited',
  'Not working',
  'Expensive',
  'No outcomes',
  'Need without provision',
] as const;
export type LookAtKind = (typeof LOOK_AT_KINDS)[number];

export interface LookAtItem {
  /** '' for a need without provision. */
  interventionId: string;
  /** The intervention's name, or the need's words. */
  name: string;
  reason: string;
  kind: LookAtKind;
  needCode?: NeedCode;
}

export interface LookAtInput {
  interventions: readonly InterventionFigureFacts[];
  places: readonly PlaceFigureFacts[];
  pupils: readonly PupilFigureFacts[];
}

/** Not working: an average outcome at or below this … */
export const NOT_WORKING_AT_OR_BELOW = -1;
/** … over at least this many pupils with an outcome. */
export const NOT_WORKING_MIN_PUPILS = 3;
/** Little impact for the money: an average outcome below this. */
export const LITTLE_IMPACT_BELOW = 1;

const norm = (text: string): string => text.trim().toLowerCase();
const signed = (n: number): string => (n > 0 ? `+${numberText(n)}` : numberText(n));
const pupilsText = (n: number): string => `${n} ${n === 1 ? 'pupil' : 'pupils'}`;

export function whatToLookAt(input: LookAtInput): LookAtItem[] {
  const placesOf = new Map<string, PlaceFigureFacts[]>();
  for (const place of input.places) {
    placesOf.set(place.interventionId, [...(placesOf.get(place.interventionId) ?? []), place]);
  }
  const found: { item: LookAtItem; worst: number }[] = [];
  for (const intervention of input.interventions) {
    const impact = interventionImpact(
      placesOf.get(intervention.id) ?? [],
      impactCostOf(intervention),
    );
    const item = (kind: LookAtKind, reason: string, worst = 0) =>
      found.push({
        item: { interventionId: intervention.id, name: nameOf(intervention), reason, kind },
        worst,
      });
    const awaited = decisionAwaited(intervention);
    if (awaited) item('Decision awaited', awaited);
    const stopped = norm(intervention.status) === 'stopped';
    const failing = stopped ? '' : notWorking(impact);
    if (failing) item('Not working', failing, impact.averageOutcome ?? 0);
    const dear = stopped || failing ? '' : expensive(impact);
    if (dear) item('Expensive', dear, -(impact.costPerPupil ?? 0));
    const unrecorded = noOutcomes(intervention, impact);
    if (unrecorded) item('No outcomes', unrecorded);
  }
  found.sort(
    (a, b) =>
      LOOK_AT_KINDS.indexOf(a.item.kind) - LOOK_AT_KINDS.indexOf(b.item.kind) ||
      a.worst - b.worst ||
      a.item.name.localeCompare(b.item.name, 'en-GB', { sensitivity: 'base' }),
  );
  return [...found.map((f) => f.item), ...needsWithoutProvision(input)];
}

function nameOf(intervention: InterventionFigureFacts): string {
  return intervention.name.trim() || intervention.id;
}

/** A review asked the SENCo to decide, and no decision is recorded yet. */
export function decisionAwaited(intervention: InterventionFigureFacts): string {
  const lines = needsDecisionLines(intervention.needsDecision);
  const latest = lines[lines.length - 1];
  if (latest === undefined || intervention.decision.trim() !== '') return '';
  const more = lines.length > 1 ? `, and ${lines.length - 1} more` : '';
  return `A review asked for your decision to continue, change or stop it (${latest.replace(/\.$/, '')}${more}).`;
}

export function notWorking(impact: InterventionImpact): string {
  const average = impact.averageOutcome;
  if (average === undefined || average > NOT_WORKING_AT_OR_BELOW) return '';
  if (impact.pupilsWithOutcome < NOT_WORKING_MIN_PUPILS) return '';
  return `Pupils made less progress than expected (average outcome ${signed(average)} over ${pupilsText(impact.pupilsWithOutcome)}): stop or change it.`;
}

/** A cost per pupil in the EEF's High or Very high band, with little to show for it. */
export function expensive(impact: InterventionImpact): string {
  if (impact.costPerPupil === undefined) return '';
  const band = eefCostBand(impact.costPerPupil);
  if (band !== 'High' && band !== 'Very high') return '';
  const average = impact.averageOutcome;
  const lowAverage = average !== undefined && average < LITTLE_IMPACT_BELOW;
  const noneMet = impact.metTarget.of > 0 && impact.metTarget.met === 0;
  if (!lowAverage && !noneMet) return '';
  const shown = [
    ...(lowAverage ? [`an average outcome of ${signed(average)}`] : []),
    ...(noneMet ? ['no pupil meeting their target'] : []),
  ].join(' and ');
  return `${formatPounds(impact.costPerPupil)} a pupil, a ${band.toLowerCase()} cost on the EEF scale, for ${shown}: look for a cheaper way to the same progress.`;
}

/** Finished or stopped, pupils took part, and not one outcome was recorded. */
export function noOutcomes(
  intervention: InterventionFigureFacts,
  impact: InterventionImpact,
): string {
  const status = norm(intervention.status);
  if (status !== 'finished' && status !== 'stopped') return '';
  if (impact.pupilsWithOutcome > 0 || impact.placesTakingPart === 0) return '';
  const ended = status === 'finished' ? 'It finished' : 'It was stopped';
  const of =
    impact.placesTakingPart === 1 ? 'its pupil' : `any of its ${impact.placesTakingPart} pupils`;
  return `${ended} with no outcome recorded for ${of}: record each pupil's outcome so you can tell whether it worked.`;
}

/** Areas of need with pupils on the SEN register and none of them in current provision. */
export function needsWithoutProvision(input: LookAtInput): LookAtItem[] {
  const current = new Set(
    input.interventions
      .filter((i) => ['planned', 'running'].includes(norm(i.status)))
      .map((i) => i.id),
  );
  const provided = new Set(
    input.places
      .filter((p) => current.has(p.interventionId) && isCurrentStatus(p.status))
      .map((p) => p.pupilId),
  );
  return NEED_CODE_LIST.flatMap((code) => {
    const withNeed = input.pupils.filter(
      (p) => p.primaryNeed === code && p.senStatus.trim() !== '',
    );
    if (withNeed.length === 0 || withNeed.some((p) => provided.has(p.id))) return [];
    const words = NEED_CODES[code];
    // "Down syndrome" keeps its capital; "SEN support…" its capitals.
    const inSentence =
      code !== 'DS' && /^[A-Z][a-z]/.test(words) ? words[0]?.toLowerCase() + words.slice(1) : words;
    const none = withNeed.length === 1 ? 'they are not' : 'none of them is';
    return [
      {
        interventionId: '',
        name: words,
        reason: `${pupilsText(withNeed.length)} with ${inSentence} (${code}) and no provision for it: ${none} in a planned or running intervention. Check that their needs are met.`,
        kind: 'Need without provision' as const,
        needCode: code,
      },
    ];
  });
}
