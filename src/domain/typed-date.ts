/**
 * Reading a date as staff type it or a school's MIS writes it, in UK order (day, month, year), and
 * saying why something that looks like a date is not one ("31 February 2026 is not a date: February
 * 2026 has 28 days"), so a message can tell the person exactly what to correct.
 */
import { getDaysInMonth } from 'date-fns';

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export type DateReading =
  /** A real date, as yyyy-mm-dd. */
  | { kind: 'date'; iso: string }
  /**
   * Written as a date, but no such day: `reason` says why ("February 2026 has 28 days"); `words`
   * is the date as a person reads it ("31 February 2026") when the month is a real one.
   */
  | { kind: 'no such day'; reason: string; words?: string }
  /** Not written in any of the ways a date is read. */
  | { kind: 'unreadable' };

interface Parts {
  year: number;
  month: number;
  day: number;
  /** Whether the day came first (d/m/yyyy), so a month over 12 may be a day written second. */
  dayFirst: boolean;
}

/** The year, month and day of text written as a date, or undefined when it is not written so. */
function partsOf(text: string): Parts | undefined {
  // A time after the date, as spreadsheets export it, is ignored.
  const value = text
    .trim()
    .replace(/[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/i, '')
    .trim();
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(value);
  if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), dayFirst: false };
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (m) return { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]), dayFirst: true };
  m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?,?[\s-]+(\d{4})$/i.exec(value);
  if (m) {
    const word = m[2]!.toLowerCase();
    const month = MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(word));
    if (month < 0) return undefined;
    return { year: Number(m[3]), month: month + 1, day: Number(m[1]), dayFirst: true };
  }
  return undefined;
}

function two(n: number): string {
  return String(n).padStart(2, '0');
}

/** Reads `text` as a date: a real one, one that looks like a date but is not, or neither. */
export function readDate(text: string): DateReading {
  const parts = partsOf(text);
  if (!parts) return { kind: 'unreadable' };
  const { year, month, day, dayFirst } = parts;
  if (month < 1 || month > 12) {
    const swapped = dayFirst && month > 12 && day >= 1 && day <= 12;
    return {
      kind: 'no such day',
      reason: swapped
        ? `there is no month ${month}: write the day first, then the month`
        : `there is no month ${month}`,
    };
  }
  const monthName = MONTH_NAMES[month - 1]!;
  const days = getDaysInMonth(new Date(year, month - 1, 1));
  if (day < 1) return { kind: 'no such day', reason: `there is no day ${day} of a month` };
  if (day > days) {
    return {
      kind: 'no such day',
      reason: `${monthName} ${year} has ${days} days`,
      words: `${day} ${monthName} ${year}`,
    };
  }
  return { kind: 'date', iso: `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}` };
}
