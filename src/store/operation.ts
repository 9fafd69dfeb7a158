/**
 * One user operation on the workbook: under the document lock, read each tab it needs once, let
 * the caller decide every change in memory, then write each changed tab once and append the audit
 * log's rows, also in one write. A refusal ({ ok: false }) or an error writes nothing.
 */
import type { TabSpec } from '../domain/workbook';
import { withDocumentLock } from '../services/lock';
import { currentUserEmail } from '../services/environment';
import { writeAudit } from './audit-log';
import { Table, type Change } from './table';
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
