/**
 * Edits typed or pasted into the add-on's tabs by hand, as audit log entries. Pure: the onEdit
 * simple trigger (api/hand-edits.ts) passes what the edit event and two small reads give.
 *
 * The rules:
 * - One cell: one entry, with the cell's header as the field, the row's ID (or, on a tab without
 *   an ID column, its first column: the Setting, the Measure) as the record, and the old and new
 *   values from the event. Editing the ID itself is recorded under the old ID.
 * - Several cells at once (a paste, clearing a block): Apps Script does not give the old values,
 *   so one entry names the range, its columns and the records it covers.
 * - The header row: the field is "Header of column C".
 * - Dates arrive as Sheets serial numbers (days since 30 December 1899): a date column's value
 *   is written as the date, as the add-on writes dates in the log.
 * - Who is the editor's email when Apps Script gives it, else "someone", always with "(by hand)"
 *   after it; the Request ID stays blank, as no sidebar submit made the change.
 */
import type { TabSpec } from './workbook';

export const BY_HAND = '(by hand)';

/** An audit entry (the same shape as store/table.ts's Change). */
export interface AuditEntry {
  tab: string;
  recordId: string;
  field: string;
  oldValue: string;
  newValue: string;
}

export interface HandEdit {
  spec: TabSpec;
  /** The tab's header row, as text. */
  headers: readonly string[];
  /** The edited range (1-based). */
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
  /** The key of each data row in the range, top to bottom (after the edit). */
  recordIds: readonly string[];
  /** e.value and e.oldValue: single-cell edits only; undefined when the cell is blank. */
  value?: string;
  oldValue?: string;
}

/** Who the audit log names for a hand edit. */
export function handEditor(email: string): string {
  return `${email.trim() === '' ? 'someone' : email.trim()} ${BY_HAND}`;
}

/** The column that names a row of this tab: its ID column, else its first (Setting, Measure). */
export function keyHeader(spec: TabSpec): string | undefined {
  return spec.idHeader ?? spec.columns[0]?.header;
}

export function columnLetter(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function a1Notation(edit: Pick<HandEdit, 'row' | 'column' | 'numRows' | 'numColumns'>) {
  const start = `${columnLetter(edit.column)}${edit.row}`;
  if (edit.numRows === 1 && edit.numColumns === 1) return start;
  return `${start}:${columnLetter(edit.column + edit.numColumns - 1)}${edit.row + edit.numRows - 1}`;
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** A serial number as the date (and time, for a date-time column) it stands for. */
export function serialText(serial: number, withTime: boolean): string {
  const d = new Date(SERIAL_EPOCH + Math.round(serial * 86_400_000));
  const two = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
  return withTime ? `${day} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}` : day;
}

/** An event's value as the log keeps it. */
export function eventValueText(spec: TabSpec, header: string, value: string | undefined): string {
  const text = (value ?? '').trim();
  const format = spec.columns.find((c) => c.header === header)?.format ?? '';
  if (format.includes('yyyy') && /^\d+(\.\d+)?$/.test(text)) {
    return serialText(Number(text), /h/i.test(format));
  }
  return text;
}

function listOf(items: readonly string[], most: number, noun: string): string {
  if (items.length <= most) return items.join(', ');
  return `${items.slice(0, most).join(', ')} and ${items.length - most} more ${noun}`;
}

/** What the audit log records for one edit event (nothing when a cell was retyped unchanged). */
export function handEditEntries(edit: HandEdit): AuditEntry[] {
  const { spec, headers } = edit;
  const headerOf = (column: number) => headers[column - 1] || `Column ${columnLetter(column)}`;
  if (edit.numRows === 1 && edit.numColumns === 1) {
    const header = headerOf(edit.column);
    const inHeaderRow = edit.row === 1;
    const oldValue = inHeaderRow
      ? (edit.oldValue ?? '').trim()
      : eventValueText(spec, header, edit.oldValue);
    const newValue = inHeaderRow
      ? (edit.value ?? '').trim()
      : eventValueText(spec, header, edit.value);
    if (oldValue === newValue) return [];
    if (inHeaderRow) {
      const field = `Header of column ${columnLetter(edit.column)}`;
      return [{ tab: spec.name, recordId: '', field, oldValue, newValue }];
    }
    const key = keyHeader(spec);
    const recordId =
      key !== undefined && header === key ? oldValue || newValue : (edit.recordIds[0] ?? '');
    return [{ tab: spec.name, recordId, field: header, oldValue, newValue }];
  }
  const columns = Array.from({ length: edit.numColumns }, (_, i) => headerOf(edit.column + i));
  const ids = [...new Set(edit.recordIds.filter((id) => id !== ''))];
  const cells = edit.numRows * edit.numColumns;
  return [
    {
      tab: spec.name,
      recordId: listOf(ids, 10, 'records'),
      field: listOf(columns, 6, 'columns'),
      oldValue: 'Not known: several cells were changed at once',
      newValue: `${cells} cells changed at once (${a1Notation(edit)}): see the tab for their values`,
    },
  ];
}
