/**
 * SpreadsheetApp: an in-memory Google Sheet with Apps Script's semantics.
 *
 * The objects handed to the script (Spreadsheet, Sheet, Range, Protection...) hold only ids and
 * coordinates and read `rt.state` on every call, so they never go stale when the state is mutated
 * or replaced between calls. Every method starts with `rt.call`, which counts it and enforces the
 * scope and auth mode.
 *
 * The file is laid out bottom-up: value parsing and formatting, A1 notation, grid operations
 * (insert/delete/move/sort, keeping references in step), protection and validation checks, the
 * Apps Script classes, and finally helpers the trial page and tests use to act as a person would.
 */
import { SCOPE, ScriptError, type AuthMode, type CellCounts, type Runtime } from './core';
import type {
  CellState,
  CellValue,
  DataValidationState,
  EmulatorState,
  GridRect,
  ProtectionState,
  SheetState,
  SpreadsheetState,
} from './state';
import { MONTHS, WEEKDAYS } from './services';
import { createUi } from './ui';
import * as charts from './charts';
import * as conditionalFormats from './conditional-format';

const SHEET_SCOPES = [SCOPE.SPREADSHEETS_CURRENTONLY, SCOPE.SPREADSHEETS] as const;
const NEW_SHEET_ROWS = 1000;
const NEW_SHEET_COLUMNS = 26;
/** What getNumberFormat() returns for a cell left on "Automatic". */
export const AUTOMATIC_NUMBER_FORMAT = '0.###############';
export const PROTECTED_MESSAGE =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';
const OUT_OF_SHEET_MESSAGE =
  'The coordinates of the range are outside the dimensions of the sheet.';

type CallKind = 'read' | 'write' | 'other';

/** Counts a SpreadsheetApp call, e.g. count(rt, 'Range.getValues', 'read'). */
function count(
  rt: Runtime,
  method: string,
  kind: CallKind = 'other',
  minAuthMode?: AuthMode,
): void {
  rt.call(`SpreadsheetApp.${method}`, { scopes: SHEET_SCOPES, kind, minAuthMode });
}

// ---- enums ------------------------------------------------------------------------------------

function enumOf<const T extends string>(...names: T[]): { readonly [K in T]: K } {
  return Object.freeze(Object.fromEntries(names.map((n) => [n, n]))) as { readonly [K in T]: K };
}

export const DataValidationCriteria = enumOf(
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_BETWEEN',
  'DATE_EQUAL_TO',
  'DATE_IS_VALID_DATE',
  'DATE_NOT_BETWEEN',
  'DATE_ON_OR_AFTER',
  'DATE_ON_OR_BEFORE',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_IS_VALID_EMAIL',
  'TEXT_IS_VALID_URL',
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CUSTOM_FORMULA',
  'CHECKBOX',
);
export type CriteriaName = keyof typeof DataValidationCriteria;

export const ProtectionType = enumOf('RANGE', 'SHEET');
const BorderStyle = enumOf('DOTTED', 'DASHED', 'SOLID', 'SOLID_MEDIUM', 'SOLID_THICK', 'DOUBLE');
const WrapStrategy = enumOf('WRAP', 'OVERFLOW', 'CLIP');
const Dimension = enumOf('COLUMNS', 'ROWS');
export const CopyPasteType = enumOf(
  'PASTE_NORMAL',
  'PASTE_NO_BORDERS',
  'PASTE_FORMAT',
  'PASTE_FORMULA',
  'PASTE_DATA_VALIDATION',
  'PASTE_VALUES',
  'PASTE_CONDITIONAL_FORMATTING',
  'PASTE_COLUMN_WIDTHS',
);

// ---- argument checks --------------------------------------------------------------------------

export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `${value.length > 0 ? typeName(value[0]) : 'Object'}[]`;
  if (typeof value === 'string') return 'String';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'Boolean';
  if (isDate(value)) return 'Date';
  if (typeof value === 'function') return 'Function';
  const text = String(value);
  return text.startsWith('[object') ? 'Object' : text;
}

/** The error Apps Script throws when arguments have the wrong types. */
export function signatureError(method: string, args: unknown[]): ScriptError {
  return new ScriptError(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`,
  );
}

function intArg(method: string, args: unknown[], index: number): number {
  const value = args[index];
  if (typeof value !== 'number' || !Number.isFinite(value)) throw signatureError(method, args);
  return Math.trunc(value);
}

function optionalIntArg(method: string, args: unknown[], index: number, fallback: number): number {
  return args[index] === undefined ? fallback : intArg(method, args, index);
}

function stringArg(method: string, args: unknown[], index: number): string {
  const value = args[index];
  if (typeof value !== 'string') throw signatureError(method, args);
  return value;
}

// ---- time zones and serial numbers ------------------------------------------------------------

interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const wallFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date and clock time a Date shows in a time zone. */
function wallClock(date: Date, timeZone: string): WallClock {
  let formatter = wallFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallFormatters.set(timeZone, formatter);
  }
  const parts: Record<string, number> = {};
  for (const part of formatter.formatToParts(date)) parts[part.type] = Number(part.value);
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Milliseconds since the epoch of a wall-clock time read as if it were UTC. */
function wallAsUtc(w: WallClock): number {
  const d = new Date(Date.UTC(2000, 0, 1, w.hour, w.minute, w.second));
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  return d.getTime();
}

function zoneOffset(time: number, timeZone: string): number {
  const whole = Math.floor(time / 1000) * 1000;
  return wallAsUtc(wallClock(new Date(whole), timeZone)) - whole;
}

/** The instant at which the clocks of `timeZone` show the given wall-clock time. */
export function zonedDate(w: WallClock, timeZone: string): Date {
  const target = wallAsUtc(w);
  const first = target - zoneOffset(target, timeZone);
  return new Date(target - zoneOffset(first, timeZone));
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A date as a Sheets serial number (days since 30 Dec 1899, in the sheet's time zone). */
export function dateToSerial(date: Date, timeZone: string): number {
  const ms = ((date.getTime() % 1000) + 1000) % 1000;
  return (wallAsUtc(wallClock(date, timeZone)) + ms - SERIAL_EPOCH) / DAY_MS;
}

function serialToDate(serial: number, timeZone: string): Date {
  const u = new Date(SERIAL_EPOCH + Math.round(serial * DAY_MS));
  return zonedDate(
    {
      year: u.getUTCFullYear(),
      month: u.getUTCMonth() + 1,
      day: u.getUTCDate(),
      hour: u.getUTCHours(),
      minute: u.getUTCMinutes(),
      second: u.getUTCSeconds(),
    },
    timeZone,
  );
}

// ---- parsing what is written like a person typing it ------------------------------------------

export interface ParsedEntry {
  v: CellValue;
  f?: string;
  /** Number format Sheets applies when the cell has none (e.g. '0%' after typing "50%"). */
  nf?: string;
}

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

function parseNumberText(text: string): number | undefined {
  if (PLAIN_NUMBER.test(text)) return Number(text);
  if (GROUPED_NUMBER.test(text)) return Number(text.replace(/,/g, ''));
  return undefined;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
}

function buildDate(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  time: (string | undefined)[] = [],
): Date | undefined {
  const [h, mi, s] = time.map((t) => (t === undefined ? 0 : Number(t)));
  const hour = h ?? 0;
  const minute = mi ?? 0;
  const second = s ?? 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return zonedDate({ year, month, day, hour, minute, second }, timeZone);
}

function fullYear(text: string): number {
  const year = Number(text);
  if (text.length > 2) return year;
  return year < 30 ? 2000 + year : 1900 + year;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const UK_DATE = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4}|\d{2})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const WORD_DATE = /^(\d{1,2})[ -]([A-Za-z]{3,9})[ -](\d{4})$/;

/** Dates an en-GB spreadsheet recognises when typed: 2026-11-23, 23/11/2026, 23 Nov 2026. */
function parseDateText(text: string, timeZone: string): Date | undefined {
  let m = ISO_DATE.exec(text);
  if (m) return buildDate(timeZone, Number(m[1]), Number(m[2]), Number(m[3]), [m[4], m[5], m[6]]);
  m = UK_DATE.exec(text);
  if (m) {
    const time = [m[5], m[6], m[7]];
    return buildDate(timeZone, fullYear(m[4] ?? ''), Number(m[3]), Number(m[1]), time);
  }
  m = WORD_DATE.exec(text);
  if (m) {
    const word = (m[2] ?? '').toLowerCase();
    const month = MONTHS.findIndex((name) => name.toLowerCase().startsWith(word)) + 1;
    if (month > 0) return buildDate(timeZone, Number(m[3]), month, Number(m[1]));
  }
  return undefined;
}

/**
 * How Sheets stores a value written by setValue(s)/appendRow (USER_ENTERED) or typed by a person:
 * `'text` is literal text, `=...` a formula, "42" a number, "TRUE" a boolean, "23/11/2026" a
 * date (midnight in the sheet's time zone). A cell formatted as plain text ('@') keeps strings as
 * they are, except that a leading `=` still makes a formula (the conservative reading: the add-on
 * must not rely on the text format alone to defend against formula injection).
 */
export function parseUserEntry(
  input: unknown,
  options: { timeZone: string; numberFormat?: string },
): ParsedEntry {
  if (input === null || input === undefined) return { v: '' };
  if (typeof input === 'number')
    return Number.isFinite(input) ? { v: input } : { v: String(input) };
  if (typeof input === 'boolean') return { v: input };
  if (isDate(input)) return { v: new Date(input.getTime()) };
  const text = String(input);
  if (text.length > 1 && text.startsWith('=')) return { v: '', f: text };
  if (options.numberFormat === '@') return { v: text };
  if (text.startsWith("'")) return { v: text.slice(1) };
  const trimmed = text.trim();
  if (trimmed === '') return { v: text };
  const number = parseNumberText(trimmed);
  if (number !== undefined) return { v: number };
  const percent = /^(.+)%$/.exec(trimmed);
  const percentValue = percent ? parseNumberText(percent[1] ?? '') : undefined;
  if (percentValue !== undefined) {
    return { v: percentValue / 100, nf: trimmed.includes('.') ? '0.00%' : '0%' };
  }
  const pounds = /^([+-]?)£(.+)$/.exec(trimmed);
  const poundsValue = pounds ? parseNumberText(pounds[2] ?? '') : undefined;
  if (poundsValue !== undefined) {
    return { v: pounds?.[1] === '-' ? -poundsValue : poundsValue, nf: '£#,##0.00' };
  }
  if (/^(true|false)$/i.test(trimmed)) return { v: trimmed.toLowerCase() === 'true' };
  const date = parseDateText(trimmed, options.timeZone);
  if (date) return { v: date };
  return { v: text };
}

// ---- display formatting -----------------------------------------------------------------------

/** Removes quoted literals and bracketed codes, to classify a number format. */
function stripLiterals(format: string): string {
  return format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
}

function isDateFormat(format: string): boolean {
  const bare = stripLiterals(format);
  return /[dmyhs]/i.test(bare) && !/[0#?]/.test(bare);
}

function isNumberFormat(format: string): boolean {
  return /[0#?]/.test(stripLiterals(format));
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

const DATE_TOKEN =
  /"[^"]*"|\\.|\[[^\]]*\]|y{3,}|y{1,2}|m{5,}|m{4}|m{3}|m{1,2}|d{4,}|d{3}|d{1,2}|h{1,2}|s{1,2}|am\/pm|a\/p|./gi;

/** Formats a date with a Sheets date pattern (case-insensitive: dd/MM/yyyy, d mmm yyyy, HH:mm). */
export function formatDate(date: Date, pattern: string, timeZone: string): string {
  const w = wallClock(date, timeZone);
  const weekday = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
  const tokens = pattern.match(DATE_TOKEN) ?? [];
  const lower = tokens.map((t) => t.toLowerCase());
  const twelveHour = lower.some((t) => t === 'am/pm' || t === 'a/p');
  const isMinute = (i: number): boolean => {
    for (let j = i - 1; j >= 0; j -= 1) {
      const t = lower[j] ?? '';
      if (/^h+$/.test(t)) return true;
      if (/^[dmy]+$/.test(t)) break;
    }
    for (let j = i + 1; j < lower.length; j += 1) {
      const t = lower[j] ?? '';
      if (/^s+$/.test(t)) return true;
      if (/^[dmyh]+$/.test(t)) break;
    }
    return false;
  };
  const hour12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
  return tokens
    .map((token, i) => {
      const t = lower[i] ?? '';
      if (token.startsWith('"')) return token.slice(1, -1);
      if (token.startsWith('\\')) return token.slice(1);
      if (token.startsWith('[')) return '';
      if (/^y{3,}$/.test(t)) return String(w.year);
      if (/^y{1,2}$/.test(t)) return pad(w.year % 100);
      if (/^m{1,2}$/.test(t) && isMinute(i))
        return t.length === 2 ? pad(w.minute) : String(w.minute);
      if (t === 'm') return String(w.month);
      if (t === 'mm') return pad(w.month);
      if (t === 'mmm') return MONTHS[w.month - 1]?.slice(0, 3) ?? '';
      if (t === 'mmmm') return MONTHS[w.month - 1] ?? '';
      if (/^m{5,}$/.test(t)) return MONTHS[w.month - 1]?.slice(0, 1) ?? '';
      if (t === 'd') return String(w.day);
      if (t === 'dd') return pad(w.day);
      if (t === 'ddd') return WEEKDAYS[weekday]?.slice(0, 3) ?? '';
      if (/^d{4,}$/.test(t)) return WEEKDAYS[weekday] ?? '';
      if (t === 'h') return String(twelveHour ? hour12 : w.hour);
      if (t === 'hh') return pad(twelveHour ? hour12 : w.hour);
      if (t === 's') return String(w.second);
      if (t === 'ss') return pad(w.second);
      if (t === 'am/pm') return w.hour < 12 ? 'AM' : 'PM';
      if (t === 'a/p') return w.hour < 12 ? 'A' : 'P';
      return token;
    })
    .join('');
}

function formatLiteral(text: string): string {
  return text
    .replace(/\[\$([^\]-]*)(?:-[^\]]*)?\]/g, '$1')
    .replace(/"([^"]*)"|\\(.)|[_*](.)/g, (_m, quoted: string, escaped: string) =>
      quoted !== undefined ? quoted : escaped !== undefined ? escaped : '',
    );
}

/** Formats a number with a Sheets number pattern: 0, 0.00, #,##0, 0%, £#,##0.00, 0.###. */
export function formatNumber(value: number, pattern: string): string {
  // Sections: positive;negative;zero (Sheets' custom number formats).
  const sections = pattern.split(';');
  const negativeSection = value < 0 && sections.length > 1 ? sections[1] : undefined;
  const zeroSection = value === 0 && sections.length > 2 ? sections[2] : undefined;
  const section = negativeSection ?? zeroSection ?? sections[0] ?? '';
  const numeric = /[#0?][#0?,]*(?:\.[#0?]*)?|\.[#0?]+/.exec(section);
  if (!numeric) return formatLiteral(section);
  const prefix = formatLiteral(section.slice(0, numeric.index));
  const suffix = formatLiteral(section.slice(numeric.index + numeric[0].length));
  const [intPattern = '', decPattern = ''] = numeric[0].split('.');
  const x = Math.abs(value) * (section.includes('%') ? 100 : 1);
  const minDecimals = (decPattern.match(/0/g) ?? []).length;
  const maxDecimals = decPattern.length;
  let [intDigits = '0', decimals = ''] = x.toFixed(maxDecimals).split('.');
  while (decimals.length > minDecimals && decimals.endsWith('0')) decimals = decimals.slice(0, -1);
  const minInt = (intPattern.match(/0/g) ?? []).length;
  intDigits = intDigits.replace(/^0+(?=\d)/, '');
  if (intDigits === '0' && minInt === 0) intDigits = '';
  intDigits = intDigits.padStart(minInt, '0');
  if (intPattern.includes(',')) intDigits = intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const nonZero = /[1-9]/.test(intDigits + decimals);
  const sign = value < 0 && negativeSection === undefined && nonZero ? '-' : '';
  return `${sign}${prefix}${intDigits}${decimals ? `.${decimals}` : ''}${suffix}`;
}

/** A number as Sheets shows it in "Automatic" format: up to ten significant decimals. */
function plainNumber(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const intDigits = String(Math.trunc(Math.abs(value))).length;
  return String(Number(value.toFixed(Math.max(0, 10 - intDigits))));
}

function automaticDateFormat(date: Date, timeZone: string): string {
  const w = wallClock(date, timeZone);
  return w.hour === 0 && w.minute === 0 && w.second === 0 ? 'dd/MM/yyyy' : 'dd/MM/yyyy HH:mm:ss';
}

/** The text a cell shows in the grid (what getDisplayValues returns). */
export function displayValue(cell: CellState | null | undefined, timeZone: string): string {
  if (!cell) return '';
  const { v, nf } = cell;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDate(v)) {
    if (nf && isDateFormat(nf)) return formatDate(v, nf, timeZone);
    if (nf && isNumberFormat(nf)) return formatNumber(dateToSerial(v, timeZone), nf);
    return formatDate(v, automaticDateFormat(v, timeZone), timeZone);
  }
  if (typeof v === 'number') {
    if (nf && isDateFormat(nf)) return formatDate(serialToDate(v, timeZone), nf, timeZone);
    if (nf && nf !== AUTOMATIC_NUMBER_FORMAT && isNumberFormat(nf)) return formatNumber(v, nf);
    return plainNumber(v);
  }
  return v;
}

// ---- A1 notation ------------------------------------------------------------------------------

/** A rectangle of cells; open rows or columns ('D:D', 'A2:C', '2:3') run to the sheet's end. */
export type Rect = GridRect;

/** A1 bounds; an undefined bound is open ('A:A' has no rows, '2:2' no columns). */
interface A1Bounds {
  r1?: number;
  c1?: number;
  r2?: number;
  c2?: number;
}

export function columnLetters(column: number): string {
  let n = column;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const A1_PART = /^\$?([A-Za-z]{0,3})\$?(\d{0,7})$/;

function parseA1(a1: string): A1Bounds | undefined {
  const parts = a1.trim().split(':');
  if (parts.length < 1 || parts.length > 2) return undefined;
  const parsed = parts.map((p) => A1_PART.exec(p));
  const [start, end] = parsed;
  if (!start || (parts.length === 2 && !end)) return undefined;
  const read = (m: RegExpExecArray): { c?: number; r?: number } => ({
    c: m[1] ? columnNumber(m[1]) : undefined,
    r: m[2] ? Number(m[2]) : undefined,
  });
  const s = read(start);
  if (!end) {
    if (s.c === undefined || s.r === undefined || s.r < 1) return undefined;
    return { r1: s.r, c1: s.c, r2: s.r, c2: s.c };
  }
  const e = read(end);
  if ((s.c === undefined && s.r === undefined) || (e.c === undefined && e.r === undefined)) {
    return undefined;
  }
  if (s.r === 0 || e.r === 0) return undefined;
  // '1:3' has no columns, 'A:C' no rows; 'A2:C' runs to the last row.
  if ((s.c === undefined) !== (e.c === undefined) && (s.r === undefined || e.r === undefined)) {
    return undefined;
  }
  const order = (a?: number, b?: number): [number | undefined, number | undefined] =>
    a !== undefined && b !== undefined && b < a ? [b, a] : [a, b];
  const [r1, r2] = order(s.r, e.r);
  const [c1, c2] = order(s.c, e.c);
  return { r1, c1, r2, c2 };
}

function boundsToA1(b: A1Bounds): string {
  const start = (b.c1 ? columnLetters(b.c1) : '') + (b.r1 ?? '');
  const end = (b.c2 ? columnLetters(b.c2) : '') + (b.r2 ?? '');
  const single = b.r1 !== undefined && b.c1 !== undefined && start === end;
  return single ? start : `${start}:${end}`;
}

/** A1 notation of a rectangle, keeping open rows and columns open ('D:F', '2:3', 'A2:C'). */
export function rectToA1(rect: Rect): string {
  return boundsToA1({
    r1: rect.openRows === 'all' ? undefined : rect.row,
    c1: rect.openColumns === 'all' ? undefined : rect.column,
    r2: rect.openRows ? undefined : rect.row + rect.numRows - 1,
    c2: rect.openColumns ? undefined : rect.column + rect.numColumns - 1,
  });
}

function boundsToRect(b: A1Bounds, sheet: SheetState): Rect {
  const row = b.r1 ?? 1;
  const column = b.c1 ?? 1;
  const rect: Rect = {
    row,
    column,
    numRows: (b.r2 ?? sheet.maxRows) - row + 1,
    numColumns: (b.c2 ?? sheet.maxColumns) - column + 1,
  };
  if (b.r2 === undefined) rect.openRows = b.r1 === undefined ? 'all' : 'end';
  if (b.c2 === undefined) rect.openColumns = b.c1 === undefined ? 'all' : 'end';
  return rect;
}

/**
 * The cells an open rectangle covers now: to the sheet's last row (column), however many rows
 * were added or deleted since it was made. Bounded rectangles are returned as they are.
 */
function resolveRect(rect: Rect, sheet: SheetState): Rect {
  if (!rect.openRows && !rect.openColumns) return rect;
  const resolved = { ...rect };
  if (rect.openRows) resolved.numRows = Math.max(1, sheet.maxRows - rect.row + 1);
  if (rect.openColumns) resolved.numColumns = Math.max(1, sheet.maxColumns - rect.column + 1);
  return resolved;
}

/** Splits "'Provision library'!A1:C3" into the sheet name and the A1 part. */
function splitSheetRef(ref: string): { sheetName?: string; a1: string } {
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(ref);
  if (quoted) return { sheetName: (quoted[1] ?? '').replace(/''/g, "'"), a1: quoted[2] ?? '' };
  const bang = ref.lastIndexOf('!');
  return bang < 0 ? { a1: ref } : { sheetName: ref.slice(0, bang), a1: ref.slice(bang + 1) };
}

function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

// ---- relative references in formulas ----------------------------------------------------------

const CELL_REF = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const REF_END = String.raw`(?:\$?[A-Za-z]{1,3}\$?\d+|\$?[A-Za-z]{1,3}|\$?\d+)`;
const NOT_A_NAME = String.raw`(?![A-Za-z0-9_.(!])`;
/**
 * The pieces of a formula, left to right: a string literal, a quoted sheet name, a cell or range
 * reference (A1, $A$1, A1:B2, A:A, 2:3, A2:C), a name (SUM, TRUE, Sheet1, a named range) or a
 * number. Names are matched whole, so LOG10( or Sheet1! never read as references.
 */
const FORMULA_TOKEN = new RegExp(
  [
    String.raw`"(?:[^"]|"")*"`,
    String.raw`'(?:[^']|'')+'!`,
    `(${CELL_REF})(?::(${REF_END}))?${NOT_A_NAME}`,
    String.raw`(\$?[A-Za-z]{1,3}|\$?\d+):(${REF_END})${NOT_A_NAME}`,
    String.raw`[A-Za-z_][A-Za-z0-9_.]*`,
    String.raw`\d+(?:\.\d*)?(?:[eE][+-]?\d+)?`,
  ].join('|'),
  'g',
);

/** One end of a reference moved by (dRows, dColumns); undefined when it falls off the sheet. */
function shiftRefPart(part: string, dRows: number, dColumns: number): string | undefined {
  const m = /^(\$?)([A-Za-z]*)(\$?)(\d*)$/.exec(part);
  if (!m) return part;
  const [, first = '', letters = '', second = '', digits = ''] = m;
  const colAbs = letters ? first : '';
  const rowAbs = letters ? second : first || second; // in '$5' the $ anchors the row
  let column = letters ? columnNumber(letters) : 0;
  let row = digits ? Number(digits) : 0;
  if (letters && !colAbs) column += dColumns;
  if (digits && !rowAbs) row += dRows;
  if ((letters && column < 1) || (digits && row < 1)) return undefined;
  return `${colAbs}${letters ? columnLetters(column) : ''}${rowAbs}${digits ? row : ''}`;
}

/**
 * A formula as it reads in a cell `dRows` below and `dColumns` right of the cell it was written
 * for, as Sheets fills setFormula over a range or pastes with copyTo: relative parts move, parts
 * anchored with $ stay; a reference pushed off the sheet becomes #REF!.
 */
export function shiftFormula(formula: string, dRows: number, dColumns: number): string {
  if (!formula.startsWith('=') || (dRows === 0 && dColumns === 0)) return formula;
  return formula.replace(
    FORMULA_TOKEN,
    (token: string, a1?: string, a2?: string, b1?: string, b2?: string) => {
      const start = a1 ?? b1;
      if (start === undefined) return token;
      const end = a2 ?? b2;
      const parts = [start, ...(end === undefined ? [] : [end])].map((p) =>
        shiftRefPart(p, dRows, dColumns),
      );
      return parts.some((p) => p === undefined) ? '#REF!' : parts.join(':');
    },
  );
}

// ---- the grid ---------------------------------------------------------------------------------

function findSheet(state: EmulatorState, name: string): SheetState | undefined {
  return state.spreadsheet.sheets.find((s) => s.name === name);
}

function requireTab(state: EmulatorState, name: string): SheetState {
  const sheet = findSheet(state, name);
  if (!sheet) throw new Error(`No tab named "${name}" in the spreadsheet.`);
  return sheet;
}

function cellAt(sheet: SheetState, row: number, column: number): CellState | undefined {
  return sheet.rows[row - 1]?.[column - 1] ?? undefined;
}

/** The cell at (row, column), created empty when missing. */
function mutableCell(sheet: SheetState, row: number, column: number): CellState {
  while (sheet.rows.length < row) sheet.rows.push([]);
  const cells = sheet.rows[row - 1] as (CellState | null)[];
  while (cells.length < column) cells.push(null);
  let cell = cells[column - 1];
  if (!cell) {
    cell = { v: '' };
    cells[column - 1] = cell;
  }
  return cell;
}

function hasContent(cell: CellState | null | undefined): boolean {
  return !!cell && (cell.v !== '' || !!cell.f);
}

/** Drops a cell that holds nothing at all, so the stored grid stays small. */
function tidyCell(sheet: SheetState, row: number, column: number): void {
  const cells = sheet.rows[row - 1];
  const cell = cells?.[column - 1];
  if (!cells || !cell) return;
  if (cell.style && Object.keys(cell.style).length === 0) delete cell.style;
  if (!hasContent(cell) && !cell.nf && !cell.dv && !cell.style) cells[column - 1] = null;
}

function lastRowOf(sheet: SheetState): number {
  for (let r = sheet.rows.length; r >= 1; r -= 1) {
    if ((sheet.rows[r - 1] ?? []).some(hasContent)) return r;
  }
  return 0;
}

function lastColumnOf(sheet: SheetState): number {
  let last = 0;
  for (const cells of sheet.rows) {
    for (let c = cells.length; c > last; c -= 1) {
      if (hasContent(cells[c - 1])) {
        last = c;
        break;
      }
    }
  }
  return last;
}

function cloneValue(value: CellValue): CellValue {
  return isDate(value) ? new Date(value.getTime()) : value;
}

function writeEntry(sheet: SheetState, row: number, column: number, entry: ParsedEntry): void {
  if (!cellAt(sheet, row, column) && entry.v === '' && !entry.f && !entry.nf) return;
  const cell = mutableCell(sheet, row, column);
  cell.v = entry.v;
  if (entry.f) cell.f = entry.f;
  else delete cell.f;
  if (entry.nf && !cell.nf) cell.nf = entry.nf;
  tidyCell(sheet, row, column);
}

function forEachCell(
  rect: Rect,
  fn: (row: number, column: number, i: number, j: number) => void,
): void {
  for (let i = 0; i < rect.numRows; i += 1) {
    for (let j = 0; j < rect.numColumns; j += 1) fn(rect.row + i, rect.column + j, i, j);
  }
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// ---- keeping references in step when rows and columns move ------------------------------------

type Axis = 'row' | 'column';

/** How an insert, delete or move changes a span [start, end] of rows or columns (undefined: gone). */
interface AxisChange {
  axis: Axis;
  map(start: number, end: number): [number, number] | undefined;
}

function insertChange(axis: Axis, at: number, n: number): AxisChange {
  return { axis, map: (s, e) => [s >= at ? s + n : s, e >= at ? e + n : e] };
}

function deleteChange(axis: Axis, at: number, n: number): AxisChange {
  const last = at + n - 1;
  return {
    axis,
    map: (s, e) => {
      const start = s < at ? s : s > last ? s - n : at;
      const end = e < at ? e : e > last ? e - n : at - 1;
      return end < start ? undefined : [start, end];
    },
  };
}

function moveChange(axis: Axis, from: number, to: number): AxisChange {
  const p = (i: number): number => {
    if (i === from) return to;
    if (from < to && i > from && i <= to) return i - 1;
    if (from > to && i >= to && i < from) return i + 1;
    return i;
  };
  return {
    axis,
    map: (s, e) => {
      const a = p(s);
      const b = p(e);
      return [Math.min(a, b), Math.max(a, b)];
    },
  };
}

function changeRect(rect: Rect, change: AxisChange, sheet: SheetState): Rect | undefined {
  const rows = change.axis === 'row';
  const open = rows ? rect.openRows : rect.openColumns;
  // 'D:D' keeps every row whatever happens to them; 'D2:D' moves its start only.
  if (open === 'all') return resolveRect(rect, sheet);
  const start = rows ? rect.row : rect.column;
  const size = rows ? rect.numRows : rect.numColumns;
  const mapped = change.map(start, open ? Number.MAX_SAFE_INTEGER : start + size - 1);
  if (!mapped) return undefined;
  const [s, e] = mapped;
  const moved = rows
    ? { ...rect, row: s, numRows: e - s + 1 }
    : { ...rect, column: s, numColumns: e - s + 1 };
  return resolveRect(moved, sheet);
}

/** Hidden rows (columns) move with their lines; deleted ones are forgotten. */
function remapHidden(sheet: SheetState, change: AxisChange): void {
  const key = change.axis === 'row' ? 'hiddenRows' : 'hiddenColumns';
  const hidden = sheet[key];
  if (!hidden) return;
  const moved = hidden.flatMap((line) => change.map(line, line)?.[0] ?? []);
  setHidden(sheet, key, moved);
}

function setHidden(sheet: SheetState, key: 'hiddenRows' | 'hiddenColumns', lines: number[]): void {
  const sorted = [...new Set(lines)].sort((a, b) => a - b);
  if (sorted.length > 0) sheet[key] = sorted;
  else delete sheet[key];
}

function changeA1(a1: string, change: AxisChange): string | undefined {
  const b = parseA1(a1);
  if (!b) return a1;
  const rows = change.axis === 'row';
  const lo = rows ? b.r1 : b.c1;
  const hi = rows ? b.r2 : b.c2;
  if (lo === undefined && hi === undefined) return a1;
  const mapped = change.map(lo ?? 1, hi ?? Number.MAX_SAFE_INTEGER);
  if (!mapped) return undefined;
  const next = { ...b };
  if (rows) {
    next.r1 = lo === undefined ? undefined : mapped[0];
    next.r2 = hi === undefined ? undefined : mapped[1];
  } else {
    next.c1 = lo === undefined ? undefined : mapped[0];
    next.c2 = hi === undefined ? undefined : mapped[1];
  }
  return boundsToA1(next);
}

/** Moves protections, named ranges and range-based validation rules along with their cells. */
function applyChangeToReferences(
  ss: SpreadsheetState,
  sheet: SheetState,
  change: AxisChange,
): void {
  remapHidden(sheet, change);
  sheet.protections = sheet.protections.filter((p) => {
    if (p.unprotectedRanges) {
      p.unprotectedRanges = p.unprotectedRanges.flatMap((r) => changeRect(r, change, sheet) ?? []);
    }
    if (!p.range) return true;
    const moved = changeRect(p.range, change, sheet);
    if (moved) p.range = moved;
    return moved !== undefined;
  });
  ss.namedRanges = ss.namedRanges.filter((nr) => {
    if (nr.sheet !== sheet.name) return true;
    const moved = changeA1(nr.a1, change);
    if (moved) nr.a1 = moved;
    return moved !== undefined;
  });
  for (const other of ss.sheets) {
    for (const cells of other.rows) {
      for (const cell of cells) {
        const ref = cell?.dv?.criteria === 'VALUE_IN_RANGE' ? rangeRefOf(cell.dv) : undefined;
        if (!ref || ref.sheet !== sheet.name) continue;
        ref.a1 = changeA1(ref.a1, change) ?? '#REF!';
      }
    }
  }
  // Charts (their data ranges on any sheet, their anchor cells) and conditional format rules too.
  const mapRect = (rect: Rect): Rect | undefined => changeRect(rect, change, sheet);
  charts.shiftCharts(ss, sheet, change.axis, mapRect);
  conditionalFormats.shiftConditionalFormats(sheet, mapRect);
}

function rangeRefOf(dv: DataValidationState): { sheet: string; a1: string } | undefined {
  const ref = dv.values[0];
  if (ref && typeof ref === 'object' && 'sheet' in ref && 'a1' in ref) {
    return ref as { sheet: string; a1: string };
  }
  return undefined;
}

/**
 * New rows take the formatting of their neighbour (the row before for insertRowsAfter, the row
 * after for insertRowsBefore, as the Sheets API's inheritFromBefore), and a validation rule when
 * they land inside a block of cells that all share it.
 */
function inheritIntoNewLines(
  sheet: SheetState,
  axis: Axis,
  first: number,
  n: number,
  from: 'before' | 'after',
): void {
  const source = from === 'before' ? first - 1 : first + n;
  const before = first - 1;
  const after = first + n;
  const limit = axis === 'row' ? sheet.maxRows : sheet.maxColumns;
  if (source < 1 || source > limit) return;
  const at = (line: number, other: number): CellState | undefined =>
    axis === 'row' ? cellAt(sheet, line, other) : cellAt(sheet, other, line);
  const across =
    axis === 'row'
      ? Math.max(...[before, after].map((r) => sheet.rows[r - 1]?.length ?? 0), 0)
      : sheet.rows.length;
  const atEnd = after > limit;
  const openKey = axis === 'row' ? 'openRows' : 'openColumns';
  for (let k = 1; k <= across; k += 1) {
    const src = at(source, k);
    const dvBefore = at(before, k)?.dv;
    const dvAfter = at(after, k)?.dv;
    // Lines added after the last one stay inside a rule given to an open range ('D:D').
    const inside = dvAfter ? sameJson(dvBefore, dvAfter) : atEnd && !!dvBefore?.[openKey];
    const dv = dvBefore && inside ? dvBefore : undefined;
    const style = src?.style
      ? Object.fromEntries(Object.entries(src.style).filter(([key]) => key !== 'note'))
      : undefined;
    if (!src?.nf && !style && !dv) continue;
    for (let line = first; line < first + n; line += 1) {
      const [row, column] = axis === 'row' ? [line, k] : [k, line];
      const cell = mutableCell(sheet, row, column);
      if (src?.nf) cell.nf = src.nf;
      if (style) cell.style = { ...style };
      if (dv) cell.dv = structuredClone(dv);
      tidyCell(sheet, row, column);
    }
  }
}

function insertRowsAt(
  ss: SpreadsheetState,
  sheet: SheetState,
  at: number,
  n: number,
  inherit: 'before' | 'after',
): void {
  if (at - 1 <= sheet.rows.length) {
    sheet.rows.splice(at - 1, 0, ...Array.from({ length: n }, () => []));
  }
  sheet.maxRows += n;
  if (at <= sheet.frozenRows) sheet.frozenRows += n;
  applyChangeToReferences(ss, sheet, insertChange('row', at, n));
  inheritIntoNewLines(sheet, 'row', at, n, inherit);
}

/**
 * The sheet growing to `size` rows (columns) because something was written past its end, as
 * appendRow does: the new lines take the rules of open ranges ('D:D') and nothing else.
 */
function growLines(sheet: SheetState, axis: Axis, size: number): void {
  const old = axis === 'row' ? sheet.maxRows : sheet.maxColumns;
  if (size <= old) return;
  if (axis === 'row') sheet.maxRows = size;
  else sheet.maxColumns = size;
  const openKey = axis === 'row' ? 'openRows' : 'openColumns';
  const across = axis === 'row' ? (sheet.rows[old - 1]?.length ?? 0) : sheet.rows.length;
  for (let k = 1; k <= across; k += 1) {
    const dv = (axis === 'row' ? cellAt(sheet, old, k) : cellAt(sheet, k, old))?.dv;
    if (!dv?.[openKey]) continue;
    for (let line = old + 1; line <= size; line += 1) {
      const [row, column] = axis === 'row' ? [line, k] : [k, line];
      mutableCell(sheet, row, column).dv = structuredClone(dv);
    }
  }
}

function deleteRowsAt(ss: SpreadsheetState, sheet: SheetState, at: number, n: number): void {
  sheet.rows.splice(at - 1, n);
  sheet.maxRows -= n;
  sheet.frozenRows -= Math.max(0, Math.min(sheet.frozenRows, at + n - 1) - at + 1);
  applyChangeToReferences(ss, sheet, deleteChange('row', at, n));
}

function remapColumnWidths(sheet: SheetState, change: AxisChange): void {
  if (!sheet.columnWidths) return;
  const widths: Record<number, number> = {};
  for (const [key, width] of Object.entries(sheet.columnWidths)) {
    const moved = change.map(Number(key), Number(key));
    if (moved) widths[moved[0]] = width;
  }
  sheet.columnWidths = widths;
}

function insertColumnsAt(
  ss: SpreadsheetState,
  sheet: SheetState,
  at: number,
  n: number,
  inherit: 'before' | 'after',
): void {
  for (const cells of sheet.rows) {
    if (cells.length >= at - 1) cells.splice(at - 1, 0, ...Array.from({ length: n }, () => null));
  }
  sheet.maxColumns += n;
  if (at <= sheet.frozenColumns) sheet.frozenColumns += n;
  const change = insertChange('column', at, n);
  remapColumnWidths(sheet, change);
  applyChangeToReferences(ss, sheet, change);
  inheritIntoNewLines(sheet, 'column', at, n, inherit);
}

function deleteColumnsAt(ss: SpreadsheetState, sheet: SheetState, at: number, n: number): void {
  for (const cells of sheet.rows) cells.splice(at - 1, n);
  sheet.maxColumns -= n;
  sheet.frozenColumns -= Math.max(0, Math.min(sheet.frozenColumns, at + n - 1) - at + 1);
  const change = deleteChange('column', at, n);
  remapColumnWidths(sheet, change);
  applyChangeToReferences(ss, sheet, change);
}

/** Moves column `from` so that it ends up at position `to` (both 1-based). */
function moveColumn(ss: SpreadsheetState, sheet: SheetState, from: number, to: number): void {
  if (from === to) return;
  const width = Math.max(from, to);
  for (const cells of sheet.rows) {
    if (cells.length < Math.min(from, to)) continue;
    while (cells.length < width) cells.push(null);
    const [moved] = cells.splice(from - 1, 1);
    cells.splice(to - 1, 0, moved ?? null);
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
  }
  const change = moveChange('column', from, to);
  remapColumnWidths(sheet, change);
  applyChangeToReferences(ss, sheet, change);
}

interface SortSpec {
  column: number;
  ascending: boolean;
}

function sortKey(cell: CellState, timeZone: string): { rank: number; num: number; text: string } {
  const v = cell.v;
  if (typeof v === 'number') return { rank: 0, num: v, text: '' };
  if (isDate(v)) return { rank: 0, num: dateToSerial(v, timeZone), text: '' };
  if (typeof v === 'boolean') return { rank: 2, num: v ? 1 : 0, text: '' };
  return { rank: 1, num: 0, text: v };
}

function compareCells(
  a: CellState | null | undefined,
  b: CellState | null | undefined,
  ascending: boolean,
  timeZone: string,
): number {
  const blankA = !hasContent(a);
  const blankB = !hasContent(b);
  if (blankA || blankB || !a || !b) return blankA === blankB ? 0 : blankA ? 1 : -1; // blanks last
  const ka = sortKey(a, timeZone);
  const kb = sortKey(b, timeZone);
  const order =
    ka.rank - kb.rank ||
    ka.num - kb.num ||
    ka.text.localeCompare(kb.text, 'en', { sensitivity: 'base' });
  return ascending ? order : -order;
}

/** Sorts the rows of a block (cells outside its columns stay put); stable, blanks last. */
function sortBlock(sheet: SheetState, block: Rect, specs: SortSpec[], timeZone: string): void {
  const lastColumn = block.column + block.numColumns - 1;
  const rows = Array.from({ length: block.numRows }, (_, i) => {
    const cells = sheet.rows[block.row - 1 + i] ?? [];
    return Array.from({ length: block.numColumns }, (_x, j) => cells[block.column - 1 + j] ?? null);
  });
  const order = rows.map((cells, index) => ({ cells, index }));
  order.sort((a, b) => {
    for (const spec of specs) {
      const k = spec.column - block.column;
      const c = compareCells(a.cells[k], b.cells[k], spec.ascending, timeZone);
      if (c !== 0) return c;
    }
    return a.index - b.index;
  });
  order.forEach(({ cells }, i) => {
    const row = block.row + i;
    if (cells.every((c) => c === null) && (sheet.rows[row - 1]?.length ?? 0) < block.column) return;
    while (sheet.rows.length < row) sheet.rows.push([]);
    const target = sheet.rows[row - 1] as (CellState | null)[];
    while (target.length < lastColumn) target.push(null);
    target.splice(block.column - 1, block.numColumns, ...cells);
  });
}

// ---- protections and validation -----------------------------------------------------------------

function sameEmail(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function domainOf(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1).toLowerCase();
}

function canEditProtection(ss: SpreadsheetState, p: ProtectionState, user: string): boolean {
  if (ss.owner && sameEmail(ss.owner, user)) return true;
  if (p.editors.some((e) => sameEmail(e, user))) return true;
  return !!p.domainEdit && !!ss.owner && domainOf(ss.owner) === domainOf(user);
}

function overlaps(a: Rect, b: Rect): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}

function contains(outer: Rect, row: number, column: number): boolean {
  return (
    row >= outer.row &&
    row < outer.row + outer.numRows &&
    column >= outer.column &&
    column < outer.column + outer.numColumns
  );
}

/** The protection that stops `user` changing `rect`, if any (warning-only ones never block). */
function blockingProtection(
  ss: SpreadsheetState,
  sheet: SheetState,
  rect: Rect,
  user: string,
): ProtectionState | undefined {
  return sheet.protections.find((p) => {
    if (p.warningOnly || canEditProtection(ss, p, user)) return false;
    if (p.type === 'RANGE') return !!p.range && overlaps(resolveRect(p.range, sheet), rect);
    const open = (p.unprotectedRanges ?? []).map((u) => resolveRect(u, sheet));
    let blocked = false;
    forEachCell(rect, (row, column) => {
      if (!blocked && !open.some((u) => contains(u, row, column))) blocked = true;
    });
    return blocked;
  });
}

function assertEditable(rt: Runtime, sheet: SheetState, rect: Rect): void {
  if (blockingProtection(rt.state.spreadsheet, sheet, rect, rt.user)) {
    throw new ScriptError(PROTECTED_MESSAGE);
  }
}

function rangeDisplayValues(ss: SpreadsheetState, ref: { sheet: string; a1: string }): string[] {
  const sheet = ss.sheets.find((s) => s.name === ref.sheet);
  const bounds = parseA1(ref.a1);
  if (!sheet || !bounds) return [];
  const out: string[] = [];
  forEachCell(boundsToRect(bounds, sheet), (row, column) => {
    out.push(displayValue(cellAt(sheet, row, column), ss.timeZone));
  });
  return out;
}

function dayOf(value: unknown, timeZone: string): number {
  return isDate(value) ? Math.floor(dateToSerial(value, timeZone)) : NaN;
}

/** Whether a cell's value satisfies a validation rule (empty cells always do). */
export function validationPasses(
  ss: SpreadsheetState,
  dv: DataValidationState,
  cell: CellState,
): boolean {
  if (!hasContent(cell)) return true;
  const v = cell.v;
  const tz = ss.timeZone;
  const shown = displayValue(cell, tz);
  const [a, b] = dv.values;
  const num = typeof v === 'number' ? v : NaN;
  const day = dayOf(v, tz);
  const text = typeof v === 'string' ? v : shown;
  switch (dv.criteria as CriteriaName) {
    case 'VALUE_IN_LIST':
      return Array.isArray(a) && a.map(String).includes(shown);
    case 'VALUE_IN_RANGE': {
      const ref = rangeRefOf(dv);
      return !!ref && rangeDisplayValues(ss, ref).includes(shown);
    }
    case 'CHECKBOX':
      if (dv.values.length === 0) return typeof v === 'boolean';
      return dv.values.some((x) => String(x) === shown || x === v);
    case 'DATE_IS_VALID_DATE':
      return isDate(v);
    case 'DATE_AFTER':
      return day > dayOf(a, tz);
    case 'DATE_BEFORE':
      return day < dayOf(a, tz);
    case 'DATE_ON_OR_AFTER':
      return day >= dayOf(a, tz);
    case 'DATE_ON_OR_BEFORE':
      return day <= dayOf(a, tz);
    case 'DATE_EQUAL_TO':
      return day === dayOf(a, tz);
    case 'DATE_BETWEEN':
      return day >= dayOf(a, tz) && day <= dayOf(b, tz);
    case 'DATE_NOT_BETWEEN':
      return isDate(v) && !(day >= dayOf(a, tz) && day <= dayOf(b, tz));
    case 'NUMBER_BETWEEN':
      return num >= Number(a) && num <= Number(b);
    case 'NUMBER_NOT_BETWEEN':
      return typeof v === 'number' && !(num >= Number(a) && num <= Number(b));
    case 'NUMBER_EQUAL_TO':
      return num === Number(a);
    case 'NUMBER_NOT_EQUAL_TO':
      return typeof v === 'number' && num !== Number(a);
    case 'NUMBER_GREATER_THAN':
      return num > Number(a);
    case 'NUMBER_GREATER_THAN_OR_EQUAL_TO':
      return num >= Number(a);
    case 'NUMBER_LESS_THAN':
      return num < Number(a);
    case 'NUMBER_LESS_THAN_OR_EQUAL_TO':
      return num <= Number(a);
    case 'TEXT_CONTAINS':
      return text.toLowerCase().includes(String(a).toLowerCase());
    case 'TEXT_DOES_NOT_CONTAIN':
      return !text.toLowerCase().includes(String(a).toLowerCase());
    case 'TEXT_EQUAL_TO':
      return text === String(a);
    case 'TEXT_IS_VALID_EMAIL':
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
    case 'TEXT_IS_VALID_URL':
      return /^(?:https?:\/\/)?[\w-]+(?:\.[\w-]+)+(?:[/?#]\S*)?$/i.test(text);
    default:
      return true; // CUSTOM_FORMULA: formulas are not evaluated by the emulator
  }
}

function describeRule(dv: DataValidationState, timeZone: string): string {
  const show = (x: unknown): string =>
    isDate(x) ? formatDate(x, 'dd/MM/yyyy', timeZone) : String(x);
  const [a, b] = dv.values.map(show);
  const messages: Partial<Record<CriteriaName, string>> = {
    VALUE_IN_LIST: 'Input must be an item on the specified list',
    VALUE_IN_RANGE: 'Input must fall within specified range',
    CHECKBOX: 'Input must be a checkbox value',
    DATE_IS_VALID_DATE: 'Input must be a valid date',
    DATE_AFTER: `Input must be a date after ${a}`,
    DATE_BEFORE: `Input must be a date before ${a}`,
    DATE_ON_OR_AFTER: `Input must be a date on or after ${a}`,
    DATE_ON_OR_BEFORE: `Input must be a date on or before ${a}`,
    DATE_EQUAL_TO: `Input must be the date ${a}`,
    DATE_BETWEEN: `Input must be a date between ${a} and ${b}`,
    DATE_NOT_BETWEEN: `Input must be a date not between ${a} and ${b}`,
    NUMBER_BETWEEN: `Input must be a number between ${a} and ${b}`,
    NUMBER_NOT_BETWEEN: `Input must be a number not between ${a} and ${b}`,
    NUMBER_EQUAL_TO: `Input must be equal to ${a}`,
    NUMBER_NOT_EQUAL_TO: `Input must not be equal to ${a}`,
    NUMBER_GREATER_THAN: `Input must be greater than ${a}`,
    NUMBER_GREATER_THAN_OR_EQUAL_TO: `Input must be greater than or equal to ${a}`,
    NUMBER_LESS_THAN: `Input must be less than ${a}`,
    NUMBER_LESS_THAN_OR_EQUAL_TO: `Input must be less than or equal to ${a}`,
    TEXT_CONTAINS: `Input must contain "${a}"`,
    TEXT_DOES_NOT_CONTAIN: `Input must not contain "${a}"`,
    TEXT_EQUAL_TO: `Input must be "${a}"`,
    TEXT_IS_VALID_EMAIL: 'Input must be a valid email address',
    TEXT_IS_VALID_URL: 'Input must be a valid URL',
  };
  return messages[dv.criteria as CriteriaName] ?? 'Input violates the data validation rule';
}

// ---- shared helpers for the Apps Script classes -------------------------------------------------

function sheetById(rt: Runtime, id: number): SheetState {
  const sheet = rt.state.spreadsheet.sheets.find((s) => s.id === id);
  if (!sheet) throw new ScriptError('The sheet you are trying to use has been deleted.');
  return sheet;
}

function activeSheetOf(ss: SpreadsheetState): SheetState {
  const active = ss.sheets.find((s) => s.id === ss.activeSheetId);
  const sheet = active ?? ss.sheets.find((s) => !s.hidden) ?? ss.sheets[0];
  if (!sheet) throw new ScriptError('The spreadsheet has no sheets.');
  return sheet;
}

function checkRect(sheet: SheetState, rect: Rect): void {
  if (rect.row < 1) throw new ScriptError('The starting row of the range is too small.');
  if (rect.column < 1) throw new ScriptError('The starting column of the range is too small.');
  if (rect.numRows < 1)
    throw new ScriptError('The number of rows in the range must be at least 1.');
  if (rect.numColumns < 1) {
    throw new ScriptError('The number of columns in the range must be at least 1.');
  }
  if (
    rect.row + rect.numRows - 1 > sheet.maxRows ||
    rect.column + rect.numColumns - 1 > sheet.maxColumns
  ) {
    throw new ScriptError(OUT_OF_SHEET_MESSAGE);
  }
}

function rangeOn(rt: Runtime, sheet: SheetState, rect: Rect): RangeImpl {
  checkRect(sheet, rect);
  return new RangeImpl(rt, sheet.id, rect);
}

/** Resolves "Sheet!A1:B2" (or "A1:B2" on `fallback`) to a Range; undefined when it names nothing. */
function resolveRef(rt: Runtime, ref: string, fallback?: SheetState): RangeImpl | undefined {
  const { sheetName, a1 } = splitSheetRef(ref);
  const sheet = sheetName === undefined ? fallback : findSheet(rt.state, sheetName);
  const bounds = parseA1(a1);
  if (!sheet || !bounds) return undefined;
  return rangeOn(rt, sheet, boundsToRect(bounds, sheet));
}

function valuesOf(sheet: SheetState, rect: Rect): CellValue[][] {
  return Array.from({ length: rect.numRows }, (_, i) =>
    Array.from({ length: rect.numColumns }, (_x, j) =>
      cloneValue(cellAt(sheet, rect.row + i, rect.column + j)?.v ?? ''),
    ),
  );
}

function dataRangeRect(sheet: SheetState): Rect {
  return {
    row: 1,
    column: 1,
    numRows: Math.max(1, lastRowOf(sheet)),
    numColumns: Math.max(1, lastColumnOf(sheet)),
  };
}

interface ClearWhat {
  contents: boolean;
  formats: boolean;
  validations: boolean;
  notes: boolean;
  /** Range.clearFormat clears text formatting but "does not reset any number formatting rules". */
  keepNumberFormats?: boolean;
}

function clearCells(sheet: SheetState, rect: Rect, what: ClearWhat): void {
  const lastRow = Math.min(rect.row + rect.numRows - 1, sheet.rows.length);
  for (let row = rect.row; row <= lastRow; row += 1) {
    const cells = sheet.rows[row - 1] ?? [];
    const lastColumn = Math.min(rect.column + rect.numColumns - 1, cells.length);
    for (let column = rect.column; column <= lastColumn; column += 1) {
      const cell = cells[column - 1];
      if (!cell) continue;
      if (what.contents) {
        cell.v = '';
        delete cell.f;
      }
      if (what.formats) {
        if (!what.keepNumberFormats) delete cell.nf;
        const note = cell.style?.note;
        delete cell.style;
        if (note !== undefined && !what.notes) cell.style = { note };
      }
      if (what.notes && cell.style) delete cell.style.note;
      if (what.validations) delete cell.dv;
      tidyCell(sheet, row, column);
    }
  }
}

/** Reads Apps Script's clear(options): no options at all clears everything. */
function clearOptions(options: unknown, whenNone: ClearWhat): ClearWhat {
  if (options === undefined) return whenNone;
  const o = (options ?? {}) as Record<string, unknown>;
  const picked = {
    contents: o.contentsOnly === true,
    formats: o.formatOnly === true,
    validations: o.validationsOnly === true,
    notes: o.commentsOnly === true,
  };
  const any = Object.values(picked).some(Boolean);
  return any ? picked : { contents: true, formats: true, validations: true, notes: true };
}

/** What a paste carries over (Sheets API PasteType; copyTo's options pick one of them). */
interface PasteParts {
  /** 'all': values and formulas (relative references moved); 'values': what the cells show. */
  contents?: 'all' | 'values';
  formats?: boolean;
  borders?: boolean;
  validations?: boolean;
  notes?: boolean;
  widths?: boolean;
}

const PASTE_PARTS: Record<keyof typeof CopyPasteType, PasteParts> = {
  PASTE_NORMAL: { contents: 'all', formats: true, borders: true, validations: true, notes: true },
  PASTE_NO_BORDERS: { contents: 'all', formats: true, validations: true, notes: true },
  PASTE_FORMAT: { formats: true, borders: true, validations: true },
  PASTE_FORMULA: { contents: 'all' },
  PASTE_DATA_VALIDATION: { validations: true },
  PASTE_VALUES: { contents: 'values' },
  PASTE_CONDITIONAL_FORMATTING: {}, // conditional format rules are kept by conditional-format.ts
  PASTE_COLUMN_WIDTHS: { widths: true },
};

/** copyTo(destination), copyTo(destination, options) or copyTo(destination, copyPasteType, transposed). */
function pasteMode(args: unknown[]): { parts: PasteParts; transposed: boolean } {
  const [destination, second, third] = args;
  const fail = (): ScriptError => signatureError('SpreadsheetApp.Range.copyTo', args);
  if (!(destination instanceof RangeImpl) || args.length > 3) throw fail();
  if (args.length === 1) return { parts: PASTE_PARTS.PASTE_NORMAL, transposed: false };
  if (args.length === 3) {
    if (typeof second !== 'string' || !(second in PASTE_PARTS) || typeof third !== 'boolean') {
      throw fail();
    }
    return { parts: PASTE_PARTS[second as keyof typeof CopyPasteType], transposed: third };
  }
  if (!second || typeof second !== 'object' || Array.isArray(second)) throw fail();
  const { contentsOnly, formatOnly } = second as { contentsOnly?: unknown; formatOnly?: unknown };
  if (contentsOnly === true && formatOnly === true) {
    return {
      parts: { ...PASTE_PARTS.PASTE_VALUES, ...PASTE_PARTS.PASTE_FORMAT },
      transposed: false,
    };
  }
  if (contentsOnly === true) return { parts: PASTE_PARTS.PASTE_VALUES, transposed: false };
  if (formatOnly === true) return { parts: PASTE_PARTS.PASTE_FORMAT, transposed: false };
  return { parts: PASTE_PARTS.PASTE_NORMAL, transposed: false };
}

/** Pastes one source cell (already copied) over a target cell. */
function pasteCell(
  target: CellState,
  source: CellState | null,
  parts: PasteParts,
  shift: [number, number],
): void {
  if (parts.contents) {
    target.v = source && hasContent(source) ? cloneValue(source.v) : '';
    if (parts.contents === 'all' && source?.f) target.f = shiftFormula(source.f, ...shift);
    else delete target.f;
  }
  if (parts.formats) {
    if (source?.nf) target.nf = source.nf;
    else delete target.nf;
    const own = (key: string): boolean => key === 'note' || (key === 'border' && !parts.borders);
    const kept = Object.entries(target.style ?? {}).filter(([key]) => own(key));
    const taken = Object.entries(source?.style ?? {}).filter(([key]) => !own(key));
    target.style = Object.fromEntries([...kept, ...taken]);
  }
  if (parts.validations) {
    if (source?.dv) target.dv = publicRule(source.dv);
    else delete target.dv;
  }
  if (parts.notes) {
    const note = source?.style?.note;
    if (note !== undefined) target.style = { ...target.style, note };
    else if (target.style) delete target.style.note;
  }
}

function emailOf(method: string, value: unknown): string {
  if (typeof value === 'string') return value;
  const getEmail = (value as { getEmail?: unknown } | null)?.getEmail;
  if (typeof getEmail === 'function') return String(getEmail.call(value));
  throw signatureError(method, [value]);
}

function newProtection(rt: Runtime, type: 'RANGE' | 'SHEET', range?: Rect): ProtectionState {
  return {
    id: rt.nextId('protection-'),
    type,
    range,
    description: '',
    warningOnly: false,
    editors: [rt.user],
  };
}

/** A cell's rule as a script sees it: without the emulator's open-range marks. */
function publicRule(dv: DataValidationState): DataValidationState {
  const rule = structuredClone(dv);
  delete rule.openRows;
  delete rule.openColumns;
  return rule;
}

function sameCheckboxValue(v: CellValue, x: unknown): boolean {
  if (isDate(v) || isDate(x)) return isDate(v) && isDate(x) && v.getTime() === x.getTime();
  return v === x || (typeof x !== 'object' && String(v) === String(x));
}

/**
 * Whether a checkbox cell is checked or unchecked, or undefined when it holds neither of its rule's
 * values (or has no checkbox rule). A checkbox with only a checked value is unchecked when blank.
 */
function checkboxState(
  dv: DataValidationState | undefined,
  cell: CellState | null | undefined,
): 'checked' | 'unchecked' | undefined {
  if (dv?.criteria !== 'CHECKBOX') return undefined;
  const v = cell?.f ? undefined : (cell?.v ?? '');
  if (v === undefined) return undefined;
  if (dv.values.length === 0) return v === true ? 'checked' : v === false ? 'unchecked' : undefined;
  if (sameCheckboxValue(v, dv.values[0])) return 'checked';
  if (dv.values.length === 1) return v === '' ? 'unchecked' : undefined;
  return sameCheckboxValue(v, dv.values[1]) ? 'unchecked' : undefined;
}

/** The value a checkbox cell holds when checked (unchecked): TRUE/FALSE or the rule's own values. */
function checkboxValue(dv: DataValidationState, checked: boolean): CellValue {
  if (dv.values.length === 0) return checked;
  const value = checked ? dv.values[0] : (dv.values[1] ?? '');
  if (isDate(value)) return new Date(value.getTime());
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? value
    : String(value);
}

// ---- SpreadsheetApp ---------------------------------------------------------------------------

class SpreadsheetAppImpl {
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly ProtectionType = ProtectionType;
  readonly BorderStyle = BorderStyle;
  readonly WrapStrategy = WrapStrategy;
  readonly Dimension = Dimension;
  readonly BooleanCriteria = conditionalFormats.BooleanCriteria;
  readonly InterpolationType = conditionalFormats.InterpolationType;
  readonly RelativeDate = conditionalFormats.RelativeDate;
  readonly CopyPasteType = CopyPasteType;
  readonly #rt: Runtime;

  constructor(rt: Runtime) {
    this.#rt = rt;
  }

  toString(): string {
    return 'SpreadsheetApp';
  }

  getActiveSpreadsheet(): SpreadsheetImpl {
    count(this.#rt, 'getActiveSpreadsheet');
    return new SpreadsheetImpl(this.#rt);
  }

  getActive(): SpreadsheetImpl {
    count(this.#rt, 'getActive');
    return new SpreadsheetImpl(this.#rt);
  }

  getActiveSheet(): SheetImpl {
    count(this.#rt, 'getActiveSheet');
    return new SheetImpl(this.#rt, activeSheetOf(this.#rt.state.spreadsheet).id);
  }

  getUi(): ReturnType<typeof createUi> {
    this.#rt.call('SpreadsheetApp.getUi', { scopes: [SCOPE.CONTAINER_UI], minAuthMode: 'NONE' });
    if (this.#rt.execution?.kind === 'trigger') {
      throw new ScriptError('Cannot call SpreadsheetApp.getUi() from this context.');
    }
    return createUi(this.#rt);
  }

  newDataValidation(): DataValidationBuilderImpl {
    count(this.#rt, 'newDataValidation');
    return new DataValidationBuilderImpl(this.#rt);
  }

  /** A ConditionalFormatRuleBuilder (emulator/src/conditional-format.ts). */
  newConditionalFormatRule(): object {
    count(this.#rt, 'newConditionalFormatRule');
    return conditionalFormats.newConditionalFormatRuleBuilder(this.#rt, sheetBridge);
  }

  flush(): void {
    count(this.#rt, 'flush');
  }

  /** Opening by id or URL needs the full spreadsheets scope (not spreadsheets.currentonly). */
  openById(id: unknown): SpreadsheetImpl {
    this.#rt.call('SpreadsheetApp.openById', { scopes: [SCOPE.SPREADSHEETS] });
    if (id !== this.#rt.state.spreadsheet.id) {
      throw new ScriptError(
        'Unexpected error while getting the method or property openById on object SpreadsheetApp.',
      );
    }
    return new SpreadsheetImpl(this.#rt);
  }

  openByUrl(url: unknown): SpreadsheetImpl {
    this.#rt.call('SpreadsheetApp.openByUrl', { scopes: [SCOPE.SPREADSHEETS] });
    if (typeof url !== 'string' || !url.includes(this.#rt.state.spreadsheet.id)) {
      throw new ScriptError(
        'Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.',
      );
    }
    return new SpreadsheetImpl(this.#rt);
  }
}

export function createSpreadsheetApp(rt: Runtime): object {
  return new SpreadsheetAppImpl(rt);
}

// ---- Spreadsheet ------------------------------------------------------------------------------

function checkNamedRangeName(name: string): void {
  const valid =
    /^[A-Za-z_][A-Za-z0-9_.]{0,249}$/.test(name) &&
    !/^(true|false)$/i.test(name) &&
    !parseA1(name) &&
    !/^R\d*C\d*$/i.test(name);
  if (!valid) {
    throw new ScriptError(
      `Invalid named range name "${name}": use letters, numbers and underscores, not a cell reference.`,
    );
  }
}

function checkNewSheetName(ss: SpreadsheetState, name: string, except?: SheetState): void {
  if (name.trim() === '') throw new ScriptError('A sheet name cannot be empty.');
  if (ss.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase())) {
    throw new ScriptError(
      `A sheet with the name "${name}" already exists. Please enter another name.`,
    );
  }
}

class SpreadsheetImpl {
  readonly #rt: Runtime;

  constructor(rt: Runtime) {
    this.#rt = rt;
  }

  toString(): string {
    return 'Spreadsheet';
  }

  get #ss(): SpreadsheetState {
    return this.#rt.state.spreadsheet;
  }

  #call(method: string, kind: CallKind = 'other'): void {
    count(this.#rt, `Spreadsheet.${method}`, kind);
  }

  #wrap(sheet: SheetState): SheetImpl {
    return new SheetImpl(this.#rt, sheet.id);
  }

  getId(): string {
    this.#call('getId');
    return this.#ss.id;
  }

  getName(): string {
    this.#call('getName');
    return this.#ss.name;
  }

  rename(name: unknown): void {
    this.#call('rename', 'write');
    this.#ss.name = stringArg('SpreadsheetApp.Spreadsheet.rename', [name], 0);
  }

  getUrl(): string {
    this.#call('getUrl');
    return this.#ss.url;
  }

  getSpreadsheetTimeZone(): string {
    this.#call('getSpreadsheetTimeZone');
    return this.#ss.timeZone;
  }

  getSpreadsheetLocale(): string {
    this.#call('getSpreadsheetLocale');
    return 'en_GB';
  }

  getSheets(): SheetImpl[] {
    this.#call('getSheets');
    return this.#ss.sheets.map((s) => this.#wrap(s));
  }

  getNumSheets(): number {
    this.#call('getNumSheets');
    return this.#ss.sheets.length;
  }

  getSheetByName(name: unknown): SheetImpl | null {
    this.#call('getSheetByName');
    const sheet = this.#ss.sheets.find((s) => s.name === name);
    return sheet ? this.#wrap(sheet) : null;
  }

  getSheetById(id: unknown): SheetImpl | null {
    this.#call('getSheetById');
    const sheet = this.#ss.sheets.find((s) => s.id === id);
    return sheet ? this.#wrap(sheet) : null;
  }

  /** insertSheet(), insertSheet(name), insertSheet(index), insertSheet(name, index). */
  insertSheet(...args: unknown[]): SheetImpl {
    this.#call('insertSheet', 'write');
    const ss = this.#ss;
    const name = typeof args[0] === 'string' ? args[0] : undefined;
    const indexArg = typeof args[0] === 'number' ? args[0] : args[1];
    const index = typeof indexArg === 'number' ? Math.trunc(indexArg) : ss.sheets.length;
    if (index < 0 || index > ss.sheets.length) {
      throw new ScriptError(`The sheet index ${index} is out of range.`);
    }
    let sheetName = name;
    if (sheetName === undefined || sheetName === '') {
      let n = ss.sheets.length + 1;
      while (ss.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n += 1;
      sheetName = `Sheet${n}`;
    }
    checkNewSheetName(ss, sheetName);
    const sheet: SheetState = {
      id: ss.nextSheetId,
      name: sheetName,
      rows: [],
      maxRows: NEW_SHEET_ROWS,
      maxColumns: NEW_SHEET_COLUMNS,
      frozenRows: 0,
      frozenColumns: 0,
      hidden: false,
      protections: [],
    };
    ss.nextSheetId += 1;
    ss.sheets.splice(index, 0, sheet);
    ss.activeSheetId = sheet.id;
    return this.#wrap(sheet);
  }

  deleteSheet(sheet: unknown): void {
    this.#call('deleteSheet', 'write');
    if (!(sheet instanceof SheetImpl)) {
      throw signatureError('SpreadsheetApp.Spreadsheet.deleteSheet', [sheet]);
    }
    const ss = this.#ss;
    const target = sheetById(this.#rt, SheetImpl.idOf(sheet));
    if (ss.sheets.filter((s) => !s.hidden && s !== target).length === 0) {
      throw new ScriptError('A spreadsheet must contain at least one visible sheet.');
    }
    ss.sheets = ss.sheets.filter((s) => s !== target);
    ss.namedRanges = ss.namedRanges.filter((nr) => nr.sheet !== target.name);
    if (ss.activeSheetId === target.id) delete ss.activeSheetId;
  }

  getActiveSheet(): SheetImpl {
    this.#call('getActiveSheet');
    return this.#wrap(activeSheetOf(this.#ss));
  }

  setActiveSheet(sheet: unknown): SheetImpl {
    this.#call('setActiveSheet');
    if (!(sheet instanceof SheetImpl)) {
      throw signatureError('SpreadsheetApp.Spreadsheet.setActiveSheet', [sheet]);
    }
    const target = sheetById(this.#rt, SheetImpl.idOf(sheet));
    this.#ss.activeSheetId = target.id;
    return this.#wrap(target);
  }

  /** getRange("Pupils!A1:C3"); without a sheet name, the active sheet. */
  getRange(a1: unknown): RangeImpl {
    this.#call('getRange');
    const ref = stringArg('SpreadsheetApp.Spreadsheet.getRange', [a1], 0);
    const range = resolveRef(this.#rt, ref, activeSheetOf(this.#ss));
    if (!range) throw new ScriptError('Range not found');
    return range;
  }

  /** A TextFinder over every sheet, in tab order. */
  createTextFinder(findText: unknown): TextFinderImpl {
    this.#call('createTextFinder');
    const text = findTextArg('SpreadsheetApp.Spreadsheet.createTextFinder', findText);
    return new TextFinderImpl(this.#rt, text, {});
  }

  /** A RangeList on the active sheet. */
  getRangeList(a1Notations: unknown): RangeListImpl {
    this.#call('getRangeList');
    const method = 'SpreadsheetApp.Spreadsheet.getRangeList';
    return rangeListOn(this.#rt, activeSheetOf(this.#ss), method, a1Notations);
  }

  getRangeByName(name: unknown): RangeImpl | null {
    this.#call('getRangeByName');
    const entry = this.#ss.namedRanges.find((nr) => nr.name === name);
    if (!entry) return null;
    return resolveRef(this.#rt, `${quoteSheetName(entry.sheet)}!${entry.a1}`) ?? null;
  }

  setNamedRange(name: unknown, range: unknown): void {
    this.#call('setNamedRange', 'write');
    if (typeof name !== 'string' || !(range instanceof RangeImpl)) {
      throw signatureError('SpreadsheetApp.Spreadsheet.setNamedRange', [name, range]);
    }
    checkNamedRangeName(name);
    const { sheet, a1 } = rangeRef(range);
    const entry = { name, sheet, a1 };
    const ss = this.#ss;
    ss.namedRanges = ss.namedRanges.filter((nr) => nr.name !== name);
    ss.namedRanges.push(entry);
  }

  getNamedRanges(): NamedRangeImpl[] {
    this.#call('getNamedRanges');
    return this.#ss.namedRanges.map((nr) => new NamedRangeImpl(this.#rt, nr.name));
  }

  removeNamedRange(name: unknown): void {
    this.#call('removeNamedRange', 'write');
    const ss = this.#ss;
    if (!ss.namedRanges.some((nr) => nr.name === name)) {
      throw new ScriptError(`Named range ${String(name)} not found.`);
    }
    ss.namedRanges = ss.namedRanges.filter((nr) => nr.name !== name);
  }

  toast(message: unknown, title?: unknown, _timeoutSeconds?: unknown): void {
    this.#call('toast');
    this.#rt.emit({
      type: 'toast',
      title: title === undefined || title === null ? '' : String(title),
      message: String(message),
    });
  }

  getProtections(type: unknown): ProtectionImpl[] {
    this.#call('getProtections', 'read');
    if (type !== 'RANGE' && type !== 'SHEET') {
      throw signatureError('SpreadsheetApp.Spreadsheet.getProtections', [type]);
    }
    return this.#ss.sheets.flatMap((sheet) =>
      sheet.protections
        .filter((p) => p.type === type)
        .map((p) => new ProtectionImpl(this.#rt, sheet.id, p.id)),
    );
  }
}

// ---- Sheet ------------------------------------------------------------------------------------

class SheetImpl {
  readonly #rt: Runtime;
  readonly #id: number;

  constructor(rt: Runtime, id: number) {
    this.#rt = rt;
    this.#id = id;
  }

  static idOf(sheet: SheetImpl): number {
    return sheet.#id;
  }

  toString(): string {
    return 'Sheet';
  }

  get #sheet(): SheetState {
    return sheetById(this.#rt, this.#id);
  }

  #call(method: string, kind: CallKind = 'other'): void {
    count(this.#rt, `Sheet.${method}`, kind);
  }

  #rowsRect(row: number, numRows: number): Rect {
    return { row, column: 1, numRows, numColumns: this.#sheet.maxColumns };
  }

  #columnsRect(column: number, numColumns: number): Rect {
    return { row: 1, column, numRows: this.#sheet.maxRows, numColumns };
  }

  getName(): string {
    this.#call('getName');
    return this.#sheet.name;
  }

  setName(name: unknown): SheetImpl {
    this.#call('setName', 'write');
    const newName = stringArg('SpreadsheetApp.Sheet.setName', [name], 0);
    const ss = this.#rt.state.spreadsheet;
    const sheet = this.#sheet;
    checkNewSheetName(ss, newName, sheet);
    const oldName = sheet.name;
    sheet.name = newName;
    for (const nr of ss.namedRanges) if (nr.sheet === oldName) nr.sheet = newName;
    for (const other of ss.sheets) {
      for (const cells of other.rows) {
        for (const cell of cells) {
          const ref = cell?.dv ? rangeRefOf(cell.dv) : undefined;
          if (ref?.sheet === oldName) ref.sheet = newName;
        }
      }
    }
    return this;
  }

  getSheetId(): number {
    this.#call('getSheetId');
    return this.#sheet.id;
  }

  getIndex(): number {
    this.#call('getIndex');
    return this.#rt.state.spreadsheet.sheets.indexOf(this.#sheet) + 1;
  }

  getParent(): SpreadsheetImpl {
    this.#call('getParent');
    return new SpreadsheetImpl(this.#rt);
  }

  activate(): SheetImpl {
    this.#call('activate');
    this.#rt.state.spreadsheet.activeSheetId = this.#sheet.id;
    return this;
  }

  /** getRange(row, column, numRows?, numColumns?) or getRange(a1Notation). */
  getRange(...args: unknown[]): RangeImpl {
    this.#call('getRange');
    const method = 'SpreadsheetApp.Sheet.getRange';
    if (args.length === 1 && typeof args[0] === 'string') {
      const range = resolveRef(this.#rt, args[0], this.#sheet);
      if (!range) throw new ScriptError('Range not found');
      return range;
    }
    if (args.length < 2 || args.length > 4) throw signatureError(method, args);
    return rangeOn(this.#rt, this.#sheet, {
      row: intArg(method, args, 0),
      column: intArg(method, args, 1),
      numRows: optionalIntArg(method, args, 2, 1),
      numColumns: optionalIntArg(method, args, 3, 1),
    });
  }

  getDataRange(): RangeImpl {
    this.#call('getDataRange');
    const sheet = this.#sheet;
    return rangeOn(this.#rt, sheet, dataRangeRect(sheet));
  }

  getSheetValues(...args: unknown[]): CellValue[][] {
    this.#call('getSheetValues', 'read');
    const method = 'SpreadsheetApp.Sheet.getSheetValues';
    const sheet = this.#sheet;
    const rect = {
      row: intArg(method, args, 0),
      column: intArg(method, args, 1),
      numRows: intArg(method, args, 2),
      numColumns: intArg(method, args, 3),
    };
    checkRect(sheet, rect);
    return valuesOf(sheet, rect);
  }

  getLastRow(): number {
    this.#call('getLastRow', 'read');
    return lastRowOf(this.#sheet);
  }

  getLastColumn(): number {
    this.#call('getLastColumn', 'read');
    return lastColumnOf(this.#sheet);
  }

  getMaxRows(): number {
    this.#call('getMaxRows');
    return this.#sheet.maxRows;
  }

  getMaxColumns(): number {
    this.#call('getMaxColumns');
    return this.#sheet.maxColumns;
  }

  // -- inserting and deleting rows and columns

  #insertRows(method: string, at: number, n: number, inherit: 'before' | 'after'): void {
    this.#call(method, 'write');
    const sheet = this.#sheet;
    if (n < 1) throw new ScriptError('The number of rows to insert must be at least 1.');
    assertEditable(this.#rt, sheet, this.#rowsRect(Math.min(at, sheet.maxRows), 1));
    insertRowsAt(this.#rt.state.spreadsheet, sheet, at, n, inherit);
  }

  #rowPosition(method: string, args: unknown[], index: number, allowEnd = false): number {
    const position = intArg(`SpreadsheetApp.Sheet.${method}`, args, index);
    const max = this.#sheet.maxRows + (allowEnd ? 1 : 0);
    if (position < 1 || position > max) throw new ScriptError('Those rows are out of bounds.');
    return position;
  }

  insertRowsAfter(afterPosition: unknown, howMany: unknown): SheetImpl {
    const args = [afterPosition, howMany];
    const after = this.#rowPosition('insertRowsAfter', args, 0);
    const n = intArg('SpreadsheetApp.Sheet.insertRowsAfter', args, 1);
    this.#insertRows('insertRowsAfter', after + 1, n, 'before');
    return this;
  }

  insertRowAfter(afterPosition: unknown): SheetImpl {
    const after = this.#rowPosition('insertRowAfter', [afterPosition], 0);
    this.#insertRows('insertRowAfter', after + 1, 1, 'before');
    return this;
  }

  insertRowsBefore(beforePosition: unknown, howMany: unknown): SheetImpl {
    const args = [beforePosition, howMany];
    const before = this.#rowPosition('insertRowsBefore', args, 0);
    const n = intArg('SpreadsheetApp.Sheet.insertRowsBefore', args, 1);
    this.#insertRows('insertRowsBefore', before, n, 'after');
    return this;
  }

  insertRowBefore(beforePosition: unknown): SheetImpl {
    const before = this.#rowPosition('insertRowBefore', [beforePosition], 0);
    this.#insertRows('insertRowBefore', before, 1, 'after');
    return this;
  }

  insertRows(rowIndex: unknown, numRows?: unknown): void {
    const args = [rowIndex, numRows];
    const before = this.#rowPosition('insertRows', args, 0);
    const n = optionalIntArg('SpreadsheetApp.Sheet.insertRows', args, 1, 1);
    this.#insertRows('insertRows', before, n, 'after');
  }

  #insertColumns(method: string, at: number, n: number, inherit: 'before' | 'after'): void {
    this.#call(method, 'write');
    const sheet = this.#sheet;
    if (n < 1) throw new ScriptError('The number of columns to insert must be at least 1.');
    assertEditable(this.#rt, sheet, this.#columnsRect(Math.min(at, sheet.maxColumns), 1));
    insertColumnsAt(this.#rt.state.spreadsheet, sheet, at, n, inherit);
  }

  #columnPosition(method: string, args: unknown[], index: number): number {
    const position = intArg(`SpreadsheetApp.Sheet.${method}`, args, index);
    if (position < 1 || position > this.#sheet.maxColumns) {
      throw new ScriptError('Those columns are out of bounds.');
    }
    return position;
  }

  insertColumnsAfter(afterPosition: unknown, howMany: unknown): SheetImpl {
    const args = [afterPosition, howMany];
    const after = this.#columnPosition('insertColumnsAfter', args, 0);
    const n = intArg('SpreadsheetApp.Sheet.insertColumnsAfter', args, 1);
    this.#insertColumns('insertColumnsAfter', after + 1, n, 'before');
    return this;
  }

  insertColumnAfter(afterPosition: unknown): SheetImpl {
    const after = this.#columnPosition('insertColumnAfter', [afterPosition], 0);
    this.#insertColumns('insertColumnAfter', after + 1, 1, 'before');
    return this;
  }

  insertColumnsBefore(beforePosition: unknown, howMany: unknown): SheetImpl {
    const args = [beforePosition, howMany];
    const before = this.#columnPosition('insertColumnsBefore', args, 0);
    const n = intArg('SpreadsheetApp.Sheet.insertColumnsBefore', args, 1);
    this.#insertColumns('insertColumnsBefore', before, n, 'after');
    return this;
  }

  insertColumnBefore(beforePosition: unknown): SheetImpl {
    const before = this.#columnPosition('insertColumnBefore', [beforePosition], 0);
    this.#insertColumns('insertColumnBefore', before, 1, 'after');
    return this;
  }

  insertColumns(columnIndex: unknown, numColumns?: unknown): void {
    const args = [columnIndex, numColumns];
    const before = this.#columnPosition('insertColumns', args, 0);
    const n = optionalIntArg('SpreadsheetApp.Sheet.insertColumns', args, 1, 1);
    this.#insertColumns('insertColumns', before, n, 'after');
  }

  #deleteRows(method: string, args: unknown[]): void {
    this.#call(method, 'write');
    const name = `SpreadsheetApp.Sheet.${method}`;
    const at = intArg(name, args, 0);
    const n = optionalIntArg(name, args, 1, 1);
    const sheet = this.#sheet;
    if (at < 1 || n < 1 || at + n - 1 > sheet.maxRows) {
      throw new ScriptError('Those rows are out of bounds.');
    }
    const deletedUnfrozen = at + n - 1 - Math.max(at - 1, sheet.frozenRows);
    if (sheet.maxRows - sheet.frozenRows - Math.max(0, deletedUnfrozen) < 1) {
      throw new ScriptError('Sorry, it is not possible to delete all non-frozen rows.');
    }
    assertEditable(this.#rt, sheet, this.#rowsRect(at, n));
    deleteRowsAt(this.#rt.state.spreadsheet, sheet, at, n);
  }

  deleteRow(rowPosition: unknown): SheetImpl {
    this.#deleteRows('deleteRow', [rowPosition]);
    return this;
  }

  deleteRows(rowPosition: unknown, howMany: unknown): void {
    this.#deleteRows('deleteRows', [rowPosition, howMany]);
  }

  #deleteColumns(method: string, args: unknown[]): void {
    this.#call(method, 'write');
    const name = `SpreadsheetApp.Sheet.${method}`;
    const at = intArg(name, args, 0);
    const n = optionalIntArg(name, args, 1, 1);
    const sheet = this.#sheet;
    if (at < 1 || n < 1 || at + n - 1 > sheet.maxColumns) {
      throw new ScriptError('Those columns are out of bounds.');
    }
    const deletedUnfrozen = at + n - 1 - Math.max(at - 1, sheet.frozenColumns);
    if (sheet.maxColumns - sheet.frozenColumns - Math.max(0, deletedUnfrozen) < 1) {
      throw new ScriptError('Sorry, it is not possible to delete all non-frozen columns.');
    }
    assertEditable(this.#rt, sheet, this.#columnsRect(at, n));
    deleteColumnsAt(this.#rt.state.spreadsheet, sheet, at, n);
  }

  deleteColumn(columnPosition: unknown): SheetImpl {
    this.#deleteColumns('deleteColumn', [columnPosition]);
    return this;
  }

  deleteColumns(columnPosition: unknown, howMany: unknown): void {
    this.#deleteColumns('deleteColumns', [columnPosition, howMany]);
  }

  /** Writes a row after the last row with content, growing the sheet when needed. */
  appendRow(rowContents: unknown): SheetImpl {
    this.#call('appendRow', 'write');
    if (!Array.isArray(rowContents) || rowContents.length === 0) {
      throw signatureError('SpreadsheetApp.Sheet.appendRow', [rowContents]);
    }
    const sheet = this.#sheet;
    const row = lastRowOf(sheet) + 1;
    assertEditable(this.#rt, sheet, { row, column: 1, numRows: 1, numColumns: rowContents.length });
    growLines(sheet, 'row', row);
    growLines(sheet, 'column', rowContents.length);
    const timeZone = this.#rt.state.spreadsheet.timeZone;
    rowContents.forEach((value: unknown, j) => {
      const numberFormat = cellAt(sheet, row, j + 1)?.nf;
      writeEntry(sheet, row, j + 1, parseUserEntry(value, { timeZone, numberFormat }));
    });
    return this;
  }

  // -- freezing, protecting, hiding

  setFrozenRows(rows: unknown): void {
    this.#call('setFrozenRows', 'write');
    const n = intArg('SpreadsheetApp.Sheet.setFrozenRows', [rows], 0);
    const sheet = this.#sheet;
    if (n < 0 || n >= sheet.maxRows) throw new ScriptError('Those rows are out of bounds.');
    sheet.frozenRows = n;
  }

  getFrozenRows(): number {
    this.#call('getFrozenRows');
    return this.#sheet.frozenRows;
  }

  setFrozenColumns(columns: unknown): void {
    this.#call('setFrozenColumns', 'write');
    const n = intArg('SpreadsheetApp.Sheet.setFrozenColumns', [columns], 0);
    const sheet = this.#sheet;
    if (n < 0 || n >= sheet.maxColumns) throw new ScriptError('Those columns are out of bounds.');
    sheet.frozenColumns = n;
  }

  getFrozenColumns(): number {
    this.#call('getFrozenColumns');
    return this.#sheet.frozenColumns;
  }

  /** The sheet's protection: the existing one, or a new one whose editor is the current user. */
  protect(): ProtectionImpl {
    this.#call('protect', 'write');
    const sheet = this.#sheet;
    let protection = sheet.protections.find((p) => p.type === 'SHEET');
    if (!protection) {
      protection = newProtection(this.#rt, 'SHEET');
      sheet.protections.push(protection);
    }
    return new ProtectionImpl(this.#rt, sheet.id, protection.id);
  }

  getProtections(type: unknown): ProtectionImpl[] {
    this.#call('getProtections', 'read');
    if (type !== 'RANGE' && type !== 'SHEET') {
      throw signatureError('SpreadsheetApp.Sheet.getProtections', [type]);
    }
    const sheet = this.#sheet;
    return sheet.protections
      .filter((p) => p.type === type)
      .map((p) => new ProtectionImpl(this.#rt, sheet.id, p.id));
  }

  hideSheet(): SheetImpl {
    this.#call('hideSheet', 'write');
    const sheet = this.#sheet;
    const others = this.#rt.state.spreadsheet.sheets.filter((s) => s !== sheet && !s.hidden);
    if (others.length === 0) {
      throw new ScriptError('Sorry, it is not possible to hide all the sheets in a document.');
    }
    sheet.hidden = true;
    return this;
  }

  showSheet(): SheetImpl {
    this.#call('showSheet', 'write');
    this.#sheet.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    this.#call('isSheetHidden');
    return this.#sheet.hidden;
  }

  // -- hiding rows and columns (kept in SheetState.hiddenRows / hiddenColumns)

  /** Lines [start, start + n) of the sheet, checked against its size. */
  #lines(method: string, args: unknown[], axis: Axis): number[] {
    const name = `SpreadsheetApp.Sheet.${method}`;
    const start = intArg(name, args, 0);
    const n = optionalIntArg(name, args, 1, 1);
    const max = axis === 'row' ? this.#sheet.maxRows : this.#sheet.maxColumns;
    if (start < 1 || n < 1 || start + n - 1 > max) {
      throw new ScriptError(`Those ${axis === 'row' ? 'rows' : 'columns'} are out of bounds.`);
    }
    return Array.from({ length: n }, (_, i) => start + i);
  }

  #lineRange(method: string, range: unknown, axis: Axis): number[] {
    if (!(range instanceof RangeImpl))
      throw signatureError(`SpreadsheetApp.Sheet.${method}`, [range]);
    const { rect } = RangeImpl.infoOf(range);
    const [start, n] = axis === 'row' ? [rect.row, rect.numRows] : [rect.column, rect.numColumns];
    return Array.from({ length: n }, (_, i) => start + i);
  }

  #setHidden(method: string, axis: Axis, lines: number[], hide: boolean): void {
    this.#call(method, 'write');
    const sheet = this.#sheet;
    const key = axis === 'row' ? 'hiddenRows' : 'hiddenColumns';
    const current = sheet[key] ?? [];
    setHidden(
      sheet,
      key,
      hide ? [...current, ...lines] : current.filter((l) => !lines.includes(l)),
    );
  }

  #isHidden(method: string, position: unknown, axis: Axis): boolean {
    this.#call(method);
    const line = intArg(`SpreadsheetApp.Sheet.${method}`, [position], 0);
    return (this.#sheet[axis === 'row' ? 'hiddenRows' : 'hiddenColumns'] ?? []).includes(line);
  }

  hideColumns(columnIndex: unknown, numColumns?: unknown): void {
    const lines = this.#lines('hideColumns', [columnIndex, numColumns], 'column');
    this.#setHidden('hideColumns', 'column', lines, true);
  }

  showColumns(columnIndex: unknown, numColumns?: unknown): void {
    const lines = this.#lines('showColumns', [columnIndex, numColumns], 'column');
    this.#setHidden('showColumns', 'column', lines, false);
  }

  hideColumn(column: unknown): void {
    this.#setHidden('hideColumn', 'column', this.#lineRange('hideColumn', column, 'column'), true);
  }

  unhideColumn(column: unknown): void {
    const lines = this.#lineRange('unhideColumn', column, 'column');
    this.#setHidden('unhideColumn', 'column', lines, false);
  }

  isColumnHiddenByUser(columnPosition: unknown): boolean {
    return this.#isHidden('isColumnHiddenByUser', columnPosition, 'column');
  }

  hideRows(rowIndex: unknown, numRows?: unknown): void {
    this.#setHidden('hideRows', 'row', this.#lines('hideRows', [rowIndex, numRows], 'row'), true);
  }

  showRows(rowIndex: unknown, numRows?: unknown): void {
    this.#setHidden('showRows', 'row', this.#lines('showRows', [rowIndex, numRows], 'row'), false);
  }

  hideRow(row: unknown): void {
    this.#setHidden('hideRow', 'row', this.#lineRange('hideRow', row, 'row'), true);
  }

  unhideRow(row: unknown): void {
    this.#setHidden('unhideRow', 'row', this.#lineRange('unhideRow', row, 'row'), false);
  }

  isRowHiddenByUser(rowPosition: unknown): boolean {
    return this.#isHidden('isRowHiddenByUser', rowPosition, 'row');
  }

  // -- finding and range lists

  createTextFinder(findText: unknown): TextFinderImpl {
    this.#call('createTextFinder');
    const text = findTextArg('SpreadsheetApp.Sheet.createTextFinder', findText);
    return new TextFinderImpl(this.#rt, text, { sheetId: this.#sheet.id });
  }

  getRangeList(a1Notations: unknown): RangeListImpl {
    this.#call('getRangeList');
    return rangeListOn(this.#rt, this.#sheet, 'SpreadsheetApp.Sheet.getRangeList', a1Notations);
  }

  // -- cosmetic: stored so the trial page can show them, otherwise no effect

  setColumnWidth(columnPosition: unknown, width: unknown): SheetImpl {
    this.#call('setColumnWidth', 'write');
    const args = [columnPosition, width];
    const column = intArg('SpreadsheetApp.Sheet.setColumnWidth', args, 0);
    const sheet = this.#sheet;
    sheet.columnWidths = {
      ...sheet.columnWidths,
      [column]: intArg('SpreadsheetApp.Sheet.setColumnWidth', args, 1),
    };
    return this;
  }

  setColumnWidths(startColumn: unknown, numColumns: unknown, width: unknown): SheetImpl {
    this.#call('setColumnWidths', 'write');
    const method = 'SpreadsheetApp.Sheet.setColumnWidths';
    const args = [startColumn, numColumns, width];
    const start = intArg(method, args, 0);
    const sheet = this.#sheet;
    const widths = { ...sheet.columnWidths };
    for (let c = start; c < start + intArg(method, args, 1); c += 1)
      widths[c] = intArg(method, args, 2);
    sheet.columnWidths = widths;
    return this;
  }

  getColumnWidth(columnPosition: unknown): number {
    this.#call('getColumnWidth');
    const column = intArg('SpreadsheetApp.Sheet.getColumnWidth', [columnPosition], 0);
    return this.#sheet.columnWidths?.[column] ?? 100;
  }

  autoResizeColumn(_columnPosition: unknown): SheetImpl {
    this.#call('autoResizeColumn', 'write');
    return this;
  }

  autoResizeColumns(_startColumn: unknown, _numColumns: unknown): SheetImpl {
    this.#call('autoResizeColumns', 'write');
    return this;
  }

  setRowHeight(_rowPosition: unknown, _height: unknown): SheetImpl {
    this.#call('setRowHeight', 'write');
    return this;
  }

  setRowHeights(_startRow: unknown, _numRows: unknown, _height: unknown): SheetImpl {
    this.#call('setRowHeights', 'write');
    return this;
  }

  setTabColor(_color: unknown): SheetImpl {
    this.#call('setTabColor', 'write');
    return this;
  }

  // -- clearing and sorting

  #wholeSheet(): Rect {
    const sheet = this.#sheet;
    return { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns };
  }

  clear(options?: unknown): SheetImpl {
    this.#call('clear', 'write');
    const rect = this.#wholeSheet();
    assertEditable(this.#rt, this.#sheet, rect);
    const what = clearOptions(options, {
      contents: true,
      formats: true,
      validations: false,
      notes: false,
    });
    clearCells(this.#sheet, rect, what);
    return this;
  }

  clearContents(): SheetImpl {
    this.#call('clearContents', 'write');
    const rect = this.#wholeSheet();
    assertEditable(this.#rt, this.#sheet, rect);
    clearCells(this.#sheet, rect, {
      contents: true,
      formats: false,
      validations: false,
      notes: false,
    });
    return this;
  }

  clearFormats(): SheetImpl {
    this.#call('clearFormats', 'write');
    const rect = this.#wholeSheet();
    assertEditable(this.#rt, this.#sheet, rect);
    clearCells(this.#sheet, rect, {
      contents: false,
      formats: true,
      validations: false,
      notes: false,
    });
    return this;
  }

  /** Sorts every row below the frozen rows by one column (blanks last). */
  sort(columnPosition: unknown, ascending: unknown = true): SheetImpl {
    this.#call('sort', 'write');
    const args = [columnPosition, ascending];
    const column = intArg('SpreadsheetApp.Sheet.sort', args, 0);
    const sheet = this.#sheet;
    if (column < 1 || column > sheet.maxColumns)
      throw new ScriptError('Those columns are out of bounds.');
    const first = sheet.frozenRows + 1;
    const last = lastRowOf(sheet);
    if (last < first) return this;
    const block = {
      row: first,
      column: 1,
      numRows: last - first + 1,
      numColumns: sheet.maxColumns,
    };
    assertEditable(this.#rt, sheet, block);
    sortBlock(
      sheet,
      block,
      [{ column, ascending: ascending !== false }],
      this.#rt.state.spreadsheet.timeZone,
    );
    return this;
  }

  // -- charts and conditional format rules: emulator/src/charts.ts and conditional-format.ts

  newChart(): object {
    this.#call('newChart');
    return charts.newChartBuilder(this.#rt, sheetBridge);
  }

  insertChart(chart: unknown): void {
    this.#call('insertChart', 'write');
    charts.insertChart(this.#rt, sheetBridge, this.#sheet, chart);
  }

  getCharts(): object[] {
    this.#call('getCharts', 'read');
    return charts.getCharts(this.#rt, sheetBridge, this.#sheet);
  }

  updateChart(chart: unknown): void {
    this.#call('updateChart', 'write');
    charts.updateChart(this.#rt, sheetBridge, this.#sheet, chart);
  }

  removeChart(chart: unknown): void {
    this.#call('removeChart', 'write');
    charts.removeChart(this.#rt, sheetBridge, this.#sheet, chart);
  }

  getConditionalFormatRules(): object[] {
    this.#call('getConditionalFormatRules', 'read');
    return conditionalFormats.getConditionalFormatRules(this.#rt, sheetBridge, this.#sheet);
  }

  setConditionalFormatRules(rules: unknown): void {
    this.#call('setConditionalFormatRules', 'write');
    conditionalFormats.setConditionalFormatRules(this.#rt, sheetBridge, this.#sheet, rules);
  }

  clearConditionalFormatRules(): void {
    this.#call('clearConditionalFormatRules', 'write');
    conditionalFormats.clearConditionalFormatRules(this.#rt, sheetBridge, this.#sheet);
  }
}

// ---- Range ------------------------------------------------------------------------------------

/** Cosmetic style keys and what the getters return for an unstyled cell. */
const STYLE_DEFAULTS: Record<string, string> = {
  background: '#ffffff',
  fontColor: '#000000',
  fontWeight: 'normal',
  fontStyle: 'normal',
  fontSize: '10',
  fontFamily: 'Arial',
  horizontalAlignment: 'general',
  verticalAlignment: 'bottom',
  wrap: 'false',
  note: '',
};

/** Range methods that store values or formulas (or clear, sort, paste them): cells written. */
const VALUE_WRITES = new Set([
  'setValues',
  'setValue',
  'setFormula',
  'setFormulas',
  'clear',
  'clearContent',
  'insertCheckboxes',
  'removeCheckboxes',
  'check',
  'uncheck',
  'sort',
  'copyTo',
  'trimWhitespace',
]);

/**
 * Which count a Range method's cells go to: other writes (number formats, styles, notes,
 * validation rules) format cells; protect() moves none.
 */
function cellPart(method: string, kind: CallKind): keyof CellCounts | undefined {
  if (kind === 'read') return 'read';
  if (kind !== 'write' || method === 'protect') return undefined;
  return VALUE_WRITES.has(method) ? 'written' : 'formatted';
}

class RangeImpl {
  readonly #rt: Runtime;
  readonly #sheetId: number;
  /** As made: an open range ('D:D') keeps its open sides and covers rows added later. */
  readonly #base: Rect;
  /** False for the ranges a RangeList works through: the RangeList call is the one counted. */
  readonly #counted: boolean;

  constructor(rt: Runtime, sheetId: number, rect: Rect, counted = true) {
    this.#rt = rt;
    this.#sheetId = sheetId;
    this.#base = { ...rect };
    this.#counted = counted;
  }

  /** The range's sheet (throws when deleted) and rectangle, without counting a call. */
  static infoOf(range: RangeImpl): { sheet: SheetState; rect: Rect } {
    const sheet = sheetById(range.#rt, range.#sheetId);
    return { sheet, rect: { ...resolveRect(range.#base, sheet) } };
  }

  toString(): string {
    return 'Range';
  }

  get #sheet(): SheetState {
    return sheetById(this.#rt, this.#sheetId);
  }

  /** The cells covered now (an open range follows the sheet's size). */
  get #rect(): Rect {
    return resolveRect(this.#base, this.#sheet);
  }

  get #timeZone(): string {
    return this.#rt.state.spreadsheet.timeZone;
  }

  /**
   * Counts the call, and the cells it moves: by default every cell of the range; `cells` for the
   * single-cell getters, which fetch the top-left cell only. Ranges a RangeList works through add
   * their cells to the RangeList's method.
   */
  #call(method: string, kind: CallKind = 'other', cells?: number): void {
    if (this.#counted) count(this.#rt, `Range.${method}`, kind);
    const part = cellPart(method, kind);
    if (!part) return;
    const owner = this.#counted ? 'Range' : 'RangeList';
    const { numRows, numColumns } = this.#rect;
    this.#rt.countCells(`SpreadsheetApp.${owner}.${method}`, part, cells ?? numRows * numColumns);
  }

  /** The open-range marks a validation rule set on this range carries (see DataValidationState). */
  #openMarks(): Pick<DataValidationState, 'openRows' | 'openColumns'> {
    return {
      ...(this.#base.openRows ? { openRows: true as const } : {}),
      ...(this.#base.openColumns ? { openColumns: true as const } : {}),
    };
  }

  /** Writes need edit rights on every protection covering the range (warning-only excepted). */
  #assertEditable(): SheetState {
    const sheet = this.#sheet;
    assertEditable(this.#rt, sheet, this.#rect);
    return sheet;
  }

  #matrix<T>(fn: (cell: CellState | undefined, row: number, column: number) => T): T[][] {
    const sheet = this.#sheet;
    const { row, column, numRows, numColumns } = this.#rect;
    return Array.from({ length: numRows }, (_, i) =>
      Array.from({ length: numColumns }, (_x, j) =>
        fn(cellAt(sheet, row + i, column + j), row + i, column + j),
      ),
    );
  }

  #topLeft(): CellState | undefined {
    return cellAt(this.#sheet, this.#rect.row, this.#rect.column);
  }

  /** Checks a 2-D argument's shape before anything is written, with Apps Script's messages. */
  #checkShape(method: string, data: unknown): unknown[][] {
    if (!Array.isArray(data) || !data.every((row) => Array.isArray(row))) {
      throw signatureError(`SpreadsheetApp.Range.${method}`, [data]);
    }
    const rows = data as unknown[][];
    const { numRows, numColumns } = this.#rect;
    if (rows.length !== numRows) {
      throw new ScriptError(
        `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${numRows}.`,
      );
    }
    for (const row of rows) {
      if (row.length !== numColumns) {
        throw new ScriptError(
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${numColumns}.`,
        );
      }
    }
    return rows;
  }

  #writeEach(sheet: SheetState, valueAt: (i: number, j: number) => unknown): void {
    const timeZone = this.#timeZone;
    forEachCell(this.#rect, (row, column, i, j) => {
      const numberFormat = cellAt(sheet, row, column)?.nf;
      writeEntry(sheet, row, column, parseUserEntry(valueAt(i, j), { timeZone, numberFormat }));
    });
  }

  #updateEach(sheet: SheetState, update: (cell: CellState, i: number, j: number) => void): void {
    forEachCell(this.#rect, (row, column, i, j) => {
      update(mutableCell(sheet, row, column), i, j);
      tidyCell(sheet, row, column);
    });
  }

  // -- geometry

  getA1Notation(): string {
    this.#call('getA1Notation');
    return rectToA1(this.#rect);
  }

  getRow(): number {
    this.#call('getRow');
    return this.#rect.row;
  }

  getRowIndex(): number {
    this.#call('getRowIndex');
    return this.#rect.row;
  }

  getColumn(): number {
    this.#call('getColumn');
    return this.#rect.column;
  }

  getLastRow(): number {
    this.#call('getLastRow');
    return this.#rect.row + this.#rect.numRows - 1;
  }

  getLastColumn(): number {
    this.#call('getLastColumn');
    return this.#rect.column + this.#rect.numColumns - 1;
  }

  getNumRows(): number {
    this.#call('getNumRows');
    return this.#rect.numRows;
  }

  getHeight(): number {
    this.#call('getHeight');
    return this.#rect.numRows;
  }

  getNumColumns(): number {
    this.#call('getNumColumns');
    return this.#rect.numColumns;
  }

  getWidth(): number {
    this.#call('getWidth');
    return this.#rect.numColumns;
  }

  getSheet(): SheetImpl {
    this.#call('getSheet');
    return new SheetImpl(this.#rt, this.#sheet.id);
  }

  getGridId(): number {
    this.#call('getGridId');
    return this.#sheet.id;
  }

  offset(...args: unknown[]): RangeImpl {
    this.#call('offset');
    const method = 'SpreadsheetApp.Range.offset';
    if (args.length < 2 || args.length > 4) throw signatureError(method, args);
    return rangeOn(this.#rt, this.#sheet, {
      row: this.#rect.row + intArg(method, args, 0),
      column: this.#rect.column + intArg(method, args, 1),
      numRows: optionalIntArg(method, args, 2, this.#rect.numRows),
      numColumns: optionalIntArg(method, args, 3, this.#rect.numColumns),
    });
  }

  getCell(row: unknown, column: unknown): RangeImpl {
    this.#call('getCell');
    const args = [row, column];
    const r = intArg('SpreadsheetApp.Range.getCell', args, 0);
    const c = intArg('SpreadsheetApp.Range.getCell', args, 1);
    if (r < 1 || c < 1 || r > this.#rect.numRows || c > this.#rect.numColumns) {
      throw new ScriptError('Cell reference out of range');
    }
    return rangeOn(this.#rt, this.#sheet, {
      row: this.#rect.row + r - 1,
      column: this.#rect.column + c - 1,
      numRows: 1,
      numColumns: 1,
    });
  }

  activate(): RangeImpl {
    this.#call('activate');
    this.#rt.state.spreadsheet.activeSheetId = this.#sheet.id;
    return this;
  }

  // -- values

  getValues(): CellValue[][] {
    this.#call('getValues', 'read');
    return valuesOf(this.#sheet, this.#rect);
  }

  getValue(): CellValue {
    this.#call('getValue', 'read', 1);
    return cloneValue(this.#topLeft()?.v ?? '');
  }

  /** Writes a 2-D array of the range's exact shape; strings are read as if typed (USER_ENTERED). */
  setValues(values: unknown): RangeImpl {
    this.#call('setValues', 'write');
    const rows = this.#checkShape('setValues', values);
    const sheet = this.#assertEditable();
    this.#writeEach(sheet, (i, j) => rows[i]?.[j]);
    this.#rt.afterCall('SpreadsheetApp.Range.setValues');
    return this;
  }

  setValue(value: unknown): RangeImpl {
    this.#call('setValue', 'write');
    const sheet = this.#assertEditable();
    this.#writeEach(sheet, () => value);
    return this;
  }

  getDisplayValues(): string[][] {
    this.#call('getDisplayValues', 'read');
    const timeZone = this.#timeZone;
    return this.#matrix((cell) => displayValue(cell, timeZone));
  }

  getDisplayValue(): string {
    this.#call('getDisplayValue', 'read', 1);
    return displayValue(this.#topLeft(), this.#timeZone);
  }

  getFormulas(): string[][] {
    this.#call('getFormulas', 'read');
    return this.#matrix((cell) => cell?.f ?? '');
  }

  getFormula(): string {
    this.#call('getFormula', 'read', 1);
    return this.#topLeft()?.f ?? '';
  }

  setFormula(formula: unknown): RangeImpl {
    this.#call('setFormula', 'write');
    const text = stringArg('SpreadsheetApp.Range.setFormula', [formula], 0);
    const sheet = this.#assertEditable();
    // As the Sheets API's RepeatCellRequest: the formula is written for the top-left cell and its
    // relative references move along for the others (=A1 in D2:E3 gives =B1 in E2, =A2 in D3).
    this.#writeEach(sheet, (i, j) => shiftFormula(text, i, j));
    return this;
  }

  /** Each cell gets its own formula exactly as given: nothing is shifted. */
  setFormulas(formulas: unknown): RangeImpl {
    this.#call('setFormulas', 'write');
    const rows = this.#checkShape('setFormulas', formulas);
    const sheet = this.#assertEditable();
    this.#writeEach(sheet, (i, j) => rows[i]?.[j]);
    return this;
  }

  isBlank(): boolean {
    this.#call('isBlank', 'read');
    return this.#matrix((cell) => hasContent(cell)).every((row) => row.every((has) => !has));
  }

  // -- number formats

  getNumberFormat(): string {
    this.#call('getNumberFormat', 'read', 1);
    return this.#numberFormatOf(this.#topLeft());
  }

  getNumberFormats(): string[][] {
    this.#call('getNumberFormats', 'read');
    return this.#matrix((cell) => this.#numberFormatOf(cell));
  }

  #numberFormatOf(cell: CellState | undefined): string {
    if (cell?.nf) return cell.nf;
    return cell && isDate(cell.v)
      ? automaticDateFormat(cell.v, this.#timeZone)
      : AUTOMATIC_NUMBER_FORMAT;
  }

  setNumberFormat(numberFormat: unknown): RangeImpl {
    this.#call('setNumberFormat', 'write');
    const format = stringArg('SpreadsheetApp.Range.setNumberFormat', [numberFormat], 0);
    this.#updateEach(this.#assertEditable(), (cell) => {
      cell.nf = format;
    });
    return this;
  }

  setNumberFormats(numberFormats: unknown): RangeImpl {
    this.#call('setNumberFormats', 'write');
    const rows = this.#checkShape('setNumberFormats', numberFormats);
    this.#updateEach(this.#assertEditable(), (cell, i, j) => {
      cell.nf = String(rows[i]?.[j] ?? '');
    });
    return this;
  }

  // -- clearing

  /**
   * clear() "clears the range of contents and formats" (validation rules and notes stay);
   * clear(options) clears the parts named, or everything when none is.
   */
  clear(options?: unknown): RangeImpl {
    this.#call('clear', 'write');
    const sheet = this.#assertEditable();
    const plain = { contents: true, formats: true, validations: false, notes: false };
    clearCells(sheet, this.#rect, clearOptions(options, plain));
    return this;
  }

  clearContent(): RangeImpl {
    return this.#clearParts('clearContent', { contents: true });
  }

  clearFormat(): RangeImpl {
    return this.#clearParts('clearFormat', { formats: true, keepNumberFormats: true });
  }

  clearDataValidations(): RangeImpl {
    return this.#clearParts('clearDataValidations', { validations: true });
  }

  clearNote(): RangeImpl {
    return this.#clearParts('clearNote', { notes: true });
  }

  /** The single-purpose clear methods: each clears one part of the cells. */
  #clearParts(method: string, parts: Partial<ClearWhat>): RangeImpl {
    this.#call(method, 'write');
    const sheet = this.#assertEditable();
    clearCells(sheet, this.#rect, {
      contents: false,
      formats: false,
      validations: false,
      notes: false,
      ...parts,
    });
    return this;
  }

  // -- data validation

  setDataValidation(rule: unknown): RangeImpl {
    this.#call('setDataValidation', 'write');
    if (rule !== null && !(rule instanceof DataValidationImpl)) {
      throw signatureError('SpreadsheetApp.Range.setDataValidation', [rule]);
    }
    const state = rule ? DataValidationImpl.stateOf(rule) : undefined;
    const marks = this.#openMarks();
    this.#updateEach(this.#assertEditable(), (cell) => {
      if (state) cell.dv = { ...structuredClone(state), ...marks };
      else delete cell.dv;
    });
    return this;
  }

  setDataValidations(rules: unknown): RangeImpl {
    this.#call('setDataValidations', 'write');
    const rows = this.#checkShape('setDataValidations', rules);
    for (const rule of rows.flat()) {
      if (rule !== null && !(rule instanceof DataValidationImpl)) {
        throw signatureError('SpreadsheetApp.Range.setDataValidations', [rules]);
      }
    }
    const marks = this.#openMarks();
    this.#updateEach(this.#assertEditable(), (cell, i, j) => {
      const rule = rows[i]?.[j];
      if (rule instanceof DataValidationImpl)
        cell.dv = { ...structuredClone(DataValidationImpl.stateOf(rule)), ...marks };
      else delete cell.dv;
    });
    return this;
  }

  getDataValidation(): DataValidationImpl | null {
    this.#call('getDataValidation', 'read', 1);
    const dv = this.#topLeft()?.dv;
    return dv ? new DataValidationImpl(this.#rt, publicRule(dv)) : null;
  }

  getDataValidations(): (DataValidationImpl | null)[][] {
    this.#call('getDataValidations', 'read');
    return this.#matrix((cell) =>
      cell?.dv ? new DataValidationImpl(this.#rt, publicRule(cell.dv)) : null,
    );
  }

  // -- checkboxes

  /**
   * insertCheckboxes(), (checkedValue) or (checkedValue, uncheckedValue): a checkbox rule, and each
   * cell set to the unchecked value (FALSE, the empty string, or uncheckedValue).
   */
  insertCheckboxes(...args: unknown[]): RangeImpl {
    this.#call('insertCheckboxes', 'write');
    const values = args.slice(0, 2).filter((a) => a !== undefined);
    const dv: DataValidationState = {
      criteria: 'CHECKBOX',
      values,
      allowInvalid: true,
      helpText: '',
      ...this.#openMarks(),
    };
    this.#updateEach(this.#assertEditable(), (cell) => {
      cell.dv = structuredClone(dv);
      cell.v = checkboxValue(dv, false);
      delete cell.f;
    });
    return this;
  }

  /** Removes the checkbox rules, and clears the cells holding a checked or unchecked value. */
  removeCheckboxes(): RangeImpl {
    this.#call('removeCheckboxes', 'write');
    this.#updateEach(this.#assertEditable(), (cell) => {
      if (cell.dv?.criteria !== 'CHECKBOX') return;
      if (checkboxState(cell.dv, cell)) {
        cell.v = '';
        delete cell.f;
      }
      delete cell.dv;
    });
    return this;
  }

  /**
   * check() / uncheck() write the rule's checked (unchecked) value, e.g. 'Yes' for
   * requireCheckbox('Yes', 'No'); cells holding neither value are left alone, as documented.
   */
  #setChecked(method: string, checked: boolean): RangeImpl {
    this.#call(method, 'write');
    this.#updateEach(this.#assertEditable(), (cell) => {
      if (!cell.dv || !checkboxState(cell.dv, cell)) return;
      cell.v = checkboxValue(cell.dv, checked);
      delete cell.f;
    });
    return this;
  }

  check(): RangeImpl {
    return this.#setChecked('check', true);
  }

  uncheck(): RangeImpl {
    return this.#setChecked('uncheck', false);
  }

  /** True when every cell is checked, false when every one is unchecked, null otherwise. */
  isChecked(): boolean | null {
    this.#call('isChecked', 'read');
    const states = this.#matrix((cell) => checkboxState(cell?.dv, cell)).flat();
    if (states.every((s) => s === 'checked')) return true;
    return states.every((s) => s === 'unchecked') ? false : null;
  }

  // -- protection and sorting

  protect(): ProtectionImpl {
    this.#call('protect', 'write');
    const sheet = this.#sheet;
    const protection = newProtection(this.#rt, 'RANGE', { ...this.#rect });
    sheet.protections.push(protection);
    return new ProtectionImpl(this.#rt, sheet.id, protection.id);
  }

  /** sort(column), sort({column, ascending}) or an array of those; columns are sheet positions. */
  sort(sortSpecObj: unknown): RangeImpl {
    this.#call('sort', 'write');
    const specs = (Array.isArray(sortSpecObj) ? sortSpecObj : [sortSpecObj]).map(
      (spec): SortSpec => {
        if (typeof spec === 'number') return { column: Math.trunc(spec), ascending: true };
        const s = spec as { column?: unknown; ascending?: unknown } | null;
        if (!s || typeof s.column !== 'number')
          throw signatureError('SpreadsheetApp.Range.sort', [sortSpecObj]);
        return { column: Math.trunc(s.column), ascending: s.ascending !== false };
      },
    );
    const { column, numColumns } = this.#rect;
    if (specs.some((s) => s.column < column || s.column >= column + numColumns)) {
      throw new ScriptError('The sort column must be within the range.');
    }
    sortBlock(this.#assertEditable(), this.#rect, specs, this.#timeZone);
    return this;
  }

  // -- copying, finding, tidying

  /**
   * copyTo(destination[, options | copyPasteType, transposed]): only the destination's top-left
   * cell matters; the source's shape is pasted from there and must fit in the sheet. A plain copy
   * carries values, formulas (relative references moved as Sheets pastes them), number formats,
   * formatting, notes and validation; {contentsOnly: true} the values, {formatOnly: true} the
   * formats and validation.
   */
  copyTo(...args: unknown[]): void {
    this.#call('copyTo', 'write');
    const { parts, transposed } = pasteMode(args);
    const sheet = this.#sheet;
    const from = this.#rect;
    const dest = RangeImpl.infoOf(args[0] as RangeImpl);
    const target: Rect = {
      row: dest.rect.row,
      column: dest.rect.column,
      numRows: transposed ? from.numColumns : from.numRows,
      numColumns: transposed ? from.numRows : from.numColumns,
    };
    checkRect(dest.sheet, target);
    assertEditable(this.#rt, dest.sheet, target);
    // Read everything first: the destination may overlap the source.
    const copied = Array.from({ length: from.numRows }, (_, i) =>
      Array.from({ length: from.numColumns }, (_x, j) => {
        const cell = cellAt(sheet, from.row + i, from.column + j);
        return cell ? structuredClone(cell) : null;
      }),
    );
    copied.forEach((cells, i) =>
      cells.forEach((cell, j) => {
        const [ti, tj] = transposed ? [j, i] : [i, j];
        const row = target.row + ti;
        const column = target.column + tj;
        if (!cell && !cellAt(dest.sheet, row, column)) return;
        const shift: [number, number] = [row - (from.row + i), column - (from.column + j)];
        pasteCell(mutableCell(dest.sheet, row, column), cell, parts, shift);
        tidyCell(dest.sheet, row, column);
      }),
    );
    if (parts.widths && sheet.columnWidths) {
      const widths = { ...dest.sheet.columnWidths };
      for (let j = 0; j < from.numColumns; j += 1) {
        const width = sheet.columnWidths[from.column + j];
        if (width !== undefined) widths[target.column + j] = width;
      }
      dest.sheet.columnWidths = widths;
    }
  }

  /** A TextFinder over this range's cells (see TextFinderImpl). */
  createTextFinder(findText: unknown): TextFinderImpl {
    this.#call('createTextFinder');
    const text = findTextArg('SpreadsheetApp.Range.createTextFinder', findText);
    return new TextFinderImpl(this.#rt, text, { sheetId: this.#sheetId, rect: { ...this.#base } });
  }

  /**
   * Trims the text of each cell and turns each run of whitespace inside it into one space; a
   * result starting with = or + stays text.
   */
  trimWhitespace(): RangeImpl {
    this.#call('trimWhitespace', 'write');
    const sheet = this.#assertEditable();
    forEachCell(this.#rect, (row, column) => {
      const cell = cellAt(sheet, row, column);
      if (!cell || cell.f || typeof cell.v !== 'string') return;
      cell.v = cell.v.trim().replace(/\s+/g, ' ');
      tidyCell(sheet, row, column);
    });
    return this;
  }

  // -- cosmetic formatting, kept in CellState.style

  #setStyle(method: string, key: string, value: unknown): RangeImpl {
    this.#call(method, 'write');
    this.#updateEach(this.#assertEditable(), (cell) => applyStyle(cell, key, value));
    return this;
  }

  #setStyles(method: string, key: string, values: unknown): RangeImpl {
    this.#call(method, 'write');
    const rows = this.#checkShape(method, values);
    this.#updateEach(this.#assertEditable(), (cell, i, j) => applyStyle(cell, key, rows[i]?.[j]));
    return this;
  }

  #getStyle(method: string, key: string): string {
    this.#call(method, 'read', 1);
    return this.#topLeft()?.style?.[key] ?? STYLE_DEFAULTS[key] ?? '';
  }

  #getStyles(method: string, key: string): string[][] {
    this.#call(method, 'read');
    return this.#matrix((cell) => cell?.style?.[key] ?? STYLE_DEFAULTS[key] ?? '');
  }

  setBackground(color: unknown): RangeImpl {
    return this.#setStyle('setBackground', 'background', color);
  }

  setBackgrounds(colors: unknown): RangeImpl {
    return this.#setStyles('setBackgrounds', 'background', colors);
  }

  getBackground(): string {
    return this.#getStyle('getBackground', 'background');
  }

  getBackgrounds(): string[][] {
    return this.#getStyles('getBackgrounds', 'background');
  }

  setFontColor(color: unknown): RangeImpl {
    return this.#setStyle('setFontColor', 'fontColor', color);
  }

  setFontColors(colors: unknown): RangeImpl {
    return this.#setStyles('setFontColors', 'fontColor', colors);
  }

  getFontColor(): string {
    return this.#getStyle('getFontColor', 'fontColor');
  }

  setFontWeight(fontWeight: unknown): RangeImpl {
    return this.#setStyle('setFontWeight', 'fontWeight', fontWeight);
  }

  setFontWeights(fontWeights: unknown): RangeImpl {
    return this.#setStyles('setFontWeights', 'fontWeight', fontWeights);
  }

  getFontWeight(): string {
    return this.#getStyle('getFontWeight', 'fontWeight');
  }

  getFontWeights(): string[][] {
    return this.#getStyles('getFontWeights', 'fontWeight');
  }

  setFontStyle(fontStyle: unknown): RangeImpl {
    return this.#setStyle('setFontStyle', 'fontStyle', fontStyle);
  }

  setFontSize(size: unknown): RangeImpl {
    return this.#setStyle('setFontSize', 'fontSize', size);
  }

  /** "A rectangular grid of font sizes"; null resets a cell (Range.setFontSizes). */
  setFontSizes(sizes: unknown): RangeImpl {
    return this.#setStyles('setFontSizes', 'fontSize', sizes);
  }

  /** "A rectangular grid of font styles": 'italic' or 'normal', null resets (Range.setFontStyles). */
  setFontStyles(fontStyles: unknown): RangeImpl {
    return this.#setStyles('setFontStyles', 'fontStyle', fontStyles);
  }

  getFontStyles(): string[][] {
    return this.#getStyles('getFontStyles', 'fontStyle');
  }

  getFontSizes(): number[][] {
    return this.#getStyles('getFontSizes', 'fontSize').map((row) => row.map(Number));
  }

  setFontFamily(fontFamily: unknown): RangeImpl {
    return this.#setStyle('setFontFamily', 'fontFamily', fontFamily);
  }

  setFontLine(fontLine: unknown): RangeImpl {
    return this.#setStyle('setFontLine', 'fontLine', fontLine);
  }

  setHorizontalAlignment(alignment: unknown): RangeImpl {
    return this.#setStyle('setHorizontalAlignment', 'horizontalAlignment', alignment);
  }

  setHorizontalAlignments(alignments: unknown): RangeImpl {
    return this.#setStyles('setHorizontalAlignments', 'horizontalAlignment', alignments);
  }

  getHorizontalAlignment(): string {
    return this.#getStyle('getHorizontalAlignment', 'horizontalAlignment');
  }

  setVerticalAlignment(alignment: unknown): RangeImpl {
    return this.#setStyle('setVerticalAlignment', 'verticalAlignment', alignment);
  }

  setWrap(isWrapEnabled: unknown): RangeImpl {
    return this.#setStyle('setWrap', 'wrap', isWrapEnabled);
  }

  setWraps(isWrapEnabled: unknown): RangeImpl {
    return this.#setStyles('setWraps', 'wrap', isWrapEnabled);
  }

  getWrap(): boolean {
    return this.#getStyle('getWrap', 'wrap') === 'true';
  }

  setWrapStrategy(strategy: unknown): RangeImpl {
    return this.#setStyle('setWrapStrategy', 'wrapStrategy', strategy);
  }

  setNote(note: unknown): RangeImpl {
    return this.#setStyle('setNote', 'note', note);
  }

  setNotes(notes: unknown): RangeImpl {
    return this.#setStyles('setNotes', 'note', notes);
  }

  getNote(): string {
    return this.#getStyle('getNote', 'note');
  }

  getNotes(): string[][] {
    return this.#getStyles('getNotes', 'note');
  }

  setBorder(...args: unknown[]): RangeImpl {
    const sides = args.slice(0, 6).map((a) => (a === null ? 'keep' : String(a)));
    return this.#setStyle('setBorder', 'border', sides.join(','));
  }
}

function applyStyle(cell: CellState, key: string, value: unknown): void {
  if (value === null || value === undefined || value === '') {
    if (cell.style) delete cell.style[key];
    return;
  }
  cell.style = { ...cell.style, [key]: String(value) };
}

// ---- data validation --------------------------------------------------------------------------

/** Criteria values as Apps Script returns them: a Range for VALUE_IN_RANGE, copies of Dates. */
function criteriaValuesFor(rt: Runtime, dv: DataValidationState): unknown[] {
  return dv.values.map((value, i) => {
    if (i === 0 && dv.criteria === 'VALUE_IN_RANGE') {
      const ref = rangeRefOf(dv);
      return ref ? (resolveRef(rt, `${quoteSheetName(ref.sheet)}!${ref.a1}`) ?? null) : null;
    }
    if (isDate(value)) return new Date(value.getTime());
    return Array.isArray(value) ? [...(value as unknown[])] : value;
  });
}

class DataValidationImpl {
  readonly #rt: Runtime;
  readonly #state: DataValidationState;

  constructor(rt: Runtime, state: DataValidationState) {
    this.#rt = rt;
    this.#state = state;
  }

  static stateOf(rule: DataValidationImpl): DataValidationState {
    return rule.#state;
  }

  toString(): string {
    return 'DataValidation';
  }

  #call(method: string): void {
    count(this.#rt, `DataValidation.${method}`);
  }

  copy(): DataValidationBuilderImpl {
    this.#call('copy');
    return new DataValidationBuilderImpl(this.#rt, structuredClone(this.#state));
  }

  getAllowInvalid(): boolean {
    this.#call('getAllowInvalid');
    return this.#state.allowInvalid;
  }

  getCriteriaType(): string {
    this.#call('getCriteriaType');
    return this.#state.criteria;
  }

  getCriteriaValues(): unknown[] {
    this.#call('getCriteriaValues');
    return criteriaValuesFor(this.#rt, this.#state);
  }

  getHelpText(): string {
    this.#call('getHelpText');
    return this.#state.helpText;
  }
}

type RuleDraft = Omit<DataValidationState, 'criteria'> & { criteria?: string };

class DataValidationBuilderImpl {
  readonly #rt: Runtime;
  readonly #draft: RuleDraft;

  constructor(rt: Runtime, draft?: RuleDraft) {
    this.#rt = rt;
    this.#draft = draft ?? { values: [], allowInvalid: true, helpText: '' };
  }

  toString(): string {
    return 'DataValidationBuilder';
  }

  #call(method: string): void {
    count(this.#rt, `DataValidationBuilder.${method}`);
  }

  #require(method: string, criteria: CriteriaName, values: unknown[]): DataValidationBuilderImpl {
    this.#call(method);
    this.#draft.criteria = criteria;
    this.#draft.values = values;
    return this;
  }

  #dates(method: string, args: unknown[]): Date[] {
    if (!args.every(isDate))
      throw signatureError(`SpreadsheetApp.DataValidationBuilder.${method}`, args);
    return args.map((d) => new Date(d.getTime()));
  }

  #numbers(method: string, args: unknown[]): number[] {
    if (!args.every((a) => typeof a === 'number' && !Number.isNaN(a))) {
      throw signatureError(`SpreadsheetApp.DataValidationBuilder.${method}`, args);
    }
    return args as number[];
  }

  #text(method: string, value: unknown): string[] {
    return [stringArg(`SpreadsheetApp.DataValidationBuilder.${method}`, [value], 0)];
  }

  build(): DataValidationImpl {
    this.#call('build');
    const { criteria, values, allowInvalid, helpText } = this.#draft;
    if (!criteria)
      throw new ScriptError('A data validation rule needs criteria before it can be built.');
    return new DataValidationImpl(
      this.#rt,
      structuredClone({ criteria, values, allowInvalid, helpText }),
    );
  }

  copy(): DataValidationBuilderImpl {
    this.#call('copy');
    return new DataValidationBuilderImpl(this.#rt, structuredClone(this.#draft));
  }

  getAllowInvalid(): boolean {
    this.#call('getAllowInvalid');
    return this.#draft.allowInvalid;
  }

  getCriteriaType(): string | null {
    this.#call('getCriteriaType');
    return this.#draft.criteria ?? null;
  }

  getCriteriaValues(): unknown[] {
    this.#call('getCriteriaValues');
    const { criteria, values, allowInvalid, helpText } = this.#draft;
    return criteria
      ? criteriaValuesFor(this.#rt, { criteria, values, allowInvalid, helpText })
      : [];
  }

  getHelpText(): string {
    this.#call('getHelpText');
    return this.#draft.helpText;
  }

  setAllowInvalid(allowInvalidData: unknown): DataValidationBuilderImpl {
    this.#call('setAllowInvalid');
    if (typeof allowInvalidData !== 'boolean') {
      throw signatureError('SpreadsheetApp.DataValidationBuilder.setAllowInvalid', [
        allowInvalidData,
      ]);
    }
    this.#draft.allowInvalid = allowInvalidData;
    return this;
  }

  setHelpText(helpText: unknown): DataValidationBuilderImpl {
    this.#call('setHelpText');
    this.#draft.helpText = stringArg(
      'SpreadsheetApp.DataValidationBuilder.setHelpText',
      [helpText],
      0,
    );
    return this;
  }

  withCriteria(criteria: unknown, args: unknown): DataValidationBuilderImpl {
    if (
      typeof criteria !== 'string' ||
      !(criteria in DataValidationCriteria) ||
      !Array.isArray(args)
    ) {
      this.#call('withCriteria');
      throw signatureError('SpreadsheetApp.DataValidationBuilder.withCriteria', [criteria, args]);
    }
    const values =
      criteria === 'VALUE_IN_RANGE' && args[0] instanceof RangeImpl
        ? [rangeRef(args[0]), ...args.slice(1)]
        : args;
    return this.#require('withCriteria', criteria as CriteriaName, structuredClone(values));
  }

  requireCheckbox(...args: unknown[]): DataValidationBuilderImpl {
    return this.#require(
      'requireCheckbox',
      'CHECKBOX',
      args.filter((a) => a !== undefined),
    );
  }

  requireDate(): DataValidationBuilderImpl {
    return this.#require('requireDate', 'DATE_IS_VALID_DATE', []);
  }

  requireDateAfter(date: unknown): DataValidationBuilderImpl {
    return this.#require('requireDateAfter', 'DATE_AFTER', this.#dates('requireDateAfter', [date]));
  }

  requireDateBefore(date: unknown): DataValidationBuilderImpl {
    return this.#require(
      'requireDateBefore',
      'DATE_BEFORE',
      this.#dates('requireDateBefore', [date]),
    );
  }

  requireDateBetween(start: unknown, end: unknown): DataValidationBuilderImpl {
    const values = this.#dates('requireDateBetween', [start, end]);
    return this.#require('requireDateBetween', 'DATE_BETWEEN', values);
  }

  requireDateNotBetween(start: unknown, end: unknown): DataValidationBuilderImpl {
    const values = this.#dates('requireDateNotBetween', [start, end]);
    return this.#require('requireDateNotBetween', 'DATE_NOT_BETWEEN', values);
  }

  requireDateEqualTo(date: unknown): DataValidationBuilderImpl {
    return this.#require(
      'requireDateEqualTo',
      'DATE_EQUAL_TO',
      this.#dates('requireDateEqualTo', [date]),
    );
  }

  requireDateOnOrAfter(date: unknown): DataValidationBuilderImpl {
    const values = this.#dates('requireDateOnOrAfter', [date]);
    return this.#require('requireDateOnOrAfter', 'DATE_ON_OR_AFTER', values);
  }

  requireDateOnOrBefore(date: unknown): DataValidationBuilderImpl {
    const values = this.#dates('requireDateOnOrBefore', [date]);
    return this.#require('requireDateOnOrBefore', 'DATE_ON_OR_BEFORE', values);
  }

  requireNumberBetween(start: unknown, end: unknown): DataValidationBuilderImpl {
    const values = this.#numbers('requireNumberBetween', [start, end]);
    return this.#require('requireNumberBetween', 'NUMBER_BETWEEN', values);
  }

  requireNumberNotBetween(start: unknown, end: unknown): DataValidationBuilderImpl {
    const values = this.#numbers('requireNumberNotBetween', [start, end]);
    return this.#require('requireNumberNotBetween', 'NUMBER_NOT_BETWEEN', values);
  }

  requireNumberEqualTo(number: unknown): DataValidationBuilderImpl {
    const values = this.#numbers('requireNumberEqualTo', [number]);
    return this.#require('requireNumberEqualTo', 'NUMBER_EQUAL_TO', values);
  }

  requireNumberNotEqualTo(number: unknown): DataValidationBuilderImpl {
    const values = this.#numbers('requireNumberNotEqualTo', [number]);
    return this.#require('requireNumberNotEqualTo', 'NUMBER_NOT_EQUAL_TO', values);
  }

  requireNumberGreaterThan(number: unknown): DataValidationBuilderImpl {
    const values = this.#numbers('requireNumberGreaterThan', [number]);
    return this.#require('requireNumberGreaterThan', 'NUMBER_GREATER_THAN', values);
  }

  requireNumberGreaterThanOrEqualTo(number: unknown): DataValidationBuilderImpl {
    const values = this.#numbers('requireNumberGreaterThanOrEqualTo', [number]);
    return this.#require(
      'requireNumberGreaterThanOrEqualTo',
      'NUMBER_GREATER_THAN_OR_EQUAL_TO',
      values,
    );
  }

  requireNumberLessThan(number: unknown): DataValidationBuilderImpl {
    const values = this.#numbers('requireNumberLessThan', [number]);
    return this.#require('requireNumberLessThan', 'NUMBER_LESS_THAN', values);
  }

  requireNumberLessThanOrEqualTo(number: unknown): DataValidationBuilderImpl {
    const values = this.#numbers('requireNumberLessThanOrEqualTo', [number]);
    return this.#require('requireNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', values);
  }

  requireTextContains(text: unknown): DataValidationBuilderImpl {
    return this.#require(
      'requireTextContains',
      'TEXT_CONTAINS',
      this.#text('requireTextContains', text),
    );
  }

  requireTextDoesNotContain(text: unknown): DataValidationBuilderImpl {
    const values = this.#text('requireTextDoesNotContain', text);
    return this.#require('requireTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', values);
  }

  requireTextEqualTo(text: unknown): DataValidationBuilderImpl {
    return this.#require(
      'requireTextEqualTo',
      'TEXT_EQUAL_TO',
      this.#text('requireTextEqualTo', text),
    );
  }

  requireTextIsEmail(): DataValidationBuilderImpl {
    return this.#require('requireTextIsEmail', 'TEXT_IS_VALID_EMAIL', []);
  }

  requireTextIsUrl(): DataValidationBuilderImpl {
    return this.#require('requireTextIsUrl', 'TEXT_IS_VALID_URL', []);
  }

  requireFormulaSatisfied(formula: unknown): DataValidationBuilderImpl {
    const values = this.#text('requireFormulaSatisfied', formula);
    return this.#require('requireFormulaSatisfied', 'CUSTOM_FORMULA', values);
  }

  /**
   * A dropdown of fixed items. The parameter is a String[]: numbers and booleans are turned into
   * their text ([1, 2, 3] gives '1', '2', '3'), as Apps Script converts arguments; anything else
   * (a Date, an object, null) is refused rather than guessed at.
   */
  requireValueInList(values: unknown, showDropdown: unknown = true): DataValidationBuilderImpl {
    const method = 'SpreadsheetApp.DataValidationBuilder.requireValueInList';
    const scalar = (v: unknown): boolean =>
      typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && isFinite(v));
    if (!Array.isArray(values) || !values.every(scalar) || typeof showDropdown !== 'boolean') {
      this.#call('requireValueInList');
      throw signatureError(method, [values, showDropdown]);
    }
    return this.#require('requireValueInList', 'VALUE_IN_LIST', [
      values.map((v) => String(v)),
      showDropdown,
    ]);
  }

  /** A dropdown of the values in a range, stored as {sheet, a1} so it survives a restart. */
  requireValueInRange(range: unknown, showDropdown: unknown = true): DataValidationBuilderImpl {
    if (!(range instanceof RangeImpl) || typeof showDropdown !== 'boolean') {
      this.#call('requireValueInRange');
      throw signatureError('SpreadsheetApp.DataValidationBuilder.requireValueInRange', [
        range,
        showDropdown,
      ]);
    }
    return this.#require('requireValueInRange', 'VALUE_IN_RANGE', [rangeRef(range), showDropdown]);
  }
}

function rangeRef(range: RangeImpl): { sheet: string; a1: string } {
  const { sheet, rect } = RangeImpl.infoOf(range);
  return { sheet: sheet.name, a1: rectToA1(rect) };
}

// ---- Protection -------------------------------------------------------------------------------

class UserImpl {
  readonly #rt: Runtime;
  readonly #email: string;

  constructor(rt: Runtime, email: string) {
    this.#rt = rt;
    this.#email = email;
  }

  toString(): string {
    return 'User';
  }

  getEmail(): string {
    count(this.#rt, 'User.getEmail');
    return this.#email;
  }
}

class ProtectionImpl {
  readonly #rt: Runtime;
  readonly #sheetId: number;
  readonly #id: string;

  constructor(rt: Runtime, sheetId: number, id: string) {
    this.#rt = rt;
    this.#sheetId = sheetId;
    this.#id = id;
  }

  toString(): string {
    return 'Protection';
  }

  get #sheet(): SheetState {
    return sheetById(this.#rt, this.#sheetId);
  }

  get #p(): ProtectionState {
    const protection = this.#sheet.protections.find((p) => p.id === this.#id);
    if (!protection) throw new ScriptError('This protection has been removed.');
    return protection;
  }

  #call(method: string, kind: CallKind = 'other'): void {
    count(this.#rt, `Protection.${method}`, kind);
  }

  /** Changing a protection needs edit rights on it, as in the Sheets UI. */
  #manage(method: string): ProtectionState {
    this.#call(method, 'write');
    const p = this.#p;
    if (!canEditProtection(this.#rt.state.spreadsheet, p, this.#rt.user)) {
      throw new ScriptError('You do not have permission to perform that action.');
    }
    return p;
  }

  getProtectionType(): string {
    this.#call('getProtectionType');
    return this.#p.type;
  }

  getDescription(): string {
    this.#call('getDescription');
    return this.#p.description;
  }

  setDescription(description: unknown): ProtectionImpl {
    const p = this.#manage('setDescription');
    p.description = stringArg('SpreadsheetApp.Protection.setDescription', [description], 0);
    return this;
  }

  isWarningOnly(): boolean {
    this.#call('isWarningOnly');
    return this.#p.warningOnly;
  }

  setWarningOnly(warningOnly: unknown): ProtectionImpl {
    const p = this.#manage('setWarningOnly');
    if (typeof warningOnly !== 'boolean') {
      throw signatureError('SpreadsheetApp.Protection.setWarningOnly', [warningOnly]);
    }
    p.warningOnly = warningOnly;
    return this;
  }

  /** The editors, the spreadsheet's owner first when known. */
  getEditors(): UserImpl[] {
    this.#call('getEditors', 'read');
    const owner = this.#rt.state.spreadsheet.owner;
    const emails = owner
      ? [owner, ...this.#p.editors.filter((e) => !sameEmail(e, owner))]
      : this.#p.editors;
    return emails.map((email) => new UserImpl(this.#rt, email));
  }

  addEditor(emailAddress: unknown): ProtectionImpl {
    const p = this.#manage('addEditor');
    const email = emailOf('SpreadsheetApp.Protection.addEditor', emailAddress);
    if (!p.editors.some((e) => sameEmail(e, email))) p.editors.push(email);
    return this;
  }

  addEditors(emailAddresses: unknown): ProtectionImpl {
    const p = this.#manage('addEditors');
    if (!Array.isArray(emailAddresses)) {
      throw signatureError('SpreadsheetApp.Protection.addEditors', [emailAddresses]);
    }
    for (const value of emailAddresses) {
      const email = emailOf('SpreadsheetApp.Protection.addEditors', value);
      if (!p.editors.some((e) => sameEmail(e, email))) p.editors.push(email);
    }
    return this;
  }

  /** The spreadsheet's owner and the user running the script cannot be removed. */
  #remove(p: ProtectionState, email: string): void {
    const owner = this.#rt.state.spreadsheet.owner;
    if (sameEmail(email, this.#rt.user) || (owner && sameEmail(email, owner))) return;
    p.editors = p.editors.filter((e) => !sameEmail(e, email));
  }

  removeEditor(emailAddress: unknown): ProtectionImpl {
    const p = this.#manage('removeEditor');
    this.#remove(p, emailOf('SpreadsheetApp.Protection.removeEditor', emailAddress));
    return this;
  }

  removeEditors(emailAddresses: unknown): ProtectionImpl {
    const p = this.#manage('removeEditors');
    if (!Array.isArray(emailAddresses)) {
      throw signatureError('SpreadsheetApp.Protection.removeEditors', [emailAddresses]);
    }
    for (const value of emailAddresses) {
      this.#remove(p, emailOf('SpreadsheetApp.Protection.removeEditors', value));
    }
    return this;
  }

  canEdit(): boolean {
    this.#call('canEdit');
    return canEditProtection(this.#rt.state.spreadsheet, this.#p, this.#rt.user);
  }

  canDomainEdit(): boolean {
    this.#call('canDomainEdit');
    return !!this.#p.domainEdit;
  }

  setDomainEdit(editable: unknown): ProtectionImpl {
    const p = this.#manage('setDomainEdit');
    p.domainEdit = editable === true;
    return this;
  }

  getRange(): RangeImpl {
    this.#call('getRange');
    const sheet = this.#sheet;
    const p = this.#p;
    const rect = p.range ?? {
      row: 1,
      column: 1,
      numRows: sheet.maxRows,
      numColumns: sheet.maxColumns,
    };
    return new RangeImpl(this.#rt, sheet.id, rect);
  }

  setRange(range: unknown): ProtectionImpl {
    const p = this.#manage('setRange');
    if (!(range instanceof RangeImpl) || p.type !== 'RANGE') {
      throw signatureError('SpreadsheetApp.Protection.setRange', [range]);
    }
    p.range = RangeImpl.infoOf(range).rect;
    return this;
  }

  getUnprotectedRanges(): RangeImpl[] {
    this.#call('getUnprotectedRanges');
    const sheetId = this.#sheet.id;
    return (this.#p.unprotectedRanges ?? []).map((rect) => new RangeImpl(this.#rt, sheetId, rect));
  }

  /** For a sheet protection: the ranges left open to everyone. */
  setUnprotectedRanges(ranges: unknown): ProtectionImpl {
    const p = this.#manage('setUnprotectedRanges');
    if (
      p.type !== 'SHEET' ||
      !Array.isArray(ranges) ||
      !ranges.every((r) => r instanceof RangeImpl)
    ) {
      throw signatureError('SpreadsheetApp.Protection.setUnprotectedRanges', [ranges]);
    }
    p.unprotectedRanges = (ranges as RangeImpl[]).map((r) => RangeImpl.infoOf(r).rect);
    return this;
  }

  remove(): void {
    this.#manage('remove');
    const sheet = this.#sheet;
    sheet.protections = sheet.protections.filter((p) => p.id !== this.#id);
  }
}

// ---- NamedRange -------------------------------------------------------------------------------

class NamedRangeImpl {
  readonly #rt: Runtime;
  #name: string;

  constructor(rt: Runtime, name: string) {
    this.#rt = rt;
    this.#name = name;
  }

  toString(): string {
    return 'NamedRange';
  }

  get #entry(): SpreadsheetState['namedRanges'][number] {
    const entry = this.#rt.state.spreadsheet.namedRanges.find((nr) => nr.name === this.#name);
    if (!entry) throw new ScriptError(`Named range ${this.#name} not found.`);
    return entry;
  }

  getName(): string {
    count(this.#rt, 'NamedRange.getName');
    return this.#entry.name;
  }

  setName(name: unknown): NamedRangeImpl {
    count(this.#rt, 'NamedRange.setName', 'write');
    const newName = stringArg('SpreadsheetApp.NamedRange.setName', [name], 0);
    checkNamedRangeName(newName);
    this.#entry.name = newName;
    this.#name = newName;
    return this;
  }

  getRange(): RangeImpl {
    count(this.#rt, 'NamedRange.getRange');
    const entry = this.#entry;
    const range = resolveRef(this.#rt, `${quoteSheetName(entry.sheet)}!${entry.a1}`);
    if (!range) throw new ScriptError('Range not found');
    return range;
  }

  setRange(range: unknown): NamedRangeImpl {
    count(this.#rt, 'NamedRange.setRange', 'write');
    if (!(range instanceof RangeImpl))
      throw signatureError('SpreadsheetApp.NamedRange.setRange', [range]);
    Object.assign(this.#entry, rangeRef(range));
    return this;
  }

  remove(): void {
    count(this.#rt, 'NamedRange.remove', 'write');
    const ss = this.#rt.state.spreadsheet;
    const entry = this.#entry;
    ss.namedRanges = ss.namedRanges.filter((nr) => nr !== entry);
  }
}

// ---- TextFinder -------------------------------------------------------------------------------

interface CellPos {
  sheetId: number;
  row: number;
  column: number;
}

type FinderOption =
  | 'matchCase'
  | 'matchEntireCell'
  | 'matchFormulaText'
  | 'ignoreDiacritics'
  | 'useRegularExpression';

/** What a TextFinder searches: every sheet, one sheet, or a range of one sheet. */
interface FinderScope {
  sheetId?: number;
  rect?: Rect;
}

function findTextArg(method: string, findText: unknown): string {
  const text = stringArg(method, [findText], 0);
  if (text === '') throw new ScriptError('Invalid argument: findText');
  return text;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '');
}

/** How a finder's options turn its text into a test and a replacement. */
interface Matcher {
  regex: RegExp;
  /** The text the regex runs on: the cell's, decomposed or stripped of accents for ignoreDiacritics. */
  view(text: string): string;
  /** Replacements run on view(text), recomposed afterwards (literal search ignoring diacritics). */
  replaceOnView: boolean;
  literal: boolean;
}

/**
 * TextFinder: finds (and replaces) text in the cells of a range, a sheet or every sheet, row by
 * row (left to right, then down), sheets in tab order. A cell is matched on what it displays, or
 * on its formula with matchFormulaText(true); by default case-insensitively and on part of the
 * cell. findNext / findPrevious move from the last match (or from just after startFrom's range)
 * and do not wrap around: past the last match they return null. Empty cells never match.
 * Replacing skips formula cells unless matchFormulaText is on, and refuses protected cells.
 */
class TextFinderImpl {
  readonly #rt: Runtime;
  readonly #text: string;
  readonly #scope: FinderScope;
  readonly #options: Record<FinderOption, boolean> = {
    matchCase: false,
    matchEntireCell: false,
    matchFormulaText: false,
    ignoreDiacritics: false,
    useRegularExpression: false,
  };
  /** Where the search stands: findNext looks after it, findPrevious before it. */
  #cursor: CellPos | undefined;
  #current: CellPos | null = null;

  constructor(rt: Runtime, text: string, scope: FinderScope) {
    this.#rt = rt;
    this.#text = text;
    this.#scope = scope;
  }

  toString(): string {
    return 'TextFinder';
  }

  #call(method: string, kind: CallKind = 'other'): void {
    count(this.#rt, `TextFinder.${method}`, kind);
  }

  #option(method: FinderOption, value: unknown): TextFinderImpl {
    this.#call(method);
    if (typeof value !== 'boolean') {
      throw signatureError(`SpreadsheetApp.TextFinder.${method}`, [value]);
    }
    this.#options[method] = value;
    return this;
  }

  matchCase(matchCase: unknown): TextFinderImpl {
    return this.#option('matchCase', matchCase);
  }

  matchEntireCell(matchEntireCell: unknown): TextFinderImpl {
    return this.#option('matchEntireCell', matchEntireCell);
  }

  matchFormulaText(matchFormulaText: unknown): TextFinderImpl {
    return this.#option('matchFormulaText', matchFormulaText);
  }

  ignoreDiacritics(ignoreDiacritics: unknown): TextFinderImpl {
    return this.#option('ignoreDiacritics', ignoreDiacritics);
  }

  useRegularExpression(useRegEx: unknown): TextFinderImpl {
    return this.#option('useRegularExpression', useRegEx);
  }

  /** The search starts immediately after the range (after its bottom-right cell). */
  startFrom(startRange: unknown): TextFinderImpl {
    this.#call('startFrom');
    if (!(startRange instanceof RangeImpl)) {
      throw signatureError('SpreadsheetApp.TextFinder.startFrom', [startRange]);
    }
    const { sheet, rect } = RangeImpl.infoOf(startRange);
    this.#cursor = {
      sheetId: sheet.id,
      row: rect.row + rect.numRows - 1,
      column: rect.column + rect.numColumns - 1,
    };
    this.#current = null;
    return this;
  }

  findAll(): RangeImpl[] {
    this.#call('findAll', 'read');
    return this.#matches().map((pos) => this.#range(pos));
  }

  findNext(): RangeImpl | null {
    this.#call('findNext', 'read');
    const cursor = this.#cursor;
    const next = this.#matches().find((pos) => !cursor || this.#compare(pos, cursor) > 0);
    return this.#moveTo(next);
  }

  findPrevious(): RangeImpl | null {
    this.#call('findPrevious', 'read');
    const cursor = this.#cursor;
    const before = cursor ? this.#matches().filter((pos) => this.#compare(pos, cursor) < 0) : [];
    return this.#moveTo(before[before.length - 1]);
  }

  getCurrentMatch(): RangeImpl | null {
    this.#call('getCurrentMatch');
    return this.#current ? this.#range(this.#current) : null;
  }

  /** Replaces every match; returns the number of occurrences replaced (not of cells). */
  replaceAllWith(replaceText: unknown): number {
    this.#call('replaceAllWith', 'write');
    const text = stringArg('SpreadsheetApp.TextFinder.replaceAllWith', [replaceText], 0);
    return this.#replace(this.#matches(), text);
  }

  /** Replaces the text in the current match only (0 when there is none). */
  replaceWith(replaceText: unknown): number {
    this.#call('replaceWith', 'write');
    const text = stringArg('SpreadsheetApp.TextFinder.replaceWith', [replaceText], 0);
    return this.#current ? this.#replace([this.#current], text) : 0;
  }

  #moveTo(pos: CellPos | undefined): RangeImpl | null {
    this.#current = pos ?? null;
    if (!pos) return null;
    this.#cursor = pos;
    return this.#range(pos);
  }

  #range(pos: CellPos): RangeImpl {
    return new RangeImpl(this.#rt, pos.sheetId, {
      row: pos.row,
      column: pos.column,
      numRows: 1,
      numColumns: 1,
    });
  }

  #compare(a: CellPos, b: CellPos): number {
    const sheets = this.#rt.state.spreadsheet.sheets;
    const index = (p: CellPos): number => sheets.findIndex((s) => s.id === p.sheetId);
    return index(a) - index(b) || a.row - b.row || a.column - b.column;
  }

  #matcher(): Matcher {
    const o = this.#options;
    const literal = !o.useRegularExpression;
    let source = literal ? escapeRegExp(this.#text) : this.#text;
    let flags = o.matchCase ? 'g' : 'gi';
    let view = (text: string): string => text;
    if (o.ignoreDiacritics && literal) {
      // Each letter may carry accents: run on the decomposed text, so a replacement keeps the rest.
      source = [...withoutDiacritics(this.#text)]
        .map((ch) => `${escapeRegExp(ch)}\\p{M}*`)
        .join('');
      flags += 'u';
      view = (text) => text.normalize('NFD');
    } else if (o.ignoreDiacritics) {
      view = withoutDiacritics;
    }
    if (o.matchEntireCell) source = `^(?:${source})$`;
    try {
      return { regex: new RegExp(source, flags), view, replaceOnView: literal, literal };
    } catch {
      throw new ScriptError(`Invalid regular expression: ${this.#text}`);
    }
  }

  #textOf(cell: CellState): string {
    if (this.#options.matchFormulaText && cell.f) return cell.f;
    return displayValue(cell, this.#rt.state.spreadsheet.timeZone);
  }

  /** Every matching cell in the scope, in search order. */
  #matches(): CellPos[] {
    const ss = this.#rt.state.spreadsheet;
    const { regex, view } = this.#matcher();
    const { sheetId, rect } = this.#scope;
    const sheets = sheetId === undefined ? ss.sheets : [sheetById(this.#rt, sheetId)];
    const out: CellPos[] = [];
    for (const sheet of sheets) {
      const area = rect
        ? resolveRect(rect, sheet)
        : { row: 1, column: 1, numRows: sheet.maxRows, numColumns: sheet.maxColumns };
      const lastRow = Math.min(area.row + area.numRows - 1, sheet.rows.length);
      for (let row = area.row; row <= lastRow; row += 1) {
        const cells = sheet.rows[row - 1] ?? [];
        const lastColumn = Math.min(area.column + area.numColumns - 1, cells.length);
        for (let column = area.column; column <= lastColumn; column += 1) {
          const cell = cells[column - 1];
          if (!cell || !hasContent(cell)) continue;
          regex.lastIndex = 0;
          if (regex.test(view(this.#textOf(cell)))) out.push({ sheetId: sheet.id, row, column });
        }
      }
    }
    return out;
  }

  /** Replaces in the given cells: works out every new text, checks protections, then writes. */
  #replace(positions: CellPos[], replaceText: string): number {
    const { regex, view, replaceOnView, literal } = this.#matcher();
    const replacement = literal ? replaceText.replace(/\$/g, '$$$$') : replaceText;
    const timeZone = this.#rt.state.spreadsheet.timeZone;
    const changes: { sheet: SheetState; pos: CellPos; text: string; formula: boolean }[] = [];
    let occurrences = 0;
    for (const pos of positions) {
      const sheet = sheetById(this.#rt, pos.sheetId);
      const cell = cellAt(sheet, pos.row, pos.column);
      if (!cell || (cell.f && !this.#options.matchFormulaText)) continue;
      const base = replaceOnView ? view(this.#textOf(cell)) : this.#textOf(cell);
      const found = [...base.matchAll(regex)].length;
      if (found === 0) continue;
      const replaced = base.replace(regex, replacement);
      occurrences += found;
      const text = replaceOnView ? replaced.normalize('NFC') : replaced;
      changes.push({ sheet, pos, text, formula: !!cell.f });
    }
    for (const { sheet, pos } of changes) {
      assertEditable(this.#rt, sheet, {
        row: pos.row,
        column: pos.column,
        numRows: 1,
        numColumns: 1,
      });
    }
    for (const { sheet, pos, text, formula } of changes) {
      const cell = mutableCell(sheet, pos.row, pos.column);
      if (formula && text.startsWith('=')) {
        cell.f = text;
        continue;
      }
      // Replacing never makes a formula out of text (as trimWhitespace does not).
      const entry = text.startsWith('=')
        ? { v: text }
        : parseUserEntry(text, { timeZone, numberFormat: cell.nf });
      writeEntry(sheet, pos.row, pos.column, entry);
    }
    return occurrences;
  }
}

// ---- RangeList --------------------------------------------------------------------------------

/**
 * RangeList: ranges of one sheet worked on together. Each RangeList method is one counted call
 * (its ranges are not counted again); a write checks every range's protections before changing
 * any. It has the methods Apps Script's RangeList has, and no others (no setValues, no getters
 * other than getRanges).
 */
class RangeListImpl {
  readonly #rt: Runtime;
  readonly #sheetId: number;
  readonly #rects: Rect[];

  constructor(rt: Runtime, sheetId: number, rects: Rect[]) {
    this.#rt = rt;
    this.#sheetId = sheetId;
    this.#rects = rects.map((r) => ({ ...r }));
  }

  toString(): string {
    return 'RangeList';
  }

  #each(method: string, kind: CallKind, fn: (range: RangeImpl) => unknown): RangeListImpl {
    count(this.#rt, `RangeList.${method}`, kind);
    const ranges = this.#rects.map((rect) => new RangeImpl(this.#rt, this.#sheetId, rect, false));
    if (kind === 'write') {
      for (const range of ranges) {
        const { sheet, rect } = RangeImpl.infoOf(range);
        assertEditable(this.#rt, sheet, rect);
      }
    }
    for (const range of ranges) fn(range);
    return this;
  }

  getRanges(): RangeImpl[] {
    count(this.#rt, 'RangeList.getRanges');
    return this.#rects.map((rect) => new RangeImpl(this.#rt, this.#sheetId, rect));
  }

  activate(): RangeListImpl {
    return this.#each('activate', 'other', (r) => r.activate());
  }

  /** No merged cells are kept by the emulator: nothing to break apart. */
  breakApart(): RangeListImpl {
    return this.#each('breakApart', 'write', () => undefined);
  }

  check(): RangeListImpl {
    return this.#each('check', 'write', (r) => r.check());
  }

  uncheck(): RangeListImpl {
    return this.#each('uncheck', 'write', (r) => r.uncheck());
  }

  insertCheckboxes(...args: unknown[]): RangeListImpl {
    return this.#each('insertCheckboxes', 'write', (r) => r.insertCheckboxes(...args));
  }

  removeCheckboxes(): RangeListImpl {
    return this.#each('removeCheckboxes', 'write', (r) => r.removeCheckboxes());
  }

  /** clear() clears contents, formats and validation rules of each range; clear(options) as Range. */
  clear(options?: unknown): RangeListImpl {
    const all = { contentsOnly: true, formatOnly: true, validationsOnly: true };
    return this.#each('clear', 'write', (r) => r.clear(options === undefined ? all : options));
  }

  clearContent(): RangeListImpl {
    return this.#each('clearContent', 'write', (r) => r.clearContent());
  }

  clearDataValidations(): RangeListImpl {
    return this.#each('clearDataValidations', 'write', (r) => r.clearDataValidations());
  }

  clearFormat(): RangeListImpl {
    return this.#each('clearFormat', 'write', (r) => r.clearFormat());
  }

  clearNote(): RangeListImpl {
    return this.#each('clearNote', 'write', (r) => r.clearNote());
  }

  setValue(value: unknown): RangeListImpl {
    return this.#each('setValue', 'write', (r) => r.setValue(value));
  }

  /** Each range gets the formula for its top-left cell, shifted across it as Range.setFormula. */
  setFormula(formula: unknown): RangeListImpl {
    const text = stringArg('SpreadsheetApp.RangeList.setFormula', [formula], 0);
    return this.#each('setFormula', 'write', (r) => r.setFormula(text));
  }

  setNumberFormat(numberFormat: unknown): RangeListImpl {
    const format = stringArg('SpreadsheetApp.RangeList.setNumberFormat', [numberFormat], 0);
    return this.#each('setNumberFormat', 'write', (r) => r.setNumberFormat(format));
  }

  setNote(note: unknown): RangeListImpl {
    return this.#each('setNote', 'write', (r) => r.setNote(note));
  }

  setBackground(color: unknown): RangeListImpl {
    return this.#each('setBackground', 'write', (r) => r.setBackground(color));
  }

  setFontColor(color: unknown): RangeListImpl {
    return this.#each('setFontColor', 'write', (r) => r.setFontColor(color));
  }

  setFontFamily(fontFamily: unknown): RangeListImpl {
    return this.#each('setFontFamily', 'write', (r) => r.setFontFamily(fontFamily));
  }

  setFontLine(fontLine: unknown): RangeListImpl {
    return this.#each('setFontLine', 'write', (r) => r.setFontLine(fontLine));
  }

  setFontSize(size: unknown): RangeListImpl {
    return this.#each('setFontSize', 'write', (r) => r.setFontSize(size));
  }

  setFontStyle(fontStyle: unknown): RangeListImpl {
    return this.#each('setFontStyle', 'write', (r) => r.setFontStyle(fontStyle));
  }

  setFontWeight(fontWeight: unknown): RangeListImpl {
    return this.#each('setFontWeight', 'write', (r) => r.setFontWeight(fontWeight));
  }

  setHorizontalAlignment(alignment: unknown): RangeListImpl {
    return this.#each('setHorizontalAlignment', 'write', (r) =>
      r.setHorizontalAlignment(alignment),
    );
  }

  setVerticalAlignment(alignment: unknown): RangeListImpl {
    return this.#each('setVerticalAlignment', 'write', (r) => r.setVerticalAlignment(alignment));
  }

  setWrap(isWrapEnabled: unknown): RangeListImpl {
    return this.#each('setWrap', 'write', (r) => r.setWrap(isWrapEnabled));
  }

  setWrapStrategy(strategy: unknown): RangeListImpl {
    return this.#each('setWrapStrategy', 'write', (r) => r.setWrapStrategy(strategy));
  }

  setBorder(...args: unknown[]): RangeListImpl {
    return this.#each('setBorder', 'write', (r) => r.setBorder(...args));
  }

  trimWhitespace(): RangeListImpl {
    return this.#each('trimWhitespace', 'write', (r) => r.trimWhitespace());
  }
}

/** Sheet.getRangeList / Spreadsheet.getRangeList: a non-empty list of A1 notations on one sheet. */
function rangeListOn(
  rt: Runtime,
  sheet: SheetState,
  method: string,
  notations: unknown,
): RangeListImpl {
  if (
    !Array.isArray(notations) ||
    notations.length === 0 ||
    !notations.every((n) => typeof n === 'string')
  ) {
    throw signatureError(method, [notations]);
  }
  const rects = (notations as string[]).map((a1) => {
    const range = resolveRef(rt, a1, sheet);
    const info = range ? RangeImpl.infoOf(range) : undefined;
    if (!info || info.sheet !== sheet) throw new ScriptError('Range not found');
    return info.rect;
  });
  return new RangeListImpl(rt, sheet.id, rects);
}

// ---- charts and conditional format rules --------------------------------------------------------

/** What charts.ts and conditional-format.ts use of this file (they do not import it). */
export const sheetBridge: charts.SheetBridge = {
  rangeInfo(value) {
    if (!(value instanceof RangeImpl)) return undefined;
    const { sheet, rect } = RangeImpl.infoOf(value);
    return { sheetId: sheet.id, rect };
  },
  range: (rt, sheetId, rect) => new RangeImpl(rt, sheetId, rect),
  signatureError,
  isDate,
  assertEditable: (rt, sheetId, rect) => assertEditable(rt, sheetById(rt, sheetId), rect),
  assertObjectsEditable(rt, sheetId) {
    const sheet = sheetById(rt, sheetId);
    const ss = rt.state.spreadsheet;
    const locked = sheet.protections.some(
      (p) => p.type === 'SHEET' && !p.warningOnly && !canEditProtection(ss, p, rt.user),
    );
    if (locked) throw new ScriptError(PROTECTED_MESSAGE);
  },
};

// ---- what tests and the trial page use directly (not counted as service calls) ----------------

/** What getDataRange().getValues() returns for a tab. */
export function readSheetValues(state: EmulatorState, tabName: string): CellValue[][] {
  const sheet = requireTab(state, tabName);
  return valuesOf(sheet, dataRangeRect(sheet));
}

/**
 * Appends records after the last row, each value under the header (row 1) named by its key.
 * Values are stored exactly as given (strings are not parsed).
 */
export function writeSheetRecords(
  state: EmulatorState,
  tabName: string,
  records: Record<string, CellValue>[],
): void {
  const sheet = requireTab(state, tabName);
  const headers = (sheet.rows[0] ?? []).map((cell) => (cell ? String(cell.v).trim() : ''));
  const columnOf = (key: string): number => {
    const index = headers.indexOf(key.trim());
    if (index < 0 || key.trim() === '')
      throw new Error(`Tab "${tabName}" has no column headed "${key}".`);
    return index + 1;
  };
  const placed = records.map((record) =>
    Object.entries(record).map(([key, value]) => ({ column: columnOf(key), value })),
  );
  let row = Math.max(lastRowOf(sheet), 1);
  for (const cells of placed) {
    row += 1;
    growLines(sheet, 'row', row);
    for (const { column, value } of cells) {
      writeEntry(sheet, row, column, { v: cloneValue(value ?? '') });
    }
  }
}

/**
 * A person typing `text` into a cell in the Sheets UI: parsed as typed, refused by a protection
 * they are not an editor of (unless warning-only) and by a validation rule that rejects input.
 */
export function editCellAsUser(
  rt: Runtime,
  tabName: string,
  row: number,
  column: number,
  text: string,
): void {
  const ss = rt.state.spreadsheet;
  const sheet = requireTab(rt.state, tabName);
  const a1 = `${tabName}!${columnLetters(column)}${row}`;
  if (row < 1 || column < 1 || row > sheet.maxRows || column > sheet.maxColumns) {
    throw new Error(`${a1} is outside the sheet.`);
  }
  if (blockingProtection(ss, sheet, { row, column, numRows: 1, numColumns: 1 }, rt.user)) {
    throw new Error(PROTECTED_MESSAGE);
  }
  const current = cellAt(sheet, row, column);
  const entry = parseUserEntry(text, { timeZone: ss.timeZone, numberFormat: current?.nf });
  const dv = current?.dv;
  if (dv && !dv.allowInvalid) {
    const candidate: CellState = {
      ...current,
      v: entry.v,
      f: entry.f,
      nf: current?.nf ?? entry.nf,
    };
    if (!validationPasses(ss, dv, candidate)) {
      throw new Error(
        `There was a problem with ${a1}: ${dv.helpText || describeRule(dv, ss.timeZone)}.`,
      );
    }
  }
  const oldValue = eventValue(current, ss.timeZone);
  writeEntry(sheet, row, column, entry);
  rt.onUserEdit?.({
    sheetId: sheet.id,
    row,
    column,
    numRows: 1,
    numColumns: 1,
    ...defined('value', eventValue(cellAt(sheet, row, column), ss.timeZone)),
    ...defined('oldValue', oldValue),
  });
}

/**
 * A person pasting a block of text (or clearing one: '' cells) at (row, column): each cell parsed
 * as typed, refused as a whole by a protection or a rejecting validation. The onEdit trigger gets
 * the range but, as in Apps Script, neither value nor oldValue.
 */
export function pasteAsUser(
  rt: Runtime,
  tabName: string,
  row: number,
  column: number,
  texts: string[][],
): void {
  const ss = rt.state.spreadsheet;
  const sheet = requireTab(rt.state, tabName);
  const numRows = texts.length;
  const numColumns = Math.max(0, ...texts.map((r) => r.length));
  if (numRows === 0 || numColumns === 0) return;
  if (row < 1 || column < 1 || row + numRows - 1 > sheet.maxRows) {
    throw new Error(`${tabName}!${columnLetters(column)}${row} is outside the sheet.`);
  }
  growLines(sheet, 'column', column + numColumns - 1);
  if (blockingProtection(ss, sheet, { row, column, numRows, numColumns }, rt.user)) {
    throw new Error(PROTECTED_MESSAGE);
  }
  const entries = texts.map((cells, i) =>
    Array.from({ length: numColumns }, (_, j) => {
      const current = cellAt(sheet, row + i, column + j);
      const entry = parseUserEntry(cells[j] ?? '', {
        timeZone: ss.timeZone,
        numberFormat: current?.nf,
      });
      const dv = current?.dv;
      const candidate: CellState = {
        ...current,
        v: entry.v,
        f: entry.f,
        nf: current?.nf ?? entry.nf,
      };
      if (dv && !dv.allowInvalid && !validationPasses(ss, dv, candidate)) {
        throw new Error(
          `There was a problem with ${tabName}!${columnLetters(column + j)}${row + i}: ${dv.helpText || describeRule(dv, ss.timeZone)}.`,
        );
      }
      return entry;
    }),
  );
  entries.forEach((cells, i) =>
    cells.forEach((entry, j) => writeEntry(sheet, row + i, column + j, entry)),
  );
  rt.onUserEdit?.({ sheetId: sheet.id, row, column, numRows, numColumns });
}

/** A person deleting rows (right-click, Delete rows): no onEdit, as in Sheets (onChange only). */
export function deleteRowsAsUser(state: EmulatorState, tabName: string, row: number, n = 1): void {
  const sheet = requireTab(state, tabName);
  if (!Number.isInteger(row) || row < 1 || n < 1 || row + n - 1 > sheet.maxRows) {
    throw new Error(`Rows ${row} to ${row + n - 1} are outside tab "${tabName}".`);
  }
  deleteRowsAt(state.spreadsheet, sheet, row, n);
}

/**
 * What the onEdit event carries for a cell, as Apps Script gives it: a string; numbers as typed
 * digits, booleans as TRUE/FALSE, dates as serial numbers; undefined for an empty cell.
 */
function eventValue(cell: CellState | null | undefined, timeZone: string): string | undefined {
  const v = cell?.v;
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDate(v)) return String(dateToSerial(v, timeZone));
  return String(v);
}

function defined<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/** The event's range and source: made for the trigger, so not counted as the script's calls. */
export function editEventObjects(
  rt: Runtime,
  edit: { sheetId: number; row: number; column: number; numRows: number; numColumns: number },
): { range: object; source: object } {
  const rect = {
    row: edit.row,
    column: edit.column,
    numRows: edit.numRows,
    numColumns: edit.numColumns,
  };
  return { range: new RangeImpl(rt, edit.sheetId, rect), source: new SpreadsheetImpl(rt) };
}

/**
 * A person sorting a tab A→Z or Z→A by one column (Data > Sort range, "data has header row"):
 * the frozen rows, and at least the header row, stay put; whole rows move with their formatting
 * and validation.
 */
export function sortSheetRowsAsUser(
  state: EmulatorState,
  tabName: string,
  column: number,
  ascending: boolean,
): void {
  const sheet = requireTab(state, tabName);
  const first = Math.max(sheet.frozenRows, 1) + 1;
  const last = lastRowOf(sheet);
  if (last < first) return;
  const width = Math.max(column, ...sheet.rows.map((cells) => cells.length));
  const block = { row: first, column: 1, numRows: last - first + 1, numColumns: width };
  sortBlock(sheet, block, [{ column, ascending }], state.spreadsheet.timeZone);
}

/** A person dragging column `fromColumn` so that it becomes column `toColumn`. */
export function moveColumnAsUser(
  state: EmulatorState,
  tabName: string,
  fromColumn: number,
  toColumn: number,
): void {
  const sheet = requireTab(state, tabName);
  for (const c of [fromColumn, toColumn]) {
    if (!Number.isInteger(c) || c < 1 || c > sheet.maxColumns) {
      throw new Error(`Column ${c} is outside tab "${tabName}".`);
    }
  }
  moveColumn(state.spreadsheet, sheet, fromColumn, toColumn);
}

/** A person inserting one empty row above `beforeRow` (it takes the formatting of the row above). */
export function insertRowAsUser(state: EmulatorState, tabName: string, beforeRow: number): void {
  const sheet = requireTab(state, tabName);
  if (!Number.isInteger(beforeRow) || beforeRow < 1 || beforeRow > sheet.maxRows + 1) {
    throw new Error(`Row ${beforeRow} is outside tab "${tabName}".`);
  }
  insertRowsAt(state.spreadsheet, sheet, beforeRow, 1, beforeRow > 1 ? 'before' : 'after');
}
