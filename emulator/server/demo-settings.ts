/**
 * What the demo SENCo adds to the Settings tab after "Set up provision map": last school year's
 * term dates (the demo has a year of history, whose review dates should skip that year's
 * holidays), a BPVS measure for the speech and language therapist's results, and the number of
 * pupils on roll, so the SEN report shows percentages. Also the school days the demo's dated
 * events (decisions, final results) fall on.
 */
import type { Emulator } from '../src/index';
import { editCellAsUser } from '../src/spreadsheet';
import {
  academicYearOf,
  mondayOf,
  schoolCalendar,
  typicalSchoolYear,
  type SchoolCalendar,
} from '../../src/domain/calendar';
import type { IsoDay } from './time';

/** A one-form-entry primary: 30 places in each of seven year groups. */
export const PUPILS_ON_ROLL = 210;

export function seedDemoSettings(emulator: Emulator, today: IsoDay): void {
  const lastYear = academicYearOf(localDate(today)) - 1;
  emulator.appendRecords('Settings', [
    ...typicalSchoolYear(lastYear).map((row) => ({
      Setting: row.kind,
      Value: row.name,
      Notes: `Last school year (${lastYear} to ${lastYear + 1})`,
      From: row.from,
      To: row.to.getTime() === row.from.getTime() ? '' : row.to,
    })),
    {
      Setting: 'Measure',
      Value: 'BPVS score',
      Notes: 'British Picture Vocabulary Scale: a standardised score (mean 100, SD 15)',
      Kind: 'Standardised score',
      'Better when': 'Higher',
    },
  ]);
  typeIntoCell(
    emulator,
    'Settings',
    { Setting: 'Pupils on roll' },
    'Value',
    String(PUPILS_ON_ROLL),
  );
}

/** A person typing into the cell under `header` of the first row whose cells match `where`. */
export function typeIntoCell(
  emulator: Emulator,
  tab: string,
  where: Record<string, string>,
  header: string,
  text: string,
): void {
  const [headers = [], ...rows] = emulator.values(tab);
  const names = headers.map(String);
  const column = names.indexOf(header);
  const index = rows.findIndex((row) =>
    Object.entries(where).every(([key, value]) => String(row[names.indexOf(key)]) === value),
  );
  if (column < 0 || index < 0) {
    throw new Error(`The demo found no ${header} cell in ${tab} for ${JSON.stringify(where)}`);
  }
  // Row 1 is the header, so the first data row is row 2.
  editCellAsUser(emulator.rt, tab, index + 2, column + 1, text);
}

/** School days by the typical term dates of this school year and the last (as on Settings). */
export interface SchoolDays {
  /** The day itself when it is a school day, else the next one. */
  onOrAfter(day: IsoDay): IsoDay;
  /** The last school day before the day. */
  before(day: IsoDay): IsoDay;
  /** The first school day of that week of a term of last school year (1: its first week). */
  lastYear(term: string, week: number): IsoDay;
}

export function demoSchoolDays(today: IsoDay): SchoolDays {
  const year = academicYearOf(localDate(today));
  const lastYear = typicalSchoolYear(year - 1);
  const calendar: SchoolCalendar = schoolCalendar([...lastYear, ...typicalSchoolYear(year)]);
  const onOrAfter = (day: Date): IsoDay => isoOf(calendar.nextSchoolDay(day));
  return {
    onOrAfter: (day) => onOrAfter(localDate(day)),
    before: (day) => {
      const d = localDate(day);
      d.setDate(d.getDate() - 1);
      return isoOf(calendar.previousSchoolDay(d));
    },
    lastYear: (term, week) => {
      const row = lastYear.find((r) => r.kind === 'Term' && r.name === term);
      if (!row) throw new Error(`The typical school year has no ${term}`);
      const monday = mondayOf(row.from);
      monday.setDate(monday.getDate() + (week - 1) * 7);
      return onOrAfter(monday < row.from ? row.from : monday);
    },
  };
}

/** Midnight of the day where the script runs (the calendar's dates are local, as in the add-on). */
function localDate(day: IsoDay): Date {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(y, m - 1, d);
}

function isoOf(date: Date): IsoDay {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
