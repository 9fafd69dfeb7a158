/**
 * What "Set up provision map" relies on when it gives rules to whole columns once: number formats
 * set through a RangeList of open-ended ranges (D2:D) reach every row, rows inserted after the
 * last one take the format of the row before (as Sheets' insert "inherits from before"), and a
 * value-in-range rule given an open-ended list (Staff!A2:A) follows the list as it grows.
 */
import { Runtime, SCOPE } from '../../emulator/src/core';
import { emptyState } from '../../emulator/src/state';
import { createSpreadsheetApp, editCellAsUser } from '../../emulator/src/spreadsheet';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Range = GoogleAppsScript.Spreadsheet.Range;

function setup(): { rt: Runtime; app: App } {
  const rt = new Runtime(
    emptyState(),
    { now: () => new Date('2026-11-23T09:00:00Z') },
    'senco@school.example',
    new Set([SCOPE.SPREADSHEETS_CURRENTONLY, SCOPE.CONTAINER_UI]),
    '/tmp/sheet-test-build',
  );
  return { rt, app: createSpreadsheetApp(rt) as unknown as App };
}

describe('rules given to whole columns', () => {
  test('RangeList.setNumberFormat over C2:C and E2:E: every row, and rows inserted at the end', () => {
    const { rt, app } = setup();
    const sheet = app.getActiveSpreadsheet().insertSheet('Pupils');
    const list = sheet.getRangeList(['C2:C', 'E2:E']);
    expect(list.getRanges().map((r) => r.getA1Notation())).toEqual(['C2:C', 'E2:E']);
    rt.resetCalls();
    list.setNumberFormat('dd/mm/yyyy');
    expect(rt.calls.get('SpreadsheetApp.RangeList.setNumberFormat')).toBe(1);
    expect(sheet.getRange('C1000').getNumberFormat()).toBe('dd/mm/yyyy');
    expect(sheet.getRange('C1').getNumberFormat()).not.toBe('dd/mm/yyyy');
    expect(sheet.getRange('D2').getNumberFormat()).not.toBe('dd/mm/yyyy');
    sheet.insertRowsAfter(1000, 3);
    expect(sheet.getRange('E1003').getNumberFormat()).toBe('dd/mm/yyyy');
    expect(sheet.getRange('C2:C').getNumRows()).toBe(1002);
  });

  test('a value-in-range rule on an open-ended list covers names added below it later', () => {
    const { rt, app } = setup();
    const ss = app.getActiveSpreadsheet();
    const staff = ss.insertSheet('Staff');
    staff.getRange('A1:A3').setValues([['Name'], ['Ann Lee'], ['Bob Khan']]);
    const pupils = ss.insertSheet('Pupils');
    const rule = app
      .newDataValidation()
      .requireValueInRange(staff.getRange('A2:A'), true)
      .setAllowInvalid(false)
      .build();
    pupils.getRange('B2:B').setDataValidation(rule);
    staff.insertRowsAfter(1000, 5);
    staff.getRange('A1004').setValue('Cat Obi');
    const list = pupils.getRange('B7').getDataValidation()?.getCriteriaValues()[0] as Range;
    expect(list.getA1Notation()).toBe('A2:A');
    expect(list.getNumRows()).toBe(1004);
    editCellAsUser(rt, 'Pupils', 7, 2, 'Cat Obi');
    expect(pupils.getRange('B7').getValue()).toBe('Cat Obi');
    expect(() => editCellAsUser(rt, 'Pupils', 8, 2, 'Dan Roe')).toThrow();
  });
});
