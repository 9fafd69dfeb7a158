/**
 * The archive tabs of past school years ("Archive 2025-26: Interventions", …): read, created
 * and appended to, with the working tab's headers, found by header name like every other tab.
 */
import type { ArchivedRuns } from '../domain/amalgamate';
import { cellToText, toCell, type CellInput } from '../domain/cells';
import { columnLetter } from '../domain/hand-edits';
import { archiveTabName, ARCHIVED_YEARS_SETTING, parseArchivedYears } from '../domain/new-year';
import type { Measure } from '../domain/measures';
import type { InterventionFigureFacts, PlaceFigureFacts } from '../domain/provision-facts';
import { TABS, type TabSpec } from '../domain/workbook';
import { settingValues } from './facts';
import { interventionFigureFacts, placeFigureFacts } from './figure-facts';
import { ensureRows, Table } from './table';
import { activeSpreadsheet } from './workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const ARCHIVE_PROTECTION =
  'Archive of a past school year, moved here by "Start a new school year…": kept as it was';

/** A working tab's spec under its archive name for a year. */
export function archiveSpec(spec: TabSpec, year: number): TabSpec {
  return { ...spec, name: archiveTabName(year, spec.name) };
}

/** The years the Settings tab lists as archived ("Archived school years"). */
export function archivedYearsOn(settings: Table): number[] {
  return parseArchivedYears(cellToText(settingValues(settings)[ARCHIVED_YEARS_SETTING]));
}

/** An archive tab read whole (one getValues), or undefined when there is none. */
export function readArchive(
  spreadsheet: Spreadsheet,
  spec: TabSpec,
  year: number,
  sheet?: Sheet | null,
): Table | undefined {
  const archive = archiveSpec(spec, year);
  const found = sheet === undefined ? spreadsheet.getSheetByName(archive.name) : sheet;
  if (!found) return undefined;
  const [header = [], ...rows] = found.getDataRange().getValues();
  return new Table(archive, found, header.map(cellToText), rows);
}

/** The rows to add to one archive tab, already in its column order. */
export interface ArchiveWrite {
  spec: TabSpec;
  /** The archive as read; undefined when the tab is to be made. */
  existing: Table | undefined;
  /** Its header row after the write: its own, then any working-tab column it lacked. */
  headers: string[];
  rows: CellInput[][];
}

/**
 * Lays out the working rows under the archive's headers (a column the school added to the
 * working tab since last year is added to the archive's end, so nothing is left behind).
 */
export function planArchiveWrite(
  spec: TabSpec,
  existing: Table | undefined,
  working: Table,
  rows: readonly number[],
): ArchiveWrite {
  const own = existing ? existing.headers.slice() : [];
  while (own.length > 0 && own[own.length - 1] === '') own.pop();
  const headers = [...own, ...working.headers.filter((h) => h !== '' && !own.includes(h))];
  const out = rows.map((index) => {
    const values = working.rows[index] ?? [];
    return headers.map((header) => {
      const column = working.columnOrUndefined(header);
      return column === undefined ? '' : toCell(values[column] as CellInput);
    });
  });
  return { spec, existing, headers, rows: out };
}

/** Makes the tab if it is missing and appends the rows, in one setValues. */
export function writeArchive(spreadsheet: Spreadsheet, write: ArchiveWrite): void {
  const width = write.headers.length;
  if (!write.existing) {
    const sheet = spreadsheet.insertSheet(write.spec.name, spreadsheet.getNumSheets());
    widen(sheet, width);
    const block = [write.headers.map((h) => toCell(h)), ...write.rows];
    ensureRows(sheet, block.length);
    sheet.getRange(1, 1, block.length, width).setValues(block);
    styleArchive(sheet, write);
    return;
  }
  const { sheet, headers: old, rows } = write.existing;
  const oldWidth = old.reduce((last, h, i) => (h !== '' ? i + 1 : last), 0);
  widen(sheet, width);
  if (width > oldWidth) {
    // Only the headers it lacked, after its own: nothing of the school's is overwritten.
    sheet
      .getRange(1, oldWidth + 1, 1, width - oldWidth)
      .setValues([write.headers.slice(oldWidth).map((h) => toCell(h))]);
  }
  if (write.rows.length === 0) return;
  const first = rows.length + 2;
  ensureRows(sheet, first + write.rows.length - 1);
  sheet.getRange(first, 1, write.rows.length, width).setValues(write.rows);
}

function widen(sheet: Sheet, width: number): void {
  const columns = sheet.getMaxColumns();
  if (columns < width) sheet.insertColumnsAfter(columns, width - columns);
}

/** Once, when made: frozen bold header, the working tab's number formats, a warning on edit. */
function styleArchive(sheet: Sheet, write: ArchiveWrite): void {
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, write.headers.length).setFontWeight('bold').setBackground('#f1f3f4');
  const byFormat = new Map<string, string[]>();
  for (const column of write.spec.columns) {
    const index = write.headers.indexOf(column.header) + 1;
    if (!column.format || index === 0) continue;
    const letter = columnLetter(index);
    byFormat.set(column.format, [...(byFormat.get(column.format) ?? []), `${letter}2:${letter}`]);
  }
  for (const [format, ranges] of byFormat) {
    sheet.getRangeList(ranges).setNumberFormat(format);
  }
  // Anyone may still correct a slip, after a warning: an archive is the record of a past year.
  sheet.protect().setDescription(ARCHIVE_PROTECTION).setWarningOnly(true);
}

/**
 * The interventions and places of every archived year the Settings tab lists, for the Dashboard's
 * impact tables: two reads a year (reviews are not needed: the outcomes are on the places), and
 * none at all, not even a look-up, while no year is archived.
 */
export function archivedRuns(settings: Table, measures: readonly Measure[]): ArchivedRuns {
  const interventions: InterventionFigureFacts[] = [];
  const places: PlaceFigureFacts[] = [];
  const years = archivedYearsOn(settings);
  if (years.length === 0) return { interventions, places };
  const spreadsheet = activeSpreadsheet();
  for (const year of years) {
    const runs = readArchive(spreadsheet, TABS.interventions, year);
    for (const row of runs?.records() ?? []) {
      if (row.id !== '') interventions.push(interventionFigureFacts(row));
    }
    const placed = readArchive(spreadsheet, TABS.participants, year);
    for (const row of placed?.records() ?? []) {
      if (row.id !== '') places.push(placeFigureFacts(row, measures));
    }
  }
  return { interventions, places };
}
