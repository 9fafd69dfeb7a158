/**
 * Impact and value amalgamated over groups of places (seed 001: "an overall impact score" per type
 * of provision): per Provision library entry over all its runs, per area of need (the pupil's
 * primary need) and per year group. The outcome figures are impact.ts's, over the group's places.
 *
 * Decisions where the rules leave it open:
 * - Outcome figures count every place in the group, whatever its status, as impact.ts does.
 * - Pupils are the distinct pupils who took part (started, finished or stopped), so that cost per
 *   pupil divides the cost by the pupils it was spent on; planned pupils cost nothing yet.
 * - A group's cost adds each taking-part place's share of its intervention's cost, unrounded, and
 *   rounds the total to pence. Interventions with pupils taking part but no cost are counted in
 *   `notCosted`, never priced at zero silently.
 * - An intervention whose Provision ID is blank or not in the library is grouped with others of
 *   the same name (ignoring case and spaces either side), marked as not from the library; places
 *   whose intervention is unknown go to an "Unknown" type, last.
 * - Past school years' runs, moved to archive tabs by "Start a new school year…", count as if
 *   they were still on the working tabs (withArchivedRuns), so moving them changes none of these
 *   figures: a programme's track record covers every year.
 * - Pupils with no primary need, or no year group, have their own group after the known ones, and
 *   pupils not on the Pupils tab an "Unknown" group, last. Year groups typed outside YEAR_GROUPS
 *   come after the listed ones, by name.
 */
import {
  costPerPupilMeetingTarget,
  costShareEach,
  impactCostOf,
  isTakingPart,
  outcomeFigures,
  pence,
  type OutcomeFigures,
} from './impact';
import type {
  InterventionFigureFacts,
  LibraryFigureFacts,
  PlaceFigureFacts,
  PupilFigureFacts,
} from './provision-facts';
import { NEED_CODES, NEED_CODE_LIST, YEAR_GROUPS, type NeedCode } from './workbook';

export interface AmalgamateInput {
  interventions: readonly InterventionFigureFacts[];
  places: readonly PlaceFigureFacts[];
  pupils: readonly PupilFigureFacts[];
  library: readonly LibraryFigureFacts[];
}

export interface GroupFigures extends OutcomeFigures {
  /**
   * A Provision ID (or the name, for a type not from the library), need code or year group; ''
   * for "none recorded"; UNKNOWN for places whose intervention or pupil is unknown.
   */
  key: string;
  label: string;
  interventions: number;
  /** Distinct pupils who took part. */
  pupils: number;
  placesTakingPart: number;
  /** £, the group's share of its interventions' costs; undefined when none is costed. */
  cost: number | undefined;
  costPerPupil: number | undefined;
  costPerPupilMeetingTarget: number | undefined;
  /** Interventions with pupils taking part here but no cost yet: left out of `cost`. */
  notCosted: number;
}

export interface ProvisionTypeFigures extends GroupFigures {
  /** False for interventions grouped by name, made without a library entry. */
  fromLibrary: boolean;
  areaOfNeed: NeedCode | '';
}

export interface Amalgamated {
  byProvisionType: ProvisionTypeFigures[];
  byAreaOfNeed: GroupFigures[];
  byYearGroup: GroupFigures[];
}

export const UNKNOWN = 'Unknown';
const UNKNOWN_PUPIL_LABEL = 'Unknown (not on the Pupils tab)';

export function amalgamate(input: AmalgamateInput): Amalgamated {
  return {
    byProvisionType: byProvisionType(input),
    byAreaOfNeed: byAreaOfNeed(input),
    byYearGroup: byYearGroup(input),
  };
}

/** Interventions and places of past school years, read from their archive tabs. */
export interface ArchivedRuns {
  interventions: readonly InterventionFigureFacts[];
  places: readonly PlaceFigureFacts[];
}

/**
 * The working runs with the archived ones: a record on both (a move cut off before it was taken
 * off the working tab) counts once, as the working tab has it.
 */
export function withArchivedRuns(input: AmalgamateInput, archived: ArchivedRuns): AmalgamateInput {
  if (archived.interventions.length === 0 && archived.places.length === 0) return input;
  const interventionIds = new Set(input.interventions.map((i) => i.id));
  const placeIds = new Set(input.places.map((p) => p.id));
  const seen = new Set<string>();
  const once = (id: string): boolean => !seen.has(id) && seen.add(id) !== undefined;
  return {
    ...input,
    interventions: [
      ...input.interventions,
      ...archived.interventions.filter((i) => !interventionIds.has(i.id) && once(`i:${i.id}`)),
    ],
    places: [
      ...input.places,
      ...archived.places.filter((p) => !placeIds.has(p.id) && once(`p:${p.id}`)),
    ],
  };
}

/** Each intervention's cost share per taking-part pupil, worked out once for every group. */
function sharesOf(input: AmalgamateInput): Map<string, number | undefined> {
  const placesOf = groupBy(input.places, (p) => p.interventionId);
  return new Map(
    input.interventions.map((i) => [
      i.id,
      costShareEach(placesOf.get(i.id) ?? [], impactCostOf(i)),
    ]),
  );
}

function figuresOf(
  key: string,
  label: string,
  places: readonly PlaceFigureFacts[],
  shares: Map<string, number | undefined>,
  interventionIds: ReadonlySet<string> = new Set(places.map((p) => p.interventionId)),
): GroupFigures {
  const outcomes = outcomeFigures(places);
  const takingPart = places.filter((p) => isTakingPart(p.status));
  let total: number | undefined;
  const notCosted = new Set<string>();
  for (const place of takingPart) {
    const share = shares.get(place.interventionId);
    if (share === undefined) notCosted.add(place.interventionId);
    else total = (total ?? 0) + share;
  }
  const pupils = new Set(takingPart.map((p) => p.pupilId)).size;
  return {
    key,
    label,
    interventions: interventionIds.size,
    pupils,
    placesTakingPart: takingPart.length,
    ...outcomes,
    // Per pupil from the unrounded total, so £466.67 ÷ 2 is £233.33, not £233.34.
    cost: total === undefined ? undefined : pence(total),
    costPerPupil: total === undefined || pupils === 0 ? undefined : pence(total / pupils),
    costPerPupilMeetingTarget: costPerPupilMeetingTarget(total, outcomes.metTarget.met),
    notCosted: notCosted.size,
  };
}

// ---------------------------------------------------------------------------------------------
// Types of provision

export function byProvisionType(input: AmalgamateInput): ProvisionTypeFigures[] {
  const shares = sharesOf(input);
  const library = new Map(input.library.map((entry) => [entry.id, entry]));
  const known = new Set(input.interventions.map((i) => i.id));
  const types = new Map<string, { label: string; entry?: LibraryFigureFacts; ids: Set<string> }>();
  for (const intervention of input.interventions) {
    const entry = library.get(intervention.provisionId.trim());
    const key = entry ? entry.id : `name:${intervention.name.trim().toLowerCase()}`;
    const type = types.get(key) ?? {
      label: entry ? entry.name.trim() : intervention.name.trim(),
      ...(entry ? { entry } : {}),
      ids: new Set<string>(),
    };
    type.ids.add(intervention.id);
    types.set(key, type);
  }
  const results = [...types.entries()].map(([key, type]) => ({
    ...figuresOf(
      type.entry ? key : type.label,
      type.label,
      input.places.filter((p) => type.ids.has(p.interventionId)),
      shares,
      type.ids,
    ),
    fromLibrary: type.entry !== undefined,
    areaOfNeed: type.entry?.areaOfNeed ?? ('' as const),
  }));
  results.sort((a, b) => a.label.localeCompare(b.label, 'en-GB', { sensitivity: 'base' }));
  const orphans = input.places.filter((p) => !known.has(p.interventionId));
  if (orphans.length > 0) {
    results.push({
      ...figuresOf(UNKNOWN, 'Unknown (not on the Interventions tab)', orphans, shares),
      fromLibrary: false,
      areaOfNeed: '',
    });
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// Areas of need and year groups: by the placed pupil

export function byAreaOfNeed(input: AmalgamateInput): GroupFigures[] {
  const order = [...NEED_CODE_LIST, '', UNKNOWN];
  return byPupil(
    input,
    (pupil) => (pupil ? pupil.primaryNeed : UNKNOWN),
    order,
    (key) => {
      if (key === UNKNOWN) return UNKNOWN_PUPIL_LABEL;
      return key === '' ? 'No primary need recorded' : NEED_CODES[key as NeedCode];
    },
  );
}

export function byYearGroup(input: AmalgamateInput): GroupFigures[] {
  const typed = new Set(input.pupils.map((p) => p.yearGroup.trim()));
  const others = [...typed]
    .filter((y) => y !== '' && y !== UNKNOWN && !(YEAR_GROUPS as readonly string[]).includes(y))
    .sort((a, b) => a.localeCompare(b, 'en-GB', { numeric: true }));
  const order = [...YEAR_GROUPS, ...others, '', UNKNOWN];
  return byPupil(
    input,
    (pupil) => (pupil ? pupil.yearGroup.trim() : UNKNOWN),
    order,
    (key) => {
      if (key === UNKNOWN) return UNKNOWN_PUPIL_LABEL;
      return key === '' ? 'No year group recorded' : key;
    },
  );
}

function byPupil(
  input: AmalgamateInput,
  keyOf: (pupil: PupilFigureFacts | undefined) => string,
  order: readonly string[],
  labelOf: (key: string) => string,
): GroupFigures[] {
  const shares = sharesOf(input);
  const pupils = new Map(input.pupils.map((p) => [p.id, p]));
  const groups = groupBy(input.places, (place) => keyOf(pupils.get(place.pupilId)));
  return order.flatMap((key) => {
    const places = groups.get(key);
    return places ? [figuresOf(key, labelOf(key), places, shares)] : [];
  });
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
