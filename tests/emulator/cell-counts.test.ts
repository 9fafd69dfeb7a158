/**
 * The emulator counts the cells each call moves, beside the calls themselves: real Apps Script
 * time grows with the cells read and written, so the benchmark prices both.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Emulator } from '../../emulator/src';
import { Runtime, SCOPE } from '../../emulator/src/core';
import { emptyState } from '../../emulator/src/state';
import { createSpreadsheetApp } from '../../emulator/src/spreadsheet';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const NOW = new Date('2026-11-23T09:00:00Z');

function setup(): { rt: Runtime; sheet: Sheet } {
  const rt = new Runtime(
    emptyState(),
    { now: () => NOW },
    'senco@school.example',
    new Set([SCOPE.SPREADSHEETS_CURRENTONLY]),
    '/tmp/cell-count-test-build',
  );
  const app = createSpreadsheetApp(rt) as unknown as App;
  const sheet = app.getActiveSpreadsheet().getSheets()[0] as Sheet;
  rt.resetCalls();
  return { rt, sheet };
}

const cellsOf = (rt: Runtime, method: string) =>
  rt.cells.get(`SpreadsheetApp.${method}`) ?? { read: 0, written: 0, formatted: 0 };

describe('cells counted per call', () => {
  it('counts every cell of a range read, whatever it holds', () => {
    const { rt, sheet } = setup();
    sheet.getRange(1, 1, 10, 3).getValues();
    sheet.getRange(2, 2, 4, 5).getDisplayValues();
    expect(cellsOf(rt, 'Range.getValues')).toEqual({ read: 30, written: 0, formatted: 0 });
    expect(cellsOf(rt, 'Range.getDisplayValues').read).toBe(20);
  });

  it('adds up the cells of repeated calls to one method', () => {
    const { rt, sheet } = setup();
    sheet.getRange(1, 1, 10, 3).getValues();
    sheet.getRange(1, 1, 1, 3).getValues();
    expect(cellsOf(rt, 'Range.getValues').read).toBe(33);
    expect(rt.calls.get('SpreadsheetApp.Range.getValues')).toBe(2);
  });

  it('counts a single-cell getter as one cell read, however large the range', () => {
    const { rt, sheet } = setup();
    sheet.getRange(1, 1, 50, 4).getValue();
    expect(cellsOf(rt, 'Range.getValue').read).toBe(1);
  });

  it('counts the cells of a setValues as written', () => {
    const { rt, sheet } = setup();
    sheet.getRange(3, 1, 2, 4).setValues([
      ['a', 'b', 'c', 'd'],
      ['e', 'f', 'g', 'h'],
    ]);
    expect(cellsOf(rt, 'Range.setValues')).toEqual({ read: 0, written: 8, formatted: 0 });
  });

  it('counts a formats grid and a style over a range as formatted, not written', () => {
    const { rt, sheet } = setup();
    sheet.getRange(1, 1, 2, 3).setBackgrounds([
      ['#fff', '#eee', '#ddd'],
      ['#fff', '#eee', '#ddd'],
    ]);
    sheet.getRange(1, 1, 100, 2).setNumberFormat('d mmmm yyyy');
    expect(cellsOf(rt, 'Range.setBackgrounds')).toEqual({ read: 0, written: 0, formatted: 6 });
    expect(cellsOf(rt, 'Range.setNumberFormat').formatted).toBe(200);
  });

  it('counts clearing contents as written and clearing formats as formatted', () => {
    const { rt, sheet } = setup();
    sheet.getRange(1, 1, 5, 2).clear();
    sheet.getRange(1, 1, 5, 2).clearFormat();
    expect(cellsOf(rt, 'Range.clear').written).toBe(10);
    expect(cellsOf(rt, 'Range.clearFormat').formatted).toBe(10);
  });

  it('gives a RangeList the cells of all its ranges, with one call counted', () => {
    const { rt, sheet } = setup();
    sheet.getRangeList(['A1:B2', 'D1:D3']).setValue('x');
    expect(rt.calls.get('SpreadsheetApp.RangeList.setValue')).toBe(1);
    expect(rt.calls.get('SpreadsheetApp.Range.setValue')).toBeUndefined();
    expect(cellsOf(rt, 'RangeList.setValue').written).toBe(7);
  });

  it('counts no cells for a call refused for lack of a scope', () => {
    const { rt, sheet } = setup();
    const range = sheet.getRange(1, 1, 10, 3);
    rt.scopes.clear();
    expect(() => range.getValues()).toThrow('Specified permissions are not sufficient');
    expect(rt.cells.size).toBe(0);
  });

  it('counts no cells for calls that move none', () => {
    const { rt, sheet } = setup();
    const range = sheet.getRange(1, 1, 10, 3);
    range.getA1Notation();
    range.protect();
    expect(rt.cells.size).toBe(0);
  });
});

describe('Emulator.cells()', () => {
  const buildDirs: string[] = [];
  afterAll(() => buildDirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  /** An emulator over a manifest alone: the calls here go straight to its SpreadsheetApp. */
  function emulator(): Emulator {
    const buildDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cell-counts-'));
    buildDirs.push(buildDir);
    fs.writeFileSync(
      path.join(buildDir, 'appsscript.json'),
      JSON.stringify({ timeZone: 'Europe/London', oauthScopes: [SCOPE.SPREADSHEETS] }),
    );
    return new Emulator({ buildDir, now: NOW });
  }

  it('reports the cells beside the calls, and resetCalls() starts both again', () => {
    const emu = emulator();
    const app = createSpreadsheetApp(emu.rt) as unknown as App;
    const sheet = app.getActiveSpreadsheet().getSheets()[0] as Sheet;
    sheet.getRange(1, 1, 10, 3).getValues();
    expect(emu.calls()['SpreadsheetApp.Range.getValues']).toBe(1);
    expect(emu.cells()['SpreadsheetApp.Range.getValues']).toEqual({
      read: 30,
      written: 0,
      formatted: 0,
    });
    emu.resetCalls();
    expect(emu.cells()).toEqual({});
    expect(emu.calls()).toEqual({});
  });

  it('hands out copies: a caller cannot change the counts', () => {
    const emu = emulator();
    const app = createSpreadsheetApp(emu.rt) as unknown as App;
    (app.getActiveSpreadsheet().getSheets()[0] as Sheet).getRange(1, 1, 2, 2).getValues();
    const counts = emu.cells()['SpreadsheetApp.Range.getValues'];
    if (counts) counts.read = 0;
    expect(emu.cells()['SpreadsheetApp.Range.getValues']?.read).toBe(4);
  });
});
