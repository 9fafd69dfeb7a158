/**
 * A tab's header row and data rows (all of them, read in one call, or only the rows an operation
 * needs: see table-where.ts), with columns found by header name, so users may reorder columns,
 * sort and insert rows without breaking the add-on. Changes are kept in memory and written back
 * by flush, only the changed cells' blocks, each change noted for the audit log.
 */
import { cellToText, toCell, type CellInput } from '../domain/cells';
import type { TabSpec } from '../domain/workbook';
import { columnLetter } from '../domain/hand-edits';
import { planBlocks, WRITE_BLOCK_CELLS, type Block } from './blocks';

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
    /** Index into the table's data rows (see Table.sheetRowOf for its row on the sheet). */
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
  /** The columns changed in each row (by index), written back by flush. */
  private readonly dirty = new Map<number, Set<number>>();
  /** Columns this user may not write (a protected range): flush writes around them. */
  private readonly unwritable = new Set<number>();
  /** False for a table read in part of its columns (table-where.ts readColumns). */
  private writable = true;
  /** The index of the first row appended since the last flush. */
  private appendedFrom: number | undefined;
  readonly changes: Change[] = [];

  constructor(
    readonly spec: TabSpec,
    readonly sheet: Sheet,
    readonly headers: string[],
    /** Data rows, as getValues() returned them, blanks included. */
    readonly rows: unknown[][],
    /**
     * The sheet row of each row read, when only some rows were read (table-where.ts); left out,
     * the rows are every row from the one under the header down.
     */
    private readonly sheetRows?: readonly number[],
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

  /** Marks a table read in part of its columns: flush refuses to write it. */
  refuseWrites(): void {
    this.writable = false;
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
      const columns = this.dirty.get(index) ?? new Set<number>();
      columns.add(column);
      this.dirty.set(index, columns);
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

  /** The first data row on the sheet (the row under the header). */
  private get firstDataRow(): number {
    return (this.spec.headerRow ?? 1) + 1;
  }

  /** Whether only some of the tab's rows were read. */
  get partial(): boolean {
    return this.sheetRows !== undefined;
  }

  /** Whether rows `from` to `to` (indices) were all read and sit one under the other. */
  private consecutive(from: number, to: number): boolean {
    if (!this.sheetRows) return true;
    const a = this.sheetRows[from];
    const b = this.sheetRows[to];
    return a !== undefined && b !== undefined && b - a === to - from;
  }

  /**
   * Writes the changed cells and the appended rows: rows changed close together in one block of
   * the columns changed, rows far apart in blocks of their own (blocks.ts weighs the two), the
   * appended rows in one block after the last row. Cells inside a block that did not change are
   * written back as they were read, strings behind an apostrophe so that text stays text.
   */
  flush(): void {
    if (this.pendingRows === 0) return;
    if (!this.writable)
      throw new Error(`"${this.spec.name}" was read in part and cannot be written`);
    const readRows = this.sheetRows?.length ?? this.rows.length;
    const firstAppended = this.appendedFrom ?? this.rows.length;
    const spans = new Map<number, readonly [number, number]>();
    for (const [index, columns] of this.dirty) {
      if (index >= firstAppended) continue;
      spans.set(index, [Math.min(...columns), Math.max(...columns)]);
    }
    const lastColumn = this.headers.length - 1;
    for (let index = firstAppended; index < this.rows.length; index += 1) {
      spans.set(index, [0, lastColumn]);
    }
    // Rows appended to a partly read tab go after the sheet's last row, apart from those read.
    const appends = this.rows.length > readRows;
    const appendAt =
      this.sheetRows && appends ? this.sheet.getLastRow() + 1 : this.firstDataRow + readRows;
    const sheetRow = (index: number): number =>
      index < readRows
        ? (this.sheetRows?.[index] ?? this.firstDataRow + index)
        : appendAt + index - readRows;
    const joinable = (from: number, to: number): boolean =>
      to < readRows ? this.consecutive(from, to) : from >= readRows || !this.sheetRows;
    const blocks = planBlocks(spans, WRITE_BLOCK_CELLS, joinable);
    // Single cells far apart that get the same value (a Status set on many rows) go in one
    // RangeList write; the other blocks one write each.
    const sameValue = new Map<string, { value: CellInput; cells: string[]; blocks: Block[] }>();
    for (const block of blocks) {
      const first = sheetRow(block.firstRow);
      const single =
        block.firstRow === block.lastRow &&
        block.firstColumn === block.lastColumn &&
        block.lastRow < readRows &&
        !this.unwritable.has(block.firstColumn);
      if (single) {
        const value = toCell((this.rows[block.firstRow]?.[block.firstColumn] ?? '') as CellInput);
        const key =
          value instanceof Date ? `d${value.getTime()}` : `${typeof value}:${String(value)}`;
        const group = sameValue.get(key) ?? { value, cells: [], blocks: [] };
        group.cells.push(`${columnLetter(block.firstColumn + 1)}${first}`);
        group.blocks.push(block);
        sameValue.set(key, group);
        continue;
      }
      // Rows read are on the sheet already; only appended ones may need the sheet to grow.
      if (block.lastRow >= readRows) ensureRows(this.sheet, first + block.lastRow - block.firstRow);
      this.writeBlock(block, first);
    }
    for (const { value, cells, blocks: alone } of sameValue.values()) {
      if (alone.length === 1) {
        for (const block of alone) this.writeBlock(block, sheetRow(block.firstRow));
        continue;
      }
      for (let i = 0; i < cells.length; i += RANGE_LIST_CELLS) {
        this.sheet.getRangeList(cells.slice(i, i + RANGE_LIST_CELLS)).setValue(value);
      }
    }
    this.appendedFrom = undefined;
    this.dirty.clear();
  }

  private writeBlock(block: Block, firstSheetRow: number): void {
    const height = block.lastRow - block.firstRow + 1;
    const values = this.rows
      .slice(block.firstRow, block.lastRow + 1)
      .map((row) => this.headers.map((_h, c) => toCell((row[c] ?? '') as CellInput)));
    for (const [from, to] of this.writableSpans()) {
      const start = Math.max(from, block.firstColumn);
      const end = Math.min(to, block.lastColumn + 1);
      if (end <= start) continue;
      this.sheet
        .getRange(firstSheetRow, start + 1, height, end - start)
        .setValues(values.map((row) => row.slice(start, end)));
    }
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

/** Cells named in one RangeList write (A1 notations, kept to a modest length). */
const RANGE_LIST_CELLS = 500;

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
