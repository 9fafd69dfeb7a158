/**
 * The school calendar from the Settings tab's term-date rows: Setting is 'Term', 'Holiday',
 * 'Bank holiday' or 'INSET day', Value is its name, From and To its first and last days (To blank
 * for a single day). Rows without a date in From are skipped.
 */
import {
  schoolCalendar,
  TERM_DATE_KINDS,
  type SchoolCalendar,
  type TermDateKind,
  type TermDateRow,
} from '../domain/calendar';
import type { Table } from './table';

const KIND_BY_NAME = new Map(TERM_DATE_KINDS.map((kind) => [kind.toLowerCase(), kind]));

export function termDateKind(setting: string): TermDateKind | undefined {
  return KIND_BY_NAME.get(setting.trim().toLowerCase());
}

export function termDateRows(settings: Table): TermDateRow[] {
  const rows: TermDateRow[] = [];
  for (const row of settings.records()) {
    const kind = termDateKind(row.text('Setting'));
    const from = row.date('From');
    if (!kind || !from) continue;
    rows.push({ kind, name: row.text('Value'), from, to: row.date('To') ?? from });
  }
  return rows;
}

export function calendarFrom(settings: Table): SchoolCalendar {
  return schoolCalendar(termDateRows(settings));
}
