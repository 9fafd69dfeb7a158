/**
 * The Dashboard tab's fixed frame: its title (rows 1 and 2, kept in view), the add-on's status
 * rows (a small Measure / Value / Notes table, see dashboard.ts) and, from REPORT_FIRST_ROW, the
 * report that "Update the dashboard" builds (src/api/dashboard.ts).
 */
import { cellToText } from '../domain/cells';
import { TABS } from '../domain/workbook';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const spec = TABS.dashboard;
export const DASHBOARD_TITLE = 'Provision map dashboard';
export const STATUS_TITLE = 'Review reminders and the add-on';
/** The status table's title row, header row and its rows: the report starts after a blank row. */
export const STATUS_TITLE_ROW = spec.headerRow - 1;
export const REPORT_FIRST_ROW = spec.headerRow + spec.maxDataRows + 2;
export const NOT_BUILT =
  'Written by the add-on: please do not type here. Choose "Update the dashboard" from the add-on menu to fill it in.';

/**
 * Writes the title when the tab has none. A Dashboard laid out before it had a title (its status
 * table at the top) has those rows moved under the title, as they were. `topLeft` is cell A1 as
 * already read. Returns true when it wrote anything.
 */
export function prepareDashboardFrame(sheet: Sheet, topLeft: unknown): boolean {
  const first = cellToText(topLeft);
  if (first === DASHBOARD_TITLE) return false;
  let status: unknown[][] = [];
  if (first === spec.columns[0].header) {
    const rows = Math.min(sheet.getLastRow(), 1 + spec.maxDataRows);
    status = sheet.getRange(1, 1, rows, spec.columns.length).getValues();
    sheet.getRange(1, 1, rows, spec.columns.length).clearContent();
  } else if (sheet.getLastRow() > 0) {
    return false; // Something of the school's own: leave it be.
  }
  const frame: unknown[][] = [
    [DASHBOARD_TITLE, '', ''],
    [NOT_BUILT, '', ''],
    [STATUS_TITLE, '', ''],
    ...status.map((row) =>
      row.map((cell) => (typeof cell === 'string' && cell !== '' ? `'${cell}` : cell)),
    ),
  ];
  sheet.getRange(1, 1, frame.length, spec.columns.length).setValues(frame);
  sheet.getRange(1, 1).setFontSize(14).setFontWeight('bold');
  sheet.getRange(STATUS_TITLE_ROW, 1).setFontWeight('bold');
  return true;
}
