/**
 * "Set up provision map": creates the tabs with their headers, dropdowns, formats, frozen and
 * protected header rows. Safe to run again: it adds what is missing and never erases or moves data;
 * columns users added are kept where they are.
 *
 * Run again on a workbook already set up, it only looks: each tab's top rows in one read (headers,
 * and the first data row's dropdowns and formats), its frozen rows and its protections. Rules
 * were given to whole columns (open-ended ranges), so rows added since carry them, and only a
 * column whose first data row lacks its rule or format gets it again.
 */
import { TABS, TAB_ORDER, type TabSpec } from '../domain/workbook';
import { documentProperties } from '../services/triggers';
import { applyMissingColumnRules, RuleCache } from './setup-columns';
import { openTab, protectHourlyCosts, rangeProtections, secureHeaderRow } from './setup-headers';
import { addMissingSettings } from './setup-settings';

export { HEADER_PROTECTION, HOURLY_COST_PROTECTION } from './setup-headers';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SetupReport {
  tabsCreated: string[];
  columnsAdded: string[];
  settingsAdded: number;
}

/**
 * What the last set-up did to each tab, kept in the document's properties: which rules it gave
 * the tab's columns (a digest of the add-on's rules and formats for it, and of where the staff
 * names are) and how wide the header row it protected was. Only a hint: every run still reads
 * what is on the sheet. A tab it does not vouch for (set up by an earlier version, whose rules
 * stopped at a counted row, or whose rules this version changed) gets every rule again, once.
 */
type LayoutStamp = Record<string, { rules: string; width: number }>;

const LAYOUT_PROPERTY = 'setUp.layout';

function readStamp(): LayoutStamp {
  try {
    const parsed: unknown = JSON.parse(documentProperties().getProperty(LAYOUT_PROPERTY) ?? '{}');
    return typeof parsed === 'object' && parsed !== null ? (parsed as LayoutStamp) : {};
  } catch {
    return {};
  }
}

/** FNV-1a: a short, stable digest, so the stamp stays small. */
function digest(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16);
}

/** Changes when the add-on's rules or formats for the tab change, or the staff names move. */
function rulesKey(spec: TabSpec, staffNameColumn: number): string {
  const columns = spec.columns.map((c) => [c.header, c.rule ?? null, c.format ?? null]);
  const staffNames = spec.columns.some((c) => c.rule?.kind === 'staffName')
    ? `:staff-name-${staffNameColumn}`
    : '';
  return `whole-columns:${digest(JSON.stringify(columns))}${staffNames}`;
}

export function setUpWorkbook(spreadsheet: Spreadsheet, editorEmail: string): SetupReport {
  const report: SetupReport = { tabsCreated: [], columnsAdded: [], settingsAdded: 0 };
  const stamp = readStamp();
  // Every tab and header first: dropdowns on one tab point at another (staff names).
  // The Settings tab is small and its rows are needed: it is read whole.
  const tabs = TAB_ORDER.map((key) => openTab(spreadsheet, TABS[key], report, key === 'settings'));
  const staff = tabs.find((tab) => tab.spec.name === TABS.staff.name);
  const staffNameColumn = (staff?.headers.indexOf('Name') ?? -1) + 1;
  const cache = new RuleCache(spreadsheet, staffNameColumn);
  const next: LayoutStamp = {};
  for (const tab of tabs) {
    const name = tab.spec.name;
    const rules = rulesKey(tab.spec, staffNameColumn);
    const known = stamp[name]?.rules === rules ? stamp[name] : undefined;
    const protections = rangeProtections(tab);
    secureHeaderRow(tab, editorEmail, protections, known?.width);
    applyMissingColumnRules(cache, { ...tab, sample: known ? tab.sample : undefined });
    if (name === TABS.settings.name) {
      report.settingsAdded = addMissingSettings(tab.sheet, () => spreadsheet.getName(), tab.values);
    }
    if (tab === staff) protectHourlyCosts(tab, editorEmail, protections);
    next[name] = { rules, width: tab.headers.length };
  }
  removeEmptyDefaultSheet(spreadsheet, report);
  const written = JSON.stringify(next);
  if (JSON.stringify(stamp) !== written) documentProperties().setProperty(LAYOUT_PROPERTY, written);
  return report;
}

/** A new spreadsheet's empty "Sheet1" is clutter once the map's tabs exist. */
function removeEmptyDefaultSheet(spreadsheet: Spreadsheet, report: SetupReport): void {
  if (report.tabsCreated.length === 0) return;
  const sheet = spreadsheet.getSheetByName('Sheet1');
  if (sheet && sheet.getLastRow() === 0 && spreadsheet.getSheets().length > 1) {
    spreadsheet.deleteSheet(sheet);
  }
}
