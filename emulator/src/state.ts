/**
 * The emulator's persistent state: everything a real Google account would keep between runs
 * (the workbook, properties, triggers, sent mail, Docs and Drive). Plain JSON-able data, so it can
 * be saved to a local file; Dates are written as {"$date": ISO} and revived on load.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export type CellValue = string | number | boolean | Date;

export interface CellState {
  /** The stored value: '' when empty. For a formula cell, the value it shows (the emulator does not compute formulas). */
  v: CellValue;
  /** A formula, e.g. "=SUM(A1:A3)", when the cell holds one. */
  f?: string;
  /** Number format, e.g. "@" (plain text) or "dd/mm/yyyy". */
  nf?: string;
  /** Data validation rule applied to this cell. */
  dv?: DataValidationState;
  /** Cosmetic formatting (font weight, background...): kept so it can be shown in the grid. */
  style?: Record<string, string>;
}

export interface DataValidationState {
  criteria: string; // DataValidationCriteria name, e.g. 'VALUE_IN_LIST', 'VALUE_IN_RANGE', 'DATE_IS_VALID_DATE'
  values: unknown[]; // for VALUE_IN_RANGE: [{ sheet: string; a1: string }, showDropdown]
  allowInvalid: boolean;
  helpText: string;
  /**
   * Set on the cells of a rule given to a range open to the sheet's last row ('D:D', 'D2:D') or
   * last column ('2:2'): rows (columns) added at the end take the rule too. Never shown to scripts.
   */
  openRows?: true;
  openColumns?: true;
}

/** A rectangle of cells (1-based, inclusive). */
export interface GridRect {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /**
   * Set when the A1 notation left the rows open: 'all' for 'D:F' (no row numbers), 'end' for
   * 'D2:F'. The rectangle then runs to the sheet's last row, however many rows it gains.
   */
  openRows?: 'all' | 'end';
  /** The same for columns: 'all' for '2:3', 'end' for 'B2:3'. */
  openColumns?: 'all' | 'end';
}

export interface ProtectionState {
  id: string;
  type: 'RANGE' | 'SHEET';
  /** For RANGE protections: the protected rectangle (1-based, inclusive). */
  range?: GridRect;
  description: string;
  warningOnly: boolean;
  editors: string[];
  /** For SHEET protections: rectangles anyone may still edit (Protection.setUnprotectedRanges). */
  unprotectedRanges?: GridRect[];
  /** Protection.setDomainEdit: everyone in the owner's domain may edit. */
  domainEdit?: boolean;
}

export interface SheetState {
  id: number;
  name: string;
  /** Dense rows of cells, rows[r][c] is row r+1, column c+1; missing cells are empty. */
  rows: (CellState | null)[][];
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  frozenColumns: number;
  hidden: boolean;
  protections: ProtectionState[];
  columnWidths?: Record<number, number>;
  /** Rows and columns hidden with hideRows / hideColumns (1-based positions, ascending). */
  hiddenRows?: number[];
  hiddenColumns?: number[];
  /** Embedded charts on this sheet (Sheet.insertChart), in the order getCharts() returns them. */
  charts?: ChartState[];
  /** Conditional format rules (Sheet.setConditionalFormatRules), in priority order: first wins. */
  conditionalFormats?: ConditionalFormatRuleState[];
}

/** A rectangle of cells on a sheet named by id, so that renaming the sheet keeps it. */
export interface GridRangeState extends GridRect {
  sheetId: number;
}

export interface ChartState {
  /** EmbeddedChart.getChartId(): unique across the spreadsheet. */
  id: number;
  /** Charts.ChartType name, e.g. 'COLUMN'. */
  type: string;
  /** The data ranges, on any sheet of the spreadsheet. */
  ranges: GridRangeState[];
  /** Where the chart's top-left corner sits (setPosition): anchor cell (1-based) and pixel offsets. */
  position: { row: number; column: number; offsetX: number; offsetY: number };
  /** Google Charts options by key, as setOption (or a typed builder's setter) stored them. */
  options: Record<string, unknown>;
  /** Rows or columns treated as headers; negative: detected automatically. */
  numHeaders: number;
  mergeStrategy: string; // Charts.ChartMergeStrategy name
  hiddenDimensionStrategy: string; // Charts.ChartHiddenDimensionStrategy name
  transpose: boolean;
}

/** The format a conditional format rule applies: unset keys leave the cell's own format. */
export interface ConditionalFormatState {
  background?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  strikethrough?: boolean;
  underline?: boolean;
}

export interface GradientPointState {
  color: string;
  /** SpreadsheetApp.InterpolationType name: NUMBER, PERCENT, PERCENTILE, MIN or MAX. */
  type: string;
  value: string;
}

export interface ConditionalFormatRuleState {
  /** Rectangles of the rule's own sheet. */
  ranges: GridRect[];
  /** A boolean condition: SpreadsheetApp.BooleanCriteria name and its values, with the format. */
  boolean?: { criteria: string; values: unknown[]; format: ConditionalFormatState };
  /** A colour scale. */
  gradient?: { min: GradientPointState; mid?: GradientPointState; max: GradientPointState };
}

export interface SpreadsheetState {
  id: string;
  name: string;
  url: string;
  timeZone: string;
  sheets: SheetState[];
  namedRanges: { name: string; sheet: string; a1: string }[];
  nextSheetId: number;
  /** The sheet shown to the user (SpreadsheetApp.getActiveSheet); the first visible one when unset. */
  activeSheetId?: number;
  /** The spreadsheet's owner: always an editor of every protection. */
  owner?: string;
  /** The id the next inserted chart gets (EmbeddedChart.getChartId). */
  nextChartId?: number;
}

export interface TriggerState {
  id: string;
  handler: string;
  /** 'CLOCK' for time-driven triggers; 'ON_OPEN' / 'ON_EDIT' for installable spreadsheet triggers. */
  eventType: 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';
  /** The user who created it: a trigger runs as this user. */
  owner: string;
  /** Time-driven schedule. */
  atHour?: number;
  nearMinute?: number;
  everyDays?: number;
  everyHours?: number;
  /** Next time it is due (time-driven). */
  nextRun?: Date;
  lastRun?: Date;
  /** More time-driven schedules (ClockTriggerBuilder): every n minutes / weeks, a week or month day. */
  everyMinutes?: number;
  everyWeeks?: number;
  weekDay?: string; // ScriptApp.WeekDay name, e.g. 'MONDAY'
  monthDay?: number;
  /** A one-off trigger (at / atDate / after): runs once at this time. */
  at?: Date;
  /** Time zone of atHour / nearMinute (inTimezone); default the script's. */
  timeZone?: string;
}

export interface SentEmail {
  id: string;
  sentAt: Date;
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  replyTo?: string;
  name?: string;
  subject: string;
  body: string;
  htmlBody?: string;
  /** Sent with noReply: true (from a no-reply address). */
  noReply?: boolean;
  /** Attachments, described (their bytes are not kept). */
  attachments?: { name: string; contentType: string; size: number }[];
}

/** Formatting of part of an element's text (editAsText().setBold(start, endInclusive, true)...). */
export interface TextSpanState {
  start: number;
  /** Inclusive, as Apps Script's endOffsetInclusive. */
  end: number;
  attributes: Record<string, unknown>;
}

/**
 * A page break or horizontal rule: in Docs these live inside a paragraph or list item, never
 * directly in a section. `offset` is where it sits in the paragraph's text (before the character at
 * that offset; the text's length for the end).
 */
export interface InlineElementState {
  type: 'PAGE_BREAK' | 'HORIZONTAL_RULE';
  offset: number;
}

/**
 * A Google Doc's content, kept with its structure so it can be rendered. A section holds
 * paragraphs, list items and tables, as in Docs (state saved by older versions may still hold a
 * bare page break or rule: it is read as a paragraph holding it).
 */
export type DocElementState =
  | {
      type: 'PARAGRAPH';
      text: string;
      heading: string; // DocumentApp.ParagraphHeading name, e.g. 'NORMAL', 'HEADING1', 'TITLE'
      attributes?: Record<string, unknown>;
      spans?: TextSpanState[];
      inline?: InlineElementState[];
    }
  | {
      type: 'LIST_ITEM';
      text: string;
      glyph: string;
      nesting: number;
      attributes?: Record<string, unknown>;
      spans?: TextSpanState[];
      inline?: InlineElementState[];
    }
  | {
      type: 'TABLE';
      rows: string[][];
      attributes?: Record<string, unknown>;
      /** Per-cell formatting keyed `${row},${column}` (0-based), e.g. a bold header row. */
      cellAttributes?: Record<string, Record<string, unknown>>;
    };

export interface DocState {
  id: string;
  name: string;
  url: string;
  owner: string;
  createdAt: Date;
  updatedAt: Date;
  body: DocElementState[];
  header?: DocElementState[];
  footer?: DocElementState[];
}

export interface DriveFileState {
  id: string;
  name: string;
  mimeType: string; // 'application/vnd.google-apps.folder' for folders, '...document' for Docs
  parents: string[];
  owner: string;
  /** True when this add-on created the file: under drive.file that is all it may touch. */
  createdByApp: boolean;
  createdAt: Date;
  trashed: boolean;
  sharing: { access: string; permission: string };
  /** A file made with createFile: its bytes, base64 (Docs keep their content in documents). */
  content?: string;
}

export interface ExecutionRecord {
  id: string;
  functionName: string;
  kind: 'menu' | 'sidebar' | 'trigger' | 'simple-trigger' | 'api';
  user: string;
  startedAt: Date;
  endedAt: Date;
  status: 'completed' | 'failed';
  error?: string;
}

export interface EmulatorState {
  version: 1;
  spreadsheet: SpreadsheetState;
  properties: {
    script: Record<string, string>;
    document: Record<string, string>;
    user: Record<string, Record<string, string>>;
  };
  triggers: TriggerState[];
  outbox: SentEmail[];
  /** Email recipients used per user per day, keyed `${user}|${yyyy-mm-dd}`. */
  mailRecipientsUsed: Record<string, number>;
  documents: DocState[];
  drive: { rootFolderId: string; files: DriveFileState[] };
  executions: ExecutionRecord[];
  /** The emulated "today", so a trial keeps its date across restarts. */
  now?: Date;
  /** Users who have used the add-on in this document (onOpen gets LIMITED for them). */
  addonUsedBy: string[];
  /** Docs created with DocumentApp.create per user per day, keyed `${user}|${yyyy-mm-dd}`. */
  docsCreated?: Record<string, number>;
}

export function emptyState(options: { timeZone?: string; name?: string } = {}): EmulatorState {
  const id = 'sheet-' + Math.random().toString(36).slice(2, 12);
  return {
    version: 1,
    spreadsheet: {
      id,
      name: options.name ?? 'Provision map',
      url: `https://docs.google.com/spreadsheets/d/${id}/edit`,
      timeZone: options.timeZone ?? 'Europe/London',
      sheets: [
        {
          id: 0,
          name: 'Sheet1',
          rows: [],
          maxRows: 1000,
          maxColumns: 26,
          frozenRows: 0,
          frozenColumns: 0,
          hidden: false,
          protections: [],
        },
      ],
      namedRanges: [],
      nextSheetId: 1,
    },
    properties: { script: {}, document: {}, user: {} },
    triggers: [],
    outbox: [],
    mailRecipientsUsed: {},
    documents: [],
    drive: {
      rootFolderId: 'root',
      files: [],
    },
    executions: [],
    addonUsedBy: [],
  };
}

function replacer(this: Record<string, unknown>, key: string, value: unknown): unknown {
  const raw = this[key];
  if (raw instanceof Date) return { $date: raw.toISOString() };
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && '$date' in value) {
    const iso = (value as { $date: unknown }).$date;
    if (typeof iso === 'string') return new Date(iso);
  }
  return value;
}

/**
 * A validation rule usually covers a whole column (a thousand cells holding equal rules): the file
 * keeps each distinct rule once, and cells refer to it by number.
 */
interface StoredState extends EmulatorState {
  validationRules?: DataValidationState[];
}

export function serializeState(state: EmulatorState): string {
  const rules: DataValidationState[] = [];
  const ruleIndex = new Map<string, number>();
  const sheets = state.spreadsheet.sheets.map((sheet) => ({
    ...sheet,
    rows: sheet.rows.map((row) =>
      row.map((cell) => {
        if (!cell?.dv) return cell;
        const key = JSON.stringify(cell.dv);
        let index = ruleIndex.get(key);
        if (index === undefined) {
          index = rules.push(cell.dv) - 1;
          ruleIndex.set(key, index);
        }
        return { ...cell, dv: index };
      }),
    ),
  }));
  const stored = {
    ...state,
    spreadsheet: { ...state.spreadsheet, sheets },
    validationRules: rules,
  };
  return JSON.stringify(stored, replacer);
}

export function parseState(json: string): EmulatorState {
  const { validationRules = [], ...state } = JSON.parse(json, reviver) as StoredState;
  for (const sheet of state.spreadsheet.sheets) {
    for (const row of sheet.rows) {
      for (const cell of row) {
        if (cell && typeof cell.dv === 'number')
          cell.dv = structuredClone(validationRules[cell.dv]);
      }
    }
  }
  return state;
}

export function loadStateFile(file: string): EmulatorState | undefined {
  if (!fs.existsSync(file)) return undefined;
  return parseState(fs.readFileSync(file, 'utf8'));
}

/** Writes atomically (temp file then rename) so a crash never leaves half a workbook. */
/**
 * Writes the state whole (a temporary file renamed over the old one). The file may hold real
 * pupil data, so only its owner may read it: mode 0600, in a folder made 0700.
 */
export function saveStateFile(file: string, state: EmulatorState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, serializeState(state), { mode: 0o600 });
  // The mode given above is reduced by the umask, never widened: set it outright.
  fs.chmodSync(tmp, 0o600);
  fs.renameSync(tmp, file);
}

/** Deep copy, keeping Dates as Dates. */
export function cloneState<T>(value: T): T {
  return structuredClone(value);
}
