/**
 * The provision map at a glance: the grid schools print for governors. Rows are areas of need
 * (each pupil's primary need), columns are year groups; each cell says how many interventions and
 * pupils, the sessions and minutes a week those interventions take, and what the cell's places
 * cost. Totals count distinct interventions and pupils (an intervention with pupils in two year
 * groups is one intervention in its row), so they are not always the sums of their cells.
 *
 * A place counts when its pupil took part (Started, Finished or Stopped) in an intervention that
 * runs during the period: "this term" or "this year" (the academic year).
 */
import { addDays, startOfDay } from 'date-fns';
import { academicYearOf, type SchoolCalendar } from './calendar';
import { plannedEndDate } from './dates';
import type {
  InterventionFigureFacts,
  PlaceFigureFacts,
  PupilFigureFacts,
} from './provision-facts';
import { afterSchoolWeeks } from './schedule';
import { NEED_CODE_LIST, NEED_CODES, YEAR_GROUPS, type NeedCode } from './workbook';

export interface GlancePeriod {
  name: string;
  from: Date;
  /** Inclusive. */
  to: Date;
}

/** Whether an intervention runs on any day from `from` to `to` (inclusive). */
export type RunsBetween = (intervention: InterventionFigureFacts, from: Date, to: Date) => boolean;

export interface GlanceFacts {
  interventions: readonly InterventionFigureFacts[];
  places: readonly PlaceFigureFacts[];
  pupils: readonly PupilFigureFacts[];
}

export interface GlanceFigures {
  interventions: number;
  pupils: number;
  sessionsPerWeek: number;
  minutesPerWeek: number;
  /** £, to the penny. */
  cost: number;
}

export interface GlanceGrid {
  period: GlancePeriod;
  /** Rows: NEED_CODES order, then pupils with no primary need recorded (only if any). */
  needs: { code: NeedCode | ''; need: string }[];
  /** Columns: YEAR_GROUPS order, only those with a pupil in provision, then any others. */
  yearGroups: string[];
  /** cells[row][column]. */
  cells: GlanceFigures[][];
  rowTotals: GlanceFigures[];
  columnTotals: GlanceFigures[];
  total: GlanceFigures;
  /** Interventions in the grid with no cost worked out yet (they add £0). */
  notCosted: string[];
  /** Interventions with pupils taking part but no start date: they cannot be placed in time. */
  undated: string[];
}

const TAKING_PART = new Set(['Started', 'Finished', 'Stopped']);
export const NO_NEED_RECORDED = 'No primary need recorded';
export const NO_YEAR_GROUP_RECORDED = 'Year group not recorded';

/** The day after a stopped intervention's stop, when that is before its planned end. */
function endWithStop(i: InterventionFigureFacts, end: Date | undefined): Date | undefined {
  if (i.status !== 'Stopped' || !i.stoppedOn) return end;
  const stop = addDays(startOfDay(i.stoppedOn), 1);
  return end === undefined || stop < end ? stop : end;
}

function runsWithEnd(
  i: InterventionFigureFacts,
  from: Date,
  to: Date,
  endAfter: (start: Date, weeks: number) => Date,
): boolean {
  if (!i.startDate) return false;
  const start = startOfDay(i.startDate);
  // With no length the end is unknown: it may still be running.
  const weeks = i.lengthWeeks !== undefined && i.lengthWeeks > 0 ? i.lengthWeeks : undefined;
  const end = endWithStop(i, weeks === undefined ? undefined : endAfter(start, weeks));
  return start <= startOfDay(to) && (end === undefined || end > startOfDay(from));
}

/** Its run as calendar weeks from its start date (the fallback when there are no term dates). */
export const runsBetweenCalendarWeeks: RunsBetween = (i, from, to) =>
  runsWithEnd(i, from, to, plannedEndDate);

/** Its run as school weeks, so holidays lengthen it as they do its review dates. */
export function runsBetweenSchoolWeeks(calendar: SchoolCalendar): RunsBetween {
  return (i, from, to) =>
    runsWithEnd(i, from, to, (start, weeks) => afterSchoolWeeks(start, weeks, calendar));
}

/**
 * The term containing `today` (a Term row on the Settings tab); in a holiday, the term just ended,
 * which is the one a report then looks back on; before the first term, the first. Undefined with
 * no Term rows.
 */
export function thisTerm(calendar: SchoolCalendar, today: Date): GlancePeriod | undefined {
  const day = startOfDay(today);
  const terms = calendar.rows
    .filter((r) => r.kind === 'Term')
    .map((r) => ({ name: r.name, from: startOfDay(r.from), to: startOfDay(r.to) }))
    .sort((a, b) => a.from.getTime() - b.from.getTime());
  const current = terms.find((t) => t.from <= day && day <= t.to);
  const ended = terms.filter((t) => t.to < day).pop();
  return current ?? ended ?? terms[0];
}

/** The academic year (1 September to 31 August) that academicYearOf gives for `today`. */
export function thisYear(today: Date): GlancePeriod {
  const year = academicYearOf(today);
  const next = String((year + 1) % 100).padStart(2, '0');
  return { name: `${year}/${next}`, from: new Date(year, 8, 1), to: new Date(year + 1, 7, 31) };
}

interface Counted {
  intervention: InterventionFigureFacts;
  pupilId: string;
  row: number;
  column: string;
  /** This place's share of the intervention's cost; undefined when it is not costed. */
  cost: number | undefined;
}

const pence = (pounds: number): number => Math.round(pounds * 100) / 100;

function figuresOf(places: readonly Counted[]): GlanceFigures {
  const interventions = new Map(places.map((p) => [p.intervention.id, p.intervention]));
  let sessionsPerWeek = 0;
  let minutesPerWeek = 0;
  for (const i of interventions.values()) {
    sessionsPerWeek += i.sessionsPerWeek ?? 0;
    minutesPerWeek += (i.sessionsPerWeek ?? 0) * (i.minutesPerSession ?? 0);
  }
  return {
    interventions: interventions.size,
    pupils: new Set(places.map((p) => p.pupilId)).size,
    sessionsPerWeek,
    minutesPerWeek,
    cost: pence(places.reduce((sum, p) => sum + (p.cost ?? 0), 0)),
  };
}

/** Known year groups in school order, then any other text as typed, then the blank ones. */
function columnOrder(seen: ReadonlySet<string>): string[] {
  const known: readonly string[] = YEAR_GROUPS;
  const others = [...seen].filter((y) => !known.includes(y) && y !== NO_YEAR_GROUP_RECORDED);
  return [
    ...known.filter((y) => seen.has(y)),
    ...others.sort(),
    ...(seen.has(NO_YEAR_GROUP_RECORDED) ? [NO_YEAR_GROUP_RECORDED] : []),
  ];
}

export function provisionGlance(
  facts: GlanceFacts,
  period: GlancePeriod,
  runsBetween: RunsBetween = runsBetweenCalendarWeeks,
): GlanceGrid {
  const interventions = new Map(facts.interventions.map((i) => [i.id, i]));
  const pupils = new Map(facts.pupils.map((p) => [p.id, p]));
  // One place per pupil and intervention, whatever the rows say.
  const taking = new Map<string, PlaceFigureFacts>();
  for (const place of facts.places) {
    if (TAKING_PART.has(place.status) && interventions.has(place.interventionId)) {
      taking.set(`${place.interventionId}\u0000${place.pupilId}`, place);
    }
  }
  const takingPart = new Map<string, number>();
  for (const place of taking.values()) {
    takingPart.set(place.interventionId, (takingPart.get(place.interventionId) ?? 0) + 1);
  }
  const costPerPupil = (i: InterventionFigureFacts): number | undefined => {
    const basis = i.status === 'Stopped' ? i.costToDate : i.costPlanned;
    const n = takingPart.get(i.id) ?? 0;
    return basis === undefined || n === 0 ? undefined : basis / n;
  };

  const rowOf = (code: NeedCode | '') =>
    code === '' ? NEED_CODE_LIST.length : NEED_CODE_LIST.indexOf(code);
  const counted: Counted[] = [];
  const undated = new Set<string>();
  for (const place of taking.values()) {
    const intervention = interventions.get(place.interventionId);
    if (!intervention) continue;
    if (!intervention.startDate) undated.add(intervention.name || intervention.id);
    if (!runsBetween(intervention, period.from, period.to)) continue;
    const pupil = pupils.get(place.pupilId);
    counted.push({
      intervention,
      pupilId: place.pupilId,
      row: rowOf(pupil?.primaryNeed ?? ''),
      column: pupil?.yearGroup.trim() || NO_YEAR_GROUP_RECORDED,
      cost: costPerPupil(intervention),
    });
  }

  const yearGroups = columnOrder(new Set(counted.map((c) => c.column)));
  const needs: GlanceGrid['needs'] = NEED_CODE_LIST.map((code) => ({
    code,
    need: NEED_CODES[code],
  }));
  if (counted.some((c) => c.row === NEED_CODE_LIST.length)) {
    needs.push({ code: '', need: NO_NEED_RECORDED });
  }
  const inRow = (r: number) => counted.filter((c) => c.row === r);
  const inColumn = (y: string) => counted.filter((c) => c.column === y);
  const notCosted = new Set(
    counted
      .filter((c) => c.cost === undefined)
      .map((c) => c.intervention.name || c.intervention.id),
  );
  return {
    period,
    needs,
    yearGroups,
    cells: needs.map((_, r) =>
      yearGroups.map((y) => figuresOf(inRow(r).filter((c) => c.column === y))),
    ),
    rowTotals: needs.map((_, r) => figuresOf(inRow(r))),
    columnTotals: yearGroups.map((y) => figuresOf(inColumn(y))),
    total: figuresOf(counted),
    notCosted: [...notCosted].sort(),
    undated: [...undated].sort(),
  };
}

export const GLANCE_MEASURES: readonly { key: keyof GlanceFigures; title: string }[] = [
  { key: 'interventions', title: 'Interventions' },
  { key: 'pupils', title: 'Pupils' },
  { key: 'sessionsPerWeek', title: 'Sessions a week' },
  { key: 'minutesPerWeek', title: 'Minutes a week' },
  { key: 'cost', title: 'Cost (£)' },
];

export interface GlanceTable {
  title: string;
  header: string[];
  /** One per area of need, then the totals row: the row's words, then numbers. */
  rows: (string | number)[][];
}

/** The grid as one table per measure (five year-group grids print; one wide one does not). */
export function glanceTables(grid: GlanceGrid): GlanceTable[] {
  return GLANCE_MEASURES.map(({ key, title }) => ({
    title: `${title}, ${grid.period.name}`,
    header: ['Area of need', ...grid.yearGroups, 'Total'],
    rows: [
      ...grid.needs.map((n, r) => [
        n.need,
        ...(grid.cells[r] ?? []).map((cell) => cell[key]),
        grid.rowTotals[r]?.[key] ?? 0,
      ]),
      ['Total', ...grid.columnTotals.map((cell) => cell[key]), grid.total[key]],
    ],
  }));
}
