/**
 * "Start a new school year…": which interventions leave the working tabs for the archive tabs of
 * their year, the term dates the Settings tab gains, and what the SENCo is told before and after.
 * Pure: the store reads the rows (src/api/new-year.ts) and writes what this decides; the words
 * shown to the SENCo are in new-year-words.ts.
 *
 * The rules:
 * - School years run from 1 September to 31 August. The year being started is the one
 *   academicYearOf gives for today: from 1 August, the coming one.
 * - An intervention moves when it is Finished or Stopped (worked out from its places as
 *   lifecycle.ts does, so a Status cell left behind never moves work that is still running) and
 *   the last thing that happened to it falls in a school year before the one being started. That
 *   last date is the latest of its decision date, its reviews' "Done on" and its places' "Actual
 *   date"; with none recorded, the last day of its planned length; with no start date either, no
 *   year can be told and it stays (counted, so the SENCo hears of it).
 * - Its places (by Intervention ID) and its reviews (by Intervention ID or Participant ID) go with
 *   it, to the archive tabs of the year it ended in; nothing else moves.
 * - A record already in its archive tab (a move cut off before the working tabs were rewritten) is
 *   not added to it again, only taken off the working tab.
 * - Term dates: when no Term row starts in the year being started, a typical school year for it
 *   is added (typicalSchoolYear), for the school to change to its own; a school's own dates for
 *   that year are kept as they are. Past years' rows stay: they date the past reviews and costs.
 */
import { CELLS_WRITTEN_PER_CALL } from './call-costs';
import { addWeeks, startOfDay, subDays } from 'date-fns';
import { academicYearOf, typicalSchoolYear, type TermDateRow } from './calendar';
import { interventionStatus } from './lifecycle';

/** The Settings row that lists the years with archive tabs (read by the Dashboard). */
export const ARCHIVED_YEARS_SETTING = 'Archived school years';
export const ARCHIVED_YEARS_NOTE =
  'Written by "Start a new school year…": the Dashboard’s impact by type of provision, area of need and year group also counts the archive tabs of these years';

/** The school year (1 September to 31 August) a date falls in, by its first calendar year. */
export function schoolYearOfDate(date: Date): number {
  return date.getMonth() >= 8 ? date.getFullYear() : date.getFullYear() - 1;
}

/** 2025 → "2025-26". */
export function schoolYearLabel(year: number): string {
  return `${year}-${String((year + 1) % 100).padStart(2, '0')}`;
}

/** The archive tab of a working tab for a school year: "Archive 2025-26: Interventions". */
export function archiveTabName(year: number, tabName: string): string {
  return `Archive ${schoolYearLabel(year)}: ${tabName}`;
}

/** The years a Settings value lists ("2024-25, 2025-26"): each pair that reads as a school year. */
export function parseArchivedYears(value: string): number[] {
  const years = new Set<number>();
  for (const match of value.matchAll(/(\d{4})\s*[-/–]\s*(\d{2})(?!\d)/g)) {
    const year = Number(match[1]);
    if ((year + 1) % 100 === Number(match[2])) years.add(year);
  }
  return [...years].sort((a, b) => a - b);
}

export function archivedYearsText(years: readonly number[]): string {
  return [...new Set(years)]
    .sort((a, b) => a - b)
    .map(schoolYearLabel)
    .join(', ');
}

export interface InterventionRecord {
  id: string;
  status: string;
  decidedOn?: Date | undefined;
  startDate?: Date | undefined;
  lengthWeeks?: number | undefined;
}

export interface PlaceRecord {
  id: string;
  interventionId: string;
  status: string;
  actualDate?: Date | undefined;
}

export interface ReviewRecord {
  id: string;
  interventionId: string;
  participantId: string;
  doneOn?: Date | undefined;
}

/** What moves to one school year's archive tabs (IDs, in the order of the working tabs). */
export interface YearMove {
  year: number;
  interventions: string[];
  places: string[];
  reviews: string[];
}

export interface NewYearPlan {
  /** The school year being started. */
  year: number;
  /** Oldest year first; only years with something to move. */
  moves: YearMove[];
  /** Finished or stopped interventions with no date to tell their year by: they stay. */
  undated: number;
  /**
   * Interventions planned to end in a past school year but still open (an end review not
   * recorded, a pupil still Started, or never started): they stay, and the SENCo is told.
   */
  stillOpen: number;
  /** Term-date rows to add to the Settings tab ([] when the school has the year's dates). */
  termDates: TermDateRow[];
  /** Whether today is before August, when this year's own work cannot move yet. */
  midYear: boolean;
}

export interface NewYearInput {
  today: Date;
  interventions: readonly InterventionRecord[];
  places: readonly PlaceRecord[];
  reviews: readonly ReviewRecord[];
  termRows: readonly TermDateRow[];
}

const isFinishedOrStopped = (status: string) => status === 'Finished' || status === 'Stopped';

function latest(dates: readonly (Date | undefined)[]): Date | undefined {
  let found: Date | undefined;
  for (const date of dates) if (date && (!found || date > found)) found = date;
  return found;
}

/** The last thing that happened to an intervention (see the rules above). */
export function lastDateOf(
  intervention: InterventionRecord,
  places: readonly PlaceRecord[],
  reviews: readonly ReviewRecord[],
): Date | undefined {
  const recorded = latest([
    intervention.decidedOn,
    ...reviews.map((r) => r.doneOn),
    ...places.map((p) => p.actualDate),
  ]);
  if (recorded) return startOfDay(recorded);
  const { startDate, lengthWeeks } = intervention;
  if (!startDate || lengthWeeks === undefined || lengthWeeks <= 0) return undefined;
  return subDays(addWeeks(startOfDay(startDate), lengthWeeks), 1);
}

/** The plan: what moves where, and the term dates to add. */
export function planNewYear(input: NewYearInput): NewYearPlan {
  const year = academicYearOf(input.today);
  const placesOf = new Map<string, PlaceRecord[]>();
  for (const place of input.places) {
    const list = placesOf.get(place.interventionId);
    if (list) list.push(place);
    else placesOf.set(place.interventionId, [place]);
  }
  const reviewsOf = new Map<string, ReviewRecord[]>();
  const placeOwner = new Map(input.places.map((p) => [p.id, p.interventionId]));
  for (const review of input.reviews) {
    const owner = review.interventionId || placeOwner.get(review.participantId) || '';
    const list = reviewsOf.get(owner);
    if (list) list.push(review);
    else reviewsOf.set(owner, [review]);
  }

  const yearOf = new Map<string, number>();
  let undated = 0;
  let stillOpen = 0;
  for (const intervention of input.interventions) {
    if (intervention.id === '' || yearOf.has(intervention.id)) continue;
    const places = placesOf.get(intervention.id) ?? [];
    const status = interventionStatus(
      intervention.status,
      places.map((p) => p.status),
    );
    if (!isFinishedOrStopped(status)) {
      const planned = lastDateOf(intervention, [], []);
      if (planned && schoolYearOfDate(planned) < year) stillOpen += 1;
      continue;
    }
    const last = lastDateOf(intervention, places, reviewsOf.get(intervention.id) ?? []);
    if (!last) {
      undated += 1;
      continue;
    }
    const ended = schoolYearOfDate(last);
    if (ended < year) yearOf.set(intervention.id, ended);
  }

  const moves = new Map<number, YearMove>();
  const moveOf = (id: string): YearMove | undefined => {
    const ended = yearOf.get(id);
    if (ended === undefined) return undefined;
    const move = moves.get(ended) ?? { year: ended, interventions: [], places: [], reviews: [] };
    moves.set(ended, move);
    return move;
  };
  const placeYear = new Map<string, YearMove>();
  for (const i of input.interventions) moveOf(i.id)?.interventions.push(i.id);
  for (const place of input.places) {
    const move = moveOf(place.interventionId);
    if (!move) continue;
    move.places.push(place.id);
    placeYear.set(place.id, move);
  }
  for (const review of input.reviews) {
    const move = moveOf(review.interventionId) ?? placeYear.get(review.participantId);
    move?.reviews.push(review.id);
  }
  for (const move of moves.values()) move.interventions = [...new Set(move.interventions)];

  return {
    year,
    moves: [...moves.values()].sort((a, b) => a.year - b.year),
    undated,
    stillOpen,
    termDates: termDatesToAdd(year, input.termRows),
    midYear: input.today.getMonth() < 7,
  };
}

/** A typical school year for `year` when no Term row starts in it; else nothing. */
export function termDatesToAdd(year: number, rows: readonly TermDateRow[]): TermDateRow[] {
  const covered = rows.some((r) => r.kind === 'Term' && schoolYearOfDate(r.from) === year);
  return covered ? [] : typicalSchoolYear(year);
}

/** The Settings rows for the term dates added: as set-up writes them, a note to check them. */
export function termDateSettingRows(
  year: number,
  rows: readonly TermDateRow[],
): { setting: string; value: string; notes: string; from: Date; to: Date | '' }[] {
  return rows.map((row, i) => ({
    setting: row.kind,
    value: row.name,
    notes:
      i === 0
        ? `Typical dates for ${year} to ${year + 1}, added by "Start a new school year…": change these rows to your school's own term dates, holidays and INSET days (used for review dates)`
        : "Typical date: change it to your school's own",
    from: row.from,
    to: row.to.getTime() === row.from.getTime() ? '' : row.to,
  }));
}

// ---------------------------------------------------------------------------------------------
// Taking the rows off a working tab

/** Writing the rows kept, and deleting the tail they leave: about three calls. */
const REWRITE_CALLS = 3;

/** Runs of neighbouring rows to delete, or one rewrite of the rows kept from a row down. */
export type Removal =
  { kind: 'runs'; runs: { from: number; count: number }[] } | { kind: 'rewrite'; from: number };

/**
 * How to take rows (data-row indices) off a tab of `rows` rows and `width` columns: each run of
 * neighbouring rows deleted on its own, the usual case, as finished work sits together at the
 * top; or, when the rows are scattered (a tab sorted by pupil, say) so that the runs would cost
 * more calls than rewriting the rows kept below the first one, that rewrite.
 */
export function removalOf(indexes: readonly number[], rows: number, width: number): Removal {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const runs: { from: number; count: number }[] = [];
  for (const index of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.from + last.count === index) last.count += 1;
    else runs.push({ from: index, count: 1 });
  }
  const first = sorted[0] ?? rows;
  const keptCells = (rows - first - sorted.length) * width;
  if (runs.length > REWRITE_CALLS + keptCells / CELLS_WRITTEN_PER_CALL)
    return { kind: 'rewrite', from: first };
  return { kind: 'runs', runs };
}
