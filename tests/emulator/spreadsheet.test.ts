import { Runtime, SCOPE, type AuthMode, type Execution } from '../../emulator/src/core';
import {
  emptyState,
  parseState,
  serializeState,
  type EmulatorState,
} from '../../emulator/src/state';
import {
  createSpreadsheetApp,
  displayValue,
  editCellAsUser,
  insertRowAsUser,
  moveColumnAsUser,
  parseUserEntry,
  PROTECTED_MESSAGE,
  readSheetValues,
  sortSheetRowsAsUser,
  writeSheetRecords,
} from '../../emulator/src/spreadsheet';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const NOW = new Date('2026-11-23T09:00:00Z');
const TZ = 'Europe/London';

function makeRuntime(
  scopes: string[] = [SCOPE.SPREADSHEETS_CURRENTONLY, SCOPE.CONTAINER_UI],
): Runtime {
  return new Runtime(
    emptyState(),
    { now: () => NOW },
    'senco@school.example',
    new Set(scopes),
    '/tmp/sheet-test-build',
  );
}

function execution(rt: Runtime, kind: Execution['kind'], authMode: AuthMode = 'FULL'): Execution {
  return {
    id: 'exec-1',
    functionName: 'test',
    kind,
    user: rt.user,
    authMode,
    startedAt: NOW,
    uiEvents: [],
    heldLocks: new Set(),
  };
}

function setup(): { rt: Runtime; app: App; sheet: Sheet } {
  const rt = makeRuntime();
  const app = createSpreadsheetApp(rt) as unknown as App;
  const sheet = app.getActiveSpreadsheet().getSheets()[0] as Sheet;
  return { rt, app, sheet };
}

/** A Pupils tab with a frozen header and three pupils. */
function pupils(app: App): Sheet {
  const sheet = app.getActiveSpreadsheet().insertSheet('Pupils');
  sheet.getRange(1, 1, 4, 3).setValues([
    ['ID', 'Name', 'Year'],
    ['P1', 'Cara', 5],
    ['P2', 'Alex', 3],
    ['P3', 'Ben', 4],
  ]);
  sheet.setFrozenRows(1);
  return sheet;
}

describe('parseUserEntry: strings written by setValue(s) are read as if typed', () => {
  const parse = (text: unknown, numberFormat?: string) =>
    parseUserEntry(text, { timeZone: TZ, numberFormat });

  test('a leading apostrophe forces text and is not kept', () => {
    expect(parse("'=1+1")).toEqual({ v: '=1+1' });
    expect(parse("'007")).toEqual({ v: '007' });
  });

  test('a leading = makes a formula, even in a plain-text cell', () => {
    expect(parse('=SUM(A1:A3)')).toEqual({ v: '', f: '=SUM(A1:A3)' });
    expect(parse('=HYPERLINK("x")', '@')).toEqual({ v: '', f: '=HYPERLINK("x")' });
  });

  test('numeric text becomes a number and loses leading zeros', () => {
    expect(parse('42')).toEqual({ v: 42 });
    expect(parse('007')).toEqual({ v: 7 });
    expect(parse('-3.5')).toEqual({ v: -3.5 });
    expect(parse('+1')).toEqual({ v: 1 });
    expect(parse('1,250')).toEqual({ v: 1250 });
    expect(parse('50%')).toEqual({ v: 0.5, nf: '0%' });
  });

  test('TRUE and FALSE become booleans', () => {
    expect(parse('TRUE')).toEqual({ v: true });
    expect(parse('false')).toEqual({ v: false });
  });

  test('ISO and UK dates become midnight in the sheet time zone', () => {
    expect(parse('2026-11-23').v).toEqual(new Date('2026-11-23T00:00:00Z')); // GMT
    expect(parse('23/11/2026').v).toEqual(new Date('2026-11-23T00:00:00Z'));
    expect(parse('1/6/2026').v).toEqual(new Date('2026-05-31T23:00:00Z')); // 1 June, BST
    expect(parse('3 Mar 2026').v).toEqual(new Date('2026-03-03T00:00:00Z'));
  });

  test('impossible dates and other text stay text', () => {
    expect(parse('31/02/2026')).toEqual({ v: '31/02/2026' });
    expect(parse('+ see notes')).toEqual({ v: '+ see notes' });
    expect(parse('-')).toEqual({ v: '-' });
    expect(parse('@home')).toEqual({ v: '@home' });
    expect(parse('Reading group')).toEqual({ v: 'Reading group' });
  });

  test('a plain-text (@) cell keeps strings unparsed', () => {
    expect(parse('007', '@')).toEqual({ v: '007' });
    expect(parse('TRUE', '@')).toEqual({ v: 'TRUE' });
  });

  test('non-strings are stored as they are; null and undefined store empty', () => {
    const date = new Date('2026-01-05T00:00:00Z');
    expect(parse(3)).toEqual({ v: 3 });
    expect(parse(false)).toEqual({ v: false });
    expect(parse(date).v).toEqual(date);
    expect(parse(date).v).not.toBe(date);
    expect(parse(null)).toEqual({ v: '' });
    expect(parse(undefined)).toEqual({ v: '' });
  });
});

describe('displayValue', () => {
  test('dates show as dd/MM/yyyy in the sheet time zone, or by their number format', () => {
    const date = new Date('2026-05-31T23:00:00Z'); // 1 June 2026 00:00 BST
    expect(displayValue({ v: date }, TZ)).toBe('01/06/2026');
    expect(displayValue({ v: date, nf: 'd mmm yyyy' }, TZ)).toBe('1 Jun 2026');
    expect(displayValue({ v: date, nf: 'yyyy-mm-dd' }, TZ)).toBe('2026-06-01');
    expect(displayValue({ v: new Date('2026-11-23T09:05:00Z') }, TZ)).toBe('23/11/2026 09:05:00');
    expect(displayValue({ v: new Date('2026-11-23T09:05:00Z'), nf: 'HH:mm' }, TZ)).toBe('09:05');
  });

  test('numbers plain or by number format, booleans TRUE/FALSE, empty as ""', () => {
    expect(displayValue({ v: 3.5 }, TZ)).toBe('3.5');
    expect(displayValue({ v: 0.1 + 0.2 }, TZ)).toBe('0.3');
    expect(displayValue({ v: 3.5, nf: '0.00' }, TZ)).toBe('3.50');
    expect(displayValue({ v: 1234.5, nf: '£#,##0.00' }, TZ)).toBe('£1,234.50');
    expect(displayValue({ v: 0.25, nf: '0%' }, TZ)).toBe('25%');
    expect(displayValue({ v: true }, TZ)).toBe('TRUE');
    expect(displayValue({ v: false }, TZ)).toBe('FALSE');
    expect(displayValue(null, TZ)).toBe('');
    expect(displayValue({ v: 'text' }, TZ)).toBe('text');
  });

  test('a format of three sections: positive; negative; zero', () => {
    const nf = '+0.0;-0.0;0.0';
    expect(displayValue({ v: 1.5, nf }, TZ)).toBe('+1.5');
    expect(displayValue({ v: -1.25, nf }, TZ)).toBe('-1.3');
    expect(displayValue({ v: 0, nf }, TZ)).toBe('0.0');
  });
});

describe('Range values', () => {
  test('getValues is rectangular with "" for empty cells, Dates and numbers', () => {
    const { sheet } = setup();
    const date = new Date('2026-09-01T00:00:00Z');
    sheet.getRange('B2').setValue(date);
    sheet.getRange('C3').setValue(7);
    const values = sheet.getRange('A1:C3').getValues();
    expect(values).toEqual([
      ['', '', ''],
      ['', date, ''],
      ['', '', 7],
    ]);
    expect(values[1]?.[1]).toBeInstanceOf(Date);
    (values[1]?.[1] as Date).setFullYear(2000); // mutating the copy leaves the sheet alone
    expect(sheet.getRange('B2').getValue()).toEqual(date);
  });

  test('setValues parses strings as user entry and a formula cell gives its value', () => {
    const { sheet } = setup();
    sheet.getRange(1, 1, 1, 5).setValues([["'=1+1", '=A1', '007', 'TRUE', '2026-11-23']]);
    expect(sheet.getRange('A1:E1').getValues()).toEqual([
      ['=1+1', '', 7, true, new Date('2026-11-23T00:00:00Z')],
    ]);
    expect(sheet.getRange('A1:B1').getFormulas()).toEqual([['', '=A1']]);
    expect(sheet.getRange('B1').getFormula()).toBe('=A1');
  });

  test('setValues with the wrong shape throws before writing anything', () => {
    const { sheet } = setup();
    const range = sheet.getRange(1, 1, 2, 2);
    expect(() => range.setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() => range.setValues([[1, 2], [3]])).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(range.getValues()).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  test('setValue on a block writes every cell; null clears', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValue('x');
    expect(sheet.getRange('A1:B2').getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
    sheet.getRange('A1').setValue(null);
    expect(sheet.getRange('A1').isBlank()).toBe(true);
    expect(sheet.getRange('A1:B2').isBlank()).toBe(false);
  });

  test('a plain-text number format keeps typed text as text', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1');
    range.setNumberFormat('@').setValue('007');
    expect(range.getValue()).toBe('007');
    expect(range.getNumberFormat()).toBe('@');
    expect(sheet.getRange('B1').getNumberFormat()).toBe('0.###############');
  });

  test('getDisplayValues formats by number format', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([[new Date('2026-11-23T00:00:00Z'), 2.5, true]]);
    sheet.getRange('B1').setNumberFormat('0.00');
    expect(sheet.getRange('A1:C1').getDisplayValues()).toEqual([['23/11/2026', '2.50', 'TRUE']]);
  });

  test('A1 notation, geometry and offset', () => {
    const { sheet } = setup();
    const range = sheet.getRange('B2:D5');
    expect([range.getRow(), range.getColumn(), range.getNumRows(), range.getNumColumns()]).toEqual([
      2, 2, 4, 3,
    ]);
    expect([range.getLastRow(), range.getLastColumn()]).toEqual([5, 4]);
    expect(range.getA1Notation()).toBe('B2:D5');
    expect(range.offset(1, 1).getA1Notation()).toBe('C3:E6');
    expect(range.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
    expect(range.getCell(2, 3).getA1Notation()).toBe('D3');
    expect(() => range.getCell(5, 1)).toThrow('Cell reference out of range');
    expect(sheet.getRange('A:A').getNumRows()).toBe(1000);
    expect(sheet.getRange('2:2').getNumColumns()).toBe(26);
    expect(sheet.getRange('$A$1').getA1Notation()).toBe('A1');
    expect(() => sheet.getRange('not a range')).toThrow('Range not found');
  });

  test('invalid coordinates throw as Apps Script does', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow(
      'The number of rows in the range must be at least 1.',
    );
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow(
      'The number of columns in the range must be at least 1.',
    );
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange(1, 27)).toThrow('outside the dimensions of the sheet');
    expect(() => (sheet.getRange as (...a: unknown[]) => unknown)(undefined, 1)).toThrow(
      "The parameters (null,number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
  });

  test('clearContent keeps formats and validation; clear() clears contents and formats only', () => {
    const { app, sheet } = setup();
    const rule = app.newDataValidation().requireCheckbox().build();
    const range = sheet.getRange('A1');
    range.setValue('x').setFontWeight('bold').setNote('Why').setDataValidation(rule);
    range.clearContent();
    expect(range.getValue()).toBe('');
    expect(range.getFontWeight()).toBe('bold');
    expect(range.getDataValidation()).not.toBeNull();
    range.setValue('x').clear(); // "Clears the range of contents and formats."
    expect(range.getValue()).toBe('');
    expect(range.getFontWeight()).toBe('normal');
    expect(range.getDataValidation()).not.toBeNull();
    expect(range.getNote()).toBe('Why');
    range.clear({}); // options naming nothing: everything
    expect(range.getDataValidation()).toBeNull();
    expect(range.getNote()).toBe('');
  });

  test('cosmetic formatting and notes are stored per cell', () => {
    const { rt, sheet } = setup();
    sheet.getRange('A1:B1').setBackground('#eeeeee').setNote('Header');
    expect(sheet.getRange('B1').getBackground()).toBe('#eeeeee');
    expect(sheet.getRange('A1:B1').getNotes()).toEqual([['Header', 'Header']]);
    expect(rt.state.spreadsheet.sheets[0]?.rows[0]?.[1]?.style).toEqual({
      background: '#eeeeee',
      note: 'Header',
    });
  });

  test('insertCheckboxes sets FALSE with a checkbox rule; check() ticks them', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:A2').insertCheckboxes();
    expect(range.getValues()).toEqual([[false], [false]]);
    expect(range.getDataValidation()?.getCriteriaType()).toBe('CHECKBOX');
    expect(range.isChecked()).toBe(false);
    range.check();
    expect(range.isChecked()).toBe(true);
  });

  test('Range.sort sorts only the range, blanks last', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B4').setValues([
      ['b', 1],
      ['', 2],
      ['a', 3],
      ['C', 4],
    ]);
    sheet.getRange('D1').setValue('outside');
    sheet.getRange('A1:B4').sort({ column: 1, ascending: true });
    expect(sheet.getRange('A1:B4').getValues()).toEqual([
      ['a', 3],
      ['b', 1],
      ['C', 4],
      ['', 2],
    ]);
    expect(sheet.getRange('D1').getValue()).toBe('outside');
  });
});

describe('Sheet', () => {
  test('getLastRow/getLastColumn count content only, getDataRange covers it', () => {
    const { app, sheet } = setup();
    expect(sheet.getLastRow()).toBe(0);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1');
    sheet.getRange('C5').setValue('x');
    sheet.getRange('E9').setBackground('#ff0000');
    sheet.getRange('F10').setDataValidation(app.newDataValidation().requireDate().build());
    expect(sheet.getLastRow()).toBe(5);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C5');
  });

  test('appendRow writes after the last row with content and grows the sheet', () => {
    const { sheet } = setup();
    sheet.getRange(1000, 1).setValue('last');
    sheet.appendRow(['new', '=1+1', '42']);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1, 1, 3).getValues()).toEqual([['new', '', 42]]);
    expect(sheet.getRange(1001, 2).getFormula()).toBe('=1+1');
  });

  test('insertRowsBefore shifts cells, named ranges and protections, and grows maxRows', () => {
    const { app } = setup();
    const ss = app.getActiveSpreadsheet();
    const sheet = pupils(app);
    ss.setNamedRange('PupilIds', sheet.getRange('A2:A4'));
    sheet.getRange('B3').protect().setDescription('Alex');
    sheet.insertRowsBefore(3, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange('B5').getValue()).toBe('Alex');
    expect(ss.getRangeByName('PupilIds')?.getA1Notation()).toBe('A2:A6');
    const [protection] = sheet.getProtections(app.ProtectionType.RANGE);
    expect(protection?.getRange().getA1Notation()).toBe('B5');
  });

  test('inserted rows take the neighbouring formatting, and validation only inside a validated block', () => {
    const { app, sheet } = setup();
    const rule = app.newDataValidation().requireValueInList(['Yes', 'No']).build();
    sheet.getRange('A1').setValue('Header').setFontWeight('bold');
    sheet.getRange('A2:A3').setDataValidation(rule);
    sheet.insertRowsAfter(2, 1); // inside A2:A3
    expect(sheet.getRange('A3').getDataValidation()?.getCriteriaType()).toBe('VALUE_IN_LIST');
    sheet.insertRowsAfter(4, 1); // after the block's end
    expect(sheet.getRange('A5').getDataValidation()).toBeNull();
    sheet.insertRowAfter(1); // inherits from the header above
    expect(sheet.getRange('A2').getFontWeight()).toBe('bold');
    expect(sheet.getRange('A2').getValue()).toBe('');
  });

  test('deleteRows removes rows, shifts the rest and checks bounds', () => {
    const { app } = setup();
    const sheet = pupils(app);
    sheet.deleteRows(2, 2);
    expect(sheet.getRange('A1:A2').getValues()).toEqual([['ID'], ['P3']]);
    expect(sheet.getMaxRows()).toBe(998);
    expect(() => sheet.deleteRows(998, 2)).toThrow('Those rows are out of bounds.');
    expect(() => sheet.deleteRows(1, 998)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
  });

  test('columns can be inserted and deleted', () => {
    const { app } = setup();
    const sheet = pupils(app);
    sheet.insertColumnBefore(2);
    expect(sheet.getRange('A1:D1').getValues()).toEqual([['ID', '', 'Name', 'Year']]);
    expect(sheet.getMaxColumns()).toBe(27);
    sheet.deleteColumn(2);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['ID', 'Name', 'Year']]);
    expect(() => sheet.deleteColumns(26, 2)).toThrow('Those columns are out of bounds.');
  });

  test('Sheet.sort keeps frozen rows in place', () => {
    const { app } = setup();
    const sheet = pupils(app);
    sheet.sort(2);
    expect(sheet.getRange('B1:B4').getValues()).toEqual([['Name'], ['Alex'], ['Ben'], ['Cara']]);
    sheet.sort(3, false);
    expect(sheet.getRange('C1:C4').getValues()).toEqual([['Year'], [5], [4], [3]]);
  });

  test('frozen rows, hiding and names', () => {
    const { app, sheet } = setup();
    sheet.setFrozenRows(2);
    expect(sheet.getFrozenRows()).toBe(2);
    expect(() => sheet.hideSheet()).toThrow('not possible to hide all the sheets');
    const other = app.getActiveSpreadsheet().insertSheet('Other');
    sheet.hideSheet();
    expect(sheet.isSheetHidden()).toBe(true);
    expect(() => other.setName('sheet1')).toThrow(
      'A sheet with the name "sheet1" already exists. Please enter another name.',
    );
    other.setName('Renamed');
    expect(other.getName()).toBe('Renamed');
  });
});

describe('Spreadsheet', () => {
  test('sheets: insert, look up, duplicate names, delete', () => {
    const { app } = setup();
    const ss = app.getActiveSpreadsheet();
    const staff = ss.insertSheet('Staff');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'Staff']);
    expect(ss.getActiveSheet().getName()).toBe('Staff');
    expect(staff.getIndex()).toBe(2);
    expect(ss.insertSheet('First', 0).getIndex()).toBe(1);
    expect(ss.getSheetByName('Missing')).toBeNull();
    expect(ss.getSheetById(staff.getSheetId())?.getName()).toBe('Staff');
    expect(() => ss.insertSheet('STAFF')).toThrow(
      'A sheet with the name "STAFF" already exists. Please enter another name.',
    );
    expect(ss.insertSheet().getName()).toBe('Sheet4');
    ss.deleteSheet(staff);
    expect(ss.getSheetByName('Staff')).toBeNull();
    expect(() => staff.getName()).toThrow();
  });

  test('metadata and Spreadsheet.getRange with a sheet name', () => {
    const { rt, app } = setup();
    const ss = app.getActiveSpreadsheet();
    const sheet = pupils(app);
    expect(ss.getId()).toBe(rt.state.spreadsheet.id);
    expect(ss.getUrl()).toContain(rt.state.spreadsheet.id);
    expect(ss.getSpreadsheetTimeZone()).toBe('Europe/London');
    expect(ss.getRange('Pupils!B2').getValue()).toBe('Cara');
    sheet.setName('Provision library');
    expect(ss.getRange("'Provision library'!B3").getValue()).toBe('Alex');
  });

  test('named ranges: set, get, list, follow a rename, remove', () => {
    const { app } = setup();
    const ss = app.getActiveSpreadsheet();
    const sheet = pupils(app);
    ss.setNamedRange('Years', sheet.getRange('C2:C4'));
    sheet.setName('Children');
    expect(ss.getRangeByName('Years')?.getValues()).toEqual([[5], [3], [4]]);
    expect(ss.getRangeByName('Years')?.getSheet().getName()).toBe('Children');
    expect(ss.getNamedRanges().map((n) => n.getName())).toEqual(['Years']);
    expect(() => ss.setNamedRange('A1', sheet.getRange('A1'))).toThrow('Invalid named range name');
    ss.removeNamedRange('Years');
    expect(ss.getRangeByName('Years')).toBeNull();
  });

  test('toast emits a UI event on the current execution', () => {
    const { rt, app } = setup();
    rt.execution = execution(rt, 'menu');
    app.getActiveSpreadsheet().toast('Saved', 'Provision map');
    expect(rt.execution.uiEvents).toEqual([
      { type: 'toast', title: 'Provision map', message: 'Saved' },
    ]);
  });

  test('objects read the state on every call: no stale cache', () => {
    const { rt, sheet } = setup();
    const cell = sheet.getRange('A1');
    cell.setValue('before');
    const fresh = emptyState();
    fresh.spreadsheet.sheets[0]?.rows.push([{ v: 'after' }]);
    rt.state = fresh;
    expect(cell.getValue()).toBe('after');
  });
});

describe('data validation', () => {
  test('builder produces rules with criteria, values, help text and allowInvalid', () => {
    const { app, sheet } = setup();
    const rule = app
      .newDataValidation()
      .requireValueInList(['Yes', 'No'], false)
      .setAllowInvalid(false)
      .setHelpText('Choose Yes or No')
      .build();
    sheet.getRange('A2:A3').setDataValidation(rule);
    const read = sheet.getRange('A3').getDataValidation();
    expect(read?.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(read?.getCriteriaValues()).toEqual([['Yes', 'No'], false]);
    expect(read?.getHelpText()).toBe('Choose Yes or No');
    expect(read?.getAllowInvalid()).toBe(false);
    expect(sheet.getRange('A1').getDataValidation()).toBeNull();
    const copied = read?.copy().setAllowInvalid(true).build();
    expect(copied?.getAllowInvalid()).toBe(true);
    expect(copied?.getCriteriaType()).toBe('VALUE_IN_LIST');
  });

  test('requireValueInRange stores {sheet, a1}, survives a save, and gives back a Range', () => {
    const { rt, app } = setup();
    const staff = app.getActiveSpreadsheet().insertSheet('Staff');
    staff.getRange('A1:A3').setValues([['Name'], ['Ms Khan'], ['Mr Lee']]);
    const sheet = app.getActiveSpreadsheet().getSheetByName('Sheet1') as Sheet;
    const rule = app.newDataValidation().requireValueInRange(staff.getRange('A2:A3')).build();
    sheet.getRange('B2').setDataValidation(rule);
    rt.state = parseState(serializeState(rt.state));
    expect(rt.state.spreadsheet.sheets[0]?.rows[1]?.[1]?.dv?.values).toEqual([
      { sheet: 'Staff', a1: 'A2:A3' },
      true,
    ]);
    const [range, showDropdown] =
      sheet.getRange('B2').getDataValidation()?.getCriteriaValues() ?? [];
    expect((range as GoogleAppsScript.Spreadsheet.Range).getValues()).toEqual([
      ['Ms Khan'],
      ['Mr Lee'],
    ]);
    expect(showDropdown).toBe(true);
  });

  test('builder rejects wrong argument types and rules without criteria', () => {
    const { app } = setup();
    const builder = app.newDataValidation() as unknown as Record<
      string,
      (...a: unknown[]) => unknown
    >;
    expect(() => builder.requireValueInList?.('Yes')).toThrow("don't match the method signature");
    expect(() => builder.requireValueInList?.([new Date()])).toThrow(
      "don't match the method signature",
    );
    expect(() => builder.requireNumberBetween?.('1', 5)).toThrow(
      "don't match the method signature",
    );
    expect(() => app.newDataValidation().build()).toThrow('needs criteria');
  });

  test('number and date rules keep their values', () => {
    const { app } = setup();
    const start = new Date('2026-09-01T00:00:00Z');
    const dateRule = app.newDataValidation().requireDateOnOrAfter(start).build();
    expect(dateRule.getCriteriaType()).toBe('DATE_ON_OR_AFTER');
    expect(dateRule.getCriteriaValues()).toEqual([start]);
    const numberRule = app.newDataValidation().requireNumberBetween(1, 5).build();
    expect(numberRule.getCriteriaValues()).toEqual([1, 5]);
  });
});

describe('protection', () => {
  test('a range protection blocks script writes by users who are not editors', () => {
    const { rt, app } = setup();
    const sheet = pupils(app);
    const protection = sheet.getRange('A1:C1').protect().setDescription('Headers');
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual(['senco@school.example']);
    expect(protection.canEdit()).toBe(true);
    sheet.getRange('A1').setValue('ID'); // the editor may write
    rt.user = 'teacher@school.example';
    expect(protection.canEdit()).toBe(false);
    expect(() => sheet.getRange('A1:A2').setValues([['X'], ['Y']])).toThrow(PROTECTED_MESSAGE);
    expect(sheet.getRange('A2').getValue()).toBe('P1');
    sheet.getRange('A2').setValue('P9'); // outside the protection
    expect(() => protection.setDescription('mine')).toThrow('You do not have permission');
  });

  test('warning-only protections do not block; editors can be managed', () => {
    const { rt, app } = setup();
    const sheet = pupils(app);
    const protection = sheet.getRange('A:A').protect();
    protection.addEditors(['head@school.example', 'teacher@school.example']);
    protection.removeEditors(protection.getEditors());
    expect(protection.getEditors().map((u) => u.getEmail())).toEqual(['senco@school.example']);
    protection.setWarningOnly(true);
    rt.user = 'teacher@school.example';
    sheet.getRange('A2').setValue('P7');
    expect(sheet.getRange('A2').getValue()).toBe('P7');
  });

  test('sheet protection with unprotected ranges, listed and removable', () => {
    const { rt, app } = setup();
    const sheet = pupils(app);
    const protection = sheet.protect().setDescription('Locked');
    protection.setUnprotectedRanges([sheet.getRange('C2:C4')]);
    expect(sheet.protect().getDescription()).toBe('Locked'); // the same protection
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(1);
    expect(protection.getProtectionType()).toBe('SHEET');
    rt.user = 'teacher@school.example';
    sheet.getRange('C2').setValue(6);
    expect(() => sheet.getRange('B2').setValue('x')).toThrow(PROTECTED_MESSAGE);
    expect(() => sheet.appendRow(['P4'])).toThrow(PROTECTED_MESSAGE);
    rt.user = 'senco@school.example';
    protection.remove();
    expect(sheet.getProtections(app.ProtectionType.SHEET)).toHaveLength(0);
  });
});

describe('scopes, auth modes and call counting', () => {
  test('every call is counted under its Apps Script name', () => {
    const { rt, app } = setup();
    rt.resetCalls();
    const sheet = app.getActiveSpreadsheet().getSheetByName('Sheet1') as Sheet;
    sheet.getRange('A1:B2').setValues([
      [1, 2],
      [3, 4],
    ]);
    sheet.getDataRange().getValues();
    expect(Object.fromEntries(rt.calls)).toEqual({
      'SpreadsheetApp.getActiveSpreadsheet': 1,
      'SpreadsheetApp.Spreadsheet.getSheetByName': 1,
      'SpreadsheetApp.Sheet.getRange': 1,
      'SpreadsheetApp.Range.setValues': 1,
      'SpreadsheetApp.Sheet.getDataRange': 1,
      'SpreadsheetApp.Range.getValues': 1,
    });
  });

  test('without a spreadsheets scope the call fails', () => {
    const rt = makeRuntime([SCOPE.CONTAINER_UI]);
    const app = createSpreadsheetApp(rt) as unknown as App;
    expect(() => app.getActiveSpreadsheet()).toThrow('Specified permissions are not sufficient');
    const full = createSpreadsheetApp(makeRuntime([SCOPE.SPREADSHEETS])) as unknown as App;
    expect(full.getActiveSpreadsheet().getName()).toBe('Provision map');
  });

  test('in AuthMode.NONE the sheet cannot be touched but the UI can be built', () => {
    const { rt, app } = setup();
    rt.execution = execution(rt, 'simple-trigger', 'NONE');
    expect(() => app.getActiveSpreadsheet()).toThrow('You do not have permission');
    expect(() =>
      app.getUi().createAddonMenu().addItem('Open', 'openSidebar').addToUi(),
    ).not.toThrow();
  });

  test('getUi needs the container.ui scope and fails in a time-driven trigger', () => {
    const noUi = createSpreadsheetApp(
      makeRuntime([SCOPE.SPREADSHEETS_CURRENTONLY]),
    ) as unknown as App;
    expect(() => noUi.getUi()).toThrow('Specified permissions are not sufficient');
    const { rt, app } = setup();
    rt.execution = execution(rt, 'trigger');
    expect(() => app.getUi()).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
  });

  test('openById needs the full spreadsheets scope', () => {
    const { rt, app } = setup();
    expect(() => app.openById(rt.state.spreadsheet.id)).toThrow(
      'Specified permissions are not sufficient',
    );
  });
});

describe('a person using the sheet', () => {
  function stateWithPupils(): { rt: Runtime; app: App; state: () => EmulatorState; sheet: Sheet } {
    const { rt, app } = setup();
    const sheet = pupils(app);
    return { rt, app, sheet, state: () => rt.state };
  }

  test('editCellAsUser parses typed text like the Sheets UI', () => {
    const { rt, sheet } = stateWithPupils();
    editCellAsUser(rt, 'Pupils', 2, 3, '6');
    editCellAsUser(rt, 'Pupils', 3, 2, "'=cmd");
    expect(sheet.getRange('C2').getValue()).toBe(6);
    expect(sheet.getRange('B3').getValue()).toBe('=cmd');
    expect(sheet.getRange('B3').getFormula()).toBe('');
  });

  test('editCellAsUser respects validation that rejects input', () => {
    const { rt, app, sheet } = stateWithPupils();
    const reject = app
      .newDataValidation()
      .requireNumberBetween(0, 6)
      .setAllowInvalid(false)
      .build();
    sheet.getRange('C2:C4').setDataValidation(reject);
    expect(() => editCellAsUser(rt, 'Pupils', 2, 3, '9')).toThrow(
      'There was a problem with Pupils!C2: Input must be a number between 0 and 6.',
    );
    expect(sheet.getRange('C2').getValue()).toBe(5);
    editCellAsUser(rt, 'Pupils', 2, 3, ''); // clearing is always allowed
    expect(sheet.getRange('C2').getValue()).toBe('');
    const list = app
      .newDataValidation()
      .requireValueInList(['Yes', 'No'])
      .setAllowInvalid(false)
      .setHelpText('Yes or No')
      .build();
    sheet.getRange('D2').setDataValidation(list);
    expect(() => editCellAsUser(rt, 'Pupils', 2, 4, 'Maybe')).toThrow('Yes or No');
    editCellAsUser(rt, 'Pupils', 2, 4, 'Yes');
    const warn = app.newDataValidation().requireDate().build(); // allowInvalid defaults to true
    sheet.getRange('E2').setDataValidation(warn);
    editCellAsUser(rt, 'Pupils', 2, 5, 'not a date');
    expect(sheet.getRange('E2').getValue()).toBe('not a date');
  });

  test('editCellAsUser respects protections', () => {
    const { rt, sheet } = stateWithPupils();
    sheet.getRange('A1:C1').protect();
    rt.user = 'teacher@school.example';
    expect(() => editCellAsUser(rt, 'Pupils', 1, 1, 'Hacked')).toThrow(PROTECTED_MESSAGE);
    expect(sheet.getRange('A1').getValue()).toBe('ID');
    editCellAsUser(rt, 'Pupils', 2, 2, 'Cora');
    expect(sheet.getRange('B2').getValue()).toBe('Cora');
  });

  test('sortSheetRowsAsUser keeps the header and moves formatting and validation with rows', () => {
    const { state, app, sheet } = stateWithPupils();
    sheet.setFrozenRows(0); // even unfrozen, the header row stays on top
    sheet
      .getRange('B2')
      .setBackground('#ffff00')
      .setDataValidation(app.newDataValidation().requireTextIsEmail().build());
    sheet.getRange('A5:C5').setValues([['P5', '', 1]]);
    sortSheetRowsAsUser(state(), 'Pupils', 2, true);
    expect(readSheetValues(state(), 'Pupils')).toEqual([
      ['ID', 'Name', 'Year'],
      ['P2', 'Alex', 3],
      ['P3', 'Ben', 4],
      ['P1', 'Cara', 5],
      ['P5', '', 1], // blank names last
    ]);
    expect(sheet.getRange('B4').getBackground()).toBe('#ffff00');
    expect(sheet.getRange('B4').getDataValidation()?.getCriteriaType()).toBe('TEXT_IS_VALID_EMAIL');
  });

  test('moveColumnAsUser moves whole columns with their references', () => {
    const { state, app, sheet } = stateWithPupils();
    const ss = app.getActiveSpreadsheet();
    ss.setNamedRange('Names', sheet.getRange('B2:B4'));
    sheet.getRange('C1').protect();
    moveColumnAsUser(state(), 'Pupils', 3, 1);
    expect(sheet.getRange('A1:C2').getValues()).toEqual([
      ['Year', 'ID', 'Name'],
      [5, 'P1', 'Cara'],
    ]);
    expect(ss.getRangeByName('Names')?.getA1Notation()).toBe('C2:C4');
    expect(sheet.getProtections(app.ProtectionType.RANGE)[0]?.getRange().getA1Notation()).toBe(
      'A1',
    );
    expect(() => moveColumnAsUser(state(), 'Pupils', 0, 2)).toThrow('outside tab');
  });

  test('insertRowAsUser inserts an empty row and shifts data down', () => {
    const { state, sheet } = stateWithPupils();
    insertRowAsUser(state(), 'Pupils', 3);
    expect(sheet.getRange('A2:A5').getValues()).toEqual([['P1'], [''], ['P2'], ['P3']]);
    expect(sheet.getMaxRows()).toBe(1001);
  });

  test('writeSheetRecords appends by header name, storing values raw', () => {
    const { state } = stateWithPupils();
    writeSheetRecords(state(), 'Pupils', [{ Name: '=1+1', ID: 'P4' }, { Year: '007' }]);
    expect(readSheetValues(state(), 'Pupils').slice(4)).toEqual([
      ['P4', '=1+1', ''],
      ['', '', '007'],
    ]);
    expect(state().spreadsheet.sheets[1]?.rows[4]?.[1]?.f).toBeUndefined();
    expect(() => writeSheetRecords(state(), 'Pupils', [{ Colour: 'red' }])).toThrow(
      'Tab "Pupils" has no column headed "Colour".',
    );
    expect(() => readSheetValues(state(), 'Nope')).toThrow('No tab named "Nope"');
  });
});

describe('formats set as a grid (Range.setFontSizes, setFontStyles, setBackgrounds)', () => {
  test('each cell takes its own size, style and colour; null resets a colour to none', () => {
    const { rt, sheet } = setup();
    const range = sheet.getRange(1, 1, 2, 2);
    range.setBackground('#ff0000');
    range
      .setFontSizes([
        [14, 10],
        [10, 12],
      ])
      .setFontStyles([
        ['italic', 'normal'],
        ['normal', 'italic'],
      ])
      .setBackgrounds([
        ['#b7e1cd', null],
        [null, '#f4c7c3'],
      ]);
    expect(range.getFontSizes()).toEqual([
      [14, 10],
      [10, 12],
    ]);
    expect(range.getFontStyles()).toEqual([
      ['italic', 'normal'],
      ['normal', 'italic'],
    ]);
    expect(range.getBackgrounds()).toEqual([
      ['#b7e1cd', '#ffffff'],
      ['#ffffff', '#f4c7c3'],
    ]);
    expect(rt.calls.get('SpreadsheetApp.Range.setFontSizes')).toBe(1);
  });

  test('a grid of the wrong shape is refused, as Apps Script does', () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 2, 2).setFontSizes([[10, 10]])).toThrow();
  });
});
