/**
 * Reading only the rows an operation needs: the header row, the key columns (IDs), then the
 * matching rows, in as few blocks as blocks.ts finds cheapest. A record's rows are found by the
 * IDs in them, wherever users have sorted or moved them since the last operation; whole-tab
 * reads (Table.read) stay for the whole-school jobs.
 */
import { cellToText } from '../domain/cells';
import { columnLetter } from '../domain/hand-edits';
import type { TabSpec } from '../domain/workbook';
import { planBlocks, READ_BLOCK_CELLS } from './blocks';
import { MissingColumnError, MissingTabError, Table } from './table';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** For each key column, the values a row may hold there to be read (any one is enough). */
export type RowMatch = Record<string, Iterable<string>>;

function sheetFor(spreadsheet: Spreadsheet, spec: TabSpec): Sheet {
  const sheet = spreadsheet.getSheetByName(spec.name);
  if (!sheet) throw new MissingTabError(spec.name);
  return sheet;
}

/** The header row, without the blank cells after the last header. */
function headerRow(sheet: Sheet, spec: TabSpec): string[] {
  const row = spec.headerRow ?? 1;
  const headers = (sheet.getRange(`${row}:${row}`).getValues()[0] ?? []).map(cellToText);
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  return headers;
}

function columnOf(headers: string[], spec: TabSpec, header: string): number {
  const column = headers.indexOf(header);
  if (column < 0) throw new MissingColumnError(spec.name, header);
  return column;
}

/**
 * The values of some columns from the first data row down (open-ended, to the sheet's end): one
 * read of the columns from the first to the last asked for when at most one between them is not
 * asked for, else one read each.
 */
function columnValues(sheet: Sheet, spec: TabSpec, columns: number[]): Map<number, unknown[]> {
  const first = (spec.headerRow ?? 1) + 1;
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const byColumn = new Map<number, unknown[]>();
  const read = (from: number, to: number): void => {
    const a1 = `${columnLetter(from + 1)}${first}:${columnLetter(to + 1)}`;
    const values = sheet.getRange(a1).getValues();
    for (const column of sorted) {
      if (column >= from && column <= to)
        byColumn.set(
          column,
          values.map((r) => r[column - from]),
        );
    }
  };
  const low = sorted[0];
  const high = sorted[sorted.length - 1];
  if (low === undefined || high === undefined) return byColumn;
  // A column between two asked for costs less than a second read; more than one rarely does.
  if (high - low + 1 <= sorted.length + 1) read(low, high);
  else for (const column of sorted) read(column, column);
  return byColumn;
}

/**
 * The rows whose key columns hold one of the values given (e.g. { 'Intervention ID': ['INT-1'] }),
 * with their places on the sheet, so that changes go back to the same rows and appended rows go
 * after the last one. `sharing` adds the rows that share a value of those columns with a row
 * found (e.g. a place, with every place of its intervention and of its pupil), in the same read.
 */
export function readWhere(
  spreadsheet: Spreadsheet,
  spec: TabSpec,
  match: RowMatch,
  sharing: readonly string[] = [],
): Table {
  const sheet = sheetFor(spreadsheet, spec);
  const headers = headerRow(sheet, spec);
  const wanted = Object.entries(match).map(([header, values]) => ({
    column: columnOf(headers, spec, header),
    values: new Set([...values].filter((v) => v !== '')),
  }));
  const asked = wanted.filter((w) => w.values.size > 0);
  if (asked.length === 0) return new Table(spec, sheet, headers, [], []);
  const shared = sharing.map((header) => ({
    column: columnOf(headers, spec, header),
    values: new Set<string>(),
  }));
  const keys = columnValues(
    sheet,
    spec,
    [...asked, ...shared].map((w) => w.column),
  );
  const key = (column: number, index: number): string => cellToText(keys.get(column)?.[index]);
  const height = Math.max(...[...keys.values()].map((v) => v.length));
  const needed = new Map<number, readonly [number, number]>();
  const whole = [0, headers.length - 1] as const;
  for (let index = 0; index < height; index += 1) {
    if (!asked.some((w) => w.values.has(key(w.column, index)))) continue;
    needed.set(index, whole);
    for (const s of shared) if (key(s.column, index) !== '') s.values.add(key(s.column, index));
  }
  if (shared.length > 0) {
    for (let index = 0; index < height; index += 1) {
      if (shared.some((s) => s.values.has(key(s.column, index)))) needed.set(index, whole);
    }
  }
  const first = (spec.headerRow ?? 1) + 1;
  const rows: unknown[][] = [];
  const sheetRows: number[] = [];
  for (const block of planBlocks(needed, READ_BLOCK_CELLS)) {
    const values = sheet
      .getRange(first + block.firstRow, 1, block.lastRow - block.firstRow + 1, headers.length)
      .getValues();
    values.forEach((row, offset) => {
      const index = block.firstRow + offset;
      if (!needed.has(index)) return; // a row between two needed ones, read as the cheaper way
      rows.push(row);
      sheetRows.push(first + index);
    });
  }
  return new Table(spec, sheet, headers, rows, sheetRows);
}

/**
 * Every row, but only some columns (the others read as blank): for lists that need a few fields
 * of every record. Such a table cannot be written back.
 */
export function readColumns(spreadsheet: Spreadsheet, spec: TabSpec, wanted: string[]): Table {
  const sheet = sheetFor(spreadsheet, spec);
  const headers = headerRow(sheet, spec);
  const columns = wanted.map((header) => columnOf(headers, spec, header));
  const values = columnValues(sheet, spec, columns);
  const height = Math.max(0, ...[...values.values()].map((v) => v.length));
  const rows = Array.from({ length: height }, (_r, index) =>
    headers.map((_h, column) => values.get(column)?.[index] ?? ''),
  );
  const table = new Table(spec, sheet, headers, rows);
  table.refuseWrites();
  return table;
}
