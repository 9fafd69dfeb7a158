/**
 * The audit log's hash chain: what each row's 'Row hash' covers, so that a row changed or removed
 * by hand shows. Pure: the SHA-256 digest itself (Utilities.computeDigest) is done by the caller.
 *
 * The rule:
 * - A row's hash is the SHA-256 of UTF-8 text: the JSON array [previous row's hash, the row's
 *   number in the chain, then the row's fields in CHAINED_FIELDS order]. Fields are found by
 *   header name, so moving the columns changes nothing; JSON keeps them apart whatever they hold.
 * - Field text is what getValues() gives back: dates as local time to the second
 *   ("2026-11-23 09:00:00"), everything else as trimmed cell text.
 * - The digest's bytes (signed, -128 to 127, as Apps Script returns them) become lower-case hex.
 * - The 'Row hash' cell holds "number:hash", e.g. "17:3fa9…". The number tells a removed row (a
 *   gap) from a changed one, and lets the log be checked even after someone sorted it.
 * - The first row of the chain has '' as its previous hash.
 * - The chain's head (last number and hash) is also kept in the document properties, which only
 *   the add-on can write: removing the last rows, or rewriting rows and working their hashes out
 *   again, then shows too.
 */
import { format } from 'date-fns';
import { cellToText } from './cells';

export const HASH_HEADER = 'Row hash';

/** The fields a row's hash covers, in this order (every header of the Audit log but the hash). */
export const CHAINED_FIELDS = [
  'Audit ID',
  'When',
  'Who',
  'Record type',
  'Record ID',
  'Field',
  'Old value',
  'New value',
  'Request ID',
] as const;

/** One row's place in the chain. */
export interface ChainLink {
  /** 1 for the first chained row, then one more for each row. */
  seq: number;
  /** 64 lower-case hex digits. */
  hash: string;
}

/** The add-on's own record of the chain's end, kept in the document properties. */
export interface ChainHead {
  /** How many rows the chain holds (the last row's number). */
  rows: number;
  hash: string;
  /** When the chain began, as fieldText gives it: older rows with no hash predate it. */
  since?: string;
  /** The sheet row of the chain's last row when it was written (the next write need not read it). */
  lastRow?: number;
}

/** Lower-case hex of a digest's bytes, which Apps Script gives signed (-128…127). */
export function hexOfBytes(bytes: readonly number[]): string {
  return bytes.map((b) => (((b % 256) + 256) % 256).toString(16).padStart(2, '0')).join('');
}

/** A date to the nearest second: the sheet keeps no more, so that is what the hash covers. */
export function nearestSecond(date: Date): Date {
  return new Date(Math.round(date.getTime() / 1000) * 1000);
}

/** A field as the hash sees it (the same text whether just written or read back). */
export function fieldText(value: unknown): string {
  if (value instanceof Date) return format(nearestSecond(value), 'yyyy-MM-dd HH:mm:ss');
  return cellToText(value);
}

/** The text whose SHA-256 is a row's hash. */
export function chainText(
  previousHash: string,
  seq: number,
  fields: Readonly<Record<string, unknown>>,
): string {
  return JSON.stringify([previousHash, seq, ...CHAINED_FIELDS.map((h) => fieldText(fields[h]))]);
}

export function linkCell(link: ChainLink): string {
  return `${link.seq}:${link.hash}`;
}

/** A 'Row hash' cell's link; undefined when it is blank or not in the add-on's form. */
export function parseLinkCell(text: string): ChainLink | undefined {
  const match = /^(\d{1,9}):([0-9a-f]{64})$/.exec(text.trim());
  if (!match) return undefined;
  const seq = Number(match[1]);
  return seq >= 1 ? { seq, hash: match[2]! } : undefined;
}

export function parseHead(text: string | null | undefined): ChainHead | undefined {
  if (!text) return undefined;
  try {
    const head = JSON.parse(text) as Partial<ChainHead>;
    if (typeof head.rows !== 'number' || !Number.isInteger(head.rows) || head.rows < 0) {
      return undefined;
    }
    if (typeof head.hash !== 'string') return undefined;
    const parsed: ChainHead = { rows: head.rows, hash: head.hash };
    if (typeof head.since === 'string') parsed.since = head.since;
    if (typeof head.lastRow === 'number' && Number.isInteger(head.lastRow)) {
      parsed.lastRow = head.lastRow;
    }
    return parsed;
  } catch {
    return undefined;
  }
}

/**
 * What the next rows chain on to: the add-on's record of the end, unless the sheet's last row is
 * further on (the record's write failed after the rows were written).
 * - Rows removed from the end (or the log sorted): the record, so the gap stays visible.
 * - No record (a log from before the chain, or a copy of the spreadsheet): the last row, if any.
 */
export function nextLink(last: ChainLink | undefined, head: ChainHead | undefined): ChainLink {
  if (!head) return last ?? { seq: 0, hash: '' };
  if (last && last.seq > head.rows) return last;
  return { seq: head.rows, hash: head.hash };
}
