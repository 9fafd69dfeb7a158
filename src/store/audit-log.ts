/**
 * The audit log: one row per changed field (who, when, record, field, old and new value), appended
 * in one write per operation without reading the whole log. Each row is sealed with a hash chained
 * to the row before it (the rule: domain/audit-chain.ts), and the chain's end is also kept in the
 * document properties, which only the add-on can write, so that rows changed or removed by hand
 * show when the log is checked (api/audit.ts).
 */
import { format } from 'date-fns';
import { TABS } from '../domain/workbook';
import { cellToText, toCell, type CellInput } from '../domain/cells';
import { isoFromDate } from '../domain/dates';
import {
  chainText,
  fieldText,
  HASH_HEADER,
  linkCell,
  nearestSecond,
  nextLink,
  parseHead,
  parseLinkCell,
  type ChainHead,
} from '../domain/audit-chain';
import { sha256Hex } from '../services/digest';
import { uuid } from '../services/environment';
import { documentProperties } from '../services/triggers';
import { ensureRows, type Change } from './table';

/** Document property: the chain's head (ChainHead as JSON). */
export const AUDIT_HEAD_KEY = 'audit.head';

export interface AuditContext {
  user: string;
  now: Date;
  /** The sidebar submit that made the changes, when there is one. */
  requestId?: string;
}

/** The add-on's record of the chain's end (undefined before the first chained row). */
export function readChainHead(): ChainHead | undefined {
  return parseHead(documentProperties().getProperty(AUDIT_HEAD_KEY));
}

/**
 * Appends one audit row per changed field, in one write. Reads the header row, the last row's
 * hash cell and the chain's head (small reads, never the whole log), then records the new head.
 */
export function writeAudit(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  changes: Change[],
  context: AuditContext,
): void {
  if (changes.length === 0) return;
  const sheet = spreadsheet.getSheetByName(TABS.auditLog.name);
  if (!sheet) return; // the workbook predates the log: set-up adds it back
  const headers = sheet.getRange('1:1').getValues()[0]?.map(cellToText) ?? [];
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  // One random stem per operation, numbered per row: unique without a service call per row.
  const stem = uuid().replace(/-/g, '').slice(0, 10).toUpperCase();
  // The sheet keeps whole seconds: the hash covers the time as it will be read back.
  const when = nearestSecond(context.now);
  const records = changes.map((change, index): Record<string, CellInput> => ({
    'Audit ID': `AUD-${stem}-${index + 1}`,
    When: when,
    Who: context.user,
    'Record type': change.tab,
    'Record ID': change.recordId,
    Field: change.field,
    'Old value': auditText(change.oldValue),
    'New value': auditText(change.newValue),
    'Request ID': context.requestId ?? '',
  }));
  const lastRow = sheet.getLastRow();
  const hashColumn = headers.indexOf(HASH_HEADER);
  // A workbook without the column yet (set-up adds it) gets unsealed rows, as before.
  const head = hashColumn >= 0 ? sealRows(sheet, lastRow, hashColumn, records, when) : undefined;
  if (head) head.lastRow = lastRow + records.length;
  const rows = records.map((values) => headers.map((header) => toCell(values[header] ?? '')));
  const first = lastRow + 1;
  ensureRows(sheet, first + rows.length - 1);
  sheet.getRange(first, 1, rows.length, headers.length).setValues(rows);
  if (head) {
    try {
      documentProperties().setProperty(AUDIT_HEAD_KEY, JSON.stringify(head));
    } catch {
      // The rows are written: the next write catches the record up from the last row.
    }
  }
}

/** Chains the new rows on to the log's end; returns the new head. */
function sealRows(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  lastRow: number,
  hashColumn: number,
  records: Record<string, CellInput>[],
  when: Date,
): ChainHead {
  const previous = readChainHead();
  // The last row is read only when the log is not as the add-on left it (a write cut off before
  // the head was recorded, or rows added or removed by hand).
  const asLeft = previous?.lastRow !== undefined && previous.lastRow === lastRow;
  const lastCell =
    lastRow > 1 && !asLeft ? cellToText(sheet.getRange(lastRow, hashColumn + 1).getValue()) : '';
  let link = nextLink(parseLinkCell(lastCell), previous);
  for (const values of records) {
    const seq = link.seq + 1;
    link = { seq, hash: sha256Hex(chainText(link.hash, seq, values)) };
    values[HASH_HEADER] = linkCell(link);
  }
  return { rows: link.seq, hash: link.hash, since: previous?.since ?? fieldText(when) };
}

/**
 * A value as the audit log keeps it: text; a date as yyyy-mm-dd, with the time to the second
 * when it has one (a retry writes it back from this text: see request-log.ts).
 */
export function auditText(value: unknown): string {
  if (value instanceof Date) {
    const midnight = value.getHours() === 0 && value.getMinutes() === 0 && value.getSeconds() === 0;
    return midnight ? isoFromDate(value) : format(value, 'yyyy-MM-dd HH:mm:ss');
  }
  return cellToText(value);
}
