/**
 * Which conditional format a cell shows, for the trial page to colour cells as Sheets would.
 * Reads the state only (no service call is counted).
 *
 * As in Sheets, a sheet's rules are tried in order and the first that applies to the cell wins
 * alone: its format is the cell's conditional format (later rules add nothing).
 *
 * - Text criteria compare the cell's displayed text, ignoring case; "does not contain" also
 *   matches empty cells.
 * - Number criteria apply to numbers and dates (as their serial numbers), never to empty cells or
 *   text; "between" includes both ends, whichever order they were given in.
 * - Date criteria compare calendar days in the spreadsheet's time zone; relative dates count from
 *   `now` (PAST_WEEK is seven days before today, PAST_MONTH a month, PAST_YEAR a year; "equal to"
 *   one of those means on or after that day and not after today).
 * - The emulator does not compute formulas: a custom formula rule applies only when the caller
 *   passes `evaluateFormula`, and then when it returns a truthy value.
 * - A colour scale (gradient) colours the background of numeric cells, interpolating in RGB
 *   between its points; text and empty cells fall through to the next rule.
 */
import type {
  CellState,
  ConditionalFormatRuleState,
  ConditionalFormatState,
  GradientPointState,
  SheetState,
} from './state';
import { dateToSerial, displayValue } from './spreadsheet';

export interface ConditionalFormatOptions {
  /** "Today" for relative dates (default: the real clock). */
  now?: Date;
  /**
   * Evaluates a custom formula for a cell: `anchorRow`/`anchorColumn` are the top-left cell of the
   * rule's range holding it, against which the formula's relative references are written.
   */
  evaluateFormula?: (
    formula: string,
    cell: { row: number; column: number; anchorRow: number; anchorColumn: number },
  ) => unknown;
}

type Rect = ConditionalFormatRuleState['ranges'][number];

/** A range left open ('D2:D') runs to the sheet's last row or column, however many it gains. */
function resolved(rect: Rect, sheet: SheetState): Rect {
  return {
    ...rect,
    numRows: rect.openRows ? sheet.maxRows - rect.row + 1 : rect.numRows,
    numColumns: rect.openColumns ? sheet.maxColumns - rect.column + 1 : rect.numColumns,
  };
}

function contains(rect: Rect, row: number, column: number): boolean {
  return (
    row >= rect.row &&
    row < rect.row + rect.numRows &&
    column >= rect.column &&
    column < rect.column + rect.numColumns
  );
}

function cellAt(sheet: SheetState, row: number, column: number): CellState | undefined {
  return sheet.rows[row - 1]?.[column - 1] ?? undefined;
}

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A cell's value as a number: numbers, and dates as serial numbers; undefined otherwise. */
function numberOf(cell: CellState | undefined, timeZone: string): number | undefined {
  const v = cell?.v;
  if (typeof v === 'number') return v;
  if (isDate(v)) return dateToSerial(v, timeZone);
  return undefined;
}

function dayOf(date: Date, timeZone: string): number {
  return Math.floor(dateToSerial(date, timeZone));
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** The serial day a relative date stands for, counted from today. */
function relativeDay(name: string, today: number): number {
  const shiftMonths = (months: number): number => {
    const d = new Date(SERIAL_EPOCH + today * DAY_MS);
    d.setUTCMonth(d.getUTCMonth() - months);
    return Math.round((d.getTime() - SERIAL_EPOCH) / DAY_MS);
  };
  switch (name) {
    case 'TOMORROW':
      return today + 1;
    case 'YESTERDAY':
      return today - 1;
    case 'PAST_WEEK':
      return today - 7;
    case 'PAST_MONTH':
      return shiftMonths(1);
    case 'PAST_YEAR':
      return shiftMonths(12);
    default:
      return today;
  }
}

interface Context {
  sheet: SheetState;
  row: number;
  column: number;
  anchor: Rect;
  timeZone: string;
  options: ConditionalFormatOptions;
}

function booleanApplies(criteria: string, values: unknown[], ctx: Context): boolean {
  const cell = cellAt(ctx.sheet, ctx.row, ctx.column);
  const empty = cell === undefined || cell.v === '';
  const text = empty ? '' : displayValue(cell, ctx.timeZone).toLowerCase();
  const needle = String(values[0] ?? '').toLowerCase();
  const num = numberOf(cell, ctx.timeZone);
  const [a, b] = values.map(Number);
  const low = Math.min(a ?? NaN, b ?? NaN);
  const high = Math.max(a ?? NaN, b ?? NaN);
  const day = isDate(cell?.v) ? dayOf(cell.v, ctx.timeZone) : undefined;
  const target = (): number | undefined => {
    const value = values[0];
    if (isDate(value)) return dayOf(value, ctx.timeZone);
    if (typeof value !== 'string') return undefined;
    return relativeDay(value, dayOf(ctx.options.now ?? new Date(), ctx.timeZone));
  };
  switch (criteria) {
    case 'CELL_EMPTY':
      return empty;
    case 'CELL_NOT_EMPTY':
      return !empty;
    case 'TEXT_CONTAINS':
      return !empty && text.includes(needle);
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.includes(needle);
    case 'TEXT_STARTS_WITH':
      return !empty && text.startsWith(needle);
    case 'TEXT_ENDS_WITH':
      return !empty && text.endsWith(needle);
    case 'TEXT_EQUAL_TO':
      return !empty && text === needle;
    case 'NUMBER_EQUAL_TO':
      return num !== undefined && num === a;
    case 'NUMBER_NOT_EQUAL_TO':
      return num !== undefined && num !== a;
    case 'NUMBER_GREATER_THAN':
      return num !== undefined && num > (a ?? NaN);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return num !== undefined && num >= (a ?? NaN);
    case 'NUMBER_LESS_THAN':
      return num !== undefined && num < (a ?? NaN);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return num !== undefined && num <= (a ?? NaN);
    case 'NUMBER_BETWEEN':
      return num !== undefined && num >= low && num <= high;
    case 'NUMBER_NOT_BETWEEN':
      return num !== undefined && (num < low || num > high);
    case 'DATE_AFTER':
    case 'DATE_AFTER_RELATIVE': {
      const t = target();
      return day !== undefined && t !== undefined && day > t;
    }
    case 'DATE_BEFORE':
    case 'DATE_BEFORE_RELATIVE': {
      const t = target();
      return day !== undefined && t !== undefined && day < t;
    }
    case 'DATE_EQUAL_TO':
      return day !== undefined && day === target();
    case 'DATE_EQUAL_TO_RELATIVE': {
      const t = target();
      if (day === undefined || t === undefined) return false;
      const value = String(values[0]);
      if (!value.startsWith('PAST_')) return day === t;
      return day >= t && day <= dayOf(ctx.options.now ?? new Date(), ctx.timeZone);
    }
    case 'CUSTOM_FORMULA': {
      const evaluate = ctx.options.evaluateFormula;
      if (!evaluate) return false;
      const cellRef = {
        row: ctx.row,
        column: ctx.column,
        anchorRow: ctx.anchor.row,
        anchorColumn: ctx.anchor.column,
      };
      return !!evaluate(String(values[0] ?? ''), cellRef);
    }
    default:
      return false;
  }
}

// ---- colour scales ----------------------------------------------------------------------------

function rgb(colour: string): [number, number, number] | undefined {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  return m
    ? [parseInt(m[1] ?? '', 16), parseInt(m[2] ?? '', 16), parseInt(m[3] ?? '', 16)]
    : undefined;
}

function mix(from: string, to: string, t: number): string | undefined {
  const a = rgb(from);
  const b = rgb(to);
  if (!a || !b) return t < 0.5 ? from : to;
  const part = (i: 0 | 1 | 2): string =>
    Math.round(a[i] + (b[i] - a[i]) * Math.min(1, Math.max(0, t)))
      .toString(16)
      .padStart(2, '0');
  return `#${part(0)}${part(1)}${part(2)}`;
}

function percentile(sorted: number[], p: number): number {
  const at = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1);
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  const a = sorted[lo] ?? NaN;
  const b = sorted[hi] ?? NaN;
  return a + (b - a) * (at - lo);
}

function numbersIn(sheet: SheetState, ranges: Rect[], timeZone: string): number[] {
  const found: number[] = [];
  for (const rect of ranges) {
    const lastRow = Math.min(rect.row + rect.numRows - 1, sheet.rows.length);
    for (let r = rect.row; r <= lastRow; r += 1) {
      const cells = sheet.rows[r - 1] ?? [];
      const lastColumn = Math.min(rect.column + rect.numColumns - 1, cells.length);
      for (let c = rect.column; c <= lastColumn; c += 1) {
        const n = numberOf(cells[c - 1] ?? undefined, timeZone);
        if (n !== undefined) found.push(n);
      }
    }
  }
  return found.sort((x, y) => x - y);
}

function pointValue(point: GradientPointState, sorted: number[]): number {
  const min = sorted[0] ?? NaN;
  const max = sorted[sorted.length - 1] ?? NaN;
  const value = Number(point.value);
  switch (point.type) {
    case 'MIN':
      return min;
    case 'MAX':
      return max;
    case 'PERCENT':
      return min + ((max - min) * value) / 100;
    case 'PERCENTILE':
      return percentile(sorted, value);
    default:
      return value;
  }
}

function gradientColour(
  gradient: NonNullable<ConditionalFormatRuleState['gradient']>,
  ranges: Rect[],
  ctx: Context,
): string | undefined {
  const num = numberOf(cellAt(ctx.sheet, ctx.row, ctx.column), ctx.timeZone);
  if (num === undefined) return undefined;
  const sorted = numbersIn(ctx.sheet, ranges, ctx.timeZone);
  const points = [gradient.min, gradient.mid, gradient.max].flatMap((p) =>
    p ? [{ colour: p.color, at: pointValue(p, sorted) }] : [],
  );
  if (points.some((p) => Number.isNaN(p.at))) return undefined;
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return undefined;
  if (num <= first.at) return first.colour;
  for (let i = 1; i < points.length; i += 1) {
    const from = points[i - 1];
    const to = points[i];
    if (!from || !to || num > to.at) continue;
    const span = to.at - from.at;
    return mix(from.colour, to.colour, span === 0 ? 1 : (num - from.at) / span);
  }
  return last.colour;
}

/**
 * The conditional format the cell at (row, column) shows: the format of the first of the sheet's
 * rules that applies to it, or {} when none does.
 */
export function conditionalFormatFor(
  sheet: SheetState,
  row: number,
  column: number,
  timeZone: string,
  options: ConditionalFormatOptions = {},
): ConditionalFormatState {
  for (const rule of sheet.conditionalFormats ?? []) {
    const ranges = rule.ranges.map((r) => resolved(r, sheet));
    const anchor = ranges.find((r) => contains(r, row, column));
    if (!anchor) continue;
    const ctx: Context = { sheet, row, column, anchor, timeZone, options };
    if (rule.boolean && booleanApplies(rule.boolean.criteria, rule.boolean.values, ctx)) {
      return { ...rule.boolean.format };
    }
    if (rule.gradient) {
      const background = gradientColour(rule.gradient, ranges, ctx);
      if (background) return { background };
    }
  }
  return {};
}
