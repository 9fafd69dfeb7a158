/**
 * What an intervention costs: staff time plus other costs, planned over its whole length and to
 * date over the school weeks already run, per intervention and per pupil, with the EEF Teaching and
 * Learning Toolkit's cost band of the cost per pupil. Local-authority costed provision maps (Durham,
 * Cheshire East) cost staff time this way: sessions a week × minutes ÷ 60 × weeks × hourly cost.
 *
 * A lead or supporter who is not on the Staff tab, or has no hourly cost, is named in `leavesOut`:
 * never silently priced at zero.
 */

export interface CostedPerson {
  name: string;
  /** £ an hour; undefined when the Staff tab has none (or the person is not on it). */
  hourlyCost: number | undefined;
  /** False when the name matches nobody on the Staff tab. */
  onStaffTab: boolean;
}

export interface CostInput {
  sessionsPerWeek: number;
  minutesPerSession: number;
  lengthWeeks: number;
  /** School weeks already run (0 before it starts; no more than lengthWeeks). */
  weeksRun: number;
  /** The lead first, then each supporter. */
  people: readonly CostedPerson[];
  /** Licences, resources (£, for the whole intervention). */
  otherCosts: number;
  /** Pupils who took part: started, finished or stopped. */
  pupilsTakingPart: number;
  /**
   * 1:1 delivery: each pupil has their own sessions, so staff time is for each pupil in it (those
   * planned to take part too; at least one). Undefined for a group, which shares its sessions.
   */
  individualPupils?: number;
  /** A stopped intervention's cost per pupil is its cost to date. */
  stopped: boolean;
}

/** The EEF Toolkit's cost bands, per pupil per year (£). */
export type CostBand = 'Very low' | 'Low' | 'Moderate' | 'High' | 'Very high';

export interface InterventionCost {
  staffCostPlanned: number;
  planned: number;
  toDate: number;
  /** Undefined while no pupil has taken part. */
  perPupil: number | undefined;
  band: CostBand | undefined;
  /** "Sam Lee (not on the Staff tab)", "Ann Bee (no hourly cost)". */
  leavesOut: string[];
}

const pence = (pounds: number): number => Math.round(pounds * 100) / 100;

/**
 * EEF Teaching and Learning Toolkit cost rating, per pupil per year: very low under £80, low up to
 * £200, moderate up to £720, high up to £1,200, very high above.
 */
export function eefCostBand(perPupil: number): CostBand {
  if (perPupil < 80) return 'Very low';
  if (perPupil <= 200) return 'Low';
  if (perPupil <= 720) return 'Moderate';
  if (perPupil <= 1200) return 'High';
  return 'Very high';
}

export function interventionCost(input: CostInput): InterventionCost {
  const sessionsFor =
    input.individualPupils === undefined ? 1 : Math.max(1, input.individualPupils);
  const hoursAWeek = (input.sessionsPerWeek * input.minutesPerSession * sessionsFor) / 60;
  const leavesOut: string[] = [];
  let ratePerHour = 0;
  for (const person of input.people) {
    if (!person.onStaffTab) leavesOut.push(`${person.name} (not on the Staff tab)`);
    else if (person.hourlyCost === undefined) leavesOut.push(`${person.name} (no hourly cost)`);
    else ratePerHour += person.hourlyCost;
  }
  const weeksRun = Math.max(0, Math.min(input.weeksRun, input.lengthWeeks));
  const staffCostPlanned = pence(hoursAWeek * input.lengthWeeks * ratePerHour);
  const planned = pence(staffCostPlanned + input.otherCosts);
  // Other costs are paid when it starts; staff time as the weeks go by.
  const toDate = weeksRun === 0 ? 0 : pence(hoursAWeek * weeksRun * ratePerHour + input.otherCosts);
  const basis = input.stopped ? toDate : planned;
  const perPupil = input.pupilsTakingPart > 0 ? pence(basis / input.pupilsTakingPart) : undefined;
  return {
    staffCostPlanned,
    planned,
    toDate,
    perPupil,
    band: perPupil === undefined ? undefined : eefCostBand(perPupil),
    leavesOut,
  };
}
