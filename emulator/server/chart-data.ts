/**
 * What an embedded chart shows: its ranges' cells as one table (chartTable), read as Sheets reads
 * them (chartData). The first column holds the categories (x for a scatter chart) and each
 * following column a series; the first rows name the series when the chart says they are headers
 * (setNumHeaders), or, left to detect them, when the first row is text over numbers. A cell
 * without a number where one is needed gives no point, as Sheets leaves a gap; a column with no
 * number at all is no series.
 */
import type { CellValue, ChartState, SheetState, SpreadsheetState } from '../src/state';
import { displayValue } from '../src/spreadsheet';

export type ChartSpec = Pick<ChartState, 'type' | 'options' | 'numHeaders' | 'transpose'>;

export interface Series {
  name: string;
  values: (number | null)[];
  colour: string;
}

export interface ChartData {
  categories: string[];
  series: Series[];
  /** The first column as numbers: a scatter chart's x. */
  xs: (number | null)[];
}

/** Sheets' series colours, in order. */
export const PALETTE = [
  '#4285f4',
  '#ea4335',
  '#fbbc04',
  '#34a853',
  '#ff6d01',
  '#46bdc6',
  '#7baaf7',
];

// ---- options --------------------------------------------------------------------------

/** An option by dotted key, whether stored under that key or inside an object ('hAxis': {title}). */
export function chartOption(options: Record<string, unknown>, key: string): unknown {
  const own = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
  if (own(options, key)) return options[key];
  const parts = key.split('.');
  for (let i = parts.length - 1; i >= 1; i -= 1) {
    const head = parts.slice(0, i).join('.');
    if (!own(options, head)) continue;
    let value: unknown = options[head];
    for (const part of parts.slice(i)) {
      if (!value || typeof value !== 'object' || !own(value, part)) return undefined;
      value = (value as Record<string, unknown>)[part];
    }
    return value;
  }
  return undefined;
}

/** A CSS colour safe to put in an attribute or a style: hex, a name or rgb(); else undefined. */
export function safeColour(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim();
  const ok =
    /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(v) ||
    /^[a-z]{3,24}$/i.test(v) ||
    /^rgba?\(\s*[\d.]+%?\s*,\s*[\d.]+%?\s*,\s*[\d.]+%?\s*(?:,\s*[\d.]+%?\s*)?\)$/i.test(v);
  return ok ? v : undefined;
}

// ---- the data --------------------------------------------------------------------------------

export const numberOf = (v: CellValue | undefined): number | null =>
  typeof v === 'number' && Number.isFinite(v) ? v : null;

function transposed<T>(rows: T[][], blank: T): T[][] {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  return Array.from({ length: columns }, (_, c) => rows.map((r) => r[c] ?? blank));
}

/** Auto-detected header: the series' first cells are text, and numbers follow under them. */
function looksLikeHeader(rows: CellValue[][], columns: number[]): boolean {
  const first = columns.map((c) => rows[0]?.[c] ?? '').filter((v) => v !== '');
  const numbersBelow = rows.slice(1).some((r) => columns.some((c) => numberOf(r[c]) !== null));
  return first.length > 0 && first.every((v) => typeof v === 'string') && numbersBelow;
}

export function chartData(spec: ChartSpec, values: CellValue[][], texts?: string[][]): ChartData {
  let cells = values;
  let shown = texts ?? values.map((r) => r.map((v) => (v === '' ? '' : String(v))));
  if (spec.transpose) {
    cells = transposed(cells, '');
    shown = transposed(shown, '');
  }
  // Open ranges ('A:B') reach past the data: blank rows are not points.
  const kept = cells.flatMap((r, i) => (r.some((v) => v !== '') ? [i] : []));
  const rows = kept.map((i) => cells[i] ?? []);
  const rowTexts = kept.map((i) => shown[i] ?? []);
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const domain = columns > 1;
  const seriesColumns = Array.from({ length: columns }, (_, c) => c).slice(domain ? 1 : 0);
  const headers =
    spec.numHeaders >= 0 ? spec.numHeaders : looksLikeHeader(rows, seriesColumns) ? 1 : 0;
  const body = rows.slice(headers);
  const bodyTexts = rowTexts.slice(headers);
  const colours = chartOption(spec.options, 'colors');
  const series = seriesColumns
    .map((c, i) => ({
      name:
        rowTexts
          .slice(0, headers)
          .map((r) => r[c] ?? '')
          .join(' ')
          .trim() || `Series ${i + 1}`,
      values: body.map((r) => numberOf(r[c])),
    }))
    .filter((s) => s.values.some((v) => v !== null))
    .map((s, i) => ({
      ...s,
      colour:
        safeColour(chartOption(spec.options, `series.${i}.color`)) ??
        safeColour(Array.isArray(colours) ? colours[i] : undefined) ??
        PALETTE[i % PALETTE.length] ??
        '#4285f4',
    }));
  return {
    categories: bodyTexts.map((r, i) => (domain ? (r[0] ?? '') : String(i + 1))),
    series,
    xs: body.map((r) => (domain ? numberOf(r[0]) : null)),
  };
}

// ---- the ranges' cells ------------------------------------------------------------------------

export interface ChartTable {
  values: CellValue[][];
  texts: string[][];
}

/** A range's cells, leaving out hidden rows or columns when the chart ignores them. */
function rangeTable(
  sheet: SheetState,
  chart: ChartState,
  index: number,
  timeZone: string,
): ChartTable {
  const range = chart.ranges[index];
  if (!range) return { values: [], texts: [] };
  const strategy = chart.hiddenDimensionStrategy;
  const hiddenRows = new Set(
    strategy.endsWith('ROWS') || strategy === 'IGNORE_BOTH' ? sheet.hiddenRows : [],
  );
  const hiddenColumns = new Set(
    strategy.endsWith('COLUMNS') || strategy === 'IGNORE_BOTH' ? sheet.hiddenColumns : [],
  );
  // Cells past the last stored row or column are empty: an open range ('A:B') stops there.
  const stored = Math.max(0, ...sheet.rows.map((row) => row?.length ?? 0));
  const lastRow = Math.min(
    range.openRows ? sheet.maxRows : range.row + range.numRows - 1,
    sheet.rows.length,
  );
  const lastColumn = Math.min(
    range.openColumns ? sheet.maxColumns : range.column + range.numColumns - 1,
    stored,
  );
  const block: ChartTable = { values: [], texts: [] };
  for (let r = range.row; r <= lastRow; r += 1) {
    if (hiddenRows.has(r)) continue;
    const values: CellValue[] = [];
    const texts: string[] = [];
    for (let c = range.column; c <= lastColumn; c += 1) {
      if (hiddenColumns.has(c)) continue;
      const cell = sheet.rows[r - 1]?.[c - 1] ?? null;
      values.push(cell?.v ?? '');
      texts.push(displayValue(cell, timeZone));
    }
    block.values.push(values);
    block.texts.push(texts);
  }
  return block;
}

/** The chart's ranges as one table: side by side (MERGE_COLUMNS, the default) or one under another. */
export function chartTable(chart: ChartState, spreadsheet: SpreadsheetState): ChartTable {
  const blocks = chart.ranges.flatMap((range, i) => {
    const sheet = spreadsheet.sheets.find((s) => s.id === range.sheetId);
    return sheet ? [rangeTable(sheet, chart, i, spreadsheet.timeZone)] : [];
  });
  if (chart.mergeStrategy === 'MERGE_ROWS') {
    return { values: blocks.flatMap((b) => b.values), texts: blocks.flatMap((b) => b.texts) };
  }
  const height = Math.max(0, ...blocks.map((b) => b.values.length));
  const table: ChartTable = { values: [], texts: [] };
  for (let r = 0; r < height; r += 1) {
    table.values.push(blocks.flatMap((b) => b.values[r] ?? b.values[0]?.map(() => '') ?? []));
    table.texts.push(blocks.flatMap((b) => b.texts[r] ?? b.texts[0]?.map(() => '') ?? []));
  }
  return table;
}
