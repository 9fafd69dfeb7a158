/**
 * The Settings tab's rows: the defaults (dosage bounds, reminder lead time, national figures),
 * the default measures and, when there are none, a typical year's term dates. Rows staff changed
 * are kept as they are; only rows missing by name are added, in one write.
 */
import { academicYearOf, typicalSchoolYear } from '../domain/calendar';
import { cellToText } from '../domain/cells';
import {
  DEFAULT_MEASURES,
  DEFAULT_OUTCOME_SETTING_ROWS,
  MEASURE_SETTING,
} from '../domain/measure-settings';
import { DEFAULT_SETTINGS } from '../domain/workbook';
import { senReportSettingRows } from '../domain/national-figures';
import { schoolNameFromSpreadsheet } from '../domain/school-name';
import { termDateKind } from './calendar';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const SCHOOL_NAME = 'School name';

/**
 * Writes default settings that are not there yet (by name), and default measures (by their name in
 * Value); rows staff changed are kept as they are. A blank or missing "School name" is filled in
 * from the spreadsheet's name, so letters name the school from the start.
 */
export function addMissingSettings(
  settings: Sheet,
  spreadsheetName: () => string,
  /** The tab's data range, when already read. */
  read?: unknown[][],
): number {
  const values = read ?? settings.getDataRange().getValues();
  const headers = (values[0] ?? []).map(cellToText);
  const nameColumn = headers.indexOf('Setting');
  const valueColumn = headers.indexOf('Value');
  const notesColumn = headers.indexOf('Notes');
  if (nameColumn < 0 || valueColumn < 0) return 0;
  const present = new Set(values.slice(1).map((row) => cellToText(row[nameColumn])));
  const schoolRow = values.findIndex(
    (row, i) => i > 0 && cellToText(row[nameColumn]) === SCHOOL_NAME,
  );
  const schoolBlank = schoolRow > 0 && cellToText(values[schoolRow]?.[valueColumn]) === '';
  // The spreadsheet's name is asked for only when the school's name is to be filled in.
  const schoolName =
    schoolBlank || !present.has(SCHOOL_NAME) ? schoolNameFromSpreadsheet(spreadsheetName()) : '';
  if (schoolName !== '' && schoolBlank) {
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
