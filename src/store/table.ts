/**
 * A tab read in one call: its header row and data rows, with columns found by header name, so
 * users may reorder columns, sort and insert rows without breaking the add-on.
 */
import { cellToText, toCell, type CellInput } from '../domain/cells';
import type { TabSpec } from '../domain/workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export class MissingTabError extends Error {
  constructor(tab: string) {
    super(
      `The "${tab}" tab is missing. Choose "Set up provision map" from the add-on menu to repair the workbook.`,
    );
    this.name = 'MissingTabError';
  }
}

export class MissingColumnError extends Error {
  constructor(tab: string, header: string) {
    super(
      `The "${tab}" tab has no "${header}" column. Choose "Set up provision map" from the add-on menu to add it back.`,
    );
    this.name = 'MissingColumnError';
  }
}

export class Table {
  private readonly columnIndex = new Map<string, number>();

  constructor(
    readonly spec: TabSpec,
    readonly sheet: Sheet,
    readonly headers: string[],
    /** Data rows (sheet row 2 onwards) that hold anything, as getValues() returned them. */
    readonly rows: unknown[][],
    /** The last sheet row holding anything when the tab was read (1 when only the header). */
    readonly lastRow: number,
  ) {
    headers.forEach((header, i) => {
      if (header !== '' && !this.columnIndex.has(header)) this.columnIndex.set(header, i);
    });
  }

  /** Reads the whole tab with one getValues() call. */
  static read(spreadsheet: Spreadsheet, spec: TabSpec): Table {
    const sheet = spreadsheet.getSheetByName(spec.name);
    if (!sheet) throw new MissingTabError(spec.name);
    const values = sheet.getDataRange().getValues();
    const [header = [], ...rows] = values;
    return new Table(
      spec,
      sheet,
      header.map((h) => cellToText(h)),
      rows.filter((row) => row.some((cell) => cell !== '')),
      Math.max(values.length, 1),
    );
  }

  has(header: string): boolean {
    return this.columnIndex.has(header);
  }

  column(header: string): number {
    const index = this.columnIndex.get(header);
    if (index === undefined) throw new MissingColumnError(this.spec.name, header);
    return index;
  }

  /** Every value of one column, as trimmed text. */
  texts(header: string): string[] {
    const index = this.column(header);
    return this.rows.map((row) => cellToText(row[index]));
  }

  /**
   * Lays out records as rows in this tab's column order: every header the record names must exist;
   * columns the record does not name (for example ones users added) stay empty.
   */
  toRows(records: readonly Record<string, CellInput | null | undefined>[]): CellInput[][] {
    return records.map((record) => {
      const row: CellInput[] = this.headers.map(() => '');
      for (const [header, value] of Object.entries(record))
        row[this.column(header)] = toCell(value);
      return row;
    });
  }

  /**
   * Appends records below the last used row, in one setValues() call. The data range read under
   * the document lock ends at the sheet's last used row, so nothing a user typed is overwritten.
   */
  append(records: readonly Record<string, CellInput | null | undefined>[]): number {
    if (records.length === 0) return 0;
    const rows = this.toRows(records);
    const firstRow = this.lastRow + 1;
    this.sheet.getRange(firstRow, 1, rows.length, this.headers.length).setValues(rows);
    return firstRow;
  }
}
