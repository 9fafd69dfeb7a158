/**
 * The school calendar: which days are school days (terms minus holidays, bank holidays and INSET
 * days, and never weekends). Pure: built from the Settings tab's term-date rows
 * (src/store/calendar.ts reads them).
 *
 * Rules:
 * - Saturdays and Sundays are never school days; nor is any day of a Holiday, Bank holiday or
 *   INSET day row.
 * - With no Term rows at all, every other weekday is a school day.
 * - With Term rows, a weekday is a school day when it falls in a term. Between the first term's
 *   start and the last term's end, a day in no term is a holiday (the gap between two terms).
 * - Beyond the dates the Settings tab covers, the add-on cannot know the school's terms: a weekday
 *   counts as a school day, except in the summer holiday (from the day after a summer term ends
 *   to 31 August) and in August.
 * - A summer term is a term whose last day is in June, July or August (so a "Summer 1" term that
 *   ends in May is not one).
 */
import { addDays, isWeekend, startOfDay, subDays } from 'date-fns';

export type TermDateKind = 'Term' | 'Holiday' | 'Bank holiday' | 'INSET day';
export const TERM_DATE_KINDS: readonly TermDateKind[] = [
  'Term',
  'Holiday',
  'Bank holiday',
  'INSET day',
];

export interface TermDateRow {
  kind: TermDateKind;
  name: string;
  from: Date;
  /** Inclusive; the same as `from` for a single day. */
  to: Date;
}

export interface SchoolCalendar {
  rows: readonly TermDateRow[];
  isSchoolDay(date: Date): boolean;
  /** The first school day on or after `date`. */
  nextSchoolDay(date: Date): Date;
  /** The last school day on or before `date`. */
  previousSchoolDay(date: Date): Date;
  /** The date `days` school days after `date` (0: `date` itself if a school day, else the next). */
  addSchoolDays(date: Date, days: number): Date;
  /**
   * The last school day of the first summer term that ends on or after `from` and before `to`
   * (so `to` is in, or after, that summer holiday); undefined when there is none.
   */
  summerTermEndBetween(from: Date, to: Date): Date | undefined;
}

/** Far enough to cross any holiday; stops a runaway search on a strange calendar. */
const SEARCH_LIMIT = 400;

interface Span {
  from: number;
  to: number;
}

export function schoolCalendar(rows: readonly TermDateRow[]): SchoolCalendar {
  const span = (r: TermDateRow): Span => {
    const a = startOfDay(r.from).getTime();
    const b = startOfDay(r.to).getTime();
    return { from: Math.min(a, b), to: Math.max(a, b) };
  };
  const terms = rows
    .filter((r) => r.kind === 'Term')
    .map(span)
    .sort((a, b) => a.from - b.from);
  const closed = rows.filter((r) => r.kind !== 'Term').map(span);
  const first = terms[0];
  const last = terms[terms.length - 1];
  const within = (t: number, spans: readonly Span[]) => spans.some((s) => s.from <= t && t <= s.to);

  /** The term that ended most recently before `t` (none if `t` is in a term or before all). */
  const termEndedBefore = (t: number): Span | undefined => {
    let found: Span | undefined;
    for (const term of terms) {
      if (term.from <= t && t <= term.to) return undefined;
      if (term.to < t && (!found || term.to > found.to)) found = term;
    }
    return found;
  };
  /** Whether `t` lies after a summer term and before 1 September or the next term. */
  const inSummerHolidayAfter = (t: number): Span | undefined => {
    const before = termEndedBefore(t);
    if (!before || !isSummerEnd(before.to)) return undefined;
    const nextStart = terms.find((term) => term.from > before.to)?.from;
    if (nextStart !== undefined) return t < nextStart ? before : undefined;
    const end = new Date(before.to);
    return t < new Date(end.getFullYear(), 8, 1).getTime() ? before : undefined;
  };

  const isSchoolDay = (date: Date): boolean => {
    const day = startOfDay(date);
    if (isWeekend(day)) return false;
    const t = day.getTime();
    if (within(t, closed)) return false;
    if (!first || !last) return true;
    if (within(t, terms)) return true;
    if (t > first.from && t < last.to) return false;
    if (day.getMonth() === 7) return false; // August, in a year the Settings tab does not cover
    return t < first.from || !inSummerHolidayAfter(t);
  };
  const nextSchoolDay = (date: Date): Date => {
    let day = startOfDay(date);
    for (let i = 0; i < SEARCH_LIMIT && !isSchoolDay(day); i += 1) day = addDays(day, 1);
    return day;
  };
  const previousSchoolDay = (date: Date): Date => {
    let day = startOfDay(date);
    for (let i = 0; i < SEARCH_LIMIT && !isSchoolDay(day); i += 1) day = subDays(day, 1);
    return day;
  };
  const addSchoolDays = (date: Date, days: number): Date => {
    let day = nextSchoolDay(date);
    for (let i = 0; i < days; i += 1) day = nextSchoolDay(addDays(day, 1));
    return day;
  };
  const summerTermEndBetween = (from: Date, to: Date): Date | undefined => {
    const a = startOfDay(from).getTime();
    const b = startOfDay(to).getTime();
    const term = terms.find((t) => isSummerEnd(t.to) && a <= t.to && t.to < b);
    return term ? previousSchoolDay(new Date(term.to)) : undefined;
  };
  return {
    rows,
    isSchoolDay,
    nextSchoolDay,
    previousSchoolDay,
    addSchoolDays,
    summerTermEndBetween,
  };
}

function isSummerEnd(time: number): boolean {
  const month = new Date(time).getMonth();
  return month >= 5 && month <= 7;
}

// ---------------------------------------------------------------------------------------------
// A typical English school year, to pre-fill the Settings tab (the school then edits it)

/**
 * Easter Sunday (Gregorian) by the anonymous algorithm (Meeus/Jones/Butcher).
 */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(year, month - 1, day);
}

/** The Monday of the week (Monday to Sunday) containing `date`. */
export function mondayOf(date: Date): Date {
  const day = startOfDay(date);
  return subDays(day, (day.getDay() + 6) % 7);
}

function firstMondayOnOrAfter(date: Date): Date {
  const day = startOfDay(date);
  return addDays(day, (8 - day.getDay()) % 7);
}

function lastMondayOf(year: number, month: number): Date {
  return mondayOf(new Date(year, month + 1, 0));
}

function weekdayOnOrAfter(date: Date): Date {
  let day = startOfDay(date);
  while (isWeekend(day)) day = addDays(day, 1);
  return day;
}

function weekdayOnOrBefore(date: Date): Date {
  let day = startOfDay(date);
  while (isWeekend(day)) day = subDays(day, 1);
  return day;
}

/**
 * England's bank holidays from 1 September `year` to 31 August `year + 1`. Christmas Day, Boxing
 * Day and New Year's Day falling at a weekend have a substitute day on the next free weekday.
 * (One-off bank holidays, such as for a coronation, must be added by hand.)
 */
export function englandBankHolidays(year: number): TermDateRow[] {
  const next = year + 1;
  const easter = easterSunday(next);
  const taken = new Set<number>();
  const rows: TermDateRow[] = [];
  const add = (name: string, date: Date) => {
    taken.add(date.getTime());
    rows.push({ kind: 'Bank holiday', name, from: date, to: date });
  };
  // Weekday dates first, then the weekend ones move to the next free weekday, in order.
  const withSubstitutes = (days: [string, Date][]) => {
    for (const [name, date] of days) if (!isWeekend(date)) add(name, date);
    for (const [name, date] of days) {
      if (!isWeekend(date)) continue;
      let day = addDays(date, 1);
      while (isWeekend(day) || taken.has(day.getTime())) day = addDays(day, 1);
      add(`${name} (substitute day)`, day);
    }
  };
  withSubstitutes([
    ['Christmas Day', new Date(year, 11, 25)],
    ['Boxing Day', new Date(year, 11, 26)],
  ]);
  withSubstitutes([["New Year's Day", new Date(next, 0, 1)]]);
  add('Good Friday', subDays(easter, 2));
  add('Easter Monday', addDays(easter, 1));
  add('Early May bank holiday', firstMondayOnOrAfter(new Date(next, 4, 1)));
  add('Spring bank holiday', lastMondayOf(next, 4));
  add('Summer bank holiday', lastMondayOf(next, 7));
  return rows.sort((a, b) => a.from.getTime() - b.from.getTime());
}

/**
 * A typical English school year from September `year` to July `year + 1`, by these rules:
 * - Autumn term: from the first weekday on or after 1 September to the Friday before the
 *   Christmas holiday. October half term: the last Monday-to-Friday week wholly in October.
 * - Christmas holiday: two weeks, from the Monday of the week of Christmas Day to the Sunday of the
 *   week of New Year's Day.
 * - Spring term: from the Monday after the Christmas holiday to Good Friday. February half term:
 *   the week starting on the first Monday on or after 12 February.
 * - Easter holiday: the two weeks from Easter Monday (Easter worked out by the usual algorithm).
 * - Summer term: from the Monday after the Easter holiday to 21 July (the Friday before when
 *   21 July is at a weekend). May half term: the week of the Spring bank holiday.
 * - Bank holidays in England (see englandBankHolidays).
 * - Five INSET days: the first two weekdays of the autumn term, the first weekday of the spring and
 *   summer terms, and the last weekday of the summer term (never on a bank holiday).
 * Listed in date order. Every school's dates differ: the school should edit them to its own.
 */
export function typicalSchoolYear(year: number): TermDateRow[] {
  const next = year + 1;
  const week = (kind: TermDateKind, name: string, monday: Date, days = 5): TermDateRow => ({
    kind,
    name,
    from: monday,
    to: addDays(monday, days - 1),
  });
  const range = (kind: TermDateKind, name: string, from: Date, to: Date): TermDateRow => ({
    kind,
    name,
    from,
    to,
  });

  const autumnStart = weekdayOnOrAfter(new Date(year, 8, 1));
  const christmasStart = mondayOf(new Date(year, 11, 25));
  const springStart = addDays(mondayOf(new Date(next, 0, 1)), 7);
  const octoberHalfTerm = mondayOf(subDays(new Date(year, 9, 31), 4));
  const februaryHalfTerm = firstMondayOnOrAfter(new Date(next, 1, 12));
  const easterMonday = addDays(easterSunday(next), 1);
  const summerStart = addDays(easterMonday, 14);
  const summerEnd = weekdayOnOrBefore(new Date(next, 6, 21));
  const mayHalfTerm = lastMondayOf(next, 4);

  const bankHolidays = englandBankHolidays(year);
  const isBankHoliday = (date: Date) =>
    bankHolidays.some((b) => b.from.getTime() === date.getTime());
  const inset = (name: string, from: Date, step: 1 | -1): TermDateRow => {
    let day = from;
    while (isWeekend(day) || isBankHoliday(day)) day = addDays(day, step);
    return { kind: 'INSET day', name, from: day, to: day };
  };
  const firstInset = inset('INSET day', autumnStart, 1);

  const rows: TermDateRow[] = [
    range('Term', 'Autumn term', autumnStart, subDays(christmasStart, 3)),
    week('Holiday', 'October half term', octoberHalfTerm),
    range('Holiday', 'Christmas holiday', christmasStart, subDays(springStart, 1)),
    range('Term', 'Spring term', springStart, subDays(easterMonday, 3)),
    week('Holiday', 'February half term', februaryHalfTerm),
    range('Holiday', 'Easter holiday', easterMonday, subDays(summerStart, 1)),
    range('Term', 'Summer term', summerStart, summerEnd),
    week('Holiday', 'May half term', mayHalfTerm),
    ...bankHolidays,
    firstInset,
    inset('INSET day', addDays(firstInset.from, 1), 1),
    inset('INSET day', springStart, 1),
    inset('INSET day', summerStart, 1),
    inset('INSET day', summerEnd, -1),
  ];
  const order = (kind: TermDateKind) => TERM_DATE_KINDS.indexOf(kind);
  return rows.sort((a, b) => a.from.getTime() - b.from.getTime() || order(a.kind) - order(b.kind));
}

/** The first calendar year of the academic year containing `today` (from August: the coming one). */
export function academicYearOf(today: Date): number {
  return today.getMonth() >= 7 ? today.getFullYear() : today.getFullYear() - 1;
}
