/**
 * The audit log: one row per changed field (who, when, record, field, old and new value), appended
 * in one write per operation without reading the whole log.
 */
import { TABS } from '../domain/workbook';
import { cellToText, toCell, type CellInput } from '../domain/cells';
import { isoFromDate } from '../domain/dates';
import { uuid } from '../services/environment';
import { ensureRows, type Change } from './table';

export interface AuditContext {
  user: string;
  now: Date;
  /** The sidebar submit that made the changes, when there is one. */
  requestId?: string;
}

/** Appends one audit row per changed field, in one write, without reading the whole log. */
export function writeAudit(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  changes: Change[],
  context: AuditContext,
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
    'Request ID': context.requestId ?? '',
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
