/**
 * Ranges as Apps Script documents them: formulas filled over a range, open-ended A1 ranges,
 * checkboxes with custom values, TextFinder, RangeList, copyTo and hidden rows and columns.
 */
import { Runtime, SCOPE } from '../../emulator/src/core';
import { emptyState, parseState, serializeState } from '../../emulator/src/state';
import {
  createSpreadsheetApp,
  editCellAsUser,
  PROTECTED_MESSAGE,
  shiftFormula,
} from '../../emulator/src/spreadsheet';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const NOW = new Date('2026-11-23T09:00:00Z');

function setup(): { rt: Runtime; app: App; sheet: Sheet } {
  const rt = new Runtime(
    emptyState(),
    { now: () => NOW },
    'senco@school.example',
    new Set([SCOPE.SPREADSHEETS_CURRENTONLY, SCOPE.CONTAINER_UI]),
    '/tmp/sheet-test-build',
  );
  const app = createSpreadsheetApp(rt) as unknown as App;
  const sheet = app.getActiveSpreadsheet().getSheets()[0] as Sheet;
  return { rt, app, sheet };
}

/** A Pupils tab: ID, Name, Year for P1..P3 under a header. */
function pupils(app: App): Sheet {
  const sheet = app.getActiveSpreadsheet().insertSheet('Pupils');
  sheet.getRange(1, 1, 4, 3).setValues([
    ['ID', 'Name', 'Year'],
    ['P1', 'Cara', 5],
    ['P2', 'Alex', 3],
    ['P3', 'Ben', 4],
  ]);
  return sheet;
}

const a1s = (ranges: GoogleAppsScript.Spreadsheet.Range[]): string[] =>
  ranges.map((r) => r.getA1Notation());

describe('Range.setFormula over several cells (Sheets API RepeatCellRequest)', () => {
  test('relative references move per cell; $-anchored parts stay', () => {
    const { sheet } = setup();
    const range = sheet.getRange('D2:E3');
    range.setFormula('=A1');
    expect(range.getFormulas()).toEqual([
      ['=A1', '=B1'],
      ['=A2', '=B2'],
    ]);
    range.setFormula('=$A$1');
    expect(range.getFormulas()).toEqual([
      ['=$A$1', '=$A$1'],
      ['=$A$1', '=$A$1'],
    ]);
    range.setFormula('=A$1');
    expect(range.getFormulas()).toEqual([
      ['=A$1', '=B$1'],
      ['=A$1', '=B$1'],
    ]);
    range.setFormula('=$A1');
    expect(range.getFormulas()).toEqual([
      ['=$A1', '=$A1'],
      ['=$A2', '=$A2'],
    ]);
  });

  test('ranges, whole columns and rows, other sheets; strings and function names untouched', () => {
    const { sheet } = setup();
    sheet
      .getRange('B1:C2')
      .setFormula('=SUM(A1:A3)+LOG10(A1)+SUM(A:A)+SUM(1:1)+Pupils!A1+\'My tab\'!$B2&"A1"');
    expect(sheet.getRange('C2').getFormula()).toBe(
      '=SUM(B2:B4)+LOG10(B2)+SUM(B:B)+SUM(2:2)+Pupils!B2+\'My tab\'!$B3&"A1"',
    );
    expect(shiftFormula('=VLOOKUP(A2,Staff!A:C,2,FALSE)', 1, 0)).toBe(
      '=VLOOKUP(A3,Staff!A:C,2,FALSE)',
    );
    expect(shiftFormula('=A2:B', 2, 1)).toBe('=B4:C');
    expect(shiftFormula('=$5:5', 1, 0)).toBe('=$5:6');
    expect(shiftFormula('=A2', -1, -1)).toBe('=#REF!');
    expect(shiftFormula('plain A1', 1, 1)).toBe('plain A1');
  });

  test('setFormulas writes each formula exactly as given', () => {
    const { sheet } = setup();
    sheet.getRange('D2:E2').setFormulas([['=A1', '=A1']]);
    expect(sheet.getRange('D2:E2').getFormulas()).toEqual([['=A1', '=A1']]);
  });
});

describe('open-ended A1 ranges stay open', () => {
  test('D:F, 2:3 and A2:C keep their form and follow the sheet size', () => {
    const { sheet } = setup();
    expect(sheet.getRange('D:F').getA1Notation()).toBe('D:F');
    expect(sheet.getRange('2:3').getA1Notation()).toBe('2:3');
    const openRows = sheet.getRange('A2:C');
    expect(openRows.getA1Notation()).toBe('A2:C');
    expect(openRows.getNumRows()).toBe(999);
    expect(sheet.getRange('D1:F').getA1Notation()).toBe('D1:F');
    expect(sheet.getRange('D1:F1000').getA1Notation()).toBe('D1:F1000');
    const column = sheet.getRange('D:D');
    sheet.insertRowsAfter(1000, 5);
    expect(column.getNumRows()).toBe(1005);
    expect(column.getLastRow()).toBe(1005);
    expect(openRows.getLastRow()).toBe(1005);
    expect(column.offset(0, 1).getA1Notation()).toBe('E1:E1005'); // derived ranges are bounded
  });

  test('validation on D:D reaches rows inserted or appended past the end', () => {
    const { rt, app, sheet } = setup();
    const rule = app.newDataValidation().requireValueInList(['Yes', 'No']).build();
    sheet.getRange('D:D').setDataValidation(rule);
    sheet.insertRowsAfter(1000, 2);
    expect(sheet.getRange('D1002').getDataValidation()?.getCriteriaType()).toBe('VALUE_IN_LIST');
    sheet.getRange('A1002').setValue('last');
    sheet.appendRow(['new']);
    expect(sheet.getMaxRows()).toBe(1003);
    expect(sheet.getRange('D1003').getDataValidation()?.getCriteriaValues()).toEqual([
      ['Yes', 'No'],
      true,
    ]);
    expect(sheet.getRange('E1003').getDataValidation()).toBeNull();
    // The mark that makes it spread is the emulator's own: a script never sees it.
    const read = sheet.getRange('D5').getDataValidation();
    expect(rt.state.spreadsheet.sheets[0]?.rows[4]?.[3]?.dv?.openRows).toBe(true);
    sheet.getRange('F1:F2').setDataValidation(read);
    expect(rt.state.spreadsheet.sheets[0]?.rows[0]?.[5]?.dv?.openRows).toBeUndefined();
  });

  test('a bounded rule, or one cleared at the last row, does not spread', () => {
    const { app, sheet } = setup();
    const rule = app.newDataValidation().requireDate().build();
    sheet.getRange('B1:B1000').setDataValidation(rule);
    sheet.getRange('C:C').setDataValidation(rule);
    sheet.getRange('C1000').clearDataValidations();
    sheet.insertRowsAfter(1000, 1);
    expect(sheet.getRange('B1001').getDataValidation()).toBeNull();
    expect(sheet.getRange('C1001').getDataValidation()).toBeNull();
  });

  test('a rule on 2:2 reaches columns added at the end', () => {
    const { app, sheet } = setup();
    sheet.getRange('2:2').setDataValidation(app.newDataValidation().requireDate().build());
    sheet.insertColumnsAfter(26, 1);
    expect(sheet.getRange('AA2').getDataValidation()?.getCriteriaType()).toBe('DATE_IS_VALID_DATE');
  });

  test('a named range D:D still reads D:D after rows are inserted, and covers them', () => {
    const { app, sheet } = setup();
    const ss = app.getActiveSpreadsheet();
    ss.setNamedRange('Notes', sheet.getRange('D:D'));
    ss.setNamedRange('Data', sheet.getRange('A2:C'));
    sheet.insertRowsBefore(1, 2);
    expect(ss.getRangeByName('Notes')?.getA1Notation()).toBe('D:D');
    expect(ss.getRangeByName('Notes')?.getNumRows()).toBe(1002);
    expect(ss.getRangeByName('Data')?.getA1Notation()).toBe('A4:C');
    expect(ss.getNamedRanges()[0]?.getRange().getA1Notation()).toBe('D:D');
    sheet.deleteColumn(2);
    expect(ss.getRangeByName('Notes')?.getA1Notation()).toBe('C:C');
  });

  test('a protection on D:D protects rows added later and survives a save', () => {
    const { rt, app, sheet } = setup();
    sheet.getRange('D:D').protect().setDescription('Notes');
    sheet.getRange('A2:B').protect().setDescription('Data');
    sheet.insertRowsBefore(1, 1);
    sheet.insertRowsAfter(1001, 3);
    rt.state = parseState(serializeState(rt.state));
    const [notes, data] = sheet.getProtections(app.ProtectionType.RANGE);
    expect(notes?.getRange().getA1Notation()).toBe('D:D');
    expect(data?.getRange().getA1Notation()).toBe('A3:B');
    rt.user = 'teacher@school.example';
    expect(() => sheet.getRange('D1004').setValue('x')).toThrow(PROTECTED_MESSAGE);
    expect(() => sheet.getRange('A1004').setValue('x')).toThrow(PROTECTED_MESSAGE);
    sheet.getRange('A2').setValue('above the data'); // row 2 is outside A3:B now
  });

  test('state saved before open ranges existed still loads', () => {
    const { rt, app, sheet } = setup();
    const old = JSON.parse(serializeState(rt.state)) as {
      spreadsheet: { sheets: { protections: unknown[] }[] };
    };
    old.spreadsheet.sheets[0]?.protections.push({
      id: 'p-old',
      type: 'RANGE',
      range: { row: 1, column: 1, numRows: 1, numColumns: 3 },
      description: 'Headers',
      warningOnly: false,
      editors: ['senco@school.example'],
    });
    rt.state = parseState(JSON.stringify(old));
    const [protection] = sheet.getProtections(app.ProtectionType.RANGE);
    expect(protection?.getRange().getA1Notation()).toBe('A1:C1');
  });
});

describe('checkboxes with custom values (DataValidationBuilder.requireCheckbox, Range.check)', () => {
  test("requireCheckbox('Yes', 'No'): check() writes 'Yes', uncheck() 'No'", () => {
    const { app, sheet } = setup();
    const range = sheet.getRange('A1:A2');
    range.setDataValidation(app.newDataValidation().requireCheckbox('Yes', 'No').build());
    range.setValue('No');
    expect(range.isChecked()).toBe(false);
    range.check();
    expect(range.getValues()).toEqual([['Yes'], ['Yes']]);
    expect(range.isChecked()).toBe(true);
    sheet.getRange('A2').uncheck();
    expect(sheet.getRange('A2').getValue()).toBe('No');
    expect(range.isChecked()).toBeNull(); // some checked, some not
  });

  test('cells holding neither value are left alone; isChecked is null for them', () => {
    const { app, sheet } = setup();
    const range = sheet.getRange('A1:A2');
    range.setDataValidation(app.newDataValidation().requireCheckbox('Yes', 'No').build());
    sheet.getRange('A1').setValue('Maybe');
    range.check();
    expect(range.getValues()).toEqual([['Maybe'], ['']]);
    expect(range.isChecked()).toBeNull();
    expect(sheet.getRange('B1').isChecked()).toBeNull(); // no checkbox at all
  });

  test('a checkbox with only a checked value is unchecked when blank', () => {
    const { app, sheet } = setup();
    const cell = sheet.getRange('A1');
    cell.setDataValidation(app.newDataValidation().requireCheckbox('Done').build());
    expect(cell.isChecked()).toBe(false);
    cell.check();
    expect(cell.getValue()).toBe('Done');
    cell.uncheck();
    expect(cell.getValue()).toBe('');
  });

  test('insertCheckboxes with custom values sets the unchecked value; removeCheckboxes clears them', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:A2').insertCheckboxes('yes', 'no');
    expect(range.getValues()).toEqual([['no'], ['no']]);
    expect(range.getDataValidation()?.getCriteriaValues()).toEqual(['yes', 'no']);
    sheet.getRange('A1').check();
    expect(sheet.getRange('A1').getValue()).toBe('yes');
    sheet.getRange('B1').insertCheckboxes('yes');
    expect(sheet.getRange('B1').getValue()).toBe('');
    range.removeCheckboxes();
    expect(range.getValues()).toEqual([[''], ['']]);
    expect(range.getDataValidation()).toBeNull();
  });

  test('the plain checkbox stays TRUE/FALSE', () => {
    const { sheet } = setup();
    const range = sheet.getRange('A1:B1').insertCheckboxes();
    range.check();
    expect(range.getValues()).toEqual([[true, true]]);
    range.uncheck();
    expect(range.isChecked()).toBe(false);
  });
});

describe('requireValueInList takes a String[]', () => {
  test('numbers and booleans become their text, as Apps Script converts them', () => {
    const { rt, app, sheet } = setup();
    const rule = app
      .newDataValidation()
      .requireValueInList([1, 2, 3, true] as unknown as string[])
      .setAllowInvalid(false)
      .build();
    expect(rule.getCriteriaValues()).toEqual([['1', '2', '3', 'true'], true]);
    sheet.getRange('A1').setDataValidation(rule);
    editCellAsUser(rt, 'Sheet1', 1, 1, '2');
    expect(sheet.getRange('A1').getValue()).toBe(2);
    expect(() => editCellAsUser(rt, 'Sheet1', 1, 1, '4')).toThrow('Input must be an item');
  });
});

describe('TextFinder (Range/Sheet/Spreadsheet.createTextFinder)', () => {
  test('finds a record by its ID in one column, without reading the tab', () => {
    const { rt, app } = setup();
    const sheet = pupils(app);
    sheet.getRange('A5').setValue('P22');
    rt.resetCalls();
    const found = sheet.getRange('A:A').createTextFinder('P2').matchEntireCell(true).findNext();
    expect(found?.getRow()).toBe(3);
    expect(rt.calls.get('SpreadsheetApp.TextFinder.findNext')).toBe(1);
    expect(rt.calls.has('SpreadsheetApp.Range.getValues')).toBe(false);
    expect(a1s(sheet.createTextFinder('P2').findAll())).toEqual(['A3', 'A5']); // partial by default
  });

  test('case-insensitive by default, matchCase on request; row by row order', () => {
    const { sheet } = setup();
    sheet.getRange('A1:B2').setValues([
      ['', 'alex'],
      ['ALEX', 'Alexander'],
    ]);
    expect(a1s(sheet.createTextFinder('Alex').findAll())).toEqual(['B1', 'A2', 'B2']);
    expect(a1s(sheet.createTextFinder('Alex').matchCase(true).findAll())).toEqual(['B2']);
  });

  test('findNext / findPrevious / getCurrentMatch move through matches without wrapping', () => {
    const { app } = setup();
    const sheet = pupils(app);
    const finder = sheet.createTextFinder('P');
    expect(finder.getCurrentMatch()).toBeNull();
    expect(finder.findPrevious()).toBeNull();
    expect(finder.findNext()?.getA1Notation()).toBe('A2');
    expect(finder.findNext()?.getA1Notation()).toBe('A3');
    expect(finder.getCurrentMatch()?.getA1Notation()).toBe('A3');
    expect(finder.findPrevious()?.getA1Notation()).toBe('A2');
    expect(finder.findNext()?.getA1Notation()).toBe('A3');
    expect(finder.findNext()?.getA1Notation()).toBe('A4');
    expect(finder.findNext()).toBeNull();
    expect(finder.getCurrentMatch()).toBeNull();
    const later = sheet.createTextFinder('P').startFrom(sheet.getRange('A3'));
    expect(later.findNext()?.getA1Notation()).toBe('A4');
  });

  test('a range finder stays in its range; a spreadsheet finder goes through tabs in order', () => {
    const { app, sheet } = setup();
    const pupilsTab = pupils(app);
    sheet.getRange('C3').setValue('Cara');
    expect(a1s(pupilsTab.getRange('B3:C4').createTextFinder('a').findAll())).toEqual(['B3']);
    const all = app.getActiveSpreadsheet().createTextFinder('Cara').findAll();
    expect(all.map((r) => `${r.getSheet().getName()}!${r.getA1Notation()}`)).toEqual([
      'Sheet1!C3',
      'Pupils!B2',
    ]);
  });

  test('matches display values; formulas only with matchFormulaText; regular expressions', () => {
    const { sheet } = setup();
    sheet.getRange('A1:C1').setValues([[new Date('2026-11-23T00:00:00Z'), 2.5, '=SUM(B1:B2)']]);
    sheet.getRange('B1').setNumberFormat('0.00');
    expect(a1s(sheet.createTextFinder('23/11/2026').findAll())).toEqual(['A1']);
    expect(a1s(sheet.createTextFinder('2.50').findAll())).toEqual(['B1']);
    expect(sheet.createTextFinder('SUM').findAll()).toEqual([]);
    expect(a1s(sheet.createTextFinder('SUM').matchFormulaText(true).findAll())).toEqual(['C1']);
    const regex = sheet.createTextFinder('^\\d\\.\\d0$').useRegularExpression(true);
    expect(a1s(regex.findAll())).toEqual(['B1']);
    expect(() => sheet.createTextFinder('(').useRegularExpression(true).findAll()).toThrow(
      'Invalid regular expression',
    );
  });

  test('ignoreDiacritics matches Zoë for Zoe and keeps the accents it does not replace', () => {
    const { sheet } = setup();
    sheet.getRange('A1:A2').setValues([['Zoë Ng'], ['Zoe Li']]);
    expect(a1s(sheet.createTextFinder('Zoe').findAll())).toEqual(['A2']);
    const finder = sheet.createTextFinder('zoe').ignoreDiacritics(true);
    expect(a1s(finder.findAll())).toEqual(['A1', 'A2']);
    expect(sheet.createTextFinder('Ng').ignoreDiacritics(true).replaceAllWith('Ngata')).toBe(1);
    expect(sheet.getRange('A1').getValue()).toBe('Zoë Ngata');
  });

  test('replaceAllWith counts occurrences; replaceWith changes the current match only', () => {
    const { rt, sheet } = setup();
    sheet.getRange('A1:A3').setValues([['aa a'], ['ID-12'], ['a']]);
    rt.resetCalls();
    expect(sheet.getRange('A1').createTextFinder('a').replaceAllWith('b')).toBe(3);
    expect(sheet.getRange('A1').getValue()).toBe('bb b');
    expect(rt.calls.get('SpreadsheetApp.TextFinder.replaceAllWith')).toBe(1);
    // The replaced text is read as if typed: 'ID-12' without 'ID-' is the number 12.
    expect(sheet.createTextFinder('ID-').replaceAllWith('')).toBe(1);
    expect(sheet.getRange('A2').getValue()).toBe(12);
    const finder = sheet.createTextFinder('a').matchEntireCell(true);
    expect(finder.replaceWith('x')).toBe(0); // no current match yet
    finder.findNext();
    expect(finder.replaceWith('=HACK()')).toBe(1);
    expect(sheet.getRange('A3').getValue()).toBe('=HACK()'); // never made a formula
    expect(sheet.getRange('A3').getFormula()).toBe('');
  });

  test('replacing leaves formula cells alone unless matching formula text, and honours protections', () => {
    const { rt, sheet } = setup();
    sheet.getRange('A1:B1').setValues([['=SUM(C1:C2)', 'SUM']]);
    expect(sheet.createTextFinder('SUM').replaceAllWith('MAX')).toBe(1);
    expect(sheet.getRange('A1').getFormula()).toBe('=SUM(C1:C2)');
    sheet.createTextFinder('SUM').matchFormulaText(true).replaceAllWith('MAX');
    expect(sheet.getRange('A1').getFormula()).toBe('=MAX(C1:C2)');
    sheet.getRange('B1').protect();
    sheet.getRange('C1').setValue('MAX');
    rt.user = 'teacher@school.example';
    expect(() => sheet.createTextFinder('MAX').replaceAllWith('MIN')).toThrow(PROTECTED_MESSAGE);
    expect(sheet.getRange('C1').getValue()).toBe('MAX'); // nothing was replaced
  });
});

describe('RangeList (Sheet.getRangeList)', () => {
  test('one counted call writes every range; getRanges lists them', () => {
    const { rt, sheet } = setup();
    const list = sheet.getRangeList(['A1', 'C2:D3']);
    rt.resetCalls();
    list.setValue('x').setNumberFormat('@').setFontWeight('bold');
    expect(Object.fromEntries(rt.calls)).toEqual({
      'SpreadsheetApp.RangeList.setValue': 1,
      'SpreadsheetApp.RangeList.setNumberFormat': 1,
      'SpreadsheetApp.RangeList.setFontWeight': 1,
    });
    expect(a1s(list.getRanges())).toEqual(['A1', 'C2:D3']);
    expect(sheet.getRange('C2:D3').getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
    expect(sheet.getRange('D3').getFontWeight()).toBe('bold');
  });

  test('has no setValues; setFormula shifts within each range', () => {
    const { sheet } = setup();
    const list = sheet.getRangeList(['B1:B2', 'D5']);
    expect((list as unknown as Record<string, unknown>).setValues).toBeUndefined();
    expect((list as unknown as Record<string, unknown>).getValues).toBeUndefined();
    list.setFormula('=A1');
    expect(sheet.getRange('B1:B2').getFormulas()).toEqual([['=A1'], ['=A2']]);
    expect(sheet.getRange('D5').getFormula()).toBe('=A1');
  });

  test('clear() also clears validation rules; check and uncheck', () => {
    const { app, sheet } = setup();
    sheet.getRange('A1:B1').insertCheckboxes();
    const list = sheet.getRangeList(['A1', 'B1']);
    list.check();
    expect(sheet.getRange('A1:B1').isChecked()).toBe(true);
    list.uncheck();
    expect(sheet.getRange('A1:B1').getValues()).toEqual([[false, false]]);
    sheet.getRange('C1').setDataValidation(app.newDataValidation().requireDate().build());
    sheet.getRangeList(['A1:C1']).clear();
    expect(sheet.getRange('C1').getDataValidation()).toBeNull();
  });

  test('a protected range stops the whole call before anything is written', () => {
    const { rt, sheet } = setup();
    sheet.getRange('B1').protect();
    rt.user = 'teacher@school.example';
    expect(() => sheet.getRangeList(['A1', 'B1']).setValue('x')).toThrow(PROTECTED_MESSAGE);
    expect(sheet.getRange('A1').getValue()).toBe('');
  });

  test('bad notations and empty lists are refused', () => {
    const { app, sheet } = setup();
    expect(() => sheet.getRangeList(['nope'])).toThrow('Range not found');
    expect(() => sheet.getRangeList([])).toThrow("don't match the method signature");
    const ss = app.getActiveSpreadsheet();
    expect(a1s(ss.getRangeList(['A1:A2']).getRanges())).toEqual(['A1:A2']);
  });
});

describe('Range.copyTo', () => {
  test('a plain copy carries values, moved formulas, formats, notes and validation', () => {
    const { app, sheet } = setup();
    const rule = app.newDataValidation().requireNumberBetween(1, 5).build();
    sheet.getRange('A1:B1').setValues([[3, '=A1*2']]);
    sheet.getRange('A1').setNumberFormat('0.00').setBackground('#ffff00').setNote('n');
    sheet.getRange('A1').setDataValidation(rule);
    sheet.getRange('A1:B1').copyTo(sheet.getRange('C3'));
    expect(sheet.getRange('C3').getValue()).toBe(3);
    expect(sheet.getRange('D3').getFormula()).toBe('=C3*2');
    expect(sheet.getRange('C3').getNumberFormat()).toBe('0.00');
    expect(sheet.getRange('C3').getBackground()).toBe('#ffff00');
    expect(sheet.getRange('C3').getNote()).toBe('n');
    expect(sheet.getRange('C3').getDataValidation()?.getCriteriaValues()).toEqual([1, 5]);
    sheet.getRange('B1').copyTo(sheet.getRange('A1')); // =A1*2 one column left
    expect(sheet.getRange('A1').getFormula()).toBe('=#REF!*2');
  });

  test('{contentsOnly: true} pastes values only; {formatOnly: true} formats and validation', () => {
    const { app, sheet } = setup();
    sheet.getRange('A1:B1').setValues([[7, '=A1']]);
    sheet.getRange('A1:B1').setFontWeight('bold');
    sheet.getRange('B1').setDataValidation(app.newDataValidation().requireDate().build());
    sheet
      .getRange('A3:B3')
      .setValues([['old', 'old']])
      .setBackground('#00ff00');
    sheet.getRange('A1:B1').copyTo(sheet.getRange('A3'), { contentsOnly: true });
    expect(sheet.getRange('A3:B3').getFormulas()).toEqual([['', '']]);
    expect(sheet.getRange('A3').getValue()).toBe(7);
    expect(sheet.getRange('A3').getBackground()).toBe('#00ff00');
    expect(sheet.getRange('A3').getFontWeight()).toBe('normal');
    sheet.getRange('A1:B1').copyTo(sheet.getRange('A5'), { formatOnly: true });
    expect(sheet.getRange('A5:B5').getFontWeights()).toEqual([['bold', 'bold']]);
    expect(sheet.getRange('B5').getDataValidation()?.getCriteriaType()).toBe('DATE_IS_VALID_DATE');
    expect(sheet.getRange('A5').getValue()).toBe('');
  });

  test('copyPasteType with transposed, overlapping ranges, and bounds', () => {
    const { app, sheet } = setup();
    sheet.getRange('A1:C1').setValues([[1, 2, 3]]);
    sheet.getRange('A1:C1').copyTo(sheet.getRange('E1'), app.CopyPasteType.PASTE_VALUES, true);
    expect(sheet.getRange('E1:E3').getValues()).toEqual([[1], [2], [3]]);
    sheet.getRange('A1:C1').copyTo(sheet.getRange('B1')); // overlapping: read before written
    expect(sheet.getRange('A1:D1').getValues()).toEqual([[1, 1, 2, 3]]);
    expect(() => sheet.getRange('A1:A2').copyTo(sheet.getRange('A1000'))).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    const copyTo = sheet.getRange('A1').copyTo as (...a: unknown[]) => void;
    expect(() => copyTo.call(sheet.getRange('A1'), 'B1')).toThrow(
      "don't match the method signature",
    );
  });

  test('a protected destination is refused', () => {
    const { rt, sheet } = setup();
    sheet.getRange('A1').setValue('x');
    sheet.getRange('B1').protect();
    rt.user = 'teacher@school.example';
    expect(() => sheet.getRange('A1').copyTo(sheet.getRange('B1'))).toThrow(PROTECTED_MESSAGE);
  });
});

describe('hidden rows and columns', () => {
  test('hideColumns / showColumns / isColumnHiddenByUser, moved by inserts, kept in state', () => {
    const { rt, sheet } = setup();
    sheet.hideColumns(2, 2);
    expect([2, 3, 4].map((c) => sheet.isColumnHiddenByUser(c))).toEqual([true, true, false]);
    sheet.showColumns(3);
    expect(sheet.isColumnHiddenByUser(3)).toBe(false);
    sheet.insertColumnsBefore(1, 1);
    expect(sheet.isColumnHiddenByUser(3)).toBe(true);
    sheet.deleteColumn(3);
    expect(rt.state.spreadsheet.sheets[0]?.hiddenColumns).toBeUndefined();
    sheet.hideColumn(sheet.getRange('E:F'));
    rt.state = parseState(serializeState(rt.state));
    expect(sheet.isColumnHiddenByUser(6)).toBe(true);
    expect(() => sheet.hideColumns(26, 2)).toThrow('Those columns are out of bounds.');
  });

  test('hideRows / showRows / isRowHiddenByUser', () => {
    const { sheet } = setup();
    sheet.hideRows(5);
    sheet.insertRowsBefore(1, 2);
    expect(sheet.isRowHiddenByUser(7)).toBe(true);
    expect(sheet.isRowHiddenByUser(5)).toBe(false);
    sheet.showRows(7);
    expect(sheet.isRowHiddenByUser(7)).toBe(false);
    sheet.hideRow(sheet.getRange('A2:B3'));
    sheet.unhideRow(sheet.getRange('A3'));
    expect([2, 3].map((r) => sheet.isRowHiddenByUser(r))).toEqual([true, false]);
    expect(() => sheet.hideRows(0)).toThrow('Those rows are out of bounds.');
  });
});

describe('Range.clearFormat keeps number formats, as documented', () => {
  test('text formatting goes, the number format stays', () => {
    const { sheet } = setup();
    const cell = sheet.getRange('A1');
    cell.setNumberFormat('@').setFontWeight('bold').setValue('007');
    cell.clearFormat();
    expect(cell.getFontWeight()).toBe('normal');
    expect(cell.getNumberFormat()).toBe('@');
    cell.clear({ formatOnly: true });
    expect(cell.getNumberFormat()).toBe('0.###############');
  });
});
