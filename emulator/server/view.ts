/**
 * What GET /api/state returns: the emulator's state as the trial page shows it. Cells are sent as
 * display text (as Sheets shows them, in the spreadsheet's time zone) with their formats, the
 * winning conditional format already applied, and charts already drawn: the page never formats
 * data. Reading the state directly counts no service call.
 */
import type { Emulator, MenuState, TriggerState } from '../src/index';
import type {
  CellState,
  ChartState,
  ConditionalFormatState,
  SheetState,
  SpreadsheetState,
} from '../src/state';
import { displayValue } from '../src/spreadsheet';
import { conditionalFormatFor } from '../src/conditional-format-eval';
import { chartTable, safeColour } from './chart-data';
import { chartSvg } from './chart-svg';
import { isoDayInZone } from './time';

export interface TabView {
  name: string;
  hidden: boolean;
  frozenRows: number;
  frozenColumns: number;
  maxRows: number;
  maxColumns: number;
  /** Display values of the used range (from A1 to the last non-empty row and column). */
  rows: string[][];
  /** One letter per cell of `rows`: 'l' text, 'r' number or date, 'c' true/false. */
  align: string[];
  /** Formulas by 'row,column' (1-based), for the formula bar and the cell editor. */
  formulas: Record<string, string>;
  /** Cells with a dropdown (a list data validation rule), as 'row,column'. */
  dropdowns: string[];
  /** Column widths in pixels set by the script, by 1-based column. */
  columnWidths: Record<string, number>;
  /** The distinct cell formats of the tab; styles[0] is the default format ({}). */
  styles: CellStyleView[];
  /**
   * Each cell's format as an index into `styles`, run-length coded so that a big tab stays small:
   * row r is [style, count, style, count, ...] from column 1, the unformatted rest left out (so a
   * plain row is []). Rows may run past `rows` when empty cells below the data are formatted.
   */
  cellStyles: number[][];
  /** Cell notes by 'row,column' (1-based). */
  notes: Record<string, string>;
  /** Embedded charts, drawn. */
  charts: ChartView[];
}

/** A cell's format, as shown: its own format with the winning conditional format over it. */
export interface CellStyleView {
  background?: string;
  color?: string;
  bold?: true;
  italic?: true;
  underline?: true;
  strikethrough?: true;
  /** In points, as Sheets sizes fonts (10 when unset). */
  fontSize?: number;
  fontFamily?: string;
  align?: 'left' | 'center' | 'right';
  /** Bottom when unset, as in Sheets. */
  verticalAlign?: 'top' | 'middle';
  wrap?: true;
  /** Text is cut at the cell's edge instead of running over empty cells to its right. */
  clip?: true;
}

export interface ChartView {
  id: number;
  /** The anchor cell (1-based) of the chart's top-left corner, and its offset in pixels. */
  row: number;
  column: number;
  offsetX: number;
  offsetY: number;
  width: number;
  height: number;
  /** '' when the chart has none. */
  title: string;
  /** A standalone SVG document: the page shows it as an image, so nothing in it can run. */
  svg: string;
}

export interface CallsView {
  label: string;
  ok: boolean;
  at: string;
  total: number;
  calls: [method: string, count: number][];
}

export interface StateView {
  spreadsheetName: string;
  timeZone: string;
  tabs: TabView[];
  menus: MenuState[];
  now: string;
  /** The emulated today in the spreadsheet's time zone, yyyy-mm-dd. */
  today: string;
  user: string;
  triggers: TriggerView[];
  outbox: EmailSummary[];
  docs: { id: string; name: string; url: string; updatedAt: string }[];
  executions: {
    functionName: string;
    kind: string;
    user: string;
    startedAt: string;
    status: string;
    error?: string;
  }[];
  lastCalls: CallsView | null;
}

export interface TriggerView {
  id: string;
  handler: string;
  eventType: string;
  owner: string;
  schedule: string;
  nextRun: string | null;
  lastRun: string | null;
}

export interface EmailSummary {
  id: string;
  sentAt: string;
  from: string;
  to: string[];
  cc: string[];
  subject: string;
}

export function stateView(emulator: Emulator, lastCalls: CallsView | null): StateView {
  const state = emulator.state;
  const timeZone = state.spreadsheet.timeZone;
  return {
    spreadsheetName: state.spreadsheet.name,
    timeZone,
    tabs: state.spreadsheet.sheets.map((sheet) => tabView(sheet, state.spreadsheet, emulator.now)),
    menus: emulator.rt.menus,
    now: emulator.now.toISOString(),
    today: isoDayInZone(emulator.now, timeZone),
    user: emulator.user,
    triggers: emulator.triggers().map(triggerView),
    outbox: emulator
      .outbox()
      .map((m) => ({
        id: m.id,
        sentAt: m.sentAt.toISOString(),
        from: m.name ? `${m.name} <${m.from}>` : m.from,
        to: m.to,
        cc: m.cc,
        subject: m.subject,
      }))
      .reverse(),
    docs: emulator
      .documents()
      .map((d) => ({ id: d.id, name: d.name, url: d.url, updatedAt: d.updatedAt.toISOString() }))
      .reverse(),
    executions: emulator
      .executions()
      .slice(-12)
      .reverse()
      .map((e) => ({
        functionName: e.functionName,
        kind: e.kind,
        user: e.user,
        startedAt: e.startedAt.toISOString(),
        status: e.status,
        ...(e.error === undefined ? {} : { error: e.error }),
      })),
    lastCalls,
  };
}

export function tabView(sheet: SheetState, spreadsheet: SpreadsheetState, now: Date): TabView {
  const timeZone = spreadsheet.timeZone;
  const used = usedSize(sheet.rows);
  const rows: string[][] = [];
  const align: string[] = [];
  const formulas: Record<string, string> = {};
  const dropdowns: string[] = [];
  for (let r = 0; r < used.rows; r += 1) {
    const source = sheet.rows[r] ?? [];
    const texts: string[] = [];
    let letters = '';
    for (let c = 0; c < used.columns; c += 1) {
      const cell = source[c] ?? null;
      texts.push(cell ? displayValue(cell, timeZone) : '');
      letters += alignment(cell);
      if (cell?.f) formulas[`${r + 1},${c + 1}`] = cell.f;
      if (cell?.dv && cell.dv.criteria.startsWith('VALUE_IN_')) dropdowns.push(`${r + 1},${c + 1}`);
    }
    rows.push(texts);
    align.push(letters);
  }
  return {
    name: sheet.name,
    hidden: sheet.hidden,
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    maxRows: sheet.maxRows,
    maxColumns: sheet.maxColumns,
    rows,
    align,
    formulas,
    dropdowns,
    columnWidths: Object.fromEntries(
      Object.entries(sheet.columnWidths ?? {}).map(([col, width]) => [col, width]),
    ),
    ...formatsView(sheet, used, timeZone, now),
    charts: (sheet.charts ?? []).map((chart) => chartView(chart, spreadsheet)),
  };
}

// ---- cell formats ----------------------------------------------------------------------------

const ALIGN: Record<string, CellStyleView['align']> = {
  left: 'left',
  'general-left': 'left',
  center: 'center',
  'general-center': 'center',
  right: 'right',
  'general-right': 'right',
};

/** A cell's own format, leaving out what Sheets shows anyway (white, black, Arial 10...). */
function ownStyle(style: Record<string, string> | undefined): CellStyleView {
  if (!style) return {};
  const out: CellStyleView = {};
  const background = safeColour(style.background);
  if (background && !/^(#fff(fff)?|white)$/i.test(background)) out.background = background;
  const color = safeColour(style.fontColor);
  if (color && !/^(#000(000)?|black)$/i.test(color)) out.color = color;
  if (style.fontWeight === 'bold') out.bold = true;
  if (style.fontStyle === 'italic') out.italic = true;
  if (style.fontLine === 'underline') out.underline = true;
  if (style.fontLine === 'line-through') out.strikethrough = true;
  const size = Number(style.fontSize);
  if (Number.isFinite(size) && size > 0 && size !== 10)
    out.fontSize = Math.min(Math.max(size, 6), 72);
  const family = style.fontFamily;
  if (family && family !== 'Arial' && /^[\w -]{1,40}$/.test(family)) out.fontFamily = family;
  const align = ALIGN[style.horizontalAlignment?.toLowerCase() ?? ''];
  if (align) out.align = align;
  const vertical = style.verticalAlignment?.toLowerCase();
  if (vertical === 'top' || vertical === 'middle') out.verticalAlign = vertical;
  if (style.wrap === 'true' || style.wrapStrategy === 'WRAP') out.wrap = true;
  else if (style.wrapStrategy === 'CLIP') out.clip = true;
  return out;
}

/** The conditional format over the cell's own: set keys replace, as in Sheets. */
function withConditional(own: CellStyleView, cf: ConditionalFormatState): CellStyleView {
  const out = { ...own };
  const background = safeColour(cf.background);
  if (background) out.background = background;
  const color = safeColour(cf.fontColor);
  if (color) out.color = color;
  const flags = [
    ['bold', cf.bold],
    ['italic', cf.italic],
    ['underline', cf.underline],
    ['strikethrough', cf.strikethrough],
  ] as const;
  for (const [key, on] of flags) {
    if (on === true) out[key] = true;
    else if (on === false) delete out[key];
  }
  return out;
}

type Formats = Pick<TabView, 'styles' | 'cellStyles' | 'notes'>;

/**
 * The formats of the used range and of any formatted cell past it. Conditional formats are worked
 * out for those cells only (empty rows below the data are shown without them).
 */
function formatsView(
  sheet: SheetState,
  used: { rows: number; columns: number },
  timeZone: string,
  now: Date,
): Formats {
  const notes: Record<string, string> = {};
  const own: CellStyleView[][] = sheet.rows.map((row, r) =>
    (row ?? []).map((cell, c) => {
      const note = cell?.style?.note;
      if (note) notes[`${r + 1},${c + 1}`] = note;
      return ownStyle(cell?.style);
    }),
  );
  let rows = used.rows;
  let columns = used.columns;
  own.forEach((row, r) =>
    row.forEach((style, c) => {
      if (Object.keys(style).length === 0) return;
      rows = Math.max(rows, r + 1);
      columns = Math.max(columns, c + 1);
    }),
  );
  const rules = (sheet.conditionalFormats ?? []).flatMap((rule) =>
    rule.ranges.map((rect) => ({
      ...rect,
      lastRow: rect.openRows ? sheet.maxRows : rect.row + rect.numRows - 1,
      lastColumn: rect.openColumns ? sheet.maxColumns : rect.column + rect.numColumns - 1,
    })),
  );
  const ruled = (r: number, c: number): boolean =>
    rules.some((x) => r >= x.row && r <= x.lastRow && c >= x.column && c <= x.lastColumn);

  const styles: CellStyleView[] = [{}];
  const index = new Map<string, number>([['{}', 0]]);
  const cellStyles: number[][] = [];
  for (let r = 1; r <= rows; r += 1) {
    const runs: number[] = [];
    for (let c = 1; c <= columns; c += 1) {
      let style = own[r - 1]?.[c - 1] ?? {};
      if (ruled(r, c))
        style = withConditional(style, conditionalFormatFor(sheet, r, c, timeZone, { now }));
      const key = JSON.stringify(style);
      let at = index.get(key);
      if (at === undefined) {
        at = styles.push(style) - 1;
        index.set(key, at);
      }
      if (runs[runs.length - 2] === at) runs[runs.length - 1] = (runs[runs.length - 1] ?? 0) + 1;
      else runs.push(at, 1);
    }
    if (runs[runs.length - 2] === 0) runs.splice(-2);
    cellStyles.push(runs);
  }
  return { styles, cellStyles, notes };
}

// ---- charts ------------------------------------------------------------------------------------

function chartView(chart: ChartState, spreadsheet: SpreadsheetState): ChartView {
  const { values, texts } = chartTable(chart, spreadsheet);
  const { width, height, title, svg } = chartSvg(chart, values, texts);
  return { id: chart.id, ...chart.position, width, height, title, svg };
}

/** Rows and columns up to the last cell holding a value or a formula. */
function usedSize(rows: SheetState['rows']): { rows: number; columns: number } {
  let lastRow = 0;
  let lastColumn = 0;
  rows.forEach((row, r) => {
    row?.forEach((cell, c) => {
      if (cell && (cell.f || cell.v !== '')) {
        lastRow = Math.max(lastRow, r + 1);
        lastColumn = Math.max(lastColumn, c + 1);
      }
    });
  });
  return { rows: lastRow, columns: lastColumn };
}

function alignment(cell: CellState | null): string {
  if (!cell || cell.v === '') return 'l';
  if (typeof cell.v === 'number' || cell.v instanceof Date) return 'r';
  if (typeof cell.v === 'boolean') return 'c';
  return 'l';
}

function triggerView(t: TriggerState): TriggerView {
  return {
    id: t.id,
    handler: t.handler,
    eventType: t.eventType,
    owner: t.owner,
    schedule: describeSchedule(t),
    nextRun: t.nextRun ? t.nextRun.toISOString() : null,
    lastRun: t.lastRun ? t.lastRun.toISOString() : null,
  };
}

function describeSchedule(t: TriggerState): string {
  if (t.eventType !== 'CLOCK')
    return `On ${t.eventType.replace('ON_', '').toLowerCase().replace('_', ' ')}`;
  if (t.at) return 'Once';
  if (t.everyMinutes) return `Every ${t.everyMinutes} minutes`;
  if (t.everyHours) return t.everyHours === 1 ? 'Every hour' : `Every ${t.everyHours} hours`;
  const at = t.atHour === undefined ? '' : ` at ${String(t.atHour).padStart(2, '0')}:00`;
  if (t.monthDay !== undefined) return `Monthly on day ${t.monthDay}${at}`;
  if (t.weekDay || t.everyWeeks) {
    const day = t.weekDay ? ` on ${t.weekDay.charAt(0)}${t.weekDay.slice(1).toLowerCase()}s` : '';
    return `${t.everyWeeks && t.everyWeeks > 1 ? `Every ${t.everyWeeks} weeks` : 'Weekly'}${day}${at}`;
  }
  if (t.everyDays) return `${t.everyDays === 1 ? 'Daily' : `Every ${t.everyDays} days`}${at}`;
  return 'Time-driven';
}
