import { TABS, TAB_ORDER } from '../../src/domain/workbook';
import type { Emulator } from '../../emulator/src';
import { editCellAsUser, insertRowAsUser, moveColumnAsUser } from '../../emulator/src/spreadsheet';
import type { SheetState } from '../../emulator/src/state';
import { SCHOOL_2000_PLACES, seedBigSchool } from '../support/big-school';
import { newEmulator, setUpEmulator } from '../support/emulator';

describe('Set up provision map', () => {
  it('creates every tab with its headers, a frozen and protected header row', () => {
    const emu = newEmulator();
    emu.install();
    const { uiEvents } = emu.menu('setUpProvisionMap');
    expect(emu.tabNames()).toEqual(TAB_ORDER.map((key) => TABS[key].name));
    for (const key of TAB_ORDER) {
      const spec = TABS[key];
      const sheet = emu.state.spreadsheet.sheets.find((s) => s.name === spec.name)!;
      // The Dashboard's status table sits under its title, which stays in view.
      const headerRow = 'headerRow' in spec ? spec.headerRow : 1;
      expect(emu.values(spec.name)[headerRow - 1]).toEqual(spec.columns.map((c) => c.header));
      expect(sheet.frozenRows).toBe(headerRow === 1 ? 1 : 2);
      expect(sheet.protections.some((p) => p.range?.row === headerRow && !p.warningOnly)).toBe(
        true,
      );
    }
    expect(emu.values('Dashboard')[0]?.[0]).toBe('Provision map dashboard');
    const alert = uiEvents.find((e) => e.type === 'alert');
    expect(alert && alert.type === 'alert' && alert.message).toMatch(/Tabs created: Interventions/);
  });

  it('gives dropdowns for year groups, SEN status, need codes (with DS) and staff', () => {
    const emu = setUpEmulator();
    const pupils = emu.state.spreadsheet.sheets.find((s) => s.name === 'Pupils')!;
    const header = emu.values('Pupils')[0]!;
    const rule = (h: string) => pupils.rows[1]?.[header.indexOf(h)]?.dv;
    expect(rule('Year group')?.values[0]).toEqual(expect.arrayContaining(['Reception', 'Year 13']));
    expect(rule('SEN status')?.values[0]).toEqual(['SEN support', 'EHC plan']);
    expect(rule('Primary need')?.values[0]).toEqual(expect.arrayContaining(['DS', 'SEMH', 'NSA']));
    expect(rule('Class teacher')?.criteria).toBe('VALUE_IN_RANGE');
    expect(() =>
      editCellAsUser(emu.rt, 'Pupils', 2, header.indexOf('Year group') + 1, 'Year 14'),
    ).toThrow();
    editCellAsUser(emu.rt, 'Pupils', 2, header.indexOf('Year group') + 1, 'Year 4');
    expect(emu.values('Pupils')[1]?.[header.indexOf('Year group')]).toBe('Year 4');
  });

  it('writes the default settings once, with the EEF dosage bounds', () => {
    const emu = setUpEmulator();
    const settings = Object.fromEntries(emu.records('Settings').map((r) => [r.Setting, r.Value]));
    expect(settings['Minimum minutes per session']).toBe(15);
    expect(settings['Maximum weeks']).toBe(20);
  });

  it('changes no data when run again, keeps user columns and restores missing ones', () => {
    const emu = setUpEmulator();
    emu.appendRecords('Pupils', [
      {
        'Pupil ID': 'PUP-0001',
        'First name': 'Ava',
        'Last name': 'Example',
        'Year group': 'Year 3',
      },
    ]);
    // A user adds a column of their own and moves another one.
    const pupilsWidth = emu.values('Pupils')[0]!.length;
    editCellAsUser(emu.rt, 'Pupils', 1, pupilsWidth + 1, 'Reading age');
    moveColumnAsUser(emu.state, 'Pupils', 3, 1);
    // And changes a setting.
    const settingRow = emu.values('Settings').findIndex((r) => r[0] === 'Maximum weeks') + 1;
    editCellAsUser(emu.rt, 'Settings', settingRow, 2, '16');
    const before = TAB_ORDER.map((key) => emu.values(TABS[key].name));

    emu.menu('setUpProvisionMap');

    expect(TAB_ORDER.map((key) => emu.values(TABS[key].name))).toEqual(before);
    expect(emu.values('Pupils')[0]).toContain('Reading age');
    expect(emu.tabNames()).toHaveLength(TAB_ORDER.length);
  });

  it('adds back a column someone deleted, at the end, without touching the others', () => {
    const emu = setUpEmulator();
    const sheet = emu.state.spreadsheet.sheets.find((s) => s.name === 'Interventions')!;
    const locationColumn = emu.values('Interventions')[0]!.indexOf('Location');
    for (const row of sheet.rows) row.splice(locationColumn, 1);
    emu.menu('setUpProvisionMap');
    const headers = emu.values('Interventions')[0]!;
    expect(headers.at(-1)).toBe('Location');
    expect(headers.filter((h) => h === 'Location')).toHaveLength(1);
  });
});

/** Runs "Set up provision map" and counts what it did (Utilities run locally: not counted). */
function setUpAgain(emu: Emulator): {
  calls: Record<string, number>;
  total: number;
  written: number;
  formatted: number;
} {
  emu.resetCalls();
  emu.menu('setUpProvisionMap');
  const calls = emu.calls();
  const total = Object.entries(calls)
    .filter(([method]) => !method.startsWith('Utilities.'))
    .reduce((sum, [, n]) => sum + n, 0);
  let written = 0;
  let formatted = 0;
  for (const cells of Object.values(emu.cells())) {
    written += cells.written;
    formatted += cells.formatted;
  }
  return { calls, total, written, formatted };
}

const sheetOf = (emu: Emulator, name: string): SheetState =>
  emu.state.spreadsheet.sheets.find((s) => s.name === name)!;
/** 0-based index of a header on a tab. */
const columnOf = (emu: Emulator, name: string, header: string): number =>
  (emu.values(name)[0] ?? []).indexOf(header);
const cellOf = (emu: Emulator, name: string, row: number, header: string) =>
  sheetOf(emu, name).rows[row - 1]?.[columnOf(emu, name, header)];

/** What a workbook set up by an earlier version looks like: rules down to a counted row, no stamp. */
function asSetUpByAnEarlierVersion(emu: Emulator): void {
  delete emu.state.properties.document['setUp.layout'];
  for (const sheet of emu.state.spreadsheet.sheets) {
    for (const cells of sheet.rows) {
      for (const cell of cells) {
        if (cell?.dv) {
          delete cell.dv.openRows;
          delete cell.dv.openColumns;
        }
      }
    }
  }
}

/** Every place where set-up writes, formats or protects. */
const WRITES = [
  'SpreadsheetApp.Range.setDataValidation',
  'SpreadsheetApp.Range.setNumberFormat',
  'SpreadsheetApp.RangeList.setNumberFormat',
  'SpreadsheetApp.Range.setFontWeight',
  'SpreadsheetApp.Range.setBackground',
  'SpreadsheetApp.Range.setValues',
  'SpreadsheetApp.Range.setValue',
  'SpreadsheetApp.Range.protect',
  'SpreadsheetApp.Sheet.setFrozenRows',
  'SpreadsheetApp.Spreadsheet.insertSheet',
  'PropertiesService.Properties.setProperty',
];

/**
 * Calls a second run makes on a workbook set up already, whatever its size: the checks of every tab
 * and, for the baselines, a look at a few columns of Participants and Reviews (no whole tab).
 */
const SECOND_RUN_CALLS = 105;

describe('Set up provision map again: only what is missing', () => {
  it('only looks when nothing is missing: the same calls on a small and a big school, nothing written', () => {
    const small = setUpEmulator();
    const big = newEmulator();
    big.install();
    big.menu('setUpProvisionMap');
    seedBigSchool(big, SCHOOL_2000_PLACES);
    expect(big.records('Participants').length).toBe(SCHOOL_2000_PLACES.participants);

    const onSmall = setUpAgain(small);
    const onBig = setUpAgain(big);
    expect(onSmall.total).toBeLessThanOrEqual(SECOND_RUN_CALLS);
    expect(onBig.total).toBe(onSmall.total);
    for (const run of [onSmall, onBig]) {
      expect(run.formatted).toBe(0);
      expect(run.written).toBe(0);
      expect(WRITES.filter((method) => run.calls[method])).toEqual([]);
    }
  });

  it('gives rules to whole columns: rows added at the bottom later have the dropdowns and formats', () => {
    const emu = setUpEmulator();
    const pupils = sheetOf(emu, 'Pupils');
    const bottom = pupils.maxRows + 1;
    insertRowAsUser(emu.state, 'Pupils', bottom);
    insertRowAsUser(emu.state, 'Pupils', bottom + 1);
    expect(cellOf(emu, 'Pupils', bottom + 1, 'Year group')?.dv?.criteria).toBe('VALUE_IN_LIST');
    expect(cellOf(emu, 'Pupils', bottom + 1, 'Date of birth')?.nf).toBe('dd/mm/yyyy');
    expect(setUpAgain(emu).formatted).toBe(0);
  });

  it('makes a deleted tab again, with its rules, leaving the other tabs as they were', () => {
    const emu = setUpEmulator();
    emu.appendRecords('Pupils', [{ 'Pupil ID': 'PUP-0001', 'First name': 'Ava' }]);
    const sheets = emu.state.spreadsheet.sheets;
    sheets.splice(
      sheets.findIndex((s) => s.name === 'Reviews'),
      1,
    );
    const others = TAB_ORDER.map((key) => TABS[key].name).filter((name) => name !== 'Reviews');
    const before = others.map((name) => emu.values(name));

    const { uiEvents } = emu.menu('setUpProvisionMap');

    const alert = uiEvents.find((e) => e.type === 'alert');
    expect(alert && alert.type === 'alert' && alert.message).toMatch(/Tabs created: Reviews/);
    expect(emu.values('Reviews')[0]).toEqual(TABS.reviews.columns.map((c) => c.header));
    const reviews = sheetOf(emu, 'Reviews');
    expect(reviews.frozenRows).toBe(1);
    expect(
      reviews.protections.some((p) => p.description?.startsWith('Provision map headers')),
    ).toBe(true);
    expect(cellOf(emu, 'Reviews', reviews.maxRows, 'Status')?.dv?.values[0]).toEqual([
      'Due',
      'Done',
      'Cancelled',
    ]);
    expect(cellOf(emu, 'Reviews', 2, 'Due date')?.nf).toBe('dd/mm/yyyy');
    expect(others.map((name) => emu.values(name))).toEqual(before);
  });

  it('adds a deleted column back at the end with its dropdown and format, and no other', () => {
    const emu = setUpEmulator();
    const sheet = sheetOf(emu, 'Interventions');
    const startColumn = columnOf(emu, 'Interventions', 'Start date');
    for (const row of sheet.rows) row.splice(startColumn, 1);

    const run = setUpAgain(emu);

    const headers = emu.values('Interventions')[0]!;
    expect(headers.at(-1)).toBe('Start date');
    expect(cellOf(emu, 'Interventions', 2, 'Start date')?.dv?.criteria).toBe('DATE_IS_VALID_DATE');
    expect(cellOf(emu, 'Interventions', sheet.maxRows, 'Start date')?.nf).toBe('dd/mm/yyyy');
    expect(run.calls['SpreadsheetApp.Range.setDataValidation']).toBe(1);
    expect(run.calls['SpreadsheetApp.RangeList.setNumberFormat']).toBe(1);
    // The header row is wider again: its protection covers the new header too.
    const protection = sheet.protections.find((p) => p.description?.startsWith('Provision map'));
    expect(protection?.range?.numColumns).toBe(headers.length);
  });

  it("keeps a renamed column with its data and adds the add-on's column back with its dropdown", () => {
    const emu = setUpEmulator();
    emu.appendRecords('Pupils', [{ 'Pupil ID': 'PUP-0001', 'Year group': 'Year 3' }]);
    const yearColumn = columnOf(emu, 'Pupils', 'Year group');
    editCellAsUser(emu.rt, 'Pupils', 1, yearColumn + 1, 'Year');

    emu.menu('setUpProvisionMap');

    const headers = emu.values('Pupils')[0]!;
    expect(headers[yearColumn]).toBe('Year');
    expect(emu.values('Pupils')[1]?.[yearColumn]).toBe('Year 3');
    expect(headers.at(-1)).toBe('Year group');
    expect(cellOf(emu, 'Pupils', 2, 'Year group')?.dv?.values[0]).toContain('Reception');
  });

  it('puts back a dropdown or a format removed from a column, on that column only', () => {
    const emu = setUpEmulator();
    const pupils = sheetOf(emu, 'Pupils');
    const sen = columnOf(emu, 'Pupils', 'SEN status');
    const born = columnOf(emu, 'Pupils', 'Date of birth');
    for (const cells of pupils.rows.slice(1)) {
      if (cells[sen]) delete cells[sen].dv;
      if (cells[born]) delete cells[born].nf;
    }

    const run = setUpAgain(emu);

    expect(cellOf(emu, 'Pupils', 2, 'SEN status')?.dv?.values[0]).toEqual([
      'SEN support',
      'EHC plan',
    ]);
    expect(cellOf(emu, 'Pupils', pupils.maxRows, 'SEN status')?.dv?.criteria).toBe('VALUE_IN_LIST');
    expect(cellOf(emu, 'Pupils', pupils.maxRows, 'Date of birth')?.nf).toBe('dd/mm/yyyy');
    expect(run.calls['SpreadsheetApp.Range.setDataValidation']).toBe(1);
    expect(run.calls['SpreadsheetApp.RangeList.setNumberFormat']).toBe(1);
    expect(run.formatted).toBe(2 * (pupils.maxRows - 1));
  });

  it('freezes and protects a header row again when someone undid it', () => {
    const emu = setUpEmulator();
    const staff = sheetOf(emu, 'Staff');
    staff.frozenRows = 0;
    staff.protections = staff.protections.filter(
      (p) => !p.description?.startsWith('Provision map'),
    );

    setUpAgain(emu);

    const again = sheetOf(emu, 'Staff');
    expect(again.frozenRows).toBe(1);
    const headers = again.protections.filter((p) => p.description?.startsWith('Provision map'));
    expect(headers).toHaveLength(1);
    expect(headers[0]?.editors).toEqual(['senco@school.example']);
    expect(again.protections.filter((p) => p.description?.startsWith('Hourly costs'))).toHaveLength(
      1,
    );
  });

  it("moves an older Dashboard's status rows under its title, and leaves a framed one alone", () => {
    const emu = setUpEmulator();
    const dashboard = sheetOf(emu, 'Dashboard');
    // Laid out before the Dashboard had a title: the status table at the top.
    dashboard.rows = [
      [{ v: 'Measure' }, { v: 'Value' }, { v: 'Notes' }],
      [{ v: 'Review reminders' }, { v: 'On' }, { v: 'Sent from senco@school.example' }],
    ];

    emu.menu('setUpProvisionMap');

    const rows = emu.values('Dashboard');
    expect(rows[0]?.[0]).toBe('Provision map dashboard');
    expect(rows[3]).toEqual(['Measure', 'Value', 'Notes']);
    expect(rows[4]).toEqual(['Review reminders', 'On', 'Sent from senco@school.example']);
    const run = setUpAgain(emu);
    expect(emu.values('Dashboard')).toEqual(rows);
    expect(run.written).toBe(0);
  });

  it('gives a workbook set up by an earlier version whole-column rules once, reaching rows added below', () => {
    const emu = setUpEmulator();
    asSetUpByAnEarlierVersion(emu);
    const pupils = sheetOf(emu, 'Pupils');
    const formattedTo = pupils.maxRows;
    // Rows added below the formatted area: typed past the end, they got no rule.
    emu.appendRecords(
      'Pupils',
      Array.from({ length: formattedTo + 1 }, (_, i) => ({
        'Pupil ID': `PUP-${i}`,
        'First name': `P${i}`,
      })),
    );
    const below = formattedTo + 2;
    expect(cellOf(emu, 'Pupils', below, 'Year group')?.dv).toBeUndefined();
    const before = emu.values('Pupils');

    emu.menu('setUpProvisionMap');

    expect(cellOf(emu, 'Pupils', below, 'Year group')?.dv?.criteria).toBe('VALUE_IN_LIST');
    expect(cellOf(emu, 'Pupils', below, 'Date of birth')?.nf).toBe('dd/mm/yyyy');
    expect(emu.values('Pupils')).toEqual(before);
    // Once done, a further run has nothing to do.
    expect(setUpAgain(emu).formatted).toBe(0);
  });
});
