/**
 * What GET /api/state returns: the emulator's state as the trial page shows it. Cells are sent as
 * display text (as Sheets shows them, in the spreadsheet's time zone); the page never formats data.
 * Reading the state directly counts no service call.
 */
import type { Emulator, MenuState, TriggerState } from '../src/index';
import type { CellState, SheetState } from '../src/state';
import { displayValue } from '../src/spreadsheet';
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
    tabs: state.spreadsheet.sheets.map((sheet) => tabView(sheet, timeZone)),
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

function tabView(sheet: SheetState, timeZone: string): TabView {
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
  };
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
