/** The one place the add-on reaches the spreadsheet it is installed in. */
import type { TabSpec } from '../domain/workbook';
import type { TableLoader } from './operation';
import { Table } from './table';
import { readColumns, readWhere } from './table-where';

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

/** Reads outside an operation (a sidebar's lists): whole tabs, or only the rows needed. */
export function tableLoader(): TableLoader {
  const spreadsheet = activeSpreadsheet();
  return {
    whole: (spec) => Table.read(spreadsheet, spec),
    where: (spec, match, sharing) => readWhere(spreadsheet, spec, match, sharing),
  };
}

/** Some columns of every row of a tab (see readColumns), for a sidebar's first list. */
export function readSomeColumns(spec: TabSpec, headers: string[]): Table {
  return readColumns(activeSpreadsheet(), spec, headers);
}
