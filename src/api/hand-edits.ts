/**
 * The onEdit simple trigger: a change typed or pasted by hand into one of the add-on's tabs gets
 * its audit row (the rule: domain/hand-edits.ts), the Audit log tab included, since that is what
 * makes tampering show.
 *
 * Apps Script runs it for every edit made in the Sheets UI, as the person editing, in
 * AuthMode.LIMITED (this document, its properties and the lock, but no email) and for at most
 * 30 seconds. Changes the add-on itself writes do not fire it, so the audit row it appends cannot
 * set off another run. It reads two small ranges of the edited tab and writes one audit row.
 */
import { cellToText } from '../domain/cells';
import { handEditEntries, handEditor, keyHeader } from '../domain/hand-edits';
import { TABS, TAB_ORDER, type TabSpec } from '../domain/workbook';
import { currentUserEmail } from '../services/environment';
import { withDocumentLock } from '../services/lock';
import { writeAudit } from '../store/audit-log';
import { activeSpreadsheet } from '../store/workbook';

/** The edit event: value and oldValue are missing for a blank cell and for several cells. */
type EditEvent = Omit<GoogleAppsScript.Events.SheetsOnEdit, 'value' | 'oldValue'> & {
  value?: string;
  oldValue?: string;
};

function specNamed(name: string): TabSpec | undefined {
  return TAB_ORDER.map((key): TabSpec => TABS[key]).find((spec) => spec.name === name);
}

function editorEmail(event: EditEvent): string {
  // Apps Script gives the address only under some conditions (same domain, for instance).
  try {
    return event.user?.getEmail() || currentUserEmail();
  } catch {
    return '';
  }
}

export function onEdit(event?: EditEvent): void {
  if (!event?.range) return;
  try {
    recordHandEdit(event);
  } catch {
    // The person typing must never see an error from the add-on; an edit made while the sheet
    // is busy for more than the lock's wait goes unrecorded.
  }
}

function recordHandEdit(event: EditEvent): void {
  const range = event.range;
  const sheet = range.getSheet();
  const spec = specNamed(sheet.getName());
  // A tab of the school's own, or the Dashboard, which the add-on writes and rebuilds.
  if (!spec || spec.name === TABS.dashboard.name) return;
  const row = range.getRow();
  const column = range.getColumn();
  const numRows = range.getNumRows();
  const numColumns = range.getNumColumns();
  const single = numRows === 1 && numColumns === 1;
  if (single && (event.value ?? '') === (event.oldValue ?? '')) return;
  const width = Math.max(sheet.getLastColumn(), column + numColumns - 1);
  const headers = (sheet.getRange(1, 1, 1, width).getValues()[0] ?? []).map(cellToText);
  const key = keyHeader(spec);
  const keyColumn = key === undefined ? -1 : headers.indexOf(key);
  const firstData = Math.max(row, 2);
  const lastData = row + numRows - 1;
  const recordIds =
    keyColumn >= 0 && lastData >= firstData
      ? sheet
          .getRange(firstData, keyColumn + 1, lastData - firstData + 1, 1)
          .getValues()
          .map((cells) => cellToText(cells[0]))
      : [];
  const entries = handEditEntries({
    spec,
    headers,
    row,
    column,
    numRows,
    numColumns,
    recordIds,
    ...(single ? { value: event.value, oldValue: event.oldValue } : {}),
  });
  if (entries.length === 0) return;
  const who = handEditor(editorEmail(event));
  withDocumentLock(() =>
    writeAudit(event.source ?? activeSpreadsheet(), entries, { user: who, now: new Date() }),
  );
}
