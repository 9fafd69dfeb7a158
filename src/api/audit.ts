/**
 * "Check the audit log" (menu): reads the log once, under the lock so that no save is half-way
 * through it, then checks every row's hash (domain/audit-check.ts) and says what it found.
 */
import { auditReportWords, checkAuditChain, type AuditRowFacts } from '../domain/audit-check';
import { HASH_HEADER } from '../domain/audit-chain';
import { TABS } from '../domain/workbook';
import { sha256Hex } from '../services/digest';
import { withDocumentLock } from '../services/lock';
import { readChainHead } from '../store/audit-log';
import { Table } from '../store/table';
import { activeSpreadsheet } from '../store/workbook';
import { reportingErrors, showMessage } from '../ui/dialogs';

const TITLE = 'Check the audit log';

/** The check's words: also what the tests read. */
export function auditLogReport(): string {
  const { table, head } = withDocumentLock(() => ({
    table: Table.read(activeSpreadsheet(), TABS.auditLog),
    head: readChainHead(),
  }));
  if (!table.has(HASH_HEADER)) {
    return `The Audit log has no "${HASH_HEADER}" column, so its rows cannot be checked. Choose "Set up provision map" from the add-on menu to add it: every row written from then on is sealed and can be checked.`;
  }
  const rows: AuditRowFacts[] = table.records().map((row) => ({
    row: row.index + 2,
    fields: Object.fromEntries(table.headers.map((header) => [header, row.value(header)])),
    hashCell: row.text(HASH_HEADER),
  }));
  return auditReportWords(checkAuditChain(rows, head, sha256Hex));
}

export function checkAuditLog(): void {
  reportingErrors(TITLE, () => showMessage(TITLE, auditLogReport()));
}
