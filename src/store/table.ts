/**
 * A tab read in one call: its header row and data rows, with columns found by header name, so
 * users may reorder columns, sort and insert rows without breaking the add-on. Changes are kept
 * in memory and written back with one setValues() per tab (see flush), each one noted for the
 * audit log.
 */
import { cellToText, toCell, type CellInput } from '../domain/cells';
import type { TabSpec } from '../domain/workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export type RecordValues = Record<string, CellInput | null | undefined>;

export interface Change {
  tab: string;
  recordId: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

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

export class RecordNotFoundError extends Error {
  constructor(tab: string, id: string) {
    super(
      `No record with ID ${id} was found on the "${tab}" tab. It may have been deleted: reopen the form.`,
    );
    this.name = 'RecordNotFoundError';
  }
}

/** One data row of a tab, read by header name. */
export class Row {
  constructor(
    private readonly table: Table,
    /** Index into the table's data rows (sheet row = index + 2). */
    readonly index: number,
  ) {}

  get id(): string {
    return this.table.spec.idHeader ? this.text(this.table.spec.idHeader) : '';
  }

  /** The value as read (a Date, number, boolean or string; '' when empty or the column is missing). */
  value(header: string): unknown {
    const column = this.table.columnOrUndefined(header);
    return column === undefined ? '' : (this.table.rows[this.index]?.[column] ?? '');
  }

  text(header: string): string {
    return cellToText(this.value(header));
  }

  number(header: string): number | undefined {
    const value = this.value(header);
    if (typeof value === 'number') return value;
    const text = cellToText(value);
    return text !== '' && Number.isFinite(Number(text)) ? Number(text) : undefined;
  }

  date(header: string): Date | undefined {
    const value = this.value(header);
    return value instanceof Date ? value : undefined;
  }

  set(values: RecordValues): void {
    this.table.update(this.index, values);
  }

  /**
   * Sets figures the add-on works out from other cells (costs, averages): written like any change
   * but not audited, as they follow from changes the audit log already holds.
   */
  setDerived(values: RecordValues): void {
    this.table.update(this.index, values, false);
  }
}

export class Table {
  private readonly columnIndex = new Map<string, number>();
  private readonly dirty = new Set<number>();
  /** Columns this user may not write (a protected range): flush writes around them. */
  private readonly unwritable = new Set<number>();
  /** The index of the first row appended since the last flush. */
  private appendedFrom: number | undefined;
  readonly changes: Change[] = [];

  constructor(
    readonly spec: TabSpec,
    readonly sheet: Sheet,
    readonly headers: string[],
    /** Data rows (from the row under the header), as getValues() returned them, blanks included. */
    readonly rows: unknown[][],
  ) {
    headers.forEach((header, i) => {
      if (header !== '' && !this.columnIndex.has(header)) this.columnIndex.set(header, i);
    });
  }

  /** Reads the whole tab with one getValues() call. */
  static read(spreadsheet: Spreadsheet, spec: TabSpec): Table {
    const sheet = spreadsheet.getSheetByName(spec.name);
    if (!sheet) throw new MissingTabError(spec.name);
    const [header = [], ...rows] = tableValues(sheet, spec);
    return new Table(
      spec,
      sheet,
      header.map((h) => cellToText(h)),
      rows,
    );
  }

  /** Leaves a column as it is on the sheet when writing (the user may not edit it). */
  keepColumnAsIs(header: string): void {
    const column = this.columnOrUndefined(header);
    if (column !== undefined) this.unwritable.add(column);
  }

  has(header: string): boolean {
    return this.columnIndex.has(header);
  }

  columnOrUndefined(header: string): number | undefined {
    return this.columnIndex.get(header);
  }

  column(header: string): number {
    const index = this.columnIndex.get(header);
    if (index === undefined) throw new MissingColumnError(this.spec.name, header);
    return index;
  }

  /** Every row that holds anything (blank rows left by users are skipped). */
  records(): Row[] {
    const rows: Row[] = [];
    this.rows.forEach((values, index) => {
      if (values.some((cell) => cell !== '')) rows.push(new Row(this, index));
    });
    return rows;
  }

  /** Every value of one column, as trimmed text (blank rows skipped). */
  texts(header: string): string[] {
    return this.records().map((row) => row.text(header));
  }

  find(id: string): Row | undefined {
    const idHeader = this.spec.idHeader;
    if (!idHeader || id === '') return undefined;
    const column = this.column(idHeader);
    const index = this.rows.findIndex((row) => cellToText(row[column]) === id);
    return index < 0 ? undefined : new Row(this, index);
  }

  get(id: string): Row {
    const row = this.find(id);
    if (!row) throw new RecordNotFoundError(this.spec.name, id);
    return row;
  }

  ids(): Set<string> {
    return new Set(this.spec.idHeader ? this.texts(this.spec.idHeader) : []);
  }

  /** Changes fields of a row in memory; the audit notes each one whose value really changes. */
  update(index: number, values: RecordValues, audited = true): void {
    const row = this.rows[index];
    if (!row) throw new Error(`Row ${index + 2} of "${this.spec.name}" does not exist`);
    const id = new Row(this, index).id;
    for (const [header, value] of Object.entries(values)) {
      const column = this.column(header);
      const next = value ?? '';
      if (sameValue(row[column], next)) continue;
      if (audited) {
        this.changes.push({
          tab: this.spec.name,
          recordId: id,
          field: header,
          oldValue: row[column],
          newValue: next,
        });
      }
      row[column] = next;
      this.dirty.add(index);
    }
  }

  /**
   * Adds a record at the end (written by flush) and gives its row, which later reads and sets see
   * like any other; the audit notes each field it sets.
   */
  append(values: RecordValues): Row {
    const row: CellInput[] = this.headers.map(() => '');
    const id = this.spec.idHeader ? cellToText(values[this.spec.idHeader]) : '';
    for (const [header, value] of Object.entries(values)) {
      row[this.column(header)] = value ?? '';
      if (value !== '' && value !== null && value !== undefined) {
        this.changes.push({
          tab: this.spec.name,
          recordId: id,
          field: header,
          oldValue: '',
          newValue: value,
        });
      }
    }
    this.appendedFrom ??= this.rows.length;
    this.rows.push(row);
    return new Row(this, this.rows.length - 1);
  }

  get pendingRows(): number {
    const appended = this.appendedFrom === undefined ? 0 : this.rows.length - this.appendedFrom;
    return this.dirty.size + appended;
  }

  /**
   * Writes every changed and appended row with one setValues() call: the block from the first
   * changed row to the last appended one. Rows inside the block that did not change are written
   * back as they were read, strings behind an apostrophe so that text stays text.
   */
  flush(): void {
    if (this.pendingRows === 0) return;
    const firstAppended = this.appendedFrom ?? this.rows.length;
    const changedBefore = [...this.dirty].filter((index) => index < firstAppended);
    const first = changedBefore.length > 0 ? Math.min(...changedBefore) : firstAppended;
    const last = this.appendedFrom !== undefined ? this.rows.length - 1 : Math.max(...this.dirty);
    const values = this.rows
      .slice(first, last + 1)
      .map((row) => row.map((v) => toCell(v as CellInput)));
    const firstDataRow = (this.spec.headerRow ?? 1) + 1;
    ensureRows(this.sheet, firstDataRow - 1 + first + values.length);
    for (const [from, to] of this.writableSpans()) {
      this.sheet
        .getRange(firstDataRow + first, from + 1, values.length, to - from)
        .setValues(values.map((row) => row.slice(from, to)));
    }
    this.appendedFrom = undefined;
    this.dirty.clear();
  }

  /** The runs of columns [from, to) flush writes: every column but those kept as they are. */
  private writableSpans(): [number, number][] {
    const spans: [number, number][] = [];
    let from = 0;
    for (let column = 0; column <= this.headers.length; column += 1) {
      if (column === this.headers.length || this.unwritable.has(column)) {
        if (column > from) spans.push([from, column]);
        from = column + 1;
      }
    }
    return spans;
  }
}

/** The header row and the rows under it: the whole tab, or a fixed-size table within it. */
function tableValues(sheet: Sheet, spec: TabSpec): unknown[][] {
  const headerRow = spec.headerRow ?? 1;
  if (headerRow === 1 && spec.maxDataRows === undefined) return sheet.getDataRange().getValues();
  const rows = 1 + (spec.maxDataRows ?? Math.max(0, sheet.getLastRow() - headerRow));
  ensureRows(sheet, headerRow - 1 + rows);
  return sheet.getRange(headerRow, 1, rows, spec.columns.length).getValues();
}

/** Rows to spare when a tab has to grow: later saves then need no insert of their own. */
const SPARE_ROWS = 500;

/** Grows the sheet so that `lastRow` exists (writing past the last row is an error). */
export function ensureRows(sheet: Sheet, lastRow: number): void {
  const maxRows = sheet.getMaxRows();
  if (lastRow > maxRows) sheet.insertRowsAfter(maxRows, lastRow - maxRows + SPARE_ROWS);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  }
  return cellToText(a) === cellToText(b);
}
