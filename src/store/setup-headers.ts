/**
 * A tab's header row for "Set up provision map": the tab itself (created when missing), its
 * headers (missing ones added after the last used column), frozen, styled and protected. One read
 * of the rows from the top down to the first data row tells what is there already.
 */
import { cellToText } from '../domain/cells';
import { columnLetter } from '../domain/hand-edits';
import { TABS, type TabSpec } from '../domain/workbook';
import { prepareDashboardFrame } from './dashboard-frame';
import { specHasFormats, specHasRules, type ColumnSample } from './setup-columns';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;

export const HEADER_PROTECTION =
  'Provision map headers: the add-on finds its columns by these names';

export const HOURLY_COST_PROTECTION =
  'Hourly costs: personal information about staff, changed only by the SENCo who set up the provision map';

export interface OpenedTab {
  spec: TabSpec;
  sheet: Sheet;
  created: boolean;
  /** The header row as it is now, with any headers this run added at the end. */
  headers: string[];
  /** How many headers this run added. */
  added: number;
  /** The rows read (see openTab), unless this run changed the header row. */
  values: unknown[][] | undefined;
  /** The first data row's rules and formats, as they were before this run (none for a new tab). */
  sample: ColumnSample | undefined;
  hasDataRows: boolean;
}

export interface HeaderReport {
  tabsCreated: string[];
  columnsAdded: string[];
}

interface TopRows {
  values: unknown[][];
  sample: ColumnSample | undefined;
  hasDataRows: boolean;
  /** The sheet's width, when the read shows it (an open-ended read of whole rows). */
  maxColumns: number | undefined;
}

/**
 * Rows 1 to the first data row, all columns (or, for a tab read whole anyway, its data range):
 * values, and the first data row's rules and formats.
 */
function readTop(sheet: Sheet, spec: TabSpec, whole: boolean): TopRows {
  const headerRow = spec.headerRow ?? 1;
  let range: GoogleAppsScript.Spreadsheet.Range;
  try {
    range = whole ? sheet.getDataRange() : sheet.getRange(`1:${headerRow + 1}`);
  } catch {
    // A tab cut down to its header row: nothing under it to give a rule to.
    const values = sheet.getRange(`1:${headerRow}`).getValues();
    return { values, sample: undefined, hasDataRows: false, maxColumns: values[0]?.length };
  }
  const values = range.getValues();
  const maxColumns = whole ? undefined : values[0]?.length;
  if (values.length <= headerRow) {
    return { values, sample: undefined, hasDataRows: sheet.getMaxRows() > headerRow, maxColumns };
  }
  const rules = specHasRules(spec) ? range.getDataValidations()[headerRow] : [];
  const formats = specHasFormats(spec) ? range.getNumberFormats()[headerRow] : [];
  return {
    values,
    sample: { rules: rules ?? [], formats: formats ?? [] },
    hasDataRows: true,
    maxColumns,
  };
}

/**
 * The sheet for a spec, created when missing, with every header of the spec in it. `whole` reads
 * the tab's data range instead of its top rows (a small tab whose rows are needed anyway).
 */
export function openTab(
  spreadsheet: Spreadsheet,
  spec: TabSpec,
  report: HeaderReport,
  whole = false,
): OpenedTab {
  const existing = spreadsheet.getSheetByName(spec.name);
  const sheet = existing ?? spreadsheet.insertSheet(spec.name);
  if (!existing) report.tabsCreated.push(spec.name);
  let top: TopRows = existing
    ? readTop(sheet, spec, whole)
    : { values: [], sample: undefined, hasDataRows: true, maxColumns: sheet.getMaxColumns() };
  if (spec.name === TABS.dashboard.name) {
    const moved = prepareDashboardFrame(sheet, existing ? (top.values[0]?.[0] ?? '') : '');
    if (moved && existing) top = readTop(sheet, spec, whole);
  }
  const { headers, added } = ensureHeaders(sheet, spec, top, !existing, report);
  return {
    spec,
    sheet,
    created: !existing,
    headers,
    added,
    // Rows as read, while this run has not changed the header row.
    values: added === 0 ? top.values : undefined,
    sample: top.sample,
    hasDataRows: top.hasDataRows,
  };
}

/** Adds the spec's missing headers after the last used column; returns the full header row. */
function ensureHeaders(
  sheet: Sheet,
  spec: TabSpec,
  top: TopRows,
  created: boolean,
  report: HeaderReport,
): { headers: string[]; added: number } {
  const headerRow = spec.headerRow ?? 1;
  const current = (top.values[headerRow - 1] ?? []).map(cellToText);
  // A fixed-size table (the Dashboard's status rows) has its own columns only.
  if (spec.maxDataRows !== undefined) current.splice(spec.columns.length);
  while (current.length > 0 && current[current.length - 1] === '') current.pop();
  const missing = spec.columns.map((c) => c.header).filter((h) => !current.includes(h));
  if (missing.length === 0) return { headers: current, added: 0 };
  // After the last column holding anything, so that nothing of the school's is written over.
  const start =
    spec.maxDataRows !== undefined || created
      ? current.length
      : Math.max(current.length, sheet.getLastColumn());
  const maxColumns = top.maxColumns ?? sheet.getMaxColumns();
  if (maxColumns < start + missing.length) {
    sheet.insertColumnsAfter(maxColumns, start + missing.length - maxColumns);
  }
  sheet.getRange(headerRow, start + 1, 1, missing.length).setValues([missing]);
  report.columnsAdded.push(...missing.map((h) => `${spec.name}: ${h}`));
  const headers = [...current, ...Array<string>(start - current.length).fill(''), ...missing];
  return { headers, added: missing.length };
}

export interface DescribedProtection {
  protection: Protection;
  description: string;
}

/** The tab's range protections with their descriptions (none to ask for on a new tab). */
export function rangeProtections(tab: OpenedTab): DescribedProtection[] {
  if (tab.created) return [];
  return tab.sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .map((protection) => ({ protection, description: protection.getDescription() }));
}

/**
 * Freezes the header row, styles it and protects it, each only when missing. `knownWidth` is the
 * header width the last set-up protected (from its stamp): while the header row still has that
 * width and its protection is there, the protection is not looked at again.
 */
export function secureHeaderRow(
  tab: OpenedTab,
  editorEmail: string,
  protections: DescribedProtection[],
  knownWidth: number | undefined,
): void {
  const { spec, sheet } = tab;
  const headerRow = spec.headerRow ?? 1;
  const width = tab.headers.length;
  // A tab with a title keeps the title in view instead (the Dashboard).
  const frozen = headerRow === 1 ? 1 : headerRow - 2;
  if (tab.created || sheet.getFrozenRows() !== frozen) sheet.setFrozenRows(frozen);
  if (width === 0) return;
  const changed = tab.created || tab.added > 0 || knownWidth !== width;
  const header = (): GoogleAppsScript.Spreadsheet.Range => sheet.getRange(headerRow, 1, 1, width);
  if (changed) header().setFontWeight('bold').setBackground('#e8f0fe');
  const existing = protections.find((p) => p.description === HEADER_PROTECTION)?.protection;
  if (existing) {
    if (!changed || existing.getRange().getNumColumns() >= width) return;
    existing.remove();
  }
  // Only the person who set the map up may rename headers: a renamed header is a lost column.
  restrictTo(header().protect().setDescription(HEADER_PROTECTION), editorEmail);
}

function restrictTo(protection: Protection, editorEmail: string): Protection {
  const others = protection.getEditors().filter((user) => user.getEmail() !== editorEmail);
  if (others.length > 0) protection.removeEditors(others.map((user) => user.getEmail()));
  if (editorEmail) protection.addEditor(editorEmail);
  return protection;
}

/**
 * The Staff tab's "Hourly cost" column, for the whole column (rows added later too): only the
 * person who set the map up may edit it. Others can still see it (see the README).
 */
export function protectHourlyCosts(
  tab: OpenedTab,
  editorEmail: string,
  protections: DescribedProtection[],
): void {
  const column = tab.headers.indexOf('Hourly cost') + 1;
  if (column === 0) return;
  if (protections.some((p) => p.description === HOURLY_COST_PROTECTION)) return;
  const letter = columnLetter(column);
  const protection = restrictTo(
    tab.sheet.getRange(`${letter}2:${letter}`).protect().setDescription(HOURLY_COST_PROTECTION),
    editorEmail,
  );
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}
