/**
 * One user operation on the workbook: under the document lock, read each tab it needs once, let
 * the caller decide every change in memory, then write each changed tab once and append the audit
 * log's rows, also in one write. A refusal ({ ok: false }) or an error writes nothing.
 */
import type { TabSpec } from '../domain/workbook';
import { TABS } from '../domain/workbook';
import { cellToText, toCell, type CellInput } from '../domain/cells';
import { isoFromDate } from '../domain/dates';
import { withDocumentLock } from '../services/lock';
import { currentUserEmail, uuid } from '../services/environment';
import { ensureRows, Table, type Change } from './table';
import { activeSpreadsheet } from './workbook';

export interface OperationContext {
  /** Who is acting (for the audit log and "created by"). */
  user: string;
  now: Date;
}

function isRefusal(result: unknown): boolean {
  return typeof result === 'object' && result !== null && (result as { ok?: unknown }).ok === false;
}

export function runOperation<K extends string, T>(
  specs: Record<K, TabSpec>,
  work: (tables: Record<K, Table>, context: OperationContext) => T,
): T {
  return withDocumentLock(() => {
    const spreadsheet = activeSpreadsheet();
    const tables = {} as Record<K, Table>;
    for (const key of Object.keys(specs) as K[]) tables[key] = Table.read(spreadsheet, specs[key]);
    const context: OperationContext = { user: currentUserEmail(), now: new Date() };
    const result = work(tables, context);
    if (isRefusal(result)) return result;
    const changes: Change[] = [];
    for (const table of Object.values<Table>(tables)) {
      changes.push(...table.changes);
      table.flush();
    }
    writeAudit(spreadsheet, changes, context);
    return result;
  });
}

/** Appends one audit row per changed field, in one write, without reading the whole log. */
function writeAudit(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  changes: Change[],
  context: OperationContext,
): void {
  if (changes.length === 0) return;
  const sheet = spreadsheet.getSheetByName(TABS.auditLog.name);
  if (!sheet) return; // the workbook predates the log: set-up adds it back
  const width = sheet.getLastColumn();
  const headers = sheet.getRange(1, 1, 1, width).getValues()[0]?.map(cellToText) ?? [];
  // One random stem per operation, numbered per row: unique without a service call per row.
  const stem = uuid().replace(/-/g, '').slice(0, 10).toUpperCase();
  const record = (change: Change, index: number): Record<string, CellInput> => ({
    'Audit ID': `AUD-${stem}-${index + 1}`,
    When: context.now,
    Who: context.user,
    'Record type': change.tab,
    'Record ID': change.recordId,
    Field: change.field,
    'Old value': auditText(change.oldValue),
    'New value': auditText(change.newValue),
  });
  const rows = changes.map((change, index) => {
    const values = record(change, index);
    return headers.map((header) => toCell(values[header] ?? ''));
  });
  const first = sheet.getLastRow() + 1;
  ensureRows(sheet, first + rows.length - 1);
  sheet.getRange(first, 1, rows.length, headers.length).setValues(rows);
}

function auditText(value: unknown): string {
  if (value instanceof Date) return isoFromDate(value);
  return cellToText(value);
}
