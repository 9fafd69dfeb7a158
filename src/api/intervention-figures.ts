/**
 * Keeps each intervention's cost, impact and value columns true (domain/costs.ts, impact.ts):
 * called by every save that changes what they depend on (the intervention, its pupils' places and
 * results, the SENCo's decision, a person's hourly cost) and by the daily run for every
 * intervention, as the cost to date grows week by week. The figures are written with the
 * operation's own write of the Interventions tab, not audited (they follow from audited changes).
 */
import { interventionCost, type CostedPerson, type InterventionCost } from '../domain/costs';
import { interventionImpact, type InterventionImpact } from '../domain/impact';
import type { PlaceFigureFacts } from '../domain/provision-facts';
import { schoolWeeksRun } from '../domain/schedule';
import { formatPounds } from '../domain/record-fields';
import { splitStaffNames, staffNameKey } from '../domain/staff-names';
import { calendarFrom } from '../store/calendar';
import { interventionFigureFacts, placeFigureFacts } from '../store/figure-facts';
import { measuresOn } from '../store/measures';
import type { Row, Table } from '../store/table';

export interface FigureTables {
  interventions: Table;
  /** Not needed for a new intervention, which has no pupils yet. */
  participants?: Table;
  staff: Table;
  settings: Table;
  /** When given, a blank "Other costs" is filled from the library entry's resource cost. */
  library?: Table;
}

const TAKING_PART = new Set(['started', 'finished', 'stopped']);

/** Works out the figures of the interventions in `ids` (every one when not given). */
export function syncInterventionFigures(
  t: FigureTables,
  now: Date,
  ids?: ReadonlySet<string>,
): void {
  if (!t.interventions.has('Cost (planned)')) return; // Set-up adds the columns.
  const hourly = hourlyCosts(t.staff);
  const calendar = calendarFrom(t.settings);
  const { measures } = measuresOn(t.settings);
  const resourceCosts = t.library ? libraryResourceCosts(t.library) : new Map<string, number>();
  const places = new Map<string, PlaceFigureFacts[]>();
  for (const row of t.participants?.records() ?? []) {
    const id = row.text('Intervention ID');
    if (ids && !ids.has(id)) continue;
    const list = places.get(id) ?? [];
    list.push(placeFigureFacts(row, measures));
    places.set(id, list);
  }
  for (const row of t.interventions.records()) {
    if (row.id === '' || (ids && !ids.has(row.id))) continue;
    fillOtherCosts(row, resourceCosts);
    const own = places.get(row.id) ?? [];
    const facts = interventionFigureFacts(row);
    const stopped = facts.status === 'Stopped';
    const start = facts.startDate;
    const until = stopped && facts.stoppedOn ? facts.stoppedOn : now;
    const lengthWeeks = facts.lengthWeeks ?? 0;
    const cost = interventionCost({
      sessionsPerWeek: facts.sessionsPerWeek ?? 0,
      minutesPerSession: facts.minutesPerSession ?? 0,
      lengthWeeks,
      weeksRun: start ? schoolWeeksRun(start, until, lengthWeeks, calendar) : 0,
      people: peopleOf(row, hourly),
      otherCosts: row.number('Other costs') ?? 0,
      pupilsTakingPart: own.filter((p) => TAKING_PART.has(p.status.trim().toLowerCase())).length,
      individualPupils:
        row.text('Group or individual').toLowerCase() === 'individual'
          ? own.filter((p) => p.status.trim().toLowerCase() !== 'removed').length
          : undefined,
      stopped,
    });
    const impact = interventionImpact(own, {
      planned: cost.planned,
      toDate: cost.toDate,
      stopped,
    });
    row.setDerived(figureCells(cost, impact));
  }
}

/**
 * After a retry completed a save from the audit log: the figures of the interventions its records
 * belong to (an intervention, a pupil's place in one, a person who leads or supports some).
 */
export function refigure(
  t: FigureTables,
  context: { now: Date },
  recordIds: readonly string[],
): void {
  const ids = new Set<string>();
  for (const id of new Set(recordIds)) {
    if (t.interventions.find(id)) ids.add(id);
    const place = t.participants?.find(id);
    if (place) ids.add(place.text('Intervention ID'));
    const person = t.staff.find(id);
    if (person)
      for (const led of interventionsOf(t.interventions, [person.text('Name')])) ids.add(led);
  }
  if (ids.size > 0) syncInterventionFigures(t, context.now, ids);
}

/** The interventions a person leads or supports (by name, as the figures match them). */
export function interventionsOf(interventions: Table, names: readonly string[]): Set<string> {
  const keys = new Set(names.map(staffNameKey).filter((k) => k !== ''));
  const ids = new Set<string>();
  for (const row of interventions.records()) {
    const people = [row.text('Lead'), ...splitStaffNames(row.text('Supported by'))];
    if (people.some((name) => keys.has(staffNameKey(name)))) ids.add(row.id);
  }
  return ids;
}

function hourlyCosts(staff: Table): Map<string, number | undefined> {
  const costs = new Map<string, number | undefined>();
  for (const row of staff.records()) {
    const key = staffNameKey(row.text('Name'));
    if (key !== '' && !costs.has(key)) costs.set(key, row.number('Hourly cost'));
  }
  return costs;
}

function libraryResourceCosts(library: Table): Map<string, number> {
  const costs = new Map<string, number>();
  for (const row of library.records()) {
    const cost = row.number('Resource cost');
    if (row.id !== '' && cost !== undefined) costs.set(row.id, cost);
  }
  return costs;
}

/** A blank "Other costs" starts as the library entry's resource cost (audited: the school's cell). */
function fillOtherCosts(row: Row, resourceCosts: ReadonlyMap<string, number>): void {
  if (row.text('Other costs') !== '') return;
  const cost = resourceCosts.get(row.text('Provision ID'));
  if (cost !== undefined) row.set({ 'Other costs': cost });
}

function peopleOf(row: Row, hourly: ReadonlyMap<string, number | undefined>): CostedPerson[] {
  const seen = new Set<string>();
  const people: CostedPerson[] = [];
  for (const name of [row.text('Lead'), ...splitStaffNames(row.text('Supported by'))]) {
    const key = staffNameKey(name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    people.push({ name: name.trim(), hourlyCost: hourly.get(key), onStaffTab: hourly.has(key) });
  }
  return people;
}

const money = (n: number | undefined): number | '' => (n === undefined ? '' : n);

function figureCells(
  cost: InterventionCost,
  impact: InterventionImpact,
): Record<string, string | number> {
  const score = impact.averageScoreChange;
  const unit = impact.costPerUnit;
  return {
    'Cost (planned)': cost.planned,
    'Cost to date': cost.toDate,
    'Cost per pupil': money(cost.perPupil),
    'Cost band': cost.band ?? '',
    'Cost leaves out':
      cost.leavesOut.length > 0 ? `Cost leaves out: ${cost.leavesOut.join(', ')}` : '',
    'Pupils with an outcome': impact.pupilsWithOutcome,
    'Average outcome score': money(impact.averageOutcome),
    'Met target':
      impact.metTarget.of > 0 ? `${impact.metTarget.met} of ${impact.metTarget.of}` : '',
    'Average ratio gain': money(impact.averageRatioGain?.ratio),
    'Average score change': score
      ? `${score.points >= 0 ? '+' : ''}${score.points} points (${score.eefMonths >= 0 ? '+' : ''}${score.eefMonths} months)`
      : '',
    'Cost per pupil meeting target': money(impact.costPerPupilMeetingTarget),
    'Cost per unit of progress': unit ? `${formatPounds(unit.pounds)} ${unit.label}` : '',
  };
}
