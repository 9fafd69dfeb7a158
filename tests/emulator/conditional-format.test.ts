import { Runtime, SCOPE } from '../../emulator/src/core';
import {
  emptyState,
  parseState,
  serializeState,
  type EmulatorState,
  type SheetState,
} from '../../emulator/src/state';
import { createSpreadsheetApp, PROTECTED_MESSAGE } from '../../emulator/src/spreadsheet';
import { conditionalFormatFor } from '../../emulator/src/conditional-format-eval';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

const NOW = new Date('2026-11-23T09:00:00Z');
const TZ = 'Europe/London';

function setup(state: EmulatorState = emptyState()): { rt: Runtime; app: App; sheet: Sheet } {
  const rt = new Runtime(
    state,
    { now: () => NOW },
    'senco@school.example',
    new Set([SCOPE.SPREADSHEETS_CURRENTONLY]),
    '/tmp/conditional-format-test-build',
  );
  const app = createSpreadsheetApp(rt) as unknown as App;
  const sheet = app.getActiveSpreadsheet().getSheets()[0] as Sheet;
  return { rt, app, sheet };
}

function sheetState(rt: Runtime, name = 'Sheet1'): SheetState {
  const sheet = rt.state.spreadsheet.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

function a1s(rule: Rule | GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder): string[] {
  return rule.getRanges().map((r) => r.getA1Notation());
}

describe('SpreadsheetApp.newConditionalFormatRule and a sheet’s rules', () => {
  test('a rule set on the sheet is read back with its ranges, criteria and format', () => {
    const { rt, app, sheet } = setup();
    rt.resetCalls();
    const rule = app
      .newConditionalFormatRule()
      .whenNumberBetween(1, 10)
      .setBackground('#FF0000')
      .setBold(true)
      .setRanges([sheet.getRange('A1:B3'), sheet.getRange('D4:F6')])
      .build();
    const rules = sheet.getConditionalFormatRules();
    rules.push(rule);
    sheet.setConditionalFormatRules(rules);

    const [stored, ...others] = sheet.getConditionalFormatRules();
    expect(others).toEqual([]);
    expect(a1s(stored as Rule)).toEqual(['A1:B3', 'D4:F6']);
    const condition = stored?.getBooleanCondition();
    expect(condition?.getCriteriaType()).toBe(app.BooleanCriteria.NUMBER_BETWEEN);
    expect(condition?.getCriteriaValues()).toEqual([1, 10]);
    expect(condition?.getBackground()).toBe('#ff0000');
    expect(condition?.getBold()).toBe(true);
    expect(condition?.getFontColor()).toBeNull();
    expect(condition?.getItalic()).toBeNull();
    expect(stored?.getGradientCondition()).toBeNull();
    expect(rt.calls.get('SpreadsheetApp.newConditionalFormatRule')).toBe(1);
    expect(rt.calls.get('SpreadsheetApp.ConditionalFormatRuleBuilder.whenNumberBetween')).toBe(1);
    expect(rt.calls.get('SpreadsheetApp.ConditionalFormatRuleBuilder.build')).toBe(1);
    expect(rt.calls.get('SpreadsheetApp.Sheet.getConditionalFormatRules')).toBe(2);
    expect(rt.calls.get('SpreadsheetApp.Sheet.setConditionalFormatRules')).toBe(1);
    expect(rt.calls.get('SpreadsheetApp.BooleanCondition.getCriteriaType')).toBe(1);
  });

  test('setConditionalFormatRules replaces every rule, in order; clearConditionalFormatRules empties', () => {
    const { app, sheet } = setup();
    const rule = (text: string): Rule =>
      app
        .newConditionalFormatRule()
        .whenTextEqualTo(text)
        .setFontColor('#0000ff')
        .setRanges([sheet.getRange('C2:C40')])
        .build();
    sheet.setConditionalFormatRules([rule('a'), rule('b')]);
    sheet.setConditionalFormatRules([rule('c'), rule('a')]);
    const values = (): unknown[] =>
      sheet.getConditionalFormatRules().map((r) => r.getBooleanCondition()?.getCriteriaValues()[0]);
    expect(values()).toEqual(['c', 'a']);
    sheet.clearConditionalFormatRules();
    expect(sheet.getConditionalFormatRules()).toEqual([]);
  });

  test('build() needs a condition; the sheet refuses a rule without ranges or on another sheet', () => {
    const { app, sheet } = setup();
    const range = sheet.getRange('A1:A5');
    expect(() =>
      app.newConditionalFormatRule().setBackground('#ff0000').setRanges([range]).build(),
    ).toThrow(
      'A conditional format rule needs a condition (a when…() method, withCriteria or gradient points) before it can be built.',
    );
    // As the reference's withCriteria example, a rule can be built without ranges…
    const noRanges = app.newConditionalFormatRule().whenCellEmpty().build();
    expect(noRanges.getRanges()).toEqual([]);
    // …but "a rule must have at least one range".
    expect(() => sheet.setConditionalFormatRules([noRanges])).toThrow(
      'A conditional format rule must have at least one range.',
    );
    const other = app.getActiveSpreadsheet().insertSheet('Other');
    const elsewhere = noRanges
      .copy()
      .setRanges([other.getRange('A1')])
      .build();
    expect(() => sheet.setConditionalFormatRules([elsewhere])).toThrow(
      'The ranges of a conditional format rule must be on the sheet whose rules are set.',
    );
    expect(sheet.getConditionalFormatRules()).toEqual([]);
    other.setConditionalFormatRules([elsewhere]);
    expect(other.getConditionalFormatRules()).toHaveLength(1);
  });

  test('format setters: null removes a setting; colours read back as lower-case hex', () => {
    const { app, sheet } = setup();
    const builder = app
      .newConditionalFormatRule()
      .whenCellNotEmpty()
      .setBackground('#FC0')
      .setFontColor('Red')
      .setItalic(true)
      .setUnderline(false)
      .setStrikethrough(true)
      .setRanges([sheet.getRange('B2')]);
    let condition = builder.getBooleanCondition();
    expect(condition?.getBackground()).toBe('#ffcc00');
    expect(condition?.getFontColor()).toBe('#ff0000');
    expect([
      condition?.getItalic(),
      condition?.getUnderline(),
      condition?.getStrikethrough(),
    ]).toEqual([true, false, true]);
    builder.setBackground(null as unknown as string).setItalic(null as unknown as boolean);
    condition = builder.getBooleanCondition();
    expect(condition?.getBackground()).toBeNull();
    expect(condition?.getItalic()).toBeNull();
    expect(condition?.getFontColor()).toBe('#ff0000');
  });

  test('copy() presets a builder with the rule’s settings; changing it leaves the rule alone', () => {
    const { app, sheet } = setup();
    const rule = app
      .newConditionalFormatRule()
      .whenTextContains('overdue')
      .setBackground('#f4c7c3')
      .setRanges([sheet.getRange('E2:E50')])
      .build();
    const changed = rule
      .copy()
      .setBackground('#000000')
      .setRanges([sheet.getRange('F2:F50')])
      .build();
    expect(rule.getBooleanCondition()?.getBackground()).toBe('#f4c7c3');
    expect(a1s(rule)).toEqual(['E2:E50']);
    expect(changed.getBooleanCondition()?.getCriteriaValues()).toEqual(['overdue']);
    expect(changed.getBooleanCondition()?.getBackground()).toBe('#000000');
    expect(a1s(changed)).toEqual(['F2:F50']);
  });

  test('withCriteria rebuilds a rule from another rule’s boolean condition', () => {
    const { app, sheet } = setup();
    const original = app
      .newConditionalFormatRule()
      .whenNumberLessThan(5)
      .setRanges([sheet.getRange('C1:C9')])
      .build();
    const condition = original.getBooleanCondition();
    const rebuilt = app
      .newConditionalFormatRule()
      .withCriteria(
        condition?.getCriteriaType() as GoogleAppsScript.Spreadsheet.BooleanCriteria,
        condition?.getCriteriaValues() as unknown[] as object[],
      )
      .setBackground('#000000')
      .build();
    expect(rebuilt.getBooleanCondition()?.getCriteriaType()).toBe('NUMBER_LESS_THAN');
    expect(rebuilt.getBooleanCondition()?.getCriteriaValues()).toEqual([5]);
  });

  test('whenDate…: a Date keeps the date, a RelativeDate makes a _RELATIVE criteria', () => {
    const { app } = setup();
    const day = new Date('2026-12-01T00:00:00Z');
    const absolute = app.newConditionalFormatRule().whenDateBefore(day).build();
    const [kept] = absolute.getBooleanCondition()?.getCriteriaValues() ?? [];
    expect(absolute.getBooleanCondition()?.getCriteriaType()).toBe('DATE_BEFORE');
    expect(kept).toEqual(day);
    expect(kept).not.toBe(day); // a copy
    const relative = app
      .newConditionalFormatRule()
      .whenDateEqualTo(app.RelativeDate.TODAY)
      .build()
      .getBooleanCondition();
    expect(relative?.getCriteriaType()).toBe('DATE_EQUAL_TO_RELATIVE');
    expect(relative?.getCriteriaValues()).toEqual(['TODAY']);
  });

  test('gradient rules: points read back, and the last kind of condition set wins', () => {
    const { app, sheet } = setup();
    const gradient = app
      .newConditionalFormatRule()
      .setGradientMaxpointWithValue('#0000FF', app.InterpolationType.NUMBER, '100')
      .setGradientMidpointWithValue('#00FF00', app.InterpolationType.PERCENT, '50')
      .setGradientMinpoint('#FFFFFF')
      .setRanges([sheet.getRange('B2:B30')])
      .build();
    const condition = gradient.getGradientCondition();
    expect(gradient.getBooleanCondition()).toBeNull();
    expect([condition?.getMaxColor(), condition?.getMaxType(), condition?.getMaxValue()]).toEqual([
      '#0000ff',
      'NUMBER',
      '100',
    ]);
    expect([condition?.getMidColor(), condition?.getMidType(), condition?.getMidValue()]).toEqual([
      '#00ff00',
      'PERCENT',
      '50',
    ]);
    expect([condition?.getMinColor(), condition?.getMinType(), condition?.getMinValue()]).toEqual([
      '#ffffff',
      'MIN',
      '',
    ]);
    const noMid = gradient
      .copy()
      .setGradientMidpointWithValue(
        '',
        null as unknown as GoogleAppsScript.Spreadsheet.InterpolationType,
        '',
      )
      .build()
      .getGradientCondition();
    expect([noMid?.getMidColor(), noMid?.getMidType()]).toEqual(['', null]);
    const nowBoolean = gradient.copy().whenCellEmpty().build();
    expect(nowBoolean.getGradientCondition()).toBeNull();
    expect(nowBoolean.getBooleanCondition()?.getCriteriaType()).toBe('CELL_EMPTY');
    expect(() => app.newConditionalFormatRule().setGradientMaxpoint('#ff0000').build()).toThrow(
      'A gradient conditional format rule needs its minpoint and its maxpoint before it can be built.',
    );
  });

  test('arguments of the wrong type throw Apps Script’s signature error', () => {
    const { app, sheet } = setup();
    const builder = app.newConditionalFormatRule();
    expect(() => builder.whenNumberGreaterThan('5' as unknown as number)).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.whenNumberGreaterThan.",
    );
    expect(() => builder.setRanges(sheet.getRange('A1') as unknown as [])).toThrow(
      "The parameters (Range) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges.",
    );
    expect(() => builder.setBold('yes' as unknown as boolean)).toThrow(
      "The parameters (String) don't match the method signature for SpreadsheetApp.ConditionalFormatRuleBuilder.setBold.",
    );
    expect(() => sheet.setConditionalFormatRules([{} as Rule])).toThrow(
      "The parameters (Object[]) don't match the method signature for SpreadsheetApp.Sheet.setConditionalFormatRules.",
    );
  });

  test('protected cells: a user who is not an editor can neither add nor remove their rules', () => {
    const { rt, app, sheet } = setup();
    const protectedRule = app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setRanges([sheet.getRange('A1:A10')])
      .build();
    const openRule = app
      .newConditionalFormatRule()
      .whenCellEmpty()
      .setRanges([sheet.getRange('C1:C10')])
      .build();
    sheet.setConditionalFormatRules([protectedRule]);
    sheet.getRange('A1:A10').protect();
    rt.user = 'ta@school.example';
    // Keeping the protected rule as it is and adding one elsewhere is allowed…
    sheet.setConditionalFormatRules([protectedRule, openRule]);
    // …removing it, or adding one on the protected cells, is not.
    expect(() => sheet.setConditionalFormatRules([openRule])).toThrow(PROTECTED_MESSAGE);
    expect(() => sheet.clearConditionalFormatRules()).toThrow(PROTECTED_MESSAGE);
    expect(sheet.getConditionalFormatRules()).toHaveLength(2);
  });
});

describe('conditional format rules in the state', () => {
  test('rules survive serializeState/parseState, dates too; state saved without rules loads', () => {
    const { rt, app, sheet } = setup();
    const day = new Date('2026-12-01T00:00:00Z');
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenDateAfter(day)
        .setBackground('#fce8b2')
        .setRanges([sheet.getRange('D2:D20')])
        .build(),
    ]);
    const reloaded = setup(parseState(serializeState(rt.state)));
    const [rule] = reloaded.sheet.getConditionalFormatRules();
    expect(a1s(rule as Rule)).toEqual(['D2:D20']);
    const [value] = rule?.getBooleanCondition()?.getCriteriaValues() ?? [];
    expect(value).toBeInstanceOf(Date);
    expect(value).toEqual(day);
    expect(rule?.getBooleanCondition()?.getBackground()).toBe('#fce8b2');

    const old = JSON.parse(serializeState(emptyState())) as {
      spreadsheet: { sheets: Record<string, unknown>[] };
    };
    for (const s of old.spreadsheet.sheets) delete s.conditionalFormats;
    expect(setup(parseState(JSON.stringify(old))).sheet.getConditionalFormatRules()).toEqual([]);
  });

  test('rule ranges follow inserted and deleted rows; a rule whose cells are all deleted goes', () => {
    const { app, sheet } = setup();
    const rule = (a1: string[]): Rule =>
      app
        .newConditionalFormatRule()
        .whenCellEmpty()
        .setRanges(a1.map((a) => sheet.getRange(a)))
        .build();
    sheet.setConditionalFormatRules([rule(['B2:B10', 'D5:D6']), rule(['F20:F21'])]);
    sheet.insertRowsAfter(3, 2); // inside B2:B10, above D5:D6 and F20:F21
    expect(sheet.getConditionalFormatRules().map(a1s)).toEqual([['B2:B12', 'D7:D8'], ['F22:F23']]);
    sheet.deleteRows(20, 5); // all of F22:F23
    sheet.deleteRows(7, 2); // all of D7:D8, two rows of B2:B12
    expect(sheet.getConditionalFormatRules().map(a1s)).toEqual([['B2:B10']]);
    sheet.deleteColumn(1);
    expect(sheet.getConditionalFormatRules().map(a1s)).toEqual([['A2:A10']]);
  });
});

describe('conditionalFormatFor: the format a cell shows', () => {
  test('the first rule that applies wins alone', () => {
    const { rt, app, sheet } = setup();
    sheet.getRange('A1:A3').setValues([['Overdue'], ['Due soon'], ['Done']]);
    const range = sheet.getRange('A1:A3');
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenTextEqualTo('overdue')
        .setBackground('#f4c7c3')
        .setRanges([range])
        .build(),
      app.newConditionalFormatRule().whenCellNotEmpty().setBold(true).setRanges([range]).build(),
    ]);
    const state = sheetState(rt);
    expect(conditionalFormatFor(state, 1, 1, TZ)).toEqual({ background: '#f4c7c3' });
    expect(conditionalFormatFor(state, 2, 1, TZ)).toEqual({ bold: true });
    expect(conditionalFormatFor(state, 4, 1, TZ)).toEqual({}); // outside the ranges
    expect(conditionalFormatFor(state, 1, 2, TZ)).toEqual({});
  });

  test('text criteria ignore case; "does not contain" also matches empty cells', () => {
    const { rt, app, sheet } = setup();
    sheet.getRange('A1:A3').setValues([['Phonics catch-up'], ['Maths'], ['']]);
    const range = sheet.getRange('A1:A3');
    const only = (
      builder: GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder,
    ): boolean[] => {
      sheet.setConditionalFormatRules([builder.setBold(true).setRanges([range]).build()]);
      return [1, 2, 3].map((row) => conditionalFormatFor(sheetState(rt), row, 1, TZ).bold === true);
    };
    expect(only(app.newConditionalFormatRule().whenTextContains('PHONICS'))).toEqual([
      true,
      false,
      false,
    ]);
    expect(only(app.newConditionalFormatRule().whenTextDoesNotContain('phonics'))).toEqual([
      false,
      true,
      true,
    ]);
    expect(only(app.newConditionalFormatRule().whenTextStartsWith('ma'))).toEqual([
      false,
      true,
      false,
    ]);
    expect(only(app.newConditionalFormatRule().whenTextEndsWith('UP'))).toEqual([
      true,
      false,
      false,
    ]);
    expect(only(app.newConditionalFormatRule().whenCellEmpty())).toEqual([false, false, true]);
  });

  test('number criteria apply to numbers only; between includes both ends in either order', () => {
    const { rt, app, sheet } = setup();
    sheet.getRange('A1:A5').setValues([[1], [5], [10], ['ten'], ['']]);
    const range = sheet.getRange('A1:A5');
    const only = (
      builder: GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder,
    ): boolean[] => {
      sheet.setConditionalFormatRules([builder.setItalic(true).setRanges([range]).build()]);
      return [1, 2, 3, 4, 5].map(
        (row) => conditionalFormatFor(sheetState(rt), row, 1, TZ).italic === true,
      );
    };
    const rule = (): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder =>
      app.newConditionalFormatRule();
    expect(only(rule().whenNumberBetween(10, 5))).toEqual([false, true, true, false, false]);
    expect(only(rule().whenNumberNotBetween(5, 10))).toEqual([true, false, false, false, false]);
    expect(only(rule().whenNumberLessThan(5))).toEqual([true, false, false, false, false]);
    expect(only(rule().whenNumberGreaterThanOrEqualTo(5))).toEqual([
      false,
      true,
      true,
      false,
      false,
    ]);
    expect(only(rule().whenNumberNotEqualTo(5))).toEqual([true, false, true, false, false]);
  });

  test('date criteria compare days in the time zone; relative dates count from now', () => {
    const { rt, app, sheet } = setup();
    // 23 Nov 2026 is "today" (NOW); dates as typed in the sheet: midnight, London time.
    sheet
      .getRange('A1:A4')
      .setValues([['20/11/2026'], ['23/11/2026'], ['24/11/2026'], ['10/11/2026']]);
    const range = sheet.getRange('A1:A4');
    const only = (
      builder: GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder,
    ): boolean[] => {
      sheet.setConditionalFormatRules([
        builder.setBackground('#ff0000').setRanges([range]).build(),
      ]);
      return [1, 2, 3, 4].map(
        (row) => !!conditionalFormatFor(sheetState(rt), row, 1, TZ, { now: NOW }).background,
      );
    };
    const rule = (): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder =>
      app.newConditionalFormatRule();
    expect(only(rule().whenDateBefore(app.RelativeDate.TODAY))).toEqual([true, false, false, true]);
    expect(only(rule().whenDateEqualTo(app.RelativeDate.TOMORROW))).toEqual([
      false,
      false,
      true,
      false,
    ]);
    expect(only(rule().whenDateEqualTo(app.RelativeDate.PAST_WEEK))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(only(rule().whenDateAfter(new Date('2026-11-20T12:00:00Z')))).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  test('a custom formula applies only through evaluateFormula, given the range’s anchor cell', () => {
    const { rt, app, sheet } = setup();
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenFormulaSatisfied('=$C2="Overdue"')
        .setFontColor('#cc0000')
        .setRanges([sheet.getRange('A2:C10')])
        .build(),
    ]);
    const state = sheetState(rt);
    expect(conditionalFormatFor(state, 3, 2, TZ)).toEqual({});
    const seen: unknown[] = [];
    const format = conditionalFormatFor(state, 3, 2, TZ, {
      evaluateFormula: (formula, cell) => {
        seen.push([formula, cell]);
        return true;
      },
    });
    expect(format).toEqual({ fontColor: '#cc0000' });
    expect(seen).toEqual([
      ['=$C2="Overdue"', { row: 3, column: 2, anchorRow: 2, anchorColumn: 1 }],
    ]);
  });

  test('a colour scale colours numbers between its points; other cells fall through', () => {
    const { rt, app, sheet } = setup();
    sheet.getRange('A1:A4').setValues([[0], [50], [100], ['n/a']]);
    const range = sheet.getRange('A1:A4');
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .setGradientMinpoint('#ffffff')
        .setGradientMaxpoint('#ff0000')
        .setRanges([range])
        .build(),
      app.newConditionalFormatRule().whenCellNotEmpty().setBold(true).setRanges([range]).build(),
    ]);
    const state = sheetState(rt);
    expect(conditionalFormatFor(state, 1, 1, TZ)).toEqual({ background: '#ffffff' });
    expect(conditionalFormatFor(state, 2, 1, TZ)).toEqual({ background: '#ff8080' });
    expect(conditionalFormatFor(state, 3, 1, TZ)).toEqual({ background: '#ff0000' });
    expect(conditionalFormatFor(state, 4, 1, TZ)).toEqual({ bold: true });
  });

  test('a range open to the last row covers rows added later', () => {
    const { rt, app, sheet } = setup();
    sheet.setConditionalFormatRules([
      app
        .newConditionalFormatRule()
        .whenTextEqualTo('yes')
        .setBackground('#b7e1cd')
        .setRanges([sheet.getRange('B2:B')])
        .build(),
    ]);
    sheet.insertRowsAfter(1000, 5);
    sheet.getRange('B1004').setValue('Yes');
    expect(conditionalFormatFor(sheetState(rt), 1004, 2, TZ)).toEqual({ background: '#b7e1cd' });
  });
});
