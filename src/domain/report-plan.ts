/**
 * A report laid out as a sheet would hold it: cell values row by row, styled blocks, cells to
 * colour by their value (conditional formatting) and charts over the grid. Pure: the Dashboard's
 * writer (src/api/dashboard-writer.ts) turns a plan into one write of values, one of each format,
 * one set of rules and the charts. Rows and columns here are 0-based within the report.
 */
export type ReportCell = string | number | Date;

export interface Block {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

export interface BlockStyle extends Block {
  bold?: boolean;
  italic?: boolean;
  background?: string;
  fontColor?: string;
  fontSize?: number;
  numberFormat?: string;
  wrap?: boolean;
}

export type ChartKind = 'BAR' | 'COLUMN' | 'SCATTER';

export interface ChartPlan {
  kind: ChartKind;
  title: string;
  /** Its data: the first column is the categories (or x), the others a series each. */
  data: Block;
  /** Where its top-left corner sits. */
  anchor: { row: number; column: number };
  width: number;
  height: number;
  hAxisTitle: string;
  vAxisTitle: string;
  /** Fixed axis bounds, e.g. the −2 … +2 outcome scale. */
  vAxisRange?: { min: number; max: number };
  hAxisRange?: { min: number; max: number };
  colors?: string[];
}

export interface ReportPlan {
  cells: ReportCell[][];
  width: number;
  styles: BlockStyle[];
  /** Blocks coloured green / amber / red by the outcome score they hold. */
  scoreColouring: Block[];
  charts: ChartPlan[];
  /** Column widths in pixels, by 0-based column (the rest keep their width). */
  columnWidths: number[];
}

export const COLOURS = {
  sectionBackground: '#1a73e8',
  sectionText: '#ffffff',
  headerBackground: '#e8f0fe',
  noteText: '#5f6368',
  good: '#b7e1cd',
  middling: '#fce8b2',
  poor: '#f4c7c3',
} as const;

/** Sheets' default row height: charts take this many pixels a row. */
export const ROW_PIXELS = 21;

/** Builds a plan top to bottom: sections, tables, notes and room for charts. */
export class ReportBuilder {
  private readonly cells: ReportCell[][] = [];
  private readonly styles: BlockStyle[] = [];
  private readonly scoreColouring: Block[] = [];
  private readonly charts: ChartPlan[] = [];

  constructor(
    private readonly width: number,
    private readonly columnWidths: number[] = [],
  ) {}

  get nextRow(): number {
    return this.cells.length;
  }

  /** A coloured section heading across the report, with a blank row above it (but at the top). */
  section(title: string): void {
    if (this.cells.length > 0) this.blank();
    const row = this.line([title]);
    this.styles.push({
      row,
      column: 0,
      rows: 1,
      columns: this.width,
      bold: true,
      fontSize: 12,
      background: COLOURS.sectionBackground,
      fontColor: COLOURS.sectionText,
    });
  }

  /** A bold sub-heading. */
  heading(title: string): void {
    const row = this.line([title]);
    this.styles.push({ row, column: 0, rows: 1, columns: 1, bold: true });
  }

  /** A line of grey explanatory text. */
  note(text: string): void {
    const row = this.line([text]);
    this.styles.push({
      row,
      column: 0,
      rows: 1,
      columns: 1,
      italic: true,
      fontColor: COLOURS.noteText,
    });
  }

  blank(): void {
    this.line([]);
  }

  /**
   * A table: a header row then its rows. Returns where its body is, so that charts and colouring
   * can point at it; `formats` gives number formats by column.
   */
  table(
    headers: readonly string[],
    rows: readonly (readonly ReportCell[])[],
    formats: Readonly<Record<number, string>> = {},
    /** Columns whose text wraps (names and phrases), so that nothing is cut off. */
    wrap: readonly number[] = [0],
  ): Block {
    const headerRow = this.line(headers);
    this.styles.push({
      row: headerRow,
      column: 0,
      rows: 1,
      columns: headers.length,
      bold: true,
      background: COLOURS.headerBackground,
      wrap: true,
    });
    const first = this.nextRow;
    for (const row of rows) this.line(row);
    for (const [column, numberFormat] of Object.entries(formats)) {
      if (rows.length > 0) {
        this.styles.push({
          row: first,
          column: Number(column),
          rows: rows.length,
          columns: 1,
          numberFormat,
        });
      }
    }
    if (rows.length > 0) {
      for (const column of wrap) {
        this.styles.push({ row: first, column, rows: rows.length, columns: 1, wrap: true });
      }
    }
    return { row: first, column: 0, rows: rows.length, columns: headers.length };
  }

  colourByScore(block: Block): void {
    if (block.rows > 0) this.scoreColouring.push(block);
  }

  /** Leaves blank rows for a chart of `height` pixels and anchors it there. */
  chart(plan: Omit<ChartPlan, 'anchor'>): void {
    const row = this.nextRow;
    const rows = Math.ceil(plan.height / ROW_PIXELS) + 1;
    for (let i = 0; i < rows; i += 1) this.blank();
    this.charts.push({ ...plan, anchor: { row, column: 0 } });
  }

  build(): ReportPlan {
    const cells = this.cells.map((row) =>
      Array.from({ length: this.width }, (_, i) => row[i] ?? ''),
    );
    return {
      cells,
      width: this.width,
      styles: this.styles,
      scoreColouring: this.scoreColouring,
      charts: this.charts,
      columnWidths: this.columnWidths,
    };
  }

  private line(values: readonly ReportCell[]): number {
    if (values.length > this.width) {
      throw new Error(`A report row has ${values.length} cells; the report is ${this.width} wide`);
    }
    this.cells.push([...values]);
    return this.cells.length - 1;
  }
}
