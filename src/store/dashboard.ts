/**
 * The Dashboard's status rows (Measure / Value / Notes, under its title), which the add-on keeps up
 * to date: the review reminders' last run, its errors, the email-privacy setting.
 */
import { Row, type Table } from './table';

/** Updates (or adds, in the first empty row of the table) the Dashboard rows named by Measure. */
export function setDashboardRows(
  dashboard: Table,
  rows: Record<string, [string | number, string]>,
): void {
  const existing = new Map(dashboard.records().map((row) => [row.text('Measure'), row]));
  for (const [measure, [value, notes]] of Object.entries(rows)) {
    const row = existing.get(measure) ?? emptyRow(dashboard);
    if (row) row.set({ Measure: measure, Value: value, Notes: notes });
    else dashboard.append({ Measure: measure, Value: value, Notes: notes });
    if (row) existing.set(measure, row);
  }
}

function emptyRow(dashboard: Table): Row | undefined {
  const index = dashboard.rows.findIndex((cells) => cells.every((cell) => cell === ''));
  return index < 0 ? undefined : new Row(dashboard, index);
}
