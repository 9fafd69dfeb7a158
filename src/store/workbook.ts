/** The one place the add-on reaches the spreadsheet it is installed in. */
import type { TabSpec } from '../domain/workbook';
import { Table } from './table';

export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** Reads the given tabs, one getValues() call each. */
export function readTables<K extends string>(specs: Record<K, TabSpec>): Record<K, Table> {
  const spreadsheet = activeSpreadsheet();
  const tables = {} as Record<K, Table>;
  for (const key of Object.keys(specs) as K[]) tables[key] = Table.read(spreadsheet, specs[key]);
  return tables;
}

/** Whether every one of these tabs is there (a sidebar says "set up first" when one is missing). */
export function tabsExist(specs: readonly TabSpec[]): boolean {
  const spreadsheet = activeSpreadsheet();
  return specs.every((spec) => spreadsheet.getSheetByName(spec.name) !== null);
}
