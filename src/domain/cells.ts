/**
 * How values go into cells. Sheets parses a written string as if a person had typed it: "=..." and
 * "+..." become formulas, "007" becomes 7, "1/2/2026" a date. Text typed by staff must stay exactly
 * as typed, and must never run as a formula, so every string is written behind an apostrophe, which
 * Sheets hides and which makes the cell plain text.
 */
export type CellInput = string | number | boolean | Date;

export function asCellText(text: string): string {
  return text === '' ? '' : `'${text}`;
}

/** A value ready for setValues: strings as literal text; numbers, booleans and dates as they are. */
export function toCell(value: CellInput | null | undefined): CellInput {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? asCellText(value) : value;
}

/** What a cell read by getValues() holds, as text for comparisons (trimmed). */
export function cellToText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  return String(value).trim();
}
