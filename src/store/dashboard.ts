/** The Dashboard tab's named rows (Measure / Value / Notes), which the add-on keeps up to date. */
import type { Table } from './table';

/** Updates (or adds) the Dashboard rows named by Measure. */
export function setDashboardRows(
  dashboard: Table,
  rows: Record<string, [string | number, string]>,
): void {
  const existing = new Map(dashboard.records().map((row) => [row.text('Measure'), row]));
  for (const [measure, [value, notes]] of Object.entries(rows)) {
    const row = existing.get(measure);
    if (row) row.set({ Value: value, Notes: notes });
    else dashboard.append({ Measure: measure, Value: value, Notes: notes });
  }
}
