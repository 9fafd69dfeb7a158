/**
 * "Set up provision map": creates the tabs with their headers, dropdowns, formats, frozen and
 * protected header rows. Safe to run again: it adds what is missing and never erases or moves data;
 * columns users added are kept where they are.
 */
import { academicYearOf, typicalSchoolYear } from '../domain/calendar';
import { cellToText } from '../domain/cells';
import {
  DEFAULT_MEASURES,
  DEFAULT_OUTCOME_SETTING_ROWS,
  MEASURE_SETTING,
} from '../domain/measure-settings';
import {
  DEFAULT_SETTINGS,
  TABS,
  TAB_ORDER,
  type ColumnRule,
  type TabSpec,
} from '../domain/workbook';
import { columnLetter } from '../domain/hand-edits';
import { senReportSettingRows } from '../domain/national-figures';
import { schoolNameFromSpreadsheet } from '../domain/school-name';
import { termDateKind } from './calendar';
import { prepareDashboardFrame } from './dashboard-frame';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const HEADER_PROTECTION =
  'Provision map headers: the add-on finds its columns by these names';

export interface SetupReport {
  tabsCreated: string[];
  columnsAdded: string[];
  settingsAdded: number;
}

export function setUpWorkbook(spreadsheet: Spreadsheet, editorEmail: string): SetupReport {
  const report: SetupReport = { tabsCreated: [], columnsAdded: [], settingsAdded: 0 };
  // Every tab and header first: dropdowns on one tab may point at another (staff names).
  const prepared = TAB_ORDER.map((key) => {
    const spec: TabSpec = TABS[key];
    let sheet = spreadsheet.getSheetByName(spec.name);
    if (!sheet) {
      sheet = spreadsheet.insertSheet(spec.name);
      report.tabsCreated.push(spec.name);
    }
    if (spec.name === TABS.dashboard.name) prepareDashboardFrame(sheet);
    return { spec, sheet, headers: ensureHeaders(sheet, spec, report) };
  });
  const rules = new RuleCache(spreadsheet);
  for (const { spec, sheet, headers } of prepared) {
    styleHeaderRow(sheet, spec, headers.length, editorEmail);
    applyColumnRules(rules, sheet, spec, headers);
    if (spec.name === TABS.settings.name) {
      report.settingsAdded = addMissingSettings(sheet, spreadsheet.getName());
    }
    if (spec.name === TABS.staff.name) protectHourlyCosts(sheet, headers, editorEmail);
  }
  removeEmptyDefaultSheet(spreadsheet, report);
  return report;
}

/** Adds the spec's missing headers after the last used column; returns the full header row. */
function ensureHeaders(sheet: Sheet, spec: TabSpec, report: SetupReport): string[] {
  const headerRow = spec.headerRow ?? 1;
  const lastColumn = sheet.getLastColumn();
  const current =
    lastColumn > 0
      ? sheet.getRange(headerRow, 1, 1, lastColumn).getValues()[0]!.map(cellToText)
      : [];
  // A fixed-size table (the Dashboard's status rows) has its own columns only.
  if (spec.maxDataRows !== undefined) {
    current.splice(spec.columns.length);
    while (current.length > 0 && current[current.length - 1] === '') current.pop();
  }
  const missing = spec.columns.map((c) => c.header).filter((h) => !current.includes(h));
  if (missing.length > 0) {
    if (sheet.getMaxColumns() < current.length + missing.length) {
      sheet.insertColumnsAfter(
        sheet.getMaxColumns(),
        current.length + missing.length - sheet.getMaxColumns(),
      );
    }
    sheet.getRange(headerRow, current.length + 1, 1, missing.length).setValues([missing]);
    report.columnsAdded.push(...missing.map((h) => `${spec.name}: ${h}`));
  }
  return [...current, ...missing];
}

function styleHeaderRow(sheet: Sheet, spec: TabSpec, width: number, editorEmail: string): void {
  const headerRow = spec.headerRow ?? 1;
  // A tab with a title keeps the title in view instead (the Dashboard).
  const frozen = headerRow === 1 ? 1 : headerRow - 2;
  if (sheet.getFrozenRows() !== frozen) sheet.setFrozenRows(frozen);
  const header = sheet.getRange(headerRow, 1, 1, width);
  header.setFontWeight('bold').setBackground('#e8f0fe');
  const protections = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
  const existing = protections.find((p) => p.getDescription() === HEADER_PROTECTION);
  if (existing) {
    if (existing.getRange().getNumColumns() < width) {
      existing.remove();
    } else {
      return;
    }
  }
  // Only the person who set the map up may rename headers: a renamed header is a lost column.
  const protection = header.protect().setDescription(HEADER_PROTECTION);
  const others = protection.getEditors().filter((user) => user.getEmail() !== editorEmail);
  if (others.length > 0) protection.removeEditors(others.map((user) => user.getEmail()));
  if (editorEmail) protection.addEditor(editorEmail);
}

export const HOURLY_COST_PROTECTION =
  'Hourly costs: personal information about staff, changed only by the SENCo who set up the provision map';

/**
 * The Staff tab's "Hourly cost" column, for the whole column (rows added later too): only the
 * person who set the map up may edit it. Others can still see it (see the README).
 */
function protectHourlyCosts(sheet: Sheet, headers: string[], editorEmail: string): void {
  const column = headers.indexOf('Hourly cost') + 1;
  if (column === 0) return;
  const protections = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
  if (protections.some((p) => p.getDescription() === HOURLY_COST_PROTECTION)) return;
  const letter = columnLetter(column);
  const protection = sheet
    .getRange(`${letter}2:${letter}`)
    .protect()
    .setDescription(HOURLY_COST_PROTECTION);
  const others = protection.getEditors().filter((user) => user.getEmail() !== editorEmail);
  if (others.length > 0) protection.removeEditors(others.map((user) => user.getEmail()));
  if (editorEmail) protection.addEditor(editorEmail);
  if (protection.canDomainEdit()) protection.setDomainEdit(false);
}

/** Builds each distinct rule once per run: a builder is a handful of service calls. */
class RuleCache {
  private readonly built = new Map<
    string,
    GoogleAppsScript.Spreadsheet.DataValidation | undefined
  >();
  constructor(private readonly spreadsheet: Spreadsheet) {}

  get(rule: ColumnRule): GoogleAppsScript.Spreadsheet.DataValidation | undefined {
    const key = JSON.stringify(rule);
    if (!this.built.has(key)) this.built.set(key, validationFor(this.spreadsheet, rule));
    return this.built.get(key);
  }
}

function applyColumnRules(rules: RuleCache, sheet: Sheet, spec: TabSpec, headers: string[]): void {
  const dataRows = sheet.getMaxRows() - 1;
  if (dataRows < 1) return;
  for (const column of spec.columns) {
    const index = headers.indexOf(column.header) + 1;
    if (index === 0) continue;
    const range = sheet.getRange(2, index, dataRows, 1);
    if (column.format) range.setNumberFormat(column.format);
    if (column.rule) {
      const rule = rules.get(column.rule);
      if (rule) range.setDataValidation(rule);
    }
  }
}

function validationFor(
  spreadsheet: Spreadsheet,
  rule: ColumnRule,
): GoogleAppsScript.Spreadsheet.DataValidation | undefined {
  const builder = SpreadsheetApp.newDataValidation();
  switch (rule.kind) {
    case 'list':
      return builder
        .requireValueInList([...rule.values], true)
        .setAllowInvalid(false)
        .setHelpText(`Choose from the list: ${rule.values.join(', ')}`)
        .build();
    case 'date':
      return builder
        .requireDate()
        .setAllowInvalid(false)
        .setHelpText('Enter a date, like 07/09/2026')
        .build();
    case 'number':
      return builder
        .requireNumberBetween(rule.min, rule.max)
        .setAllowInvalid(false)
        .setHelpText(`Enter a number from ${rule.min} to ${rule.max}`)
        .build();
    case 'staffName': {
      const staff = spreadsheet.getSheetByName(TABS.staff.name);
      if (!staff) return undefined;
      const nameColumn = staffNameColumn(staff);
      if (nameColumn === 0) return undefined;
      // Staff may be added later, and outside agencies may lead: warn rather than refuse.
      return builder
        .requireValueInRange(staff.getRange(2, nameColumn, staff.getMaxRows() - 1, 1), true)
        .setAllowInvalid(true)
        .setHelpText('Choose a name from the Staff tab')
        .build();
    }
  }
}

function staffNameColumn(staff: Sheet): number {
  const lastColumn = staff.getLastColumn();
  if (lastColumn === 0) return 0;
  const headers = staff.getRange(1, 1, 1, lastColumn).getValues()[0]!.map(cellToText);
  return headers.indexOf('Name') + 1;
}

const SCHOOL_NAME = 'School name';

/**
 * Writes default settings that are not there yet (by name), and default measures (by their name in
 * Value); rows staff changed are kept as they are. A blank or missing "School name" is filled in
 * from the spreadsheet's name, so letters name the school from the start.
 */
function addMissingSettings(settings: Sheet, spreadsheetName: string): number {
  const values = settings.getDataRange().getValues();
  const headers = (values[0] ?? []).map(cellToText);
  const nameColumn = headers.indexOf('Setting');
  const valueColumn = headers.indexOf('Value');
  const notesColumn = headers.indexOf('Notes');
  if (nameColumn < 0 || valueColumn < 0) return 0;
  const present = new Set(values.slice(1).map((row) => cellToText(row[nameColumn])));
  const schoolName = schoolNameFromSpreadsheet(spreadsheetName);
  const schoolRow = values.findIndex(
    (row, i) => i > 0 && cellToText(row[nameColumn]) === SCHOOL_NAME,
  );
  if (schoolName !== '' && schoolRow > 0 && cellToText(values[schoolRow]?.[valueColumn]) === '') {
    settings.getRange(schoolRow + 1, valueColumn + 1).setValue(`'${schoolName}`);
  }
  const measuresPresent = new Set(
    values
      .slice(1)
      .filter((row) => cellToText(row[nameColumn]).toLowerCase() === MEASURE_SETTING.toLowerCase())
      .map((row) => cellToText(row[valueColumn]).toLowerCase()),
  );
  const newRow = (
    s: { setting: string; value: string | number; notes: string },
    cells: Record<string, string | number> = {},
  ): (string | number | Date)[] => {
    const row: (string | number | Date)[] = headers.map(() => '');
    row[nameColumn] = `'${s.setting}`;
    row[valueColumn] = typeof s.value === 'string' && s.value !== '' ? `'${s.value}` : s.value;
    if (notesColumn >= 0) row[notesColumn] = `'${s.notes}`;
    for (const [header, cell] of Object.entries(cells)) {
      const column = headers.indexOf(header);
      if (column >= 0) row[column] = cell;
    }
    return row;
  };
  const rows = [
    ...[...DEFAULT_SETTINGS, ...DEFAULT_OUTCOME_SETTING_ROWS, ...senReportSettingRows()]
      .filter((s) => !present.has(s.setting))
      .map((s) =>
        s.setting === SCHOOL_NAME && schoolName !== ''
          ? newRow({
              ...s,
              value: schoolName,
              notes: `${s.notes}. Filled in from the spreadsheet's name: check it`,
            })
          : newRow(s),
      ),
    ...DEFAULT_MEASURES.filter((m) => !measuresPresent.has(m.value.toLowerCase())).map((m) =>
      newRow(m, { Kind: `'${m.kind}`, 'Out of': m.outOf, 'Better when': `'${m.better}` }),
    ),
  ];
  rows.push(...typicalTermDates(headers, present));
  if (rows.length === 0) return 0;
  settings.getRange(values.length + 1, 1, rows.length, headers.length).setValues(rows);
  return rows.length;
}

/**
 * When the Settings tab has no term dates at all (no 'Term' row), a typical English school year for
 * the current academic year (see typicalSchoolYear), for the school to change to its own dates.
 */
function typicalTermDates(headers: string[], present: Set<string>): (string | Date)[][] {
  if ([...present].some((setting) => termDateKind(setting) === 'Term')) return [];
  const columns = ['Setting', 'Value', 'Notes', 'From', 'To'].map((h) => headers.indexOf(h));
  const [nameColumn = -1, valueColumn = -1, notesColumn = -1, fromColumn = -1, toColumn = -1] =
    columns;
  if (nameColumn < 0 || valueColumn < 0 || fromColumn < 0 || toColumn < 0) return [];
  const year = academicYearOf(new Date());
  return typicalSchoolYear(year).map((term, i) => {
    const row: (string | Date)[] = headers.map(() => '');
    row[nameColumn] = `'${term.kind}`;
    row[valueColumn] = `'${term.name}`;
    row[fromColumn] = term.from;
    row[toColumn] = term.to.getTime() === term.from.getTime() ? '' : term.to;
    if (notesColumn >= 0) {
      row[notesColumn] =
        i === 0
          ? `'Typical dates for ${year} to ${year + 1}: change these rows to your school's own term dates, holidays and INSET days (used for review dates)`
          : `'Typical date: change it to your school's own`;
    }
    return row;
  });
}

/** A new spreadsheet's empty "Sheet1" is clutter once the map's tabs exist. */
function removeEmptyDefaultSheet(spreadsheet: Spreadsheet, report: SetupReport): void {
  if (report.tabsCreated.length === 0) return;
  const sheet = spreadsheet.getSheetByName('Sheet1');
  if (sheet && sheet.getLastRow() === 0 && spreadsheet.getSheets().length > 1) {
    spreadsheet.deleteSheet(sheet);
  }
}
