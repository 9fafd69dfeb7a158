/**
 * Calendar days (yyyy-mm-dd) for the trial server and the demo school. The emulated clock is an
 * instant; the user picks days, read and written in the spreadsheet's time zone.
 */
import { dayKey, zonedTimeToUtc } from '../src/services';

/** A calendar day, yyyy-mm-dd. */
export type IsoDay = string;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseIsoDay(day: string): [number, number, number] | undefined {
  const match = ISO_DAY.exec(day);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  const real =
    date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  return real ? [y, m, d] : undefined;
}

export function isIsoDay(value: string): boolean {
  return parseIsoDay(value) !== undefined;
}

function mustParse(day: IsoDay): [number, number, number] {
  const parts = parseIsoDay(day);
  if (!parts) throw new Error(`Not a calendar date (yyyy-mm-dd): ${day}`);
  return parts;
}

/** The instant when the zone's clocks show hour:minute on that day. */
export function zonedTime(day: IsoDay, hour: number, minute: number, timeZone: string): Date {
  const [year, month, d] = mustParse(day);
  return zonedTimeToUtc({ year, month, day: d, hour, minute }, timeZone);
}

/** The calendar day an instant falls on in the zone. */
export function isoDayInZone(date: Date, timeZone: string): IsoDay {
  return dayKey(date, timeZone);
}

export function addDays(day: IsoDay, days: number): IsoDay {
  const [y, m, d] = mustParse(day);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The Monday of the week the day falls in (schools plan in weeks). */
export function mondayOf(day: IsoDay): IsoDay {
  const [y, m, d] = mustParse(day);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}
