/**
 * The dropdowns and number formats of the add-on's columns. Each is applied once to the whole
 * column as an open-ended range (e.g. D2:D), so rows added later carry it, and applied again only
 * when the column's first data row shows it is missing.
 */
import { columnLetter } from '../domain/hand-edits';
import { TABS, type ColumnRule, type TabSpec } from '../domain/workbook';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;

/** What the first data row of a tab holds: one getDataValidations and one getNumberFormats. */
export interface ColumnSample {
  rules: (DataValidation | null)[];
  formats: string[];
}

export interface ColumnTarget {
  spec: TabSpec;
  sheet: Sheet;
  headers: string[];
  /** Undefined when every rule and format is to be applied (a new tab, a first run). */
  sample: ColumnSample | undefined;
  /** False when the tab has no row under its header: there is nothing to apply a rule to. */
  hasDataRows: boolean;
}

export const specHasRules = (spec: TabSpec): boolean => spec.columns.some((c) => c.rule);
export const specHasFormats = (spec: TabSpec): boolean => spec.columns.some((c) => c.format);

/** Builds each distinct rule once per run, and only when a column needs it. */
export class RuleCache {
  private readonly built = new Map<string, DataValidation | undefined>();
  constructor(
    private readonly spreadsheet: Spreadsheet,
    /** The Staff tab's "Name" column (1-based), 0 when it has none. */
    private readonly staffNameColumn: number,
  ) {}

  get(rule: ColumnRule): DataValidation | undefined {
    const key = JSON.stringify(rule);
    if (!this.built.has(key)) this.built.set(key, this.build(rule));
    return this.built.get(key);
  }

  private build(rule: ColumnRule): DataValidation | undefined {
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
        if (this.staffNameColumn === 0) return undefined;
        const staff = this.spreadsheet.getSheetByName(TABS.staff.name);
        if (!staff) return undefined;
        // The whole column, so that staff added later are in the dropdown too. Staff may be
        // added later, and outside agencies may lead: warn rather than refuse.
        const letter = columnLetter(this.staffNameColumn);
        return builder
          .requireValueInRange(staff.getRange(`${letter}2:${letter}`), true)
          .setAllowInvalid(true)
          .setHelpText('Choose a name from the Staff tab')
          .build();
      }
    }
  }
}

/**
 * Applies the rules and formats a tab's columns lack (all of them when there is no sample), each
 * to the column from its first data row down to the sheet's end.
 */
export function applyMissingColumnRules(rules: RuleCache, target: ColumnTarget): void {
  const { spec, sheet, headers, sample } = target;
  if (!target.hasDataRows) return;
  const firstRow = (spec.headerRow ?? 1) + 1;
  const byFormat = new Map<string, string[]>();
  for (const column of spec.columns) {
    const index = headers.indexOf(column.header);
    if (index < 0) continue;
    const letter = columnLetter(index + 1);
    const a1 = `${letter}${firstRow}:${letter}`;
    if (column.format && (!sample || sample.formats[index] !== column.format)) {
      byFormat.set(column.format, [...(byFormat.get(column.format) ?? []), a1]);
    }
    if (column.rule && (!sample || !sample.rules[index])) {
      const rule = rules.get(column.rule);
      if (rule) sheet.getRange(a1).setDataValidation(rule);
    }
  }
  // One call for every column of a tab that takes the same format.
  for (const [format, ranges] of byFormat) sheet.getRangeList(ranges).setNumberFormat(format);
}
